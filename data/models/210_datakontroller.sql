-- model: datakontroller (macro, no rows of its own)
-- grain: one row per data-quality check on date d, always all checks (antal 0 when
-- nothing is found). A macro, so that `datakvalitet` (every check) and
-- `datakvalitet_summa` (the findings counted) read one definition
-- (docs/metrics.md "Data about the data").
create macro datakontroller(d) as table
with i_vard as (
    select ansvarig_kommun, dygnskostnad, enhet_id, from i_vard_pa(d)
),
enheter_med_platser as (
    select distinct enhet_id from platser
    where giltig_fran <= d::date and (giltig_till is null or giltig_till >= d::date)
),
kontroller as (
    select 1 as ordning, 'fel' as allvarlighet, 'utan_ansvarig_kommun' as kontroll,
        'Personer i vård utan anvisning på dagen (ingen ansvarig kommun)' as beskrivning,
        (select count(*) from i_vard where ansvarig_kommun is null) as antal,
    union all
    select 2, 'varning', 'utan_dygnskostnad', 'Personer i vård vars placering saknar dygnskostnad och enhetens dygnspris',
        (select count(*) from i_vard where dygnskostnad is null)
    union all
    select 3, 'info', 'enhet_utan_platser', 'Personer i vård på enheter utan avtalade platser på dagen',
        (select count(*) from i_vard as i
            where i.enhet_id is not null
                and not exists (select 1 from enheter_med_platser as e where e.enhet_id = i.enhet_id))
    union all
    select 4, 'varning', 'overbelagda_enheter', 'Enheter med fler placeringar än avtalade platser på dagen',
        (select count(*) from belaggning_perioder
            where platstyp = 'alla' and fran <= d::date and till > d::date
                and antal_placeringar > antal_platser)
    union all
    -- the raw placements: the care rows (vard_perioder) never overlap by construction
    select 5, 'fel', 'dubbla_placeringar', 'Personer med mer än en pågående placering på dagen',
        (select count(*) from (
            select person_id from placering_perioder
            where startdatum <= d::date and effektiv_slut > d::date
            group by person_id having count(*) > 1))
    union all
    select 6, 'info', 'pagaende_efter_uttag', 'Pågående placeringar som räknas till uttagsdatum',
        (select count(*) from placeringar where slutdatum is null or slutdatum > uttagsdatum())
    union all
    -- the case is open (latest anvisning on or before datum, not closed by then) but the
    -- person has no placement that day: a placement may be missing from the export
    select 7, 'varning', 'anvisning_utan_placering', 'Personer med öppen anvisning på dagen men utan placering',
        (select count(*)
            -- the latest anvisning on d is the one whose responsibility period holds d
            from ansvar_perioder as ap
            join anvisningar as a on a.anvisning_id = ap.anvisning_id
            where ap.giltig_fran <= d::date and ap.giltig_till > d::date
                and (a.avslutsdatum is null or a.avslutsdatum > d::date)
                and not exists (
                    select 1 from placering_perioder as p
                    where p.person_id = ap.person_id
                        and p.startdatum <= d::date and p.effektiv_slut > d::date))
    union all
    -- over all data: care on or after the 21st birthday (current birth date) is outside
    -- the care of children and youths the state compensates
    select 8, 'varning', 'placering_efter_21', 'Placeringar med vårddygn efter 21-årsdagen (hela datamängden)',
        (select count(*) from placeringar_efter_21)
)
select ordning, kontroll, beskrivning, antal, allvarlighet, from kontroller;
