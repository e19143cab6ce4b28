"""The benchmark: import at scale through the real importer, then every figure, warm.

`python -m bench --scale municipal|county|national [--runs N] [--json FILE]`.
"""
