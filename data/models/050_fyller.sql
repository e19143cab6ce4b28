-- model: fyller (macro, no rows of its own)
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
