"""Streamlit glue between the pages and the rest of the project.

Only this package and the pages may import streamlit; everything they show comes from
`queries` through `ui.figurer.hamta` and is drawn by `charts`.
"""
