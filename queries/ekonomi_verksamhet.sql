-- ekonomi_verksamhet: cost, revenue and balance against budget per verksamhet over [fran, till].
-- titel: Utfall mot budget per verksamhet
-- grain: one row per verksamhet with ledger or budget rows in the period
-- definition: docs/metrics.md "Finance" (kostnad, intakt, balans, budget_balans)
--   an omitted fran or till sets no limit on that side
-- params: fran date, till date, verksamhet list
with belopp as (
    select e.verksamhet, k.typ, e.belopp, 'utfall' as slag,
    from ekonomi as e
    join kontoplan as k on k.konto = e.konto
    where (e.period >= date_trunc('month', $fran::date) or $fran is null)
        and (e.period <= $till::date or $till is null)
    union all
    select b.verksamhet, k.typ, b.belopp, 'budget',
    from budget as b
    join kontoplan as k on k.konto = b.konto
    where (b.period >= date_trunc('month', $fran::date) or $fran is null)
        and (b.period <= $till::date or $till is null)
),
summor as (
    select
        verksamhet,
        coalesce(sum(belopp) filter (where slag = 'utfall' and typ = 'kostnad'), 0) as kostnad,
        coalesce(-sum(belopp) filter (where slag = 'utfall' and typ = 'intakt'), 0) as intakt,
        coalesce(-sum(belopp) filter (where slag = 'budget'), 0) as budget_balans,
    from belopp
    where $verksamhet is null or list_contains($verksamhet::varchar[], verksamhet)
    group by verksamhet
),
final as (
    -- exact decimals until here, so the balance never shows binary noise; kronor to the öre
    select
        verksamhet,
        round(kostnad, 2)::double as kostnad,
        round(intakt, 2)::double as intakt,
        round(intakt - kostnad, 2)::double as balans,
        round(budget_balans, 2)::double as budget_balans,
    from summor
)
select * from final order by verksamhet
