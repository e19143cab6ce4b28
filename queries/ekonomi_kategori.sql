-- ekonomi_kategori: outcome against budget per account type and reporting category over [fran, till].
-- titel: Utfall mot budget per kontotyp och kategori
-- grain: one row per typ (kostnad, intakt) x kategori with ledger or budget rows in the period
-- definition: docs/metrics.md "Finance": utfall_kr and budget_kr are costs for kostnad and revenues
--   (sign turned) for intakt; avvikelse_kr is positive when favourable (cost below budget,
--   revenue above budget)
--   an omitted fran or till sets no limit on that side
-- params: fran date, till date, verksamhet list
with belopp as (
    select k.typ, k.kategori, e.belopp as utfall, 0 as budget,
    from ekonomi as e
    join kontoplan as k on k.konto = e.konto
    where (e.period >= date_trunc('month', $fran::date) or $fran is null)
        and (e.period <= $till::date or $till is null)
        and ($verksamhet is null or list_contains($verksamhet::varchar[], e.verksamhet))
    union all
    select k.typ, k.kategori, 0, b.belopp,
    from budget as b
    join kontoplan as k on k.konto = b.konto
    where (b.period >= date_trunc('month', $fran::date) or $fran is null)
        and (b.period <= $till::date or $till is null)
        and ($verksamhet is null or list_contains($verksamhet::varchar[], b.verksamhet))
),
summor as (
    select
        typ,
        kategori,
        sum(utfall) * case typ when 'intakt' then -1 else 1 end as utfall_kr,
        sum(budget) * case typ when 'intakt' then -1 else 1 end as budget_kr,
    from belopp
    group by typ, kategori
),
final as (
    -- exact decimals until here, so a difference never shows binary noise; kronor to the öre
    select
        typ,
        kategori,
        round(utfall_kr, 2)::double as utfall_kr,
        round(budget_kr, 2)::double as budget_kr,
        round(case typ when 'intakt' then utfall_kr - budget_kr else budget_kr - utfall_kr end, 2)::double
            as avvikelse_kr,
    from summor
)
select * from final order by typ, kategori
