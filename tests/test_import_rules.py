"""Import rules read from the source with ``ast``: layers, no cycles, Maya and Qt where they belong.

CI also runs ``lint-imports`` with the contracts in ``pyproject.toml``; this test checks the same
layers so the test suite alone catches a wrong-way arrow. It reads every module's imports,
function-level and ``TYPE_CHECKING`` ones included (a lazy import is still a dependency, and a cycle
hidden in a function still breaks the day someone moves the import up).

Rules (``docs/architecture.md`` draws them):

* a package imports only packages in lower layers (:data:`LAYERS`); packages in one layer are
  independent siblings; every package has a layer (the stand-in stands apart: it imports nothing
  from the rest and nothing imports it);
* no import cycle between modules;
* ``maya``/``pymel`` only inside ``lrc_toolbox.maya``; ``Qt`` (Qt.py) only in ``lrc_toolbox.ui``
  and the Maya host glue (:data:`QT_HOST_GLUE`); the bindings themselves (PySide2/6...) nowhere;
* ``lrc_toolbox.ui.view_state`` reaches no Qt, even through other modules.
"""

from __future__ import annotations

import ast
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lrc_test_support import ROOT

PACKAGE = "lrc_toolbox"

#: Layers, highest first; the packages in one layer are independent siblings. Same order as the
#: ``layers`` contract in pyproject.toml (checked below).
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"maya"}),
    frozenset({"ui", "cli", "api"}),
    frozenset({"farm"}),
    frozenset({"core"}),
    frozenset({"scene"}),
    frozenset({"renderers"}),
    frozenset({"utils"}),
    frozenset({"config"}),
)
OPTIONAL_PACKAGES: frozenset[str] = frozenset()

#: Packages outside the layers that share no code with the rest in either direction.
APART = frozenset({"standin"})

MAYA_MODULES = frozenset({"maya", "pymel"})
QT_BINDINGS = frozenset({"PySide2", "PySide6", "PyQt5", "PyQt6", "shiboken2", "shiboken6", "sip"})

#: Modules outside ``lrc_toolbox.ui`` that may import ``Qt``: parenting the dialog to Maya's window.
QT_HOST_GLUE = frozenset({"lrc_toolbox.maya.main_window"})

#: Qt-free view state inside ``ui``: plain data the dialog shows.
QT_FREE_UI = "lrc_toolbox.ui.view_state"


@dataclass(frozen=True)
class Edge:
    """One import statement's arrow from a module to a module of the package."""

    importer: str
    imported: str
    line: int
    in_function: bool

    def __str__(self) -> str:
        where = " (inside a function)" if self.in_function else ""
        return f"{self.importer} -> {self.imported} (line {self.line}){where}"


@dataclass
class ImportGraph:
    """Every module of a package with its internal arrows and the external names it imports."""

    modules: set[str] = field(default_factory=set)
    edges: list[Edge] = field(default_factory=list)
    #: module -> {(top-level external name, line)}
    external: dict[str, set[tuple[str, int]]] = field(default_factory=dict)


