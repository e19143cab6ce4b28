-- avslut_orsak: case closures by reason.
-- titel: Avslutade ärenden per orsak
-- grain: one row per avslutsorsak (blank as 'uppgift_saknas') with a closure in [fran, till]
-- definition: docs/metrics.md "Anvisningar and closures": anvisningar with avslutsdatum in [fran, till],
--   kommun filters on the anvisning's municipality
--   an omitted fran or till sets no limit on that side
-- params: fran date, till date, kommun text
with urval as (
    select coalesce(nullif(trim(avslutsorsak), ''), 'uppgift_saknas') as avslutsorsak,
    from anvisningar
    where avslutsdatum is not null
        and (avslutsdatum >= $fran::date or $fran is null)
        and (avslutsdatum <= $till::date or $till is null)
        and ($kommun is null or anvisningskommun = $kommun)
),
final as (
    select avslutsorsak, count(*) as antal,
    from urval
    group by avslutsorsak
)
select * from final order by antal desc, avslutsorsak
