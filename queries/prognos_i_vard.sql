-- prognos_i_vard: persons in care forecast for the 12 months after a date, by age group and sex.
-- titel: Prognos: personer i vård de kommande 12 månaderna per åldersgrupp och kön
-- grain: one row per month (the 12 after datum's month), age group and sex with expected persons
-- definition: docs/metrics.md "State compensation", in full docs/ersattning.md section Forecast:
--   survivors of the stock on datum (exit rate per age group, at 18 and at 21, known planned
--   move-outs) plus new entrants at the last 3 months' mean; rates from the 12 months before;
--   datum defaults to the extraction date; kommun is the responsible municipality
-- params: datum date, kommun text
-- lagrad: prognos_forberaknad_tacker($datum, $kommun)
select
    strftime(manad_start, '%Y-%m') as manad,
    aldersgrupp,
    kon,
    sum(antal)::double as prognos_antal,
from prognos_bestand($datum, $datum, $kommun)
group by all
order by manad, aldersgrupp, kon
