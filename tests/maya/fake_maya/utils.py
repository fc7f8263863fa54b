"""Fake ``maya.utils``: ``executeDeferred`` queues work for the main thread's idle loop.

Tests play the idle loop with ``FakeMaya.run_deferred()`` on the main thread, so code that forgets
to defer (and prints from an engine thread) is caught by where its output lands.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from . import _state


def executeDeferred(func: Callable[..., Any], *args: Any) -> None:  # noqa: N802 - Maya's name
    """Queue ``func(*args)`` to run on the main thread when Maya is idle (any thread may call)."""
    if not callable(func):
        raise TypeError("executeDeferred: the fake takes a callable")
    m = _state.current()
    with m.deferred_lock:
        m.deferred.append((func, args))


def executeInMainThreadWithResult(func: Callable[..., Any], *args: Any) -> Any:  # noqa: N802
    """Run ``func`` on the main thread and return its result (the fake: from the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("the fake cannot marshal calls from other threads")
    return func(*args)
