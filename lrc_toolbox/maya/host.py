"""Lazy access to Maya's modules, so every ``lrc_toolbox.maya`` module imports outside Maya.

Nothing here imports ``maya`` at module level. Each accessor imports on first use and turns a
missing Maya into :class:`MayaUnavailableError` with one sentence an artist or TD can act on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

_T = TypeVar("_T")


class MayaUnavailableError(RuntimeError):
    """Maya's Python modules cannot be imported: this code must run inside Maya (or mayapy)."""


def _import(name: str) -> ModuleType:
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise MayaUnavailableError(
            f"{name} is not available: this part of LRC Toolbox runs inside Maya. Outside Maya use "
            "lrc-batch-render or lrc_toolbox.api with a scene file"
        ) from exc


class _LazyModule:
    """A module imported on first attribute access, so this package imports outside Maya.

    Every access looks the module up again (``importlib`` answers from ``sys.modules``), so a test
    that swaps the ``maya`` package per test is always seen.
    """

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(_import(self._name), attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name}>"


# The type checker sees Maya's real modules (through the published stubs, ``types-maya``), so
# every ``maya_cmds.<command>(<flags>)`` in this package is checked against Maya's API in CI
# (``.ci/mypy_maya.ini``); at run time they are the lazy stand-ins above.
if TYPE_CHECKING:
    import maya.cmds as maya_cmds
    import maya.mel as maya_mel
    import maya.OpenMayaUI as maya_omui
    import maya.utils as maya_utils_module
else:
    maya_cmds = _LazyModule("maya.cmds")
    maya_mel = _LazyModule("maya.mel")
    maya_omui = _LazyModule("maya.OpenMayaUI")
    maya_utils_module = _LazyModule("maya.utils")


def as_strings(value: object) -> list[str]:
    """A ``maya.cmds`` query's list of names as ``list[str]`` (Maya returns None for none).

    Some list queries (``pluginInfo -q -listPlugins``, ``shelfLayout -q -childArray``) are typed
    ``bool`` in the stubs; this keeps their flags checked and their result honest.
    """
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value]  # type: ignore[attr-defined]


def cmds() -> Any:
    """``maya.cmds`` (untyped; the package itself uses the typed :data:`maya_cmds`)."""
    return _import("maya.cmds")


def mel() -> Any:
    """``maya.mel``."""
    return _import("maya.mel")


def maya_utils() -> Any:
    """``maya.utils`` (``executeDeferred``, ``executeInMainThreadWithResult``)."""
    return _import("maya.utils")


def open_maya_ui() -> Any:
    """``maya.OpenMayaUI`` (``MQtUtil``)."""
    return _import("maya.OpenMayaUI")


def render_setup() -> Any:
    """The Render Setup model singleton (``renderSetup.instance()``)."""
    return _import("maya.app.renderSetup.model.renderSetup").instance()


def is_batch() -> bool:
    """True in ``mayapy``/``mayabatch`` (no UI: no progress window, no shelf, no main window)."""
    return bool(maya_cmds.about(batch=True))


def on_main_thread(func: Callable[..., _T], *args: Any) -> _T:
    """Run ``func(*args)`` on Maya's main thread and return its result.

    Maya's API is not thread-safe: anything that touches the scene must run there. Called on the
    main thread it just calls ``func``; from another thread it waits for Maya to run it.
    """
    if threading.current_thread() is threading.main_thread():
        return func(*args)
    return maya_utils_module.executeInMainThreadWithResult(func, *args)


def defer(func: Callable[..., Any], *args: Any) -> None:
    """Queue ``func(*args)`` for Maya's main thread when it is idle (safe from any thread)."""
    maya_utils_module.executeDeferred(func, *args)
