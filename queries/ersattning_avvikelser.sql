-- ersattning_avvikelser: months where booked compensation lags expected, or a claim is missing.
-- titel: Avvikelser: bokförd ersättning släpar efter, eller ansökan saknas
-- grain: one row per finding: kontroll 'bokford_slapar' per month in which booking lags more than
--   manader months, 'ansokan_saknas' per month with expected compensation and no claim in its
--   quarter, 'beviljat_under_sokt' per month and ersattningstyp granted less than claimed (these
--   three only for the data owner, kommun NULL or the owner, whose ledger and claims
--   they are); 'antagande' per rule with an assumed condition that priced any of the period
--   (manad NULL, belopp_kr the expected amount resting on the assumption)
-- definition: docs/metrics.md "State compensation", in full docs/ersattning.md section Findings:
--   within the calendar months of [fran, till], F(j) and B(i) are expected and booked summed from
--   the first month; booked in month i covers expected up to the last month j <= i with
--   F(j) <= B(i) (j = 0 before the first month); eftersläpning = i - j; manader defaults to 3
-- params: fran date, till date, kommun text, manader text
with grans as (
    select case
        when $manader is null then 3
        when regexp_full_match($manader, '[0-9]{1,3}') then $manader::integer
        else error('manader: ange ett heltal antal månader, t.ex. 3')
    end as n,
),
manader as (
    select
        row_number() over (order by manad) as i,
        manad,
        forvantad,
        bokford,
        sum(forvantad) over (order by manad) as f_ack,
        sum(bokford) over (order by manad) as b_ack,
    from ersattning_manad($fran, $till, $kommun)
    where bokford is not null
),
tackning as (
    -- the last month whose cumulative expected the cumulative booked amount covers
    select
        m.i,
        coalesce(max(t.i) filter (where t.f_ack <= m.b_ack), 0) as tackt_till,
    from manader as m
    join manader as t on t.i <= m.i
    group by m.i
),
slapar as (
    select
        'bokford_slapar' as kontroll,
        m.manad,
        (m.i - t.tackt_till)::bigint as manader_efter,
        (m.f_ack - m.b_ack)::decimal(18, 2) as belopp_kr,
        'Bokförd ersättning t.o.m. ' || m.manad || ' täcker förväntad ersättning bara '
            || case when t.tackt_till = 0 then 'för ingen månad' else 't.o.m. ' || f.manad end
            || ' (' || (m.i - t.tackt_till) || ' månader efter)' as beskrivning,
    from manader as m
    join tackning as t on t.i = m.i
    left join manader as f on f.i = t.tackt_till
    where m.i - t.tackt_till > (select n from grans)
),
ansokningskvartal as (
    select distinct year(period) as ar, quarter(period) as kvartal, from ersattningsansokningar
),
saknas as (
    select
        'ansokan_saknas' as kontroll,
        m.manad,
        null::bigint as manader_efter,
        m.forvantad::decimal(18, 2) as belopp_kr,
        'Förväntad ersättning ' || m.manad || ' men ingen ansökan för kvartalet' as beskrivning,
    from manader as m
    where m.forvantad > 0
        and (year(strptime(m.manad, '%Y-%m')), quarter(strptime(m.manad, '%Y-%m')))
            not in (select (ar, kvartal) from ansokningskvartal)
),
antaganden as (
    select
        'antagande' as kontroll,
        null as manad,
        null::bigint as manader_efter,
        sum(d.summa_kr)::decimal(18, 2) as belopp_kr,
        'Regel ' || d.regel_id || ' (' || d.kategori || ') förutsätter: ' || any_value(d.antagande)
            || '. Det kan inte ses i exporterna och antas gälla.' as beskrivning,
    from ersattning_manadsdelar as d
    where d.antagande is not null
        and d.manad_start >= date_trunc('month', $fran::date)
        and d.manad_start <= least($till::date, uttagsdatum())
        and ($kommun is null or d.kommun = $kommun)
    group by d.regel_id, d.kategori
    having sum(d.summa_kr) > 0
),
beviljat as (
    -- decided claims granted less than claimed; an undecided claim (blank) is no refusal
    select
        'beviljat_under_sokt' as kontroll,
        strftime(period, '%Y-%m') as manad,
        null::bigint as manader_efter,
        (sum(sokt_belopp) - sum(beviljat_belopp))::decimal(18, 2) as belopp_kr,
        'Beviljat ' || kr_text(sum(beviljat_belopp)) || ' kr av sökt ' || kr_text(sum(sokt_belopp))
            || ' kr för ' || ersattningstyp || ' ' || strftime(period, '%Y-%m') as beskrivning,
    from ersattningsansokningar
    where beviljat_belopp is not null
        and period >= date_trunc('month', $fran::date) and period <= least($till::date, uttagsdatum())
        and ($kommun is null or $kommun = dataagare())
    group by period, ersattningstyp
    having sum(beviljat_belopp) < sum(sokt_belopp)
),
final as (
    select * from antaganden
    union all
    select * from beviljat
    union all
    select * from slapar
    union all
    select * from saknas
)
select * from final order by manad nulls first, kontroll, beskrivning
