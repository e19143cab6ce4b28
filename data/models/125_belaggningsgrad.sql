-- model: belaggningsgrad (macro, no rows of its own)
-- Occupancy (docs/metrics.md "Occupancy") = care-days / place-days over the same units and
-- days, blank when there are no place-days. Every belaggning_* figure calls this one macro,
-- so a change to the definition is made here, in its section of docs/metrics.md and its test.
create macro belaggningsgrad(vardygn, platsdygn) as vardygn / nullif(platsdygn, 0);
