-- aldersgrupp_manad: persons in care per month by age group and sex.
-- titel: Personer i vård per månad, åldersgrupp och kön
-- grain: one row per month of [fran, till] x age group x sex with at least one person
-- definition: docs/metrics.md "Monthly series" (stock date), "Age"
-- params: fran date, till date, kommun text, vistelsekommun list, boendeform list, regi list, aldersgrupp list, kon list
with bestand as (
    select * from i_vard_manad_bestand(
        $fran, $till,
        kommun := $kommun, vistelsekommun := $vistelsekommun, boendeform := $boendeform,
        regi := $regi, aldersgrupp := $aldersgrupp, kon := $kon
    )
),
final as (
    select manad, aldersgrupp, kon, count(*) as antal,
    from bestand
    group by all
)
select * from final order by manad, aldersgrupp, kon
