-- model: prognos_bestand (macro, no rows of its own)
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
