"""Starting jobs from the dialog: Start, Retry Failed, Re-run failed frames, Resume, farm submission.

Every way of starting a job goes through here, one at a time:

* **Start** and **Retry Failed** build the job from the panel (or from the last job's failed
  frames), let the controller check it (:meth:`~BatchRenderController.validate`) and prepare the
  scene here on the GUI thread (inside Maya that exports a snapshot, with a progress dialog and
  Cancel), then start it on the dialog's worker;
* **Re-run failed frames** and **Resume** start a stored job on the worker (History's buttons and
  the orphaned-job offer), and the dialog then shows Active Renders;
* **Submit to farm** builds and prepares the job the same way, then hands it to the
  :class:`~lrc_toolbox.ui.presenters.farm_presenter.FarmPresenter`.

While one is being prepared or started, nothing else starts (:attr:`LaunchPresenter.busy`). What
the message bar says on the way is in the dialog's words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from Qt import QtCore, QtWidgets

from lrc_toolbox.core.models import RenderConfig
from lrc_toolbox.core.scene_source import PreparationCancelled, PreparedScene
from lrc_toolbox.ui.control.abstract import BatchRenderController, ControllerError, StartedJob
from lrc_toolbox.ui.presenters.farm_presenter import FarmPresenter
from lrc_toolbox.ui.view_state.formatting import plural
from lrc_toolbox.ui.view_state.messages import job_started_text
from lrc_toolbox.ui.widgets.message_bar import MessageBar
from lrc_toolbox.ui.widgets.render_config_widget import ConfigError, RenderConfigWidget
from lrc_toolbox.ui.workers import BackgroundRunner

__all__ = ["LaunchPresenter", "PrepareDisplay"]

_LOG = logging.getLogger(__name__)


class PrepareDisplay(Protocol):
    """The preparation's progress callback, which can be ended."""

    def __call__(self, fraction: float, message: str) -> bool:
        """Show progress; False when the user cancelled."""
        ...

    def finish(self) -> None:
        """Close the display."""
        ...


