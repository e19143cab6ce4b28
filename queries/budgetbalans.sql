-- budgetbalans: cost, revenue and balance against budget per month, with year to date and forecasts (fixed export).
-- titel: Budgetbalans per månad med ackumulerat utfall och helårsprognos
-- grain: one row per month of [fran, till], zeros for months without ledger or budget rows;
--   no rows when fran is after till
-- definition: docs/metrics.md "Finance": kostnad = sum on kostnad accounts, intakt = minus the sum
--   on intakt accounts, balans = intakt - kostnad, the same for the budget; ack_* from January of the
--   row's year; prognos_budget_balans = ack_balans + budget balance of the year's remaining months;
--   prognos_takt_balans = ack_balans / months elapsed x 12 (run-rate)
-- params: fran date, till date, verksamhet list
with ar_manader as (
    -- whole years, so that year to date and the rest of the year are known for every row
    select unnest(generate_series(
        make_date(year($fran::date), 1, 1), make_date(year($till::date), 12, 1), interval 1 month
    ))::date as period,
    where $fran::date <= $till::date
),
belopp as (
    select e.period, k.typ, e.belopp, 'utfall' as slag,
    from ekonomi as e
    join kontoplan as k on k.konto = e.konto
    where $verksamhet is null or list_contains($verksamhet::varchar[], e.verksamhet)
    union all
    select b.period, k.typ, b.belopp, 'budget',
    from budget as b
    join kontoplan as k on k.konto = b.konto
    where $verksamhet is null or list_contains($verksamhet::varchar[], b.verksamhet)
),
summor as (
    select
        period,
        sum(belopp) filter (where slag = 'utfall' and typ = 'kostnad') as kostnad,
        -sum(belopp) filter (where slag = 'utfall' and typ = 'intakt') as intakt,
        sum(belopp) filter (where slag = 'budget' and typ = 'kostnad') as budget_kostnad,
        -sum(belopp) filter (where slag = 'budget' and typ = 'intakt') as budget_intakt,
    from belopp
    where year(period) between year($fran::date) and year($till::date)
    group by period
),
per_manad as (
    select
        m.period,
        coalesce(s.kostnad, 0) as kostnad,
        coalesce(s.intakt, 0) as intakt,
        coalesce(s.budget_kostnad, 0) as budget_kostnad,
        coalesce(s.budget_intakt, 0) as budget_intakt,
    from ar_manader as m
    left join summor as s on s.period = m.period
),
ackumulerat as (
    select
        *,
        intakt - kostnad as balans,
        budget_intakt - budget_kostnad as budget_balans,
        sum(kostnad) over ytd as ack_kostnad,
        sum(intakt) over ytd as ack_intakt,
        sum(intakt - kostnad) over ytd as ack_balans,
        sum(budget_intakt - budget_kostnad) over ytd as ack_budget_balans,
        coalesce(sum(budget_intakt - budget_kostnad) over resten, 0) as budget_resten,
    from per_manad
    window
        ytd as (partition by year(period) order by period rows between unbounded preceding and current row),
        resten as (partition by year(period) order by period rows between 1 following and unbounded following)
),
final as (
    -- sums stay exact decimals until here; kronor are then given to the öre
    select
        strftime(period, '%Y-%m') as manad,
        round(kostnad, 2)::double as kostnad,
        round(intakt, 2)::double as intakt,
        round(balans, 2)::double as balans,
        round(budget_kostnad, 2)::double as budget_kostnad,
        round(budget_intakt, 2)::double as budget_intakt,
        round(budget_balans, 2)::double as budget_balans,
        round(ack_kostnad, 2)::double as ack_kostnad,
        round(ack_intakt, 2)::double as ack_intakt,
        round(ack_balans, 2)::double as ack_balans,
        round(ack_budget_balans, 2)::double as ack_budget_balans,
        round(ack_balans + budget_resten, 2)::double as prognos_budget_balans,
        round(ack_balans::double / month(period) * 12, 2) as prognos_takt_balans,
    from ackumulerat
    where period between date_trunc('month', $fran::date) and $till::date
)
select * from final order by manad
