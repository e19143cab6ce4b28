-- i_vard_nyckeltal: persons in care on datum, by sex, and the change since a month and a year earlier.
-- titel: Personer i vård på datumet, per kön, mot en månad och ett år tidigare
-- grain: one row
-- definition: docs/metrics.md "Persons in care", "Comparisons over time": antal_k, antal_m and
--   antal_x add up to antal_i_vard; the earlier dates are the same day a month and twelve months
--   before datum (the month's last day when it has no such day); an earlier count is NULL when its
--   date lies before the data begins; forandring_* = antal_i_vard - the earlier count
--   (positive: more in care now)
-- params: datum date, kommun text, vistelsekommun list, boendeform list, regi list, aldersgrupp list, kon list
with dagar as (
    select
        $datum::date as datum,
        ($datum::date - interval 1 month)::date as manad_fore,
        ($datum::date - interval 12 month)::date as ar_fore,
        (select min(d) from (
            select min(startdatum) as d from placeringar
            union all
            select min(anvisningsdatum) from anvisningar
            union all
            select min(period) from ekonomi
        )) as forsta_datum,
),
urval as (
    -- stretches of care never overlap for a person, so counting rows counts persons
    select fran, till, kon, from vard_urval(
        kommun := $kommun, vistelsekommun := $vistelsekommun, boendeform := $boendeform,
        regi := $regi, aldersgrupp := $aldersgrupp, kon := $kon
    )
),
rakning as (
    select
        d.datum,
        d.manad_fore,
        d.ar_fore,
        d.forsta_datum,
        count(*) filter (where u.fran <= d.datum and u.till > d.datum) as nu,
        count(*) filter (where u.fran <= d.datum and u.till > d.datum and u.kon = 'K') as nu_k,
        count(*) filter (where u.fran <= d.datum and u.till > d.datum and u.kon = 'M') as nu_m,
        count(*) filter (where u.fran <= d.datum and u.till > d.datum and u.kon = 'X') as nu_x,
        count(*) filter (where u.fran <= d.manad_fore and u.till > d.manad_fore) as manad,
        count(*) filter (where u.fran <= d.ar_fore and u.till > d.ar_fore) as ar,
    from dagar as d
    left join urval as u on true
    group by all
),
final as (
    select
        datum,
        nu as antal_i_vard,
        nu_k as antal_k,
        nu_m as antal_m,
        nu_x as antal_x,
        manad_fore as datum_manad_fore,
        case when manad_fore >= forsta_datum then manad end as antal_manad_fore,
        nu - antal_manad_fore as forandring_manad,
        ar_fore as datum_ar_fore,
        case when ar_fore >= forsta_datum then ar end as antal_ar_fore,
        nu - antal_ar_fore as forandring_ar,
    from rakning
)
select * from final
