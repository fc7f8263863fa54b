"""The folder layout says which UI files need Qt: nothing under ``ui/view_state/`` or ``ui/control/``
imports it, directly or through another lrc_toolbox module (read from the imports, not run).
"""

from __future__ import annotations

import ast
from pathlib import Path

from fakes import ROOT

PACKAGE = ROOT / "lrc_toolbox"
QT_FREE_FOLDERS = ("ui/view_state", "ui/control")
QT_NAMES = {"Qt", "PySide2", "PySide6", "PyQt5", "PyQt6", "shiboken2", "shiboken6", "sip", "maya"}


def _module_file(name: str) -> Path | None:
    """The file of an lrc_toolbox module (package ``__init__`` or plain module), else None."""
    parts = name.split(".")
    if parts[0] != "lrc_toolbox":
        return None
    base = ROOT.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any level (TYPE_CHECKING blocks are never run: skipped)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(child) for child in ast.walk(node)}
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            # ``from lrc_toolbox import farm`` imports the submodule lrc_toolbox.farm
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def qt_import_chains(start: Path) -> list[list[str]]:
    """Import chains from ``start`` to a Qt (or Maya) module, following lrc_toolbox imports."""
    chains: list[list[str]] = []
    seen: set[Path] = set()
    stack: list[tuple[Path, list[str]]] = [(start, [str(start.relative_to(ROOT))])]
    while stack:
        path, chain = stack.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in sorted(_imports(path)):
            if name.split(".")[0] in QT_NAMES:
                chains.append([*chain, name])
                continue
            target = _module_file(name)
            if target is not None and target not in seen:
                stack.append((target, [*chain, name]))
    return chains


def qt_free_files() -> list[Path]:
    return sorted(path for folder in QT_FREE_FOLDERS for path in (PACKAGE / folder).rglob("*.py"))


def test_the_qt_free_folders_exist_and_hold_the_view_state() -> None:
    names = {path.relative_to(PACKAGE).as_posix() for path in qt_free_files()}
    for expected in (
        "ui/view_state/render_rows.py",
        "ui/view_state/job_history.py",
        "ui/view_state/log_buffer.py",
        "ui/view_state/formatting.py",
        "ui/view_state/event_coalescer.py",
        "ui/view_state/history_columns.py",
        "ui/view_state/request_gate.py",
        "ui/control/abstract.py",
        "ui/control/engine_controller.py",
    ):
        assert expected in names


def test_no_file_in_the_qt_free_folders_reaches_qt() -> None:
    offenders = {
        str(path.relative_to(ROOT)): " -> ".join(chains[0])
        for path in qt_free_files()
        if (chains := qt_import_chains(path))
    }
    assert offenders == {}


def test_the_check_follows_imports_to_qt() -> None:
    # The widgets reach Qt directly and through the table models: the same walk must see both.
    chains = qt_import_chains(PACKAGE / "ui" / "widgets" / "history_panel.py")
    assert [chain for chain in chains if len(chain) == 2 and chain[-1] == "Qt"]
    assert [chain for chain in chains if "lrc_toolbox.ui.models.history_table_models" in chain]
