# Rhetoric Lab. Two commands do all set-up on a fresh machine:
#   make lab    create .venv, install, open JupyterLab on notebooks/00_start_here.ipynb
#   make test   create or update .venv, run every test
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
PORT   ?= 8888
# Jupyter refuses to run as root (containers, some lab machines) unless told it may.
ROOT_FLAG := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)

.PHONY: lab test present bench screenshots lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt -c requirements.lock
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt -c requirements.lock
	touch $@

lab: $(VENV)/.runtime
	$(BIN)/jupyter lab --port=$(PORT) $(ROOT_FLAG) notebooks/00_start_here.ipynb

# axe-core, the accessibility checker the browser tests load into the page: installed from the
# npm registry at the version in tests/browser/package-lock.json (never fetched while a test runs).
AXE_STAMP = tests/browser/node_modules/.package-lock.json
$(AXE_STAMP): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tests/browser --no-audit --no-fund && touch $@; \
	else \
	  echo "npm not found: the accessibility checks (axe-core) will be skipped; install Node.js and npm"; \
	fi

test: $(VENV)/.dev $(AXE_STAMP)
	$(BIN)/python -m pytest

# The explorer as a code-free dashboard for a projector (opens the browser; Ctrl-C stops it).
present: $(VENV)/.runtime
	$(BIN)/voila --Voila.ip=127.0.0.1 --port=$(PORT) --theme=light notebooks/04_explorer.ipynb

bench: $(VENV)/.dev
	$(BIN)/python -m pip install --quiet -r benchmarks/requirements.txt
	$(BIN)/python benchmarks/run_all.py

screenshots: $(VENV)/.dev
	$(BIN)/python -m tests.browser.screenshots

# Refresh the exact pins in requirements.lock from what is installed now.
lock: $(VENV)/.dev
	{ echo "# Exact versions the tests last passed with (make lock). Use as constraints:"; \
	  echo "#   pip install -r requirements.txt -c requirements.lock"; \
	  $(BIN)/python -m pip freeze --exclude-editable; } > requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache
