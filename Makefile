# The two commands a new user runs: `make demo` and `make test`. Both start from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE := .kg
OUT := out

.PHONY: install demo test lint bench clean

# The modules setup.py compiles (src/kg/native.py): an edit to one rebuilds, so tests run what users get.
NATIVE_SOURCES := $(wildcard src/kg/events/*.py src/kg/recognise/*.py src/kg/resolve/*.py) \
	src/kg/clean.py src/kg/knowledge/matcher.py

$(BIN)/kg: pyproject.toml setup.py $(NATIVE_SOURCES)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(BIN)/kg

install: $(BIN)/kg

demo: install
	rm -rf $(STORE)
	$(BIN)/kg build data/samples --store $(STORE)
	$(BIN)/kg validate --store $(STORE)
	$(BIN)/kg query visits --store $(STORE)
	mkdir -p $(OUT)
	$(BIN)/kg export --store $(STORE) --format turtle -o $(OUT)/graph.ttl
	$(BIN)/kg export --store $(STORE) --format jsonld -o $(OUT)/graph.jsonld
	@echo "Wrote $(OUT)/graph.ttl and $(OUT)/graph.jsonld"

test: install
	$(BIN)/ruff check src tests bench setup.py
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests bench setup.py

clean:
	rm -rf $(VENV) $(STORE) $(OUT)
	rm -rf build .mypy_cache src/*__mypyc*.so src/kg/_native_build.json
	find src -name '*.so' -delete
