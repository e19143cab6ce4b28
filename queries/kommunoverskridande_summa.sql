-- kommunoverskridande_summa: cross-municipal residents on datum seen from kommun, per direction, with those in the same län.
-- titel: Kommunöverskridande placeringar på datumet, totalt och inom länet
-- grain: one row per direction (placerade_hos_oss, vara_i_andra), zeros included
-- definition: docs/metrics.md "Cross-municipal residents": antal = the direction's persons in care
--   on datum, antal_samma_lan = those whose other municipality lies in kommun's län
-- params: datum date, kommun text
with i_vard as (
    select ansvarig_kommun, vistelsekommun, from i_vard_pa($datum)
    where vistelsekommun = $kommun or ansvarig_kommun = $kommun
),
riktningar as (
    select 'placerade_hos_oss' as riktning, ansvarig_kommun as kommun,
    from i_vard
    where vistelsekommun = $kommun and ansvarig_kommun <> $kommun
    union all
    select 'vara_i_andra', vistelsekommun,
    from i_vard
    where ansvarig_kommun = $kommun and vistelsekommun <> $kommun
),
final as (
    select
        r.riktning,
        count(x.kommun) as antal,
        count(x.kommun) filter (
            where k.lanskod = (select lanskod from kommuner where kommunkod = $kommun)
        ) as antal_samma_lan,
    from (values ('placerade_hos_oss'), ('vara_i_andra')) as r(riktning)
    left join riktningar as x on x.riktning = r.riktning
    left join kommuner as k on k.kommunkod = x.kommun
    group by r.riktning
)
select * from final order by riktning
