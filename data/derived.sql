-- Derived tables, built once per import right after the base tables are
-- loaded (ingest runs this file in the staging database, before the swap).
-- They turn the contract's event rows into validity intervals, so that every
-- figure in queries/ is an interval-overlap query and never expands
-- placements day by day. Intervals are half-open: [fran, till).
-- The extraction date is read from the newest import_log row, which the
-- importer writes before running this file.

-- Grain: one row per person per period in which one birth date is valid
-- (docs/metrics.md "Persons": age on a date and age revisions, contract table aldersandringar).
create table fodelsedatum_perioder as
with andringar as (
    select
        person_id,
        beslutsdatum,
        tidigare_fodelsedatum,
        lag(beslutsdatum) over (partition by person_id order by beslutsdatum) as foregaende_beslut,
    from aldersandringar
),
fore_beslut as (
    -- before each decision the birth date was that decision's tidigare_fodelsedatum
    select
        person_id,
        coalesce(foregaende_beslut, date '0001-01-01') as giltig_fran,
        beslutsdatum as giltig_till,
        tidigare_fodelsedatum as fodelsedatum,
    from andringar
),
nuvarande as (
    select
        p.person_id,
        coalesce(max(a.beslutsdatum), date '0001-01-01') as giltig_fran,
        date '9999-12-31' as giltig_till,
        any_value(p.fodelsedatum) as fodelsedatum,
    from personer as p
    left join aldersandringar as a on a.person_id = p.person_id
    group by p.person_id
),
final as (
    select * from fore_beslut
    union all
    select * from nuvarande
)
select * from final;

-- Grain: one row per person per period with one responsible municipality
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

-- Grain: one row per placement, with the interval it counts as care
-- ([startdatum, effektiv_slut)), cut at the day after the extraction date,
-- and the municipality the person lives in during it.
create table placering_perioder as
with uttag as (
    select uttagsdatum from import_log order by import_id desc limit 1
),
final as (
    select
        pl.placering_id,
        pl.person_id,
        pl.enhet_id,
        e.boendeform,
        e.regi,
        pl.startdatum,
        least(
            coalesce(pl.slutdatum, (select uttagsdatum from uttag) + 1),
            (select uttagsdatum from uttag) + 1
        ) as effektiv_slut,
        coalesce(pl.vistelsekommun, e.kommun) as vistelsekommun,
        coalesce(pl.dygnskostnad, e.dygnspris) as dygnskostnad,
    from placeringar as pl
    join enheter as e on e.enhet_id = pl.enhet_id
)
select * from final;

