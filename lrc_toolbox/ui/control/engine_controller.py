"""The real controller: the dialog's interface over the engine, delegating every call to a model.

:class:`EngineController` holds no logic of its own (CONVENTIONS item 16): each call goes to one
small Qt-free model of :mod:`lrc_toolbox.ui.control.models`, and every model reaches the engine
through :class:`~lrc_toolbox.core.batch_render_api.BatchRenderAPI`:

====================================  ==================================================
calls                                 model
====================================  ==================================================
scene, validate, prepare              :class:`~.models.scene_model.SceneModel`
system resources                      :class:`~.models.machine_model.MachineModel`
start, resume, retry, stop, status    :class:`~.models.run_model.RunModel`
history, details, orphans, cancel     :class:`~.models.history_model.HistoryModel`
farm engines and submission           :class:`~.models.farm_model.FarmModel`
====================================  ==================================================
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lrc_toolbox.core.batch_render_api import BatchRenderAPI
from lrc_toolbox.core.models import RenderConfig, ResourceInfo
from lrc_toolbox.core.scene_source import PreparedScene, ProgressCallback, SceneSource
from lrc_toolbox.renderers import profile_names
from lrc_toolbox.ui.control.abstract import (
    ActiveJob,
    BatchRenderController,
    EventCallback,
    FarmOutcome,
    RetryRequest,
    SceneSummary,
    StartedJob,
)
from lrc_toolbox.ui.control.models.farm_model import FarmModel
from lrc_toolbox.ui.control.models.history_model import HistoryModel
from lrc_toolbox.ui.control.models.machine_model import MachineModel
from lrc_toolbox.ui.control.models.run_model import RunModel
from lrc_toolbox.ui.control.models.scene_model import SceneModel
from lrc_toolbox.ui.view_state.job_history import JobDetails, JobRow

__all__ = ["EngineController"]


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
        self._scene = SceneModel(source, render_exe=render_exe)
        self._machine = MachineModel(api.system_detector)
        self._run = RunModel(api)
        self._history = HistoryModel(api)
        self._farm = FarmModel(api)

    @property
    def api(self) -> BatchRenderAPI:
        """The engine front this controller drives."""
        return self._api

    @property
    def source(self) -> SceneSource:
        """The current scene source."""
        return self._scene.source

    def reset(self) -> None:
        """Forget what the models remember: finished jobs and the details read of stored jobs.

        Running jobs are kept (Stop and status still reach them); the next reads ask the store.
        """
        self._run.reset()
        self._history.reset()

    # -- scene ------------------------------------------------------------------------------------
    @property
    def scene_reads_are_thread_safe(self) -> bool:
        """A file source only reads a file, so it may (and should) run off the GUI thread."""
        return self._scene.is_file_source

    @property
    def can_open_scenes(self) -> bool:
        """Only a file source can switch files; Maya's source follows Maya's open scene."""
        return self._scene.is_file_source

    def open_scene(self, path: str) -> None:
        """Switch to another scene file (standalone).

        Raises:
            ControllerError: Not a file source, or the file is missing (a running job keeps
                rendering its own snapshot of the previous scene).
        """
        if not self.can_open_scenes:
            super().open_scene(path)
        self._scene.open(path)

    def describe_scene(self) -> SceneSummary:
        """Read the scene's layers, range and renderer (see :attr:`scene_reads_are_thread_safe`)."""
        return self._scene.describe()

    def renderer_names(self) -> list[str]:
        """The renderer profiles (``file`` first)."""
        return profile_names()

    def validate(self, config: RenderConfig) -> list[str]:
        """The scene source's checks (the planner checks the rest when the job starts)."""
        return self._scene.validate(config)

    def prepare(
        self, config: RenderConfig, progress: ProgressCallback | None = None
    ) -> PreparedScene:
        """Let the scene source make the file to render (GUI thread)."""
        return self._scene.prepare(config, progress)

    # -- machine and events -----------------------------------------------------------------------
    def system_resources(
        self,
        gpus: Sequence[str] | None = None,
        reserve_gpus: int | None = None,
        gpu_count: int | None = None,
    ) -> ResourceInfo:
        """Detect the machine and apply the reservation; a bad GPU choice becomes a note."""
        return self._machine.resources(gpus, reserve_gpus, gpu_count)

    def subscribe(self, callback: EventCallback, *, logs: bool = True) -> Callable[[], None]:
        """Subscribe to the engine's bus (callbacks come on engine threads)."""
        return self._api.subscribe(callback, logs=logs)

    # -- this controller's jobs -------------------------------------------------------------------
    def start(self, config: RenderConfig, prepared: PreparedScene) -> StartedJob:
        """Plan and start the job on the prepared scene (worker thread)."""
        return self._run.start(
            self._scene.with_defaults(config), self._scene.to_render(config, prepared), prepared
        )

    def stop_task(self, job_id: str, task_id: str) -> None:
        """Ask the job's supervisor to stop one task (returns at once)."""
        self._run.stop_task(job_id, task_id)

    def stop_all(self) -> bool:
        """Stop every job of the engine (returns at once; trees are killed in the background)."""
        return self._run.stop_all()

    def is_running(self) -> bool:
        """True while one of this controller's jobs has not finished."""
        return self._run.is_running()

    def active_job(self) -> ActiveJob | None:
        """The last job started through this controller."""
        return self._run.active_job()

    def retry_request(self, job_id: str | None = None) -> RetryRequest:
        """A job for the failed frames of ``job_id`` (default: the last job)."""
        return self._run.retry_request(job_id)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for every job to finish (shutdown); True when none is left running."""
        return self._run.wait(timeout)

    # -- jobs in the store ------------------------------------------------------------------------
    def history(self, limit: int = 50) -> list[JobRow]:
        """The store's most recent jobs as History rows (worker thread)."""
        return self._history.history(limit)

    def job_details(self, job_id: str) -> JobDetails:
        """The job's renders and failed frames from the store (worker thread)."""
        return self._history.job_details(job_id)

    def orphaned_jobs(self, scene_path: str | None = None) -> list[JobRow]:
        """Orphaned jobs of the store, newest first (worker thread)."""
        return self._history.orphaned_jobs(scene_path)

    def resume_job(self, job_id: str) -> StartedJob:
        """Resume an orphaned job through the engine; it then runs as this controller's job."""
        return self._run.resume(job_id)

    def retry_job(self, job_id: str) -> StartedJob:
        """Start a job for the failed and missing frames of ``job_id`` (worker thread)."""
        return self._run.retry(job_id)

    def cancel_job(self, job_id: str) -> str:
        """Stop a job: this controller's through its handle, others through the store."""
        return self._history.cancel(job_id)

    # -- farm -------------------------------------------------------------------------------------
    def farm_engines(self) -> list[str]:
        """Engine names from :mod:`lrc_toolbox.farm`."""
        return self._farm.engines()

    def submit_to_farm(
        self, config: RenderConfig, prepared: PreparedScene, engine: str, *, dry_run: bool = False
    ) -> FarmOutcome:
        """Plan the job and hand it to ``lrc_toolbox.farm.submit_job`` (worker thread)."""
        return self._farm.submit(self._scene.to_render(config, prepared), engine, dry_run=dry_run)
