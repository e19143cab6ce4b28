-- datakvalitet_summa: the findings of the data-quality checks on datum, counted.
-- titel: Fynd att utreda i datakvalitetskontrollerna på datumet
-- grain: one row
-- definition: docs/metrics.md "Data about the data": only checks of kind 'fel' or 'varning'
--   with antal > 0 are findings; antal_fynd is the sum of their antal, antal_kontroller their number
-- params: datum date
with fynd as (
    select antal from datakontroller($datum)
    where allvarlighet in ('fel', 'varning') and antal > 0
),
final as (
    select coalesce(sum(antal), 0)::bigint as antal_fynd, count(*) as antal_kontroller,
    from fynd
)
select * from final