-- Helpers shared by queries/*.sql. Macros are stored in the database file,
-- so every figure computes ages and birthdays the same way.
-- Age on d: whole years from fd to d; the birthday itself counts as the new age.
create macro alder_pa(fd, d) as
    year(d) - year(fd)
    - case when month(d) * 100 + day(d) < month(fd) * 100 + day(fd) then 1 else 0 end;

-- The first date on which someone born on fd is n years old. Born on 29 February:
-- 1 March in years without that day, which is what alder_pa says too.
create macro fyller(fd, n) as
    make_date(
        year(fd) + n,
        month(fd),
        case
            when month(fd) = 2 and day(fd) = 29
                and not ((year(fd) + n) % 4 = 0 and ((year(fd) + n) % 100 <> 0 or (year(fd) + n) % 400 = 0))
                then 28
            else day(fd)
        end
    )
    + case
        when month(fd) = 2 and day(fd) = 29
            and not ((year(fd) + n) % 4 = 0 and ((year(fd) + n) % 100 <> 0 or (year(fd) + n) % 400 = 0))
            then 1
        else 0
    end;

create macro aldersgrupp_for(alder) as
    case when alder < 14 then '0-13' when alder < 18 then '14-17' when alder < 21 then '18-20' else '21+' end;

-- The extraction date of the newest import: nothing is counted past it.
create macro uttagsdatum() as (select uttagsdatum from import_log order by import_id desc limit 1);

-- Grain: one row per person per period with one residence-permit status, seen
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

-- Grain: one row per placement per stretch of care in which the responsible
-- municipality, residence-permit status, valid birth date and age group are
-- all constant; a person's rows never overlap, so counting rows on a date
-- counts persons. Every person figure filters and groups these rows, so ages,
-- transfers (överflyttning) and status changes stay exact without expanding
-- placements day by day. [fran, till) is inside the placement's care interval.
create table vard_perioder as
with aldersgrupper(aldersgrupp, fran_ar, till_ar) as (
    values ('0-13', 0, 14), ('14-17', 14, 18), ('18-20', 18, 21), ('21+', 21, 10000)
),
utan_overlapp as (
    -- the import refuses overlapping placements; should two overlap anyway, the later
    -- startdatum wins from its start (docs/metrics.md "Persons"), so a person is never counted twice
    select
        *,
        least(
            effektiv_slut,
            coalesce(lead(startdatum) over (partition by person_id order by startdatum, placering_id), date '9999-12-31')
        ) as vard_slut,
    from placering_perioder
),
delar as (
    select
        p.placering_id,
        p.person_id,
        p.enhet_id,
        p.boendeform,
        p.regi,
        p.vistelsekommun,
        p.dygnskostnad,
        p.startdatum,
        pl.slutdatum,
        s.anvisningskommun as ansvarig_kommun,
        s.platstyp,
        f.fodelsedatum,
        greatest(p.startdatum, s.giltig_fran, f.giltig_fran) as fran,
        least(p.vard_slut, s.giltig_till, f.giltig_till) as till,
    from utan_overlapp as p
    join placeringar as pl on pl.placering_id = p.placering_id
    join status_perioder as s
        on s.person_id = p.person_id and s.giltig_fran < p.vard_slut and s.giltig_till > p.startdatum
    join fodelsedatum_perioder as f
        on f.person_id = p.person_id and f.giltig_fran < p.vard_slut and f.giltig_till > p.startdatum
        and f.giltig_fran < s.giltig_till and f.giltig_till > s.giltig_fran
),
final as (
    select
        d.* exclude (fran, till),
        pe.kon,
        g.aldersgrupp,
        greatest(d.fran, case when g.fran_ar = 0 then date '0001-01-01' else fyller(d.fodelsedatum, g.fran_ar) end) as fran,
        least(d.till, fyller(d.fodelsedatum, g.till_ar)) as till,
    from delar as d
    join personer as pe on pe.person_id = d.person_id
    cross join aldersgrupper as g
    where d.fran < d.till
)
select * from final where fran < till order by fran;

-- Grain: one row per unit and platstyp ('alla' = all its places) per stretch
-- of days in which its contracted places and its number of active placements
-- are constant, only where the unit has a valid platser row, cut at the day
-- after the extraction date (docs/metrics.md "Occupancy").
create table belaggning_perioder as
with platser_nycklar as (
    select enhet_id, 'alla' as platstyp, giltig_fran, giltig_till, antal_platser from platser
    union all
    select enhet_id, coalesce(platstyp, 'ovrig'), giltig_fran, giltig_till, antal_platser from platser
),
platser_intervall as (
    select
        enhet_id,
        platstyp,
        giltig_fran as fran,
        least(coalesce(giltig_till + 1, date '9999-12-31'), uttagsdatum() + 1) as till,
        antal_platser,
    from platser_nycklar
),
vard_nycklar as (
    select enhet_id, 'alla' as platstyp, fran, till from vard_perioder
    where enhet_id in (select enhet_id from platser)
    union all
    select enhet_id, platstyp, fran, till from vard_perioder
    where enhet_id in (select enhet_id from platser)
),
handelser as (
    select enhet_id, platstyp, fran as dag, antal_platser as d_platser, 1 as d_rader, 0 as d_personer
    from platser_intervall where fran < till
    union all
    select enhet_id, platstyp, till, -antal_platser, -1, 0
    from platser_intervall where fran < till
    union all
    select enhet_id, platstyp, fran, 0, 0, 1 from vard_nycklar
    union all
    select enhet_id, platstyp, till, 0, 0, -1 from vard_nycklar
),
per_dag as (
    select enhet_id, platstyp, dag, sum(d_platser) as d_platser, sum(d_rader) as d_rader, sum(d_personer) as d_personer,
    from handelser
    group by all
),
kumulativ as (
    select
        enhet_id,
        platstyp,
        dag as fran,
        lead(dag) over w as till,
        sum(d_platser) over (w rows between unbounded preceding and current row) as antal_platser,
        sum(d_rader) over (w rows between unbounded preceding and current row) as platser_rader,
        sum(d_personer) over (w rows between unbounded preceding and current row) as antal_placeringar,
    from per_dag
    window w as (partition by enhet_id, platstyp order by dag)
),
final as (
    select
        enhet_id,
        platstyp,
        fran,
        till,
        antal_platser::bigint as antal_platser,
        antal_placeringar::bigint as antal_placeringar,
    from kumulativ
    where platser_rader > 0 and till is not null
)
select * from final order by fran;

-- Place-days, care-days and vacant place-days of the stretches in belaggning_perioder
-- clipped to [fran, till), per unit, platstyp and month.
create macro belaggning_delar(p_fran, p_till) as table
with inom as (
    select
        enhet_id,
        platstyp,
        antal_platser,
        antal_placeringar,
        greatest(fran, p_fran::date) as fran,
        least(till, p_till::date) as till,
    from belaggning_perioder
    where fran < p_till::date and till > p_fran::date and p_fran::date < p_till::date
),
per_manad as (
    select
        *,
        unnest(generate_series(date_trunc('month', fran), date_trunc('month', till - 1), interval 1 month))::date
            as manad_start,
    from inom
),
dagar as (
    select *, least(till, (manad_start + interval 1 month)::date) - greatest(fran, manad_start) as dygn,
    from per_manad
),
summor as (
    select
        enhet_id,
        platstyp,
        manad_start,
        sum(antal_platser * dygn)::bigint as platsdygn,
        sum(antal_placeringar * dygn)::bigint as vardygn,
        sum(greatest(0, antal_platser - antal_placeringar) * dygn)::bigint as lediga_platsdygn,
    from dagar
    group by all
)
-- the unit's own columns ride along, so that figures need no join at query time
select
    s.enhet_id,
    e.namn as enhet_namn,
    e.boendeform,
    e.regi,
    e.kommun,
    e.dygnspris,
    s.platstyp,
    s.manad_start,
    s.platsdygn,
    s.vardygn,
    s.lediga_platsdygn,
from summor as s
join enheter as e on e.enhet_id = s.enhet_id;

-- Grain: one row per unit and platstyp per calendar month, precomputed so that a
-- figure over whole months reads a few rows per unit instead of every stretch.
create table belaggning_manader as
select * from belaggning_delar(date '0001-01-01', date '9999-12-31') order by manad_start, enhet_id;

-- Occupancy per unit, platstyp and month within [fran, till] for units passing the
-- filters: whole months from belaggning_manader, the partial first and last month
-- from the stretches. Shared by the belaggning_* figures.
create macro belaggning_manad(p_fran, p_till, boendeform := null, regi := null) as table
with hela as (
    select * from belaggning_manader
    where manad_start >= p_fran::date and last_day(manad_start) <= p_till::date
),
forsta as (
    -- the first month when the period starts after its first day or ends before its last;
    -- otherwise an empty interval, which reads nothing
    select * from belaggning_delar(
        p_fran,
        case
            when day(p_fran::date) > 1 or last_day(p_fran::date) > p_till::date
                then least(p_till::date, last_day(p_fran::date)) + 1
            else p_fran::date
        end
    )
),
sista as (
    -- the last month when it is another month than the first and ends before its last day
    select * from belaggning_delar(
        date_trunc('month', p_till::date),
        case
            when date_trunc('month', p_till::date) > p_fran::date and last_day(p_till::date) > p_till::date
                then p_till::date + 1
            else date_trunc('month', p_till::date)::date
        end
    )
),
alla as (
    select * from hela
    union all
    select * from forsta
    union all
    select * from sista
)
select
    * exclude (manad_start),
    strftime(manad_start, '%Y-%m') as manad,
from alla as a
where (boendeform is null or list_contains(boendeform::varchar[], a.boendeform))
    and (regi is null or list_contains(regi::varchar[], a.regi));

-- The rows of vard_perioder that pass the person filters every person figure
-- offers (NULL = no filter; kommun is the responsible municipality of the row).
create macro vard_urval(
    kommun := null, vistelsekommun := null, boendeform := null, regi := null, aldersgrupp := null, kon := null
) as table
select * from vard_perioder as v
where (kommun is null or v.ansvarig_kommun = kommun)
    and (vistelsekommun is null or list_contains(vistelsekommun::varchar[], v.vistelsekommun))
    and (boendeform is null or list_contains(boendeform::varchar[], v.boendeform))
    and (regi is null or list_contains(regi::varchar[], v.regi))
    and (aldersgrupp is null or list_contains(aldersgrupp::varchar[], v.aldersgrupp))
    and (kon is null or list_contains(kon::varchar[], v.kon));

-- Persons in care on d who pass the filters, one row each (vard_perioder
-- never overlaps for a person), with their age on d.
create macro i_vard_pa(
    d, kommun := null, vistelsekommun := null, boendeform := null, regi := null, aldersgrupp := null, kon := null
) as table
select
    *,
    alder_pa(fodelsedatum, d::date) as alder,
from vard_urval(
    kommun := kommun, vistelsekommun := vistelsekommun, boendeform := boendeform,
    regi := regi, aldersgrupp := aldersgrupp, kon := kon
)
where fran <= d::date and till > d::date;

-- The month's stock dates within [fran, till]: the month's last day, or till
-- or the extraction date when earlier. Months after the extraction date are left out.
create macro bestandsdagar(p_fran, p_till) as table
with grans as (
    select p_fran::date as fran, least(p_till::date, uttagsdatum()) as till, uttagsdatum() as uttag
),
manader as (
    select unnest(generate_series(date_trunc('month', fran), date_trunc('month', till), interval 1 month))::date as m,
    from grans
    where fran <= till
)
select
    strftime(m, '%Y-%m') as manad,
    m as manad_start,
    least(last_day(m), p_till::date, (select uttag from grans)) as dag,
from manader;

-- The stock of persons in care per month as events: a row of vard_perioder is in
-- the stock of every month whose stock date (bestandsdagar) lies in [fran, till),
-- which is a run of consecutive months, so it adds 1 from its first such month and
-- takes it away after its last. A running sum of delta per month gives the stock
-- without joining rows to dates. Rows carry every attribute to group or filter on.
create macro bestand_handelser(
    p_fran, p_till, kommun := null, vistelsekommun := null, boendeform := null, regi := null,
    aldersgrupp := null, kon := null
) as table
with grans as (
    select
        date_trunc('month', p_fran::date)::date as forsta_manad,
        least(p_till::date, uttagsdatum()) as sista_dag,
        least(last_day(p_fran::date), p_till::date, uttagsdatum()) as forsta_dag,
),
rader as (
    select
        v.*,
        greatest(date_trunc('month', v.fran)::date, g.forsta_manad) as forsta,
        case
            when v.till > g.sista_dag then date_trunc('month', g.sista_dag)::date
            else (date_trunc('month', v.till) - interval 1 month)::date
        end as sista,
    from vard_urval(
        kommun := kommun, vistelsekommun := vistelsekommun, boendeform := boendeform,
        regi := regi, aldersgrupp := aldersgrupp, kon := kon
    ) as v, grans as g
    where v.fran <= g.sista_dag and v.till > g.forsta_dag and p_fran::date <= p_till::date
)
select
    * exclude (handelse),
    handelse.manad_start,
    handelse.delta,
from (
    -- both events from one pass over the rows: +1 entering, -1 after the last month
    select
        *,
        unnest([
            {'manad_start': forsta, 'delta': 1},
            {'manad_start': (sista + interval 1 month)::date, 'delta': -1}
        ]) as handelse,
    from rader
    where forsta <= sista
);

-- 18th and 21st birthdays in (d, d + 12 months] of those in care on d who pass
-- the filters, with the birth date valid on d (docs/metrics.md "Upcoming birthdays").
create macro kommande_fodelsedagar(
    d, kommun := null, vistelsekommun := null, boendeform := null, regi := null
) as table
with i_vard as (
    -- only someone who is 17 or 20 on d can turn 18 or 21 in the twelve months after it
    select * from i_vard_pa(
        d, kommun := kommun, vistelsekommun := vistelsekommun, boendeform := boendeform, regi := regi
    )
    where alder in (17, 20)
),
fodelsedagar as (
    select i.*, g.fyller, fyller(i.fodelsedatum, g.fyller) as fodelsedag,
    from i_vard as i
    cross join (values (18), (21)) as g(fyller)
)
select * from fodelsedagar
where fodelsedag > d::date and fodelsedag <= (d::date + interval 12 month)::date;

-- Grain: one row per anvisning, with what anvisningar_manad groups by worked out once:
-- sex, age group on anvisningsdatum (birth date valid that day) and the decision's
-- number among the person's decisions (1 = first anvisning, later = transfers).
create table anvisningar_berikade as
select
    a.*,
    p.kon,
    aldersgrupp_for(alder_pa(f.fodelsedatum, a.anvisningsdatum)) as aldersgrupp,
    row_number() over (partition by a.person_id order by a.anvisningsdatum, a.anvisning_id) as nummer,
from anvisningar as a
join personer as p on p.person_id = a.person_id
join fodelsedatum_perioder as f
    on f.person_id = a.person_id and f.giltig_fran <= a.anvisningsdatum and f.giltig_till > a.anvisningsdatum
order by a.anvisningsdatum;

-- Grain: one row per placement with care on or after the person's 21st birthday
-- (currently registered birth date). A whole-data check (docs/metrics.md "Data about
-- the data") that does not depend on the reporting date, so it is computed once here.
create table placeringar_efter_21 as
select pl.placering_id, pl.person_id,
from placering_perioder as pl
join personer as p on p.person_id = pl.person_id
where pl.effektiv_slut > fyller(p.fodelsedatum, 21);

-- Grain: one row per data-quality check on date d, always all checks (antal 0 when
-- nothing is found). A macro, so that `datakvalitet` (every check) and
-- `datakvalitet_summa` (the findings counted) read one definition
-- (docs/metrics.md "Data about the data").
create macro datakontroller(d) as table
with i_vard as (
    select ansvarig_kommun, dygnskostnad, enhet_id, from i_vard_pa(d)
),
enheter_med_platser as (
    select distinct enhet_id from platser
    where giltig_fran <= d::date and (giltig_till is null or giltig_till >= d::date)
),
kontroller as (
    select 1 as ordning, 'fel' as allvarlighet, 'utan_ansvarig_kommun' as kontroll,
        'Personer i vård utan anvisning på dagen (ingen ansvarig kommun)' as beskrivning,
        (select count(*) from i_vard where ansvarig_kommun is null) as antal,
    union all
    select 2, 'varning', 'utan_dygnskostnad', 'Personer i vård vars placering saknar dygnskostnad och enhetens dygnspris',
        (select count(*) from i_vard where dygnskostnad is null)
    union all
    select 3, 'info', 'enhet_utan_platser', 'Personer i vård på enheter utan avtalade platser på dagen',
        (select count(*) from i_vard where enhet_id not in (select enhet_id from enheter_med_platser))
    union all
    select 4, 'varning', 'overbelagda_enheter', 'Enheter med fler placeringar än avtalade platser på dagen',
        (select count(*) from belaggning_perioder
            where platstyp = 'alla' and fran <= d::date and till > d::date
                and antal_placeringar > antal_platser)
    union all
    -- the raw placements: the care rows (vard_perioder) never overlap by construction
    select 5, 'fel', 'dubbla_placeringar', 'Personer med mer än en pågående placering på dagen',
        (select count(*) from (
            select person_id from placering_perioder
            where startdatum <= d::date and effektiv_slut > d::date
            group by person_id having count(*) > 1))
    union all
    select 6, 'info', 'pagaende_efter_uttag', 'Pågående placeringar som räknas till uttagsdatum',
        (select count(*) from placeringar where slutdatum is null or slutdatum > uttagsdatum())
    union all
    -- the case is open (latest anvisning on or before datum, not closed by then) but the
    -- person has no placement that day: a placement may be missing from the export
    select 7, 'varning', 'anvisning_utan_placering', 'Personer med öppen anvisning på dagen men utan placering',
        (select count(*) from (
            select a.person_id, a.avslutsdatum,
            from anvisningar as a
            where a.anvisningsdatum <= d::date
            qualify row_number() over (
                partition by a.person_id order by a.anvisningsdatum desc, a.anvisning_id desc
            ) = 1
        ) as senaste
        where (senaste.avslutsdatum is null or senaste.avslutsdatum > d::date)
            and senaste.person_id not in (
                select person_id from placering_perioder
                where startdatum <= d::date and effektiv_slut > d::date))
    union all
    -- over all data: care on or after the 21st birthday (current birth date) is outside
    -- the care of children and youths the state compensates
    select 8, 'varning', 'placering_efter_21', 'Placeringar med vårddygn efter 21-årsdagen (hela datamängden)',
        (select count(*) from placeringar_efter_21)
)
select ordning, kontroll, beskrivning, antal, allvarlighet, from kontroller;

insert into bygge (schemaversion, kod_hash) values (2, 'b0751cb0768630d6');
