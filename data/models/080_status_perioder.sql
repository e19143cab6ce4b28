-- model: status_perioder (table)
-- key: person_id, giltig_fran
-- grain: one row per person per period with one residence-permit status, seen
-- through the anvisning responsible at the time (docs/metrics.md "Platstyp").
-- Covers all time: before the first anvisning there is no responsible municipality.
create table status_perioder as
with tackning as (
    select person_id, anvisning_id, anvisningskommun, giltig_fran, giltig_till
    from ansvar_perioder
    union all
    select person_id, null, null, date '0001-01-01', min(giltig_fran)
    from ansvar_perioder
    group by person_id
    union all
    select person_id, null, null, date '0001-01-01', date '9999-12-31'
    from personer
    where person_id not in (select person_id from anvisningar)
),
med_beslut as (
    select
        t.*,
        a.uppehallstillstand,
        coalesce(a.uppehallstillstand_datum, date '0001-01-01') as beslut,
    from tackning as t
    left join anvisningar as a on a.anvisning_id = t.anvisning_id
),
fore_beslut as (
    -- a PUT, TUT or refusal is preceded by time as an asylum seeker
    select person_id, anvisningskommun, giltig_fran, least(giltig_till, beslut) as giltig_till, 'asyl' as platstyp
    from med_beslut
    where uppehallstillstand in ('PUT', 'TUT', 'avslag') and beslut > giltig_fran
),
efter_beslut as (
    -- only a decision (PUT, TUT, refusal) waits for its date; any other status holds
    -- from the anvisning's own date
    select
        person_id,
        anvisningskommun,
        case
            when uppehallstillstand in ('PUT', 'TUT', 'avslag') then greatest(giltig_fran, beslut)
            else giltig_fran
        end as giltig_fran,
        giltig_till,
        case
            when uppehallstillstand in ('PUT', 'TUT') then 'PUT'
            when uppehallstillstand = 'asylsokande' then 'asyl'
            else 'ovrig'
        end as platstyp,
    from med_beslut
    where uppehallstillstand not in ('PUT', 'TUT', 'avslag') or uppehallstillstand is null or beslut < giltig_till
),
final as (
    select * from fore_beslut
    union all
    select * from efter_beslut
)
select * from final;
