"""kaleido's page may not be ready on a busy machine: the report retries with a fresh server."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from report import diagram


class JavascriptError(Exception):
    """Named as kaleido's error for a page whose script has not run yet."""


def test_a_page_that_was_not_ready_is_tried_again(monkeypatch: pytest.MonkeyPatch) -> None:
    riktig, anrop = diagram._svg, []

    def forst_fel(fig: go.Figure) -> str:
        anrop.append(fig)
        if len(anrop) == 1:
            raise JavascriptError("ReferenceError: kaleido_scopes is not defined")
        return riktig(fig)

    monkeypatch.setattr(diagram, "_svg", forst_fel)
    svg = diagram.till_svg([go.Figure(go.Bar(x=[1, 2], y=[3, 4]))])
    assert len(anrop) == 2 and svg[0].startswith("<svg")


def test_another_error_is_not_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    anrop = []

    def alltid_fel(fig: go.Figure) -> str:
        anrop.append(fig)
        raise ValueError("ett annat fel")

    monkeypatch.setattr(diagram, "_svg", alltid_fel)
    with pytest.raises(ValueError, match="ett annat fel"):
        diagram.till_svg([go.Figure()])
    assert len(anrop) == 1
