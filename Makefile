# CoPDesk: every target creates .venv on first use, so a fresh clone needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run demo test lint format forms screenshots bench dist smoke tarball clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet -e '.[test,dev,dist]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(PY) main.py

demo: $(VENV)/.installed-run
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && trap 'exit 1' HUP INT TERM && $(PY) main.py demo --db $$tmp/demo.db && $(PY) main.py --db $$tmp/demo.db

test: $(VENV)/.installed-dev
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy copdesk tests bench docs packaging

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

forms: $(VENV)/.installed-dev
	for f in ui/*.ui; do n=$$(basename $$f .ui); $(BIN)/pyside6-uic $$f -o copdesk/views/forms/ui_$$n.py; done

screenshots: $(VENV)/.installed-dev
	QT_QPA_PLATFORM=offscreen $(PY) docs/make_screenshots.py

bench: $(VENV)/.installed-dev
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

# The standalone bundle: dist/CoPDesk/ with the windowed CoPDesk and the console copdesk-cli (packaging/copdesk.spec).
dist: $(VENV)/.installed-dev
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/copdesk.spec
	@du -sh dist/CoPDesk

# The same smoke test the test suite and the release workflow run, on the bundle `make dist` built.
smoke: dist
	QT_QPA_PLATFORM=offscreen $(PY) packaging/smoke_test.py dist/CoPDesk

# Linux release artefact: the bundle folder and its desktop entry, as dist/CoPDesk-<version>-linux-x86_64.tar.gz.
tarball:
	@test -x dist/CoPDesk/CoPDesk || { echo "No dist/CoPDesk: run make dist first."; exit 1; }
	cp resources/copdesk.desktop resources/icons/copdesk.svg dist/CoPDesk/
	v=$$($(PY) -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])') && \
		tar -C dist -czf dist/CoPDesk-$$v-linux-$$(uname -m).tar.gz CoPDesk && ls -l dist/CoPDesk-$$v-linux-*.tar.gz

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
