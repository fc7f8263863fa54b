"""Fake ``maya.utils``: ``executeDeferred`` queues work for the main thread's idle loop.

Tests play the idle loop with ``FakeMaya.run_deferred()`` on the main thread, so code that forgets
to defer (and prints from an engine thread) is caught by where its output lands. In batch mode
there is no idle loop: the queue runs only when ``processIdleEvents()`` is called (Maya's
``maya/utils.py``: it "allows for testing of code that uses the idle events for processing").
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from . import _state


def executeDeferred(func: Callable[..., Any], *args: Any) -> None:  # noqa: N802 - Maya's name
    """Queue ``func(*args)`` to run on the main thread when Maya is idle (any thread may call).

    Maya's docstring: "Delays the execution of the given script or function until Maya is idle.
    This function runs code using the idle event loop." Nothing runs at once, in any mode.
    """
    if not callable(func):
        raise TypeError("executeDeferred: the fake takes a callable")
    m = _state.current()
    with m.deferred_lock:
        m.deferred.append((func, args))


def processIdleEvents() -> bool:  # noqa: N802 - Maya's name
    """Run every queued ``executeDeferred`` call now; True when the queue is empty afterwards."""
    _state.current().process_idle_events()
    return True


def executeInMainThreadWithResult(func: Callable[..., Any], *args: Any) -> Any:  # noqa: N802
    """Run ``func`` on the main thread and return its result (the fake: from the main thread).

    Autodesk "Python and threading": called from the main thread it "simply runs the code
    immediately"; from another thread it waits for the idle loop, so it "is not available in batch
    mode". The fake cannot marshal across threads at all, so any other thread is an error.
    """
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("the fake cannot marshal calls from other threads")
    return func(*args)
