# Grappe — the two commands in the README are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: setup demo test lint types browser-deps bench clean

# A virtual environment with Grappe and its dev tools; redone when pyproject.toml changes.
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# Neo4j's own Cypher linter (npm), used by the tests on every .cypher file.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The explorer's graph library (cytoscape.js, pinned in package.json), served from web/static (no CDN).
VENDOR := web/static/vendor
$(VENDOR)/cytoscape.min.js: node_modules/.installed
	mkdir -p $(VENDOR)
	cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/cytoscape/LICENSE $(VENDOR)/
	mv $(VENDOR)/LICENSE $(VENDOR)/cytoscape.LICENSE

setup: $(BIN)/.installed node_modules/.installed $(VENDOR)/cytoscape.min.js

# Debian's Chromium for the browser tests (root installs it; others are told how).
browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else \
	    echo "browser tests need Debian's chromium and chromium-driver: sudo apt-get install chromium chromium-driver"; \
	  fi; \
	fi

# The main job: set up, ingest the bundled sample corpus, serve the UI on http://$(HOST):$(PORT).
demo: $(BIN)/.installed $(VENDOR)/cytoscape.min.js
	$(BIN)/grappe ingest samples/corpus/
	$(BIN)/grappe serve --host $(HOST) --port $(PORT)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# The type checker on the core, the store, resolution and search (files listed in pyproject.toml).
types: $(BIN)/.installed
	$(BIN)/mypy

# Everything set up, then the whole suite (lint, import layers, types, unit, contract, web, browser).
test: setup browser-deps lint types
	$(BIN)/pytest

bench: $(BIN)/.installed
	$(BIN)/python -m bench.store
	$(BIN)/python -m bench.ingest
	$(BIN)/python -m bench.resolution
	$(BIN)/python -m bench.matchmaking
	$(BIN)/python -m bench.web

clean:
	rm -rf $(VENV) node_modules data .pytest_cache .ruff_cache test-artifacts
