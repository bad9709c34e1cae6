# Two commands a newcomer needs: `make play` and `make test`.
# Both create .venv if missing and install the project into it first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CLUSTER_STAMP := $(VENV)/.installed-cluster
export SDL_AUDIODRIVER ?= dummy

.PHONY: play test test-full lint bench fuzz validate docs golden lab clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Gaikō needs Python 3.11 or newer; set PYTHON=python3.11 (or newer) and run make again.")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The optional cluster backends, for the slow tier's test that every backend gives the same bytes.
$(CLUSTER_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dask,ray]'
	touch $(CLUSTER_STAMP)

play: $(STAMP)
	$(BIN)/gaiko play

# The everyday test run (at most 5 minutes on a 2-core machine, fresh install included):
# lint, types, then every test but the slow statistical tier, in TEST_JOBS processes (pytest-xdist).
TEST_JOBS ?= 2
test: $(STAMP) lint
	SDL_VIDEODRIVER=dummy $(BIN)/python -m pytest -q -m "not slow" -n $(TEST_JOBS)

# Everything `make test` runs, then the slow tier: large statistical samples and long runs.
test-full: test $(CLUSTER_STAMP)
	SDL_VIDEODRIVER=dummy $(BIN)/python -m pytest -q -m slow

lint: $(STAMP)
	$(BIN)/ruff check src tests tools bench
	$(BIN)/python -m mypy

bench: $(STAMP)
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/lab.py
	$(BIN)/python bench/printkit.py
	$(BIN)/python bench/modding.py

# The big fuzz run: 10,000 damaged scenario folders and 5,000 damaged saves (about 10 minutes on 2 cores).
fuzz: $(STAMP)
	$(BIN)/python bench/fuzz.py --scenarios 10000 --saves 5000

validate: $(STAMP)
	$(BIN)/gaiko validate scenarios/*/

# The balance lab on the default scenario: report in lab-report/indo_pacific_2025/index.html.
lab: $(STAMP)
	$(BIN)/gaiko lab

docs: $(STAMP)
	$(BIN)/gaiko docs

golden: $(STAMP)
	$(BIN)/python tools/golden.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache .ruff_cache
