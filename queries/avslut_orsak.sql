-- avslut_orsak: case closures by reason.
-- titel: Avslutade ärenden per orsak
-- grain: one row per avslutsorsak (blank as 'uppgift_saknas') with a closure in [fran, till]
-- definition: docs/metrics.md "Case closures": anvisningar with avslutsdatum in [fran, till],
--   kommun filters on the anvisning's municipality
-- params: fran date, till date, kommun text
with urval as (
    select coalesce(nullif(trim(avslutsorsak), ''), 'uppgift_saknas') as avslutsorsak,
    from anvisningar
    where avslutsdatum between $fran::date and $till::date
        and ($kommun is null or anvisningskommun = $kommun)
),
final as (
    select avslutsorsak, count(*) as antal,
    from urval
    group by avslutsorsak
)
select * from final order by antal desc, avslutsorsak
