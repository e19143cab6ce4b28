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
kalender as (
    select unnest(generate_series(
        (select date_trunc('month', min(fran)) from dagar), (select date_trunc('month', max(till)) from dagar),
        interval 1 month
    ))::date as manad_start,
),
per_manad as (
    select d.*, k.manad_start,
    from dagar as d
    join kalender as k on k.manad_start < d.till and (k.manad_start + interval 1 month)::date > d.fran
),
dygn as (
    select
        manad_start, kommun, regel_id, kategori, belopp_kr, andel,
        sum(antal * (least(till, (manad_start + interval 1 month)::date) - greatest(fran, manad_start)))::bigint
            as antal,
    from per_manad
    group by all
),
engangs as (
    select
        date_trunc('month', datum)::date as manad_start, kommun, regel_id, kategori, belopp_kr, andel,
        count(*) as antal,
    from ersattning_engangs
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
rorliga as (
    -- the variable yearly part: the year's amount in equal parts over its calendar months
    select
        m.manad_start::date as manad_start, v.kommun, 'V' || v.rad as regel_id, 'arlig_rorlig' as kategori,
        round(
            v.belopp_per_barn * v.andel * v.prognos_barn
                / (datediff('month', date_trunc('month', v.giltig_fran), date_trunc('month', v.giltig_till)) + 1),
            2
        )::decimal(12, 2)
            as belopp_kr,
        1::decimal(6, 4) as andel, 1 as antal, 'per år' as enhet,
        'andel ' || v.andel::double || ' och prognos ' || v.prognos_barn::double
            || ' barn enligt arlig_rorlig_ersattning.csv' as antagande,
        v.kalla,
    from arlig_rorlig_ersattning as v,
        unnest(generate_series(
            date_trunc('month', v.giltig_fran), date_trunc('month', v.giltig_till), interval 1 month
        )) as m(manad_start)
    where m.manad_start <= uttagsdatum()
),
alla as (
    select * from dygn
    union all
    select * from engangs
    union all
    select manad_start::date, kommun, regel_id, kategori, belopp_kr, andel, antal from arliga
),
final as (
    select
        a.*,
        r.enhet,
        r.antagande,
        r.kalla,
    from alla as a
    join ersattningsregler as r on r.regel_id = a.regel_id
    where a.kommun is not null
    union all
    select manad_start, kommun, regel_id, kategori, belopp_kr, andel, antal, enhet, antagande, kalla,
    from rorliga
),
texter as (
    -- a rule's texts (one set per regel_id) stand apart while the rows are sorted: a sort
    -- that carries them does not fit the build's memory at national scale
    select map(list(regel_id), list({'enhet': enhet, 'antagande': antagande, 'kalla': kalla})) as per_regel,
    from (select distinct regel_id, enhet, antagande, kalla, from final)
),
sorterade as (
    -- by municipality first: every figure reads one perspective municipality, whose rows
    -- then lie in few row groups (their zone maps skip the rest)
    select * exclude (enhet, antagande, kalla), from final order by kommun, manad_start
)
select
    s.manad_start, s.kommun, s.regel_id, s.kategori, s.belopp_kr, s.andel, s.antal,
    map_extract_value(t.per_regel, s.regel_id).enhet as enhet,
    map_extract_value(t.per_regel, s.regel_id).antagande as antagande,
    round(s.antal * s.belopp_kr * s.andel, 2)::decimal(18, 2) as summa_kr,
    map_extract_value(t.per_regel, s.regel_id).kalla as kalla,
from sorterade as s, texter as t;
