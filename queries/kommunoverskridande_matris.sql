-- kommunoverskridande_matris: persons in care on datum by responsible x living municipality.
-- titel: Personer i vård per ansvarig kommun och vistelsekommun
-- grain: one row per responsible x living municipality pair in which kommun takes part
--   (all pairs when kommun is omitted); persons without a responsible municipality are left out;
--   samma_lan: both municipalities lie in one län
-- definition: docs/metrics.md "Cross-municipal residents", "Persons"
-- params: datum date, kommun text
with i_vard as (
    select * from i_vard_pa($datum)
    where ansvarig_kommun is not null
        and ($kommun is null or ansvarig_kommun = $kommun or vistelsekommun = $kommun)
),
final as (
    select
        i.ansvarig_kommun,
        a.kommun as ansvarig_namn,
        i.vistelsekommun,
        v.kommun as vistelse_namn,
        a.lanskod = v.lanskod as samma_lan,
        count(*) as antal,
    from i_vard as i
    join kommuner as a on a.kommunkod = i.ansvarig_kommun
    join kommuner as v on v.kommunkod = i.vistelsekommun
    group by all
)
select * from final order by ansvarig_kommun, vistelsekommun
