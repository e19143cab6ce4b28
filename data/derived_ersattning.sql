-- Expected state compensation, priced once per import (docs/ersattning.md).
-- Runs after data/derived.sql, on the rules loaded into ersattningsregler. Every
-- care-day, place-day, anvisning and month is priced by the rules in force on its
-- day, and the result is kept per month, so the figures read a few rows per month.
-- Intervals are half-open [fran, till), as in derived.sql.

-- The data owner: the municipality with the most anvisningar, the lowest code on a tie
-- (queries/dataomfang.sql "perspektivkommun"). Places and yearly amounts are its money.
create macro dataagare() as (
    select anvisningskommun from anvisningar
    group by anvisningskommun
    order by count(*) desc, anvisningskommun
    limit 1
);

-- The day after a rule's last day, or the end of time.
create macro regel_slut(giltig_till) as coalesce(giltig_till + 1, date '9999-12-31');

-- Swedish number text for the drill-down: 1 467, 2 017,50 (non-breaking space).
create macro kr_text(x) as
    replace(replace(replace(
        case when x = round(x) then format('{:,}', x::bigint) else format('{:,.2f}', x::double) end,
        ',', '#'), '.', ','), '#', chr(160));

-- Grain: one row per stretch of vard_perioder in which "on an agreed place" is constant:
-- the unit has places (platser) of the person's platstyp, asyl or PUT, valid that day.
create table ersattning_vardsegment as
with avtalade as (
    select enhet_id, platstyp, giltig_fran as fran, regel_slut(giltig_till) as till,
    from platser
    where platstyp in ('asyl', 'PUT') and antal_platser > 0
),
vard as (
    select row_number() over () as rad, * from vard_perioder
),
inre as (
    select v.rad, unnest([a.fran, a.till]) as dag, v.fran as vfran, v.till as vtill,
    from vard as v
    join avtalade as a on a.enhet_id = v.enhet_id and a.platstyp = v.platstyp
),
punkter as (
    select rad, fran as dag from vard
    union
    select rad, till from vard
    union
    select rad, dag from inre where dag > vfran and dag < vtill
),
segment as (
    select rad, dag as fran, lead(dag) over (partition by rad order by dag) as till,
    from punkter
)
select
    v.* exclude (rad, fran, till),
    s.fran,
    s.till,
    exists (
        select 1 from avtalade as a
        where a.enhet_id = v.enhet_id and a.platstyp = v.platstyp and a.fran <= s.fran and a.till > s.fran
    ) as avtalad_plats,
from segment as s
join vard as v on v.rad = s.rad
where s.till is not null;

-- Grain: one row per care stretch and 'per dygn' rule that prices it, clipped to the
-- rule's validity and age band (age from the birth date valid in the stretch).
create table ersattning_dygn as
with traffar as (
    select
        s.person_id,
        s.placering_id,
        s.ansvarig_kommun as kommun,
        r.regel_id,
        r.kategori,
        coalesce(r.belopp_kr, s.dygnskostnad) as belopp_kr,
        r.andel,
        greatest(
            s.fran, r.giltig_fran,
            case when r.alder_fran is null then date '0001-01-01' else fyller(s.fodelsedatum, r.alder_fran) end
        ) as fran,
        least(
            s.till, regel_slut(r.giltig_till),
            case when r.alder_till is null then date '9999-12-31' else fyller(s.fodelsedatum, r.alder_till + 1) end
        ) as till,
    from ersattning_vardsegment as s
    join ersattningsregler as r
        on r.enhet = 'per dygn'
        and r.giltig_fran < s.till and regel_slut(r.giltig_till) > s.fran
        and (r.status is null or list_contains(r.status, s.platstyp))
        and (r.boendeform is null or list_contains(r.boendeform, s.boendeform))
        and (r.avtalad_plats is null or r.avtalad_plats = s.avtalad_plats)
    where s.ansvarig_kommun is not null
)
select * from traffar where fran < till and belopp_kr is not null;

