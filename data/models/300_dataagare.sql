-- model: dataagare (macro, no rows of its own)
-- The data owner: the municipality with the most anvisningar, the lowest code on a tie
-- (queries/dataomfang.sql "perspektivkommun"). Places and yearly amounts are its money.
create macro dataagare() as (
    select anvisningskommun from anvisningar
    group by anvisningskommun
    order by count(*) desc, anvisningskommun
    limit 1
);
