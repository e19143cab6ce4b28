# One entry point for people and CI. `make check` is the test command of the README
# and of .ci/run: it installs what it needs, then runs format, lint, types and tests.
PY ?= python3
DB ?= data/ekb.duckdb

.PHONY: install install-browser run check format lint types test bench

install:
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt

# Debian's Chromium for the end-to-end tests (never a browser download of playwright's own).
install-browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

run: install
	$(PY) -m streamlit run dashboard.py

check: install install-browser format lint types test

format:
	$(PY) -m ruff format --check .

lint:
	$(PY) -m ruff check .

types:
	$(PY) -m mypy ingest queries charts data

test:
	$(PY) -m pytest

bench: install
	$(PY) bench/bench_queries.py
