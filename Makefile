# Stadt-CMS: `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
DEV := DJANGO_SETTINGS_MODULE=cms.settings.dev

.DEFAULT_GOAL := help
.PHONY: help venv install install-test migrate demo-data demo serve test lint format check clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

venv: $(PY) ## Create the virtual environment

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Install the project into .venv

install-test: $(VENV)/.installed-test ## Install the project and its test tools into .venv

migrate: install ## Apply migrations (non-interactive, also syncs translated page columns)
	$(DEV) $(PY) manage.py migrate --noinput

demo-data: migrate ## Load the Haldensleben demo content and the demo admin login
	$(DEV) $(PY) manage.py load_demo --with-admin --site-url http://$(HOST):$(PORT)

demo: demo-data ## Install, migrate, load the demo and serve it at http://127.0.0.1:8000
	@echo "Serving the demo at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(DEV) $(PY) manage.py runserver $(HOST):$(PORT)

test: install-test ## Run the whole test suite (SQLite, or DATABASE_URL/REDIS_URL when set)
	$(PY) -m pytest

lint: install-test ## Ruff checks and formatting check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test ## Apply ruff formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install ## Django system checks and missing migrations
	$(DEV) $(PY) manage.py check
	$(DEV) $(PY) manage.py makemigrations --check --dry-run

clean: ## Remove the virtual environment and local data
	rm -rf $(VENV) var
