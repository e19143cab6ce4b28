-- model: vard_perioder (table)
-- key: placering_id, fran
-- grain: one row per placement per stretch of care in which the responsible
-- municipality, residence-permit status, valid birth date and age group are
-- all constant; a person's rows never overlap, so counting rows on a date
-- counts persons. Every person figure filters and groups these rows, so ages,
-- transfers (överflyttning) and status changes stay exact without expanding
-- placements day by day. [fran, till) is inside the placement's care interval.
create table vard_perioder as
with aldersgrupper(aldersgrupp, fran_ar, till_ar) as (
    values ('0-13', 0, 14), ('14-17', 14, 18), ('18-20', 18, 21), ('21+', 21, 10000)
),
utan_overlapp as (
    -- the import refuses overlapping placements; should two overlap anyway, the later
    -- startdatum wins from its start (docs/metrics.md "Persons"), so a person is never counted twice
    select
        *,
        least(
            effektiv_slut,
            coalesce(lead(startdatum) over (partition by person_id order by startdatum, placering_id), date '9999-12-31')
        ) as vard_slut,
    from placering_perioder
),
delar as (
    select
        p.placering_id,
        p.person_id,
        p.enhet_id,
        p.boendeform,
        p.regi,
        p.vistelsekommun,
        p.dygnskostnad,
        p.startdatum,
        pl.slutdatum,
        s.anvisningskommun as ansvarig_kommun,
        s.platstyp,
        f.fodelsedatum,
        greatest(p.startdatum, s.giltig_fran, f.giltig_fran) as fran,
        least(p.vard_slut, s.giltig_till, f.giltig_till) as till,
    from utan_overlapp as p
    join placeringar as pl on pl.placering_id = p.placering_id
    join status_perioder as s
        on s.person_id = p.person_id and s.giltig_fran < p.vard_slut and s.giltig_till > p.startdatum
    join fodelsedatum_perioder as f
        on f.person_id = p.person_id and f.giltig_fran < p.vard_slut and f.giltig_till > p.startdatum
        and f.giltig_fran < s.giltig_till and f.giltig_till > s.giltig_fran
),
final as (
    select
        d.* exclude (fran, till),
        pe.kon,
        g.aldersgrupp,
        greatest(d.fran, case when g.fran_ar = 0 then date '0001-01-01' else fyller(d.fodelsedatum, g.fran_ar) end) as fran,
        least(d.till, fyller(d.fodelsedatum, g.till_ar)) as till,
    from delar as d
    join personer as pe on pe.person_id = d.person_id
    cross join aldersgrupper as g
    where d.fran < d.till
)
select * from final where fran < till order by fran;
