"""One logger naming convention: ``_LOG = logging.getLogger(__name__)`` in every module that logs.

A logger named after its module lets a studio turn one part up or down
(``logging.getLogger("lrc_toolbox.core.job_store_connection").setLevel(...)``) and lets a log line
be traced to its file; the root logger (``logging.warning(...)``) would bypass both.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "lrc_toolbox"
_ROOT_LOGGER_CALLS = {"debug", "info", "warning", "error", "exception", "critical", "log"}


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    where = path.name
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        if not (isinstance(owner, ast.Name) and owner.id == "logging"):
            continue
        if node.func.attr == "getLogger":
            args = node.args
            if len(args) != 1 or not (isinstance(args[0], ast.Name) and args[0].id == "__name__"):
                found.append(f"{where}:{node.lineno}: getLogger must take __name__")
        elif node.func.attr in _ROOT_LOGGER_CALLS:
            found.append(f"{where}:{node.lineno}: logs on the root logger (use _LOG)")
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call):
            func = statement.value.func
            if isinstance(func, ast.Attribute) and func.attr == "getLogger":
                names = [t.id for t in statement.targets if isinstance(t, ast.Name)]
                if names != ["_LOG"]:
                    found.append(f"{where}:{statement.lineno}: the module logger is named _LOG")
    return found


def test_every_module_logs_through_its_own_named_logger() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 100
    problems = [f"{path.parent.name}/{p}" for path in modules for p in _problems(path)]
    assert problems == []


def test_the_check_catches_a_module_that_names_its_logger_by_hand(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    text = 'import logging\nlogger = logging.getLogger("lrc_toolbox.core")\nlogging.info("x")\n'
    bad.write_text(text, encoding="utf-8")
    assert len(_problems(bad)) == 3
