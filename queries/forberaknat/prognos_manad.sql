-- prognos_manad, precomputed: the same rows as queries/prognos_manad.sql, read from prognos_ekonomi_forberaknad
-- (built at import by data/models/; tests/queries/test_forberaknat.py compares the two).
-- tacker: select prognos_forberaknad_tacker($datum, $kommun)
select
    strftime(manad_start, '%Y-%m') as manad,
    prognos_i_vard,
    antal_platser,
    prognos_belaggning,
    prognos_intakt,
    prognos_kostnad,
    prognos_intakt - prognos_kostnad as prognos_balans,
from prognos_ekonomi_forberaknad
where kommun = $kommun and origin = coalesce($datum::date, uttagsdatum())
order by manad
