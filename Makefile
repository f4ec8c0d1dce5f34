# Two entry points for a fresh machine with Python 3.11 and pip:
#   make brief   set up, then turn the seed articles into brief.md, brief.json and brief.html
#   make test    set up, then run lint, type checks and the whole test suite (offline)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# llama-cpp-python's server, built from source in its own venv (about 6 minutes): the engine
# before xllamacpp, for the engine bench and the hosted route's tools-mode recording.
LCP_VENV := bench/.venv-lcp
LCP_STAMP := $(LCP_VENV)/.installed

.PHONY: setup brief test lint cassettes clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# Wheels only: the embedded engine is xllamacpp's prebuilt CPU wheel, nothing compiles.
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

# Re-record every cassette from the real embedded server (slow: minutes per article); the
# hosted route's tools-mode answers from llama-cpp-python's server (built on first use).
# The brief's narrative is asked from the merged seed extractions, so it is recorded last.
cassettes: setup $(LCP_STAMP)
	rm -rf cassettes/test_extract_seeds cassettes/test_brief cassettes/test_bad_input
	$(BIN)/python -m pytest tests/test_extract_seeds.py --record-mode=rewrite
	$(BIN)/python -m pytest tests/test_bad_input.py --record-mode=rewrite
	$(BIN)/python -m pytest tests/test_vllm_route.py --record-mode=rewrite
	$(BIN)/python bench/record_tools_route.py
	$(BIN)/python -m pytest tests/test_brief.py --record-mode=once -k seed_brief

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache

# The comparison (bench/README.md, "Comparison"): summarize, LangExtract 1.7.1 and a naive
# one-call baseline on the five seeds, one embedded llama.cpp server behind a counting proxy.
# Slow: the model runs every system cold (tens of minutes on two cores). LangExtract lives in
# its own venv, bench/.venv, because it pulls google-genai and pandas and downgrades tenacity.
BENCH_VENV := bench/.venv
BENCH_STAMP := $(BENCH_VENV)/.installed

$(BENCH_STAMP): pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet 'langextract[openai]==1.7.1' -e .
	touch $(BENCH_STAMP)

.PHONY: bench
bench: setup $(BENCH_STAMP)
	$(BIN)/python bench/compare.py --out bench/results

# Engines and protocols side by side (bench/README.md, "Engines"): the embedded xllamacpp
# engine at 1, 2 and 4 slots and with n-gram lookup, llama-cpp-python 0.3.36 (the engine
# before, built from source in its own venv: about 5 minutes), today's protocol and the one
# before sentence numbers. One server at a time; about an hour on two cores.
$(LCP_STAMP):
	$(PYTHON) -m venv $(LCP_VENV)
	$(LCP_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LCP_VENV)/bin/python -m pip install --quiet 'llama-cpp-python[server]==0.3.36'
	touch $(LCP_STAMP)

.PHONY: bench-engines
bench-engines: setup $(LCP_STAMP)
	$(BIN)/python bench/engines.py --out bench/results/engines
