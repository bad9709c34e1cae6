# Two commands a newcomer needs: `make play` and `make test`.
# Both create .venv if missing and install the project into it first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export SDL_AUDIODRIVER ?= dummy

.PHONY: play test test-full lint bench validate docs golden clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Gaikō needs Python 3.11 or newer; set PYTHON=python3.11 (or newer) and run make again.")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

play: $(STAMP)
	$(BIN)/gaiko play

# The everyday test run (at most 5 minutes on a 2-core machine, fresh install included):
# lint, types, then every test but the slow statistical tier.
test: $(STAMP) lint
	SDL_VIDEODRIVER=dummy $(BIN)/python -m pytest -q -m "not slow"

# Everything `make test` runs, then the slow tier: large statistical samples and long runs.
test-full: test
	SDL_VIDEODRIVER=dummy $(BIN)/python -m pytest -q -m slow

lint: $(STAMP)
	$(BIN)/ruff check src tests tools bench
	$(BIN)/python -m mypy

bench: $(STAMP)
	$(BIN)/python bench/engine.py

validate: $(STAMP)
	$(BIN)/gaiko validate scenarios/*/

docs: $(STAMP)
	$(BIN)/gaiko docs

golden: $(STAMP)
	$(BIN)/python tools/golden.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache .ruff_cache
