"""What the Batch Render dialog asks of the engine: a small controller interface, and the real one.

The dialog depends only on :class:`BatchRenderController` (CONVENTIONS item 5), so tests drive it
with a fake and the Maya entry point hands it an :class:`EngineController` built on the scene open
in Maya. Data crossing the interface are the engine's plain dataclasses (``RenderConfig``,
``RenderStatus``, ``ResourceInfo``, the events of :mod:`lrc_toolbox.core.events`) plus the few
small records below. Nothing here imports Qt: a TD can build a controller in any Python.

Where each call runs (the dialog keeps to this; the GUI thread never waits on a process, a file,
NVML or a farm server):

* GUI thread: :meth:`~BatchRenderController.validate` and :meth:`~BatchRenderController.prepare`
  (inside Maya they use ``maya.cmds``, which must run on Maya's main thread), stop/status calls
  (they only set flags or copy a list), and :meth:`~BatchRenderController.describe_scene` unless
  :attr:`~BatchRenderController.scene_reads_are_thread_safe` says it may run elsewhere.
* A worker thread: :meth:`~BatchRenderController.system_resources` (NVML),
  :meth:`~BatchRenderController.start`, :meth:`~BatchRenderController.resume_job` and
  :meth:`~BatchRenderController.retry_job` (they plan: read the scene, query GPUs),
  :meth:`~BatchRenderController.submit_to_farm` (writes job files, talks to a farm), the job
  history (:meth:`~BatchRenderController.history`, :meth:`~BatchRenderController.job_details`,
  :meth:`~BatchRenderController.orphaned_jobs`: SQLite and the process table) and
  :meth:`~BatchRenderController.cancel_job` (stopping an orphaned job's renders waits for them).
* Subscribers registered with :meth:`~BatchRenderController.subscribe` are called on engine
  threads; the dialog's bridge only queues what they receive.
"""

from __future__ import annotations

import abc
import dataclasses
import importlib
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lrc_toolbox.core.events import Event
from lrc_toolbox.core.job_control import JobSummary
from lrc_toolbox.core.job_store import JobStore, JobStoreError
from lrc_toolbox.core.models import RenderConfig, RenderStatus, ResourceInfo
from lrc_toolbox.core.planner import PlanError
from lrc_toolbox.core.scene_source import (
    FileSceneSource,
    LayerChoice,
    PreparationCancelled,
    PreparedScene,
    ProgressCallback,
    SceneSource,
    SceneSourceError,
)
from lrc_toolbox.core.system_detector import GPUSelectionError
from lrc_toolbox.renderers import profile_names
from lrc_toolbox.ui.job_history import (
    FrameFailure,
    JobDetails,
    JobRow,
    TaskDetail,
    job_details_from_records,
    job_row_from_summary,
)
from lrc_toolbox.utils.frame_parser import FrameRangeError, FrameSet

if TYPE_CHECKING:
    from lrc_toolbox.core.batch_render_api import BatchRenderAPI, JobHandle

__all__ = [
    "ActiveJob",
    "BatchRenderController",
    "ControllerError",
    "EngineController",
    "FarmOutcome",
    "FrameFailure",
    "JobDetails",
    "JobRow",
    "PreparationCancelled",
    "RetryRequest",
    "SceneSummary",
    "StartedJob",
    "TaskDetail",
    "build_retry_request",
    "copy_config",
]

#: Module the farm exporters live in (another issue); imported only when the artist asks for it.
FARM_MODULE: str = "lrc_toolbox.farm"

#: Jobs looked at when searching for orphaned ones (newest first; older ones are long over).
ORPHAN_SCAN_JOBS: int = 50

EventCallback = Callable[[Event], None]


class ControllerError(Exception):
    """Something the user must fix or know; the message is one sentence to show as is."""


