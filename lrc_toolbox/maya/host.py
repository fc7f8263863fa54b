"""Lazy access to Maya's modules, so every ``lrc_toolbox.maya`` module imports outside Maya.

Nothing here imports ``maya`` at module level. Each accessor imports on first use and turns a
missing Maya into :class:`MayaUnavailableError` with one sentence an artist or TD can act on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any, TypeVar

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


def cmds() -> Any:
    """``maya.cmds``."""
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
    return bool(cmds().about(batch=True))


def on_main_thread(func: Callable[..., _T], *args: Any) -> _T:
    """Run ``func(*args)`` on Maya's main thread and return its result.

    Maya's API is not thread-safe: anything that touches the scene must run there. Called on the
    main thread it just calls ``func``; from another thread it waits for Maya to run it.
    """
    if threading.current_thread() is threading.main_thread():
        return func(*args)
    return maya_utils().executeInMainThreadWithResult(func, *args)


def defer(func: Callable[..., Any], *args: Any) -> None:
    """Queue ``func(*args)`` for Maya's main thread when it is idle (safe from any thread)."""
    maya_utils().executeDeferred(func, *args)
