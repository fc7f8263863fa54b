"""Plain-Python events the engine publishes, and a thread-safe bus to subscribe to them.

The CLI prints them (a progress display, or JSON Lines with ``--json``), TD scripts receive them as
callbacks, and the dialog's bridge turns them into Qt signals. No Qt here: subscribers are plain
callables, called on whatever engine thread produced the event, so they must be quick and
thread-safe (the dialog's bridge only queues them).

A task is named by ``task_id`` (``t0001``, unique within its job) on every event. The JSON form
also carries the same id under ``task``, the key the first JSON Lines output used, so scripts that
parse it keep working (:meth:`Event.to_dict`); ``event.task`` reads the same id in Python.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from lrc_toolbox.core.models import JobState, TaskState
from lrc_toolbox.utils.str_enum import StrEnum

_LOG = logging.getLogger(__name__)

#: The JSON key that repeats ``task_id`` for scripts written against the first JSON Lines output.
TASK_KEY_ALIAS = "task"


class EventName(StrEnum):
    """The JSON ``event`` key of each event class."""

    EVENT = "event"
    JOB_STARTED = "job_started"
    TASK_STARTED = "task_started"
    PROGRESS = "progress"
    LOG = "log"
    FRAME_DONE = "frame_done"
    FRAME_FAILED = "frame_failed"
    TASK_FINISHED = "task_finished"
    NOTICE = "notice"
    JOB_PROGRESS = "job_progress"
    SUMMARY = "summary"


class LogLevel(StrEnum):
    """Severity of a render's log line, least severe first (:attr:`rank` orders them)."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
    FATAL = "fatal"

    @property
    def rank(self) -> int:
        """0 for ``info`` ... 3 for ``fatal``."""
        return list(LogLevel).index(self)


def _plain(value: Any) -> Any:
    """``value`` with enum members replaced by their plain values (the JSON form)."""
    if isinstance(value, StrEnum):
        return str(value)
    if isinstance(value, dict):
        return {_plain(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


@dataclass(frozen=True)
class Event:
    """Base of every engine event. ``to_dict`` gives the JSON Lines form (with an ``event`` key)."""

    job_id: str

    #: Name used in the JSON ``event`` key; overridden by each subclass.
    NAME: ClassVar[EventName] = EventName.EVENT

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict with an ``event`` key first.

        Values are plain (enum members become their text). An event about a task carries its id
        twice: ``task`` (the key of the first JSON Lines output, kept for scripts) just before
        the canonical ``task_id``.
        """
        data: dict[str, Any] = {"event": str(self.NAME)}
        for item in fields(self):
            value = _plain(getattr(self, item.name))
            if item.name == "task_id":
                data[TASK_KEY_ALIAS] = value
            data[item.name] = value
        return data


class _AboutATask:
    """Mixed into the events about one task: ``task`` reads ``task_id`` (the first API's name)."""

    task_id: str

    @property
    def task(self) -> str:
        """The task's id; ``task_id`` is the canonical name."""
        return self.task_id


@dataclass(frozen=True)
class JobStarted(Event):
    """A job was planned and its first tasks are about to launch."""

    NAME: ClassVar[EventName] = EventName.JOB_STARTED
    layers: dict[str, list[int]] = field(default_factory=dict)
    slots: list[str] = field(default_factory=list)
    renderer: str = ""
    render_exe: str = ""
    store_path: str = ""
    log_dir: str = ""
    notes: list[str] = field(default_factory=list)
    output_dir: str = ""  # the image folder every render gets (-rd)


@dataclass(frozen=True)
class TaskStarted(Event, _AboutATask):
    """A render process was launched for a task."""

    NAME: ClassVar[EventName] = EventName.TASK_STARTED
    task_id: str = ""
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
class Progress(Event, _AboutATask):
    """Progress of the current frame of a task (``percent`` of that frame)."""

    NAME: ClassVar[EventName] = EventName.PROGRESS
    task_id: str = ""
    layer: str = ""
    frame: int | None = None
    percent: float | None = None
    frames_done: int = 0
    frames_total: int = 0


@dataclass(frozen=True)
class LogLine(Event, _AboutATask):
    """One line of a task's log. Only subscribers that ask for logs get them (they are many)."""

    NAME: ClassVar[EventName] = EventName.LOG
    task_id: str = ""
    line: str = ""
    level: LogLevel = LogLevel.INFO

    def __post_init__(self) -> None:
        """Accept a level given as its text (``"warning"``)."""
        object.__setattr__(self, "level", LogLevel(self.level))


@dataclass(frozen=True)
class FrameDone(Event, _AboutATask):
    """A frame has a verified, non-empty image (``task_id`` "": it existed before the job)."""

    NAME: ClassVar[EventName] = EventName.FRAME_DONE
    layer: str = ""
    frame: int = 0
    output: str = ""
    task_id: str = ""


@dataclass(frozen=True)
class FrameFailed(Event, _AboutATask):
    """A frame has no verified image after a task ended (``will_retry`` says if it is requeued)."""

    NAME: ClassVar[EventName] = EventName.FRAME_FAILED
    layer: str = ""
    frame: int = 0
    reason: str = ""
    task_id: str = ""
    will_retry: bool = False


@dataclass(frozen=True)
class TaskFinished(Event, _AboutATask):
    """A task ended: succeeded, failed, killed (watchdog) or cancelled (user)."""

    NAME: ClassVar[EventName] = EventName.TASK_FINISHED
    task_id: str = ""
    status: TaskState | None = None  # the engine always sets it
    exit_code: int | None = None
    reason: str | None = None
    frames_done: list[int] = field(default_factory=list)
    frames_missing: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        """Accept a state given as its text (``"succeeded"``)."""
        if self.status is not None:
            object.__setattr__(self, "status", TaskState(self.status))


@dataclass(frozen=True)
class Notice(Event):
    """Something the user should know that is not a failure (a GPU slot busy elsewhere...)."""

    NAME: ClassVar[EventName] = EventName.NOTICE
    message: str = ""


@dataclass(frozen=True)
class JobProgress(Event):
    """The job as a whole: frames verified, failed and in all, and the time left (any thread).

    Published when frames are verified or fail (at most every 0.1 s in a burst), about once a
    second while renders run, and once at the end (:mod:`lrc_toolbox.core.job_estimate`). ``eta_s`` is None until a frame has been timed: the
    estimate comes from the learned start-up and per-layer frame times, never from a guess.
    """

    NAME: ClassVar[EventName] = EventName.JOB_PROGRESS
    frames_done: int = 0
    frames_failed: int = 0
    frames_total: int = 0
    frames_requeued: int = 0
    eta_s: float | None = None
    elapsed_s: float = 0.0


@dataclass(frozen=True)
class JobFinished(Event):
    """The last event of a job: what is done and what failed, per layer."""

    NAME: ClassVar[EventName] = EventName.SUMMARY
    ok: bool = False
    state: JobState | None = None  # the engine always sets it
    layers: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    elapsed_s: float = 0.0
    reason: str | None = None

    def __post_init__(self) -> None:
        """Accept a state given as its text (``"cancelled"``)."""
        if self.state is not None:
            object.__setattr__(self, "state", JobState(self.state))


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
