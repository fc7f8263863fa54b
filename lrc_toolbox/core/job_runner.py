"""Runs one planned job: the supervisor that launches, watches, verifies, retries and finishes.

One supervisor thread owns all job state. Each render's follower thread parses its log and sends
:class:`~lrc_toolbox.core.task_monitor.Note` records through a queue; the supervisor applies them
and, every :data:`TICK_S`, runs the watchdog, finalises finished tasks, requeues missing frames and
fills free slots. Nobody else mutates job state, so there are no lock-ordering puzzles.

The supervisor keeps the loop and delegates each rule to the module that states it:

* when a frame is done (images reported or predicted, non-empty, fresh): :mod:`.verification`;
* when a running render is stopped (fatal line, lost GPU, stalled start, hang, max task time; a
  silent render that keeps writing images is alive): :mod:`.watchdog`, probing the disk through
  :mod:`.output_activity` only when the decision asks;
* what a finished task's missing frames become (requeued, failed for good, the layer or the queue
  dropped) and its end state: :mod:`.task_outcome`; the job's end: :mod:`.job_outcome`;
* free slots, leases, busy and lost GPUs: :mod:`.slot_dispatch`; launching: :mod:`.task_launcher`;
* a slot idle with nothing queued takes the unstarted frames of a running task when that pays
  (automatic chunks only): :mod:`.tail_split` decides, :mod:`.task_splitter` moves the frames and
  stops the task right after its last kept frame is verified;
* ``--skip-existing``: :mod:`.skip_existing`; resuming a job and its surviving renders:
  :mod:`.reattach`; status rows: :mod:`.status_rows`; peak GPU memory: :mod:`.gpu_memory`;
* every job-store write and every event: :class:`~lrc_toolbox.core.job_recorder.JobRecorder`;
  every time reading: the one :class:`~lrc_toolbox.core.clock.Clock`.

One rule is the loop's own: a task is over only when its whole process tree is gone, not when its
launcher exits (a task whose stop is still ending its tree is not finalised yet). The loop wakes as
soon as a note arrives or a render's log has been read to its end after its exit, so the next
launch on a slot follows the end of the last without waiting for a tick.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from collections.abc import Mapping
from pathlib import Path

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.clock import SYSTEM_CLOCK, Clock
from lrc_toolbox.core.cost_model import history_notice
from lrc_toolbox.core.gpu_availability import GPUAvailability
from lrc_toolbox.core.gpu_leases import Lease, LeaseBook
from lrc_toolbox.core.gpu_memory import GpuMemorySampler
from lrc_toolbox.core.job_estimate import JobCounts, JobProgressReporter, estimate_eta_s
from lrc_toolbox.core.job_outcome import FrameTally, JobResult
from lrc_toolbox.core.job_recorder import JobRecorder
from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.core.models import TaskState, TaskStatus
from lrc_toolbox.core.output_activity import shows_new_work
from lrc_toolbox.core.plan_history import plan_cost_history
from lrc_toolbox.core.planner import JobPlan, PlannedLayer, still_frame
from lrc_toolbox.core.reattach import (
    AttachedTask,
    ResumeState,
    TaskAttachment,
    take_back_survivors,
)
from lrc_toolbox.core.render_process_manager import RenderProcessManager
from lrc_toolbox.core.scheduler import ChunkPolicy, CostModel, TaskSpec, WorkQueue
from lrc_toolbox.core.skip_existing import existing_images, learn_naming_from_history
from lrc_toolbox.core.slot_dispatch import SlotDispatcher
from lrc_toolbox.core.status_rows import StatusBoard
from lrc_toolbox.core.task_launcher import (
    TaskLauncher,
    build_task_argv,
    preview_argv,
    snapshot_order,
)
from lrc_toolbox.core.task_monitor import TaskMonitor
from lrc_toolbox.core.task_notes import NoteApplier
from lrc_toolbox.core.task_outcome import FrameKey, decide_outcome
from lrc_toolbox.core.task_run import TaskRun, own_pids
from lrc_toolbox.core.task_splitter import TaskSplitter
from lrc_toolbox.core.temp_cleanup import clean_up_job_temp
from lrc_toolbox.core.verification import (
    ImageNaming,
    expand_image_template,
    image_ok,
    infer_image_template,
    verify_frame,
)
from lrc_toolbox.core.watchdog import Act, WatchdogLimits, decide_with_look
from lrc_toolbox.utils.frame_parser import FrameSet
from lrc_toolbox.utils.render_subprocess import RenderLaunchError
from lrc_toolbox.utils.temp_file_manager import TempFileManager, default_temp_parent

_LOG = logging.getLogger(__name__)

#: How often the supervisor wakes up when nothing happens (watchdogs, exits).
TICK_S = 0.05


def frames_by_layer(plan: JobPlan) -> dict[str, list[int]]:
    """Frames of every layer of a plan (for the job store)."""
    return {layer.name: list(layer.frames) for layer in plan.layers}


def _doomed_folders(temp: TempFileManager, resume: ResumeState | None) -> tuple[str, ...]:
    """Folders deleted when the job ends: an image there is never verified (both spellings)."""
    folders = [str(temp.job_dir), str(default_temp_parent())]
    if resume is not None:
        folders += resume.old_temp_folders
    spelled = {folder: None for folder in folders}
    for folder in folders:
        spelled[os.path.realpath(folder)] = None
    return tuple(spelled)


def _output_root(plan: JobPlan) -> Path | None:
    """The folder every render writes its images to (the plan's ``-rd``)."""
    return Path(plan.output_dir).expanduser() if plan.output_dir else None


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
        clock: The one clock of the job (tests pass a :class:`~lrc_toolbox.core.clock.ManualClock`).
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
        clock: Clock | None = None,
        leases: LeaseBook | None = None,
        availability: GPUAvailability | None = None,
        resume: ResumeState | None = None,
    ) -> None:
        config = plan.config
        self.plan = plan
        self.job_id = job_id
        self._clock = clock or SYSTEM_CLOCK
        self._temp = temp
        self._log_dir = log_dir
        self._layers = {layer.name: layer for layer in plan.layers}
        self._output_root = _output_root(plan)
        self._doomed = _doomed_folders(temp, resume)
        self._cost = CostModel(history=plan_cost_history(plan, store, exclude_job=job_id))
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
        self._limits = WatchdogLimits(
            start_timeout_s=config.start_timeout_s,
            hang_timeout_s=config.hang_timeout_s,
            max_task_time_s=config.max_task_time_s,
        )
        self._naming = ImageNaming(image_templates)
        self._recorder = JobRecorder(job_id, bus, store)
        self._notes = NoteApplier(
            cost=self._cost, naming=self._naming, recorder=self._recorder, verify=self._verify
        )
        self._tally = FrameTally(
            self._layers,
            done=resume.done if resume is not None else None,
            failed=resume.failed if resume is not None else None,
        )
        self._processes = RenderProcessManager()
        self._launcher = TaskLauncher(
            plan, temp=temp, log_dir=log_dir, processes=self._processes, low_priority=low_priority
        )
        self._availability = availability or GPUAvailability(clock=self._clock.monotonic)
        self._slots = SlotDispatcher(
            plan.slots,
            job_id=job_id,
            leases=leases or LeaseBook(),
            availability=self._availability,
            notice=self._recorder.notice,
        )
        self._gpu_memory = GpuMemorySampler(self._availability)
        self._splitter = TaskSplitter(
            queue=self._queue,
            cost=self._cost,
            fill=self._fill,
            stop=self._processes.terminate_process,
            can_stop=lambda task_id: self._processes.get(task_id) is not None,
            notice=self._recorder.notice,
            keep_point=self._recorder.task_keeps_through,
            idle_count=lambda: self._slots.idle_count(self._clock.monotonic()),
        )
        self._running: dict[str, TaskRun] = {}
        self._finished: dict[str, TaskRun] = {}
        self._cancel = threading.Event()
        self._cancel_reason = "cancelled by the user"
        self._stop_requests: queue.SimpleQueue[str] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._finished_event = threading.Event()
        self._status = StatusBoard()
        self._progress = JobProgressReporter(self._recorder)
        self._total_frames = sum(len(layer.frames) for layer in plan.layers)
        self._started_at = 0.0
        self.result: JobResult | None = None
        self.error: BaseException | None = None

    # -- public -----------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the supervisor thread and return at once."""
        if self._thread is not None:
            raise RuntimeError("job already started")
        self._started_at = self._clock.monotonic()
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

    def status(self) -> list[TaskStatus]:
        """Snapshot of every task (running and finished), safe from any thread."""
        return self._status.rows()

    # -- supervisor -------------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._recorder.job_started(
                layers=frames_by_layer(self.plan),
                slots=[slot.label for slot in self.plan.slots],
                renderer=self.plan.profile.name,
                render_exe=self.plan.render_exe.path,
                log_dir=self._log_dir,
                notes=list(self.plan.notes),
                output_dir=self.plan.output_dir,
            )
            told = history_notice(self._cost.history)
            if told:
                self._recorder.notice(told)
            if self.plan.config.skip_existing:
                self._skip_existing_images()
            self._launcher.prepare(
                snapshot_order(self.plan.layers, self._queue, self.plan.config.render_mode)
            )
            if self._resume is not None:
                take_back_survivors(
                    self._resume.attached,
                    slots=self.plan.slots,
                    layers=self._layers,
                    running=self._running,
                    dispatcher=self._slots,
                    now=self._clock.monotonic(),
                    follow=lambda task_id, layers: self._monitor(task_id, layers).feed,
                    notice=self._recorder.notice,
                    register=self._processes.adopt,
                )
            while True:
                # Wait for a note only when nothing can be launched now (the first launches and
                # those after a finalised task must not wait for a tick).
                launchable = (
                    not self._cancel.is_set()
                    and self._queue.has_launchable()
                    and self._slots.idle_count(self._clock.monotonic()) > 0
                )
                self._notes.drain(self._running, 0.0 if launchable else TICK_S)
                self._splitter.stop_at_keep_points(self._running)
                self._handle_stop_requests()
                if self._cancel.is_set():
                    self._cancel_everything()
                self._check_running()
                self._gpu_memory.sample(
                    self._clock.monotonic(),
                    {task_id: task.process for task_id, task in self._running.items()},
                )
                if not self._cancel.is_set():
                    self._dispatch()
                self._refresh_status()
                self._report_progress()
                if not self._running and (self._queue.is_empty() or self._cancel.is_set()):
                    break
            self._report_progress(final=True)
            self._finish_job()
        except BaseException as exc:  # recorded and re-raised by the owner (CONVENTIONS 7)
            _LOG.exception("job %s supervisor failed", self.job_id)
            self.error = exc
            self._processes.terminate_all(grace_s=1.0)
            self._finish_job(error=exc)
        finally:
            self._finished_event.set()

    def _monitor(self, task_id: str, layers: list[PlannedLayer]) -> TaskMonitor:
        """The log reader of one task, sending its notes to the supervisor's inbox."""
        return TaskMonitor(
            task_id=task_id,
            layers=[(layer.name, layer.node) for layer in layers],
            parser=self.plan.profile_for(layers).new_parser(),
            still_frame=still_frame(layers),
            emit=self._notes.emit,
            on_log=self._recorder.log_publisher(task_id),
            clock=self._clock,
        )

    def _skip_existing_images(self) -> None:
        """Mark frames whose images already exist as done before launching anything."""
        learn_naming_from_history(
            self._recorder.history,
            self._naming,
            scene=str(self.plan.scene_path),
            layers=list(self._layers),
            job_id=self.job_id,
            stills=[layer.name for layer in self.plan.layers if layer.still],
        )
        for layer, found in existing_images(self.plan.layers, self._naming).items():
            self._queue.remove(layer, [frame for frame, _ in found])
            for frame, path in found:
                self._tally.mark_done(layer, frame, path)
                self._recorder.frame_skipped(layer, frame, path)

    # verification ------------------------------------------------------------------------------
    def _verify(self, task: TaskRun, key: FrameKey) -> tuple[bool, str]:
        """Verify one (layer, frame) of a task; record it as done when its images are good."""
        if key in task.done:
            return True, ""
        launched_wall = task.launched_wall
        if launched_wall is None:
            launched_wall = self._clock.wall_at(task.launched_at)
        verdict = verify_frame(
            task.images.get(key, []),
            self._naming.predict(*key),
            launched_wall=launched_wall,
            skip_existing=self.plan.config.skip_existing,
            doomed=self._doomed,
            still=task.still,
        )
        if verdict.ok and verdict.path is not None:
            task.done[key] = verdict.path
            task.bad.pop(key, None)
            self._tally.mark_done(key[0], key[1], verdict.path)
            self._recorder.frame_done(
                key[0],
                key[1],
                verdict.path,
                task_id=task.task_id,
                gpu=task.spec.slot.cuda_device,
                render_s=task.frame_seconds.get(key),
            )
        return verdict.ok, verdict.why

    # watchdogs and exits -------------------------------------------------------------------------
    def _check_running(self) -> None:
        now = self._clock.monotonic()
        for task_id, task in list(self._running.items()):
            process = task.process
            if process is None or process.wait(timeout=0) is not None:
                if self._processes.is_stopping(task_id):
                    continue  # its launcher is gone, but the stop is still ending its tree
                self._finalise(task_id)
                continue
            task.observe_output(now)
            self._watch(task, now)

    def _watch(self, task: TaskRun, now: float) -> None:
        """Apply the watchdog's decision to one running task."""
        lost = None
        if task.stop_state is None and task.fatal_reason is None:
            lost = self._availability.lost_reason(task.spec.slot.gpu)
        action = decide_with_look(
            task.watchdog_view(lost),
            now,
            self._limits,
            lambda since: self._shows_work(task, since),
        )
        if action.act is Act.STOP and action.state is not None:
            self._stop(task, action.state, action.reason or "")
        elif action.act is Act.MARK_STARTED:
            task.render_started_at = now
        elif action.act is Act.MARK_ALIVE:
            task.last_image_at = now

    def _shows_work(self, task: TaskRun, since: float) -> bool:
        """The watchdog's disk probe: did a render silent since ``since`` write work meanwhile?"""
        unknown = [layer for layer in task.layers if not self._naming.is_known(layer.name)]
        return shows_new_work(
            (
                path
                for layer in task.layers
                for frame in task.spec.frames
                for path in self._naming.predict(layer.name, frame)
            ),
            since_wall=self._clock.wall_at(since),
            root=self._output_root,
            unknown_layer_names={name for layer in unknown for name in (layer.name, layer.node)},
            match_names=len(self._layers) > 1,
        )

    def _stop(self, task: TaskRun, state: TaskState, reason: str) -> None:
        task.stop_state = state
        task.stop_reason = reason
        self._processes.terminate_process(task.task_id)

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
        for layer, frames in self._queue.drop_all(self._cancel_reason).items():
            self._fail_frames(layer, frames, self._cancel_reason, task_id="")

    # finishing a task ----------------------------------------------------------------------------
    def _finalise(self, task_id: str) -> None:
        """A task's process tree is gone: verify its frames and apply the outcome rules."""
        task = self._running.pop(task_id)
        # The follower has read the whole log; its last notes may still be queued.
        self._notes.drain_now({**self._running, task_id: task})
        if task.open_frame is not None:
            self._notes.close_frame(task, self._clock.monotonic())
        why_missing: dict[FrameKey, str] = {}
        for key in task.keys:
            if key in task.done:
                continue
            ok, why = self._verify(task, key)
            if not ok:
                why_missing[key] = why or task.bad.get(key, "")
        facts = task.finished(
            why_missing=why_missing,
            naming_known=frozenset(
                layer.name for layer in task.layers if self._naming.is_known(layer.name)
            ),
            attempts={key: self._queue.attempts(*key) for key in why_missing},
            retries=self.plan.config.retries,
        )
        outcome = decide_outcome(facts)
        self._recorder.task_finished(
            task_id,
            state=outcome.state,
            exit_code=facts.exit_code,
            reason=outcome.reason,
            launched=task.process is not None,
            peak_gpu_memory=self._gpu_memory.take_peak(task_id),
            frames_done=sorted(frame for _, frame in task.done),
            frames_missing=outcome.frames_missing,
        )
        task.stop_state = outcome.state
        task.stop_reason = outcome.reason
        for item in outcome.layers:
            self._queue.requeue(item.layer, item.requeued)
            for frame in item.requeued:
                self._recorder.frame_requeued(
                    item.layer, frame, item.reasons[frame], task_id=task_id
                )
            for frame in item.failed:
                self._fail_frames(item.layer, [frame], item.reasons[frame], task_id)
            if item.drop_queued_reason is not None:
                why = item.drop_queued_reason
                self._fail_frames(item.layer, self._queue.drop_layer(item.layer, why), why, task_id)
        if outcome.drop_all_reason is not None:
            for layer, frames in self._queue.drop_all(outcome.drop_all_reason).items():
                self._fail_frames(layer, frames, outcome.drop_all_reason, task_id)
        self._finished[task_id] = task
        self._status.task_finished(task, now=self._clock.monotonic(), cost=self._cost)
        self._slots.give_back(task.spec.slot, task.lease)
        self._processes.forget(task_id)

    def _fail_frames(self, layer: str, frames: list[int], reason: str, task_id: str) -> None:
        """Frames failed for good (a done frame stays done and is not announced)."""
        if not frames:
            return
        announce = self._tally.mark_failed(layer, frames, reason)
        self._recorder.frames_failed(layer, frames, reason, task_id=task_id, announce=announce)

    # launching -----------------------------------------------------------------------------------
    def _dispatch(self) -> None:
        """Fill free slots; once no slot is usable and nothing runs, fail what is queued."""
        self._fail_queue_without_slots()
        if self.plan.config.chunk_size is None:
            self._splitter.dispatch(self._running, now=self._clock.monotonic())
        else:
            self._fill()
        self._fail_queue_without_slots()

    def _fill(self) -> None:
        self._slots.fill(
            self._queue,
            now=self._clock.monotonic(),
            slot_count=len(self.plan.slots),
            task_loads=lambda: [task.load() for task in self._running.values()],
            own_pids=lambda: own_pids(self._running.values()),
            launch=self._launch,
        )

    def _fail_queue_without_slots(self) -> None:
        why = self._slots.dead_end_reason(
            running=bool(self._running), queue_empty=self._queue.is_empty()
        )
        if why is not None:
            for layer, frames in self._queue.drop_all(why).items():
                self._fail_frames(layer, frames, why, task_id="")

    def _launch(self, spec: TaskSpec, lease: Lease) -> None:
        layers = [self._layers[name] for name in spec.layers]
        log_path = self._launcher.log_path(spec)
        task = TaskRun(
            spec=spec,
            layers=layers,
            log_path=log_path,
            launched_at=self._clock.monotonic(),
            lease=lease,
        )
        self._running[spec.task_id] = task
        self._recorder.task_added(spec, log_path)
        try:
            monitor = self._monitor(spec.task_id, layers)
            process, argv = self._launcher.launch(
                spec, layers, log_path, monitor.feed, on_exit=self._notes.wake
            )
        except (RenderLaunchError, OSError, ValueError) as exc:  # ValueError: scene/temp errors
            task.launch_error = f"could not start the render: {exc}"
            _LOG.error("task %s: %s", spec.task_id, task.launch_error)
            self._recorder.task_not_started(spec, log_path)
            return
        task.process = process
        self._slots.attach_render(lease, process.pid or 0, process.create_time)
        self._recorder.task_started(
            spec, pid=process.pid, create_time=process.create_time, argv=argv, log_path=log_path
        )

    # status and the end --------------------------------------------------------------------------
    def _refresh_status(self) -> None:
        self._status.refresh(
            running=self._running.values(), now=self._clock.monotonic(), cost=self._cost
        )

    def _report_progress(self, *, final: bool = False) -> None:
        """Publish the job's progress when frames were decided, every second meanwhile, and
        once more at the end (``final``) so the last counts are never held back by the gap."""
        now = self._clock.monotonic()
        done = sum(len(frames) for frames in self._tally.done.values())
        failed = sum(len(frames) for frames in self._tally.failed.values())
        if not final and not self._progress.due((done, failed), now):
            return
        queued = self._queue.queued_counts()
        requeued = self._queue.requeued_frames()
        launched = [*self._running.values(), *self._finished.values()]
        per_launch = sum(len(task.spec.frames) for task in launched) / max(1, len(launched))
        eta = estimate_eta_s(
            cost=self._cost,
            layers=self._layers,
            queued=queued,
            running=[task.load() for task in self._running.values()],
            slots=len(self.plan.slots),
            frames_per_launch=per_launch if launched else 1.0,
            now=now,
        )
        self._progress.publish(
            JobCounts(done, failed, self._total_frames, requeued),
            eta_s=eta,
            elapsed_s=now - self._started_at,
            now=now,
        )

    def _finish_job(self, error: BaseException | None = None) -> None:
        elapsed = self._clock.monotonic() - self._started_at
        result = self._tally.result(
            {layer.name: layer.frames for layer in self.plan.layers},
            elapsed_s=elapsed,
            error=error,
            cancel_reason=self._cancel_reason if self._cancel.is_set() else None,
        )
        self.result = result
        self._refresh_status()
        self._recorder.job_state(result.state, result.reason)
        cleanup = clean_up_job_temp(
            self._temp,
            self._output_root,
            keep_temp=self.plan.config.keep_temp,
            earlier_folders=self._resume.old_temp_folders if self._resume is not None else (),
        )
        for line in cleanup.notices(self._output_root, self._temp.job_dir):
            self._recorder.notice(line)
        self._recorder.job_finished(
            ok=result.ok,
            state=result.state,
            layers={
                name: {"done": result.done[name], "failed": result.failed[name]}
                for name in self._layers
            },
            elapsed_s=elapsed,
            reason=result.reason,
        )


__all__ = [
    "AttachedTask",
    "TaskAttachment",
    "JobResult",
    "JobRunner",
    "ResumeState",
    "build_task_argv",
    "expand_image_template",
    "preview_argv",
    "frames_by_layer",
    "image_ok",
    "infer_image_template",
    "FrameSet",
]
