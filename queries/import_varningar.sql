-- import_varningar: the warnings the latest import printed (plausibility, stale data), one per row.
-- titel: Varningar från senaste importen
-- grain: one row per warning of the latest import; none when it gave no warnings
-- definition: docs/metrics.md "Data about the data" (the checks: docs/import-format.md): warnings do not refuse
--   an import; they are kept in import_log.varningar and shown on the Data page
-- params:
with senaste as (
    select import_id, varningar from import_log order by import_id desc limit 1
),
final as (
    select import_id, unnest(varningar) as varning,
    from senaste
    where varningar is not null
)
select * from final
