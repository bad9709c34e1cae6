# Two commands a newcomer needs: `make play` and `make test`.
# Both create .venv if missing and install the project into it first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: play test bench validate docs clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Gaikō needs Python 3.11 or newer; set PYTHON=python3.11 (or newer) and run make again.")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

play: $(STAMP)
	$(BIN)/gaiko play

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/engine.py

validate: $(STAMP)
	$(BIN)/gaiko validate scenarios/*/

docs: $(STAMP)
	$(BIN)/gaiko docs

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
