"""The bridge from the engine's plain callbacks (any thread) to the dialog (GUI thread).

The engine publishes events on its own threads: the job supervisor (state changes) and one follower
thread per render (log lines, thousands per second under load). The bridge only *queues* them there
(a lock and an append); a ``QTimer`` on the GUI thread drains the queue about ten times a second
and hands the dialog one :class:`EventBatch` per tick:

* state events stay in arrival order; of several ``Progress`` events for one task only the latest
  is kept (a newer one supersedes an older one, so nothing meaningful is lost);
* log lines come as one list per tick, as small ``(job, task, text, level)`` records
  (invisible to the cyclic garbage collector, whose full passes would otherwise stall the GUI);
  when the GUI falls far behind, the oldest waiting lines are dropped (counted in
  ``dropped_log_lines``) so memory stays bounded: every line is still in the task's log file.

This is CONVENTIONS item 4 with a timer instead of a signal per event: one signal per tick keeps
the GUI's work proportional to ticks, not to lines. The queue itself is Qt-free
(:mod:`lrc_toolbox.ui.view_state.event_coalescer`); this module is only the timer that drains it.
"""

from __future__ import annotations

from collections.abc import Callable

from Qt import QtCore

from lrc_toolbox.core.events import Event
from lrc_toolbox.ui.view_state.event_coalescer import (
    MAX_PENDING_LOG_LINES,
    EventBatch,
    EventCoalescer,
    coalesce_progress,
)

__all__ = [
    "DRAIN_INTERVAL_MS",
    "MAX_PENDING_LOG_LINES",
    "EventBatch",
    "EventBridge",
    "EventCoalescer",
    "coalesce_progress",
]

#: How often the GUI thread drains the queue (about 10 Hz, as the issue asks).
DRAIN_INTERVAL_MS: int = 100


class EventBridge(QtCore.QObject):
    """Subscribes to the engine and emits :attr:`batch_ready` on the GUI thread, ~10 times a second.

    Create it on the GUI thread (its timer lives there).

    Args:
        parent: Owner (the dialog).
        interval_ms: Drain interval.
        coalescer: The queue (injectable for tests).
    """

    #: One :class:`EventBatch` per tick in which anything arrived.
    batch_ready = QtCore.Signal(object)

    def __init__(
        self,
        parent: QtCore.QObject | None = None,
        *,
        interval_ms: int = DRAIN_INTERVAL_MS,
        coalescer: EventCoalescer | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = coalescer or EventCoalescer()
        self._unsubscribe: Callable[[], None] | None = None
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)
        self._batches = 0

    @property
    def batches_delivered(self) -> int:
        """Batches emitted so far (for tests and the benchmark)."""
        return self._batches

    def attach(self, subscribe: Callable[..., Callable[[], None]]) -> None:
        """Subscribe :meth:`post` (with log lines) and start draining.

        Args:
            subscribe: A controller's or bus's ``subscribe(callback, logs=True)``.
        """
        self.detach()
        self._unsubscribe = subscribe(self.post, logs=True)
        self._timer.start()

    def detach(self) -> None:
        """Unsubscribe and stop the timer (events already queued are dropped)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._timer.stop()

    def start(self) -> None:
        """Start draining without subscribing (when events are posted directly)."""
        self._timer.start()

    def post(self, event: Event) -> None:
        """The engine callback: queue ``event`` (any thread; never touches Qt objects)."""
        self._queue.post(event)

    def flush(self) -> None:
        """Drain now and emit one batch if anything arrived (GUI thread)."""
        batch = self._queue.take()
        if batch:
            self._batches += 1
            self.batch_ready.emit(batch)
