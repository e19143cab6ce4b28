-- model: regel_slut (macro, no rows of its own)
-- The day after a rule's last day, or the end of time.
create macro regel_slut(giltig_till) as coalesce(giltig_till + 1, date '9999-12-31');
