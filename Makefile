# Two entry points for a fresh machine with Python 3.11 and pip:
#   make brief   set up, then turn the seed articles into brief.md, brief.json and brief.html
#   make test    set up, then run lint, type checks and the whole test suite (offline)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup brief test lint cassettes clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# llama-cpp-python builds llama.cpp from source here (about 5 minutes on two cores).
	$(BIN)/python -m pip install --quiet -e '.[embedded,dev]'
	touch $(STAMP)

setup: $(STAMP)

brief: setup
	$(BIN)/summarize brief seeds/*.txt -o brief.md

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/summarize schema --check

test: lint
	$(BIN)/python -m pytest

# Re-record every cassette from the real embedded server (slow: minutes per article).
cassettes: setup
	$(BIN)/python -m pytest --record-mode=rewrite -m "not live"

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
