# Chronicle: `make demo` and `make test` work on a fresh machine (they install first).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin

PIP := $(PY) -m pip install -qq --disable-pip-version-check

.PHONY: install install-extras demo test eval rules bench fuzz bench-api clean

# The core install: runtime pins, the pinned spaCy pipeline, Chronicle itself; then the
# place index, built once into the cache folder (a few minutes of CPU the first time,
# nothing after), so that no test, worker or demo run has to build it.
install: $(VENV)/.installed
	$(PY) -m chronicle.places > /dev/null

# The optional extras (PostgreSQL, Spark, Parquet, Datasette) and the test tools: `make test` covers them all.
install-extras: $(VENV)/.extras

EXTRAS := requirements-postgres.txt requirements-spark.txt requirements-parquet.txt \
	requirements-datasette.txt requirements-dev.txt
$(VENV)/.extras: $(VENV)/.installed $(EXTRAS)
	$(PIP) $(addprefix -r ,$(EXTRAS))
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

# For each event rule: how often it decides an outcome on dev and the pools, and how often rightly.
rules: install
	$(PY) eval/rules.py

bench: install
	$(PY) bench/run.py --rounds 3
	$(PY) bench/gazetteer_bench.py
	$(PY) bench/merge_bench.py

# A longer fuzz campaign than the suite's: 5,000 seeded mutations through reading, the pipeline
# and a store; fails on a crash, an input id not out exactly once, or an article over budget + 1 s.
fuzz: install
	$(PY) bench/fuzz.py --mutations $(or $(MUTATIONS),5000)

# The API under 20 concurrent clients on loopback (bench/api_load.py; figures in docs/performance.md).
bench-api: install
	$(PY) bench/api_load.py

clean:
	rm -rf $(VENV) demo.db build src/*.egg-info
