-- model: fodelsedatum_perioder (table)
-- key: person_id, giltig_fran
-- grain: one row per person per period in which one birth date is valid
-- (docs/metrics.md "Persons": age on a date and age revisions, contract table aldersandringar).
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
