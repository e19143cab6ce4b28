-- alder_kon: persons in care on datum by age group and sex (fixed export).
-- titel: Personer i vård per åldersgrupp och kön på datumet
-- grain: one row per age group x sex with at least one person in care on datum
-- definition: docs/metrics.md "Persons in care", "Persons" (age, responsible and living municipality),
--   kommun filters on the responsible municipality on datum
-- params: datum date, kommun text, vistelsekommun list, boendeform list, regi list, aldersgrupp list, kon list
with i_vard as (
    select * from i_vard_pa(
        $datum,
        kommun := $kommun, vistelsekommun := $vistelsekommun, boendeform := $boendeform,
        regi := $regi, aldersgrupp := $aldersgrupp, kon := $kon
    )
),
final as (
    select aldersgrupp, kon, count(*) as antal,
    from i_vard
    group by aldersgrupp, kon
)
select * from final order by aldersgrupp, kon
