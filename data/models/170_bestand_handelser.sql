-- model: bestand_handelser (macro, no rows of its own)
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
