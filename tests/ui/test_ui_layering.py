"""The dialog's layering rules: Qt only through Qt.py, a Qt-free controller, Qt 6 style calls."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fakes import ROOT

UI = ROOT / "lrc_toolbox" / "ui"
BINDINGS = {"PySide2", "PySide6", "PyQt5", "PyQt6", "shiboken2", "shiboken6", "sip"}


def _modules() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def test_qt_is_imported_only_through_qt_py() -> None:
    offenders = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in BINDINGS | {"maya"}:
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert not offenders


def test_no_python2_era_exec_or_shell_calls() -> None:
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        assert ".exec_()" not in text, path
        assert "shell=True" not in text, path
        assert "subprocess" not in text, path  # the dialog never starts processes itself


@pytest.mark.slow
def test_controller_and_pure_modules_import_without_qt() -> None:
    script = textwrap.dedent(
        """
        import importlib.abc, sys
        BLOCKED = ("maya", "Qt", "PySide2", "PySide6", "PyQt5", "PyQt6", "shiboken2", "shiboken6")
        class Blocker(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in BLOCKED:
                    raise ImportError(f"{name} is blocked in this test")
                return None
        sys.meta_path.insert(0, Blocker())
        import importlib, pkgutil
        import lrc_toolbox.ui
        import lrc_toolbox.ui.controller
        for package in ("lrc_toolbox.ui.view_state", "lrc_toolbox.ui.control"):
            module = importlib.import_module(package)
            for info in pkgutil.walk_packages(module.__path__, prefix=package + "."):
                importlib.import_module(info.name)
        from lrc_toolbox.ui import standalone
        assert standalone.main(["--scene", sys.argv[1]]) == 2
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(ROOT / "examples" / "shot001.ma")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
    assert "needs Qt for Python" in result.stderr


def test_the_ui_reaches_stored_jobs_and_the_farm_only_through_their_fronts() -> None:
    # Jobs in the store go through BatchRenderAPI (CONVENTIONS item 16): no UI module opens the
    # job store or uses job_control, and the farm package is imported, never looked up by name.
    offenders = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in (
                "lrc_toolbox.core.job_store",
                "lrc_toolbox.core.job_control",
            ):
                offenders.append(f"{path.relative_to(ROOT)}: imports {node.module}")
            if isinstance(node, ast.Import) and any(
                alias.name in ("importlib", "lrc_toolbox.core.job_store") for alias in node.names
            ):
                offenders.append(f"{path.relative_to(ROOT)}: imports importlib or the job store")
            if isinstance(node, ast.Attribute) and node.attr in ("store_path", "_store_path"):
                offenders.append(f"{path.relative_to(ROOT)}: reads {node.attr}")
    assert offenders == []
