-- model: ersattning_engangs (table)
-- key: person_id, kommun, regel_id
-- grain: one row per one-off amount: person, municipality and 'engångs' or 'engångs vid PUT'
-- rule, on the day that triggers it (docs/ersattning.md "How a day is priced", "More rules").
create table ersattning_engangs as
with forsta_anvisning as (
    -- once per child and municipality: only the first anvisning to each municipality
    select person_id, anvisningskommun as kommun, anvisningsdatum as datum, from anvisningar
    qualify row_number() over (
        partition by person_id, anvisningskommun order by anvisningsdatum, anvisning_id
    ) = 1
),
anvisning as (
    select a.person_id, a.kommun, a.datum, r.regel_id, r.kategori, r.belopp_kr, r.andel,
    from forsta_anvisning as a
    join fodelsedatum_perioder as f
        on f.person_id = a.person_id and f.giltig_fran <= a.datum and f.giltig_till > a.datum
    join status_perioder as s
        on s.person_id = a.person_id and s.giltig_fran <= a.datum and s.giltig_till > a.datum
    join ersattningsregler as r
        on r.enhet = 'engångs'
        and a.datum >= r.giltig_fran and a.datum < regel_slut(r.giltig_till)
        and (r.anvisning_fran is null or a.datum >= r.anvisning_fran)
        and (r.status is null or list_contains(r.status, s.platstyp))
        and (r.alder_fran is null or alder_pa(f.fodelsedatum, a.datum) >= r.alder_fran)
        and (r.alder_till is null or alder_pa(f.fodelsedatum, a.datum) <= r.alder_till)
),
forsta_put as (
    -- the first day in the municipality's care with PUT (or TUT): a decision during care, or
    -- the start of care of a child who already had it
    select person_id, ansvarig_kommun as kommun, min(fran) as datum,
    from vard_perioder
    where platstyp = 'PUT' and ansvarig_kommun is not null
    group by all
),
put as (
    select p.person_id, p.kommun, p.datum, r.regel_id, r.kategori, r.belopp_kr, r.andel,
    from forsta_put as p
    join fodelsedatum_perioder as f
        on f.person_id = p.person_id and f.giltig_fran <= p.datum and f.giltig_till > p.datum
    join ersattningsregler as r
        on r.enhet = 'engångs vid PUT'
        and p.datum >= r.giltig_fran and p.datum < regel_slut(r.giltig_till)
        and (r.alder_fran is null or alder_pa(f.fodelsedatum, p.datum) >= r.alder_fran)
        and (r.alder_till is null or alder_pa(f.fodelsedatum, p.datum) <= r.alder_till)
)
select * from anvisning
union all
select * from put
