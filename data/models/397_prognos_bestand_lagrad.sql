-- model: prognos_bestand_lagrad (macro, no rows of its own)
-- The rows prognos_bestand(p_forsta, p_sista, p_kommun) gives, read from
-- prognos_bestand_forberaknad: its origins are the month ends in [p_forsta, p_sista] and
-- p_sista itself (NULL = the extraction date). Only right where
-- prognos_forberaknad_tacker(p_sista, p_kommun) holds; queries.sql_for checks that first
-- and then runs the figure's own SQL with this macro in place of prognos_bestand.
create macro prognos_bestand_lagrad(p_forsta, p_sista, p_kommun) as table
select * exclude (kommun)
from prognos_bestand_forberaknad
where kommun = p_kommun
    and lagrad_origin(origin, p_forsta, p_sista);
