"""What a finished task leaves behind: frames done, requeued, failed for good; the task's end state.

:func:`decide_outcome` is pure: it gets what verification found (:class:`TaskEnd`) and
returns a :class:`TaskOutcome`; the supervisor applies it (queue, store, events). The rules:

* a frame is done only when verification said so; the **exit code alone never decides**: exit 0
  with a missing frame fails that frame ("skipped silently"), and exit != 0 after every frame was
  verified still succeeds (the code is reported);
* a missing frame's reason names the first cause that applies: the launch error, the fatal log
  line, the stop (watchdog kill, GPU lost, user), a bad reported image, then what the exit code
  says; the task's last error line for that frame is appended when there is one;
* missing frames go back to the queue (only those, on whichever slot frees first) while the frame
  has been given to at most ``retries`` + 1 tasks (:func:`split_retries`);
* nothing is retried after a *deterministic* fatal line (licence, bad scene, missing plug-in, bad
  usage: a retry cannot help), a cancel, or a launch error; after a deterministic fatal line or a
  launch error the layer's still queued frames fail with the same reason, and after a launch error
  (executable deleted, no permission: every launch would fail) the whole queue does;
* the task's end state: a launch error fails it; a user stop or cancel cancels it; a watchdog kill
  is *killed* (saying so when every frame was verified before the kill); a fatal line fails it;
  a missing frame fails it; otherwise it succeeded;
* a task that gave its later frames to another task (a tail split, see
  :mod:`~lrc_toolbox.core.tail_split`) is judged on the frames it kept only: the supervisor stopped
  it at a frame boundary on purpose, so every kept frame verified is a success whatever its exit
  code (the stop's signal), and a kept frame it did not deliver is retried like any missing frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from lrc_toolbox.core.models import TaskState

#: A frame of a task: (layer name, frame number).
FrameKey = tuple[str, int]


def split_retries(
    frames: Iterable[int], attempts: Mapping[int, int], *, retries: int, retryable: bool
) -> tuple[list[int], list[int]]:
    """Split missing frames into those retried and those failed for good.

    Args:
        frames: Frames without a verified image.
        attempts: Tasks each frame was given so far (this one included).
        retries: Extra attempts allowed per frame after the first.
        retryable: False when a retry cannot help (deterministic failure, cancel, launch error).

    Returns:
        (frames to requeue, frames failed for good), each in the given order.
    """
    requeued: list[int] = []
    failed: list[int] = []
    for frame in frames:
        if retryable and attempts.get(frame, 0) <= retries:
            requeued.append(frame)
        else:
            failed.append(frame)
    return requeued, failed


@dataclass(frozen=True)
class TaskEnd:
    """What the supervisor knows about a task whose process tree is gone.

    Attributes:
        keys: Every (layer, frame) of the task, in render order.
        verified: The keys verification accepted.
        why_missing: For unverified keys, what was wrong with a reported image ("" or absent:
            nothing was reported).
        exit_code: The process's exit code; None when unknown (a render re-attached after its
            manager died) or never launched.
        launch_error: Why the render could not be started, or None.
        fatal_reason: A fatal log line's reason, or None.
        fatal_deterministic: That fatal line means a retry cannot help.
        stop_state: How the supervisor stopped it (cancelled or killed), or None.
        stop_reason: Why it was stopped, or None.
        last_errors: The last (non-fatal) error line logged per key.
        naming_known: Layers whose image naming is known (so an image could be looked for).
        attempts: Tasks each unverified key was given so far (this one included).
        retries: The job's retry budget per frame.
        handed_over: What it gave to other tasks before it was stopped at a frame boundary (a
            tail split; its ``keys`` are only the frames it kept), or None.
    """

    keys: tuple[FrameKey, ...]
    verified: frozenset[FrameKey]
    exit_code: int | None = None
    why_missing: Mapping[FrameKey, str] = field(default_factory=dict)
    launch_error: str | None = None
    fatal_reason: str | None = None
    fatal_deterministic: bool = False
    stop_state: TaskState | None = None
    stop_reason: str | None = None
    last_errors: Mapping[FrameKey, str] = field(default_factory=dict)
    naming_known: frozenset[str] = frozenset()
    attempts: Mapping[FrameKey, int] = field(default_factory=dict)
    retries: int = 0
    handed_over: str | None = None


@dataclass(frozen=True)
class LayerOutcome:
    """The missing frames of one layer of a finished task.

    Attributes:
        layer: The layer.
        missing: Its frames without a verified image, in render order.
        requeued: Those going back to the queue.
        failed: Those failed for good.
        reasons: Why each missing frame is missing.
        drop_queued_reason: When set, the layer's still queued frames fail with this reason.
    """

    layer: str
    missing: tuple[int, ...]
    requeued: tuple[int, ...]
    failed: tuple[int, ...]
    reasons: Mapping[int, str]
    drop_queued_reason: str | None = None


@dataclass(frozen=True)
class TaskOutcome:
    """The decision for a finished task.

    Attributes:
        state: The task's end state.
        reason: Why (None for a plain success).
        layers: Per layer with missing frames, in render order.
        drop_all_reason: When set, every queued frame of the job fails with this reason.
    """

    state: TaskState
    reason: str | None
    layers: tuple[LayerOutcome, ...] = ()
    drop_all_reason: str | None = None

    @property
    def missing(self) -> dict[str, list[int]]:
        """Missing frames per layer."""
        return {item.layer: list(item.missing) for item in self.layers}

    @property
    def frames_missing(self) -> list[int]:
        """Every missing frame number, sorted (the task_finished event's list)."""
        return sorted(frame for item in self.layers for frame in item.missing)


def missing_reason(task: TaskEnd, key: FrameKey) -> str:
    """Why ``key`` of a finished task has no verified image (see the module rules)."""
    frame = key[1]
    if task.launch_error:
        return task.launch_error
    if task.fatal_reason:
        return task.fatal_reason
    if task.stop_reason:
        return f"render stopped before frame {frame} was written: {task.stop_reason}"
    why = task.why_missing.get(key, "")
    if task.handed_over and not why:
        why = (
            f"render stopped at a frame boundary ({task.handed_over}) before frame {frame} "
            "was verified"
        )
    if why:
        return why
    if task.exit_code is None:
        text = (
            f"render ended without writing frame {frame} (exit code unknown: it was "
            "followed again after its manager died)"
        )
    elif task.exit_code != 0:
        text = f"render exited with code {task.exit_code} before writing frame {frame}"
    elif key[0] not in task.naming_known:
        text = (
            f"render exited 0 without reporting an image for frame {frame}, and the "
            "layer's image naming is unknown, so no image could be looked for"
        )
    else:
        text = f"render exited 0 but wrote no image for frame {frame} (skipped silently)"
    error = task.last_errors.get(key)
    return f"{text}; its last error: {error}" if error else text


def end_state(task: TaskEnd, missing_count: int) -> tuple[TaskState, str | None]:
    """The task's end state and reason (see the module rules).

    Args:
        task: The finished task.
        missing_count: How many of its frames have no verified image.
    """
    if task.launch_error:
        return TaskState.FAILED, task.launch_error
    if task.stop_state is TaskState.CANCELLED:
        return TaskState.CANCELLED, task.stop_reason
    if task.stop_state is TaskState.KILLED:
        if not missing_count:
            return TaskState.KILLED, f"{task.stop_reason}; every frame was verified before the kill"
        return TaskState.KILLED, task.stop_reason
    if task.fatal_reason:
        return TaskState.FAILED, task.fatal_reason
    if missing_count:
        return TaskState.FAILED, f"{missing_count} frame(s) without a verified image"
    if task.handed_over:
        return TaskState.SUCCEEDED, f"stopped after its last kept frame: {task.handed_over}"
    if task.exit_code not in (0, None):
        return TaskState.SUCCEEDED, f"exited with code {task.exit_code} after writing every frame"
    return TaskState.SUCCEEDED, None


def decide_outcome(task: TaskEnd) -> TaskOutcome:
    """Decide what happens to a finished task's frames and what state it ends in.

    Args:
        task: What verification found, and how the task ended.

    Returns:
        The outcome, for the supervisor to apply.
    """
    missing: dict[str, list[int]] = {}
    for key in task.keys:
        if key not in task.verified:
            missing.setdefault(key[0], []).append(key[1])
    count = sum(len(frames) for frames in missing.values())
    state, reason = end_state(task, count)
    retryable = (
        not task.fatal_deterministic
        and state is not TaskState.CANCELLED
        and task.launch_error is None
    )
    layers = []
    for layer, frames in missing.items():
        reasons = {frame: missing_reason(task, (layer, frame)) for frame in frames}
        attempts = {frame: task.attempts.get((layer, frame), 0) for frame in frames}
        requeued, failed = split_retries(
            frames, attempts, retries=task.retries, retryable=retryable
        )
        drop = None
        if task.fatal_deterministic or task.launch_error is not None:
            drop = f"not rendered: {reasons[frames[0]]}"
        layers.append(
            LayerOutcome(layer, tuple(frames), tuple(requeued), tuple(failed), reasons, drop)
        )
    drop_all = f"not rendered: {task.launch_error}" if task.launch_error is not None else None
    return TaskOutcome(state, reason, tuple(layers), drop_all)


__all__ = [
    "TaskEnd",
    "FrameKey",
    "LayerOutcome",
    "TaskOutcome",
    "decide_outcome",
    "end_state",
    "missing_reason",
    "split_retries",
]
