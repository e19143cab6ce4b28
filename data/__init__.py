"""The project's data: the schema, derived tables, reference files and the demo generator.

A package so that `python -m data.demo` and `from data.demo import build_demo_db`
work for the dashboard, the CLI and the tests alike.
"""
