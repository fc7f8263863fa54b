"""The job's task table as :class:`~lrc_toolbox.core.models.TaskStatus` rows, for any thread.

Rules for a row: a running task shows its elapsed time and an estimate of what is left (its frames
not verified yet times the measured frame time of its layers, plus what is left of the start-up
while its first frame has not begun), and no estimate until its layers' frame times are measured;
a finished task shows its end state
(a task that never got one is shown failed) and how many of its frames ended without a verified
image. The reason is the end (or stop) reason, else the launch error.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from lrc_toolbox.core.models import TaskState, TaskStatus
from lrc_toolbox.core.scheduler import CostModel
from lrc_toolbox.core.task_run import TaskRun


def status_row(task: TaskRun, *, now: float, running: bool, cost: CostModel) -> TaskStatus:
    """One task's row.

    Args:
        task: The task.
        now: The job clock's monotonic() now.
        running: The task is still running (not finalised).
        cost: The job's cost model (frame times for the estimate).
    """
    spec = task.spec
    state = TaskState.RUNNING if running else (task.stop_state or TaskState.FAILED)
    done = len(task.done)
    total = task.key_count
    eta = None
    names = [layer.name for layer in task.layers]
    if running and names and all(cost.is_measured(name) for name in names):
        # Only from measured frame times: a prior made every starting task read the same guess.
        per_frame = sum(cost.frame_s(name) for name in names) / len(names)
        eta = max(0.0, (total - done) * per_frame)
        if task.render_started_at is None:
            eta += max(0.0, cost.startup_s() - (now - task.launched_at))
    return TaskStatus(
        task_id=spec.task_id,
        layers=spec.layers,
        frames=task.frames,
        gpu=spec.slot.label,
        pid=task.process.pid if task.process is not None else None,
        state=state,
        frames_done=done,
        frames_failed=0 if running else total - done,
        current_frame=task.current_frame,
        percent=task.percent,
        attempt=spec.attempt,
        elapsed_s=now - task.launched_at if running else None,
        eta_s=eta,
        reason=task.stop_reason or task.launch_error,
        log_path=str(task.log_path),
    )


class StatusBoard:
    """The latest rows, written by the supervisor and read from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # A finished task's row never changes: made once, kept in finishing order, so a refresh
        # costs the running tasks only, however many tasks the job has finished.
        self._finished_rows: list[TaskStatus] = []
        self._finished_ids: set[str] = set()
        self._running_rows: list[TaskStatus] = []

    def task_finished(self, task: TaskRun, *, now: float, cost: CostModel) -> None:
        """Add a finished task's row (once)."""
        if task.task_id in self._finished_ids:
            return
        row = status_row(task, now=now, running=False, cost=cost)
        with self._lock:
            self._finished_ids.add(task.task_id)
            self._finished_rows.append(row)

    def refresh(
        self,
        *,
        running: Iterable[TaskRun],
        now: float,
        cost: CostModel,
        finished: Iterable[TaskRun] = (),
    ) -> None:
        """Rebuild the running tasks' rows (and add rows of ``finished`` tasks not seen yet)."""
        for task in finished:
            self.task_finished(task, now=now, cost=cost)
        rows = [status_row(task, now=now, running=True, cost=cost) for task in running]
        with self._lock:
            self._running_rows = rows

    def rows(self) -> list[TaskStatus]:
        """A copy of the latest rows: finished tasks first, then running ones."""
        with self._lock:
            return self._finished_rows + self._running_rows


__all__ = ["StatusBoard", "status_row"]
