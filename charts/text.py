"""Text from the data is data: escape it before Markdown or plotly can read it as markup.

Unit names, kategori values, verksamhet and folder names come from municipal exports. Shown
raw, `![x](http://…)` in a kategori makes the browser fetch an image, `<a href>` in a unit
name becomes a link in a chart, and `:red[…]` restyles a page. Every value from the data that
is written into Markdown (`st.markdown`, `st.caption`, `st.info`, …) goes through `md`, and
every value written into a plotly title, label, tick or hover text goes through `plotly_text`.
"""

from __future__ import annotations

import re

import polars as pl

# CommonMark punctuation plus Streamlit's own directives (`:red[…]`, `:material/…:`, `$…$`)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'])")
_WHITESPACE = re.compile(r"[\r\n\t]+")


def md(value: object) -> str:
    """`value` as literal text inside Markdown: every markup character backslash-escaped."""
    text = _WHITESPACE.sub(" ", "" if value is None else str(value))
    return _MD_SPECIAL.sub(r"\\\1", text)


def plotly_text(value: object) -> str:
    """`value` as literal text for plotly, which renders a subset of HTML in all its text."""
    text = "" if value is None else str(value)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plotly_text_expr(uttryck: pl.Expr) -> pl.Expr:
    """`plotly_text` as a polars expression, so a whole column is escaped without Python per row."""
    return (
        uttryck.cast(pl.String)
        .fill_null("")
        .str.replace_all("&", "&amp;", literal=True)
        .str.replace_all("<", "&lt;", literal=True)
        .str.replace_all(">", "&gt;", literal=True)
    )
