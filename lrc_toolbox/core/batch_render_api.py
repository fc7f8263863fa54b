"""``BatchRenderAPI``: the one front the CLI, the dialog and TD scripts drive the engine through.

Starting a job returns at once; the job runs on background threads. ``wait()`` blocks when a script
wants it to; subscribers get plain-Python events (see :mod:`lrc_toolbox.core.events`) from engine
threads. Nothing here blocks on a render, so it is safe to call from Maya's Script Editor.

Example (a TD in a shell or in Maya)::

    from lrc_toolbox.api import BatchRenderAPI
    api = BatchRenderAPI()
    job = api.render_layer(scene_file="shot001.ma", layer="MASTER_BG_A", frames="1-24", gpu_id=1)
    job.wait()
    print(job.result.ok, job.result.failed)
"""

from __future__ import annotations

import atexit
import getpass
import logging
import os
import socket
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path

import psutil

from lrc_toolbox.config import batch_render_defaults as defaults
from lrc_toolbox.core import events as ev
from lrc_toolbox.core.gpu_availability import GPUAvailability
from lrc_toolbox.core.job_control import (
    JobSummary,
    StoredJob,
    cancel_job,
    claim_job,
    config_from_record,
    frames_to_retry,
    get_job_or_fail,
    load_resume_state,
    load_stored_job,
    summarise,
)
from lrc_toolbox.core.job_runner import JobResult, JobRunner, ResumeState, frames_by_layer
from lrc_toolbox.core.job_store import (
    JobStore,
    JobStoreError,
    data_dir,
    default_store_path,
    new_job_id,
)
from lrc_toolbox.core.job_store_timings import RENDERER_KEY
from lrc_toolbox.core.models import RenderConfig, RenderMode, SystemInfo, TaskStatus
from lrc_toolbox.core.plan_inputs import render_layer_config
from lrc_toolbox.core.planner import JobPlan, PlanError, plan_job
from lrc_toolbox.core.retention import CleanupReport, clean_up
from lrc_toolbox.core.system_detector import SystemDetector
from lrc_toolbox.utils.frame_parser import FrameSet
from lrc_toolbox.utils.temp_file_manager import TempFileError, TempFileManager

__all__ = [
    "STORED_JOB_ERRORS",
    "BatchRenderAPI",
    "JobHandle",
    "JobSummary",
    "PlanError",
    "StoredJob",
]

#: What the calls on stored jobs (``history``, ``job_status``, ``stored_job``, ``resume``,
#: ``retry``, ``cancel``) raise for a reason to show the user: a refused request
#: (:class:`PlanError`) or a job store that cannot be read or written.
STORED_JOB_ERRORS: tuple[type[Exception], ...] = (PlanError, JobStoreError)

_LOG = logging.getLogger(__name__)