-- Grain: one row per agreed-place stretch (belaggning_perioder, platstyp asyl or PUT)
-- and 'per plats och dygn' rule, with the places it pays for on each day.
create table ersattning_platser as
with traffar as (
    select
        r.regel_id,
        r.kategori,
        r.belopp_kr,
        r.andel,
        case when r.belagd then least(b.antal_platser, b.antal_placeringar) else b.antal_platser end as antal,
        greatest(b.fran, r.giltig_fran) as fran,
        least(b.till, regel_slut(r.giltig_till)) as till,
    from belaggning_perioder as b
    join enheter as e on e.enhet_id = b.enhet_id
    join ersattningsregler as r
        on r.enhet = 'per plats och dygn'
        and r.giltig_fran < b.till and regel_slut(r.giltig_till) > b.fran
        and (r.status is null or list_contains(r.status, b.platstyp))
        and (r.boendeform is null or list_contains(r.boendeform, e.boendeform))
        and r.avtalad_plats is distinct from false
    where b.platstyp in ('asyl', 'PUT')
)
select * from traffar where fran < till and antal > 0;

-- Grain: one row per priced part per month: month, municipality, category, rule, rate.
-- antal counts care-days, place-days, anvisningar or months (enhet says which);
-- summa_kr = antal x belopp_kr x andel, rounded to öre.
create table ersattning_manadsdelar as
with dagar as (
    select kommun, regel_id, kategori, belopp_kr, andel, fran, till, 1 as antal, from ersattning_dygn
    union all
    select dataagare(), regel_id, kategori, belopp_kr, andel, fran, till, antal, from ersattning_platser
),
per_manad as (
    select
        *,
        unnest(generate_series(date_trunc('month', fran), date_trunc('month', till - 1), interval 1 month))::date
            as manad_start,
    from dagar
),
dygn as (
    select
        manad_start, kommun, regel_id, kategori, belopp_kr, andel,
        sum(antal * (least(till, (manad_start + interval 1 month)::date) - greatest(fran, manad_start)))::bigint
            as antal,
    from per_manad
    group by all
),
forsta_anvisning as (
    -- once per child and municipality: only the first anvisning to each municipality
    select *, from anvisningar
    qualify row_number() over (
        partition by person_id, anvisningskommun order by anvisningsdatum, anvisning_id
    ) = 1
),
engangs as (
    select
        date_trunc('month', a.anvisningsdatum)::date as manad_start,
        a.anvisningskommun as kommun, r.regel_id, r.kategori, r.belopp_kr, r.andel,
        count(*) as antal,
    from forsta_anvisning as a
    join fodelsedatum_perioder as f
        on f.person_id = a.person_id and f.giltig_fran <= a.anvisningsdatum and f.giltig_till > a.anvisningsdatum
    join status_perioder as s
        on s.person_id = a.person_id and s.giltig_fran <= a.anvisningsdatum and s.giltig_till > a.anvisningsdatum
    join ersattningsregler as r
        on r.enhet = 'engångs'
        and a.anvisningsdatum >= r.giltig_fran and a.anvisningsdatum < regel_slut(r.giltig_till)
        and (r.anvisning_fran is null or a.anvisningsdatum >= r.anvisning_fran)
        and (r.status is null or list_contains(r.status, s.platstyp))
        and (r.alder_fran is null or alder_pa(f.fodelsedatum, a.anvisningsdatum) >= r.alder_fran)
        and (r.alder_till is null or alder_pa(f.fodelsedatum, a.anvisningsdatum) <= r.alder_till)
    group by all
),
avtalsmanader as (
    -- months in which the owner has at least one agreed place on some day
    select distinct unnest(generate_series(
        date_trunc('month', giltig_fran), date_trunc('month', least(regel_slut(giltig_till) - 1, uttagsdatum())),
        interval 1 month
    ))::date as manad_start,
    from platser
    where platstyp in ('asyl', 'PUT') and antal_platser > 0 and giltig_fran <= uttagsdatum()
),
arliga as (
    select
        m.manad_start, dataagare() as kommun, r.regel_id, r.kategori,
        round(r.belopp_kr / 12, 2)::decimal(12, 2) as belopp_kr, r.andel, 1 as antal,
    from ersattningsregler as r,
        unnest(generate_series(
            date_trunc('month', r.giltig_fran),
            date_trunc('month', least(regel_slut(r.giltig_till) - 1, uttagsdatum())),
            interval 1 month
        )) as m(manad_start)
    where r.enhet = 'per år'
        and (r.avtalad_plats is distinct from true or m.manad_start::date in (select manad_start from avtalsmanader))
),
alla as (
    select * from dygn
    union all
    select * from engangs
    union all
    select manad_start::date, kommun, regel_id, kategori, belopp_kr, andel, antal from arliga
)
select
    a.*,
    r.enhet,
    r.antagande,
    round(a.antal * a.belopp_kr * a.andel, 2)::decimal(18, 2) as summa_kr,
