# Two commands set everything up on a fresh machine:
#   make demo   create .venv, install armswatch, ingest the bundled sample articles into ./armswatch.db, print the claims
#               and how to open them in the browser
#   make test   create .venv, install armswatch with test extras, run the whole test suite
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= armswatch.db

.PHONY: venv demo test bench clean

$(BIN)/armswatch: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[all,test]'
	touch $@

venv: $(BIN)/armswatch

demo: venv
	$(BIN)/armswatch ingest "$$($(BIN)/python -c 'import armswatch.samples as s; print(s.path())')" --db $(DB)
	$(BIN)/armswatch claims --db $(DB)
	@echo
	@echo "Open the page: $(BIN)/armswatch serve --db $(DB)   then go to http://127.0.0.1:8000/"

test: venv
	$(BIN)/pytest -q

bench: venv
	$(BIN)/python bench/read_html.py
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
