-- dataomfang: what the database covers: extraction date, first and last date, perspective municipality.
-- titel: Vad databasen omfattar
-- grain: one row
-- definition: docs/metrics.md "Data about the data": forsta_datum = earliest placement,
--   anvisning or ledger month; sista_datum = latest such date not after the extraction date;
--   perspektivkommun = the municipality with the most anvisningar (lowest code on a tie), the data
--   owner; dagar_efter_data = extraction date - sista_datum; uttag_langt_efter_data when that is
--   more than 90 days (the export may have been imported without its extraction date)
-- params:
with datum as (
    select startdatum as d from placeringar
    union all
    select slutdatum from placeringar where slutdatum is not null
    union all
    select anvisningsdatum from anvisningar
    union all
    select period from ekonomi
),
perspektiv as (
    select anvisningskommun as kommunkod, count(*) as antal,
    from anvisningar
    group by all
    order by antal desc, kommunkod
    limit 1
),
omfang as (
    select
        uttagsdatum() as uttagsdatum,
        (select min(d) from datum) as forsta_datum,
        (select max(d) from datum where d <= uttagsdatum()) as sista_datum,
        p.kommunkod as perspektivkommun,
        k.kommun as perspektivkommun_namn,
        (select demo from import_log order by import_id desc limit 1) as demo,
    from (select 1) as rad(ett)
    left join perspektiv as p on true
    left join kommuner as k on k.kommunkod = p.kommunkod
),
final as (
    select
        *,
        (uttagsdatum - sista_datum)::integer as dagar_efter_data,
        coalesce(dagar_efter_data > 90, false) as uttag_langt_efter_data,
    from omfang
)
select * from final