from alla as a
join ersattningsregler as r on r.regel_id = a.regel_id
where a.kommun is not null
order by a.manad_start, a.kategori, a.regel_id, a.belopp_kr;

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
    from ersattning_manadsdelar
    where manad_start in (select manad_start from manader)
        and (p_kommun is null or kommun = p_kommun)
    group by manad_start
),
sokt as (
    select period as manad_start, sum(sokt_belopp) as sokt,
    from ersattningsansokningar
    group by period
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
        -- claims and ledger are the owner's: unknown (NULL) seen from another municipality
        case when p_kommun is null or p_kommun = dataagare() then coalesce(s.sokt, 0) end::decimal(18, 2) as sokt,
        case when p_kommun is null or p_kommun = dataagare() then coalesce(b.bokford, 0) end::decimal(18, 2)
            as bokford,
    from manader as m
    left join forvantat as f on f.manad_start = m.manad_start
    left join sokt as s on s.manad_start = m.manad_start
    left join bokfort as b on b.manad_start = m.manad_start
),
final as (
    select
        strftime(manad_start, '%Y-%m') as manad,
        (plats_avtalad + plats_belagd + hvb_asyl + stodboende + faktiska_kostnader + schablon_under_18
            + schablon_18_20 + anvisning_engangs + arlig_ersattning)::decimal(18, 2) as forvantad,
        sokt,
        bokford,
        (bokford - forvantad)::decimal(18, 2) as differens,
        * exclude (manad_start, sokt, bokford),
    from kategorier
)
select * from final;

