-- model: belaggning_manader (table)
-- key: enhet_id, platstyp, manad_start
-- grain: one row per unit and platstyp per calendar month, precomputed so that a
-- figure over whole months reads a few rows per unit instead of every stretch.
create table belaggning_manader as
select * from belaggning_delar(date '0001-01-01', date '9999-12-31') order by manad_start, enhet_id;