# --------------------------------------------------------------------------------------------------
# Records crossing the interface
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SceneSummary:
    """The scene as the configuration panel shows it.

    Attributes:
        label: Short name for titles (``shot001.ma``, ``shot001.ma (open in Maya)``).
        path: The scene file, or None for an untitled scene.
        layers: Render layers the user can tick (empty when they cannot be listed).
        default_frames: The scene's frame range as a frame string (``1-24``), or ``""``.
        default_renderer: The scene's renderer (``redshift``), or None when unknown.
        error: Why layers could not be listed (e.g. a Maya Binary file outside Maya), else ``""``.
    """

    label: str
    path: str | None
    layers: tuple[LayerChoice, ...] = ()
    default_frames: str = ""
    default_renderer: str | None = None
    error: str = ""


@dataclass(frozen=True)
class StartedJob:
    """A job the engine accepted.

    Attributes:
        job_id: The engine's job id (events, store, log folder).
        total_frames: (layer, frame) pairs to render.
        notes: Things worth telling the user (stand-in in use, unconfirmed GPUs...).
    """

    job_id: str
    total_frames: int
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActiveJob:
    """The most recent job and its tasks, for seeding a (re)opened dialog and for ETAs.

    Attributes:
        job_id: The job's id.
        running: False once the job has finished.
        tasks: One engine status row per task, running and finished.
    """

    job_id: str
    running: bool
    tasks: tuple[RenderStatus, ...] = ()


@dataclass(frozen=True)
class RetryRequest:
    """A new job that renders only the frames a finished job failed.

    Attributes:
        source_job_id: The job whose failed frames these are.
        config: The original job's settings with only the failed layers, and their frames in
            ``config.layer_frames`` (they may differ per layer).
        layer_frames: Exactly which frames each layer renders again.
    """

    source_job_id: str
    config: RenderConfig
    layer_frames: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def total_frames(self) -> int:
        """(layer, frame) pairs the retry renders."""
        return sum(len(frames) for frames in self.layer_frames.values())


@dataclass(frozen=True)
class FarmOutcome:
    """What a farm submission (or a dry run) produced.

    Attributes:
        engine: The farm engine's name.
        message: One line for the user (what was written or submitted, and where).
        submitted: True when a farm accepted the job; False for a dry run.
        job_id: The farm's job id when submitted.
        files: Files written (job templates, scripts).
        command: The submit command, when the engine uses one.
    """

    engine: str
    message: str
    submitted: bool = False
    job_id: str | None = None
    files: tuple[str, ...] = ()
    command: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------------
