-- model: belaggning_delar (macro, no rows of its own)
-- Place-days, care-days and vacant place-days of the stretches in belaggning_perioder
-- clipped to [fran, till), per unit, platstyp and month.
create macro belaggning_delar(p_fran, p_till) as table
with inom as (
    select
        enhet_id,
        platstyp,
        antal_platser,
        antal_placeringar,
        greatest(fran, p_fran::date) as fran,
        least(till, p_till::date) as till,
    from belaggning_perioder
    where fran < p_till::date and till > p_fran::date and p_fran::date < p_till::date
),
per_manad as (
    select
        *,
        unnest(generate_series(date_trunc('month', fran), date_trunc('month', till - 1), interval 1 month))::date
            as manad_start,
    from inom
),
dagar as (
    select *, least(till, (manad_start + interval 1 month)::date) - greatest(fran, manad_start) as dygn,
    from per_manad
),
summor as (
    select
        enhet_id,
        platstyp,
        manad_start,
        sum(antal_platser * dygn)::bigint as platsdygn,
        sum(antal_placeringar * dygn)::bigint as vardygn,
        sum(greatest(0, antal_platser - antal_placeringar) * dygn)::bigint as lediga_platsdygn,
    from dagar
    group by all
)
-- the unit's own columns ride along, so that figures need no join at query time
select
    s.enhet_id,
    e.namn as enhet_namn,
    e.boendeform,
    e.regi,
    e.kommun,
    e.dygnspris,
    s.platstyp,
    s.manad_start,
    s.platsdygn,
    s.vardygn,
    s.lediga_platsdygn,
from summor as s
join enheter as e on e.enhet_id = s.enhet_id;
