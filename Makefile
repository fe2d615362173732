PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app

.PHONY: run test screenshots install lint bench clean

## run: install, migrate, load the samples and serve on http://127.0.0.1:5000
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
test: install
	@test -x $(CHROMIUM) || echo "NOTE: $(CHROMIUM) not found: the browser tests in tests/test_browser.py are SKIPPED (apt-get install chromium)" >&2
	@$(BIN)/pytest -rs $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing on purpose" >&2; exit 1; fi; \
	exit $$status

## screenshots: run the browser tests and keep their screenshots in docs/ (needs chromium)
screenshots: install
	REQUIRE_BROWSER_TESTS=1 SCREENSHOT_DIR=docs $(BIN)/pytest -q tests/test_browser.py

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

lint: install
	$(BIN)/pip install --quiet ruff
	$(BIN)/ruff check verify tests bench app.py

bench: install
	$(BIN)/python bench/extraction_speed.py
	$(BIN)/python bench/extraction_quality.py
	$(BIN)/python bench/realworld_quality.py
	$(BIN)/python bench/html_ingest_speed.py

clean:
	rm -rf $(VENV) instance .pytest_cache
