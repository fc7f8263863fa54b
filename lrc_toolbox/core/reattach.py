"""Resuming a job whose manager died: what the store says, and taking surviving renders back.

Renders run in their own session with their output in their own log file, so they outlive the
manager that started them. ``resume`` reads the job store into a :class:`ResumeState`:

* verified frames stay done; failed frames stay failed; frames of tasks that never started go back
  to the queue; task ids continue after the last one; attempt counts carry over (retries are not
  reset);
* tasks recorded as running are taken back (:class:`TaskAttachment`): alive (same pid **and** start
  time) → the log is followed again from its first line of output (the parser rebuilds what the
  render reported), its GPU lease is adopted and its process is registered with the job's
  process manager, so every way of stopping a task (watchdog, a user's stop, cancel) stops its
  whole tree; gone → the log is replayed to its end and the task finalised. Verification decides,
  as always; the exit code is unknown (only a parent can read it);
* a render that had given its later frames to another task (a tail split) keeps only the frames
  up to its keep point, as the store recorded it when the split was decided, and is stopped there
  as before the crash: the frames it gave away are rendered once;
* a survivor's notes do not teach the cost model (its replayed lines arrive in a burst, so their
  times say nothing): the estimates, the ETA and the tail splits (which may now cut a survivor,
  since its stop reaches it) learn from the renders launched here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lrc_toolbox.core.planner import PlannedLayer
from lrc_toolbox.core.scheduler import Slot, TaskSpec
from lrc_toolbox.core.slot_dispatch import SlotDispatcher
from lrc_toolbox.core.task_run import TaskRun
from lrc_toolbox.utils.frame_parser import FrameRun, FrameSet
from lrc_toolbox.utils.render_subprocess import RenderProcess


@dataclass(frozen=True)
class TaskAttachment:
    """A render started by an earlier manager of the job, to follow again (or replay)."""

    task_id: str
    layers: tuple[str, ...]
    frames: tuple[int, ...]
    attempt: int
    slot_index: int | None
    gpu: str | None
    pid: int
    create_time: float | None
    log_path: str
    keep_through: int | None = None
    launched_wall: float | None = None

    @property
    def kept_frames(self) -> tuple[int, ...]:
        """The frames it still renders: all of them, or those up to its keep point."""
        if self.keep_through is None:
            return self.frames
        return tuple(frame for frame in self.frames if frame <= self.keep_through)


@dataclass
class ResumeState:
    """Where a job stood when its manager died, read back from the job store.

    Attributes:
        done: Verified frames per layer, with their image.
        failed: Frames that failed for good per layer, with the reason.
        pending: Frames still to render per layer (never started, or requeued).
        attempts: Tasks each frame was already given, per layer.
        attached: Renders that were running (alive now or not): followed, or their log replayed.
        next_task_number: Task ids continue after the last one used.
        old_temp_folders: The earlier managers' temp folders (their scene copies): removed when
            the resumed job ends, once its survivors are done with them.
    """

    done: dict[str, dict[int, str]]
    failed: dict[str, dict[int, str]]
    pending: dict[str, FrameSet]
    attempts: dict[str, dict[int, int]]
    attached: list[TaskAttachment]
    next_task_number: int
    old_temp_folders: tuple[str, ...] = ()


def survivor_slot(old: TaskAttachment, slots: Sequence[Slot], running_count: int) -> Slot:
    """The plan's slot a surviving render occupies.

    Same index and GPU first, then any slot of its GPU; a GPU no longer among the plan's slots is
    book-kept on a stand-alone slot (negative index: never handed to another task).

    Args:
        old: The surviving render.
        slots: The plan's slots.
        running_count: Tasks already running (numbers the stand-alone slots apart).
    """
    for slot in slots:
        if slot.index == old.slot_index and (old.gpu is None or slot.cuda_device == old.gpu):
            return slot
    for slot in slots:
        if old.gpu is not None and slot.cuda_device == old.gpu:
            return slot
    return Slot(index=-1 - running_count, gpu=None, sub_index=0)


def survivor_spec(old: TaskAttachment, slot: Slot) -> TaskSpec:
    """The task spec of a surviving render (its frames as one run when they are one)."""
    frames = FrameSet(old.frames)
    runs = frames.runs()
    run = runs[0] if len(runs) == 1 else FrameRun(frames.first, frames.last, 1)
    return TaskSpec(old.task_id, old.layers, run, old.attempt, slot)


def attach_survivor(old: TaskAttachment, on_line: Callable[[str], None]) -> RenderProcess:
    """Follow a surviving render's log again (or replay it when the render is gone)."""
    return RenderProcess.attach(
        pid=old.pid,
        create_time=old.create_time or 0.0,
        log_path=old.log_path,
        on_line=on_line,
        name=old.task_id,
        allow_gone=True,
    )


