# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install browser lint typecheck golden sample eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/parallax demo --out out/demo

# The browser tests drive Debian's Chromium; install it (as root) when it is missing.
browser:
	@command -v chromedriver >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) \
	  >/dev/null 2>&1 || echo "note: Chromium not installed; browser tests will be skipped"; }

test: $(STAMP) browser
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

# Rebuild the fictional corpus and its cleaning gold, then the whole-article goldens.
sample: $(STAMP)
	$(BIN)/python scripts/build_sample.py

golden: $(STAMP)
	$(BIN)/python -m tests.golden.test_golden

eval: $(STAMP)
	$(BIN)/parallax eval cleaning
	$(BIN)/parallax eval extraction
	$(BIN)/parallax eval quotes
	$(BIN)/parallax eval entities
	$(BIN)/parallax eval time
	$(BIN)/parallax eval clustering
	$(BIN)/parallax eval framing

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest_memory.py
	$(BIN)/python benchmarks/nlp_throughput.py
	$(BIN)/python benchmarks/time_throughput.py
	$(BIN)/python benchmarks/story_assignment.py
	$(BIN)/python benchmarks/framing_throughput.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
