-- import_logg: every import of this database file and the files each one read.
-- titel: Importer och inlästa filer
-- grain: one row per import x table (an import without file rows appears once)
-- definition: docs/metrics.md "Data about the data"
-- params:
with final as (
    select
        l.import_id,
        l.importerad,
        l.uttagsdatum,
        l.kalla,
        l.demo,
        f.tabell,
        f.fil,
        f.sha256,
        f.rader_lasta,
        f.rader_lagrade,
    from import_log as l
    left join import_fil as f on f.import_id = l.import_id
)
select * from final order by import_id desc, tabell
