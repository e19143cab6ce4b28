-- model: alder_pa (macro, no rows of its own)
-- Helpers shared by queries/*.sql. Macros are stored in the database file,
-- so every figure computes ages and birthdays the same way.
-- Age on d: whole years from fd to d; the birthday itself counts as the new age.
create macro alder_pa(fd, d) as
    year(d) - year(fd)
    - case when month(d) * 100 + day(d) < month(fd) * 100 + day(fd) then 1 else 0 end;
