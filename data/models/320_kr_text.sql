-- model: kr_text (macro, no rows of its own)
-- Swedish number text for the drill-down: 1 467, 2 017,50 (non-breaking space).
create macro kr_text(x) as
    replace(replace(replace(
        case when x = round(x) then format('{:,}', x::bigint) else format('{:,.2f}', x::double) end,
        ',', '#'), '.', ','), '#', chr(160));
