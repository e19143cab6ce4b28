-- kommunoverskridande_andel: monthly number and share of cross-municipal residents seen from kommun.
-- titel: Andel kommunöverskridande placeringar per månad
-- grain: one row per month of [fran, till] (up to the extraction date) x direction, zeros included
-- definition: docs/metrics.md "Cross-municipal residents" (shares), "Monthly series" (stock date):
--   placerade_hos_oss of all in care living in kommun; vara_i_andra of all kommun is responsible for
-- params: fran date, till date, kommun text
with manader as (
    select manad from bestandsdagar($fran, $till)
),
bestand as (
    select * from i_vard_manad_bestand($fran, $till)
),
rakning as (
    select
        manad,
        count(*) filter (where vistelsekommun = $kommun and ansvarig_kommun <> $kommun) as hos_oss,
        count(*) filter (where vistelsekommun = $kommun) as bor_har,
        count(*) filter (where ansvarig_kommun = $kommun and vistelsekommun <> $kommun) as i_andra,
        count(*) filter (where ansvarig_kommun = $kommun) as ansvarar_for,
    from bestand
    group by manad
),
final as (
    select
        m.manad,
        r.riktning,
        coalesce(case r.riktning when 'placerade_hos_oss' then k.hos_oss else k.i_andra end, 0) as antal,
        coalesce(case r.riktning when 'placerade_hos_oss' then k.bor_har else k.ansvarar_for end, 0) as totalt,
        antal / nullif(totalt, 0) as andel,
    from manader as m
    cross join (values ('placerade_hos_oss'), ('vara_i_andra')) as r(riktning)
    left join rakning as k on k.manad = m.manad
)
select * from final order by manad, riktning
