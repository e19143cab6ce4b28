-- ersattning_berakning: every krona of the expected compensation as count x rate, per month, category and rule.
-- titel: Förväntad ersättning: beräkning per månad, kategori och regel
-- grain: one row per month, category, rule and rate (actual costs: one row per price) within the
--   calendar months overlapping [fran, till], up to the extraction month; months without any
--   expected compensation have no rows
-- definition: docs/metrics.md "State compensation", in full docs/ersattning.md section Drill-down:
--   summa_kr = antal x belopp_kr x andel rounded to öre; per month the rows sum to ersattning's
--   forvantad; berakning is the arithmetic as text (1 467 × 1 350), andel shown when not 1
-- params: fran date, till date, kommun text
with delar as (
    select d.*,
    from ersattning_manadsdelar as d
    where d.manad_start >= date_trunc('month', $fran::date)
        and d.manad_start <= least($till::date, uttagsdatum())
        and ($kommun is null or d.kommun = $kommun)
),
summor as (
    select
        manad_start, kategori, regel_id, enhet, belopp_kr, andel, antagande, kalla,
        sum(antal)::bigint as antal,
        sum(summa_kr)::decimal(18, 2) as summa_kr,
    from delar
    group by all
),
final as (
    select
        strftime(manad_start, '%Y-%m') as manad,
        kategori,
        regel_id,
        case enhet
            when 'per dygn' then 'vårddygn'
            when 'per plats och dygn' then 'platsdygn'
            when 'engångs' then 'anvisningar'
            when 'engångs vid PUT' then 'barn med PUT'
            else 'månader'
        end as enhet,
        antal,
        belopp_kr,
        andel::double as andel,
        summa_kr,
        kr_text(antal) || ' × ' || kr_text(belopp_kr)
            || case when andel = 1 then '' else ' × ' || kr_text(andel) end as berakning,
        coalesce(antagande, '') as antagande,
        kalla,
    from summor
)
select * from final order by manad, kategori, regel_id, belopp_kr
