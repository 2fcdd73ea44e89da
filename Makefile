# crisisdesk: `make demo` sets up and runs the bundled example; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

SYSDEPS := $(VENV)/.system-deps

.PHONY: install demo test clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/crisisdesk run examples/marvania --db out/crisisdesk.db --out out || [ $$? -eq 3 ]

$(SYSDEPS): scripts/system-deps.sh
	bash scripts/system-deps.sh
	mkdir -p $(VENV) && touch $(SYSDEPS)

test: $(STAMP) $(SYSDEPS)
	$(BIN)/python -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 1; fi; exit $$rc

clean:
	rm -rf out .pytest_cache