-- Forecast of persons in care (docs/ersattning.md "Forecast"): from each origin o (the month
-- ends from p_forsta to p_sista, or p_sista itself when it is not a month end), the expected
-- number in care on each of the next 12 month ends, by age group and sex. Survivors of the stock
-- on o leave at the exit rate of their age group, at the 18th-birthday exit rate in the month
-- they turn 18, surely at 21, and at a known planned move-out (only from the extraction date);
-- new entrants arrive at the mean of the last 3 months and leave at their group's rate.
-- Rates are read from the 12 months up to o. p_kommun filters on the responsible municipality.
create macro prognos_bestand(p_forsta, p_sista, p_kommun) as table
with grans as (
    -- NULL = the extraction date
    select coalesce(p_forsta::date, uttagsdatum()) as forsta, coalesce(p_sista::date, uttagsdatum()) as sista,
),
origins as (
    select least(last_day(m), sista) as o,
    from grans, unnest(generate_series(date_trunc('month', forsta), date_trunc('month', sista), interval 1 month)) as g(m)
    where forsta <= sista
),
fonster as (
    -- e_0 = o and the 12 month ends before it
    select o, k, case when k = 0 then o else last_day((date_trunc('month', o) - to_months(k))::date) end as d,
    from origins, range(0, 13) as r(k)
),
steg as (
    select o, s, last_day((date_trunc('month', o) + to_months(s))::date) as d,
    from origins, range(1, 13) as r(s)
),
dagar as (
    select distinct d from fonster
    union
    select distinct d from steg
),
bestand as (
    select g.d, v.person_id, v.fodelsedatum, v.kon, v.placering_id, v.enhet_id,
    from dagar as g
    join vard_perioder as v on v.fran <= g.d and v.till > g.d
    where (p_kommun is null or v.ansvarig_kommun = p_kommun) and g.d <= uttagsdatum()
),
overgangar as (
    -- each person in the stock at a month end of the window, and whether still in it a month later
    select
        f.o, f.k, b.person_id, b.kon,
        aldersgrupp_for(alder_pa(b.fodelsedatum, f.d)) as aldersgrupp,
        fyller(b.fodelsedatum, 18) > f.d and fyller(b.fodelsedatum, 18) <= n.d as fyller_18,
        fyller(b.fodelsedatum, 21) <= n.d as fyller_21,
        c.person_id is not null as kvar,
    from fonster as f
    join fonster as n on n.o = f.o and n.k = f.k - 1
    join bestand as b on b.d = f.d
    -- a person's rows never overlap, so at most one match
    left join bestand as c on c.d = n.d and c.person_id = b.person_id
),
risk as (
    select
        o, aldersgrupp,
        avg(case when kvar then 0.0 else 1.0 end) filter (where not fyller_18 and not fyller_21) as h,
    from overgangar
    group by all
),
risk_18 as (
    select o, avg(case when kvar then 0.0 else 1.0 end) as q18, from overgangar where fyller_18 group by o
),
platsrader as (
    select enhet_id, giltig_fran as fran, regel_slut(giltig_till) as till, antal_platser, from platser
),
nya as (
    -- in the stock at a month end but not at the one before: the last 3 months' mean; med_plats
    -- = placed at a unit with contracted places on that day (kept for the whole forecast)
    select
        f.o, aldersgrupp_for(alder_pa(b.fodelsedatum, f.d)) as aldersgrupp, b.kon,
        exists (select 1 from platsrader as p where p.enhet_id = b.enhet_id and p.fran <= f.d and p.till > f.d)
            as med_plats,
        count(*) / 3 as per_manad,
    from fonster as f
    join fonster as p on p.o = f.o and p.k = f.k + 1
    join bestand as b on b.d = f.d
    left join bestand as c on c.d = p.d and c.person_id = b.person_id
    where f.k < 3 and c.person_id is null
    group by all
),
kanda_slut as (
    -- planned move-outs after the extraction date; only a forecast from that date knows them
    select pl.placering_id, pl.slutdatum, from placeringar as pl where pl.slutdatum > uttagsdatum()
),
overlevare as (
    select
        s.o, s.s, s.d, b.kon,
        aldersgrupp_for(alder_pa(b.fodelsedatum, s.d)) as aldersgrupp,
        -- a survivor stays at the unit of the origin: on a contracted place if it has one that day
        exists (select 1 from platsrader as p where p.enhet_id = b.enhet_id and p.fran <= s.d and p.till > s.d)
            as med_plats,
        case
            when fyller(b.fodelsedatum, 21) <= s.d then 0.0
            when s.o >= uttagsdatum() and ks.slutdatum <= s.d then 0.0
            when fyller(b.fodelsedatum, 18) > coalesce(f.d, s.o) and fyller(b.fodelsedatum, 18) <= s.d
                then 1 - coalesce(q.q18, r.h, 0)
            else 1 - coalesce(r.h, 0)
        end as faktor,
        b.person_id,
    from steg as s
    join bestand as b on b.d = s.o
    left join steg as f on f.o = s.o and f.s = s.s - 1
    left join kanda_slut as ks on ks.placering_id = b.placering_id
    left join risk as r
        on r.o = s.o and r.aldersgrupp = aldersgrupp_for(alder_pa(b.fodelsedatum, coalesce(f.d, s.o)))
    left join risk_18 as q on q.o = s.o
),
kvarvarande as (
    select
        o, s, d, kon, aldersgrupp, med_plats,
        product(faktor) over (partition by o, person_id order by s rows between unbounded preceding and current row)
            as andel,
    from overlevare
),
tillskott as (
    select
        s.o, s.s, s.d, n.kon, n.aldersgrupp, n.med_plats,
        case
            when coalesce(r.h, 0) = 0 then n.per_manad * s.s
            else n.per_manad * (1 - power(1 - r.h, s.s)) / r.h
        end as andel,
    from steg as s
    join nya as n on n.o = s.o
    left join risk as r on r.o = s.o and r.aldersgrupp = n.aldersgrupp
),
alla as (
    select * from kvarvarande
    union all
    select * from tillskott
)
-- nobody is in care at 21 or over (their factor is 0), so the group is left out
select o as origin, s as steg, date_trunc('month', d)::date as manad_start, aldersgrupp, kon, med_plats, sum(andel) as antal,
from alla
where aldersgrupp <> '21+'
group by all;

