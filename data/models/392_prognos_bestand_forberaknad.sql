-- model: prognos_bestand_forberaknad (table)
-- key: kommun, origin, steg, aldersgrupp, kon, med_plats
-- grain: one row per origin, step, age group, sex and contracted-place flag: prognos_bestand
-- for the data owner (the sidebar's default municipality) from every month end of the data
-- and from the extraction date. Why: the forecast is a large query (planning alone takes
-- tens of ms) and the ten-year backtest runs it from 120 origins; origins never depend on
-- anything but their own date, so computing them once at import gives the same rows.
-- Month ends up to two months after the extraction date are included: a later origin has
-- no stock and no recent entrants, so prognos_bestand returns no rows for it.
-- prognos_bestand_lagrad reads it when prognos_forberaknad_tacker says the request is covered.
create table prognos_bestand_forberaknad as
with manadsslut as (
    select dataagare() as kommun, *,
    from prognos_bestand(
        (select min(fran) from vard_perioder),
        last_day((uttagsdatum() + interval 2 month)::date),
        -- no anvisningar, no data owner: '' reads nobody instead of everybody (NULL)
        coalesce(dataagare(), '')
    )
),
uttag as (
    select dataagare() as kommun, *,
    from prognos_bestand(uttagsdatum(), uttagsdatum(), coalesce(dataagare(), ''))
    where uttagsdatum() <> last_day(uttagsdatum())
)
select * from manadsslut
union all
select * from uttag
order by origin, steg;
