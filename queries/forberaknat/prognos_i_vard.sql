-- prognos_i_vard, precomputed: the same rows as queries/prognos_i_vard.sql, read from prognos_bestand_forberaknad
-- (built at import by data/models/; tests/queries/test_forberaknat.py compares the two).
-- tacker: select prognos_forberaknad_tacker($datum, $kommun)
select
    strftime(manad_start, '%Y-%m') as manad,
    aldersgrupp,
    kon,
    sum(antal)::double as prognos_antal,
from prognos_bestand_forberaknad
where kommun = $kommun and origin = coalesce($datum::date, uttagsdatum())
group by all
order by manad, aldersgrupp, kon
