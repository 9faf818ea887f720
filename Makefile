# Rhetoric Lab. Two commands do all set-up on a fresh machine:
#   make lab    create .venv, install, open JupyterLab on notebooks/00_start_here.ipynb
#   make present LESSON=2   notebook 02 as a code-free projector view (Voila)
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

# The kit's JupyterLab settings: no news pop-up or update check (jupyter/overrides.json), lock and
# work files hidden from the file browser (jupyter/jupyter_server_config.json), and the printed URL
# opening notebook 00 rather than the Launcher.
LAB_OVERRIDES = $(VENV)/share/jupyter/lab/settings/overrides.json
LAB_FLAGS = --port=$(PORT) $(ROOT_FLAG) --config=jupyter/jupyter_server_config.json \
            --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb

$(LAB_OVERRIDES): jupyter/overrides.json | $(VENV)/.runtime
	mkdir -p $(dir $@)
	cp jupyter/overrides.json $@

lab: $(VENV)/.runtime $(LAB_OVERRIDES)
	$(BIN)/jupyter lab $(LAB_FLAGS)

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
	$(BIN)/ruff check rhetoric tests benchmarks
	$(BIN)/python -m pytest

# A notebook as a code-free dashboard for a projector (opens the browser; Ctrl-C stops it).
# LESSON is the notebook's number: make present LESSON=2 shows notebooks/02_quotes.ipynb;
# without it, the explorer (04). The kit's projector stylesheet makes it legible at 150 % zoom.
LESSON ?= 4
PRESENT_NB = $(firstword $(wildcard notebooks/0$(LESSON)_*.ipynb) $(wildcard notebooks/$(LESSON)_*.ipynb))
present: $(VENV)/.runtime
	@test -n "$(PRESENT_NB)" || { echo "make present: no notebook numbered $(LESSON) in notebooks/ (try LESSON=0 to 6)"; exit 2; }
	$(BIN)/voila --Voila.ip=127.0.0.1 --port=$(PORT) --theme=light $(PRESENT_NB)

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
