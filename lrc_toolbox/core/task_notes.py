"""What a task's notes do to its state: frames opened and closed, images, progress, fatal lines.

Follower threads put :class:`~lrc_toolbox.core.task_monitor.Note` records in the applier's inbox
(:meth:`NoteApplier.emit`); the supervisor drains it on its own thread (:meth:`NoteApplier.drain`)
and every note changes its running task. The rules:

* the first sign of rendering marks the render started and teaches the cost model the start-up
  time (launch to first progress), which the job store keeps for later jobs;
* a frame is *open* from its start (or its first image) until the renderer moves on to another
  frame, says it finished, or the task ends; closing it verifies it (see
  :mod:`~lrc_toolbox.core.verification`) and, when verified, teaches the cost model its frame time
  (kept with the frame in the job store);
  what was wrong with a reported image is kept to explain the frame if it ends missing;
* every reported image is remembered for its frame and teaches the layer's naming;
* the first fatal line is kept (with whether it is deterministic); the watchdog stops the task;
* a non-fatal error line is kept per frame (cut to :data:`MAX_REASON_CHARS`) to explain a missing
  frame; progress events are coalesced to whole percents (Redshift prints a line per block);
* a task that is not :attr:`~lrc_toolbox.core.task_run.TaskRun.timed` (a render re-attached after
  a crash, whose log is replayed at once) teaches the cost model nothing.
"""

from __future__ import annotations

import queue
from collections.abc import Callable, Mapping

from lrc_toolbox.core.job_recorder import JobRecorder
from lrc_toolbox.core.scheduler import CostModel
from lrc_toolbox.core.task_monitor import Note, NoteKind
from lrc_toolbox.core.task_outcome import FrameKey
from lrc_toolbox.core.task_run import TaskRun
from lrc_toolbox.core.verification import ImageNaming

#: Longest renderer error line quoted in a frame's failure reason.
MAX_REASON_CHARS = 300


class NoteApplier:
    """Receives notes from follower threads and applies them to running tasks.

    Only :meth:`emit` may be called from a follower thread; the rest runs on the supervisor's.

    Args:
        cost: The job's cost model (start-up and frame times are learned here).
        naming: The job's image naming (learned from reported images).
        recorder: Publishes progress.
        verify: Verifies one (layer, frame) of a task, recording it when done; returns
            (verified, what is wrong with a reported image or "").
    """

    def __init__(
        self,
        *,
        cost: CostModel,
        naming: ImageNaming,
        recorder: JobRecorder,
        verify: Callable[[TaskRun, FrameKey], tuple[bool, str]],
    ) -> None:
        self._cost = cost
        self._naming = naming
        self._recorder = recorder
        self._verify = verify
        # None wakes the supervisor without a note (a render's log was read to its end).
        self._inbox: queue.SimpleQueue[Note | None] = queue.SimpleQueue()

    def emit(self, note: Note) -> None:
        """Queue a note for the supervisor (a task monitor's ``emit``; any thread)."""
        self._inbox.put(note)

    def wake(self) -> None:
        """Wake the supervisor now (any thread): a render ended and its log was read to the end."""
        self._inbox.put(None)

    def drain(self, running: Mapping[str, TaskRun], timeout: float) -> None:
        """Wait up to ``timeout`` for a note, then apply every queued note.

        Args:
            running: The running tasks by id (notes of other tasks are dropped).
            timeout: Seconds to wait for the first note (the supervisor's tick).
        """
        try:
            note = self._inbox.get(timeout=timeout)
        except queue.Empty:
            return
        self._apply_to(running, note)
        self.drain_now(running)

    def drain_now(self, running: Mapping[str, TaskRun]) -> None:
        """Apply every note queued now, without waiting.

        When a task is being finalised, pass it among ``running``: its follower has read the
        whole log, and its last notes may still be queued.
        """
        while True:
            try:
                note = self._inbox.get_nowait()
            except queue.Empty:
                return
            self._apply_to(running, note)

    def _apply_to(self, running: Mapping[str, TaskRun], note: Note | None) -> None:
        if note is None:
            return
        task = running.get(note.task_id)
        if task is not None:
            self.apply(task, note)

    def apply(self, task: TaskRun, note: Note) -> None:
        """Apply one note of ``task`` (see the module rules)."""
        if note.kind is NoteKind.RENDER_STARTED:
            if task.render_started_at is None:
                task.render_started_at = note.at
                if task.timed:
                    self._cost.record_startup(note.at - task.launched_at)
                    startup = max(0.0, note.at - task.launched_at)
                    self._recorder.task_startup(task.task_id, startup)
            return
        if note.kind is NoteKind.FATAL:
            if task.fatal_reason is None:
                task.fatal_reason = note.reason
                task.fatal_deterministic = note.deterministic
            return
        layer = note.layer or task.layers[0].name
        if note.kind is NoteKind.ERROR:
            if note.frame is not None and note.reason:
                task.errors[(layer, note.frame)] = note.reason[:MAX_REASON_CHARS]
            return
        if note.kind is NoteKind.FRAME_STARTED and note.frame is not None:
            self._open_frame(task, (layer, note.frame), note.at)
        elif note.kind is NoteKind.PROGRESS:
            task.percent = note.percent
            self._publish_progress(task, layer, note.frame)
        elif note.kind is NoteKind.IMAGE and note.path:
            frame = note.frame
            if frame is None:
                return
            key = (layer, frame)
            if task.open_frame != key:
                self._open_frame(task, key, note.at)
            task.images.setdefault(key, [])
            if note.path not in task.images[key]:
                task.images[key].append(note.path)
            task.last_image_at = note.at
            self._naming.learn(layer, note.path, frame, still=task.still)
        elif note.kind is NoteKind.FRAME_FINISHED and task.open_frame is not None:
            self.close_frame(task, note.at)

    def close_frame(self, task: TaskRun, at: float) -> None:
        """The renderer moved on from the open frame (or the task ended): verify it now."""
        key = task.open_frame
        if key is None:
            return
        task.open_frame = None
        if key in task.done or not task.has_key(key):
            return
        # A re-attached render's replayed lines are not timed (see ``TaskRun.timed``).
        seconds = (
            max(0.0, at - task.open_since) if task.open_since is not None and task.timed else None
        )
        if seconds is not None:
            task.frame_seconds[key] = seconds
        ok, why = self._verify(task, key)
        if ok:
            if seconds is not None:
                self._cost.record_frame(key[0], seconds)
        elif why:
            task.bad[key] = why

    def _open_frame(self, task: TaskRun, key: FrameKey, at: float) -> None:
        if task.open_frame is not None and task.open_frame != key:
            self.close_frame(task, at)
        if task.open_frame != key:
            task.open_frame = key
            task.open_since = at
            task.current_layer, task.current_frame = key
            task.percent = 0.0
            task.note_begun(key[1])

    def _publish_progress(self, task: TaskRun, layer: str, frame: int | None) -> None:
        percent = task.percent
        rounded = None if percent is None else int(percent)
        if rounded == task.last_percent_published:
            return  # coalesce: Redshift prints a line per block
        task.last_percent_published = rounded
        self._recorder.progress(
            task.task_id,
            layer=layer,
            frame=frame,
            percent=percent,
            frames_done=len(task.done),
            frames_total=task.key_count,
        )


__all__ = ["MAX_REASON_CHARS", "NoteApplier"]
