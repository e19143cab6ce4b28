-- model: ersattning_vardsegment (table)
-- key: placering_id, fran
-- grain: one row per stretch of vard_perioder in which "on an agreed place" is constant:
-- the unit has places (platser) of the person's platstyp, asyl or PUT, valid that day.
create table ersattning_vardsegment as
with avtalade as (
    select enhet_id, platstyp, giltig_fran as fran, regel_slut(giltig_till) as till,
    from platser
    where platstyp in ('asyl', 'PUT') and antal_platser > 0
),
vard as (
    select row_number() over () as rad, * from vard_perioder
),
inre as (
    select v.rad, unnest([a.fran, a.till]) as dag, v.fran as vfran, v.till as vtill,
    from vard as v
    join avtalade as a on a.enhet_id = v.enhet_id and a.platstyp = v.platstyp
),
kandidater as (
    -- only stretches at a unit with places of their platstyp can change within themselves
    select distinct rad from inre
),
punkter as (
    select rad, fran as dag from vard where rad in (select rad from kandidater)
    union
    select rad, till from vard where rad in (select rad from kandidater)
    union
    select rad, dag from inre where dag > vfran and dag < vtill
),
delade as (
    select rad, dag as fran, lead(dag) over (partition by rad order by dag) as till,
    from punkter
),
flaggade as (
    select
        s.rad, s.fran, s.till,
        exists (
            select 1 from avtalade as a
            where a.enhet_id = v.enhet_id and a.platstyp = v.platstyp and a.fran <= s.fran and a.till > s.fran
        ) as avtalad_plats,
    from delade as s
    join vard as v on v.rad = s.rad
    where s.till is not null
),
final as (
    select v.* exclude (rad, fran, till), s.fran, s.till, s.avtalad_plats,
    from flaggade as s
    join vard as v on v.rad = s.rad
    union all
    select * exclude (rad, fran, till), fran, till, false,
    from vard
    where rad not in (select rad from kandidater)
)
select * from final;
