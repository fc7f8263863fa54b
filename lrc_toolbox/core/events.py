"""Plain-Python events the engine publishes, and a thread-safe bus to subscribe to them.

The CLI prints them (a progress display, or JSON Lines with ``--json``), TD scripts receive them as
callbacks, and the dialog's bridge turns them into Qt signals. No Qt here: subscribers are plain
callables, called on whatever engine thread produced the event, so they must be quick and
thread-safe (the dialog's bridge only queues them).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

_LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    """Base of every engine event. ``to_dict`` gives the JSON Lines form (with an ``event`` key)."""

    job_id: str

    #: Name used in the JSON ``event`` key; overridden by each subclass.
    NAME = "event"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict with an ``event`` key first."""
        data = asdict(self)
        return {"event": self.NAME, **data}


@dataclass(frozen=True)
class JobStarted(Event):
    """A job was planned and its first tasks are about to launch."""

    NAME = "job_started"
    layers: dict[str, list[int]] = field(default_factory=dict)
    slots: list[str] = field(default_factory=list)
    renderer: str = ""
    render_exe: str = ""
    store_path: str = ""
    log_dir: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TaskStarted(Event):
    """A render process was launched for a task."""

    NAME = "task_started"
    task: str = ""
    layer: str = ""  # first (usually only) layer, as the user named it
    layers: list[str] = field(default_factory=list)
    frames: list[int] = field(default_factory=list)
    gpus: list[str] = field(default_factory=list)
    slot: str = ""
    pid: int | None = None
    argv: list[str] = field(default_factory=list)
    attempt: int = 1
    log_path: str = ""


@dataclass(frozen=True)
class Progress(Event):
    """Progress of the current frame of a task (``percent`` of that frame)."""

    NAME = "progress"
    task: str = ""
    layer: str = ""
    frame: int | None = None
    percent: float | None = None
    frames_done: int = 0
    frames_total: int = 0


@dataclass(frozen=True)
class LogLine(Event):
    """One line of a task's log. Only subscribers that ask for logs get them (they are many)."""

    NAME = "log"
    task: str = ""
    line: str = ""
    level: str = "info"  # info, warning, error, fatal


@dataclass(frozen=True)
class FrameDone(Event):
    """A frame has a verified, non-empty image."""

    NAME = "frame_done"
    layer: str = ""
    frame: int = 0
    output: str = ""
    task: str = ""


@dataclass(frozen=True)
class FrameFailed(Event):
    """A frame has no verified image after a task ended (``will_retry`` says if it is requeued)."""

    NAME = "frame_failed"
    layer: str = ""
    frame: int = 0
    reason: str = ""
    task: str = ""
    will_retry: bool = False


@dataclass(frozen=True)
class TaskFinished(Event):
    """A task ended: succeeded, failed, killed (watchdog) or cancelled (user)."""

    NAME = "task_finished"
    task: str = ""
    status: str = ""
    exit_code: int | None = None
    reason: str | None = None
    frames_done: list[int] = field(default_factory=list)
    frames_missing: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Notice(Event):
    """Something the user should know that is not a failure (a GPU slot busy elsewhere...)."""

    NAME = "notice"
    message: str = ""


@dataclass(frozen=True)
class JobFinished(Event):
    """The last event of a job: what is done and what failed, per layer."""

    NAME = "summary"
    ok: bool = False
    state: str = ""
    layers: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    elapsed_s: float = 0.0
    reason: str | None = None


Subscriber = Callable[[Event], None]


class EventBus:
    """Thread-safe publish/subscribe for engine events.

    A subscriber that raises is logged and kept; one broken consumer must not stop a render or
    starve the others.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[tuple[Subscriber, bool]] = []

    def subscribe(self, callback: Subscriber, *, logs: bool = False) -> Callable[[], None]:
        """Register ``callback``; return a function that unsubscribes it.

        Args:
            callback: Called with each event, on the engine thread that produced it.
            logs: Also deliver :class:`LogLine` events (every line of every render).
        """
        entry = (callback, logs)
        with self._lock:
            self._subscribers = [*self._subscribers, entry]

        def unsubscribe() -> None:
            with self._lock:
                self._subscribers = [s for s in self._subscribers if s is not entry]

        return unsubscribe

    def wants_logs(self) -> bool:
        """True when at least one subscriber asked for log lines (skip building them otherwise)."""
        return any(logs for _, logs in self._subscribers)

    def publish(self, event: Event) -> None:
        """Deliver ``event`` to every subscriber (copy-on-write list: no lock held while calling)."""
        is_log = isinstance(event, LogLine)
        for callback, logs in self._subscribers:
            if is_log and not logs:
                continue
            try:
                callback(event)
            except Exception:  # a subscriber's bug must not break the engine
                _LOG.exception("event subscriber %r failed on %s", callback, event.NAME)
