-- model: i_vard_pa (macro, no rows of its own)
-- Persons in care on d who pass the filters, one row each (vard_perioder
-- never overlaps for a person), with their age on d.
create macro i_vard_pa(
    d, kommun := null, vistelsekommun := null, boendeform := null, regi := null, aldersgrupp := null, kon := null
) as table
select
    *,
    alder_pa(fodelsedatum, d::date) as alder,
from vard_urval(
    kommun := kommun, vistelsekommun := vistelsekommun, boendeform := boendeform,
    regi := regi, aldersgrupp := aldersgrupp, kon := kon
)
where fran <= d::date and till > d::date;
