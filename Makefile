# Every target sets up what it needs: a fresh clone needs nothing but python3 and make.
PYTHON ?= python3
VENV := .venv
CORE_VENV := .venv-core
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORE_STAMP := $(CORE_VENV)/.installed
# The Qt-free run installs exactly the runtime deps of the core layers, and no PySide6.
CORE_DEPS := "pandas>=2.2" "python-calamine>=0.3" "openpyxl>=3.1.2" "defusedxml>=0.7.1" "olefile>=0.46" \
             "numpy>=1.26" "ortools>=9.10" "pytest>=8.0" "pytest-timeout>=2.3" "hypothesis>=6.100"
export QT_QPA_PLATFORM ?= offscreen

.PHONY: install run test test-fast test-core test-all lint bench screenshots translations icons \
        package package-test package-measure manual clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@

$(CORE_STAMP): pyproject.toml
	$(PYTHON) -m venv $(CORE_VENV)
	$(CORE_VENV)/bin/python -m pip install -q --upgrade pip
	$(CORE_VENV)/bin/python -m pip install -q $(CORE_DEPS)
	$(CORE_VENV)/bin/python -m pip install -q --no-deps -e .
	touch $@

run: $(STAMP)
	$(BIN)/stuurploeg

# The whole suite headless, then the core suite in an environment without Qt installed,
# then the layer contracts.
test: test-all test-core
	$(BIN)/lint-imports

test-all: $(STAMP)
	$(BIN)/python -m pytest -q

# The edit-test loop: everything but the tests marked slow (each over about a second),
# spread over two processes (pytest-xdist); under a minute on an idle 2-core machine.
# `make test` stays the whole suite, in one process, and is what CI runs.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow" -n 2

test-core: $(CORE_STAMP)
	$(CORE_VENV)/bin/python -c "import importlib.util as u, sys; sys.exit(u.find_spec('PySide6') is not None)"
	$(CORE_VENV)/bin/python -m pytest -q -p no:pytestqt -W ignore::pytest.PytestConfigWarning -m "not gui" tests/domain tests/io tests/store tests/app tests/test_core_without_qt.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m benchmarks

screenshots: $(STAMP)
	$(BIN)/python -m stuurploeg.gui.screenshots docs/screenshots

# The user manual (docs/handleiding.md) as one HTML file with the screenshots in it.
manual: $(STAMP)
	$(BIN)/python docs/make_manual.py dist/handleiding.html

# Update the Dutch .ts from the tr() strings in the code (translate new entries in it,
# e.g. with pyside6-linguist), then compile the .qm the app loads.
TS := resources/translations/stuurploeg_nl.ts
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -extensions py -recursive stuurploeg/gui -ts $(TS) \
		-target-language nl_NL -locations none -no-obsolete
	$(BIN)/pyside6-lrelease $(TS) -qm resources/translations/stuurploeg_nl.qm

icons: $(STAMP)
	$(BIN)/python resources/icons/make_icon.py

# The desktop bundle (packaging/README.md): built by a pinned PyInstaller in its own venv
# that holds only the pinned runtime dependencies, so no test, lint or benchmark package
# can end up in it. `package-test` runs the built bundle the way users do.
PKG_VENV := .venv-package
PKG_BIN := $(PKG_VENV)/bin
PKG_STAMP := $(PKG_VENV)/.installed
PKG_REQS := packaging/requirements.txt packaging/build-requirements.txt
BUNDLE := dist/stuurploeg

$(PKG_STAMP): pyproject.toml $(PKG_REQS)
	rm -rf $(PKG_VENV)
	$(PYTHON) -m venv $(PKG_VENV)
	$(PKG_BIN)/python -m pip install -q -r packaging/requirements.txt -r packaging/build-requirements.txt
	$(PKG_BIN)/python -m pip install -q --no-deps .
	$(PKG_BIN)/python packaging/report.py check-env
	touch $@

package: $(PKG_STAMP)
	rm -rf $(BUNDLE)
	$(PKG_BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/package \
		packaging/stuurploeg.spec
	$(PKG_BIN)/python packaging/report.py size $(BUNDLE)

package-test: $(PKG_STAMP)
	$(PKG_BIN)/python packaging/smoke_test.py $(BUNDLE)

# What each exclusion in packaging/trim.py saves: one build per group (several minutes).
package-measure: $(PKG_STAMP)
	$(PKG_BIN)/python packaging/measure.py

clean:
	rm -rf $(VENV) $(CORE_VENV) $(PKG_VENV) .pytest_cache .ruff_cache .hypothesis build dist
