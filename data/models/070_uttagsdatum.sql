-- model: uttagsdatum (macro, no rows of its own)
-- The extraction date of the newest import: nothing is counted past it.
create macro uttagsdatum() as (select uttagsdatum from import_log order by import_id desc limit 1);
