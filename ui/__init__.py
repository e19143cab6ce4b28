"""Streamlit glue between the pages and the rest of the project.

Only this package and the pages may import streamlit; everything they show comes from
`queries` through `ui.figurer.hamta` and is drawn by `charts`.
"""

import importlib
import pkgutil

# Streamlit runs every session's script in its own thread, and twenty sessions starting at
# once on a fresh server raced through the project's imports (`ingest` imports `ingest.load`,
# which imports from the package `ingest`): a thread could get a partially initialised
# module ("cannot import name 'FileRecord' from partially initialized module"). Every path
# into the project goes through this package (dashboard.py and every page import it first:
# tests/ui/test_importordning.py), and the threads wait while one initialises it, so
# everything is imported here, once, before any page runs.
for _paket in ("ingest", "queries", "charts", "report"):
    _rot = importlib.import_module(_paket)
    for _info in pkgutil.iter_modules(_rot.__path__):
        if not _info.name.startswith("__"):  # a package's __main__ is its command line
            importlib.import_module(f"{_paket}.{_info.name}")
for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")
