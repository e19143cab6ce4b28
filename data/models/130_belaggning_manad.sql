-- model: belaggning_manad (macro, no rows of its own)
-- Occupancy per unit, platstyp and month within [fran, till] for units passing the
-- filters: whole months from belaggning_manader, the partial first and last month
-- from the stretches. Shared by the belaggning_* figures.
create macro belaggning_manad(p_fran, p_till, boendeform := null, regi := null) as table
with hela as (
    select * from belaggning_manader
    where manad_start >= p_fran::date and last_day(manad_start) <= p_till::date
),
forsta as (
    -- the first month when the period starts after its first day or ends before its last;
    -- otherwise an empty interval, which reads nothing
    select * from belaggning_delar(
        p_fran,
        case
            when day(p_fran::date) > 1 or last_day(p_fran::date) > p_till::date
                then least(p_till::date, last_day(p_fran::date)) + 1
            else p_fran::date
        end
    )
),
sista as (
    -- the last month when it is another month than the first and ends before its last day
    select * from belaggning_delar(
        date_trunc('month', p_till::date),
        case
            when date_trunc('month', p_till::date) > p_fran::date and last_day(p_till::date) > p_till::date
                then p_till::date + 1
            else date_trunc('month', p_till::date)::date
        end
    )
),
alla as (
    select * from hela
    union all
    select * from forsta
    union all
    select * from sista
)
select
    * exclude (manad_start),
    strftime(manad_start, '%Y-%m') as manad,
from alla as a
where (boendeform is null or list_contains(boendeform::varchar[], a.boendeform))
    and (regi is null or list_contains(regi::varchar[], a.regi));
