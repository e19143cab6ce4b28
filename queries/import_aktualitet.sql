-- import_aktualitet: how fresh each table is: the latest import that read it.
-- titel: Aktualitet per källa och tabell
-- grain: one row per table ever imported into this file
-- definition: docs/metrics.md "Data about the data": per table the newest import with a file
--   row for it, its source, file, import time, extraction date and rows read and stored
-- params:
with filer as (
    select
        f.tabell,
        l.kalla,
        f.fil,
        l.importerad as senast_importerad,
        l.uttagsdatum,
        f.rader_lasta,
        f.rader_lagrade,
    from import_fil as f
    join import_log as l on l.import_id = f.import_id
    qualify row_number() over (partition by f.tabell order by f.import_id desc) = 1
)
select * from filer order by tabell