def _module_name(path: Path, root: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


def _walk(tree: ast.AST) -> Iterator[tuple[ast.AST, bool]]:
    """Every node with whether it sits inside a function (an import there runs lazily)."""
    stack: list[tuple[ast.AST, bool]] = [(tree, False)]
    while stack:
        node, in_function = stack.pop()
        yield node, in_function
        inner = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        stack.extend((child, inner) for child in ast.iter_child_nodes(node))


def read_imports(root: Path, package: str = PACKAGE) -> ImportGraph:
    """Read the imports of every module of ``package`` (a folder under ``root``) with ``ast``.

    Args:
        root: The folder that holds the package folder.
        package: The top-level package name.

    Returns:
        The package's modules, internal arrows (to the longest existing module) and external names.
    """
    graph = ImportGraph()
    sources: dict[str, tuple[ast.AST, bool]] = {}
    for path in sorted((root / package).rglob("*.py")):
        name, is_package = _module_name(path, root)
        sources[name] = (ast.parse(path.read_text(encoding="utf-8"), str(path)), is_package)
    graph.modules = set(sources)

    def existing(name: str) -> str:
        while name not in graph.modules and "." in name:
            name = name.rsplit(".", 1)[0]
        return name

    for module, (tree, is_package) in sources.items():
        base = module if is_package else module.rpartition(".")[0]
        for node, in_function in _walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    parts = base.split(".")
                    parts = parts[: len(parts) - node.level + 1]
                    origin = ".".join(parts + ([node.module] if node.module else []))
                else:
                    origin = node.module or ""
                # ``from pkg import mod`` imports the module pkg.mod; ``from mod import name`` mod.
                targets = [
                    f"{origin}.{alias.name}"
                    if f"{origin}.{alias.name}" in graph.modules
                    else origin
                    for alias in node.names
                ]
            # ``from mod import a, b`` is one arrow, however many names it takes.
            for target in dict.fromkeys(targets):
                top = target.split(".")[0]
                if top == package:
                    imported = existing(target)
                    if imported != module:
                        graph.edges.append(Edge(module, imported, node.lineno, in_function))
                elif top and top not in sys.stdlib_module_names and top != "__future__":
                    graph.external.setdefault(module, set()).add((top, node.lineno))
    return graph


def _package_of(module: str) -> str | None:
    """``lrc_toolbox.core.models`` -> ``core``; the top package itself -> None."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def layer_violations(graph: ImportGraph) -> list[str]:
    """Arrows that point up or across siblings, arrows to or from the stand-in, unplaced packages."""
    rank = {name: -index for index, layer in enumerate(LAYERS) for name in layer}
    problems: list[str] = []
    unplaced = {
        package
        for module in graph.modules
        if (package := _package_of(module)) is not None and package not in rank
    } - APART
    problems += [f"{PACKAGE}.{name} is in no layer (add it to LAYERS)" for name in sorted(unplaced)]
    for edge in graph.edges:
        source, target = _package_of(edge.importer), _package_of(edge.imported)
        if source == target or target is None or source is None:
            continue  # inside one package (cycles are checked apart), or the top package
        if source in APART or target in APART:
            problems.append(f"{edge}: {PACKAGE}.standin shares no code with the rest")
        elif source in rank and target in rank:
            if rank[target] > rank[source]:
                problems.append(f"{edge}: {source} sits below {target}")
            elif rank[target] == rank[source]:
                problems.append(f"{edge}: {source} and {target} are independent siblings")
    return problems


def import_cycles(graph: ImportGraph) -> list[list[str]]:
    """Every group of modules that import each other in a circle, each group sorted.

    Tarjan's strongly connected components, iteratively (no recursion limit on a big package).
    """
    arrows: dict[str, set[str]] = {module: set() for module in graph.modules}
    for edge in graph.edges:
        arrows[edge.importer].add(edge.imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = 0
    for start in sorted(arrows):
        if start in index:
            continue
        # Iterative Tarjan: (node, iterator over its arrows).
        work = [(start, iter(sorted(arrows[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(arrows[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    cycles.append(sorted(component))
    return sorted(cycles)


def host_violations(graph: ImportGraph) -> list[str]:
    """Maya, Qt.py and Qt bindings imported where they do not belong."""
    problems: list[str] = []
    for module, names in sorted(graph.external.items()):
        in_maya = module == f"{PACKAGE}.maya" or module.startswith(f"{PACKAGE}.maya.")
        in_ui = module.startswith(f"{PACKAGE}.ui.") or module == f"{PACKAGE}.ui"
        qt_free = module == QT_FREE_UI or module.startswith(QT_FREE_UI + ".")
        for name, line in sorted(names):
            if name in MAYA_MODULES and not in_maya:
                problems.append(f"{module} (line {line}) imports {name}: only {PACKAGE}.maya may")
            elif name in QT_BINDINGS:
                problems.append(f"{module} (line {line}) imports {name}: Qt only through Qt.py")
            elif name == "Qt" and (qt_free or not (in_ui or module in QT_HOST_GLUE)):
                problems.append(f"{module} (line {line}) imports Qt: only the dialog's modules may")
    # The view state must not reach Qt through another module either.
    qt_names = QT_BINDINGS | {"Qt"}
    with_qt = {m for m, names in graph.external.items() if {n for n, _ in names} & qt_names}
    arrows: dict[str, set[str]] = {}
    for edge in graph.edges:
        arrows.setdefault(edge.importer, set()).add(edge.imported)
    for module in sorted(graph.modules):
        if not (module == QT_FREE_UI or module.startswith(QT_FREE_UI + ".")):
            continue
        seen, todo = {module}, [module]
        while todo:
            for nxt in arrows.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        reached = sorted((seen - {module}) & with_qt)
        if reached:
            problems.append(f"{module} reaches Qt through {', '.join(reached)}")
    return problems


# --------------------------------------------------------------------------------------------------
# The rules on this repository
# --------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def package_graph() -> ImportGraph:
    graph = read_imports(ROOT)
    assert len(graph.modules) > 100 and len(graph.edges) > 300  # the reader found the package
    return graph


def test_every_package_has_a_layer_and_imports_only_below_it(package_graph: ImportGraph) -> None:
    assert layer_violations(package_graph) == []


def test_no_import_cycles_even_through_function_level_imports(package_graph: ImportGraph) -> None:
    assert import_cycles(package_graph) == []


def test_maya_and_qt_only_where_they_belong(package_graph: ImportGraph) -> None:
    assert host_violations(package_graph) == []


def test_the_layers_here_are_the_contract_lint_imports_checks() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}
    declared = [
        frozenset(part.strip().strip("()") for part in layer.split("|"))
        for layer in contracts["layers"]["layers"]
    ]
    assert declared == list(LAYERS)
    assert set(contracts["layers"]["exhaustive_ignores"]) == set(APART)
    optional = {layer.strip("()") for layer in contracts["layers"]["layers"] if "(" in layer}
    assert optional == set(OPTIONAL_PACKAGES)


# --------------------------------------------------------------------------------------------------
# The checker itself: it finds what it is meant to find
# --------------------------------------------------------------------------------------------------
def _tree(tmp_path: Path, files: dict[str, str]) -> ImportGraph:
    for relative, text in files.items():
        path = tmp_path / PACKAGE / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    for folder in (tmp_path / PACKAGE).rglob("*"):
        if folder.is_dir() and not (folder / "__init__.py").exists():
            (folder / "__init__.py").write_text("")
    (tmp_path / PACKAGE / "__init__.py").touch()
    return read_imports(tmp_path)


def test_checker_passes_a_clean_tree(tmp_path: Path) -> None:
    graph = _tree(
        tmp_path,
        {
            "config/defaults.py": "X = 1\n",
            "utils/frames.py": "from lrc_toolbox.config import defaults\n",
            "core/engine.py": "from ..utils import frames\nfrom lrc_toolbox import __name__\n",
            "ui/dialog.py": "from Qt import QtWidgets\nfrom lrc_toolbox.core.engine import x\n",
            "maya/main_window.py": "from Qt import QtWidgets\n",
            "maya/entry.py": "def show():\n    from lrc_toolbox.ui import dialog\n",
        },
    )
    assert layer_violations(graph) == []
    assert import_cycles(graph) == []
    assert host_violations(graph) == []


def test_checker_finds_an_upward_arrow_even_inside_a_function(tmp_path: Path) -> None:
    graph = _tree(
        tmp_path,
        {
            "core/models.py": "X = 1\n",
            "utils/gpu.py": "def query():\n    from lrc_toolbox.core.models import X\n",
        },
    )
    (problem,) = layer_violations(graph)
    assert "lrc_toolbox.utils.gpu -> lrc_toolbox.core.models" in problem
    assert "inside a function" in problem and "utils sits below core" in problem


def test_checker_finds_siblings_the_standin_and_a_package_with_no_layer(tmp_path: Path) -> None:
    graph = _tree(
        tmp_path,
        {
            "cli/main.py": "import lrc_toolbox.ui.dialog\n",
            "ui/dialog.py": "X = 1\n",
            "standin/render.py": "from lrc_toolbox.utils import frames\n",
            "utils/frames.py": "X = 1\n",
            "extras/thing.py": "X = 1\n",
        },
    )
    problems = "\n".join(layer_violations(graph))
    assert "cli and ui are independent siblings" in problems
    assert "lrc_toolbox.standin shares no code" in problems
    assert "lrc_toolbox.extras is in no layer" in problems


def test_checker_finds_a_cycle_hidden_in_a_function(tmp_path: Path) -> None:
    graph = _tree(
        tmp_path,
        {
            "cli/main.py": "from lrc_toolbox.cli import jobs\n",
            "cli/jobs.py": "def run():\n    from lrc_toolbox.cli.main import printable\n",
            "cli/other.py": "from . import main\n",
        },
    )
    assert layer_violations(graph) == []
    assert import_cycles(graph) == [["lrc_toolbox.cli.jobs", "lrc_toolbox.cli.main"]]


def test_checker_finds_maya_and_qt_out_of_place(tmp_path: Path) -> None:
    graph = _tree(
        tmp_path,
        {
            "core/engine.py": "import maya.cmds\n",
            "utils/widgets.py": "from Qt import QtCore\n",
            "ui/raw.py": "from PySide6 import QtCore\n",
            "ui/qt_compat.py": "from Qt import QtCore\n",
            "ui/view_state/rows.py": "from lrc_toolbox.ui import qt_compat\n",
            "maya/layers.py": "from Qt import QtCore\n",
        },
    )
    found = host_violations(graph)
    problems = "\n".join(found)
    assert "lrc_toolbox.core.engine (line 1) imports maya" in problems
    assert "lrc_toolbox.utils.widgets (line 1) imports Qt" in problems
    assert "lrc_toolbox.ui.raw (line 1) imports PySide6" in problems
    assert "lrc_toolbox.maya.layers (line 1) imports Qt" in problems
    assert "lrc_toolbox.ui.view_state.rows reaches Qt through lrc_toolbox.ui.qt_compat" in problems
    assert not [p for p in found if p.startswith("lrc_toolbox.ui.qt_compat")]  # Qt.py is allowed
    assert len(found) == 5
