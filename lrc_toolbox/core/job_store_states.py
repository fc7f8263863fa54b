"""The job store's state machines as tables: which job, task and frame moves are allowed.

Anything a table does not list raises
:class:`~lrc_toolbox.core.job_store_errors.InvalidTransitionError` in
:class:`~lrc_toolbox.core.job_store.JobStore`. Frame states that mean "a verified image exists"
(``done``, ``skipped_existing``) are final and *sticky*: reports that would change them are ignored
rather than rejected, because a killed task's frames that already have verified images stay done.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lrc_toolbox.core.models import FrameState, JobState, TaskState

__all__ = [
    "FINAL_JOB_STATES",
    "FRAME_TRANSITIONS",
    "JOB_TRANSITIONS",
    "STICKY_FRAME_STATES",
    "TASK_TRANSITIONS",
    "state_names",
]

#: Allowed task moves. ``queued -> failed`` is the launch failure (no executable, spawn refused):
#: there is no pid, so the task never was ``running``.
TASK_TRANSITIONS: dict[TaskState, frozenset[TaskState]] = {
    TaskState.QUEUED: frozenset({TaskState.RUNNING, TaskState.CANCELLED, TaskState.FAILED}),
    TaskState.RUNNING: frozenset(
        {TaskState.SUCCEEDED, TaskState.FAILED, TaskState.KILLED, TaskState.CANCELLED}
    ),
    TaskState.SUCCEEDED: frozenset(),
    TaskState.FAILED: frozenset(),
    TaskState.KILLED: frozenset(),
    TaskState.CANCELLED: frozenset(),
}

#: Allowed job moves. ``running -> running`` is accepted as a no-op (every task start may say so);
#: ``queued -> failed`` covers a job that dies while preparing (scene snapshot failed, no GPU).
JOB_TRANSITIONS: dict[JobState, frozenset[JobState]] = {
    JobState.QUEUED: frozenset({JobState.RUNNING, JobState.CANCELLED, JobState.FAILED}),
    JobState.RUNNING: frozenset(
        {JobState.RUNNING, JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED}
    ),
    JobState.SUCCEEDED: frozenset(),
    JobState.FAILED: frozenset(),
    JobState.CANCELLED: frozenset(),
}

#: Allowed frame moves. ``rendering -> pending`` hands a frame back (its task stopped before it);
#: ``failed -> pending`` is a retry; ``pending -> failed`` gives up a frame that never got a turn
#: (job cancelled, launch failed, the layer hit a fatal error): its ``attempts`` stays as it was.
FRAME_TRANSITIONS: dict[FrameState, frozenset[FrameState]] = {
    FrameState.PENDING: frozenset(
        {FrameState.RENDERING, FrameState.FAILED, FrameState.SKIPPED_EXISTING}
    ),
    FrameState.RENDERING: frozenset({FrameState.PENDING, FrameState.DONE, FrameState.FAILED}),
    FrameState.FAILED: frozenset({FrameState.PENDING, FrameState.SKIPPED_EXISTING}),
    FrameState.DONE: frozenset(),
    FrameState.SKIPPED_EXISTING: frozenset(),
}

#: Frame states backed by a verified image on disk; later reports never change them.
STICKY_FRAME_STATES = frozenset({FrameState.DONE, FrameState.SKIPPED_EXISTING})

#: Job states with no way out (they stamp ``ended_at``; only these may be deleted or pruned).
FINAL_JOB_STATES = frozenset(state for state, nxt in JOB_TRANSITIONS.items() if not nxt)


def state_names(states: Iterable[Any]) -> str:
    """The states' values, sorted and comma-separated, for an error message."""
    names = sorted(state.value for state in states)
    return ", ".join(names) if names else "nothing, it is final"
