PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app

# Checked by `make lint`, and by CI before the tests.
LINTED := verify tests bench app.py migrations

.PHONY: run test screenshots install install-dev lint bench clean

## run: install what runs, migrate, load the samples and serve on http://127.0.0.1:5000
run: install instance/secret_key
	$(FLASK) db upgrade
	$(FLASK) samples load
	$(FLASK) users demo-admin
	$(FLASK) run --host 127.0.0.1 --port 5000

# Signs sessions and CSRF tokens when SECRET_KEY is unset; made once, readable by its owner only.
instance/secret_key:
	mkdir -p instance
	umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_hex(32))" > $@.tmp
	mv $@.tmp $@

CHROMIUM ?= /usr/bin/chromium

## test: run the whole suite (DATABASE_URL picks the database; SQLite in memory by default)
test: install-dev
	@test -x $(CHROMIUM) || echo "NOTE: $(CHROMIUM) not found: the browser tests in tests/test_browser.py are SKIPPED (apt-get install chromium)" >&2
	@$(BIN)/pytest -rs $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing on purpose" >&2; exit 1; fi; \
	exit $$status

## screenshots: run the browser tests and keep their screenshots in docs/ (needs chromium)
screenshots: install-dev
	REQUIRE_BROWSER_TESTS=1 SCREENSHOT_DIR=docs $(BIN)/pytest -q tests/test_browser.py

# One stamp per requirements file, so that `make run` after `make test` (or the reverse)
# installs what the other left out.
install: $(VENV)/.installed-run
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed-run: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## lint: ruff's checks and formatting, with the ruff pinned in requirements-dev.txt
lint: install-dev
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

bench: install-dev
	$(BIN)/python bench/extraction_speed.py
	$(BIN)/python bench/extraction_quality.py
	$(BIN)/python bench/realworld_quality.py
	$(BIN)/python bench/html_ingest_speed.py

## clean: remove the virtualenv and caches; instance/ (the database and secret key) stays
clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis .schemathesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
