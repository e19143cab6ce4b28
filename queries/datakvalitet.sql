-- datakvalitet: data-quality checks that affect the figures on datum.
-- titel: Datakvalitetskontroller på datumet
-- grain: one row per check, always all checks (antal 0 when nothing is found);
--   allvarlighet: 'fel' (the import should have prevented it), 'varning' (to look into),
--   'info' (context for reading the figures, not a fault)
-- definition: docs/metrics.md "Data about the data"
-- params: datum date
with final as (
    select kontroll, beskrivning, antal, allvarlighet,
    from datakontroller($datum)
    order by ordning
)
select * from final
