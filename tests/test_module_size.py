"""The size gate: no module in ``lrc_toolbox/`` reaches 700 lines, no class grows past 25 methods.

Why these numbers:

* **700 lines per module** is the project's rule (``docs/architecture.md``): a module that long has
  stopped doing one job. When one grows near it, split it along its seams, keeping the module
  path as the public face when the spec names it (re-exports are fine).
* **25 methods per class**: a class with more is doing more than one job. The widest classes that
  do one job sit just under it: the job runner, a supervisor that delegates to small policies,
  and the engine controller, which implements the dialog's 22-method interface, have 24 each;
  the dialog, which still runs its own start and stop flows, has 40. Counted: every ``def`` in the class body, dunders included; *not* counted:
  ``@property`` getters and setters, which read or set state rather than add behaviour (a process
  owner's ``pid``, ``returncode``, ``log_path``... are its attributes, not its jobs).

A class that is over the limit today is listed in :data:`KNOWN_LARGE_CLASSES` with its current
count and why it is not split yet: it may shrink, never grow, and a class that fits again must
leave the list (so the list only gets shorter).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "lrc_toolbox"

#: A module fails the gate when it has this many lines or more.
MAX_MODULE_LINES = 700
#: A class fails the gate when it has more methods than this (properties not counted).
MAX_CLASS_METHODS = 25

#: Classes over :data:`MAX_CLASS_METHODS` today: (module path, class) -> (methods now, why).
KNOWN_LARGE_CLASSES: dict[tuple[str, str], tuple[int, str]] = {}


def module_lines(path: Path) -> int:
    """Physical lines of a source file (what an editor shows)."""
    return len(path.read_text(encoding="utf-8").splitlines())


def _is_property(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for decorator in func.decorator_list:
        if isinstance(decorator, ast.Name) and decorator.id == "property":
            return True
        # @name.setter / @name.deleter of a property defined just above
        if isinstance(decorator, ast.Attribute) and decorator.attr in ("setter", "deleter"):
            return True
    return False


def class_method_counts(source: str) -> dict[str, int]:
    """Methods (properties not counted) of every class in ``source``, nested ones included."""
    counts: dict[str, int] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            counts[node.name] = sum(
                1
                for item in node.body
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                and not _is_property(item)
            )
    return counts


def _modules() -> list[Path]:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 100  # the package was found
    return modules


def test_no_module_reaches_700_lines() -> None:
    too_long = {
        str(path.relative_to(PACKAGE)): lines
        for path in _modules()
        if (lines := module_lines(path)) >= MAX_MODULE_LINES
    }
    assert too_long == {}, f"split these modules along their seams: {too_long}"


def test_no_class_has_more_than_25_methods() -> None:
    measured: dict[tuple[str, str], int] = {}
    for path in _modules():
        for name, count in class_method_counts(path.read_text(encoding="utf-8")).items():
            measured[(path.relative_to(PACKAGE).as_posix(), name)] = count
    too_big = {
        key: count
        for key, count in measured.items()
        if count > MAX_CLASS_METHODS and key not in KNOWN_LARGE_CLASSES
    }
    assert too_big == {}, f"these classes do more than one job: split them: {too_big}"
    for key, (allowed, _why) in KNOWN_LARGE_CLASSES.items():
        assert key in measured, f"{key} is gone: remove it from KNOWN_LARGE_CLASSES"
        assert measured[key] <= allowed, f"{key} grew to {measured[key]} methods (max {allowed})"
        assert measured[key] > MAX_CLASS_METHODS, f"{key} fits now: remove it from the list"


def test_the_counts_are_what_they_say() -> None:
    source = """
class Small:
    def __init__(self): ...
    @property
    def value(self): ...
    @value.setter
    def value(self, new): ...
    @staticmethod
    def make(): ...
    async def fetch(self): ...
    class Inner:
        def one(self): ...
"""
    assert class_method_counts(source) == {"Small": 3, "Inner": 1}
    assert module_lines(Path(__file__)) == len(Path(__file__).read_text().splitlines())
