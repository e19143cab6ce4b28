-- model: anvisningar_berikade (table)
-- key: anvisning_id
-- grain: one row per anvisning, with what anvisningar_manad groups by worked out once:
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
