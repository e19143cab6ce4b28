-- model: vardygn_utan_platser_manader (table)
-- key: boendeform, regi, manad_start
-- grain: one row per boendeform, regi and calendar month with care-days at units without
-- contracted places that month, precomputed so that vardygn_utan_platser over whole months
-- reads a few rows instead of every placement (a ten-year view took 0.3 s at county scale).
create table vardygn_utan_platser_manader as
select * from vardygn_utan_platser_delar(date '0001-01-01', date '9999-12-31') order by manad_start, boendeform;
