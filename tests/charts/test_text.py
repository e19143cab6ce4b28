"""Escaping of data values for Markdown and plotly, checked against hand-written expectations."""

from __future__ import annotations

from charts.text import md, plotly_text


def test_md_escapes_image_link_and_directives() -> None:
    # each markup character gets one backslash in front of it, by hand
    assert md("![x](http://a.b/c.png)") == r"\!\[x\]\(http\:\/\/a\.b\/c\.png\)".replace(r"\/", "/")
    assert md(":red[Eken]") == r"\:red\[Eken\]"
    assert md("HVB *Eken*\nrad två") == r"HVB \*Eken\* rad två"


def test_md_leaves_plain_swedish_text_alone() -> None:
    assert md("Stödboende Åkersberga 3") == "Stödboende Åkersberga 3"
    assert md(None) == ""


def test_plotly_text_neutralises_html() -> None:
    assert (
        plotly_text('<a href="x">Eken</a> & <b>')
        == '&lt;a href="x"&gt;Eken&lt;/a&gt; &amp; &lt;b&gt;'
    )
