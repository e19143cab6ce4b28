-- model: prognos_forberaknad_tacker (macro, no rows of its own)
-- True when the forecast tables hold every origin a request for [p_forsta, p_sista] and
-- p_kommun needs: the municipality is the data owner, and the last origin (p_sista, NULL =
-- the extraction date) is a month end or the extraction date, so that every origin is (the
-- earlier ones are month ends). Month ends outside the tables' span give no rows either way.
create macro prognos_forberaknad_tacker(p_sista, p_kommun) as (
    coalesce(p_kommun = dataagare(), false)
    and (
        coalesce(p_sista::date, uttagsdatum()) = last_day(coalesce(p_sista::date, uttagsdatum()))
        or coalesce(p_sista::date, uttagsdatum()) = uttagsdatum()
    )
);

-- The origins a stored forecast answers for [p_forsta, p_sista]: the month ends in it and
-- p_sista itself (NULL = the extraction date); shared by the two *_lagrad macros.
create macro lagrad_origin(origin, p_forsta, p_sista) as
    origin between coalesce(p_forsta::date, uttagsdatum()) and coalesce(p_sista::date, uttagsdatum())
    and (origin = last_day(origin) or origin = coalesce(p_sista::date, uttagsdatum()));
