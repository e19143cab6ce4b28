"""The dashboard's pages: one script per page, run by st.navigation (see ui/navigering.py)."""
