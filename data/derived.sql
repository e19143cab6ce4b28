-- Derived tables, built once per import right after the base tables are
-- loaded (ingest runs this file in the staging database, before the swap).
-- They turn the contract's event rows into validity intervals, so that every
-- figure in queries/ is an interval-overlap query and never expands
-- placements day by day. Intervals are half-open: [fran, till).
-- The extraction date is read from the newest import_log row, which the
-- importer writes before running this file.

-- Grain: one row per person per period in which one birth date is valid
-- (METRICS.md "Age on date d", contract table aldersandringar).
create table fodelsedatum_perioder as
with andringar as (
    select
        person_id,
        beslutsdatum,
        tidigare_fodelsedatum,
        lag(beslutsdatum) over (partition by person_id order by beslutsdatum) as foregaende_beslut,
    from aldersandringar
),
fore_beslut as (
    -- before each decision the birth date was that decision's tidigare_fodelsedatum
    select
        person_id,
        coalesce(foregaende_beslut, date '0001-01-01') as giltig_fran,
        beslutsdatum as giltig_till,
        tidigare_fodelsedatum as fodelsedatum,
    from andringar
),
nuvarande as (
    select
        p.person_id,
        coalesce(max(a.beslutsdatum), date '0001-01-01') as giltig_fran,
        date '9999-12-31' as giltig_till,
        any_value(p.fodelsedatum) as fodelsedatum,
    from personer as p
    left join aldersandringar as a on a.person_id = p.person_id
    group by p.person_id
),
final as (
    select * from fore_beslut
    union all
    select * from nuvarande
)
select * from final;

-- Grain: one row per person per period with one responsible municipality
-- (METRICS.md "Responsible municipality on d": the latest anvisning with
-- anvisningsdatum <= d; on the same day the highest anvisning_id wins).
create table ansvar_perioder as
with ordnade as (
    select
        person_id,
        anvisning_id,
        anvisningskommun,
        anvisningsdatum as giltig_fran,
        lead(anvisningsdatum) over (
            partition by person_id order by anvisningsdatum, anvisning_id
        ) as nasta,
    from anvisningar
),
final as (
    select
        person_id,
        anvisning_id,
        anvisningskommun,
        giltig_fran,
        coalesce(nasta, date '9999-12-31') as giltig_till,
    from ordnade
    where nasta is null or nasta > giltig_fran
)
select * from final;

-- Grain: one row per placement, with the interval it counts as care
-- ([startdatum, effektiv_slut)), cut at the day after the extraction date,
-- and the municipality the person lives in during it.
create table placering_perioder as
with uttag as (
    select uttagsdatum from import_log order by import_id desc limit 1
),
final as (
    select
        pl.placering_id,
        pl.person_id,
        pl.enhet_id,
        e.boendeform,
        e.regi,
        pl.startdatum,
        least(
            coalesce(pl.slutdatum, (select uttagsdatum from uttag) + 1),
            (select uttagsdatum from uttag) + 1
        ) as effektiv_slut,
        coalesce(pl.vistelsekommun, e.kommun) as vistelsekommun,
        coalesce(pl.dygnskostnad, e.dygnspris) as dygnskostnad,
    from placeringar as pl
    join enheter as e on e.enhet_id = pl.enhet_id
)
select * from final;
