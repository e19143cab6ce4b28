-- model: ersattning_manad (macro, no rows of its own)
-- Expected, claimed and booked compensation per calendar month overlapping
-- [p_fran, p_till], up to the extraction month (docs/ersattning.md "Per month"); shared by
-- queries/ersattning.sql and the findings of queries/ersattning_avvikelser.sql.
create macro ersattning_manad(p_fran, p_till, p_kommun) as table
with manader as (
    select unnest(generate_series(
        date_trunc('month', p_fran::date),
        date_trunc('month', least(p_till::date, uttagsdatum())),
        interval 1 month
    ))::date as manad_start,
    where p_fran::date <= p_till::date
),
forvantat as (
    select
        manad_start,
        sum(summa_kr) filter (where kategori = 'plats_avtalad') as plats_avtalad,
        sum(summa_kr) filter (where kategori = 'plats_belagd') as plats_belagd,
        sum(summa_kr) filter (where kategori = 'hvb_asyl') as hvb_asyl,
        sum(summa_kr) filter (where kategori = 'stodboende') as stodboende,
        sum(summa_kr) filter (where kategori = 'faktiska_kostnader') as faktiska_kostnader,
        sum(summa_kr) filter (where kategori = 'schablon_under_18') as schablon_under_18,
        sum(summa_kr) filter (where kategori = 'schablon_18_20') as schablon_18_20,
        sum(summa_kr) filter (where kategori = 'anvisning_engangs') as anvisning_engangs,
        sum(summa_kr) filter (where kategori = 'arlig_ersattning') as arlig_ersattning,
        sum(summa_kr) filter (where kategori = 'put_engangs') as put_engangs,
        sum(summa_kr) filter (where kategori = 'ankomst_schablon') as ankomst_schablon,
        sum(summa_kr) filter (where kategori = 'arlig_rorlig') as arlig_rorlig,
    from ersattning_manadsdelar
    where manad_start in (select manad_start from manader)
        and (p_kommun is null or kommun = p_kommun)
    group by manad_start
),
sokt as (
    select period as manad_start, sum(sokt_belopp) as sokt, coalesce(sum(beviljat_belopp), 0) as beviljat,
    from ersattningsansokningar
    group by period
),
utbetalt as (
    select manad_start, sum(utbetald) as utbetald, from utbetalning_manader group by manad_start
),
bokfort as (
    select e.period as manad_start, -sum(e.belopp) as bokford,
    from ekonomi as e
    join kontoplan as k on k.konto = e.konto
    where k.kategori in ('statlig_ersattning', 'schablon')
    group by e.period
),
kategorier as (
    select
        m.manad_start,
        coalesce(f.plats_avtalad, 0) as plats_avtalad,
        coalesce(f.plats_belagd, 0) as plats_belagd,
        coalesce(f.hvb_asyl, 0) as hvb_asyl,
        coalesce(f.stodboende, 0) as stodboende,
        coalesce(f.faktiska_kostnader, 0) as faktiska_kostnader,
        coalesce(f.schablon_under_18, 0) as schablon_under_18,
        coalesce(f.schablon_18_20, 0) as schablon_18_20,
        coalesce(f.anvisning_engangs, 0) as anvisning_engangs,
        coalesce(f.arlig_ersattning, 0) as arlig_ersattning,
        coalesce(f.put_engangs, 0)::decimal(18, 2) as put_engangs,
        coalesce(f.ankomst_schablon, 0)::decimal(18, 2) as ankomst_schablon,
        coalesce(f.arlig_rorlig, 0)::decimal(18, 2) as arlig_rorlig,
        -- claims and ledger are the owner's: unknown (NULL) seen from another municipality
        case when p_kommun is null or p_kommun = dataagare() then coalesce(s.sokt, 0) end::decimal(18, 2) as sokt,
        case when p_kommun is null or p_kommun = dataagare() then coalesce(b.bokford, 0) end::decimal(18, 2)
            as bokford,
        case when p_kommun is null or p_kommun = dataagare() then coalesce(s.beviljat, 0) end::decimal(18, 2)
            as beviljat,
        -- no payment file imported: unknown, not nothing
        case when (p_kommun is null or p_kommun = dataagare()) and exists (select 1 from utbetalningar)
            then coalesce(u.utbetald, 0) end::decimal(18, 2) as utbetald,
    from manader as m
    left join forvantat as f on f.manad_start = m.manad_start
    left join sokt as s on s.manad_start = m.manad_start
    left join bokfort as b on b.manad_start = m.manad_start
    left join utbetalt as u on u.manad_start = m.manad_start
),
final as (
    select
        strftime(manad_start, '%Y-%m') as manad,
        (plats_avtalad + plats_belagd + hvb_asyl + stodboende + faktiska_kostnader + schablon_under_18
            + schablon_18_20 + anvisning_engangs + arlig_ersattning + put_engangs + ankomst_schablon
            + arlig_rorlig)::decimal(18, 2) as forvantad,
        sokt,
        bokford,
        (bokford - forvantad)::decimal(18, 2) as differens,
        * exclude (manad_start, sokt, bokford),
    from kategorier
)
select * from final;
