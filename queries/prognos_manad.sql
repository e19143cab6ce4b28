-- prognos_manad: persons in care, occupancy, compensation, cost and balance forecast for 12 months.
-- titel: Prognos per månad: i vård, beläggning, ersättning, kostnad och balans
-- grain: one row per month of the 12 after datum's month (datum defaults to the extraction date)
-- definition: docs/metrics.md "State compensation", in full docs/ersattning.md section Forecast:
--   prognos_i_vard = expected persons on the month's last day (prognos_i_vard's model);
--   prognos_belaggning = those at units with contracted places / antal_platser valid that day;
--   care-days = persons x days of the month; prognos_intakt = care-days under 18 and 18-20 x the
--   expected per-child compensation per care-day of that band in the 3 months up to datum, plus
--   that period's monthly mean of one-off amounts, the last month's yearly amount and the monthly
--   mean of booked - expected (what the ledger gets beyond the rules);
--   prognos_kostnad = care-days x ledger cost per care-day of the same 3 months;
--   prognos_balans = intakt - kostnad; the money columns only for kommun = the data owner
--   (the table macro prognos_ekonomi in data/derived_ersattning.sql)
-- params: datum date, kommun text
-- lagrad: prognos_forberaknad_tacker($datum, $kommun)
select
    strftime(manad_start, '%Y-%m') as manad,
    prognos_i_vard,
    antal_platser,
    prognos_belaggning,
    prognos_intakt,
    prognos_kostnad,
    prognos_intakt - prognos_kostnad as prognos_balans,
from prognos_ekonomi($datum, $datum, $kommun)
order by manad
