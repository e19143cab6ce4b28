-- vardygn_utan_platser: care-days per boendeform and month at units without contracted places.
-- titel: Vårddygn i enheter utan avtalade platser, per boendeform och månad
-- grain: one row per boendeform x month in [fran, till] with care-days at units that have
--   no contracted places (no platser row valid on any day of that month), e.g. family homes
-- definition: docs/metrics.md "Occupancy" (care-days outside the occupancy ratio): care-days as
--   in "Placement-days", never past the extraction date. Whole months come from
--   vardygn_utan_platser_manader, the partial first and last month from the placements
-- params: fran date, till date, boendeform list, regi list
with alla as (
    select * from vardygn_utan_platser_manader
    where manad_start >= $fran::date and last_day(manad_start) <= $till::date
    union all
    -- the first month when the period starts after its first day or ends before its last
    select * from vardygn_utan_platser_delar(
        $fran,
        case
            when day($fran::date) > 1 or last_day($fran::date) > $till::date
                then least($till::date, last_day($fran::date)) + 1
            else $fran::date
        end
    )
    union all
    -- the last month when it is another month than the first and ends before its last day
    select * from vardygn_utan_platser_delar(
        date_trunc('month', $till::date),
        case
            when date_trunc('month', $till::date) > $fran::date and last_day($till::date) > $till::date
                then $till::date + 1
            else date_trunc('month', $till::date)::date
        end
    )
),
final as (
    select boendeform, strftime(manad_start, '%Y-%m') as manad, sum(vardygn)::bigint as vardygn,
    from alla
    where ($boendeform is null or list_contains($boendeform::varchar[], boendeform))
        and ($regi is null or list_contains($regi::varchar[], regi))
    group by all
)
select * from final order by boendeform, manad
