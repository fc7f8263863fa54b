"""Runs one planned job: launches renders into free slots, watches them, verifies, retries.

One supervisor thread owns all job state. Each render's follower thread parses its log and sends
:class:`~lrc_toolbox.core.task_monitor.Note` records through a queue; the supervisor applies them,
verifies images, runs the watchdogs, finalises finished tasks, requeues missing frames and fills free
slots. Nobody else mutates job state, so there are no lock-ordering puzzles.

The rules it enforces:

* a frame is done only when every image reported for it exists and is non-empty (or, when no path
  was reported, when the image predicted from the layer's naming exists and is fresh);
* the exit code alone never decides: exit 0 with missing frames fails those frames;
* fatal log lines fail the task with the line as the reason; deterministic ones (licence, bad scene)
  are not retried, and the layer's remaining frames fail with the same reason;
* a hung render (no output, no new image for ``hang_timeout_s``) has its whole tree killed; frames it
  already verified stay done; while its layer's naming is unknown, any new file of that layer in
  the output folder counts as a sign of life (it never verifies a frame);
* a task is over only when its whole process tree is gone, not when its launcher exits;
* a GPU that NVML no longer lists is lost: its renders are stopped and its slot is not used again;
* missing frames go back to the queue until ``retries`` is spent, on whichever slot frees first.
"""

from __future__ import annotations

import itertools
import logging
import os
import queue
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.gpu_availability import GPUAvailability
from lrc_toolbox.core.gpu_leases import Lease, LeaseBook, slot_key
from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.core.models import FrameState, JobState, RenderStatus, TaskState
from lrc_toolbox.core.output_activity import has_new_files
from lrc_toolbox.core.planner import JobPlan, PlannedLayer
from lrc_toolbox.core.render_process_manager import ProcessConfig, RenderProcessManager
from lrc_toolbox.core.scheduler import (
    ChunkPolicy,
    CostModel,
    RunningWork,
    Slot,
    TaskSpec,
    WorkQueue,
)
from lrc_toolbox.core.task_monitor import Note, TaskMonitor
from lrc_toolbox.renderers.base import RenderInvocation
from lrc_toolbox.scene import SceneSnapshots
from lrc_toolbox.utils.child_env import build_child_environment
from lrc_toolbox.utils.frame_parser import FrameRun, FrameSet
from lrc_toolbox.utils.render_subprocess import RenderLaunchError, RenderProcess
from lrc_toolbox.utils.temp_file_manager import TempFileManager, safe_file_component

_LOG = logging.getLogger(__name__)

#: How often the supervisor wakes up when nothing happens (watchdogs, exits).
TICK_S = 0.05
#: How often running renders' GPU memory is sampled through NVML (history: peak per task).
GPU_SAMPLE_INTERVAL_S = 2.0
#: A slot busy elsewhere (lease or NVML) is asked again after this long.
BLOCKED_SLOT_RETRY_S = 1.0
#: Earlier jobs looked at to learn a layer's image naming for --skip-existing.
HISTORY_JOBS_SEARCHED = 20
#: An image older than its task's launch by more than this is stale (not rendered by that task).
STALE_IMAGE_SLACK_S = 2.0
#: Longest renderer error line quoted in a frame's failure reason.
MAX_REASON_CHARS = 300


# --------------------------------------------------------------------------------------------------
# Output naming: learn it from the first reported image, predict the others
# --------------------------------------------------------------------------------------------------
def infer_image_template(path: str, frame: int) -> str | None:
    """Turn a reported image path into a template with the frame number as a format field.

    ``/out/BG/shot.0005.exr`` for frame 5 gives ``/out/BG/shot.{frame_signed:04d}.exr``. The last
    number in the file name that equals the frame is used (``shot_v002.0005.exr`` keeps ``v002``);
    None when the name has no such number. The width counts a minus sign, the way Maya pads
    (``%0*d``): frame -5 at padding 4 is ``-005``, frame 5 is ``0005``.
    """
    directory, name = os.path.split(path)
    for match in reversed(list(re.finditer(r"(-?)(\d+)", name))):
        sign, digits = match.group(1), match.group(2)
        if int(digits) != abs(frame) or (sign == "-") != (frame < 0):
            continue
        width = len(sign) + len(digits)
        head = name[: match.start()].replace("{", "{{").replace("}", "}}")
        tail = name[match.end() :].replace("{", "{{").replace("}", "}}")
        directory = directory.replace("{", "{{").replace("}", "}}")
        return os.path.join(directory, f"{head}{{frame_signed:0{width}d}}{tail}")
    return None


def expand_image_template(template: str, frame: int) -> str:
    """Fill a template from :func:`infer_image_template` (or Maya) for ``frame``.

    Padding follows C's ``%0*d`` as Maya does: the width includes the minus sign.
    """
    return template.format(frame_signed=frame)


def image_ok(path: str) -> tuple[bool, str]:
    """Return (True, "") when ``path`` is a non-empty file, else (False, why)."""
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        return False, f"the renderer reported {path} but it does not exist"
    except OSError as exc:
        return False, f"cannot read {path}: {exc.strerror or exc}"
    if size <= 0:
        return False, f"image is empty (0 bytes): {path}"
    return True, ""


