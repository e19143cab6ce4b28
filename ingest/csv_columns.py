"""The common CSV file read as text columns by polars, without a Python step per cell.

A national export is 10 million cells; `csv.reader` plus a Python list per row was a
large part of the import. Most exports are plain: no quotes, one line per record. Such a
file is split into lines and fields by polars here, with exactly the rows, line numbers,
blanks and field-count problems that `ingest.readers` gives. Any file this cannot read
exactly as `csv.reader` would (quotes, NUL, very long lines, control characters that
Python and polars strip differently) is left to the row reader: `read_columns` then
returns None.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
import polars as pl
import pyarrow as pa

from ingest.limits import Problems
from ingest.problems import Problem

if TYPE_CHECKING:
    from ingest.readers import RawTable

SLICE_ROWS = 200_000
LINE = "rad"
"""The frame's column of person-facing line numbers."""
# Python's str.strip() removes these (information separators) and polars' does not
_STRIPPED_ONLY_BY_PYTHON = ("\x1c", "\x1d", "\x1e", "\x1f")


def cell_column(index: int) -> str:
    """The frame's name for the file's column `index` (headers may be blank or repeated)."""
    return f"c{index}"


def read_columns(
    raw: RawTable, text: str, separator: str, first_line: int, max_cell_chars: int
) -> Problems | None:
    """Fill `raw.header` and `raw.frame` from `text`; None when the row reader must do it."""
    if not _plain(text):
        return None
    lines = _lines(text, first_line)
    if lines.height and lines["text"].str.len_bytes().max() > max_cell_chars:  # type: ignore[operator]
        return None  # a cell may be over the cap: the row reader reports and cuts it
    lines = lines.with_columns(
        fields=pl.col("text").str.count_matches(separator, literal=True) + 1,
        blank=~pl.col("text").str.contains(rf"[^\s{re.escape(separator)}]"),
    )
    content = lines.filter(~pl.col("blank"))
    if content.height == 0:
        return Problems()
    header_line = content[LINE][0]
    raw.header = list(_cells(content.head(1), separator, content["fields"][0]).row(0)[1:])
    raw.header_line = header_line
    after = lines.filter(pl.col(LINE) > header_line)
    raw.empty_rows = int(after["blank"].sum())
    rows = after.filter(~pl.col("blank"))
    raw.rows_read = rows.height
    width = len(raw.header)
    kept = rows.filter(pl.col("fields") == width)
    # a slice at a time: the split and strip copies of a whole national file at once were
    # most of the import's peak memory, which polars' allocator keeps after the read
    slices = [_cells(part, separator, width) for part in kept.iter_slices(SLICE_ROWS)]
    raw.frame = pl.concat(slices, rechunk=False) if slices else _cells(kept, separator, width)
    wrong = rows.filter(pl.col("fields") != width)
    return Problems(
        Problem(raw.fil, line, None, f"raden har {fields} fält men rubrikraden har {width}")
        for line, fields in wrong.select(LINE, "fields").iter_rows()
    )


def _plain(text: str) -> bool:
    """Whether every record is one line of unquoted fields that both strips agree on."""
    special = ('"', "\x00", *_STRIPPED_ONLY_BY_PYTHON)
    return not any(char in text for char in special)


def _lines(text: str, first_line: int) -> pl.DataFrame:
    """The text's lines numbered from `first_line`, split where `csv.reader` splits them.

    `csv.reader` over `newline=""` text ends a record at \\r\\n, \\r or \\n; the last line
    break ends the last record and starts none. Each line keeps its \\n (the strip of the
    last field removes it): the lines are then one Arrow array over the text's UTF-8 bytes,
    sliced where they end, with no copy per line.
    """
    data = text.encode("utf-8")
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == ord("\n")) + 1
    if not data.endswith(b"\n"):
        ends = np.append(ends, len(data))
    offsets = np.concatenate([np.zeros(1, dtype=np.int64), ends.astype(np.int64)])
    lines = pa.LargeStringArray.from_buffers(len(ends), pa.py_buffer(offsets), pa.py_buffer(data))
    frame = pl.DataFrame({"text": pl.from_arrow(lines)})
    return frame.with_row_index(LINE, offset=first_line).cast({LINE: pl.Int64})


def _cells(rows: pl.DataFrame, separator: str, width: int) -> pl.DataFrame:
    """The rows' fields as stripped text columns (blank as null) beside their line numbers.

    Only a column that has a value to strip or a blank is rewritten: each rewrite is another
    copy of the column, and most columns of an export need neither.
    """
    names = [cell_column(i) for i in range(width)]
    fields = (
        pl.col("text")
        .str.strip_suffix("\n")
        .str.split_exact(separator, max(width - 1, 0))
        .struct.rename_fields(names)
    )
    cells = rows.select(LINE, fields.alias("falt")).unnest("falt")
    del rows
    to_strip = _any(cells, [pl.col(name).str.contains(r"^\s|\s$") for name in names])
    cells = cells.with_columns(pl.col(name).str.strip_chars() for name in to_strip)
    blank = _any(cells, [pl.col(name) == "" for name in names])
    return cells.with_columns(
        pl.when(pl.col(name) != "").then(pl.col(name)).alias(name) for name in blank
    )


def _any(frame: pl.DataFrame, tests: list[pl.Expr]) -> list[str]:
    """The columns for which a test holds on some row."""
    if frame.height == 0:
        return []
    found = frame.select(test.any() for test in tests).row(0, named=True)
    return [name for name, hit in found.items() if hit]
