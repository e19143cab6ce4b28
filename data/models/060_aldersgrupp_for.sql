-- model: aldersgrupp_for (macro, no rows of its own)
create macro aldersgrupp_for(alder) as
    case when alder < 14 then '0-13' when alder < 18 then '14-17' when alder < 21 then '18-20' else '21+' end;
