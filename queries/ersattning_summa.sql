-- ersattning_summa: expected, claimed and booked compensation summed over the period's months.
-- titel: Förväntad, sökt och bokförd statlig ersättning i perioden
-- grain: one row (zeros when the period has no months up to the extraction date)
-- definition: docs/metrics.md "State compensation", in full docs/ersattning.md section Per month:
--   the sums of ersattning's columns over the same months; sokt, bokford and differens NULL for
--   another kommun than the data owner
-- params: fran date, till date, kommun text
with manader as (
    select * from ersattning_manad($fran, $till, $kommun)
),
final as (
    select
        coalesce(sum(forvantad), 0)::decimal(18, 2) as forvantad,
        case when $kommun is null or $kommun = dataagare() then coalesce(sum(sokt), 0) end::decimal(18, 2) as sokt,
        case when $kommun is null or $kommun = dataagare() then coalesce(sum(bokford), 0) end::decimal(18, 2)
            as bokford,
        case when $kommun is null or $kommun = dataagare() then coalesce(sum(differens), 0) end::decimal(18, 2)
            as differens,
        count(*) as antal_manader,
    from manader
)
select * from final
