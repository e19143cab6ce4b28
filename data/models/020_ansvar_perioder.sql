-- model: ansvar_perioder (table)
-- key: person_id, giltig_fran
-- grain: one row per person per period with one responsible municipality
-- (docs/metrics.md "Persons": responsible municipality on d, the latest anvisning with
-- anvisningsdatum <= d; on the same day the highest anvisning_id wins).
create table ansvar_perioder as
with ordnade as (
    select
        person_id,
        anvisning_id,
        anvisningskommun,
        anvisningsdatum as giltig_fran,
        lead(anvisningsdatum) over (
            partition by person_id order by anvisningsdatum, anvisning_id
        ) as nasta,
    from anvisningar
),
final as (
    select
        person_id,
        anvisning_id,
        anvisningskommun,
        giltig_fran,
        coalesce(nasta, date '9999-12-31') as giltig_till,
    from ordnade
    where nasta is null or nasta > giltig_fran
)
select * from final;
