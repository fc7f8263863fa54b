"""Is a running render still healthy? The watchdog as one pure decision.

:func:`decide` looks at a :class:`TaskView` (plain data about one running task), the time now and
the :class:`WatchdogLimits`, and returns an :class:`Action`. It reads no clock, no process and no
disk. The rules, in the order they are applied:

1. a task already being stopped is left alone (its stop is under way);
2. a fatal log line stops the task: **failed**, with the line as the reason;
3. a GPU that NVML no longer lists is lost: the task is **killed** with that reason;
4. *stalled start*: no render progress (no frame started, no percent, no image) within
   ``start_timeout_s`` of launch kills the task;
5. *hang*: no log output and no new image for ``hang_timeout_s`` kills the task;
6. *max task time* (optional): a task running longer than ``max_task_time_s`` is killed.

Frames a task verified before a kill stay done; only the missing ones are retried (see
:mod:`~lrc_toolbox.core.task_outcome`).

A render that prints nothing but keeps writing images is slow, not hung. Before rules 4 and 5 kill,
the decision asks for a look at the disk (:attr:`Act.LOOK`, with the instant to look from); the
caller probes the file system (predicted images newer than that instant, or, while the layer's
naming is unknown, any new file of the layer under the output folder: see
:mod:`~lrc_toolbox.core.output_activity`) and decides again with the answer in
:attr:`TaskView.disk_look`. New work found turns the kill into :attr:`Act.MARK_STARTED` (rule 4:
the render counts as started now) or :attr:`Act.MARK_ALIVE` (rule 5: the render counts as alive
now, so the next look comes one hang timeout later at the earliest). :func:`decide_with_look` runs
both steps with a probe function.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, replace

from lrc_toolbox.core.models import TaskState


@dataclass(frozen=True)
class WatchdogLimits:
    """The job's watchdog settings, in seconds.

    Attributes:
        start_timeout_s: Longest wait from launch to the first sign of rendering.
        hang_timeout_s: Longest silence (no output, no new image) of a running render.
        max_task_time_s: Longest run of one task, or None for no limit.
    """

    start_timeout_s: float
    hang_timeout_s: float
    max_task_time_s: float | None = None


@dataclass(frozen=True)
class DiskLook:
    """The answer of a look at the disk for a task's new work.

    Attributes:
        since: The monotonic instant the look was made from (what :attr:`Action.since` asked).
        found: A new image (or output file) of the task was written after ``since``.
    """

    since: float
    found: bool


@dataclass(frozen=True)
class TaskView:
    """What the watchdog knows about one running task. Times are the job clock's monotonic().

    Attributes:
        launched_at: When the task was launched (or taken back after a manager crash).
        render_started_at: First sign of rendering from its log, or None yet.
        last_output_at: Last time its log grew, or None before any output.
        last_image_at: Last image it reported (or last time it was found alive on disk).
        stopping: A stop was already asked for.
        fatal_reason: A fatal log line's reason, or None.
        gpu_lost_reason: Why its GPU is gone from NVML's list, or None.
        disk_look: The answer to a look at the disk asked for by this decision, or None.
    """

    launched_at: float
    render_started_at: float | None = None
    last_output_at: float | None = None
    last_image_at: float | None = None
    stopping: bool = False
    fatal_reason: str | None = None
    gpu_lost_reason: str | None = None
    disk_look: DiskLook | None = None

    @property
    def last_sign_of_life(self) -> float:
        """The latest of launch, last output and last image."""
        times = [t for t in (self.last_output_at, self.last_image_at) if t is not None]
        return max([self.launched_at, *times])


class Act(enum.Enum):
    """What the supervisor should do with a running task."""

    KEEP = "keep"
    STOP = "stop"
    LOOK = "look"
    MARK_STARTED = "mark_started"
    MARK_ALIVE = "mark_alive"


@dataclass(frozen=True)
class Action:
    """The watchdog's decision for one task.

    Attributes:
        act: What to do.
        state: For :attr:`Act.STOP`: the state the task ends in (failed or killed).
        reason: For :attr:`Act.STOP`: why, in words for the artist.
        since: For :attr:`Act.LOOK`: look for work written after this monotonic instant.
    """

    act: Act
    state: TaskState | None = None
    reason: str | None = None
    since: float | None = None


KEEP = Action(Act.KEEP)


def _stop(state: TaskState, reason: str) -> Action:
    return Action(Act.STOP, state=state, reason=reason)


def _looked(view: TaskView, since: float) -> DiskLook | None:
    look = view.disk_look
    return look if look is not None and look.since == since else None


def decide(view: TaskView, now: float, limits: WatchdogLimits) -> Action:
    """Apply the watchdog rules (module docstring) to one running task.

    Args:
        view: The task, as plain data.
        now: The job clock's monotonic() now.
        limits: The job's limits.

    Returns:
        The action; :attr:`Act.LOOK` when a kill depends on the disk and ``view.disk_look`` does
        not answer that question yet.
    """
    if view.stopping:
        return KEEP
    if view.fatal_reason is not None:
        return _stop(TaskState.FAILED, view.fatal_reason)
    if view.gpu_lost_reason is not None:
        return _stop(TaskState.KILLED, view.gpu_lost_reason)
    last_life = view.last_sign_of_life
    if view.render_started_at is None and now - view.launched_at > limits.start_timeout_s:
        look = _looked(view, view.launched_at)
        if look is None:
            return Action(Act.LOOK, since=view.launched_at)
        if look.found:
            return Action(Act.MARK_STARTED)  # prints nothing, but its images appear
        return _stop(
            TaskState.KILLED,
            f"no render progress {limits.start_timeout_s:g}s after launch (stalled start)",
        )
    if now - last_life > limits.hang_timeout_s:
        look = _looked(view, last_life)
        if look is None:
            return Action(Act.LOOK, since=last_life)
        if look.found:
            return Action(Act.MARK_ALIVE)  # silent but still writing images: not hung
        return _stop(
            TaskState.KILLED, f"hung: no output and no new image for {limits.hang_timeout_s:g}s"
        )
    if limits.max_task_time_s is not None and now - view.launched_at > limits.max_task_time_s:
        return _stop(
            TaskState.KILLED,
            f"ran longer than the maximum task time ({limits.max_task_time_s:g}s)",
        )
    return KEEP


def decide_with_look(
    view: TaskView, now: float, limits: WatchdogLimits, look: Callable[[float], bool]
) -> Action:
    """:func:`decide`, answering a :attr:`Act.LOOK` with ``look`` and deciding again.

    Args:
        view: The task, as plain data.
        now: The job clock's monotonic() now.
        limits: The job's limits.
        look: The disk probe: True when the task wrote something after the given instant.

    Returns:
        An action other than :attr:`Act.LOOK`.
    """
    action = decide(view, now, limits)
    if action.act is Act.LOOK and action.since is not None:
        answer = DiskLook(action.since, look(action.since))
        action = decide(replace(view, disk_look=answer), now, limits)
    return action


__all__ = [
    "KEEP",
    "Act",
    "Action",
    "DiskLook",
    "TaskView",
    "WatchdogLimits",
    "decide",
    "decide_with_look",
]
