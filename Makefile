# The two front-door commands: `make demo` (main job on corpus/) and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench clean ocr browser

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP) ocr browser

# OCR of image-only pages needs Tesseract; best effort (needs root and Debian's packages).
ocr:
	@command -v tesseract >/dev/null 2>&1 || { (apt-get update -qq && apt-get install -y -qq tesseract-ocr) >/dev/null 2>&1 \
		|| echo "note: tesseract-ocr not installed; image-only pages will be reported, not OCR'd"; }

# The web app's browser tests drive Debian's Chromium through Playwright (whose own browser download cannot work
# offline); best effort, the tests skip with a message without it.
browser:
	@command -v chromium >/dev/null 2>&1 || { (apt-get update -qq && apt-get install -y -qq chromium && apt-get clean) >/dev/null 2>&1 \
		|| echo "note: chromium not installed; the web app's browser tests will be skipped"; }

demo: setup
	$(BIN)/scrutineer demo --kb kb-demo

test: setup
	$(BIN)/ruff check .
	$(BIN)/pytest -q -n 2

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python bench/parse_throughput.py
	$(BIN)/python bench/tables_gate.py
	rm -rf kb-bench && SCRUTINEER_EMBED=false $(BIN)/scrutineer ingest ../shared/corpus/seeds ../shared/corpus/kent --kb kb-bench; \
		$(BIN)/python bench/extract_speed.py kb-bench

clean:
	rm -rf kb-demo .pytest_cache
