-- budgetbalans: cost, revenue and balance against budget per month, with year to date and forecasts (fixed export).
-- titel: Budgetbalans per månad med ackumulerat utfall och helårsprognos
-- grain: one row per month of [fran, till], zeros for months without ledger or budget rows;
--   no rows when fran is after till; outcome columns are NULL in months after the extraction month
-- definition: docs/metrics.md "Finance": kostnad = sum on kostnad accounts, intakt = minus the sum
--   on intakt accounts, balans = intakt - kostnad, the same for the budget; ack_* from January of the
--   row's year; months elapsed = January through the row's month but not past the extraction month;
--   prognos_budget_balans = outcome so far + budget balance of the months after the last elapsed one;
--   prognos_takt_balans = outcome so far / months elapsed x 12 (run-rate), NULL when none elapsed;
--   senaste_utfall marks the period's last month with outcome, where the forecast starts
-- params: fran date, till date, verksamhet list
with ar_manader as (
    -- whole years, so that year to date and the rest of the year are known for every row
    select unnest(generate_series(
        make_date(year($fran::date), 1, 1), make_date(year($till::date), 12, 1), interval 1 month
    ))::date as period,
    where $fran::date <= $till::date
),
ar_manader_status as (
    select period, period <= date_trunc('month', uttagsdatum()) as forfluten, from ar_manader
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
    -- a month after the extraction month has no outcome yet: NULL, not zero
    select
        m.period,
        m.forfluten,
        case when forfluten then coalesce(s.kostnad, 0) end as kostnad,
        case when forfluten then coalesce(s.intakt, 0) end as intakt,
        coalesce(s.budget_kostnad, 0) as budget_kostnad,
        coalesce(s.budget_intakt, 0) as budget_intakt,
    from ar_manader_status as m
    left join summor as s on s.period = m.period
),
ackumulerat as (
    select
        *,
        intakt - kostnad as balans,
        budget_intakt - budget_kostnad as budget_balans,
        case when forfluten then sum(kostnad) over ytd end as ack_kostnad,
        case when forfluten then sum(intakt) over ytd end as ack_intakt,
        case when forfluten then sum(intakt - kostnad) over ytd end as ack_balans,
        sum(budget_intakt - budget_kostnad) over ytd as ack_budget_balans,
        -- sums skip the NULL months, so these are the outcome through the last elapsed month
        coalesce(sum(intakt - kostnad) over ytd, 0) as utfall_hittills,
        count(kostnad) over ytd as forflutna_manader,
        sum(budget_intakt - budget_kostnad) over ar
            - sum(case when forfluten then budget_intakt - budget_kostnad else 0 end) over ytd as budget_resten,
    from per_manad
    window
        ytd as (partition by year(period) order by period rows between unbounded preceding and current row),
        ar as (partition by year(period))
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
        round(utfall_hittills + budget_resten, 2)::double as prognos_budget_balans,
        round(utfall_hittills / nullif(forflutna_manader, 0) * 12, 2)::double as prognos_takt_balans,
        coalesce(
            period = max(period) filter (where forfluten) over (),
            false
        ) as senaste_utfall,
    from ackumulerat
    where period between date_trunc('month', $fran::date) and $till::date
)
select * from final order by manad