# --------------------------------------------------------------------------------------------------
# Per-task state, owned by the supervisor thread
# --------------------------------------------------------------------------------------------------
@dataclass
class _Task:
    spec: TaskSpec
    layers: list[PlannedLayer]
    log_path: Path
    launched_at: float
    process: RenderProcess | None = None
    render_started_at: float | None = None
    last_image_at: float | None = None
    current_layer: str | None = None
    current_frame: int | None = None
    percent: float | None = None
    last_percent_published: int | None = None
    open_frame: tuple[str, int] | None = None
    open_since: float | None = None
    images: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    done: dict[tuple[str, int], str] = field(default_factory=dict)
    bad: dict[tuple[str, int], str] = field(default_factory=dict)
    fatal_reason: str | None = None
    fatal_deterministic: bool = False
    stop_state: TaskState | None = None
    stop_reason: str | None = None
    launch_error: str | None = None
    lease: Lease | None = None
    peak_gpu_memory: int = 0
    errors: dict[tuple[str, int], str] = field(default_factory=dict)

    @property
    def keys(self) -> list[tuple[str, int]]:
        return [(layer.name, frame) for layer in self.layers for frame in self.spec.frames]

    def running_work(self) -> RunningWork:
        left = sum(1 for key in self.keys if key not in self.done)
        per_layer = max(1, len(self.layers))
        return RunningWork(
            layers=tuple(layer.name for layer in self.layers),
            frames_left=max(0, left // per_layer),
            started_s=self.launched_at,
            first_frame_seen=self.render_started_at is not None,
        )


@dataclass
class JobResult:
    """What a finished job produced."""

    ok: bool
    state: JobState
    done: dict[str, list[int]]
    failed: dict[str, list[int]]
    reasons: dict[tuple[str, int], str]
    elapsed_s: float
    reason: str | None = None


@dataclass(frozen=True)
class AttachedTask:
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
    """

    done: dict[str, dict[int, str]]
    failed: dict[str, dict[int, str]]
    pending: dict[str, FrameSet]
    attempts: dict[str, dict[int, int]]
    attached: list[AttachedTask]
    next_task_number: int


class JobRunner:
    """Runs one :class:`JobPlan` on background threads.

    Args:
        plan: The validated plan.
        job_id: Id used for the store, logs and events.
        bus: Where events go.
        store: Job store (None: run without persistence, e.g. some tests).
        temp: Temp file manager for scene snapshots.
        log_dir: Folder for per-task logs.
        low_priority: Run renders below normal priority (inside Maya, so the UI stays responsive).
        image_templates: Known output naming per layer name (``{frame_signed:04d}`` templates),
            e.g. from Maya; otherwise it is learned from the first reported image.
        clock: Monotonic clock (tests).
        leases: Machine-wide GPU slot leases (default: the machine's lease folder).
        availability: NVML's view of busy GPUs.
        resume: State of a job whose manager died: only its unfinished work is done, and its
            surviving renders are followed again.
    """

    def __init__(
        self,
        plan: JobPlan,
        *,
        job_id: str,
        bus: ev.EventBus,
        store: JobStore | None,
        temp: TempFileManager,
        log_dir: Path,
        low_priority: bool = False,
        image_templates: Mapping[str, list[str]] | None = None,
        clock: Callable[[], float] = time.monotonic,
        leases: LeaseBook | None = None,
        availability: GPUAvailability | None = None,
        resume: ResumeState | None = None,
    ) -> None:
        config = plan.config
        self.plan = plan
        self.job_id = job_id
        self._bus = bus
        self._store = store
        self._temp = temp
        self._log_dir = log_dir
        self._low_priority = low_priority
        self._clock = clock
        self._layers = {layer.name: layer for layer in plan.layers}
        self._cost = CostModel()
        self._resume = resume
        queued = (
            {layer.name: resume.pending.get(layer.name, FrameSet(())) for layer in plan.layers}
            if resume is not None
            else {layer.name: layer.frames for layer in plan.layers}
        )
        self._queue = WorkQueue(
            queued,
            mode=config.render_mode,
            policy=ChunkPolicy(fixed_size=config.chunk_size),
            cost=self._cost,
            retries=config.retries,
            attempts=resume.attempts if resume is not None else None,
            first_task_number=resume.next_task_number if resume is not None else 1,
        )
        self._templates: dict[str, list[str]] = {
            name: list(paths) for name, paths in (image_templates or {}).items()
        }
        self._inbox: queue.SimpleQueue[Note] = queue.SimpleQueue()
        self._processes = RenderProcessManager()
        self._running: dict[str, _Task] = {}
        self._finished: dict[str, _Task] = {}
        self._free_slots: list[Slot] = list(plan.slots)
        self._snapshots: dict[tuple[str, ...], Path] = {}
        self._leases = leases or LeaseBook()
        self._availability = availability or GPUAvailability()
        self._slot_notices: dict[int, str] = {}
        self._lost_slot_reason: str | None = None
        self._next_dispatch_at = 0.0
        self._next_gpu_sample_at = 0.0
        self._done: dict[str, dict[int, str]] = {name: {} for name in self._layers}
        self._failed: dict[str, dict[int, str]] = {name: {} for name in self._layers}
        if resume is not None:
            for name in self._layers:
                self._done[name].update(resume.done.get(name, {}))
                self._failed[name].update(resume.failed.get(name, {}))
        self._cancel = threading.Event()
        self._cancel_reason = "cancelled by the user"
        self._stop_requests: queue.SimpleQueue[str] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._finished_event = threading.Event()
        self._status_lock = threading.Lock()
        self._status: list[RenderStatus] = []
        self._started_at = 0.0
        self.result: JobResult | None = None
        self.error: BaseException | None = None

    # -- public -----------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the supervisor thread and return at once."""
        if self._thread is not None:
            raise RuntimeError("job already started")
        self._started_at = self._clock()
        self._thread = threading.Thread(target=self._run, name=f"job-{self.job_id}", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job has finished (True) or ``timeout`` passed (False)."""
        return self._finished_event.wait(timeout)

    @property
    def is_finished(self) -> bool:
        """True once the job's summary has been published."""
        return self._finished_event.is_set()

    def cancel(self, reason: str = "cancelled by the user") -> None:
        """Stop every render (whole process trees) and drop queued frames; returns at once."""
        self._cancel_reason = reason
        self._cancel.set()

    def stop_task(self, task_id: str) -> None:
        """Stop one running task (its unverified frames are retried like any missing frame)."""
        self._stop_requests.put(task_id)

    def status(self) -> list[RenderStatus]:
        """Snapshot of every task (running and finished), safe from any thread."""
        with self._status_lock:
            return list(self._status)

    def _store_id(self, task_id: str) -> str:
        """Task ids are short per job (``t0001``); the store needs them unique across jobs."""
        return f"{self.job_id}.{task_id}"

    # -- supervisor -------------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._publish_job_started()
            if self.plan.config.skip_existing:
                self._skip_existing_images()
            if self._resume is not None:
                self._follow_surviving_renders(self._resume.attached)
            while True:
                self._drain_inbox(TICK_S)
                self._handle_stop_requests()
                if self._cancel.is_set():
                    self._cancel_everything()
                self._check_running()
                self._sample_gpu_memory()
                if not self._cancel.is_set():
                    self._dispatch()
                self._refresh_status()
                if not self._running and (self._queue.is_empty() or self._cancel.is_set()):
                    break
            self._finish_job()
        except BaseException as exc:  # recorded and re-raised by the owner (CONVENTIONS 7)
            _LOG.exception("job %s supervisor failed", self.job_id)
            self.error = exc
            self._processes.terminate_all(grace_s=1.0)
            self._finish_job(error=exc)
        finally:
            self._finished_event.set()

    def _publish_job_started(self) -> None:
        plan = self.plan
        if self._store is not None:
            self._store.set_job_state(self.job_id, JobState.RUNNING)
        self._bus.publish(
            ev.JobStarted(
                job_id=self.job_id,
                layers={layer.name: list(layer.frames) for layer in plan.layers},
                slots=[slot.label for slot in plan.slots],
                renderer=plan.profile.name,
                render_exe=plan.render_exe.path,
                store_path=str(self._store.path) if self._store is not None else "",
                log_dir=str(self._log_dir),
            )
        )

    def _follow_surviving_renders(self, attached: list[AttachedTask]) -> None:
        """Take the renders of a dead manager back: follow live ones, replay the logs of the rest.

        Their log files hold every line they printed, so replaying from the start rebuilds which
        images they reported; verification then decides as for any task.
        """
        for old in attached:
            slot = self._slot_for(old)
            frames = FrameSet(old.frames)
            runs = frames.runs()
            run = runs[0] if len(runs) == 1 else FrameRun(frames.first, frames.last, 1)
            spec = TaskSpec(old.task_id, old.layers, run, old.attempt, slot)
            layers = [self._layers[name] for name in old.layers if name in self._layers]
            if not layers:
                continue
            task = _Task(
                spec=spec, layers=layers, log_path=Path(old.log_path), launched_at=self._clock()
            )
            self._running[spec.task_id] = task
            if slot in self._free_slots:
                self._free_slots.remove(slot)
            monitor = TaskMonitor(
                task_id=spec.task_id,
                layers=[(layer.name, layer.node) for layer in layers],
                parser=self.plan.parse_profile.new_parser(),
                emit=self._inbox.put,
                on_log=self._log_publisher(spec.task_id),
            )
            process = RenderProcess.attach(
                pid=old.pid,
                create_time=old.create_time or 0.0,
                log_path=old.log_path,
                on_line=monitor.feed,
                name=spec.task_id,
                allow_gone=True,
            )
            task.process = process
            if process.poll() is None:
                task.lease = self._leases.adopt(
                    slot_key(slot.cuda_device, slot.sub_index),
                    job_id=self.job_id,
                    task_id=spec.task_id,
                    render_pid=old.pid,
                    render_create_time=old.create_time,
                )
                self._bus.publish(
                    ev.Notice(
                        job_id=self.job_id,
                        message=f"re-attached to {spec.task_id} (pid {old.pid}) still rendering "
                        f"{'+'.join(old.layers)} {run.to_string()}",
                    )
                )
            else:
                self._bus.publish(
                    ev.Notice(
                        job_id=self.job_id,
                        message=f"{spec.task_id} (pid {old.pid}) ended while no manager ran: "
                        "verifying its images from its log",
                    )
                )

    def _slot_for(self, old: AttachedTask) -> Slot:
        for slot in self.plan.slots:
            if slot.index == old.slot_index and (old.gpu is None or slot.cuda_device == old.gpu):
                return slot
        for slot in self.plan.slots:
            if old.gpu is not None and slot.cuda_device == old.gpu:
                return slot
        # The GPU is no longer among this plan's slots: book-keep it on a stand-alone slot.
        return Slot(index=-1 - len(self._running), gpu=None, sub_index=0)

    def _skip_existing_images(self) -> None:
        """Mark frames whose images already exist as done before launching anything.

        The naming comes from Maya (``image_templates``) or is learned from earlier jobs of the same
        scene in the job store. Frames whose naming is unknown are left to ``Render
        -skipExistingFrames`` (passed on the command line) and verified afterwards.
        """
        self._learn_templates_from_history()
        for layer in self.plan.layers:
            existing: list[tuple[int, str]] = []
            for frame in layer.frames:
                for path in self._predicted((layer.name, frame)):
                    if image_ok(path)[0]:
                        existing.append((frame, path))
                        break
            if not existing:
                continue
            self._queue.remove(layer.name, [frame for frame, _ in existing])
            for frame, path in existing:
                self._done[layer.name][frame] = path
                if self._store is not None:
                    self._store.set_frames_state(
                        self.job_id,
                        layer.name,
                        [frame],
                        FrameState.SKIPPED_EXISTING,
                        output_path=path,
                    )
                self._bus.publish(
                    ev.FrameDone(
                        job_id=self.job_id, layer=layer.name, frame=frame, output=path, task=""
                    )
                )

    def _learn_templates_from_history(self) -> None:
        if self._store is None:
            return
        scene = str(self.plan.scene_path)
        missing = {layer.name for layer in self.plan.layers if not self._templates.get(layer.name)}
        for job in self._store.list_jobs(limit=HISTORY_JOBS_SEARCHED):
            if not missing:
                return
            if job.id == self.job_id or job.scene != scene:
                continue
            for layer in list(missing):
                for record in self._store.get_frames(job.id, layer, [FrameState.DONE]):
                    if record.output_path:
                        self._learn_template(layer, record.output_path, record.frame)
                        missing.discard(layer)
                        break

    # notes from followers ------------------------------------------------------------------------
    def _drain_inbox(self, timeout: float) -> None:
        try:
            note = self._inbox.get(timeout=timeout)
        except queue.Empty:
            return
        self._apply(note)
        while True:
            try:
                note = self._inbox.get_nowait()
            except queue.Empty:
                return
            self._apply(note)

    def _apply(self, note: Note) -> None:
        task = self._running.get(note.task_id)
        if task is None:
            return
        if note.kind == "render_started":
            if task.render_started_at is None:
                task.render_started_at = note.at
                self._cost.record_startup(note.at - task.launched_at)
            return
        if note.kind == "fatal":
            if task.fatal_reason is None:
                task.fatal_reason = note.reason
                task.fatal_deterministic = note.deterministic
            return
        layer = note.layer or task.layers[0].name
        if note.kind == "error":
            if note.frame is not None and note.reason:
                task.errors[(layer, note.frame)] = note.reason[:MAX_REASON_CHARS]
            return
        if note.kind == "frame_started" and note.frame is not None:
            self._open_frame(task, (layer, note.frame), note.at)
        elif note.kind == "progress":
            task.percent = note.percent
            self._publish_progress(task, layer, note.frame)
        elif note.kind == "image" and note.path:
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
            self._learn_template(layer, note.path, frame)
        elif note.kind == "frame_finished" and task.open_frame is not None:
            self._close_frame(task, note.at)

    def _open_frame(self, task: _Task, key: tuple[str, int], at: float) -> None:
        if task.open_frame is not None and task.open_frame != key:
            self._close_frame(task, at)
        if task.open_frame != key:
            task.open_frame = key
            task.open_since = at
            task.current_layer, task.current_frame = key
            task.percent = 0.0

    def _close_frame(self, task: _Task, at: float) -> None:
        key = task.open_frame
        if key is None:
            return
        task.open_frame = None
        if key in task.done or key not in {(k[0], k[1]) for k in task.keys}:
            return
        ok, why = self._verify(task, key)
        if ok:
            if task.open_since is not None:
                self._cost.record_frame(key[0], max(0.0, at - task.open_since))
        elif why:
            task.bad[key] = why

    def _verify(self, task: _Task, key: tuple[str, int]) -> tuple[bool, str]:
        """Verify one (layer, frame) of a task; record it as done when its images are good."""
        if key in task.done:
            return True, ""
        paths = task.images.get(key, [])
        if paths:
            for path in paths:
                ok, why = image_ok(path)
                if not ok:
                    return False, why
            self._frame_done(task, key, paths[0])
            return True, ""
        predicted = self._predicted(key)
        for path in predicted:
            ok, _ = image_ok(path)
            if ok and self._fresh_enough(path, task):
                self._frame_done(task, key, path)
                return True, ""
        return False, ""

    def _predicted(self, key: tuple[str, int]) -> list[str]:
        layer, frame = key
        return [expand_image_template(t, frame) for t in self._templates.get(layer, [])]

    def _fresh_enough(self, path: str, task: _Task) -> bool:
        if self.plan.config.skip_existing:
            return True  # the user asked to keep existing images
        try:
            mtime = os.stat(path).st_mtime
        except OSError:
            return False
        launched_wall = time.time() - (self._clock() - task.launched_at)
        return mtime >= launched_wall - STALE_IMAGE_SLACK_S

    def _learn_template(self, layer: str, path: str, frame: int) -> None:
        template = infer_image_template(path, frame)
        if template is None:
            return
        known = self._templates.setdefault(layer, [])
        if template not in known:
            known.append(template)

    def _frame_done(self, task: _Task, key: tuple[str, int], path: str) -> None:
        task.done[key] = path
        task.bad.pop(key, None)
        layer, frame = key
        self._done[layer][frame] = path
        self._failed[layer].pop(frame, None)
        if self._store is not None:
            self._store.set_frames_state(
                self.job_id,
                layer,
                [frame],
                FrameState.DONE,
                task_id=self._store_id(task.spec.task_id),
                gpu=task.spec.slot.cuda_device,
                output_path=path,
            )
        self._bus.publish(
            ev.FrameDone(
                job_id=self.job_id, layer=layer, frame=frame, output=path, task=task.spec.task_id
            )
        )

    def _publish_progress(self, task: _Task, layer: str, frame: int | None) -> None:
        percent = task.percent
        rounded = None if percent is None else int(percent)
        if rounded == task.last_percent_published:
            return  # coalesce: Redshift prints a line per block
        task.last_percent_published = rounded
        self._bus.publish(
            ev.Progress(
                job_id=self.job_id,
                task=task.spec.task_id,
                layer=layer,
                frame=frame,
                percent=percent,
                frames_done=len(task.done),
                frames_total=len(task.keys),
            )
        )

    # watchdogs and exits -------------------------------------------------------------------------
    def _check_running(self) -> None:
        now = self._clock()
        config = self.plan.config
        for task_id, task in list(self._running.items()):
            process = task.process
            if process is None or process.wait(timeout=0) is not None:
                if self._processes.is_stopping(task_id):
                    continue  # its launcher is gone, but the stop is still ending its tree
                self._finalise(task_id)
                continue
            if task.stop_state is not None:
                continue  # already being stopped
            if task.fatal_reason is not None:
                self._stop(task, TaskState.FAILED, task.fatal_reason)
                continue
            lost = self._availability.lost_reason(task.spec.slot.gpu)
            if lost is not None:
                self._stop(task, TaskState.KILLED, lost)
                continue
            last_output = max(
                process.last_output_monotonic or task.launched_at,
                task.last_image_at or task.launched_at,
                task.launched_at,
            )
            if task.render_started_at is None and now - task.launched_at > config.start_timeout_s:
                if self._shows_work(task, task.launched_at):
                    task.render_started_at = now  # prints nothing, but its images appear
                    continue
                self._stop(
                    task,
                    TaskState.KILLED,
                    f"no render progress {config.start_timeout_s:g}s after launch (stalled start)",
                )
            elif now - last_output > config.hang_timeout_s:
                if self._shows_work(task, last_output):
                    task.last_image_at = now  # silent but still writing images: not hung
                    continue
                self._stop(
                    task,
                    TaskState.KILLED,
                    f"hung: no output and no new image for {config.hang_timeout_s:g}s",
                )
            elif (
                config.max_task_time_s is not None
                and now - task.launched_at > config.max_task_time_s
            ):
                self._stop(
                    task,
                    TaskState.KILLED,
                    f"ran longer than the maximum task time ({config.max_task_time_s:g}s)",
                )

    def _sample_gpu_memory(self) -> None:
        """Track each render's peak GPU memory (for the job history) when NVML can tell."""
        now = self._clock()
        if now < self._next_gpu_sample_at or not self._running:
            return
        self._next_gpu_sample_at = now + GPU_SAMPLE_INTERVAL_S
        usage = self._availability.process_memory()
        if not usage:
            return
        for task in self._running.values():
            if task.process is None or not task.process.pid:
                continue
            pids = {task.process.pid, *task.process.known_descendant_pids}
            used = sum(usage.get(pid, 0) for pid in pids)
            task.peak_gpu_memory = max(task.peak_gpu_memory, used)

    def _shows_work(self, task: _Task, since_monotonic: float) -> bool:
        """Whether a render that printed nothing since ``since`` wrote images meanwhile."""
        return self._new_images_on_disk(task, since_monotonic) or self._new_output_files(
            task, since_monotonic
        )

    def _output_root(self) -> Path | None:
        """The folder images go to when the user said so (``-rd``, or the project's images)."""
        if self.plan.config.output_dir:
            return Path(self.plan.config.output_dir).expanduser()
        if self.plan.project_dir:
            return Path(self.plan.project_dir) / "images"
        return None

    def _new_output_files(self, task: _Task, since_monotonic: float) -> bool:
        """Any new file of the task's layers whose naming is still unknown (see output_activity).

        With several layers in the job, a file counts only when its path names one of this
        task's layers, so one layer's images never keep another layer's hung render alive.
        """
        unknown = [layer for layer in task.layers if not self._templates.get(layer.name)]
        root = self._output_root()
        if not unknown or root is None:
            return False
        since_wall = time.time() - (self._clock() - since_monotonic)
        names = None
        if len(self._layers) > 1:
            names = {name for layer in unknown for name in (layer.name, layer.node)}
        return has_new_files(root, since_wall, names)

    def _new_images_on_disk(self, task: _Task, since_monotonic: float) -> bool:
        """Look for images of this task written since ``since`` (a render that prints nothing)."""
        since_wall = time.time() - (self._clock() - since_monotonic)
        for layer in task.layers:
            for frame in task.spec.frames:
                for path in self._predicted((layer.name, frame)):
                    try:
                        if os.stat(path).st_mtime > since_wall:
                            return True
                    except OSError:
                        continue
        return False

    def _stop(self, task: _Task, state: TaskState, reason: str) -> None:
        task.stop_state = state
        task.stop_reason = reason
        self._processes.terminate_process(task.spec.task_id)

    def _handle_stop_requests(self) -> None:
        while True:
            try:
                task_id = self._stop_requests.get_nowait()
            except queue.Empty:
                return
            task = self._running.get(task_id)
            if task is not None and task.stop_state is None:
                self._stop(task, TaskState.CANCELLED, "stopped by the user")

    def _cancel_everything(self) -> None:
        for task in self._running.values():
            if task.stop_state is None:
                self._stop(task, TaskState.CANCELLED, self._cancel_reason)
        dropped = self._queue.drop_all(self._cancel_reason)
        for layer, frames in dropped.items():
            self._fail_frames(layer, frames, self._cancel_reason, task_id="", will_retry=False)

    # finishing a task ----------------------------------------------------------------------------
    def _finalise(self, task_id: str) -> None:
        task = self._running.pop(task_id)
        self._drain_late_notes(task)
        now = self._clock()
        if task.open_frame is not None:
            self._close_frame(task, now)
        missing: dict[str, list[int]] = {}
        reasons: dict[tuple[str, int], str] = {}
        exit_code = task.process.returncode if task.process is not None else None
        for key in task.keys:
            if key in task.done:
                continue
            ok, why = self._verify(task, key)
            if ok:
                continue
            missing.setdefault(key[0], []).append(key[1])
            reasons[key] = self._missing_reason(task, key, why or task.bad.get(key, ""), exit_code)
        state, reason = self._task_outcome(task, exit_code, missing)
        self._record_task_end(task, state, exit_code, reason, missing)
        retryable = not task.fatal_deterministic and state is not TaskState.CANCELLED
        for layer, frames in missing.items():
            first_reason = reasons[(layer, frames[0])]
            requeued, failed = self._queue.requeue_missing(
                layer,
                frames,
                retryable=retryable and task.launch_error is None,
                reason=first_reason,
            )
            for frame in requeued:
                self._publish_frame_failed(layer, frame, reasons[(layer, frame)], task_id, True)
                if self._store is not None:
                    self._store.set_frames_state(
                        self.job_id,
                        layer,
                        [frame],
                        FrameState.PENDING,
                        task_id=self._store_id(task_id),
                        reason=reasons[(layer, frame)],
                    )
            for frame in failed:
                self._fail_frames(layer, [frame], reasons[(layer, frame)], task_id, False)
            if task.fatal_deterministic or task.launch_error is not None:
                why = f"not rendered: {first_reason}"
                self._fail_frames(layer, self._queue.drop_layer(layer, why), why, task_id, False)
        if task.launch_error is not None:
            # The executable cannot be started (deleted, no permission): every launch would fail.
            why = f"not rendered: {task.launch_error}"
            for layer, frames in self._queue.drop_all(why).items():
                self._fail_frames(layer, frames, why, task_id, False)
        self._finished[task_id] = task
        if task.lease is not None:
            self._leases.release(task.lease)
        if task.spec.slot.index >= 0:
            self._free_slots.append(task.spec.slot)
        self._free_slots.sort(key=lambda slot: slot.index)
        self._processes.forget(task_id)

    def _drain_late_notes(self, task: _Task) -> None:
        # The follower has drained the log; its last notes may still be in the inbox.
        pending: list[Note] = []
        while True:
            try:
                pending.append(self._inbox.get_nowait())
            except queue.Empty:
                break
        self._running[task.spec.task_id] = task
        try:
            for note in pending:
                self._apply(note)
        finally:
            self._running.pop(task.spec.task_id, None)

    def _missing_reason(
        self, task: _Task, key: tuple[str, int], why: str, exit_code: int | None
    ) -> str:
        frame = key[1]
        if task.launch_error:
            return task.launch_error
        if task.fatal_reason:
            return task.fatal_reason
        if task.stop_reason:
            return f"render stopped before frame {frame} was written: {task.stop_reason}"
        if why:
            return why
        if exit_code is None:
            text = (
                f"render ended without writing frame {frame} (exit code unknown: it was "
                "followed again after its manager died)"
            )
        elif exit_code != 0:
            text = f"render exited with code {exit_code} before writing frame {frame}"
        elif not self._templates.get(key[0]):
            text = (
                f"render exited 0 without reporting an image for frame {frame}, and the "
                "layer's image naming is unknown, so no image could be looked for"
            )
        else:
            text = f"render exited 0 but wrote no image for frame {frame} (skipped silently)"
        error = task.errors.get(key)
        return f"{text}; its last error: {error}" if error else text

    def _task_outcome(
        self, task: _Task, exit_code: int | None, missing: Mapping[str, list[int]]
    ) -> tuple[TaskState, str | None]:
        if task.launch_error:
            return TaskState.FAILED, task.launch_error
        if task.stop_state is TaskState.CANCELLED:
            return TaskState.CANCELLED, task.stop_reason
        if task.stop_state is TaskState.KILLED:
            if not missing:
                return (
                    TaskState.KILLED,
                    f"{task.stop_reason}; every frame was verified before the kill",
                )
            return TaskState.KILLED, task.stop_reason
        if task.fatal_reason:
            return TaskState.FAILED, task.fatal_reason
        if missing:
            count = sum(len(frames) for frames in missing.values())
            return TaskState.FAILED, f"{count} frame(s) without a verified image"
        if exit_code not in (0, None):
            return TaskState.SUCCEEDED, f"exited with code {exit_code} after writing every frame"
        return TaskState.SUCCEEDED, None

    def _record_task_end(
        self,
        task: _Task,
        state: TaskState,
        exit_code: int | None,
        reason: str | None,
        missing: Mapping[str, list[int]],
    ) -> None:
        if self._store is not None and task.peak_gpu_memory:
            self._store.set_task_peak_gpu_memory(
                self._store_id(task.spec.task_id), task.peak_gpu_memory
            )
        if self._store is not None and task.process is not None:
            self._store.task_finished(
                self._store_id(task.spec.task_id), state=state, exit_code=exit_code, reason=reason
            )
        elif self._store is not None:
            self._store.task_finished(
                self._store_id(task.spec.task_id),
                state=TaskState.FAILED,
                exit_code=None,
                reason=reason,
            )
        self._bus.publish(
            ev.TaskFinished(
                job_id=self.job_id,
                task=task.spec.task_id,
                status=state.value,
                exit_code=exit_code,
                reason=reason,
                frames_done=sorted(frame for _, frame in task.done),
                frames_missing=sorted(f for frames in missing.values() for f in frames),
            )
        )
        task.stop_state = state
        task.stop_reason = reason

    def _fail_frames(
        self, layer: str, frames: list[int], reason: str, task_id: str, will_retry: bool
    ) -> None:
        if not frames:
            return
        for frame in frames:
            if frame in self._done[layer]:
                continue
            self._failed[layer][frame] = reason
            self._publish_frame_failed(layer, frame, reason, task_id, will_retry)
        if self._store is not None:
            self._store.set_frames_state(
                self.job_id,
                layer,
                frames,
                FrameState.FAILED,
                task_id=self._store_id(task_id) if task_id else None,
                reason=reason,
            )

    def _publish_frame_failed(
        self, layer: str, frame: int, reason: str, task_id: str, will_retry: bool
    ) -> None:
        self._bus.publish(
            ev.FrameFailed(
                job_id=self.job_id,
                layer=layer,
                frame=frame,
                reason=reason,
                task=task_id,
                will_retry=will_retry,
            )
        )

    # launching -----------------------------------------------------------------------------------
    def _dispatch(self) -> None:
        """Fill free slots: each needs its machine-wide lease and a GPU NVML does not see busy."""
        self._fail_queue_without_slots()
        if self._queue.is_empty() or not self._free_slots:
            return
        now = self._clock()
        if now < self._next_dispatch_at:
            return  # slots were busy elsewhere a moment ago: don't hammer the lease folder/NVML
        blocked = False
        for slot in list(self._free_slots):
            if self._queue.is_empty():
                break
            lost = self._availability.lost_reason(slot.gpu)
            if lost is not None:
                self._retire_slot(slot, lost)
                continue
            reason = self._availability.busy_reason(slot.gpu, self._own_pids())
            lease = None
            if reason is None:
                lease = self._leases.acquire(
                    slot_key(slot.cuda_device, slot.sub_index),
                    job_id=self.job_id,
                    task_id="pending",
                )
                if lease is None:
                    holder = self._leases.read(slot_key(slot.cuda_device, slot.sub_index))
                    who = (
                        f"job {holder.job_id} (pid {holder.owner_pid})" if holder else "another job"
                    )
                    reason = f"{slot.label} is in use by {who}"
            if reason is not None:
                blocked = True
                self._notice_once(slot, reason)
                continue
            assert lease is not None
            spec = self._queue.next_task(
                slot,
                running=[task.running_work() for task in self._running.values()],
                slot_count=len(self.plan.slots),
                now=now,
            )
            if spec is None:
                self._leases.release(lease)
                return
            lease.task_id = spec.task_id
            self._free_slots.remove(slot)
            self._slot_notices.pop(slot.index, None)
            self._launch(spec, lease)
        self._next_dispatch_at = now + (BLOCKED_SLOT_RETRY_S if blocked else 0.0)

    def _retire_slot(self, slot: Slot, reason: str) -> None:
        """Stop using a slot whose GPU is lost; with no slot left, fail what is still queued."""
        self._free_slots.remove(slot)
        self._lost_slot_reason = reason
        self._bus.publish(
            ev.Notice(job_id=self.job_id, message=f"{slot.label} is no longer used: {reason}")
        )
        self._fail_queue_without_slots()

    def _fail_queue_without_slots(self) -> None:
        """Once every slot is lost and nothing runs, queued frames can never render: fail them."""
        reason = self._lost_slot_reason
        if reason is None or self._free_slots or self._running or self._queue.is_empty():
            return
        why = f"not rendered: no usable GPU slot left ({reason})"
        for layer, frames in self._queue.drop_all(why).items():
            self._fail_frames(layer, frames, why, task_id="", will_retry=False)

    def _own_pids(self) -> set[int]:
        pids = {os.getpid()}
        for task in self._running.values():
            if task.process is not None and task.process.pid:
                pids.add(task.process.pid)
                pids.update(task.process.known_descendant_pids)
        return pids

    def _notice_once(self, slot: Slot, reason: str) -> None:
        if self._slot_notices.get(slot.index) != reason:
            self._slot_notices[slot.index] = reason
            self._bus.publish(ev.Notice(job_id=self.job_id, message=f"waiting: {reason}"))

    def _snapshot_for(self, layers: list[PlannedLayer]) -> Path:
        """A private copy of the scene for these layers (made once, reused by their tasks).

        A ``.ma`` copy has exactly these layers renderable. A Maya Binary scene cannot be patched
        without Maya, so it is copied byte for byte and the layers are chosen with ``-rl`` alone;
        either way the artist may keep saving the original while the renders read the copy.
        """
        key = tuple(layer.node for layer in layers)
        path = self._snapshots.get(key)
        if path is None:
            nodes = [layer.node for layer in layers]
            snapshots = SceneSnapshots(self._temp)
            if self.plan.scene is None:
                path = snapshots.copy_scene(
                    self.plan.scene_path, "+".join(lay.name for lay in layers)
                )
            else:
                path = snapshots.snapshot_scene(self.plan.scene_path, self.plan.scene, nodes)
            self._snapshots[key] = path
        return path

    def _launch(self, spec: TaskSpec, lease: Lease) -> None:
        plan = self.plan
        layers = [self._layers[name] for name in spec.layers]
        label = safe_file_component("+".join(spec.layers))
        log_path = self._log_dir / f"{spec.task_id}_{label}_a{spec.attempt}.log"
        task = _Task(
            spec=spec, layers=layers, log_path=log_path, launched_at=self._clock(), lease=lease
        )
        self._running[spec.task_id] = task
        if self._store is not None:
            self._store.add_task(
                task_id=self._store_id(spec.task_id),
                job_id=self.job_id,
                layers=list(spec.layers),
                frames=spec.frames,
                gpu=spec.slot.cuda_device,
                slot=spec.slot.index,
                attempt=spec.attempt,
                log_path=str(log_path),
                temp_scene=None,
            )
        try:
            scene_copy = self._snapshot_for(layers)
            argv = build_task_argv(plan, spec, str(scene_copy))
            env = build_child_environment(
                cuda_device=spec.slot.cuda_device, renderer_env=plan.profile.environment()
            )
            monitor = TaskMonitor(
                task_id=spec.task_id,
                layers=[(layer.name, layer.node) for layer in layers],
                parser=plan.parse_profile.new_parser(),
                emit=self._inbox.put,
                on_log=self._log_publisher(spec.task_id),
            )
            process = self._processes.create_render_process(
                ProcessConfig(
                    process_id=spec.task_id,
                    argv=argv,
                    env=env,
                    log_path=log_path,
                    on_line=monitor.feed,
                    low_priority=self._low_priority,
                )
            )
        except (RenderLaunchError, OSError, ValueError) as exc:  # ValueError: scene/temp errors
            task.launch_error = f"could not start the render: {exc}"
            _LOG.error("task %s: %s", spec.task_id, task.launch_error)
            self._publish_task_started(task, [], None)
            return
        task.process = process
        self._leases.attach_render(lease, process.pid or 0, process.create_time)
        if self._store is not None:
            self._store.task_started(
                self._store_id(spec.task_id),
                pid=process.pid or 0,
                pid_create_time=process.create_time,
                argv=argv,
                gpu=spec.slot.cuda_device,
                slot=spec.slot.index,
            )
            for layer in layers:
                self._store.set_frames_state(
                    self.job_id,
                    layer.name,
                    spec.frames,
                    FrameState.RENDERING,
                    task_id=self._store_id(spec.task_id),
                    gpu=spec.slot.cuda_device,
                )
        self._publish_task_started(task, argv, process.pid)

    def _publish_task_started(self, task: _Task, argv: list[str], pid: int | None) -> None:
        spec = task.spec
        self._bus.publish(
            ev.TaskStarted(
                job_id=self.job_id,
                task=spec.task_id,
                layer=spec.layers[0],
                layers=list(spec.layers),
                frames=spec.frames,
                gpus=[spec.slot.cuda_device] if spec.slot.cuda_device is not None else [],
                slot=spec.slot.label,
                pid=pid,
                argv=list(argv),
                attempt=spec.attempt,
                log_path=str(task.log_path),
            )
        )

    def _log_publisher(self, task_id: str) -> Callable[[str, str], None] | None:
        if not self._bus.wants_logs():
            return None
        bus, job_id = self._bus, self.job_id

        def publish(line: str, level: str) -> None:
            bus.publish(ev.LogLine(job_id=job_id, task=task_id, line=line, level=level))

        return publish

    # status and the end --------------------------------------------------------------------------
    def _refresh_status(self) -> None:
        now = self._clock()
        rows = []
        for task in itertools.chain(self._finished.values(), self._running.values()):
            rows.append(self._status_row(task, now))
        with self._status_lock:
            self._status = rows

    def _status_row(self, task: _Task, now: float) -> RenderStatus:
        spec = task.spec
        running = spec.task_id in self._running
        if running:
            state = TaskState.RUNNING
        else:
            state = task.stop_state or TaskState.FAILED
        elapsed = now - task.launched_at if running else None
        done = len(task.done)
        total = len(task.keys)
        eta = None
        if running:
            per_frame = sum(self._cost.frame_s(layer.name) for layer in task.layers) / max(
                1, len(task.layers)
            )
            eta = max(0.0, (total - done) * per_frame)
        return RenderStatus(
            task_id=spec.task_id,
            layers=spec.layers,
            frames=tuple(spec.frames),
            gpu=spec.slot.label,
            pid=task.process.pid if task.process is not None else None,
            state=state,
            frames_done=done,
            frames_failed=0 if running else total - done,
            current_frame=task.current_frame,
            percent=task.percent,
            attempt=spec.attempt,
            elapsed_s=elapsed,
            eta_s=eta,
            reason=task.stop_reason or task.launch_error,
            log_path=str(task.log_path),
        )

    def _finish_job(self, error: BaseException | None = None) -> None:
        elapsed = self._clock() - self._started_at
        done = {name: sorted(frames) for name, frames in self._done.items()}
        failed: dict[str, list[int]] = {name: [] for name in self._layers}
        reasons: dict[tuple[str, int], str] = {}
        for layer in self.plan.layers:
            for frame in layer.frames:
                if frame in self._done[layer.name]:
                    continue
                failed[layer.name].append(frame)
                reasons[(layer.name, frame)] = self._failed[layer.name].get(frame, "not rendered")
        ok = error is None and not any(failed.values())
        if ok:
            state = JobState.SUCCEEDED
        elif self._cancel.is_set():
            state = JobState.CANCELLED
        else:
            state = JobState.FAILED
        reason = None
        if error is not None:
            reason = f"internal error: {error!r}"
        elif self._cancel.is_set():
            reason = self._cancel_reason
        self.result = JobResult(ok, state, done, failed, reasons, elapsed, reason)
        self._refresh_status()
        if self._store is not None:
            try:
                self._store.set_job_state(self.job_id, state, reason)
            except Exception:  # the summary must still reach the user
                _LOG.exception("could not record the end of job %s", self.job_id)
        if not self.plan.config.keep_temp:
            self._temp.cleanup_all()
        self._bus.publish(
            ev.JobFinished(
                job_id=self.job_id,
                ok=ok,
                state=state.value,
                layers={
                    name: {"done": done[name], "failed": failed[name]} for name in self._layers
                },
                elapsed_s=round(elapsed, 3),
                reason=reason,
            )
        )


def build_task_argv(plan: JobPlan, spec: TaskSpec, scene_copy: str) -> list[str]:
    """``Render``'s argv for one task of ``plan``, rendering ``scene_copy``."""
    config = plan.config
    nodes = {layer.name: layer.node for layer in plan.layers}
    return plan.profile.build_argv(
        RenderInvocation(
            render_exe=plan.render_exe.path,
            scene_file=scene_copy,
            layers=tuple(nodes[name] for name in spec.layers),
            start=spec.run.start,
            end=spec.run.end,
            by=spec.run.step,
            output_dir=config.output_dir,
            project_dir=plan.project_dir,
            threads=config.cpu_threads,
            gpu_pinned=spec.slot.gpu is not None,
            skip_existing=config.skip_existing,
            extra_args=tuple(config.extra_args),
        )
    )


def preview_argv(plan: JobPlan, spec: TaskSpec) -> list[str]:
    """The argv a task would get, with a placeholder for the temp scene not written yet."""
    stem = safe_file_component(plan.scene_path.stem)
    label = safe_file_component("+".join(spec.layers))
    return build_task_argv(plan, spec, f"<temp>/render_{stem}_<timestamp>_{label}.ma")


def frames_by_layer(plan: JobPlan) -> dict[str, list[int]]:
    """Frames of every layer of a plan (for the job store)."""
    return {layer.name: list(layer.frames) for layer in plan.layers}


__all__ = [
    "JobResult",
    "JobRunner",
    "build_task_argv",
    "expand_image_template",
    "preview_argv",
    "frames_by_layer",
    "image_ok",
    "infer_image_template",
    "FrameSet",
]
