"""Reads one task's log lines (on that task's follower thread) and reports what they mean.

The monitor owns the renderer's stateful :class:`LogParser` and is only ever called from the one
thread that follows the task's log, so it needs no lock. It turns parser events into small
:class:`Note` records, stamped with the time the line was read on the job's one
:class:`~lrc_toolbox.core.clock.Clock` (so the supervisor compares them with its own readings), and
hands them to the supervisor through a queue: the supervisor owns every piece of shared state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath

from lrc_toolbox.core.clock import SYSTEM_CLOCK, Clock
from lrc_toolbox.core.events import LogLevel
from lrc_toolbox.renderers.base import EventKind, LogEvent, LogParser
from lrc_toolbox.utils.str_enum import StrEnum


class NoteKind(StrEnum):
    """What a :class:`Note` reports."""

    RENDER_STARTED = "render_started"  # the first sign of rendering
    FRAME_STARTED = "frame_started"
    PROGRESS = "progress"  # percent of the current frame
    IMAGE = "image"  # the renderer reported an image path
    FRAME_FINISHED = "frame_finished"
    ERROR = "error"  # a non-fatal error line, kept to explain a missing frame
    FATAL = "fatal"  # a line that ends the task


@dataclass(frozen=True, slots=True)
class Note:
    """What a log line told us about a task, for the supervisor.

    Attributes:
        task_id: The task.
        kind: What the line reported (:class:`NoteKind`).
        at: The job clock's ``monotonic()`` when the line was read.
        layer: Artist-facing layer the line is about (combined tasks render several).
        frame: Frame number when known.
        percent: Percent of the current frame (``progress``).
        path: Image path (``image``).
        reason: Fatal reason (``fatal``) or the error line (``error``).
        deterministic: For ``fatal``: a retry cannot help.
    """

    task_id: str
    kind: NoteKind
    at: float
    layer: str | None = None
    frame: int | None = None
    percent: float | None = None
    path: str | None = None
    reason: str | None = None
    deterministic: bool = False


_LEVELS = {
    EventKind.WARNING: LogLevel.WARNING,
    EventKind.ERROR: LogLevel.ERROR,
    EventKind.FATAL: LogLevel.FATAL,
}


#: Events whose frame a still task replaces with its own (see ``still_frame``).
_FRAME_KINDS = frozenset({EventKind.FRAME_STARTED, EventKind.IMAGE_WRITTEN})


class TaskMonitor:
    """Feeds one task's log lines to its parser and emits :class:`Note` records.

    Args:
        task_id: The task.
        layers: ``(artist name, node name)`` per layer, in render order.
        parser: A fresh parser from the renderer profile.
        emit: Called with each note (the supervisor's queue ``put``).
        on_log: Called with ``(line, level)`` for every line, or None to skip that work.
        clock: The job's clock (the supervisor's own).
        still_frame: The frame of a still task (launched without ``-s/-e``), or None. A still's
            image name has no frame number (a number in it, like ``v002``, is not the frame)
            and its log may name no frame: everything it reports is about this frame.
    """

    def __init__(
        self,
        *,
        task_id: str,
        layers: Sequence[tuple[str, str]],
        parser: LogParser,
        emit: Callable[[Note], None],
        on_log: Callable[[str, LogLevel], None] | None = None,
        clock: Clock = SYSTEM_CLOCK,
        still_frame: int | None = None,
    ) -> None:
        self.task_id = task_id
        self._still_frame = still_frame
        self._layers = list(layers)
        self._parser = parser
        self._emit = emit
        self._on_log = on_log
        self._clock = clock
        self._layer_index = 0
        self._frames_seen_in_layer: set[int] = set()
        self._current_frame: int | None = None
        self._started = False

    @property
    def layer(self) -> str:
        """The layer the render is on now (combined tasks move from one to the next)."""
        return self._layers[self._layer_index][0]

    def feed(self, line: str) -> None:
        """Handle one log line (called by the task's follower thread only)."""
        events = self._parser.feed(line)
        if self._on_log is not None:
            level = LogLevel.INFO
            for event in events:
                level = _LEVELS.get(event.kind, level)
            self._on_log(line, level)
        for event in events:
            self._handle(event)

    # -- internals --------------------------------------------------------------------------------
    def _note(
        self,
        kind: NoteKind,
        *,
        layer: str | None = None,
        frame: int | None = None,
        percent: float | None = None,
        path: str | None = None,
        reason: str | None = None,
        deterministic: bool = False,
    ) -> None:
        self._emit(
            Note(
                self.task_id,
                kind,
                self._clock.monotonic(),
                layer=layer,
                frame=frame,
                percent=percent,
                path=path,
                reason=reason,
                deterministic=deterministic,
            )
        )

    def _mark_started(self) -> None:
        if not self._started:
            self._started = True
            self._note(NoteKind.RENDER_STARTED, layer=self.layer)

    def _follow_layer(self, frame: int | None, path: str | None) -> None:
        """Work out which layer a frame/image belongs to in a multi-layer (combined) task.

        Maya renders all frames of one layer, then the next. A path that names a layer folder
        decides; otherwise a frame number we already saw in this layer means the next layer began.
        """
        if len(self._layers) == 1:
            return
        if path:
            parts = set(PurePath(path.replace("\\", "/")).parts)
            for index, (name, node) in enumerate(self._layers):
                if name in parts or node in parts:
                    if index != self._layer_index:
                        self._layer_index = index
                        self._frames_seen_in_layer = set()
                    return
        if (
            frame is not None
            and frame in self._frames_seen_in_layer
            and frame != self._current_frame
            and self._layer_index < len(self._layers) - 1
        ):
            self._layer_index += 1
            self._frames_seen_in_layer = set()

    def _handle(self, event: LogEvent) -> None:
        kind = event.kind
        if (
            self._still_frame is not None
            and kind in _FRAME_KINDS
            and event.frame != self._still_frame
        ):
            event = replace(event, frame=self._still_frame)
        if kind is EventKind.FRAME_STARTED:
            self._mark_started()
            if event.frame is not None:
                if event.frame in self._frames_seen_in_layer or (
                    self._current_frame is not None and event.frame < self._current_frame
                ):
                    self._follow_layer(event.frame, None)
                self._current_frame = event.frame
                self._frames_seen_in_layer.add(event.frame)
            self._note(NoteKind.FRAME_STARTED, layer=self.layer, frame=event.frame)
        elif kind is EventKind.PROGRESS:
            self._mark_started()
            self._note(
                NoteKind.PROGRESS,
                layer=self.layer,
                frame=self._current_frame,
                percent=event.percent,
            )
        elif kind is EventKind.IMAGE_WRITTEN:
            self._mark_started()
            frame = event.frame if event.frame is not None else self._current_frame
            self._follow_layer(frame, event.path)
            if frame is not None:
                self._frames_seen_in_layer.add(frame)
                self._current_frame = frame
            self._note(NoteKind.IMAGE, layer=self.layer, frame=frame, path=event.path)
        elif kind is EventKind.FRAME_FINISHED:
            self._note(NoteKind.FRAME_FINISHED, layer=self.layer, frame=self._current_frame)
        elif kind is EventKind.ERROR:
            self._note(
                NoteKind.ERROR,
                layer=self.layer,
                frame=self._current_frame,
                reason=event.reason or event.line.strip(),
            )
        elif kind is EventKind.FATAL:
            self._note(
                NoteKind.FATAL,
                layer=self.layer,
                frame=self._current_frame,
                reason=event.reason or event.line.strip(),
                deterministic=event.deterministic,
            )
