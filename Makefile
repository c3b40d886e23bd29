# The two commands a new user runs: `make demo` and `make test`. Both start from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE := .kg
OUT := out

.PHONY: install demo test lint bench clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
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
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests bench

clean:
	rm -rf $(VENV) $(STORE) $(OUT)
