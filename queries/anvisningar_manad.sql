-- anvisningar_manad: anvisningar per month by age group and sex.
-- titel: Anvisningar per månad, åldersgrupp och kön
-- grain: one row per month x age group x sex with at least one anvisning in [fran, till]
-- definition: docs/metrics.md "Anvisningar and closures": every decision making a municipality responsible,
--   first anvisning and transfer (överflyttning) alike; age on anvisningsdatum with the birth
--   date valid that day; antal_overflyttningar counts those that are not the person's first
--   an omitted fran or till sets no limit on that side
-- params: fran date, till date, kommun text
with urval as (
    select * from anvisningar_berikade
    where (anvisningsdatum >= $fran::date or $fran is null)
        and (anvisningsdatum <= $till::date or $till is null)
        and ($kommun is null or anvisningskommun = $kommun)
),
final as (
    select
        strftime(anvisningsdatum, '%Y-%m') as manad,
        aldersgrupp,
        kon,
        count(*) as antal,
        count(*) filter (where nummer > 1) as antal_overflyttningar,
    from urval
    group by all
)
select * from final order by manad, aldersgrupp, kon
