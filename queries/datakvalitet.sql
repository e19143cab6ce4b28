-- datakvalitet: data-quality checks that affect the figures on datum.
-- titel: Datakvalitetskontroller på datumet
-- grain: one row per check, always all checks (antal 0 when nothing is found)
-- definition: docs/metrics.md "Data about the data"
-- params: datum date
with i_vard as (
    select ansvarig_kommun, dygnskostnad, enhet_id, from i_vard_pa($datum)
),
enheter_med_platser as (
    select distinct enhet_id from platser
    where giltig_fran <= $datum::date and (giltig_till is null or giltig_till >= $datum::date)
),
kontroller as (
    select 1 as ordning, 'utan_ansvarig_kommun' as kontroll,
        'Personer i vård utan anvisning på dagen (ingen ansvarig kommun)' as beskrivning,
        (select count(*) from i_vard where ansvarig_kommun is null) as antal,
    union all
    select 2, 'utan_dygnskostnad', 'Personer i vård vars placering saknar dygnskostnad och enhetens dygnspris',
        (select count(*) from i_vard where dygnskostnad is null)
    union all
    select 3, 'enhet_utan_platser', 'Personer i vård på enheter utan avtalade platser på dagen',
        (select count(*) from i_vard where enhet_id not in (select enhet_id from enheter_med_platser))
    union all
    select 4, 'overbelagda_enheter', 'Enheter med fler placeringar än avtalade platser på dagen',
        (select count(*) from belaggning_perioder
            where platstyp = 'alla' and fran <= $datum::date and till > $datum::date
                and antal_placeringar > antal_platser)
    union all
    -- the raw placements: the care rows (vard_perioder) never overlap by construction
    select 5, 'dubbla_placeringar', 'Personer med mer än en pågående placering på dagen',
        (select count(*) from (
            select person_id from placering_perioder
            where startdatum <= $datum::date and effektiv_slut > $datum::date
            group by person_id having count(*) > 1))
    union all
    select 6, 'pagaende_efter_uttag', 'Pågående placeringar som räknas till uttagsdatum',
        (select count(*) from placeringar where slutdatum is null or slutdatum > uttagsdatum())
),
final as (
    select kontroll, beskrivning, antal,
    from kontroller
    order by ordning
)
select * from final
