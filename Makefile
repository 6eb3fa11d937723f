# CE Hub. `make run` serves the demo; `make test` runs every check. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_FOR_VENV := $(shell scripts/find_python.sh)
UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help env assets run test lint types pytest e2e bench clean

help:
	@echo "make run    start CE Hub with the synthetic demo partnership on http://127.0.0.1:$${PORT:-8000}/"
	@echo "make test   lint, types, unit, integration (PostgreSQL) and browser (Chromium) tests"
	@echo "make bench  performance benchmarks"

# uv itself, pinned, in a private folder (no global installs needed on a fresh machine).
$(UV):
	python3 -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) venv --quiet --allow-existing --python $(PYTHON_FOR_VENV) $(VENV)
	$(UV) sync --quiet --frozen
	@touch $@

env: $(VENV)/.synced

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

static/build/.built: node_modules/.package-lock.json scripts/build_assets.mjs $(wildcard static/scss/*.scss) static/js/app.js
	npm run --silent build
	@touch $@

assets: static/build/.built

run: env assets
	CEHUB_ENVIRONMENT=development CEHUB_DEMO=true $(PY) manage.py runhub

lint: env
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

types: env
	$(VENV)/bin/mypy cehub config

pytest: env assets
	$(PY) -m pytest

test: lint types pytest

bench: env assets
	$(PY) bench/run.py
	$(PY) -m pytest -q -m bench

clean:
	rm -rf $(VENV) .tools node_modules static/build staticfiles
