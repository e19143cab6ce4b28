"""Chart axes of the masked report: no tick label that reads like a small count."""

from __future__ import annotations

import polars as pl

from charts.alder import alderspyramid
from charts.kommun import per_kommun
from report.diagram import grova_antalsaxel


def test_pyramid_ticks_at_multiples_of_the_threshold_step() -> None:
    df = pl.DataFrame({"alder": [15, 16, 16], "kon": ["K", "K", "M"], "antal": [6, 5, 7]})
    fig = alderspyramid(df)
    # the dashboard's own ticks for a largest bar of 7 step by 2: ... -4, -2, 0, 2, 4 ...
    assert 2 in fig.layout.xaxis.tickvals
    grova_antalsaxel(fig, "x", 7, 5)
    # step: the smallest of 1, 2, 5, 10 … that is >= 5 and gives <= 4 ticks a side (7/5);
    # whole steps up to 7: 5; symmetric because girls are drawn to the left
    assert list(fig.layout.xaxis.tickvals) == [-5, 0, 5]
    assert list(fig.layout.xaxis.ticktext) == ["5", "0", "5"]


def test_bar_axis_with_threshold_six() -> None:
    df = pl.DataFrame(
        {"kommun": ["0180"], "kommun_namn": ["Stockholm"], "samma_lan": [True], "antal": [45]}
    )
    fig = grova_antalsaxel(per_kommun(df, ""), "x", 45, 6)
    # steps >= 6: 10 (45/10 > 4), 20 (45/20 <= 4) -> 20; whole steps up to 45: 0, 20, 40
    assert list(fig.layout.xaxis.tickvals) == [0, 20, 40]
