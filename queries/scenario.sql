-- scenario: cost, revenue and balance per month beside a what-if scenario (docs/ersattning.md "Scenarios").
-- titel: Scenario: kostnad, intäkt och balans per månad mot utfallet
-- grain: one row per calendar month overlapping [fran, till] up to the extraction month
-- definition: docs/metrics.md "State compensation", in full docs/ersattning.md section Scenarios:
--   kostnad, intakt, balans = the ledger (as budgetbalans); scenario_* = the same plus the effects:
--   moving flytt_antal youths (at most those there) from fran_form to till_form from flytt_fran
--   changes cost by days x (mean price there - here) and revenue by days x the mean change of
--   expected per-child compensation per care-day when fran_form's care is priced as if in
--   till_form off agreed places (the youths keep status and age);
--   pris_procent changes the care cost of pris_form; regel_belopp replaces the amount of the rules
--   of regel_kategori from the month of regel_fran; effekt_balans = scenario_balans - balans
--   platser_antal more (or fewer) contracted asylum places of platser_form from platser_fran cost
--   their days x the mean dygnspris of that form's units with places (else of all its units) and
--   bring the place rules' amount (1 600 kr until 2017-06-30), assumed vacant
-- params: fran date, till date, kommun text, flytt_antal text, flytt_fran text, fran_form text, till_form text, pris_form text, pris_procent text, regel_kategori text, regel_belopp text, regel_fran text, platser_antal text, platser_form text, platser_fran text
with val as (
    select
        coalesce(try_cast($flytt_antal as double), 0) as antal,
        coalesce(try_cast($flytt_fran as date), date '9999-12-31') as flytt_dag,
        coalesce(try_cast($pris_procent as double), 0) / 100 as pris_andel,
        try_cast($regel_belopp as decimal(12, 2)) as regel_belopp,
        coalesce(try_cast($regel_fran as date), date '0001-01-01') as regel_dag,
        coalesce(try_cast($platser_antal as integer), 0) as platser,
        coalesce(try_cast($platser_fran as date), date '9999-12-31') as platser_dag,
    where ((
        ($flytt_antal is null or try_cast($flytt_antal as double) >= 0)
        and ($flytt_fran is null or try_cast($flytt_fran as date) is not null)
        and ($pris_procent is null or try_cast($pris_procent as double) is not null)
        and ($regel_belopp is null or try_cast($regel_belopp as double) >= 0)
        and ($regel_fran is null or try_cast($regel_fran as date) is not null)
        and ($platser_antal is null or try_cast($platser_antal as integer) is not null)
        and ($platser_fran is null or try_cast($platser_fran as date) is not null)
    ) or error('scenario: ange antal och belopp som tal och datum som ÅÅÅÅ-MM-DD'))
    and (list_has_all(
        ['HVB', 'stodboende', 'familjehem', 'jourhem', 'traningslagenhet', 'eget_boende', 'annat'],
        list_filter([$fran_form, $till_form, $pris_form, $platser_form], x -> x is not null)
    ) or error('scenario: okänd boendeform; tillåtna: HVB, stodboende, familjehem, jourhem, '
        || 'traningslagenhet, eget_boende, annat'))
    and ($regel_kategori is null or $regel_kategori in (select distinct kategori from ersattningsregler)
        or error('scenario: okänd regelkategori ' || $regel_kategori))
),
manader as (
    select
        manad_start,
        (manad_start + interval 1 month)::date as manad_slut,
        greatest(manad_start, (select flytt_dag from val)) as flytt_start,
    from (
        select unnest(generate_series(
            date_trunc('month', $fran::date), date_trunc('month', least($till::date, uttagsdatum())), interval 1 month
        ))::date as manad_start,
        where $fran::date <= $till::date
    )
),
ledger as (
    select
        e.period as manad_start,
        sum(e.belopp) filter (where k.typ = 'kostnad') as kostnad,
        -sum(e.belopp) filter (where k.typ = 'intakt') as intakt,
    from ekonomi as e
    join kontoplan as k on k.konto = e.konto
    group by e.period
),
vard as (
    -- care per month and boendeform: days and cost
    select
        m.manad_start,
        s.boendeform,
        sum(least(s.till, m.manad_slut) - greatest(s.fran, m.manad_start)) as dagar,
        sum((least(s.till, m.manad_slut) - greatest(s.fran, m.manad_start)) * coalesce(s.dygnskostnad, 0)) as kostnad,
    from manader as m
    join ersattning_vardsegment as s on s.fran < m.manad_slut and s.till > m.manad_start
    where $kommun is null or s.ansvarig_kommun = $kommun
    group by all
),
ersattning_har as (
    -- per-child compensation of fran_form's care this month, as priced
    select m.manad_start,
        sum((least(d.till, m.manad_slut) - greatest(d.fran, m.manad_start)) * d.belopp_kr * d.andel) as kr,
    from manader as m
    join ersattning_dygn as d on d.fran < m.manad_slut and d.till > m.manad_start
    join placering_perioder as p on p.placering_id = d.placering_id
    where ($kommun is null or d.kommun = $kommun) and p.boendeform = $fran_form
    group by all
),
omprisat as (
    -- the same care priced as if in till_form, off agreed places (the youths keep status and age);
    -- actual costs at till_form's mean price of the month
    select
        m.manad_start,
        sum(
            (least(s.till, m.manad_slut, regel_slut(r.giltig_till),
                case when r.alder_till is null then date '9999-12-31' else fyller(s.fodelsedatum, r.alder_till + 1) end)
             - greatest(s.fran, m.manad_start, r.giltig_fran,
                case when r.alder_fran is null then date '0001-01-01' else fyller(s.fodelsedatum, r.alder_fran) end))
            * coalesce(r.belopp_kr, t.pris, 0) * r.andel
        ) filter (where
            least(s.till, m.manad_slut, regel_slut(r.giltig_till),
                case when r.alder_till is null then date '9999-12-31' else fyller(s.fodelsedatum, r.alder_till + 1) end)
            > greatest(s.fran, m.manad_start, r.giltig_fran,
                case when r.alder_fran is null then date '0001-01-01' else fyller(s.fodelsedatum, r.alder_fran) end)
        ) as kr,
    from manader as m
    join ersattning_vardsegment as s on s.fran < m.manad_slut and s.till > m.manad_start
    join ersattningsregler as r
        on r.enhet = 'per dygn'
        and (r.status is null or list_contains(r.status, s.platstyp))
        and (r.boendeform is null or list_contains(r.boendeform, $till_form))
        and (r.avtalad_plats is null or r.avtalad_plats = false)
    left join (select manad_start, kostnad / nullif(dagar, 0) as pris from vard where boendeform = $till_form) as t
        on t.manad_start = m.manad_start
    where ($kommun is null or s.ansvarig_kommun = $kommun)
        and s.boendeform = $fran_form and s.ansvarig_kommun is not null
    group by all
),
form as (
    select
        v.manad_start, v.boendeform, v.dagar,
        v.kostnad / nullif(v.dagar, 0) as pris,
        v.kostnad,
    from vard as v
),
flytt as (
    select
        m.manad_start,
        least((select antal from val), coalesce(h.dagar, 0) / (m.manad_slut - m.manad_start))
            * greatest(0, m.manad_slut - m.flytt_start) as dagar,
        coalesce(t.pris, 0) - coalesce(h.pris, 0) as pris_skillnad,
        (coalesce(o.kr, 0) - coalesce(e.kr, 0)) / nullif(h.dagar, 0) as ersattning_skillnad,
    from manader as m
    left join form as h on h.manad_start = m.manad_start and h.boendeform = $fran_form
    left join form as t on t.manad_start = m.manad_start and t.boendeform = $till_form
    left join ersattning_har as e on e.manad_start = m.manad_start
    left join omprisat as o on o.manad_start = m.manad_start
),
pris as (
    select manad_start, kostnad * (select pris_andel from val) as kr,
    from form
    where boendeform = $pris_form
),
regel as (
    select
        d.manad_start,
        sum(d.antal * ((select regel_belopp from val) / case when d.enhet = 'per år' then 12 else 1 end - d.belopp_kr)
            * d.andel) as kr,
    from ersattning_manadsdelar as d
    where d.kategori = $regel_kategori
        and d.manad_start >= date_trunc('month', (select regel_dag from val))
        and ($kommun is null or d.kommun = $kommun)
        and (select regel_belopp from val) is not null
    group by all
),
platspris as (
    -- what a place of the form costs a day: its units with contracted places, else all its units
    select coalesce(
        avg(e.dygnspris) filter (where e.enhet_id in (select enhet_id from platser)),
        avg(e.dygnspris)
    ) as pris,
    from enheter as e
    where e.boendeform = $platser_form
),
nya_platser as (
    select
        m.manad_start,
        (select platser from val) * greatest(0, m.manad_slut - greatest(m.manad_start, (select platser_dag from val)))
            * coalesce((select pris from platspris), 0) as kostnad,
        (select platser from val) * coalesce(sum(
            greatest(0, least(m.manad_slut, regel_slut(r.giltig_till))
                - greatest(m.manad_start, (select platser_dag from val), r.giltig_fran))
            * r.belopp_kr * r.andel
        ), 0) as intakt,
    from manader as m
    left join ersattningsregler as r
        on r.enhet = 'per plats och dygn' and r.belagd is null
        and (r.status is null or list_contains(r.status, 'asyl'))
        and (r.boendeform is null or list_contains(r.boendeform, $platser_form))
    group by m.manad_start, m.manad_slut
),
final as (
    select
        strftime(m.manad_start, '%Y-%m') as manad,
        coalesce(l.kostnad, 0)::double as kostnad,
        coalesce(l.intakt, 0)::double as intakt,
        coalesce(f.dagar * f.pris_skillnad, 0)::double as flytt_kostnad,
        coalesce(f.dagar * f.ersattning_skillnad, 0)::double as flytt_intakt,
        coalesce(p.kr, 0)::double as pris_kostnad,
        coalesce(r.kr, 0)::double as regel_intakt,
        coalesce(n.kostnad, 0)::double as platser_kostnad,
        coalesce(n.intakt, 0)::double as platser_intakt,
    from manader as m
    left join ledger as l on l.manad_start = m.manad_start
    left join flytt as f on f.manad_start = m.manad_start
    left join pris as p on p.manad_start = m.manad_start
    left join regel as r on r.manad_start = m.manad_start
    left join nya_platser as n on n.manad_start = m.manad_start
),
med_effekt as (
    select
        *,
        intakt - kostnad as balans,
        kostnad + flytt_kostnad + pris_kostnad + platser_kostnad as scenario_kostnad,
        intakt + flytt_intakt + regel_intakt + platser_intakt as scenario_intakt,
    from final
)
select
    manad, kostnad, intakt, balans, scenario_kostnad, scenario_intakt,
    scenario_intakt - scenario_kostnad as scenario_balans,
    scenario_intakt - scenario_kostnad - balans as effekt_balans,
    sum(scenario_intakt - scenario_kostnad - balans) over (order by manad) as ack_effekt_balans,
    flytt_kostnad, flytt_intakt, pris_kostnad, regel_intakt, platser_kostnad, platser_intakt,
from med_effekt
order by manad
