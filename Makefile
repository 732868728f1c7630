# Build and test harness for kit.  `make test` and `make lint` are what CI runs (.ci/run).
#
#   make .venv/.installed  the virtualenv with kit (editable) + the notebooks, test and dev extras
#   make lab               JupyterLab on notebooks/  (HOST, PORT, TOKEN, NO_BROWSER=1)
#   make test              unit tests + doctests, notebooks (nbval), public contract tests
#   make lint              ruff check, ruff format --check, mypy kit
#   make environment.yml   environment.yml written again from pyproject.toml (scripts/environment.py)
#   make check             python -m kit check data/deir-ez-zor
#   make explainer         site/deir-ez-zor/: the Deir ez-Zor explainer page and notebook 01, offline
#   make fuzz              long fuzz and round-trip run (KIT_FUZZ_EXAMPLES, KIT_ROUNDTRIP_EXAMPLES; default 3000)
#   make clean             remove .venv and caches

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

HOST       ?= 127.0.0.1
PORT       ?= 8888
TOKEN      ?=
NO_BROWSER ?=

CONTRACT  ?= ../shared/contract
NOTEBOOKS := $(wildcard notebooks/*.ipynb)

# jupyter_core stops warning about its path migration.
export JUPYTER_PLATFORM_DIRS := 1

# Tests never open windows: pytest runs with matplotlib's Agg backend.  The notebook kernels get
# the inline backend instead (also headless, and what JupyterLab uses), because under Agg a
# kernel displays no figures and its outputs would differ from those saved in JupyterLab.
MPL_TESTS     := Agg
MPL_NOTEBOOKS := module://matplotlib_inline.backend_inline

PYTEST := $(PY) -m pytest -p no:cacheprovider
# nbval is only for the notebooks step: loading the plugin (nbformat, jsonschema's grammars) costs ~1.8 CPU-seconds in
# every pytest process, three in the unit tests (the controller and its two workers) and one for the contract tests.
NO_NBVAL := -p no:nbval

# The extras `make` installs; environment.yml mirrors core + these (scripts/environment.py reads this line).
EXTRAS := notebooks,test,dev
LINT_PATHS := kit tests benchmarks notebooks scripts

# $(call pytest_step,MPLBACKEND,ARGS,WHAT): run pytest, remember WHAT in $$failed if it failed.
# Exit 5 (no tests collected) is not a failure.
define pytest_step
rc=0; MPLBACKEND=$(1) $(PYTEST) $(2) || rc=$$?; \
if [ $$rc -eq 5 ]; then echo "make: note: pytest collected no tests in $(3) (exit 5); not a failure"; \
elif [ $$rc -ne 0 ]; then failed="$$failed $(3)"; fi
endef

.PHONY: lab test lint environment.yml check clean explainer fuzz tool-deps

# The virtualenv.  Rebuilt only when pyproject.toml changes.  uv (from PyPI) installs in
# seconds; if it cannot be installed, plain pip does the same job in about a minute.
# PYTHONDONTWRITEBYTECODE=1 is set on these machines, so byte-code is compiled at install.
$(STAMP): pyproject.toml
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip --version >/dev/null 2>&1 || $(PY) -m ensurepip --default-pip
	if $(PY) -m pip install --quiet uv; then \
	  $(VENV)/bin/uv pip install --python $(PY) --compile-bytecode -e '.[$(EXTRAS)]'; \
	else \
	  echo "make: note: could not install uv; falling back to pip"; \
	  $(PY) -m pip install --compile -e '.[$(EXTRAS)]'; \
	fi
	touch $@

# `make .venv` works too.
$(VENV): $(STAMP) ;

# .venv/bin first on the PATH of the server, so the lab's terminals and its kernels' `!` commands find `kit`;
# jupyter_server_config.py hides the notebooks' .py twins from the file browser and keeps terminals non-login.
lab: $(STAMP)
	mkdir -p notebooks
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" exec $(VENV)/bin/jupyter lab \
	  --config="$(CURDIR)/jupyter_server_config.py" \
	  --ServerApp.root_dir=notebooks \
	  --ServerApp.ip=$(HOST) --ServerApp.port=$(PORT) \
	  $(if $(TOKEN),--IdentityProvider.token=$(TOKEN)) \
	  $(if $(filter 1,$(NO_BROWSER)),--no-browser) \
	  $$([ "$$(id -u)" = 0 ] && echo --allow-root)

# All three steps run even when an earlier one fails, so one CI log shows every failure.
test: $(STAMP) browser-deps tool-deps
	@failed=""; \
	echo "== unit tests and doctests: tests/ kit/ scripts/"; \
	$(call pytest_step,$(MPL_TESTS),$(NO_NBVAL) -n auto --dist loadfile --no-loadscope-reorder tests kit scripts,tests/+kit/+scripts/); \
	$(if $(NOTEBOOKS),\
	  echo "== notebooks (nbval --nbval-lax): $(NOTEBOOKS)"; \
	  $(call pytest_step,$(MPL_NOTEBOOKS),--nbval-lax --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg $(NOTEBOOKS),notebooks/);,\
	  echo "== notebooks: none in notebooks/, nothing to run";) \
	if [ -d $(CONTRACT) ]; then \
	  echo "== public contract tests: $(CONTRACT)"; \
	  $(call pytest_step,$(MPL_TESTS),$(NO_NBVAL) $(CONTRACT) -q,$(CONTRACT)); \
	else \
	  echo "== public contract tests: NOT RUN: $(CONTRACT) does not exist (CI lays shared/ beside the clone)"; \
	fi; \
	if [ -n "$$failed" ]; then echo "make: test FAILED in:$$failed"; exit 1; fi; \
	echo "make: test passed"

# Browser tests: Playwright for Python in .venv, and Debian's chromium, installed with apt-get when missing and
# we are root (as in CI). Without chromium the browser tests fail, unless KIT_SKIP_BROWSER=1 is set on purpose.
# The tools the export tests read the files with, where they can be had: graphology-gexf (what Gephi Lite imports
# GEXF with; npm, pinned in tests/graphology/package-lock.json, into tests/graphology/node_modules) and Graphviz's dot
# (draws the PROV picture), and prov 2.0.0 in .prov2 (conda-forge's prov). Without them those tests are skipped, and say why.
.PHONY: tool-deps
tool-deps: $(STAMP)
	@if [ -d tests/graphology/node_modules/graphology-gexf ] && [ -f tests/graphology/node_modules/axe-core/axe.min.js ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
	  echo "== installing graphology, graphology-gexf (GEXF tests) and axe-core (accessibility tests): npm ci, tests/graphology"; \
	  npm ci --prefix tests/graphology --no-audit --no-fund --silent \
	    || echo "make: note: npm ci failed; the graphology test will be skipped"; \
	else echo "make: note: npm is missing; the graphology test will be skipped"; fi
	@if command -v dot >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "== installing Graphviz for the PROV drawing test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; \
	else echo "make: note: Graphviz's dot is missing; the PROV drawing test will be skipped"; fi
	@# prov 2.0.0 (conda-forge's newest) beside the venv's prov 3: the test that both write the same PROV-JSON
	@[ -f .prov2/prov/__init__.py ] || { if [ -x $(VENV)/bin/uv ]; then $(VENV)/bin/uv pip install --quiet \
	  --target .prov2 --no-deps 'prov==2.0.0' rdflib pyparsing; else $(PY) -m pip install --quiet --target .prov2 \
	  --no-deps 'prov==2.0.0' rdflib pyparsing; fi || echo "make: note: could not install prov 2.0.0; its test will be skipped"; }

.PHONY: browser-deps
browser-deps: $(STAMP)
	@$(PY) -c 'import playwright' 2>/dev/null || $(VENV)/bin/uv pip install --python $(PY) --compile-bytecode 'playwright>=1.40' \
	  || $(PY) -m pip install --compile 'playwright>=1.40'
	@if [ "$${KIT_SKIP_BROWSER:-}" = 1 ] || [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "== installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "make: note: /usr/bin/chromium is missing and cannot be installed here; the browser tests will fail (KIT_SKIP_BROWSER=1 skips them)"; fi

# The published explainer: one self-contained page, and notebook 01 run and rendered offline beside it.
explainer: $(STAMP)
	rm -rf site/deir-ez-zor
	MPLBACKEND=$(MPL_TESTS) $(PY) -m kit publish data/deir-ez-zor site/deir-ez-zor --notebook notebooks/01_deir_ez_zor.ipynb

# Long fuzz and round-trip run (about 7 minutes at 3000 examples); failing examples are kept in .hypothesis/ and
# replayed first next time.
fuzz: $(STAMP)
	KIT_FUZZ_EXAMPLES=$${KIT_FUZZ_EXAMPLES:-3000} KIT_ROUNDTRIP_EXAMPLES=$${KIT_ROUNDTRIP_EXAMPLES:-3000} \
	  MPLBACKEND=$(MPL_TESTS) $(PY) -m pytest -q tests/reading/test_fuzz.py tests/store/test_roundtrip.py

# All three steps run even when an earlier one fails; one line per finding (`ruff check PATH` explains a finding,
# `ruff format --diff PATH` shows what the formatter would change, `ruff format PATH` makes the change).
lint: $(STAMP)
	@failed=""; \
	echo "== ruff check $(LINT_PATHS)"; \
	$(VENV)/bin/ruff check --output-format concise $(LINT_PATHS) || failed="$$failed ruff-check"; \
	echo "== ruff format --check $(LINT_PATHS)"; \
	$(VENV)/bin/ruff format --check --output-format concise $(LINT_PATHS) || failed="$$failed ruff-format"; \
	echo "== mypy kit"; \
	$(VENV)/bin/mypy kit || failed="$$failed mypy"; \
	if [ -n "$$failed" ]; then echo "make: lint FAILED in:$$failed"; exit 1; fi; \
	echo "make: lint passed"

# environment.yml is generated from pyproject.toml and EXTRAS above; tests/project/test_environment.py fails when it is out of date.
environment.yml: $(STAMP)
	$(PY) scripts/environment.py --write

check: $(STAMP)
	$(PY) -m kit check data/deir-ez-zor

clean:
	rm -rf $(VENV) .prov2 .pytest_cache .hypothesis build dist *.egg-info
	find . -path ./.git -prune -o \( -name __pycache__ -o -name .ipynb_checkpoints \) -type d -prune -exec rm -rf {} +
