-- model: placering_perioder (table)
-- key: placering_id
-- grain: one row per placement, with the interval it counts as care
-- ([startdatum, effektiv_slut)), cut at the day after the extraction date,
-- and the municipality the person lives in during it. A placement that starts after
-- the extraction date gets the empty interval [startdatum, startdatum): no care counted.
create table placering_perioder as
with uttag as (
    select uttagsdatum from import_log order by import_id desc limit 1
),
final as (
    select
        pl.placering_id,
        pl.person_id,
        pl.enhet_id,
        e.boendeform,
        e.regi,
        pl.startdatum,
        greatest(
            pl.startdatum,
            least(
                coalesce(pl.slutdatum, (select uttagsdatum from uttag) + 1),
                (select uttagsdatum from uttag) + 1
            )
        ) as effektiv_slut,
        coalesce(pl.vistelsekommun, e.kommun) as vistelsekommun,
        coalesce(pl.dygnskostnad, e.dygnspris) as dygnskostnad,
    from placeringar as pl
    join enheter as e on e.enhet_id = pl.enhet_id
)
select * from final;
