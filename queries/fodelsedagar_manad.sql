-- fodelsedagar_manad: 18th and 21st birthdays in the 12 months after datum, counted per month.
-- titel: Kommande 18- och 21-årsdagar per månad
-- grain: one row per month x birthday (18 or 21) with at least one person
-- definition: docs/metrics.md "Upcoming birthdays" (birth date valid on datum)
-- params: datum date, kommun text, vistelsekommun list, boendeform list, regi list
with fodelsedagar as (
    select * from kommande_fodelsedagar(
        $datum,
        kommun := $kommun, vistelsekommun := $vistelsekommun, boendeform := $boendeform, regi := $regi
    )
),
final as (
    select strftime(fodelsedag, '%Y-%m') as manad, fyller, count(*) as antal,
    from fodelsedagar
    group by all
)
select * from final order by manad, fyller
