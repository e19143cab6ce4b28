-- model: kommande_fodelsedagar (macro, no rows of its own)
-- 18th and 21st birthdays in (d, d + 12 months] of those in care on d who pass
-- the filters, with the birth date valid on d (docs/metrics.md "Upcoming birthdays").
create macro kommande_fodelsedagar(
    d, kommun := null, vistelsekommun := null, boendeform := null, regi := null
) as table
with i_vard as (
    -- only someone who is 17 or 20 on d can turn 18 or 21 in the twelve months after it
    select * from i_vard_pa(
        d, kommun := kommun, vistelsekommun := vistelsekommun, boendeform := boendeform, regi := regi
    )
    where alder in (17, 20)
),
fodelsedagar as (
    select i.*, g.fyller, fyller(i.fodelsedatum, g.fyller) as fodelsedag,
    from i_vard as i
    cross join (values (18), (21)) as g(fyller)
)
select * from fodelsedagar
where fodelsedag > d::date and fodelsedag <= (d::date + interval 12 month)::date;
