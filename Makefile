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

.PHONY: help install serve build test test-examples validate clean lock linkcheck pipeline offline pdf dist
.PHONY: check stale new-topic bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP_PY): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	touch $@

# requirements*.in name the direct dependencies; `make lock` compiles each into
# requirements*.txt with every transitive dependency pinned and hashed, for any OS
# (--universal) from Python 3.11.5 (the oldest the pins support) on. uv keeps every pin
# it need not move: after editing a version in a .in file only that package (and what
# it drags along) changes. `make lock LOCK_ARGS=--upgrade` moves everything.
LOCK = $(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11.5 \
	--custom-compile-command 'make lock' $(LOCK_ARGS)

lock: $(STAMP_PY) ## Recompile the hash-pinned requirements*.txt from requirements*.in
	$(LOCK) requirements.in -o requirements.txt
	$(LOCK) -c requirements.txt requirements-dev.in -o requirements-dev.txt
	$(LOCK) -c requirements-dev.txt requirements-linkcheck.in -o requirements-linkcheck.txt

$(STAMP_NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STAMP_EXAMPLES): examples/package.json examples/package-lock.json
	cd examples && npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(STAMP_PY) $(STAMP_NODE) $(STAMP_EXAMPLES) ## Install Python and npm dependencies (first use only)

# --dirty rebuilds only what an edit changes (about 1 s instead of 7-13 s; `make bench`);
# hooks/preview.py keeps the aggregate pages current. `make build` is always complete.
serve: install ## Serve the site with live reload at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

# Not `--quiet`: it stops MkDocs from emitting warnings at all, so `--strict` has none
# to count and a broken link would publish. Filter the INFO lines instead.
# SOURCE_DATE_EPOCH (default: the last commit's time) dates the sitemap and the downloads,
# so two builds of one commit are byte-identical (tests/test_reproducible.py).
build: install ## Build the site into site/ (strict: any warning fails)
	@set -o pipefail; epoch=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null)}; \
	if [ -n "$$epoch" ]; then export SOURCE_DATE_EPOCH=$$epoch; fi; \
	$(BIN)/mkdocs build --strict 2>&1 | { grep -v '^INFO ' || true; }

# Build time against plain Material and Zensical, edit-to-preview, page weight and Lighthouse
# (bench/run.py; README "Performance"). BENCH_ARGS=--quick for a shorter run. Zensical
# installs into .venv-bench/ on first use.
bench: install ## Benchmark builds, preview and page weight; writes bench/results/latest.json
	$(BIN)/python -m bench.run $(BENCH_ARGS)

validate: $(STAMP_PY) ## Validate every topic page's front matter, without a build
	$(BIN)/python -m hooks.validate docs

# Every linter and CONTENT.md's rules, in parallel (scripts/check.py); each problem is one
# line, file:line and the rule. CURRICULUM_STALE=error makes an old `reviewed` fail too.
check: $(STAMP_PY) $(STAMP_NODE) ## Lint Markdown, spelling, Python, JS, YAML; check front matter and content rules
	$(BIN)/python scripts/check.py

stale: $(STAMP_PY) ## List pages whose `reviewed` is over 12 months old; fails if any (scheduled pipelines)
	$(BIN)/python -m hooks.validate --rules --only=stale --stale=error docs

new-topic: $(STAMP_PY) ## Scaffold a topic page, its example and nav entry (asks, or PART= SLUG= TITLE=)
	$(BIN)/python scripts/new_topic.py $(if $(PART),--part "$(PART)") $(if $(SLUG),--slug "$(SLUG)") $(if $(TITLE),--title "$(TITLE)")

test-examples: $(STAMP_EXAMPLES) ## Run the examples' node:test suites
	cd examples && node --test

test: install ## Run the whole test suite (unit, examples, config, build, generated HTML)
	$(BIN)/python -m pytest

# The scheduled pipeline's external link check, in its own venv. It needs the internet:
# offline (as on the machine this project is developed on) every external link reports
# an error, which says nothing about the links.
STAMP_LINKCHECK := .venv-linkcheck/.installed
$(STAMP_LINKCHECK): requirements-linkcheck.txt
	test -x .venv-linkcheck/bin/python || $(PYTHON) -m venv .venv-linkcheck
	.venv-linkcheck/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-linkcheck.txt
	touch $@

linkcheck: install $(STAMP_LINKCHECK) ## Check every external link (needs the internet); report in linkcheck/index.html
	.ci/linkcheck .venv-linkcheck/bin/linkchecker

pipeline: install ## Run .gitlab-ci.yml locally (gitlab-ci-local): a default-branch and a merge-request pipeline
	$(BIN)/python -m pytest tests/test_pipeline.py -v -s

# The downloads made from a built site, staged in dist/ (every build makes the rest:
# hooks/exports.py). `make dist` builds the site last, and it publishes them.
offline: install ## Build the offline copy of the site (opens from file://) and zip it into dist/
	$(BIN)/python scripts/make_offline.py

pdf: offline ## Print the whole curriculum to dist/nodejs-interview.pdf (headless Chromium)
	$(BIN)/python scripts/make_pdf.py --site dist/offline

dist: pdf ## Build the site into site/ with every download, the PDF and offline copy included
	@$(MAKE) --no-print-directory build

clean: ## Remove build output (keeps installed dependencies)
	rm -rf site public linkcheck dist .pytest_cache
