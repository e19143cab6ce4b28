-- anvisningar_manad: anvisningar per month by age group and sex.
-- titel: Anvisningar per månad, åldersgrupp och kön
-- grain: one row per month x age group x sex with at least one anvisning in [fran, till]
-- definition: docs/metrics.md "Anvisningar": every decision making a municipality responsible,
--   first anvisning and transfer (överflyttning) alike; age on anvisningsdatum with the birth
--   date valid that day; antal_overflyttningar counts those that are not the person's first
-- params: fran date, till date, kommun text
with numrerade as (
    select
        a.*,
        row_number() over (partition by a.person_id order by a.anvisningsdatum, a.anvisning_id) as nummer,
    from anvisningar as a
),
urval as (
    select n.*, p.kon, alder_pa(f.fodelsedatum, n.anvisningsdatum) as alder,
    from numrerade as n
    join personer as p on p.person_id = n.person_id
    join fodelsedatum_perioder as f
        on f.person_id = n.person_id and f.giltig_fran <= n.anvisningsdatum and f.giltig_till > n.anvisningsdatum
    where n.anvisningsdatum between $fran::date and $till::date
        and ($kommun is null or n.anvisningskommun = $kommun)
),
final as (
    select
        strftime(anvisningsdatum, '%Y-%m') as manad,
        aldersgrupp_for(alder) as aldersgrupp,
        kon,
        count(*) as antal,
        count(*) filter (where nummer > 1) as antal_overflyttningar,
    from urval
    group by all
)
select * from final order by manad, aldersgrupp, kon
