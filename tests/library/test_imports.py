"""The package's import graph has no cycle that breaks a module imported first: every
module imports on its own, in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import claimscope


def modules() -> list[str]:
    found = [m.name for m in pkgutil.walk_packages(claimscope.__path__, "claimscope.")]
    return sorted(m for m in found if not m.endswith("__main__"))


def test_every_module_imports_alone_in_a_fresh_process():
    def alone(name: str) -> tuple[str, str]:
        done = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True, text=True, timeout=120)
        return name, done.stderr.strip().splitlines()[-1] if done.returncode else ""

    with ThreadPoolExecutor(2) as pool:
        failures = [(name, err) for name, err in pool.map(alone, modules()) if err]
    assert len(modules()) > 50
    assert not failures, failures
