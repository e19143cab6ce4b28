-- model: prognos_ekonomi_forberaknad (table)
-- key: kommun, origin, manad_start
-- grain: one row per origin and forecast month: prognos_ekonomi for the data owner from the
-- origins of prognos_bestand_forberaknad (every month end of the data and the extraction
-- date), for the same reason; each origin's rows depend on its own date only.
create table prognos_ekonomi_forberaknad as
with manadsslut as (
    select dataagare() as kommun, *,
    from prognos_ekonomi(
        (select min(fran) from vard_perioder),
        last_day((uttagsdatum() + interval 2 month)::date),
        coalesce(dataagare(), '')
    )
),
uttag as (
    select dataagare() as kommun, *,
    from prognos_ekonomi(uttagsdatum(), uttagsdatum(), coalesce(dataagare(), ''))
    where uttagsdatum() <> last_day(uttagsdatum())
)
select * from manadsslut
union all
select * from uttag
order by origin, manad_start;
