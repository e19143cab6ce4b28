"""One protection decision for a count of persons by pair of municipalities.

A pair count (responsible X, living in Y) is a cell of ``kommunoverskridande`` twice: from
X's perspective (ours elsewhere, kommun = Y) and from Y's (placed here by others, kommun =
X). Protected per perspective, each view could pair a masked cell with another partner, and
the two views together would give it back (X's total − X's visible cells − the partner that
Y's view shows). So the cells are decided once, over the whole responsible × living table of
the date (``kommunoverskridande_matris`` without a municipality, the diagonal left out):
every row is one municipality's "ours elsewhere", every column one's "placed here by
others", and each is also split by ``samma_lan`` (the tiles' "inom länet"). Each
perspective's view masks its slice of that decision before its own suppression; the slice
already has 0 or >= 2 masked cells in every margin (or no partner left), so the view's own
run adds no cell, only its own totals' flags, and every perspective shows the same cells.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from io import BytesIO
from typing import Any

import polars as pl

from queries.skydd import sekundar_over

PAR = "kommunoverskridande_matris"
DELAR_PAR = frozenset({"kommunoverskridande"})
"""Figures whose cells are pairs of the table (``riktning``, ``kommun`` from ``kommun``'s view)."""
_A, _V = "ansvarig_kommun", "vistelsekommun"
_MARGINALER = ((_A, "samma_lan"), (_A,), (_V, "samma_lan"), (_V,))


def tvingade(
    namn: str,
    ra: pl.DataFrame,
    params: Mapping[str, Any],
    hamta: Callable[[str, dict[str, Any]], pl.DataFrame],
    grans: int,
) -> dict[str, pl.Series]:
    """``antal``: the rows of ``ra`` (figure ``namn`` from ``params["kommun"]``'s view) whose
    pair the shared decision masks; nothing for other figures."""
    if namn not in DELAR_PAR or ra.is_empty() or not params.get("kommun"):
        return {}
    matris = hamta(PAR, {"datum": params.get("datum"), "kommun": None})
    beslut = _beslut(matris.select(_A, _V, "samma_lan", "antal").serialize(), grans)
    perspektiv = pl.lit(params["kommun"], dtype=pl.String)
    hos_oss = pl.col("riktning") == "placerade_hos_oss"
    par = ra.select(
        pl.when(hos_oss).then(pl.col("kommun")).otherwise(perspektiv).alias(_A),
        pl.when(hos_oss).then(perspektiv).otherwise(pl.col("kommun")).alias(_V),
    ).with_row_index("_r")
    traff = par.join(beslut, on=[_A, _V], how="left").sort("_r")
    return {"antal": traff["_f"].fill_null(False)}


@lru_cache(maxsize=32)
def _beslut(matris: bytes, grans: int) -> pl.DataFrame:
    """(ansvarig_kommun, vistelsekommun, ``_f``) for every pair of two municipalities:
    masked by rules 1 and 2 with every row and column, and their parts within and outside
    the län, as margins. Cached per table content (the snapshot's, per date) and threshold."""
    par = pl.DataFrame.deserialize(BytesIO(matris)).filter(pl.col(_A) != pl.col(_V))
    maske = sekundar_over(par, "antal", _MARGINALER, grans)
    return par.select(_A, _V).with_columns(maske.alias("_f"))
