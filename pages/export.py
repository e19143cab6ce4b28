"""Export: any figure of the catalogue with the sidebar's filters, previewed and downloaded.

An analyst gets exactly the rows a page draws (the same `hamta`, so the same future
protection), and the command line that writes the same file from a script. The chosen
figure is in the URL (`?figur=…`), so a link reproduces the export.
"""

from __future__ import annotations

# Before any other project import: ui/__init__.py imports the whole project once, so that
# sessions starting together never see a half-imported module. A link straight to a page
# on a fresh server runs the page before dashboard.py, so the page imports ui first itself.
import ui  # noqa: F401  # isort: skip

import streamlit as st

import queries
from charts.text import md
from queries.definitioner import definition
from queries.export import PARAMETRAR, filnamn, filtertext, kommandorad
from queries.skydd import figurskydd
from ui import db, presentation, roller
from ui.components import TOMT, nedladdning, skyddsregel, tabell
from ui.figurer import besked, hamta, visas
from ui.filters import aktuellt

FORHANDSVISNING = 200

f = aktuellt()
st.title("Export")
if presentation.aktiv():
    st.info(
        "Export finns inte i presentationsläget: den är gjord av val och nedladdningar. "
        "Avsluta presentationen för att exportera."
    )
    st.stop()
st.markdown("Välj ett mått. Filtren i sidopanelen gäller; måttet använder de filter det har.")

# rows about one person (birthdays with pseudonyms) are offered to analysts only
radniva = not roller.far_se_radniva(roller.aktuell_roll())
titlar = {
    fig.name: fig.title or fig.name
    for fig in queries.catalogue()
    if not (radniva and figurskydd(fig.name).radniva) and visas(fig.name)
}
namn = st.selectbox(
    "Mått",
    sorted(titlar, key=lambda n: titlar[n]),
    key="figur",
    bind="query-params",
    format_func=lambda n: titlar[n],
)
params = f.for_figur(namn)
anvanda = "; ".join(f"{PARAMETRAR.get(k, k)}: {filtertext(k, v)}" for k, v in params.items())
st.caption(f"`{namn}`. Filter som används: {md(anvanda or 'inga')}")

df = hamta(namn, **params)
meddelande = besked(namn)
if meddelande:
    # too few persons, or a filter that leaves too few out: no preview and no file
    st.info(meddelande, icon=":material/shield:")
    skyddsregel()
    st.stop()
st.markdown(f"**{df.height} rader**")
if df.is_empty():
    st.info(TOMT)
else:
    tabell(df.head(FORHANDSVISNING))
    if df.height > FORHANDSVISNING:
        st.caption(
            f"Förhandsvisningen visar de första {FORHANDSVISNING} raderna; nedladdningen innehåller alla."
        )
nedladdning(df, namn, "export", params=params)
skyddsregel()

with st.expander("Definition och kommandorad"):
    st.markdown(definition(namn))
    st.markdown("Samma CSV-fil från kommandoraden (i projektets mapp):")
    fil = filnamn(namn, params, "csv")
    rad = kommandorad(namn, params, str(db.databas_sokvag()), format="csv-excel", out=fil)
    # plain text, wrapped: the shell highlighting's colours fail WCAG contrast, and a
    # horizontally scrolling block cannot be scrolled by keyboard
    st.code(rad, language=None, wrap_lines=True)
    st.caption(
        "`--format xlsx` ger Excel-filen med bladet Om datan; `--format csv` ger måttets egna "
        "kolumnnamn med punkt som decimaltecken, för skript (skyddad mot formler i Excel); "
        "`--format csv-raw` ger rådata för program (inte skyddad mot formler)."
    )
