-- kommunoverskridande_andel: monthly number and share of cross-municipal residents seen from kommun.
-- titel: Andel kommunöverskridande placeringar per månad
-- grain: one row per month of [fran, till] (up to the extraction date) x direction, zeros included
-- definition: docs/metrics.md "Cross-municipal residents" (shares), "Monthly series" (stock date):
--   placerade_hos_oss of all in care living in kommun; vara_i_andra of all kommun is responsible for
-- params: fran date, till date, kommun text
with manader as (
    select * from bestandsdagar($fran, $till)
),
handelser as (
    select
        manad_start,
        coalesce(sum(delta) filter (where vistelsekommun = $kommun and ansvarig_kommun <> $kommun), 0) as hos_oss,
        coalesce(sum(delta) filter (where vistelsekommun = $kommun), 0) as bor_har,
        coalesce(sum(delta) filter (where ansvarig_kommun = $kommun and vistelsekommun <> $kommun), 0) as i_andra,
        coalesce(sum(delta) filter (where ansvarig_kommun = $kommun), 0) as ansvarar_for,
    from bestand_handelser($fran, $till)
    where vistelsekommun = $kommun or ansvarig_kommun = $kommun
    group by manad_start
),
rakning as (
    select
        m.manad,
        coalesce(sum(h.hos_oss) over lopande, 0) as hos_oss,
        coalesce(sum(h.bor_har) over lopande, 0) as bor_har,
        coalesce(sum(h.i_andra) over lopande, 0) as i_andra,
        coalesce(sum(h.ansvarar_for) over lopande, 0) as ansvarar_for,
    from manader as m
    left join handelser as h on h.manad_start = m.manad_start
    window lopande as (order by m.manad_start rows between unbounded preceding and current row)
),
final as (
    select
        k.manad,
        r.riktning,
        case r.riktning when 'placerade_hos_oss' then k.hos_oss else k.i_andra end::bigint as antal,
        case r.riktning when 'placerade_hos_oss' then k.bor_har else k.ansvarar_for end::bigint as totalt,
        antal / nullif(totalt, 0) as andel,
    from rakning as k
    cross join (values ('placerade_hos_oss'), ('vara_i_andra')) as r(riktning)
)
select * from final order by manad, riktning
