-- prognos_manad: persons in care, occupancy, compensation, cost and balance forecast for 12 months.
-- titel: Prognos per månad: i vård, beläggning, ersättning, kostnad och balans
-- grain: one row per month of the 12 after datum's month (datum defaults to the extraction date)
-- definition: docs/metrics.md "State compensation", in full docs/ersattning.md section Forecast:
--   prognos_i_vard = expected persons on the month's last day (prognos_i_vard's model);
--   prognos_belaggning = those at units with contracted places / antal_platser valid that day;
--   care-days = persons x days of the month; prognos_intakt = care-days under 18 and 18-20 x the
--   expected per-child compensation per care-day of that band in the 3 months up to datum, plus
--   that period's monthly mean of one-off amounts, the last month's yearly amount and the monthly
--   mean of booked - expected (what the ledger gets beyond the rules);
--   prognos_kostnad = care-days x ledger cost per care-day of the same 3 months;
--   prognos_balans = intakt - kostnad; the money columns only for kommun = the data owner
-- params: datum date, kommun text
with origin as (
    select
        coalesce($datum::date, uttagsdatum()) as o,
        date_trunc('month', coalesce($datum::date, uttagsdatum())) as manad_o,
),
fonster as (
    select
        o,
        (manad_o - interval 2 month)::date as fran_3,
        (manad_o - interval 11 month)::date as fran_12,
    from origin
),
bestand as (
    select
        manad_start,
        case when aldersgrupp in ('0-13', '14-17') then 'under_18' else '18_20' end as band,
        med_plats,
        sum(antal) as antal,
    from prognos_bestand($datum, $datum, $kommun)
    group by all
),
vardagar as (
    -- care-days per band from fran_3 (and fran_12) through o
    select
        case when v.aldersgrupp in ('0-13', '14-17') then 'under_18' else '18_20' end as band,
        sum(least(v.till, f.o + 1) - greatest(v.fran, f.fran_3)) filter (where v.till > f.fran_3) as dagar_3,
        sum(least(v.till, f.o + 1) - greatest(v.fran, f.fran_12)) as dagar_12,
    from vard_perioder as v, fonster as f
    where v.fran <= f.o and v.till > f.fran_12 and v.ansvarig_kommun = $kommun
    group by all
),
ersattning_3 as (
    select
        case when r.alder_till <= 17 then 'under_18' else '18_20' end as band,
        sum(d.summa_kr) as kr,
    from ersattning_manadsdelar as d
    join ersattningsregler as r on r.regel_id = d.regel_id
    join fonster as f on d.manad_start >= f.fran_3 and d.manad_start <= f.o
    where d.enhet = 'per dygn' and d.kommun = $kommun
    group by all
),
per_dygn as (
    select v.band, coalesce(e.kr, 0) / nullif(v.dagar_3, 0) as kr_per_dygn,
    from vardagar as v
    left join ersattning_3 as e on e.band = v.band
),
bokfort_3 as (
    -- booked compensation of the 3 months: what the ledger got beyond the rules carries on
    select -coalesce(sum(e.belopp), 0) as kr,
    from ekonomi as e
    join kontoplan as k on k.konto = e.konto
    join fonster as f on e.period >= f.fran_3 and e.period <= f.o
    where k.kategori in ('statlig_ersattning', 'schablon')
),
ovrigt as (
    select
        coalesce(sum(d.summa_kr) filter (where d.enhet = 'engångs'), 0) / 3 as engangs_per_manad,
        ((select kr from bokfort_3) - coalesce(sum(d.summa_kr), 0)) / 3 as differens_per_manad,
        coalesce(sum(d.summa_kr) filter (where d.enhet = 'per år' and d.manad_start = date_trunc('month', f.o)), 0)
            as arlig_per_manad,
    from fonster as f
    left join ersattning_manadsdelar as d
        on d.manad_start >= f.fran_3 and d.manad_start <= f.o and d.kommun = $kommun
),
kostnad_per_dygn as (
    select
        sum(e.belopp) / nullif((select sum(dagar_3) from vardagar), 0) as kr,
    from ekonomi as e
    join kontoplan as k on k.konto = e.konto
    join fonster as f on e.period >= f.fran_3 and e.period <= f.o
    where k.typ = 'kostnad'
),
platser_manad as (
    select m.manad_start, sum(p.antal_platser) as antal_platser,
    from (select distinct manad_start from bestand) as m
    join platser as p
        on p.giltig_fran <= last_day(m.manad_start) and coalesce(p.giltig_till, date '9999-12-31') >= last_day(m.manad_start)
    group by all
),
per_manad as (
    select
        b.manad_start,
        sum(b.antal) as i_vard,
        sum(b.antal) filter (where b.med_plats) as belagda,
        sum(b.antal * day(last_day(b.manad_start)) * coalesce(p.kr_per_dygn, 0)) as dygnsersattning,
        sum(b.antal) * day(last_day(any_value(b.manad_start))) as vardagar,
    from bestand as b
    left join per_dygn as p on p.band = b.band
    group by b.manad_start
),
final as (
    select
        strftime(m.manad_start, '%Y-%m') as manad,
        m.i_vard::double as prognos_i_vard,
        coalesce(pl.antal_platser, 0)::bigint as antal_platser,
        (coalesce(m.belagda, 0) / nullif(pl.antal_platser, 0))::double as prognos_belaggning,
        case
            when $kommun = dataagare()
                then m.dygnsersattning + o.engangs_per_manad + o.arlig_per_manad + o.differens_per_manad
        end::double
            as prognos_intakt,
        case when $kommun = dataagare() then m.vardagar * (select kr from kostnad_per_dygn) end::double
            as prognos_kostnad,
    from per_manad as m
    left join platser_manad as pl on pl.manad_start = m.manad_start
    cross join ovrigt as o
)
select *, prognos_intakt - prognos_kostnad as prognos_balans, from final order by manad
