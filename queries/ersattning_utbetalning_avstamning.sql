-- ersattning_utbetalning_avstamning: each person's payments from Migrationsverket against their expected schablons.
-- titel: Utbetalda schabloner mot förväntade, per person och period
-- grain: one row per person and reconciliation period: the payments of a person whose periods
--   overlap or touch, merged, that overlap [fran, till]; and per person and calendar month of
--   the period (up to the extraction month) with expected schablons on days no payment covers
-- definition: docs/metrics.md "State compensation", in full docs/ersattning.md section Payments:
--   forvantad = the data owner's per-person schablons (days x rate x andel) and one-offs in the
--   period, rounded to öre; utbetald = the payments' sum; differens = utbetald - forvantad
-- params: fran date, till date
with betalningar as (
    select person_id, period_fran as bfran, period_till + 1 as btill, belopp,
    from utbetalningar
),
oar as (
    -- gaps and islands: a payment starts a new period when it begins after all earlier ones end
    select
        *,
        case when bfran > max(btill) over (
            partition by person_id order by bfran, btill rows between unbounded preceding and 1 preceding
        ) then 1 else 0 end as ny,
    from betalningar
),
grupper as (
    select *, sum(ny) over (partition by person_id order by bfran, btill rows unbounded preceding) as grupp,
    from oar
),
perioder as (
    select person_id, min(bfran) as pfran, max(btill) as ptill, count(*) as antal, sum(belopp) as utbetald,
    from grupper
    group by person_id, grupp
    having min(bfran) <= $till::date and max(btill) > $fran::date
),
forvantat as (
    select * from ersattning_person() where kommun = dataagare()
),
betalda as (
    select
        p.person_id, p.pfran, p.ptill, p.antal, p.utbetald,
        coalesce(sum((least(f.till, p.ptill) - greatest(f.fran, p.pfran)) * f.belopp_kr * f.andel), 0)
            as forvantad,
    from perioder as p
    left join forvantat as f on f.person_id = p.person_id and f.fran < p.ptill and f.till > p.pfran
    group by all
),
manader as (
    select unnest(generate_series(
        date_trunc('month', $fran::date),
        date_trunc('month', least($till::date, uttagsdatum())),
        interval 1 month
    ))::date as mfran,
    where $fran::date <= $till::date
),
alla_perioder as (
    select person_id, min(bfran) as pfran, max(btill) as ptill, from grupper group by person_id, grupp
),
bitar as (
    -- expected stretches cut at month ends
    select
        row_number() over () as nr, f.person_id, f.belopp_kr, f.andel, m.mfran,
        greatest(f.fran, m.mfran) as sfran, least(f.till, (m.mfran + interval 1 month)::date) as still,
    from forvantat as f
    join manader as m on f.fran < (m.mfran + interval 1 month)::date and f.till > m.mfran
),
tackta as (
    -- days of a piece inside a payment period (merged periods do not overlap)
    select b.nr, sum(least(b.still, g.ptill) - greatest(b.sfran, g.pfran)) as dagar,
    from bitar as b
    join alla_perioder as g on g.person_id = b.person_id and g.pfran < b.still and g.ptill > b.sfran
    group by b.nr
),
otackta as (
    select b.person_id, b.mfran, sum((b.still - b.sfran - coalesce(t.dagar, 0)) * b.belopp_kr * b.andel) as forvantad,
    from bitar as b
    left join tackta as t on t.nr = b.nr
    group by all
    having forvantad > 0
),
final as (
    select
        person_id, pfran as period_fran, ptill - 1 as period_till, antal::bigint as antal_utbetalningar,
        round(forvantad, 2)::decimal(18, 2) as forvantad, utbetald::decimal(18, 2) as utbetald,
    from betalda
    union all
    select
        person_id, mfran, (mfran + interval 1 month)::date - 1, 0::bigint,
        round(forvantad, 2)::decimal(18, 2), 0::decimal(18, 2),
    from otackta
)
select
    *,
    (utbetald - forvantad)::decimal(18, 2) as differens,
    case
        when antal_utbetalningar = 0 then 'utbetalning saknas'
        when utbetald = forvantad then 'stämmer'
        when utbetald < forvantad then 'för lite utbetalt'
        else 'för mycket utbetalt'
    end as avstamning,
from final
order by person_id, period_fran
