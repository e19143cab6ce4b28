"""The framework's floor: a trivial Streamlit page with three small plotly charts.

`python -m bench` serves it next to the dashboard and times it the same way, so that every
page's time is also given as a ratio to what Streamlit and plotly need at the least.
"""

import plotly.graph_objects as go
import streamlit as st

st.title("Golv")
for i in range(3):
    figur = go.Figure(go.Bar(x=["a", "b", "c"], y=[1 + i, 2, 3]))
    st.plotly_chart(figur, key=f"golv_{i}")
