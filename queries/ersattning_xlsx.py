"""The drill-down of expected compensation as a workbook an auditor can check in Excel.

Why formulas: the committee's auditors must be able to recompute every krona without our
code. Each row's amount is the formula ``=ROUND(antal*belopp_kr*andel,2)`` over the cells
beside it, and the sheet "Per månad" sums those formulas per month with ``SUMIFS``, so a
changed count or rate in the sheet recomputes the month, as in MEKS's Excel reports.
"""

from __future__ import annotations

import io

import polars as pl
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

BLAD = "Beräkning"
MANADSBLAD = "Per månad"


def _kolumn(df: pl.DataFrame, namn: str) -> str:
    """The Excel column letter of `namn` (the drill-down has fewer than 26 columns)."""
    return chr(ord("A") + df.columns.index(namn))


def _rader(ws: Worksheet, df: pl.DataFrame) -> None:
    antal, belopp, andel = (_kolumn(df, n) for n in ("antal", "belopp_kr", "andel"))
    summa = df.columns.index("summa_kr")
    ws.append(df.columns)
    for nummer, rad in enumerate(df.iter_rows(), start=2):
        celler = list(rad)
        celler[summa] = f"=ROUND({antal}{nummer}*{belopp}{nummer}*{andel}{nummer},2)"
        ws.append(celler)
        for cell in ws[nummer]:
            # text from the data stays text (never a formula); only the amount is one
            if cell.column != summa + 1 and cell.data_type == "f":
                cell.data_type = "s"
    slut = df.height + 1
    summa_kol = _kolumn(df, "summa_kr")
    ws.append(["Summa"] + [None] * (summa - 1) + [f"=SUM({summa_kol}2:{summa_kol}{slut})"])


def _manader(ws: Worksheet, df: pl.DataFrame) -> None:
    manad, summa, slut = _kolumn(df, "manad"), _kolumn(df, "summa_kr"), df.height + 1
    ws.append(["manad", "forvantad"])
    for nummer, varde in enumerate(df["manad"].unique(maintain_order=True).to_list(), start=2):
        ws.append(
            [
                varde,
                f"=SUMIFS('{BLAD}'!{summa}2:{summa}{slut},'{BLAD}'!{manad}2:{manad}{slut},A{nummer})",
            ]
        )


def berakning_xlsx(df: pl.DataFrame) -> bytes:
    """The `ersattning_berakning` figure as a workbook whose amounts are formulas."""
    book = Workbook()
    ws = book.active
    ws.title = BLAD
    _rader(ws, df)
    _manader(book.create_sheet(MANADSBLAD), df)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