# The interface
# --------------------------------------------------------------------------------------------------
class BatchRenderController(abc.ABC):
    """Everything the Batch Render dialog needs from the engine (see the module docstring for
    which thread may call what)."""

    #: True when :meth:`describe_scene` may run off the GUI thread (a file source reads a file,
    #: which the GUI thread must not wait on; a Maya source uses ``maya.cmds`` and must not).
    scene_reads_are_thread_safe: bool = False

    #: True when the user may pick another scene file (standalone dialog).
    can_open_scenes: bool = False

    def open_scene(self, path: str) -> None:
        """Switch to another scene file.

        Args:
            path: The scene file.

        Raises:
            ControllerError: Not supported here, or the file cannot be used.
        """
        raise ControllerError(
            "this dialog renders the scene open in Maya: open another scene there"
        )

    @abc.abstractmethod
    def describe_scene(self) -> SceneSummary:
        """The scene's label, layers, frame range and renderer; never raises for a bad scene."""

    @abc.abstractmethod
    def renderer_names(self) -> list[str]:
        """Renderer profile names the user can choose (``file`` first: the scene's renderer)."""

    @abc.abstractmethod
    def system_resources(
        self,
        gpus: Sequence[str] | None = None,
        reserve_gpus: int | None = None,
        gpu_count: int | None = None,
    ) -> ResourceInfo:
        """Detect GPUs, CPUs and RAM now and apply the reservation (worker thread: NVML).

        Args:
            gpus: Explicit GPU allow-list as typed, or None.
            reserve_gpus: GPUs kept for the interactive session, or None for the policy.
            gpu_count: Use at most this many GPUs, or None for all usable.

        Returns:
            What a job would get; a bad allow-list is reported in ``notes``, never raised.
        """

    @abc.abstractmethod
    def subscribe(self, callback: EventCallback, *, logs: bool = True) -> Callable[[], None]:
        """Receive engine events (on engine threads); returns a function that unsubscribes."""

    @abc.abstractmethod
    def validate(self, config: RenderConfig) -> list[str]:
        """Problems that would make the job fail, each a sentence with a way out (GUI thread)."""

    @abc.abstractmethod
    def prepare(
        self, config: RenderConfig, progress: ProgressCallback | None = None
    ) -> PreparedScene:
        """Make the file the engine renders (GUI thread; inside Maya it exports a snapshot).

        Raises:
            ControllerError: The scene cannot be prepared.
            PreparationCancelled: ``progress`` returned False.
        """

    @abc.abstractmethod
    def start(self, config: RenderConfig, prepared: PreparedScene) -> StartedJob:
        """Plan and start a job (worker thread); returns once the engine accepted it.

        Args:
            config: The dialog's settings (``scene_file`` is replaced by the prepared file;
                ``layer_frames`` gives a retry its per-layer frames).
            prepared: What :meth:`prepare` returned.

        Raises:
            ControllerError: Invalid input or environment, or a job is still running.
        """

    @abc.abstractmethod
    def stop_task(self, job_id: str, task_id: str) -> None:
        """Stop one task (its unverified frames are retried like any missing frame)."""

    @abc.abstractmethod
    def stop_all(self) -> bool:
        """Stop every render (whole process trees); True when something was running."""

    @abc.abstractmethod
    def is_running(self) -> bool:
        """True while a job of this controller is running."""

    @abc.abstractmethod
    def active_job(self) -> ActiveJob | None:
        """The most recent job and its task rows, or None before the first job."""

    @abc.abstractmethod
    def retry_request(self, job_id: str | None = None) -> RetryRequest:
        """The job that re-renders only the failed frames of ``job_id`` (default: the last job).

        Raises:
            ControllerError: Unknown or still running job, or nothing failed.
        """

    @abc.abstractmethod
    def farm_engines(self) -> list[str]:
        """Farm engines submissions can go to.

        Raises:
            ControllerError: Farm support is not installed (the message says how to get it).
        """

    @abc.abstractmethod
    def submit_to_farm(
        self, config: RenderConfig, prepared: PreparedScene, engine: str, *, dry_run: bool = False
    ) -> FarmOutcome:
        """Export the job to a farm engine, or only write its files with ``dry_run`` (worker).

        Raises:
            ControllerError: Invalid job, farm support or its client library missing, or the
                farm refused the job.
        """

    # -- jobs in the store (history, resume, retry, cancel) ---------------------------------------
    @abc.abstractmethod
    def history(self, limit: int = 50) -> list[JobRow]:
        """The most recent jobs in the job store, newest first (worker thread).

        Args:
            limit: Most jobs to return.

        Raises:
            ControllerError: The job store cannot be read.
        """

    @abc.abstractmethod
    def job_details(self, job_id: str) -> JobDetails:
        """One stored job's renders, failed frames and folders (worker thread).

        Raises:
            ControllerError: Unknown job, or the job store cannot be read.
        """

    @abc.abstractmethod
    def orphaned_jobs(self, scene_path: str | None = None) -> list[JobRow]:
        """Jobs whose manager died while they ran (their renders may still run), newest first.

        Args:
            scene_path: Only jobs of this scene file; None for every job in the store.

        Raises:
            ControllerError: The job store cannot be read.
        """

    @abc.abstractmethod
    def resume_job(self, job_id: str) -> StartedJob:
        """Pick up an orphaned job: re-attach to its live renders, render what is left (worker).

        The job then runs like one :meth:`start` started (events, status, Stop).

        Raises:
            ControllerError: A job is running here, or the job cannot be resumed (unknown,
                ended, still run by a live manager, its scene gone...).
        """

    @abc.abstractmethod
    def retry_job(self, job_id: str) -> StartedJob:
        """Start a new job for a finished job's frames without a verified image (worker).

        Raises:
            ControllerError: A job is running here, or nothing to retry / the job is unknown
                or still running.
        """

    @abc.abstractmethod
    def cancel_job(self, job_id: str) -> str:
        """Stop a job wherever it runs (here, another process, or orphaned); says what was done.

        Worker thread: stopping an orphaned job's renders waits for their process trees.

        Raises:
            ControllerError: Unknown job, already ended, or it could not be stopped.
        """

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no job runs (shutdown only, never on the GUI thread while it is live).

        Returns:
            True when nothing is running any more.
        """
        return not self.is_running()


# --------------------------------------------------------------------------------------------------
# Retry planning (pure functions, shared by the controller and its tests)
# --------------------------------------------------------------------------------------------------
def copy_config(config: RenderConfig, **changes: Any) -> RenderConfig:
    """A copy of ``config`` with ``changes`` applied and its lists copied (no shared state)."""
    copied = dataclasses.replace(
        config,
        layers=list(config.layers),
        gpus=list(config.gpus) if config.gpus is not None else None,
        extra_args=list(config.extra_args),
        output_settings=dict(config.output_settings),
        layer_frames=dict(config.layer_frames) if config.layer_frames is not None else None,
    )
    return dataclasses.replace(copied, **changes) if changes else copied


def build_retry_request(
    job_id: str, config: RenderConfig, failed: Mapping[str, Sequence[int]]
) -> RetryRequest:
    """Turn a finished job's failed frames into a job that renders only those.

    Args:
        job_id: The finished job.
        config: The settings the job was started with.
        failed: Failed frames per layer (layers without failures may be listed with none).

    Returns:
        The request: only the failed layers, each with exactly its failed frames
        (``config.layer_frames``; the shared frame range and step no longer apply).

    Raises:
        ControllerError: Nothing failed, or a frame cannot be written as a frame string.
    """
    per_layer = {layer: tuple(sorted(set(frames))) for layer, frames in failed.items() if frames}
    if not per_layer:
        raise ControllerError(f"job {job_id} has no failed frames to retry")
    try:
        strings = {layer: FrameSet(frames).to_string() for layer, frames in per_layer.items()}
    except (FrameRangeError, TypeError) as exc:
        raise ControllerError(f"cannot retry job {job_id}: {exc}") from exc
    retry_config = copy_config(
        config,
        layers=list(per_layer),
        frame_range="",
        step=1,
        skip_existing=False,
        layer_frames=strings,
    )
    return RetryRequest(source_job_id=job_id, config=retry_config, layer_frames=per_layer)


# --------------------------------------------------------------------------------------------------
# The real controller
# --------------------------------------------------------------------------------------------------
@dataclass
class _JobRecord:
    handle: JobHandle
    config: RenderConfig  # as the dialog gave it (before the scene was prepared)


def _handle_finished(handle: JobHandle) -> bool:
    try:
        return handle.wait(0)
    except RuntimeError:  # the engine failed internally: the job is over either way
        return True


class EngineController(BatchRenderController):
    """Drives :class:`~lrc_toolbox.core.batch_render_api.BatchRenderAPI` for the dialog.

    Args:
        api: The engine front (one job at a time).
        source: Where the scene comes from: a file (standalone) or Maya's open scene.
        render_exe: ``Render`` to use when the dialog leaves it unset (``--render-exe``).
    """

    def __init__(
        self, api: BatchRenderAPI, source: SceneSource, *, render_exe: str | None = None
    ) -> None:
        self._api = api
        self._source = source
        self._render_exe = render_exe
        self._lock = threading.RLock()
        self._jobs: dict[str, _JobRecord] = {}
        self._last_job_id: str | None = None

    @property
    def api(self) -> BatchRenderAPI:
        """The engine front this controller drives."""
        return self._api

    @property
    def source(self) -> SceneSource:
        """The current scene source."""
        return self._source

    # -- scene ------------------------------------------------------------------------------------
    @property
    def scene_reads_are_thread_safe(self) -> bool:  # type: ignore[override]
        """A file source only reads a file, so it may (and should) run off the GUI thread."""
        return isinstance(self._source, FileSceneSource)

    @property
    def can_open_scenes(self) -> bool:  # type: ignore[override]
        """Only a file source can switch files; Maya's source follows Maya's open scene."""
        return isinstance(self._source, FileSceneSource)

    def open_scene(self, path: str) -> None:
        """Switch to another scene file (standalone).

        Raises:
            ControllerError: Not a file source, or the file is missing (a running job keeps
                rendering its own snapshot of the previous scene).
        """
        if not self.can_open_scenes:
            super().open_scene(path)
        target = Path(path).expanduser()
        if not target.is_file():
            raise ControllerError(f"scene not found: {target}")
        self._source = FileSceneSource(target)

    def describe_scene(self) -> SceneSummary:
        """Read the scene's layers, range and renderer (see :attr:`scene_reads_are_thread_safe`)."""
        source = self._source
        error = ""
        layers: tuple[LayerChoice, ...] = ()
        frames = ""
        renderer = None
        try:
            layers = tuple(source.list_layers())
        except SceneSourceError as exc:
            error = str(exc)
        try:
            frames = source.default_frames()
            renderer = source.default_renderer()
        except SceneSourceError as exc:
            error = error or str(exc)
        return SceneSummary(
            label=source.label,
            path=source.scene_path(),
            layers=layers,
            default_frames=frames,
            default_renderer=renderer,
            error=error,
        )

    def renderer_names(self) -> list[str]:
        """The renderer profiles (``file`` first)."""
        return profile_names()

    # -- machine ----------------------------------------------------------------------------------
    def system_resources(
        self,
        gpus: Sequence[str] | None = None,
        reserve_gpus: int | None = None,
        gpu_count: int | None = None,
    ) -> ResourceInfo:
        """Detect the machine and apply the reservation; a bad GPU choice becomes a note."""
        detector = self._api.system_detector
        system = detector.detect()
        try:
            return detector.get_available_resources(
                gpus=list(gpus) if gpus else None,
                reserve_gpus=reserve_gpus,
                gpu_count=gpu_count,
                system=system,
            )
        except (GPUSelectionError, ValueError) as exc:
            base = detector.get_available_resources(system=system)
            return dataclasses.replace(base, notes=(*base.notes, f"GPU choice: {exc}"))

    # -- events -----------------------------------------------------------------------------------
    def subscribe(self, callback: EventCallback, *, logs: bool = True) -> Callable[[], None]:
        """Subscribe to the engine's bus (callbacks come on engine threads)."""
        return self._api.subscribe(callback, logs=logs)

    # -- jobs -------------------------------------------------------------------------------------
    def _with_defaults(self, config: RenderConfig) -> RenderConfig:
        if config.render_exe or not self._render_exe:
            return config
        return copy_config(config, render_exe=self._render_exe)

    def validate(self, config: RenderConfig) -> list[str]:
        """The scene source's checks (the planner checks the rest when the job starts)."""
        return list(self._source.validate(self._with_defaults(config)))

    def prepare(
        self, config: RenderConfig, progress: ProgressCallback | None = None
    ) -> PreparedScene:
        """Let the scene source make the file to render (GUI thread)."""
        try:
            return self._source.prepare(self._with_defaults(config), progress)
        except SceneSourceError as exc:
            raise ControllerError(str(exc)) from exc

    def start(self, config: RenderConfig, prepared: PreparedScene) -> StartedJob:
        """Plan and start the job on the prepared scene (worker thread)."""
        original = self._with_defaults(config)
        submitted = copy_config(original, scene_file=prepared.scene_file)
        with self._lock:
            if self.is_running():
                raise ControllerError(
                    "a render job is still running: stop it or wait for it to finish first"
                )
            templates = dict(prepared.image_templates) or None
            try:
                handle = self._api.submit(submitted, image_templates=templates)
            except PlanError as exc:
                raise ControllerError(str(exc)) from exc
            except RuntimeError as exc:  # the API's own "a job is still running"
                raise ControllerError(str(exc)) from exc
            self._jobs[handle.job_id] = _JobRecord(handle=handle, config=original)
            self._last_job_id = handle.job_id
        notes = (*prepared.notes, *handle.plan.notes)
        return StartedJob(job_id=handle.job_id, total_frames=handle.plan.total_frames, notes=notes)

    def stop_task(self, job_id: str, task_id: str) -> None:
        """Ask the job's supervisor to stop one task (returns at once)."""
        record = self._jobs.get(job_id)
        if record is not None:
            record.handle.stop_task(task_id)

    def stop_all(self) -> bool:
        """Stop every job of the engine (returns at once; trees are killed in the background)."""
        return self._api.stop_all_renders()

    def is_running(self) -> bool:
        """True while one of this controller's jobs has not finished."""
        return any(not _handle_finished(record.handle) for record in list(self._jobs.values()))

    def active_job(self) -> ActiveJob | None:
        """The last job started through this controller."""
        job_id = self._last_job_id
        if job_id is None:
            return None
        handle = self._jobs[job_id].handle
        return ActiveJob(
            job_id=job_id, running=not _handle_finished(handle), tasks=tuple(handle.status())
        )

    def retry_request(self, job_id: str | None = None) -> RetryRequest:
        """A job for the failed frames of ``job_id`` (default: the last job)."""
        job_id = job_id or self._last_job_id
        record = self._jobs.get(job_id) if job_id else None
        if record is None or job_id is None:
            raise ControllerError("no finished job to retry yet")
        if not _handle_finished(record.handle):
            raise ControllerError(
                f"job {job_id} is still running: retry its failed frames when it ends"
            )
        result = record.handle.result
        if result is None:
            raise ControllerError(f"job {job_id} ended without a result: start it again")
        return build_retry_request(job_id, record.config, result.failed)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for every job to finish (shutdown); True when none is left running."""
        for record in list(self._jobs.values()):
            try:
                if not record.handle.wait(timeout):
                    return False
            except RuntimeError:
                continue
        return True

    # -- jobs in the store --------------------------------------------------------------------------
    def history(self, limit: int = 50) -> list[JobRow]:
        """The store's most recent jobs as History rows (worker thread)."""
        return [job_row_from_summary(summary) for summary in self._summaries(limit)]

    def _summaries(self, limit: int) -> list[JobSummary]:
        try:
            return self._api.history(limit=max(1, int(limit)))
        except (PlanError, JobStoreError) as exc:
            raise ControllerError(f"cannot read the job history: {exc}") from exc

    def job_details(self, job_id: str) -> JobDetails:
        """The job's renders and failed frames from the store (worker thread)."""
        try:
            row = job_row_from_summary(self._api.job_status(job_id))
            with JobStore(self._api.store_path) as store:
                job = store.get_job(job_id)
                if job is None:  # forgotten by retention between the two reads
                    raise ControllerError(f"job {job_id} is no longer in the job store")
                return job_details_from_records(
                    row, job, store.get_tasks(job_id), store.get_frames(job_id)
                )
        except (PlanError, JobStoreError) as exc:
            raise ControllerError(str(exc)) from exc

    def orphaned_jobs(self, scene_path: str | None = None) -> list[JobRow]:
        """Orphaned jobs among the newest :data:`ORPHAN_SCAN_JOBS` (worker thread)."""
        wanted = _same_file_key(scene_path) if scene_path else None
        return [
            job_row_from_summary(summary)
            for summary in self._summaries(ORPHAN_SCAN_JOBS)
            if summary.orphaned and (wanted is None or _same_file_key(summary.scene) == wanted)
        ]

    def resume_job(self, job_id: str) -> StartedJob:
        """Resume an orphaned job through the engine; it then runs as this controller's job."""
        return self._start_stored(job_id, self._api.resume, "resume")

    def retry_job(self, job_id: str) -> StartedJob:
        """Start a job for the failed and missing frames of ``job_id`` (worker thread)."""
        return self._start_stored(job_id, self._api.retry, "retry")

    def _start_stored(
        self, job_id: str, start: Callable[[str], JobHandle], what: str
    ) -> StartedJob:
        with self._lock:
            if self.is_running():
                raise ControllerError(
                    f"a render job is still running: stop it or wait for it to finish before "
                    f"you {what} job {job_id}"
                )
            try:
                handle = start(job_id)
            except (PlanError, JobStoreError) as exc:
                raise ControllerError(str(exc)) from exc
            except RuntimeError as exc:  # the API's own "a job is still running"
                raise ControllerError(str(exc)) from exc
            # Retry Failed on this job later rebuilds its frames from the plan's settings.
            self._jobs[handle.job_id] = _JobRecord(
                handle=handle, config=copy_config(handle.plan.config)
            )
            self._last_job_id = handle.job_id
        return StartedJob(
            job_id=handle.job_id,
            total_frames=handle.plan.total_frames,
            notes=tuple(handle.plan.notes),
        )

    def cancel_job(self, job_id: str) -> str:
        """Stop a job: this controller's through its handle, others through the store."""
        try:
            return self._api.cancel(job_id)
        except (PlanError, JobStoreError) as exc:
            raise ControllerError(str(exc)) from exc
        except OSError as exc:  # its manager runs as another user, or died just now
            raise ControllerError(f"could not stop job {job_id}: {exc}") from exc

    # -- farm -------------------------------------------------------------------------------------
    def farm_engines(self) -> list[str]:
        """Engine names from :mod:`lrc_toolbox.farm` (imported only now)."""
        farm = _import_farm()
        return [str(name) for name in farm.FARM_ENGINES]

    def submit_to_farm(
        self, config: RenderConfig, prepared: PreparedScene, engine: str, *, dry_run: bool = False
    ) -> FarmOutcome:
        """Plan the job and hand it to ``lrc_toolbox.farm.submit_job`` (worker thread)."""
        farm = _import_farm()
        submitted = copy_config(self._with_defaults(config), scene_file=prepared.scene_file)
        try:
            plan = self._api.plan(submitted)
        except PlanError as exc:
            raise ControllerError(str(exc)) from exc
        farm_errors = tuple(
            error
            for error in (
                getattr(farm, "FarmError", None),
                getattr(farm, "FarmUnavailableError", None),
            )
            if isinstance(error, type)
        )
        try:
            submission = farm.submit_job(plan, engine, dry_run=dry_run)
        except farm_errors as exc:  # an empty tuple catches nothing: other errors propagate
            raise ControllerError(str(exc)) from exc
        return _farm_outcome(submission, engine, dry_run)


