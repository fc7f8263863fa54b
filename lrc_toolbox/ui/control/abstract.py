"""What the Batch Render dialog asks of the engine: the controller interface and its records.

The dialog depends only on :class:`BatchRenderController` (CONVENTIONS item 5), so tests drive it
with a fake and the Maya entry point hands it an
:class:`~lrc_toolbox.ui.control.engine_controller.EngineController` built on the scene open in
Maya. Data crossing the interface are the engine's plain dataclasses (``RenderConfig``,
``TaskStatus``, ``ResourceInfo``, the events of :mod:`lrc_toolbox.core.events`), the History
rows of :mod:`lrc_toolbox.ui.view_state.job_history` and the few small records below. Nothing here
imports Qt: a TD can build a controller in any Python.

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from lrc_toolbox.core.events import Event
from lrc_toolbox.core.models import RenderConfig, ResourceInfo, TaskStatus
from lrc_toolbox.core.scene_source import (
    LayerChoice,
    PreparationCancelled,
    PreparedScene,
    ProgressCallback,
)
from lrc_toolbox.ui.control.log_tail import read_log_tail
from lrc_toolbox.ui.view_state.job_history import FrameFailure, JobDetails, JobRow, TaskDetail

__all__ = [
    "ActiveJob",
    "BatchRenderController",
    "ControllerError",
    "EventCallback",
    "FarmOutcome",
    "FrameFailure",
    "JobDetails",
    "JobRow",
    "PreparationCancelled",
    "RetryRequest",
    "SceneSummary",
    "StartedJob",
    "TaskDetail",
]

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
        default_frames: The frames Maya renders for the scene (``1-24``, or the current frame
            when its animation flag is off), or ``""``.
        default_renderer: The scene's renderer (``redshift``), or None when unknown.
        error: Why layers could not be listed (e.g. a Maya Binary file outside Maya), else ``""``.
        notes: What to know before rendering (the current frame when animation is off,
            overrides left to Maya, layers that are not layers...).
        output_folder: Where the images go when the Output Folder is left empty, and why
            (``/proj/images (images rule of Maya project /proj)``), or ``""`` when unknown.
    """

    label: str
    path: str | None
    layers: tuple[LayerChoice, ...] = ()
    default_frames: str = ""
    default_renderer: str | None = None
    error: str = ""
    notes: tuple[str, ...] = ()
    output_folder: str = ""


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
    tasks: tuple[TaskStatus, ...] = ()


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

    @property
    def scene_reads_are_thread_safe(self) -> bool:
        """True when :meth:`describe_scene` may run off the GUI thread (a file source reads a
        file, which the GUI thread must not wait on; a Maya source uses ``maya.cmds`` and must
        not). A controller may also say so with a class attribute."""
        return False

    @property
    def can_open_scenes(self) -> bool:
        """True when the user may pick another scene file (standalone dialog)."""
        return False

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

    def task_log_lines(self, log_path: str) -> list[str]:
        """The last lines of a render's log file (worker thread; [] when it cannot be read).

        History shows a past job's frame from these: its renders' logs stay on disk.
        """
        return read_log_tail(log_path)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no job runs (shutdown only, never on the GUI thread while it is live).

        Returns:
            True when nothing is running any more.
        """
        return not self.is_running()
