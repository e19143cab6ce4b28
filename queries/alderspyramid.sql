-- alderspyramid: persons in care on datum by single year of age and sex.
-- titel: Personer i vård per ålder och kön på datumet (ålderspyramid)
-- grain: one row per age in whole years x sex with at least one person in care on datum
-- definition: docs/metrics.md "Persons in care", "Persons" (age)
-- params: datum date, kommun text, vistelsekommun list, boendeform list, regi list, aldersgrupp list, kon list
with i_vard as (
    select * from i_vard_pa(
        $datum,
        kommun := $kommun, vistelsekommun := $vistelsekommun, boendeform := $boendeform,
        regi := $regi, aldersgrupp := $aldersgrupp, kon := $kon
    )
),
final as (
    select alder::integer as alder, kon, count(*) as antal,
    from i_vard
    group by alder, kon
)
select * from final order by alder, kon
