-- model: placeringar_efter_21 (table)
-- key: placering_id
-- grain: one row per placement with care on or after the person's 21st birthday
-- (currently registered birth date). A whole-data check (docs/metrics.md "Data about
-- the data") that does not depend on the reporting date, so it is computed once here.
create table placeringar_efter_21 as
select pl.placering_id, pl.person_id,
from placering_perioder as pl
join personer as p on p.person_id = pl.person_id
where pl.effektiv_slut > fyller(p.fodelsedatum, 21);