def _same_file_key(path: str) -> str:
    """A comparable form of a file path (absolute, normalised, case-folded where the OS is)."""
    return os.path.normcase(os.path.abspath(os.path.expanduser(path)))


def _import_farm() -> Any:
    """Import the farm package lazily; a missing package is a message, not a traceback."""
    try:
        return importlib.import_module(FARM_MODULE)
    except ImportError as exc:
        raise ControllerError(
            f"farm submission is not available in this installation ({FARM_MODULE} could not be "
            f"imported: {exc}); update lrc_toolbox to a version with farm support"
        ) from exc


def _farm_outcome(submission: Any, engine: str, dry_run: bool) -> FarmOutcome:
    """Read a ``FarmSubmission`` (engine, files, command, submitted, job_id, message)."""
    files = tuple(str(path) for path in (getattr(submission, "files", None) or ()))
    command = tuple(str(arg) for arg in (getattr(submission, "command", None) or ()))
    submitted = bool(getattr(submission, "submitted", False))
    job_id = getattr(submission, "job_id", None)
    message = str(getattr(submission, "message", "") or "")
    if not message:
        if submitted:
            message = f"submitted to {engine}" + (f" as job {job_id}" if job_id else "")
        else:
            where = files[0] if files else "the output folder"
            message = f"{engine} job files written to {where}" + (" (dry run)" if dry_run else "")
    return FarmOutcome(
        engine=str(getattr(submission, "engine", engine) or engine),
        message=message,
        submitted=submitted,
        job_id=str(job_id) if job_id else None,
        files=files,
        command=command,
    )
