# Two commands set everything up on a fresh machine:
#   make demo   create .venv, install armswatch, ingest the bundled sample articles into ./armswatch.db, print the claims
#               and how to open them in the browser
#   make test   create .venv, install armswatch with test extras, run the whole test suite
#   make lint   ruff over src, tests, bench and scripts (rules, complexity limit and line length in pyproject.toml)
# Installs are pinned by requirements.lock (pip constraints, so any pip reads it); `make lock` regenerates it.
# `make min-deps` installs the lowest versions pyproject.toml allows into .venv-min and runs the fast tests.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= armswatch.db

LOCK := requirements.lock
UV_VERSION := uv>=0.5
TOOLS := .venv-tools
UV := $(TOOLS)/bin/uv
EXTRAS := all,build,test
MIN_VENV ?= .venv-min
# The fast tests run on the minimum versions: reading, cleaning, grouping, extracting, storing, exporting, the CLI.
MIN_TESTS ?= tests/test_clean.py tests/test_ingest.py tests/test_dedup.py tests/test_extract.py tests/test_store.py \
	tests/test_export.py tests/test_cli_store.py tests/test_cli_extract.py tests/test_articles_cli.py tests/test_web.py

.PHONY: venv demo test lint bench clean lock min-deps fuzz

$(BIN)/armswatch: pyproject.toml $(LOCK)
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c $(LOCK) -e '.[$(EXTRAS)]'
	touch $@

venv: $(BIN)/armswatch

demo: venv
	$(BIN)/armswatch ingest "$$($(BIN)/python -c 'import armswatch.samples as s; print(s.path())')" --db $(DB)
	$(BIN)/armswatch claims --db $(DB) --min-confidence 0.55
	@echo
	@echo "Open the page: $(BIN)/armswatch serve --db $(DB)   then go to http://127.0.0.1:8000/"

test: venv
	$(BIN)/pytest -q

# ruff comes with the test extra, pinned by the lock; CI (.ci/run) runs this before the tests.
lint: venv
	$(BIN)/ruff check src tests bench scripts

# Deep random fuzz: new random examples every run, FUZZ_SCALE times the CI count (docs/reliability.md).
fuzz: venv
	HYPOTHESIS_PROFILE=fuzz FUZZ_SCALE=$${FUZZ_SCALE:-10} $(BIN)/pytest -q tests/test_fuzz.py

# uv in a venv of its own: locking must not need an install from the (possibly outdated) lock.
$(UV):
	$(PY) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install -q '$(UV_VERSION)'

# Regenerate the lock file after changing a dependency in pyproject.toml (the one documented command).
lock: $(UV)
	$(UV) pip compile -q pyproject.toml --extra all --extra build --extra test --python-version 3.11 \
		--python-platform x86_64-manylinux_2_28 -o $(LOCK)

# The lower bounds in pyproject.toml are real: install exactly them (direct dependencies) and run the fast tests.
min-deps: $(UV)
	rm -rf $(MIN_VENV)
	$(UV) venv -q --python "$$(command -v $(PY))" $(MIN_VENV)
	$(UV) pip install -q --python $(MIN_VENV)/bin/python --resolution lowest-direct -e '.[all,test]'
	$(MIN_VENV)/bin/pytest -q -p no:cacheprovider -m 'not slow and not browser' $(MIN_TESTS)
	$(MIN_VENV)/bin/pytest -q -p no:cacheprovider tests/test_confidence.py -k train  # scikit-learn, matplotlib

bench: venv
	$(BIN)/python bench/read_html.py
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) $(MIN_VENV) $(TOOLS) $(DB) .pytest_cache
