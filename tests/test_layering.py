"""The core, the CLI and the public API import where Maya and Qt cannot (ARCHITECTURE.md)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from lrc_test_support import ROOT

_BLOCKER = textwrap.dedent(
    """
    import importlib.abc, sys
    BLOCKED = ("maya", "Qt", "PySide2", "PySide6", "PyQt5", "PyQt6", "shiboken2", "shiboken6")
    class Blocker(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is blocked in this test")
            return None
    sys.meta_path.insert(0, Blocker())
    import pkgutil, importlib
    import lrc_toolbox
    names = []
    for pkg in ("core", "cli", "utils", "renderers", "config", "standin"):
        mod = importlib.import_module(f"lrc_toolbox.{pkg}")
        for info in pkgutil.walk_packages(mod.__path__, prefix=f"lrc_toolbox.{pkg}."):
            importlib.import_module(info.name)
            names.append(info.name)
    importlib.import_module("lrc_toolbox.api")
    importlib.import_module("lrc_toolbox.cli.batch_render_cli")
    leaked = [m for m in sys.modules if m.split(".")[0] in BLOCKED]
    assert not leaked, leaked
    print(len(names))
    """
)


@pytest.mark.slow
def test_core_cli_and_api_import_without_maya_or_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _BLOCKER], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 20
