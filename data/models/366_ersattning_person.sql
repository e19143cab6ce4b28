-- model: ersattning_person (macro, no rows of its own)
-- The per-person amounts Migrationsverket pays without application, as priced stretches
-- [fran, till) at belopp_kr x andel a day (a one-off is one day at its amount), for the
-- payment reconciliation (docs/ersattning.md "Payments"): fixed-rate per dygn rules and the
-- one-off amounts, not actual costs, places or yearly amounts.
create macro ersattning_person() as table
select person_id, kommun, kategori, belopp_kr, andel, fran, till,
from ersattning_dygn
where regel_id in (select regel_id from ersattningsregler where belopp_kr is not null)
union all
select person_id, kommun, kategori, belopp_kr, andel, datum, datum + 1,
from ersattning_engangs;
