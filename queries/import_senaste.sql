-- import_senaste: the latest import of this database file, with the rows it stored.
-- titel: Senaste importen
-- grain: one row, none before the first import
-- definition: docs/metrics.md "Data about the data": rader_lagrade = rows stored over every table
--   of the latest import
-- params:
with senaste as (
    select * from import_log order by import_id desc limit 1
),
final as (
    select
        s.import_id,
        s.importerad,
        s.uttagsdatum,
        s.kalla,
        s.demo,
        count(f.tabell) as antal_tabeller,
        coalesce(sum(f.rader_lagrade), 0)::bigint as rader_lagrade,
    from senaste as s
    left join import_fil as f on f.import_id = s.import_id
    group by all
)
select * from final
