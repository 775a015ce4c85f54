# planscope: `make demo` sets everything up and answers the headline questions; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= planscope.duckdb
STAMP := $(VENV)/.installed

.PHONY: demo test install corpus clean bench

$(STAMP): requirements.lock pyproject.toml
	@# OCR of scanned PDFs needs Tesseract (Debian: tesseract-ocr); installed here when we may, else say how
	@command -v tesseract >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] \
	  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr >/dev/null; } \
	  || echo "note: scanned PDFs need Tesseract OCR: apt-get install tesseract-ocr"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/planscope --db $(DB) ingest corpus/ --manifest corpus/prose/manifest.csv
	$(BIN)/planscope --db $(DB) docs
	@echo; echo "== All trafficking activities since 2004"
	$(BIN)/planscope --db $(DB) sql "SELECT doc, kind, ref, start, left(text, 60) AS text FROM records WHERE list_contains(themes, 'trafficking') AND start >= DATE '2004-01-01' AND doc LIKE '%.docx' ORDER BY start, doc, row_no"
	@echo; echo "== What the 2008-2009 plan gives the Children's Unit to do"
	$(BIN)/planscope --db $(DB) sql "SELECT ref, start, \"end\", left(text, 80) AS text FROM records WHERE doc_period_start = DATE '2008-07-01' AND doc LIKE '%.docx' AND list_contains(actors, 'Children''s Unit') ORDER BY row_no"
	@echo; echo "== Across the years: what the Children's Unit / Children at Risk Unit was given to do or did, by year"
	$(BIN)/planscope --db $(DB) sql "SELECT year(start) AS year, count(*) FILTER (kind = 'activity') AS activities, count(*) FILTER (kind = 'event') AS events, left(min(text), 60) AS example FROM records WHERE (list_contains(actors, 'Children''s Unit') OR list_contains(actors, 'Children at Risk Unit')) AND doc LIKE '%.docx' GROUP BY ALL ORDER BY year"
	@echo; echo "== Every event in Stockholm"
	$(BIN)/planscope --db $(DB) sql "SELECT start, \"end\", left(text, 90) AS text FROM records WHERE kind = 'event' AND location = 'Stockholm' AND doc LIKE '%.docx' ORDER BY start"

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile

corpus: $(STAMP)
	$(BIN)/python corpus/make_corpus.py

bench: $(STAMP)
	$(BIN)/python bench/bench_ingest.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
