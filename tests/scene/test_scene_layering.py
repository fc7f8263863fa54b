"""The scene package's place in the layers: above ``utils``/``config``, below ``core`` (static check).

Every ``import`` statement counts, also those inside functions, so a lazy import cannot hide a
wrong dependency or a cycle.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from lrc_test_support import ROOT

PACKAGE = ROOT / "lrc_toolbox"
#: What ``lrc_toolbox.scene`` may import from the project.
SCENE_MAY_IMPORT = ("lrc_toolbox.scene", "lrc_toolbox.utils", "lrc_toolbox.config")
#: Lower layers that must never import the scene package.
BELOW_SCENE = ("utils", "config", "renderers")
MAX_MODULE_LINES = 700


def _imports(path: Path) -> list[str]:
    """Absolute names of every module ``path`` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            names.append(base)
            names.extend(f"{base}.{alias.name}" for alias in node.names)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("scene"), ids=lambda p: p.name)
def test_scene_imports_only_the_standard_library_utils_and_config(path: Path) -> None:
    for name in _imports(path):
        top = name.split(".")[0]
        if top == "lrc_toolbox":
            assert name.startswith(SCENE_MAY_IMPORT), f"{path.name} imports {name}"
        else:
            assert top in sys.stdlib_module_names or top == "__future__", (
                f"{path.name} imports {name}"
            )


@pytest.mark.parametrize(
    "path",
    [p for folder in BELOW_SCENE for p in _modules(folder)],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_lower_layers_never_import_the_scene_package(path: Path) -> None:
    wrong = [
        n for n in _imports(path) if n == "lrc_toolbox.scene" or n.startswith("lrc_toolbox.scene.")
    ]
    assert not wrong, f"{path.relative_to(PACKAGE)} imports {wrong}"


@pytest.mark.parametrize("path", _modules("scene"), ids=lambda p: p.name)
def test_scene_modules_stay_small(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) < MAX_MODULE_LINES
