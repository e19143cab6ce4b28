-- model: ersattning_manadsdelar (table)
-- key: manad_start, kommun, regel_id, belopp_kr
-- grain: one row per priced part per month: month, municipality, category, rule, rate.
-- antal counts care-days, place-days, anvisningar or months (enhet says which);
-- summa_kr = antal x belopp_kr x andel, rounded to öre.
create table ersattning_manadsdelar as
with dagar as (
    select kommun, regel_id, kategori, belopp_kr, andel, fran, till, 1 as antal, from ersattning_dygn
    union all
    select dataagare(), regel_id, kategori, belopp_kr, andel, fran, till, antal, from ersattning_platser
),
per_manad as (
    select
        *,
        unnest(generate_series(date_trunc('month', fran), date_trunc('month', till - 1), interval 1 month))::date
            as manad_start,
    from dagar
),
dygn as (
    select
        manad_start, kommun, regel_id, kategori, belopp_kr, andel,
        sum(antal * (least(till, (manad_start + interval 1 month)::date) - greatest(fran, manad_start)))::bigint
            as antal,
    from per_manad
    group by all
),
forsta_anvisning as (
    -- once per child and municipality: only the first anvisning to each municipality
    select *, from anvisningar
    qualify row_number() over (
        partition by person_id, anvisningskommun order by anvisningsdatum, anvisning_id
    ) = 1
),
engangs as (
    select
        date_trunc('month', a.anvisningsdatum)::date as manad_start,
        a.anvisningskommun as kommun, r.regel_id, r.kategori, r.belopp_kr, r.andel,
        count(*) as antal,
    from forsta_anvisning as a
    join fodelsedatum_perioder as f
        on f.person_id = a.person_id and f.giltig_fran <= a.anvisningsdatum and f.giltig_till > a.anvisningsdatum
    join status_perioder as s
        on s.person_id = a.person_id and s.giltig_fran <= a.anvisningsdatum and s.giltig_till > a.anvisningsdatum
    join ersattningsregler as r
        on r.enhet = 'engångs'
        and a.anvisningsdatum >= r.giltig_fran and a.anvisningsdatum < regel_slut(r.giltig_till)
        and (r.anvisning_fran is null or a.anvisningsdatum >= r.anvisning_fran)
        and (r.status is null or list_contains(r.status, s.platstyp))
        and (r.alder_fran is null or alder_pa(f.fodelsedatum, a.anvisningsdatum) >= r.alder_fran)
        and (r.alder_till is null or alder_pa(f.fodelsedatum, a.anvisningsdatum) <= r.alder_till)
    group by all
),
avtalsmanader as (
    -- months in which the owner has at least one agreed place on some day
    select distinct unnest(generate_series(
        date_trunc('month', giltig_fran), date_trunc('month', least(regel_slut(giltig_till) - 1, uttagsdatum())),
        interval 1 month
    ))::date as manad_start,
    from platser
    where platstyp in ('asyl', 'PUT') and antal_platser > 0 and giltig_fran <= uttagsdatum()
),
arliga as (
    select
        m.manad_start, dataagare() as kommun, r.regel_id, r.kategori,
        round(r.belopp_kr / 12, 2)::decimal(12, 2) as belopp_kr, r.andel, 1 as antal,
    from ersattningsregler as r,
        unnest(generate_series(
            date_trunc('month', r.giltig_fran),
            date_trunc('month', least(regel_slut(r.giltig_till) - 1, uttagsdatum())),
            interval 1 month
        )) as m(manad_start)
    where r.enhet = 'per år'
        and (r.avtalad_plats is distinct from true or m.manad_start::date in (select manad_start from avtalsmanader))
),
alla as (
    select * from dygn
    union all
    select * from engangs
    union all
    select manad_start::date, kommun, regel_id, kategori, belopp_kr, andel, antal from arliga
)
select
    a.*,
    r.enhet,
    r.antagande,
    round(a.antal * a.belopp_kr * a.andel, 2)::decimal(18, 2) as summa_kr,
from alla as a
join ersattningsregler as r on r.regel_id = a.regel_id
where a.kommun is not null
order by a.manad_start, a.kategori, a.regel_id, a.belopp_kr;
