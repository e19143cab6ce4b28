-- model: bestandsdagar (macro, no rows of its own)
-- The month's stock dates within [fran, till]: the month's last day, or till
-- or the extraction date when earlier. Months after the extraction date are left out.
create macro bestandsdagar(p_fran, p_till) as table
with grans as (
    select p_fran::date as fran, least(p_till::date, uttagsdatum()) as till, uttagsdatum() as uttag
),
manader as (
    select unnest(generate_series(date_trunc('month', fran), date_trunc('month', till), interval 1 month))::date as m,
    from grans
    where fran <= till
)
select
    strftime(m, '%Y-%m') as manad,
    m as manad_start,
    least(last_day(m), p_till::date, (select uttag from grans)) as dag,
from manader;
