# The commands the README names. Everything installs on first use into .venv/ and
# node_modules/, so `make serve` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_PY := $(VENV)/.installed
STAMP_NODE := node_modules/.installed
STAMP_EXAMPLES := examples/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
SHELL := /bin/bash

.PHONY: help install serve build test test-examples validate clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP_PY): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(STAMP_NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STAMP_EXAMPLES): examples/package.json examples/package-lock.json
	cd examples && npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(STAMP_PY) $(STAMP_NODE) $(STAMP_EXAMPLES) ## Install Python and npm dependencies (first use only)

serve: install ## Serve the site with live reload at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Not `--quiet`: it stops MkDocs from emitting warnings at all, so `--strict` has none
# to count and a broken link would publish. Filter the INFO lines instead.
build: install ## Build the site into site/ (strict: any warning fails)
	@set -o pipefail; $(BIN)/mkdocs build --strict 2>&1 | { grep -v '^INFO ' || true; }

validate: $(STAMP_PY) ## Validate every topic page's front matter, without a build
	$(BIN)/python -m hooks.validate docs

test-examples: $(STAMP_EXAMPLES) ## Run the examples' node:test suites
	cd examples && node --test

test: install ## Run the whole test suite (unit, examples, config, build, generated HTML)
	$(BIN)/python -m pytest

clean: ## Remove build output (keeps installed dependencies)
	rm -rf site public .pytest_cache
