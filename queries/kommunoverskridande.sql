-- kommunoverskridande: cross-municipal residents on datum seen from kommun, both directions (fixed export).
-- titel: Kommunöverskridande placeringar på datumet, båda riktningarna
-- grain: one row per direction x other municipality with at least one person in care on datum
-- definition: docs/metrics.md "Cross-municipal residents": placerade_hos_oss = living in kommun,
--   responsible municipality another (kommun = the responsible one); vara_i_andra = kommun
--   responsible, living in another (kommun = where they live)
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
        r.kommun,
        k.kommun as kommun_namn,
        k.lanskod = (select lanskod from kommuner where kommunkod = $kommun) as samma_lan,
        count(*) as antal,
    from riktningar as r
    join kommuner as k on k.kommunkod = r.kommun
    group by all
)
select * from final order by riktning, antal desc, kommun
