"""plotly.js in Swedish: the chart toolbar, its messages, and month and day names.

plotly.js translates its own texts through a locale, and Streamlit's bundled plotly.js has
none but English registered. A page cannot register one without running a script of its
own, but plotly.js also reads locales from a chart's config (`config.locales`), and
Streamlit passes the config through as JSON: so every chart carries this locale itself
(`charts.bild.plotly_konfig`). plotly.js looks a text up by its exact English source text,
so the keys below are the texts of the plotly.js that Streamlit bundles (3.x); a key that
does not match leaves the text in English, which `tests/charts/test_bild.py` checks against
the installed bundle.

The translations are the project's own. Month and day names are written as Swedish text
writes them, in lower case, as `charts.format` does (`jan 2024`).
"""

from __future__ import annotations

from typing import Any

from ingest.vocabulary import MANADER

ORDBOK: dict[str, str] = {
    # the toolbar (modebar) and what its buttons say while they work
    "Download plot as a PNG": "Ladda ned som PNG",
    "Download plot": "Ladda ned diagrammet",
    "Download plot as JSON": "Ladda ned som JSON",
    "Preparing image - this may take a few seconds": "Bilden förbereds – det kan ta några sekunder",
    "Image download succeeded": "Bilden är nedladdad",
    "JSON download succeeded": "JSON-filen är nedladdad",
    "Sorry, there was a problem downloading your image!": "Bilden kunde inte laddas ned.",
    "Sorry, there was a problem downloading your JSON file!": "JSON-filen kunde inte laddas ned.",
    "Zoom": "Zooma",
    "Zoom in": "Zooma in",
    "Zoom out": "Zooma ut",
    "Pan": "Panorera",
    "Box Select": "Markera med rektangel",
    "Lasso Select": "Markera med lasso",
    "Autoscale": "Autoskala",
    "Reset axes": "Återställ axlarna",
    "Reset": "Återställ",
    "Reset view": "Återställ vyn",
    "Reset views": "Återställ vyerna",
    "Reset camera to default": "Återställ kameran",
    "Reset camera to last save": "Återställ kameran till senast sparade läge",
    "Orbital rotation": "Fri rotation",
    "Turntable rotation": "Rotation kring axeln",
    "Toggle Spike Lines": "Visa eller dölj hjälplinjer",
    "Show closest data on hover": "Visa närmaste värde under pekaren",
    "Compare data on hover": "Jämför värden under pekaren",
    "Toggle show closest data on hover": "Visa eller dölj närmaste värde under pekaren",
    "Draw line": "Rita linje",
    "Draw open freeform": "Rita öppen frihandsform",
    "Draw closed freeform": "Rita sluten frihandsform",
    "Draw circle": "Rita cirkel",
    "Draw rectangle": "Rita rektangel",
    "Erase active shape": "Radera vald form",
    "Produced with Plotly.js": "Skapad med Plotly.js",
    # the "send to Chart Studio" button and its dialog (Streamlit removes the button)
    "Share chart...": "Dela diagrammet …",
    "Share chart": "Dela diagrammet",
    "Share": "Dela",
    "Cancel": "Avbryt",
    "This chart will be sent to {serverUrl}.": "Diagrammet skickas till {serverUrl}.",
    # hints plotly.js shows on the chart itself
    "Double-click to zoom back out": "Dubbelklicka för att zooma ut igen",
    "Double-click on legend to isolate one trace": "Dubbelklicka i förklaringen för att visa bara en serie",
    "trace": "serie",
    "new text": "ny text",
    "Click to enter Plot title": "Klicka för att skriva diagrammets rubrik",
    "Click to enter Plot subtitle": "Klicka för att skriva diagrammets underrubrik",
    "Click to enter X axis title": "Klicka för att skriva x-axelns rubrik",
    "Click to enter Y axis title": "Klicka för att skriva y-axelns rubrik",
    "Click to enter Colorscale title": "Klicka för att skriva färgskalans rubrik",
    # the Sankey diagram's default hover (ours has its own template; a fallback)
    "source:": "från:",
    "target:": "till:",
    "incoming flow count:": "antal inflöden:",
    "outgoing flow count:": "antal utflöden:",
}
"""plotly.js's English texts → Swedish."""

FORMAT: dict[str, Any] = {
    "days": ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
    "shortDays": ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
    "months": [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],  # fmt: skip
    "shortMonths": list(MANADER),
    "date": "%Y-%m-%d",
    "time": "%H:%M:%S",
    "dateTime": "%e %B %Y %H:%M:%S",
    "periods": ["fm", "em"],
    "decimal": ",",
    "thousands": "\u00a0",
    "grouping": [3],
    "currency": ["", "\u00a0kr"],
}
"""Dates and numbers as d3-format and d3-time-format read them (plotly.js's `format`).

Sunday first: d3 indexes days from Sunday (`%w`), whatever the first day of the week is.
`layout.separators` (`charts.base.SEPARATORER`) overrides decimal and thousands per figure.
"""

SV: dict[str, Any] = {"dictionary": ORDBOK, "format": FORMAT}
"""The `sv` locale as plotly.js's `config.locales` takes it."""
