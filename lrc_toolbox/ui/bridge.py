"""The bridge from the engine's plain callbacks (any thread) to the dialog (GUI thread).

The engine publishes events on its own threads: the job supervisor (state changes) and one follower
thread per render (log lines, thousands per second under load). The bridge only *queues* them there
(a lock and an append); a ``QTimer`` on the GUI thread drains the queue about ten times a second
and hands the dialog one :class:`EventBatch` per tick:

* state events stay in arrival order; of several ``Progress`` events for one task only the latest
  is kept (a newer one supersedes an older one, so nothing meaningful is lost);
* log lines come as one list per tick, as small :class:`~lrc_toolbox.ui.log_buffer.LogRecord`
  tuples (invisible to the cyclic garbage collector, whose full passes would otherwise stall the
  GUI); when the GUI falls far behind, the oldest waiting lines are dropped (counted in
  ``dropped_log_lines``) so memory stays bounded: every line is still in the task's log file.

This is CONVENTIONS item 4 with a timer instead of a signal per event: one signal per tick keeps
the GUI's work proportional to ticks, not to lines.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from Qt import QtCore

from lrc_toolbox.core.events import Event, LogLine, Progress
from lrc_toolbox.ui.log_buffer import LogRecord, record_of

#: How often the GUI thread drains the queue (about 10 Hz, as the issue asks).
DRAIN_INTERVAL_MS: int = 100

#: Log lines waiting for the GUI beyond this are dropped, oldest first (they stay in the log files).
#: 8 renders at 5,000 lines/s fill it in about 5 s of a frozen GUI.
MAX_PENDING_LOG_LINES: int = 200_000


@dataclass
class EventBatch:
    """What arrived since the last tick.

    Attributes:
        events: State events in arrival order; superseded ``Progress`` events are left out.
        logs: Log lines in arrival order, as ``(job, task, text, level)`` records.
        dropped_log_lines: Lines dropped because the GUI fell too far behind.
        superseded_progress: ``Progress`` events left out because a newer one for the same task
            arrived in the same tick.
    """

    events: list[Event] = field(default_factory=list)
    logs: list[LogRecord] = field(default_factory=list)
    dropped_log_lines: int = 0
    superseded_progress: int = 0

    def __bool__(self) -> bool:
        """True when there is anything to deliver."""
        return bool(self.events or self.logs or self.dropped_log_lines)


class EventCoalescer:
    """A thread-safe queue of engine events that is taken in coalesced batches.

    Args:
        max_pending_log_lines: Most log lines kept while nobody takes them.
    """

    def __init__(self, max_pending_log_lines: int = MAX_PENDING_LOG_LINES) -> None:
        self._lock = threading.Lock()
        self._events: list[Event] = []
        self._logs: deque[LogRecord] = deque(maxlen=max_pending_log_lines)
        self._dropped = 0

    def post(self, event: Event) -> None:
        """Queue one event; safe from any thread, never blocks for long (a lock, an append)."""
        if isinstance(event, LogLine):
            record = record_of(event)  # built outside the lock
            with self._lock:
                if len(self._logs) == self._logs.maxlen:
                    self._dropped += 1  # deque(maxlen) drops the oldest on append
                self._logs.append(record)
            return
        with self._lock:
            self._events.append(event)

    def take(self) -> EventBatch:
        """Take everything queued so far, with superseded progress left out."""
        with self._lock:
            events, self._events = self._events, []
            logs = list(self._logs)
            self._logs.clear()
            dropped, self._dropped = self._dropped, 0
        kept, superseded = coalesce_progress(events)
        return EventBatch(
            events=kept, logs=logs, dropped_log_lines=dropped, superseded_progress=superseded
        )


def coalesce_progress(events: list[Event]) -> tuple[list[Event], int]:
    """Keep only the last ``Progress`` per (job, task); everything else stays, in order.

    Args:
        events: Events in arrival order.

    Returns:
        The kept events (in order) and how many progress events were left out.
    """
    seen: set[tuple[str, str]] = set()
    kept: list[Event] = []
    superseded = 0
    for event in reversed(events):
        if isinstance(event, Progress):
            key = (event.job_id, event.task)
            if key in seen:
                superseded += 1
                continue
            seen.add(key)
        kept.append(event)
    kept.reverse()
    return kept, superseded


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
