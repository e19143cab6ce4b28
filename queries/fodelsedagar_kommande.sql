-- fodelsedagar_kommande: 18th and 21st birthdays in the 12 months after datum of those in care on datum.
-- titel: Kommande 18- och 21-årsdagar för personer i vård (12 månader)
-- grain: one row per person in care on datum x birthday (18 or 21) in (datum, datum + 12 months]
-- definition: docs/metrics.md "Upcoming birthdays" (birth date valid on datum)
-- params: datum date, kommun text, vistelsekommun list, boendeform list, regi list
with fodelsedagar as (
    select * from kommande_fodelsedagar(
        $datum,
        kommun := $kommun, vistelsekommun := $vistelsekommun, boendeform := $boendeform, regi := $regi
    )
),
final as (
    select f.person_id, f.fyller, f.fodelsedag, f.enhet_id, e.namn as enhet_namn, f.boendeform,
    from fodelsedagar as f
    join enheter as e on e.enhet_id = f.enhet_id
)
select * from final order by fodelsedag, person_id
