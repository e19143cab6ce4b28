-- model: prognos_ekonomi (macro, no rows of its own)
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
        coalesce(sum(d.summa_kr) filter (where d.enhet like 'engångs%'), 0) / 3 as engangs_per_manad,
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