class LaunchPresenter(QtCore.QObject):
    """Validates, prepares and starts jobs, one at a time.

    Args:
        controller: What starts jobs.
        config: The Render Configuration panel.
        runner: Runs the controller's slow calls off the GUI thread.
        message_bar: Where each step is said.
        farm: Submits to a farm once a job is prepared.
        scene_file: The current scene's file ("" when unknown), asked at the time.
        retry_job_id: The job Retry Failed retries now (the selection's or the last one).
        save_settings: Remembers the panel's values (before a start or a submission).
        progress: Makes the preparation's progress display (a dialog with Cancel), and its
            ``finish`` ends it.
        window: Owner (the dialog).
    """

    #: Preparing or starting began or ended (the buttons follow :attr:`busy`).
    busy_changed = QtCore.Signal()
    #: The engine accepted a job: (the job, the scene label it was named with).
    job_started = QtCore.Signal(object)
    #: A stored job (re-run or resumed) started: show Active Renders.
    stored_job_started = QtCore.Signal()

    def __init__(
        self,
        controller: BatchRenderController,
        config: RenderConfigWidget,
        runner: BackgroundRunner,
        message_bar: MessageBar,
        farm: FarmPresenter,
        *,
        scene_file: Callable[[], str],
        retry_job_id: Callable[[], str | None],
        save_settings: Callable[[], None],
        progress: Callable[[], PrepareDisplay],
        window: QtWidgets.QWidget,
    ) -> None:
        super().__init__(window)
        self._controller = controller
        self._config = config
        self._runner = runner
        self._bar = message_bar
        self._farm = farm
        self._scene_file = scene_file
        self._retry_job_id = retry_job_id
        self._save_settings = save_settings
        self._progress = progress
        self._starting = False
        self._preparing = False

    @property
    def starting(self) -> bool:
        """True while a job is being prepared or started."""
        return self._starting or self._preparing

    @property
    def busy(self) -> bool:
        """True while a job is prepared or started, or a farm submission runs."""
        return self.starting or self._farm.submitting

    def _can_start(self) -> bool:
        return not (self.starting or self._controller.is_running())

    def _set(self, *, starting: bool | None = None, preparing: bool | None = None) -> None:
        if starting is not None:
            self._starting = starting
        if preparing is not None:
            self._preparing = preparing
        self.busy_changed.emit()

    # -- Start and Retry Failed -------------------------------------------------------------------
    def start(self) -> None:
        """Start a job with the panel's settings (validate, prepare here, plan in background)."""
        if not self._can_start():
            return
        config = self._build_config()
        if config is not None:
            self._launch(config, "Starting")

    def retry_failed(self, job_id: str = "") -> None:
        """Start a job with only the failed frames of ``job_id`` (default: selected or last job)."""
        if not self._can_start():
            return
        try:
            request = self._controller.retry_request(job_id or self._retry_job_id())
        except ControllerError as exc:
            self._bar.show_message(str(exc), "warning")
            return
        self._launch(
            request.config,
            f"Retrying {plural(request.total_frames, 'failed frame')} of job "
            f"{request.source_job_id}",
        )

    def _build_config(self) -> RenderConfig | None:
        try:
            config = self._config.build_config(self._scene_file())
        except ConfigError as exc:
            self._bar.show_message(str(exc), "error")
            return None
        self._save_settings()
        return config

    def _launch(self, config: RenderConfig, what: str) -> None:
        prepared = self._validate_and_prepare(config)
        if prepared is None:
            return
        self._set(starting=True)
        self._bar.show_message(f"{what}…", "info")
        controller = self._controller
        self._runner.run(
            lambda: controller.start(config, prepared), self._on_started, self._on_start_failed
        )

    def _validate_and_prepare(self, config: RenderConfig) -> PreparedScene | None:
        try:
            problems = self._controller.validate(config)
        except Exception as exc:  # shown, never a traceback
            _LOG.exception("validation failed")
            self._bar.show_message(f"Could not check the job: {exc}", "error")
            return None
        if problems:
            self._bar.show_message(
                "Cannot start:\n" + "\n".join(f"• {problem}" for problem in problems), "error"
            )
            return None
        self._set(preparing=True)
        progress = self._progress()
        try:
            return self._controller.prepare(config, progress)
        except PreparationCancelled:
            self._bar.show_message("Cancelled: nothing was started.", "warning")
        except ControllerError as exc:
            self._bar.show_message(str(exc), "error")
        except Exception as exc:
            _LOG.exception("preparing the scene failed")
            self._bar.show_message(f"Could not prepare the scene: {exc}", "error")
        finally:
            progress.finish()
            self._set(preparing=False)
        return None

    def _on_started(self, started: StartedJob) -> None:
        self._starting = False
        self._bar.show_message(
            job_started_text(started.job_id, started.total_frames, started.notes), "info"
        )
        self.job_started.emit(started)
        self.busy_changed.emit()

    def _on_start_failed(self, error: BaseException) -> None:
        if isinstance(error, ControllerError):
            self._bar.show_message(f"Not started: {error}", "error")
        else:
            _LOG.error("starting the job failed: %r", error)
            self._bar.show_message(
                f"Not started: unexpected {type(error).__name__}: {error}", "error"
            )
        self._set(starting=False)

    # -- stored jobs ------------------------------------------------------------------------------
    def rerun_failed_frames(self, job_id: str) -> None:
        """Start a job for the frames of stored job ``job_id`` without a verified image."""
        self._start_stored(
            job_id, self._controller.retry_job, f"Re-rendering the failed frames of job {job_id}"
        )

    def resume_job(self, job_id: str) -> None:
        """Resume an orphaned job: re-attach to its live renders, render what is left."""
        self._start_stored(job_id, self._controller.resume_job, f"Resuming job {job_id}")

    def _start_stored(self, job_id: str, start: Callable[[str], StartedJob], what: str) -> None:
        if not self._can_start():
            self._bar.show_message(
                f"{what}: not now, a job is running or starting here; stop it or wait for it "
                "to finish first.",
                "warning",
            )
            return
        self._set(starting=True)
        self._bar.show_message(f"{what}…", "info")
        self._runner.run(lambda: start(job_id), self._on_stored_started, self._on_start_failed)

    def _on_stored_started(self, started: StartedJob) -> None:
        self._on_started(started)
        # Its renders show in Active Renders and the Logs, like a job started with Start.
        self.stored_job_started.emit()

    # -- farm -------------------------------------------------------------------------------------
    def submit_to_farm(self) -> None:
        """Export the configured job to the chosen farm engine (or only write its files)."""
        if self._farm.submitting or self._preparing or not self._farm.check_available():
            return
        config = self._build_config()
        if config is None:
            return
        prepared = self._validate_and_prepare(config)
        if prepared is not None:
            self._farm.submit(config, prepared)
