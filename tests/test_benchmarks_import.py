"""Every benchmark module imports: `make bench` must not break when a helper moves."""

import importlib
import pkgutil
from pathlib import Path

import pytest

import benchmarks

NAMES = sorted(m.name for m in pkgutil.iter_modules([str(Path(benchmarks.__file__).parent)]))


@pytest.mark.parametrize("name", NAMES)
def test_benchmark_module_imports(name):
    module = importlib.import_module(f"benchmarks.{name}")
    if name.startswith("bench_"):
        assert callable(module.main)
