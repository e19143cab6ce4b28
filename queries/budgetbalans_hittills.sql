-- budgetbalans_hittills: the year-to-date balance on datum against the budget's, with the forecasts.
-- titel: Balans hittills i år mot budget, med helårsprognos
-- grain: one row
-- definition: docs/metrics.md "Finance", "Year to date": January of datum's year through datum's
--   month, capped at the last month with outcome (the extraction month); the budget over the same
--   months; avvikelse_mot_budget = ack_balans - ack_budget_balans (positive: better than budget);
--   antal_manader 0 and the ack_* columns NULL when no month of the year has outcome yet;
--   prognos_budget_balans = outcome so far + the budget balance of the year's later months;
--   prognos_takt_balans = outcome so far / antal_manader x 12
-- params: datum date, verksamhet list
with grans as (
    select
        make_date(year($datum::date), 1, 1) as ar_start,
        least(date_trunc('month', $datum::date), date_trunc('month', uttagsdatum()))::date as sista,
),
belopp as (
    -- balance = revenue - cost = -(sum of amounts as booked), costs + and revenues -
    select e.period, -e.belopp as balans, k.typ, e.belopp, 'utfall' as slag,
    from ekonomi as e
    join kontoplan as k on k.konto = e.konto
    where year(e.period) = year($datum::date)
        and ($verksamhet is null or list_contains($verksamhet::varchar[], e.verksamhet))
    union all
    select b.period, -b.belopp, k.typ, b.belopp, 'budget',
    from budget as b
    join kontoplan as k on k.konto = b.konto
    where year(b.period) = year($datum::date)
        and ($verksamhet is null or list_contains($verksamhet::varchar[], b.verksamhet))
),
summor as (
    select
        g.ar_start,
        g.sista,
        greatest(month(g.sista) - month(g.ar_start) + 1, 0)::integer as antal_manader,
        coalesce(sum(b.belopp) filter (where b.slag = 'utfall' and b.typ = 'kostnad' and b.period <= g.sista), 0) as kostnad,
        coalesce(-sum(b.belopp) filter (where b.slag = 'utfall' and b.typ = 'intakt' and b.period <= g.sista), 0) as intakt,
        coalesce(sum(b.balans) filter (where b.slag = 'utfall' and b.period <= g.sista), 0) as balans,
        coalesce(sum(b.balans) filter (where b.slag = 'budget' and b.period <= g.sista), 0) as budget_balans,
        coalesce(sum(b.balans) filter (where b.slag = 'budget' and b.period > g.sista), 0) as budget_resten,
    from grans as g
    left join belopp as b on true
    group by all
),
final as (
    -- exact decimals until here; kronor to the öre
    select
        strftime(ar_start, '%Y-%m') as fran_manad,
        case when sista >= ar_start then strftime(sista, '%Y-%m') end as till_manad,
        case when sista >= ar_start then antal_manader else 0 end as antal_manader,
        case when sista >= ar_start then round(kostnad, 2)::double end as ack_kostnad,
        case when sista >= ar_start then round(intakt, 2)::double end as ack_intakt,
        case when sista >= ar_start then round(balans, 2)::double end as ack_balans,
        case when sista >= ar_start then round(budget_balans, 2)::double end as ack_budget_balans,
        case when sista >= ar_start then round(balans - budget_balans, 2)::double end as avvikelse_mot_budget,
        round(case when sista >= ar_start then balans else 0 end + budget_resten, 2)::double
            as prognos_budget_balans,
        case when sista >= ar_start then round(balans / antal_manader * 12, 2)::double end
            as prognos_takt_balans,
    from summor
)
select * from final