-- The forecast per origin and month with occupancy and money (docs/ersattning.md "Forecast"),
-- for the origins of prognos_bestand; shared by queries/prognos_manad.sql and its backtest.
-- Money only for p_kommun = the data owner, whose ledger it is.
create macro prognos_ekonomi(p_forsta, p_sista, p_kommun) as table
with bestand as (
    select
        origin as o,
        manad_start,
        case when aldersgrupp in ('0-13', '14-17') then 'under_18' else '18_20' end as band,
        med_plats,
        sum(antal) as antal,
    from prognos_bestand(p_forsta, p_sista, p_kommun)
    group by all
),
fonster as (
    select distinct o, (date_trunc('month', o) - interval 2 month)::date as fran_3, from bestand
),
vardagar as (
    -- care-days per band in the 3 months up to o
    select
        f.o,
        case when v.aldersgrupp in ('0-13', '14-17') then 'under_18' else '18_20' end as band,
        sum(least(v.till, f.o + 1) - greatest(v.fran, f.fran_3)) as dagar_3,
    from fonster as f
    join vard_perioder as v on v.fran <= f.o and v.till > f.fran_3
    where v.ansvarig_kommun = p_kommun
    group by all
),
ersattning_3 as (
    select
        f.o,
        case when r.alder_till <= 17 then 'under_18' else '18_20' end as band,
        sum(d.summa_kr) as kr,
    from fonster as f
    join ersattning_manadsdelar as d on d.manad_start >= f.fran_3 and d.manad_start <= f.o
    join ersattningsregler as r on r.regel_id = d.regel_id
    where d.enhet = 'per dygn' and d.kommun = p_kommun
    group by all
),
per_dygn as (
    select v.o, v.band, coalesce(e.kr, 0) / nullif(v.dagar_3, 0) as kr_per_dygn,
    from vardagar as v
    left join ersattning_3 as e on e.o = v.o and e.band = v.band
),
ledger_3 as (
    -- booked compensation (what the ledger got beyond the rules carries on) and costs
    select
        f.o,
        -coalesce(sum(e.belopp) filter (where k.kategori in ('statlig_ersattning', 'schablon')), 0) as bokfort,
        sum(e.belopp) filter (where k.typ = 'kostnad') as kostnad,
    from fonster as f
    left join ekonomi as e on e.period >= f.fran_3 and e.period <= f.o
    left join kontoplan as k on k.konto = e.konto
    group by f.o
),
ovrigt as (
    select
        f.o,
        coalesce(sum(d.summa_kr) filter (where d.enhet = 'engångs'), 0) / 3 as engangs_per_manad,
        (any_value(l.bokfort) - coalesce(sum(d.summa_kr), 0)) / 3 as differens_per_manad,
        coalesce(sum(d.summa_kr) filter (where d.enhet = 'per år' and d.manad_start = date_trunc('month', f.o)), 0)
            as arlig_per_manad,
        any_value(l.kostnad) / nullif((select sum(v.dagar_3) from vardagar as v where v.o = f.o), 0)
            as kostnad_per_dygn,
    from fonster as f
    join ledger_3 as l on l.o = f.o
    left join ersattning_manadsdelar as d
        on d.manad_start >= f.fran_3 and d.manad_start <= f.o and d.kommun = p_kommun
    group by f.o
),
platser_manad as (
    select m.manad_start, sum(p.antal_platser) as antal_platser,
    from (select distinct manad_start from bestand) as m
    join platser as p
        on p.giltig_fran <= last_day(m.manad_start)
        and coalesce(p.giltig_till, date '9999-12-31') >= last_day(m.manad_start)
    group by all
),
per_manad as (
    select
        b.o,
        b.manad_start,
        sum(b.antal) as i_vard,
        sum(b.antal) filter (where b.med_plats) as belagda,
        sum(b.antal * day(last_day(b.manad_start)) * coalesce(p.kr_per_dygn, 0)) as dygnsersattning,
        sum(b.antal) * day(last_day(b.manad_start)) as vardagar,
    from bestand as b
    left join per_dygn as p on p.o = b.o and p.band = b.band
    group by b.o, b.manad_start
)
select
    m.o as origin,
    m.manad_start,
    m.i_vard::double as prognos_i_vard,
    coalesce(pl.antal_platser, 0)::bigint as antal_platser,
    (coalesce(m.belagda, 0) / nullif(pl.antal_platser, 0))::double as prognos_belaggning,
    case
        when p_kommun = dataagare()
            then m.dygnsersattning + o.engangs_per_manad + o.arlig_per_manad + o.differens_per_manad
    end::double as prognos_intakt,
    case when p_kommun = dataagare() then m.vardagar * o.kostnad_per_dygn end::double as prognos_kostnad,
from per_manad as m
left join platser_manad as pl on pl.manad_start = m.manad_start
left join ovrigt as o on o.o = m.o;
