PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app

.PHONY: run test install lint bench clean

## run: install, migrate, load the samples and serve on http://127.0.0.1:5000
run: install
	$(FLASK) db upgrade
	$(FLASK) samples load
	$(FLASK) users demo-admin
	$(FLASK) run --host 127.0.0.1 --port 5000

## test: run the whole suite (DATABASE_URL picks the database; SQLite in memory by default)
test: install
	@$(BIN)/pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing on purpose" >&2; exit 1; fi; \
	exit $$status

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

clean:
	rm -rf $(VENV) instance .pytest_cache
