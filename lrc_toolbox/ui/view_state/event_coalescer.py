"""The pure half of the event bridge: a thread-safe queue of engine events taken in batches.

Engine threads (the job supervisor, one follower per render) only :meth:`EventCoalescer.post`: a
lock and an append. The GUI side takes one :class:`EventBatch` per tick, with superseded
``Progress`` events left out and log lines as small
:data:`~lrc_toolbox.ui.view_state.log_buffer.LogRecord` tuples; when nobody takes them fast
enough, the oldest lines are dropped (and counted) so memory stays bounded. No Qt here:
:class:`~lrc_toolbox.ui.bridge.EventBridge` is the Qt timer that drains this queue on the GUI
thread (CONVENTIONS item 17).
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field

from lrc_toolbox.core.events import Event, LogLine, Progress
from lrc_toolbox.ui.view_state.log_buffer import LogRecord, record_of

__all__ = ["MAX_PENDING_LOG_LINES", "EventBatch", "EventCoalescer", "coalesce_progress"]

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
            key = (event.job_id, event.task_id)
            if key in seen:
                superseded += 1
                continue
            seen.add(key)
        kept.append(event)
    kept.reverse()
    return kept, superseded
