-- model: ersattning_dygn (table)
-- key: placering_id, regel_id, fran
-- grain: one row per care stretch and 'per dygn' rule that prices it, clipped to the
-- rule's validity and age band (age from the birth date valid in the stretch). Care before
-- the person's first anvisning has status 'ankomst' and goes to that anvisning's ankomstkommun
-- (else the vistelsekommun); only rules naming 'ankomst' price it (docs/ersattning.md).
create table ersattning_dygn as
with forsta_anvisning as (
    select person_id, anvisningsdatum, ankomstkommun, from anvisningar
    qualify row_number() over (partition by person_id order by anvisningsdatum, anvisning_id) = 1
),
segment as (
    select
        s.*,
        case when s.ansvarig_kommun is null then 'ankomst' else s.platstyp end as status_dag,
        coalesce(s.ansvarig_kommun, f.ankomstkommun, s.vistelsekommun) as kommun,
    from ersattning_vardsegment as s
    left join forsta_anvisning as f on f.person_id = s.person_id
    where s.ansvarig_kommun is not null or s.till <= f.anvisningsdatum
),
traffar as (
    select
        s.person_id,
        s.placering_id,
        s.kommun,
        r.regel_id,
        r.kategori,
        coalesce(r.belopp_kr, s.dygnskostnad) as belopp_kr,
        r.andel,
        greatest(
            s.fran, r.giltig_fran,
            case when r.alder_fran is null then date '0001-01-01' else fyller(s.fodelsedatum, r.alder_fran) end
        ) as fran,
        least(
            s.till, regel_slut(r.giltig_till),
            case when r.alder_till is null then date '9999-12-31' else fyller(s.fodelsedatum, r.alder_till + 1) end
        ) as till,
    from segment as s
    join ersattningsregler as r
        on r.enhet = 'per dygn'
        and r.giltig_fran < s.till and regel_slut(r.giltig_till) > s.fran
        and (
            (r.status is null and s.status_dag <> 'ankomst') or list_contains(r.status, s.status_dag)
        )
        and (r.boendeform is null or list_contains(r.boendeform, s.boendeform))
        and (r.avtalad_plats is null or r.avtalad_plats = s.avtalad_plats)
)
select * from traffar where fran < till and belopp_kr is not null;