class JobHandle:
    """A started job: wait for it, stop it, read its status and result.

    It is truthy once the job has started, so the spec's ``success = api.render_layer(...)`` reads
    naturally; ``result.ok`` says whether every frame was verified.
    """

    def __init__(self, runner: JobRunner) -> None:
        self._runner = runner

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        state = "finished" if self._runner.is_finished else "running"
        return f"<JobHandle {self.job_id} {state}>"

    @property
    def job_id(self) -> str:
        """The job's id (in the store, the logs folder and every event)."""
        return self._runner.job_id

    @property
    def plan(self) -> JobPlan:
        """The validated plan the job runs."""
        return self._runner.plan

    @property
    def result(self) -> JobResult | None:
        """The outcome once finished, else None."""
        return self._runner.result

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job ends (True) or ``timeout`` seconds pass (False).

        Raises:
            RuntimeError: The engine itself failed (the original error is chained).
        """
        finished = self._runner.wait(timeout)
        if finished and self._runner.error is not None:
            raise RuntimeError(f"job {self.job_id} failed internally") from self._runner.error
        return finished

    def stop(self, reason: str = "cancelled by the user") -> None:
        """Stop every render of this job (whole process trees) and drop what is queued.

        Args:
            reason: Why, as the job records it (``interrupted by SIGTERM``).
        """
        self._runner.cancel(reason)

    def stop_task(self, task_id: str) -> None:
        """Stop one task; its unverified frames are retried like any missing frame."""
        self._runner.stop_task(task_id)

    def status(self) -> list[TaskStatus]:
        """One row per task, running and finished."""
        return self._runner.status()


class BatchRenderAPI:
    """Main orchestration class for batch rendering (the spec's API).

    Args:
        detector: System detector (injectable for tests).
        store_path: Job store file; default ``<data dir>/jobs.sqlite3``.
        environ: Environment for finding ``Render`` (default ``os.environ``).
        gpu_availability: NVML's view of busy GPUs and render memory (default: NVML itself).
        on_store_busy: Told in one line when the job store is locked by another process and a
            write waits for it (up to 30 s), so nobody waits without knowing why.

    A job runs on this process's threads; its renders are separate processes. **A script must
    wait for its jobs** (``handle.wait()``): when Python exits while a job of this API still
    runs, the job is stopped (every render tree ended) and recorded as cancelled, with one
    warning line on stderr; it is never left "queued" or "running" with nobody managing it.
    (A manager that dies without exiting cleanly, e.g. killed or a Maya crash, leaves its
    renders running: ``resume JOB`` takes them back.)
    """

    def __init__(
        self,
        *,
        detector: SystemDetector | None = None,
        store_path: str | Path | None = None,
        environ: Mapping[str, str] | None = None,
        gpu_availability: GPUAvailability | None = None,
        on_store_busy: Callable[[str], None] | None = None,
    ) -> None:
        self._on_store_busy = on_store_busy
        self.system_detector = detector or SystemDetector()
        self._availability = gpu_availability
        self.events = ev.EventBus()
        self._store_path = Path(store_path) if store_path else None
        self._environ = environ
        self._lock = threading.Lock()
        self._jobs: dict[str, JobHandle] = {}
        self._active: JobHandle | None = None
        self._cleaned = False

    # -- events -----------------------------------------------------------------------------------
    def subscribe(
        self, callback: Callable[[ev.Event], None], *, logs: bool = False
    ) -> Callable[[], None]:
        """Receive engine events (from engine threads); returns an unsubscribe function."""
        return self.events.subscribe(callback, logs=logs)

    # -- planning and starting --------------------------------------------------------------------
    def plan(self, config: RenderConfig, *, for_farm: bool = False) -> JobPlan:
        """Validate ``config`` and return the plan without starting anything.

        Args:
            config: What to render.
            for_farm: Plan for a farm export: this machine's GPUs are not probed or required.

        Raises:
            PlanError: One clear reason the job cannot start.
        """
        return plan_job(
            config, detector=self.system_detector, environ=self._environ, for_farm=for_farm
        )

    def submit(
        self, config: RenderConfig, *, image_templates: Mapping[str, list[str]] | None = None
    ) -> JobHandle:
        """Validate and start a job; return its handle at once.

        Args:
            config: What to render.
            image_templates: Known output naming per layer (from Maya), if any.

        Raises:
            PlanError: Invalid input or environment; nothing was started or written.
            RuntimeError: A job of this API instance is still running.
        """
        with self._lock:
            if self._active is not None and not self._active._runner.is_finished:
                raise RuntimeError(
                    f"job {self._active.job_id} is still running: wait for it or stop it first"
                )
            plan = self.plan(config)
            return self._start(plan, image_templates)

    def start_plan(self, plan: JobPlan) -> JobHandle:
        """Start an already validated plan (the dialog plans first to show a preview)."""
        with self._lock:
            return self._start(plan, None)

    def _log_dir(self, job_id: str) -> Path:
        base = self._store_path.parent if self._store_path is not None else data_dir()
        return base / "logs" / job_id

    def _start(
        self,
        plan: JobPlan,
        image_templates: Mapping[str, list[str]] | None,
        *,
        resume_of: str | None = None,
        resume: ResumeState | None = None,
        store: JobStore | None = None,
    ) -> JobHandle:
        job_id = resume_of or new_job_id()
        store = store or self._store()
        try:
            log_dir = self._log_dir(job_id)
            # 0700: logs hold command lines and environment changes; a --store in a shared
            # folder must not make them readable by everyone.
            log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            temp = TempFileManager(keep=plan.config.keep_temp)
        except (OSError, JobStoreError, TempFileError) as exc:
            # A full disk or a read-only data/temp folder: one clear line, nothing launched.
            raise PlanError(f"cannot start the job: {exc}") from exc
        try:
            if resume_of is None:
                me = psutil.Process()
                store.create_job(
                    job_id=job_id,
                    scene=str(plan.scene_path),
                    config=stored_config(plan),
                    frames=frames_by_layer(plan),
                    manager_pid=me.pid,
                    manager_create_time=me.create_time(),
                )
            runner = JobRunner(
                plan,
                job_id=job_id,
                bus=self.events,
                store=store,
                temp=temp,
                log_dir=log_dir,
                low_priority=plan.resources.system.inside_maya,
                image_templates=image_templates,
                resume=resume,
                availability=self._availability,
            )
        except BaseException as exc:
            # A start that fails leaves no temp folder behind (kept or not: it holds nothing).
            temp.keep = False
            temp.cleanup_all()
            if isinstance(exc, JobStoreError):
                raise PlanError(f"cannot start the job: {exc}") from exc
            raise
        handle = JobHandle(runner)
        _track_until_exit(handle)
        self._jobs[job_id] = handle
        self._active = handle
        runner.start()
        self._clean_up_in_background()
        return handle

    def start_batch_render(self, config: RenderConfig) -> bool:
        """Start a job (the spec's call); True once started. See :meth:`submit` for the handle.

        Raises:
            PlanError: Invalid input or environment; nothing was started.
        """
        return bool(self.submit(config))

    def render_layer(
        self,
        scene_file: str,
        layer: str | Sequence[str],
        frames: str = "",
        gpu_id: int | str | Sequence[int | str] | None = None,
        **options: object,
    ) -> JobHandle:
        """Render one layer (or several) of a scene: the spec's TD call. Returns at once.

        Args:
            scene_file: The ``.ma``/``.mb`` scene.
            layer: Layer name(s) as the artist sees them (``MASTER_BG_A``, ``masterLayer``).
            frames: Frame string (``1-24``, ``1,10-20,50``); empty: what Maya renders for each
                layer (the current frame when the scene's animation flag is off).
            gpu_id: GPU index/UUID (or several) to render on; None: every usable GPU.
            **options: Any other :class:`RenderConfig` field (``renderer="redshift"``, ``retries=1``).

        Returns:
            The job handle (truthy); ``handle.wait()`` blocks until it ends.

        Raises:
            PlanError: Invalid input or environment, or an empty selection (``layer=[]``,
                ``layers=[]``, ``frames=None``, ``gpu_id=[]``): nothing was started.
        """
        config = render_layer_config(scene_file, layer, frames, gpu_id, options)
        return self.submit(config)

    # -- control and status -----------------------------------------------------------------------
    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the active job; True when it has finished (or none is active)."""
        handle = self._active
        return True if handle is None else handle.wait(timeout)

    def stop_all_renders(self) -> bool:
        """Stop every running job's renders (whole process trees). True if something was stopped."""
        stopped = False
        for handle in list(self._jobs.values()):
            if not handle._runner.is_finished:
                handle.stop()
                stopped = True
        return stopped

    def get_render_status(self) -> list[TaskStatus]:
        """Every task of the active job (the spec's status call)."""
        handle = self._active
        return [] if handle is None else handle.status()

    def get_system_info(self) -> SystemInfo:
        """Detect GPUs, CPUs and RAM now (NVML, nvidia-smi fallback; never raises)."""
        return self.system_detector.detect()

    # -- jobs in the store (survive a crash of the manager) ---------------------------------------
    @property
    def store_path(self) -> Path:
        """The job store file this API reads and writes."""
        return self._store_path if self._store_path is not None else default_store_path()

    def _store(self) -> JobStore:
        """Open the job store; a store that cannot be used is a :class:`PlanError` (one line)."""
        try:
            return JobStore(self._store_path, on_busy=self._on_store_busy)
        except JobStoreError as exc:
            raise PlanError(str(exc)) from exc

    def resume(self, job_id: str) -> JobHandle:
        """Pick up a job whose manager died: re-attach, verify, render what is left.

        Raises:
            PlanError: Unknown job, already ended, still run by a live manager, or its scene or
                environment no longer valid.
        """
        with self._lock:
            store = self._store()
            job = get_job_or_fail(store, job_id)
            running_here = self._jobs.get(job_id)
            if running_here is not None and not running_here._runner.is_finished:
                raise PlanError(f"job {job_id} is already running in this process")
            job = claim_job(store, job)
            state = load_resume_state(store, job)
            config = config_from_record(job)
            config.layer_frames = {
                layer: FrameSet(frames).to_string()
                for layer, frames in _frames_per_layer(store, job_id).items()
            }
            config.frame_range = ""
            plan = self.plan(config)
            return self._start(plan, None, resume_of=job_id, resume=state, store=store)

    def retry(self, job_id: str) -> JobHandle:
        """Start a new job for the frames of ``job_id`` without a verified image.

        Raises:
            PlanError: Unknown job, still running, nothing to retry, or invalid now.
        """
        store = self._store()
        job = get_job_or_fail(store, job_id)
        config = config_from_record(job)
        config.layer_frames = frames_to_retry(store, job)
        config.layers = list(config.layer_frames)
        config.frame_range = ""
        return self.submit(config)

    def cancel(self, job_id: str) -> str:
        """Stop a job (through its manager if it runs, else its surviving renders directly)."""
        for handle in self._jobs.values():
            if handle.job_id == job_id and not handle._runner.is_finished:
                handle.stop()
                return f"job {job_id} is stopping"
        store = self._store()
        return cancel_job(store, get_job_or_fail(store, job_id))

    def clean_up_history(self, older_than_days: float = defaults.RETENTION_DAYS) -> CleanupReport:
        """Forget finished jobs older than the retention, their logs, and abandoned temp scenes."""
        store = self._store()  # first: a data folder that cannot be used is one clear PlanError
        base = self._store_path.parent if self._store_path is not None else data_dir()
        return clean_up(store, log_root=base / "logs", older_than_s=older_than_days * 86400.0)

    def _clean_up_in_background(self) -> None:
        if self._cleaned:
            return
        self._cleaned = True

        def run() -> None:
            try:
                self.clean_up_history()
            except Exception:  # housekeeping must never disturb a render
                _LOG.exception("history clean-up failed")

        threading.Thread(target=run, name="lrc-retention", daemon=True).start()

    def job_status(self, job_id: str) -> JobSummary:
        """State, per-layer counts and running tasks of one job."""
        with self._store() as store:
            return summarise(store, get_job_or_fail(store, job_id))

    def history(self, limit: int = 20) -> list[JobSummary]:
        """The most recent jobs, newest first."""
        with self._store() as store:
            return [summarise(store, job) for job in store.list_jobs(limit=limit)]

    def stored_job(self, job_id: str) -> StoredJob:
        """One job with its tasks and frames as the store keeps them, read at once.

        Raises:
            PlanError: Unknown job, or the job store cannot be opened.
            JobStoreError: The store failed while reading.
        """
        with self._store() as store:
            return load_stored_job(store, job_id)

    @property
    def active_job(self) -> JobHandle | None:
        """The most recently started job of this instance."""
        return self._active


#: Jobs started in this process and not known to have finished (stopped at exit, see
#: :class:`BatchRenderAPI`); held strongly: a script may drop its API and handle at once.
_UNFINISHED: list[JobHandle] = []
_UNFINISHED_LOCK = threading.Lock()
#: What a job stopped at interpreter exit records.
UNWAITED_REASON = "stopped: the Python process that started it exited without waiting for it"
#: Beyond the render stop's grace, how long exit waits for a job to record its end.
EXIT_STOP_MARGIN_S = 5.0


def _track_until_exit(handle: JobHandle) -> None:
    with _UNFINISHED_LOCK:
        _UNFINISHED[:] = [h for h in _UNFINISHED if not h._runner.is_finished]
        _UNFINISHED.append(handle)


@atexit.register
def _stop_jobs_at_exit() -> None:
    """Never leave a job "running" with no manager: stop and record the jobs nobody waited for."""
    with _UNFINISHED_LOCK:
        handles = [h for h in _UNFINISHED if not h._runner.is_finished]
    for handle in handles:
        sys.stderr.write(
            f"lrc_toolbox: job {handle.job_id} was still running when Python exited: stopping "
            "its renders and recording it as cancelled (call handle.wait() to let a job "
            "finish)\n"
        )
        handle.stop(UNWAITED_REASON)
    for handle in handles:
        try:
            handle.wait(defaults.TERMINATE_GRACE_S + EXIT_STOP_MARGIN_S)
        except RuntimeError:
            continue


def _frames_per_layer(store: JobStore, job_id: str) -> dict[str, list[int]]:
    frames: dict[str, list[int]] = {}
    for record in store.get_frames(job_id):
        frames.setdefault(record.layer, []).append(record.frame)
    return frames


def _config_dict(config: RenderConfig) -> dict[str, object]:
    data = asdict(config)
    data["render_mode"] = (
        config.render_mode.value
        if isinstance(config.render_mode, RenderMode)
        else str(config.render_mode)
    )
    return data


def stored_config(plan: JobPlan) -> dict[str, object]:
    """The configuration a job store keeps: the settings, with the resolved image folder.

    ``output_dir`` and ``project_dir`` hold what every render got (``-rd``, ``-proj``), so the
    history names the folder and ``retry``/``resume`` render into the same one;
    ``output_origin`` says why it was chosen; ``scene_file`` is absolute; ``renderer_used`` is the
    renderer the job really used (its timings are a later job's history only for the same
    renderer). ``plan_notes`` (current frame, overrides left to Maya, layers that are not
    layers...) stay with the job for status and history; ``config_from_record`` ignores the extra
    keys. ``still_layers`` names the layers rendered as a still, so that a resume or retry (which
    hands each layer its frames) renders them as stills again.
    """
    data = _config_dict(plan.config)
    data["still_layers"] = [layer.name for layer in plan.layers if layer.still]
    # The absolute scene path: retry/resume may run from another folder than the job did.
    data["scene_file"] = str(plan.scene_path)
    data["plan_notes"] = list(plan.notes)
    data["output_dir"] = plan.output_dir
    data["project_dir"] = plan.project_dir
    data[RENDERER_KEY] = plan.profile.name
    if plan.output is not None:
        data["output_origin"] = plan.output.origin.value
    return data


def describe_environment() -> dict[str, str]:
    """Who/where for job records: user, host, pid."""
    return {"user": getpass.getuser(), "host": socket.gethostname(), "pid": str(os.getpid())}
