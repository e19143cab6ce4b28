-- model: belaggning_perioder (table)
-- key: enhet_id, platstyp, fran
-- grain: one row per unit and platstyp ('alla' = all its places) per stretch
-- of days in which its contracted places and its number of active placements
-- are constant, only where the unit has a valid platser row, cut at the day
-- after the extraction date (docs/metrics.md "Occupancy").
create table belaggning_perioder as
with platser_nycklar as (
    select enhet_id, 'alla' as platstyp, giltig_fran, giltig_till, antal_platser from platser
    union all
    select enhet_id, coalesce(platstyp, 'ovrig'), giltig_fran, giltig_till, antal_platser from platser
),
platser_intervall as (
    select
        enhet_id,
        platstyp,
        giltig_fran as fran,
        least(coalesce(giltig_till + 1, date '9999-12-31'), uttagsdatum() + 1) as till,
        antal_platser,
    from platser_nycklar
),
vard_nycklar as (
    select enhet_id, 'alla' as platstyp, fran, till from vard_perioder
    where enhet_id in (select enhet_id from platser)
    union all
    select enhet_id, platstyp, fran, till from vard_perioder
    where enhet_id in (select enhet_id from platser)
),
handelser as (
    select enhet_id, platstyp, fran as dag, antal_platser as d_platser, 1 as d_rader, 0 as d_personer
    from platser_intervall where fran < till
    union all
    select enhet_id, platstyp, till, -antal_platser, -1, 0
    from platser_intervall where fran < till
    union all
    select enhet_id, platstyp, fran, 0, 0, 1 from vard_nycklar
    union all
    select enhet_id, platstyp, till, 0, 0, -1 from vard_nycklar
),
per_dag as (
    select enhet_id, platstyp, dag, sum(d_platser) as d_platser, sum(d_rader) as d_rader, sum(d_personer) as d_personer,
    from handelser
    group by all
),
kumulativ as (
    select
        enhet_id,
        platstyp,
        dag as fran,
        lead(dag) over w as till,
        sum(d_platser) over (w rows between unbounded preceding and current row) as antal_platser,
        sum(d_rader) over (w rows between unbounded preceding and current row) as platser_rader,
        sum(d_personer) over (w rows between unbounded preceding and current row) as antal_placeringar,
    from per_dag
    window w as (partition by enhet_id, platstyp order by dag)
),
final as (
    select
        enhet_id,
        platstyp,
        fran,
        till,
        antal_platser::bigint as antal_platser,
        antal_placeringar::bigint as antal_placeringar,
    from kumulativ
    where platser_rader > 0 and till is not null
)
select * from final order by fran;
