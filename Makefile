# Rasd — developer entry points. `make run` and `make test` are the README's quick start.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: run test lint format eval bench train-ner setup clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

## run: extract and store the bundled sample articles in the embedded SQLite store, then list events
run: $(STAMP)
	$(BIN)/rasd extract --format pretty --published 2026-11-25 samples/*.txt

## test: lint and the whole test suite (starts PostgreSQL when it is down)
test: $(STAMP)
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
eval: $(STAMP)
	$(BIN)/python $(SHARED)/eval/score.py events $(SHARED)/eval/dev/events --run '$(BIN)/rasd extract --format jsonl'
	$(BIN)/python $(SHARED)/eval/score.py gsr $(SHARED)/eval/dev/gsr/gsr_dev.jsonl --run '$(BIN)/rasd extract --format jsonl'
	$(BIN)/python scripts/eval_actors.py --shared $(SHARED)

bench: $(STAMP)
	$(BIN)/python bench/run_all.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
