-- model: vardygn_utan_platser_delar (macro, no rows of its own)
-- Care-days in [p_fran, p_slut) per boendeform, regi and month at units without contracted
-- places in that month (no platser row valid on any day of it, e.g. family homes); the
-- month is judged whole even when the interval covers part of it. Months outside the
-- placements' span are not generated, so an open interval reads only the data's months.
create macro vardygn_utan_platser_delar(p_fran, p_slut) as table
with grans as (
    select
        greatest(p_fran::date, (select min(startdatum) from placering_perioder)) as fran,
        least(p_slut::date, (select max(effektiv_slut) from placering_perioder)) as slut,
),
manader as (
    select
        unnest(generate_series(date_trunc('month', fran), date_trunc('month', slut - 1), interval 1 month))::date
            as manad,
        fran,
        slut,
    from grans
    where fran < slut
),
dagar as (
    select
        p.enhet_id,
        p.boendeform,
        p.regi,
        m.manad,
        least(p.effektiv_slut, (m.manad + interval 1 month)::date, m.slut) - greatest(p.startdatum, m.manad, m.fran)
            as dygn,
    from placering_perioder as p
    join manader as m
        on p.startdatum < (m.manad + interval 1 month)::date and p.effektiv_slut > m.manad
),
med_platser as (
    select distinct pl.enhet_id, m.manad,
    from platser as pl
    join manader as m
        on pl.giltig_fran < (m.manad + interval 1 month)::date
        and coalesce(pl.giltig_till, date '9999-12-31') >= m.manad
)
select d.boendeform, d.regi, d.manad as manad_start, sum(d.dygn)::bigint as vardygn,
from dagar as d
anti join med_platser as mp on mp.enhet_id = d.enhet_id and mp.manad = d.manad
where d.dygn > 0
group by all;
