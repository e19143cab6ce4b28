"""Charts of the protected view: a masked value (null) is drawn as nothing, never as 0, and a
chart whose every value is masked says so instead of "none" (hand-built frames)."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from charts import alder, belaggning, kommun


def _varden(y: object) -> list[float | None]:
    """A trace's values with a missing one (NaN or None, as plotly stores it) as None."""
    return [None if v is None or v != v else float(v) for v in y]  # type: ignore[attr-defined]


def _text(fig: go.Figure) -> str:
    return " ".join(a.text for a in fig.layout.annotations)


def test_a_chart_of_masked_counts_is_not_a_chart_of_none() -> None:
    # three persons aged 16, masked: the pyramid is not "no persons in care"
    pyramid = pl.DataFrame(
        {"alder": [16], "kon": ["M"], "antal": [None], "antal_maskerad": [True]},
        schema_overrides={"antal": pl.Int64},
    )
    assert _text(alder.alderspyramid(pyramid)) == (
        "Alla antal är färre än 5 eller skyddade och visas inte"
    )
    per_kommun = pl.DataFrame(
        {"kommun_namn": ["Solna"], "samma_lan": [True], "antal": [None],
         "antal_maskerad": [True]},
        schema_overrides={"antal": pl.Int64},
    )  # fmt: skip
    fig = kommun.per_kommun(per_kommun, "Inga barn eller unga är placerade här")
    assert "Inga barn" not in _text(fig) and "skyddade" in _text(fig)
    # a true zero is still none
    noll = per_kommun.with_columns(antal=pl.lit(0, pl.Int64), antal_maskerad=False)
    assert _text(kommun.per_kommun(noll, "Inga barn")) == "Inga barn"


def test_a_masked_month_draws_no_bar_and_a_month_without_the_group_draws_0() -> None:
    # 0–13: January masked (4 persons), February not in the figure; 14–17: 30 and 31
    df = pl.DataFrame(
        {"manad": ["2024-01", "2024-01", "2024-02"], "aldersgrupp": ["0-13", "14-17", "14-17"],
         "antal": [None, 30, 31]},
        schema_overrides={"antal": pl.Int64},
    )  # fmt: skip
    staplar = {t.name: _varden(t.y) for t in alder.aldersgrupper_over_tid(df).data}
    assert staplar["0–13 år"] == [None, 0]
    assert staplar["14–17 år"] == [30, 31]


def test_masked_care_days_and_vacant_days_are_not_zero() -> None:
    # HVB: January masked care-days, February 600; the month total 900 and 1 000 place-days
    per_form = pl.DataFrame(
        {"manad": ["2024-01", "2024-02"], "boendeform": ["HVB", "HVB"],
         "vardygn": [None, 600], "belaggning": [None, 0.6]},
        schema_overrides={"vardygn": pl.Int64},
    )  # fmt: skip
    totalt = pl.DataFrame({"manad": ["2024-01", "2024-02"], "platsdygn": [900, 1000]})
    fig = belaggning.vardygn_mot_platser(per_form, totalt=totalt)
    assert _varden(fig.data[0].y) == [None, 600]
    # a unit masked in one month of two: its period's vacant days and cost are not a sum
    # of the visible month alone (nor 0), they are masked
    enheter = pl.DataFrame(
        {"enhet_id": ["U1", "U1", "U2", "U2"], "enhet_namn": ["Uven", "Uven", "Eken", "Eken"],
         "boendeform": ["HVB"] * 4, "manad": ["2024-01", "2024-02"] * 2,
         "lediga_platsdygn": [None, 20, 10, 12], "kostnad_lediga_kr": [None, 40000.0, 20000.0,
                                                                         24000.0]},
        schema_overrides={"lediga_platsdygn": pl.Int64},
    )  # fmt: skip
    fig = belaggning.lediga_platsdygn(enheter)
    per_enhet = {
        c[1]: (*_varden([x]), *_varden([c[2]]))
        for t in fig.data
        for x, c in zip(t.x, t.customdata, strict=True)
    }
    assert per_enhet == {"Eken": (22, 44000), "Uven": (None, None)}
