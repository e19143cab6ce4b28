-- model: utbetalning_manader (table)
-- key: manad_start, person_id
-- grain: one row per person and calendar month touched by a payment of Migrationsverket's
-- payment file: each payment spread over the days of its period [period_fran, period_till]
-- (both inclusive), rounded to öre; the period's last month takes what rounding left, so a
-- payment's months add up to it (docs/ersattning.md "Payments").
create table utbetalning_manader as
with betalningar as (
    select row_number() over () as nr, person_id, period_fran as fran, period_till + 1 as till, belopp,
    from utbetalningar
),
delar as (
    select
        *,
        unnest(generate_series(date_trunc('month', fran), date_trunc('month', till - 1), interval 1 month))::date
            as manad_start,
    from betalningar
),
avrundade as (
    select
        nr, person_id, belopp, manad_start,
        round(
            belopp * (least(till, (manad_start + interval 1 month)::date) - greatest(fran, manad_start))
                / (till - fran),
            2
        )::decimal(18, 2) as del,
        manad_start = max(manad_start) over (partition by nr) as sista,
    from delar
),
final as (
    select
        manad_start,
        person_id,
        case when sista then belopp - sum(del) over (partition by nr) + del else del end as utbetald,
    from avrundade
)
select manad_start, person_id, sum(utbetald)::decimal(18, 2) as utbetald,
from final
group by all;