def survivor_notice(old: TaskAttachment, spec: TaskSpec, *, alive: bool) -> str:
    """What the user is told about a surviving render taken back."""
    if alive:
        keep = "" if old.keep_through is None else f" (it stops after frame {old.keep_through})"
        return (
            f"re-attached to {spec.task_id} (pid {old.pid}) still rendering "
            f"{'+'.join(old.layers)} {spec.run.to_string()}{keep}"
        )
    return f"{spec.task_id} (pid {old.pid}) ended while no manager ran: verifying its images from its log"


def take_back_survivors(
    attached: Sequence[TaskAttachment],
    *,
    slots: Sequence[Slot],
    layers: Mapping[str, PlannedLayer],
    running: MutableMapping[str, TaskRun],
    dispatcher: SlotDispatcher,
    now: float,
    follow: Callable[[str, list[PlannedLayer]], Callable[[str], None]],
    notice: Callable[[str], None],
    register: Callable[[str, RenderProcess], None],
) -> None:
    """Take the renders of a dead manager back: follow live ones, replay the logs of the rest.

    Their log files hold every line they printed, so replaying from the start rebuilds which
    images they reported; verification then decides as for any task. A render none of whose
    layers is in the plan any more is left alone.

    Args:
        attached: The renders recorded as running.
        slots: The plan's slots.
        layers: The plan's layers by name.
        running: The supervisor's running tasks (each survivor is added).
        dispatcher: The job's slots (a survivor's slot is taken, a live one's lease adopted).
        now: The job clock's monotonic() now (the survivors' launch time from now on).
        follow: Makes the line callback of a task's log (its monitor's ``feed``).
        notice: Tells the user about each survivor.
        register: Registers a survivor's process with the job's process manager (its
            ``adopt``), so the job's stops reach it.
    """
    for old in attached:
        slot = survivor_slot(old, slots, len(running))
        planned = [layers[name] for name in old.layers if name in layers]
        if not planned:
            continue
        spec = survivor_spec(old, slot)
        task = TaskRun(
            spec=spec,
            layers=planned,
            log_path=Path(old.log_path),
            launched_at=now,
            timed=False,
            launched_wall=old.launched_wall,
        )
        if old.keep_through is not None:
            task.keep_only_through(
                old.keep_through, "its later frames went to another task before its manager died"
            )
        running[spec.task_id] = task
        dispatcher.occupy(slot)
        task.process = attach_survivor(old, follow(spec.task_id, planned))
        register(spec.task_id, task.process)
        alive = task.process.poll() is None
        if alive:
            task.lease = dispatcher.adopt(
                slot, task_id=spec.task_id, render_pid=old.pid, render_create_time=old.create_time
            )
        notice(survivor_notice(old, spec, alive=alive))


#: The name this class had before the vocabulary was unified (``Task<Facet>``), kept for callers.
AttachedTask = TaskAttachment

__all__ = [
    "AttachedTask",
    "TaskAttachment",
    "take_back_survivors",
    "ResumeState",
    "attach_survivor",
    "survivor_notice",
    "survivor_slot",
    "survivor_spec",
]
