-- model: ersattning_platser (table)
-- key: enhet_id, platstyp, regel_id, fran
-- grain: one row per agreed-place stretch (belaggning_perioder, platstyp asyl or PUT)
-- and 'per plats och dygn' rule, with the places it pays for on each day.
create table ersattning_platser as
with traffar as (
    select
        b.enhet_id,
        b.platstyp,
        r.regel_id,
        r.kategori,
        r.belopp_kr,
        r.andel,
        case when r.belagd then least(b.antal_platser, b.antal_placeringar) else b.antal_platser end as antal,
        greatest(b.fran, r.giltig_fran) as fran,
        least(b.till, regel_slut(r.giltig_till)) as till,
    from belaggning_perioder as b
    join enheter as e on e.enhet_id = b.enhet_id
    join ersattningsregler as r
        on r.enhet = 'per plats och dygn'
        and r.giltig_fran < b.till and regel_slut(r.giltig_till) > b.fran
        and (r.status is null or list_contains(r.status, b.platstyp))
        and (r.boendeform is null or list_contains(r.boendeform, e.boendeform))
        and r.avtalad_plats is distinct from false
    where b.platstyp in ('asyl', 'PUT')
)
select * from traffar where fran < till and antal > 0;
