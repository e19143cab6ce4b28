"""Pure functions from polars DataFrames to plotly Figures.

Nothing here imports streamlit, so the PDF report and the tests draw exactly what the
dashboard draws.
"""
