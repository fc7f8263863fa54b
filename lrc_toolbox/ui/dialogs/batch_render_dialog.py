"""The Batch Render dialog: System Resources, Render Configuration, Active Renders, History, Logs,
Controls.

The dialog talks only to a :class:`~lrc_toolbox.ui.controller.BatchRenderController` and never
waits on a process, a file, NVML or a farm:

* engine events arrive through an :class:`~lrc_toolbox.ui.bridge.EventBridge` (queued on engine
  threads, drained here ~10 times a second, progress and log floods coalesced);
* slow controller calls (resources, starting a job, farm submission, reading a scene file) run on a
  :class:`~lrc_toolbox.ui.workers.BackgroundRunner`, results back as signals;
* only ``validate`` and ``prepare`` run here, because inside Maya they must run on Maya's main
  thread (``prepare`` shows a progress dialog with Cancel).

Closing the dialog hides it: renders keep running, and :func:`show_dialog` brings the same window
back with its table and logs. Standalone (``owns_renders``), closing with renders running asks
whether to stop them, since the process is about to end.

The Active Renders table and the Logs are fed by the
:class:`~lrc_toolbox.ui.presenters.renders_presenter.RendersPresenter`; the History tab and the
orphaned-job offer by the :class:`~lrc_toolbox.ui.presenters.history_presenter.HistoryPresenter`
(reads on a worker while the tab is shown; cancel); the farm menu and submissions by the
:class:`~lrc_toolbox.ui.presenters.farm_presenter.FarmPresenter`. Re-running a job's failed
frames and resuming an orphaned job start a job here, like Start. When a job ends, the message bar
shows the end-of-job text (:func:`~lrc_toolbox.ui.view_state.messages.job_finished_text`) and
:attr:`BatchRenderDialog.job_finished` lets the host add its own notification (a tray message
standalone; Maya shows an in-view message itself). What the dialog shows is computed in
:mod:`lrc_toolbox.ui.view_state` (no Qt there).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable

from Qt import QtCore, QtGui, QtWidgets

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.models import RenderConfig, ResourceInfo
from lrc_toolbox.core.scene_source import PreparationCancelled, PreparedScene
from lrc_toolbox.ui.bridge import EventBatch, EventBridge
from lrc_toolbox.ui.control.abstract import (
    BatchRenderController,
    ControllerError,
    SceneSummary,
    StartedJob,
)
from lrc_toolbox.ui.dialogs.prompts import PrepareProgress, ask_yes_no, open_local_path
from lrc_toolbox.ui.dialogs.render_progress_widget import RenderProgressWidget
from lrc_toolbox.ui.presenters.farm_presenter import FarmPresenter
from lrc_toolbox.ui.presenters.history_presenter import HistoryPresenter
from lrc_toolbox.ui.presenters.renders_presenter import RendersPresenter
from lrc_toolbox.ui.qt_compat import is_alive
from lrc_toolbox.ui.settings import DialogSettings
from lrc_toolbox.ui.view_state.button_rules import button_state, start_blocked_reason
from lrc_toolbox.ui.view_state.formatting import plural
from lrc_toolbox.ui.view_state.messages import job_finished_text, job_started_text
from lrc_toolbox.ui.widgets.control_buttons import ControlButtonsWidget
from lrc_toolbox.ui.widgets.history_panel import HistoryPanel
from lrc_toolbox.ui.widgets.logs_monitor import LogsMonitorWidget
from lrc_toolbox.ui.widgets.message_bar import MessageBar
from lrc_toolbox.ui.widgets.render_config_widget import ConfigError, RenderConfigWidget
from lrc_toolbox.ui.widgets.system_info_widget import SystemInfoWidget
from lrc_toolbox.ui.workers import BackgroundRunner, ResourcePoller

__all__ = ["WINDOW_TITLE", "BatchRenderDialog", "current_dialog", "open_local_path", "show_dialog"]

_LOG = logging.getLogger(__name__)

WINDOW_TITLE: str = "Batch Render"
#: Initial size of a first-time window (remembered afterwards).
DEFAULT_SIZE_PX: tuple[int, int] = (1360, 860)
#: The configuration column never gets narrower than this (its fields stay readable).
LEFT_COLUMN_MIN_WIDTH_PX: int = 520

ConfirmFn = Callable[[str, str], bool]
OpenPathFn = Callable[[str], bool]


class BatchRenderDialog(QtWidgets.QDialog):
    """The Batch Render Manager's main window (the spec's ``BatchRenderDialog``).

    Args:
        controller: What the dialog drives (the real :class:`EngineController` or a fake).
        parent: Parent window (Maya's main window inside Maya).
        settings: Where choices are remembered (default: the user's QSettings).
        clock: Monotonic clock for elapsed times (tests).

    Attributes:
        system_info_widget: The System Resources panel.
        render_config_widget: The Render Configuration panel.
        active_renders_table: The Active Renders panel (a tab of :attr:`views_tabs`).
        history_panel: The History panel (the other tab).
        views_tabs: Active Renders | History.
        logs_monitor: The Logs panel.
        control_buttons: The buttons.
        message_bar: The latest message.
        confirm: Asks a yes/no question (replace it in tests and scripted use).
        open_path: Opens a file or folder (replace it in tests).
        owns_renders: True when closing the window ends the process (standalone): closing with
            renders running then asks to stop them.
        renders: The Active Renders and Logs presenter.
        history: The History tab's presenter.
        farm: The farm menu's and submissions' presenter.
    """

    #: A job ended (once per job, GUI thread): the engine's ``JobFinished`` event, for the host's
    #: own notification (the standalone app's tray message).
    job_finished = QtCore.Signal(object)

    def __init__(
        self,
        controller: BatchRenderController,
        parent: QtWidgets.QWidget | None = None,
        *,
        settings: QtCore.QSettings | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lrcBatchRenderDialog")
        self.setWindowTitle(WINDOW_TITLE)
        self.setWindowFlags(
            self.windowFlags()
            | QtCore.Qt.WindowType.Window
            | QtCore.Qt.WindowType.WindowMinMaxButtonsHint
        )
        self.controller = controller
        self.settings = DialogSettings(settings)
        self.confirm: ConfirmFn = lambda title, text: ask_yes_no(self, title, text)
        self.open_path: OpenPathFn = open_local_path
        self.owns_renders = False
        self._clock = clock
        self._scene: SceneSummary | None = None
        self._starting = False
        self._preparing = False
        self._shown_once = False
        self._announced_jobs: set[str] = set()
        self._closing = False

        self.runner = BackgroundRunner(self)
        self.bridge = EventBridge(self)
        self.poller = ResourcePoller(self.runner, self._resource_query, self)
        self._build()
        self.renders = RendersPresenter(
            controller,
            self.active_renders_table,
            self.logs_monitor,
            self.system_info_widget,
            self.message_bar,
            self,
        )
        self.history = HistoryPresenter(
            controller,
            self.history_panel,
            self.runner,
            self.message_bar,
            confirm=lambda title, text: self.confirm(title, text),
            is_shown=lambda: self.history_shown,
            is_busy=lambda: self.busy,
            parent=self,
        )
        self.farm = FarmPresenter(
            controller, self.control_buttons, self.runner, self.message_bar, self.settings, self
        )
        self._connect()
        self._restore_settings()

        self.bridge.attach(controller.subscribe)
        self.renders.seed()
        self.reload_scene()
        self.farm.load_engines()
        self.update_buttons()

    # -- construction -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.system_info_widget = SystemInfoWidget()
        self.render_config_widget = RenderConfigWidget()
        self.render_config_widget.set_renderers(self.controller.renderer_names())
        self.active_renders_table = RenderProgressWidget(clock=self._clock)
        self.history_panel = HistoryPanel()
        self.logs_monitor = LogsMonitorWidget()
        self.control_buttons = ControlButtonsWidget()
        self.message_bar = MessageBar()

        left = QtWidgets.QWidget()
        left_layout = QtWidgets.QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.system_info_widget)
        left_layout.addWidget(self.render_config_widget, 1)
        left_scroll = QtWidgets.QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        left_scroll.setWidget(left)
        left_scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setMinimumWidth(LEFT_COLUMN_MIN_WIDTH_PX)

        # The tab names the panel: its group-box title would say it twice.
        self.active_renders_table.setTitle("")
        self.active_renders_table.setFlat(True)
        self.views_tabs = QtWidgets.QTabWidget()
        self.views_tabs.setObjectName("renderViewsTabs")
        self.views_tabs.addTab(self.active_renders_table, "Active Renders")
        self.views_tabs.addTab(self.history_panel, "History")

        self.right_splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.right_splitter.addWidget(self.views_tabs)
        self.right_splitter.addWidget(self.logs_monitor)
        self.right_splitter.setStretchFactor(0, 3)
        self.right_splitter.setStretchFactor(1, 2)

        self.main_splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(left_scroll)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setStretchFactor(0, 2)
        self.main_splitter.setStretchFactor(1, 3)
        self.main_splitter.setSizes([LEFT_COLUMN_MIN_WIDTH_PX + 40, DEFAULT_SIZE_PX[0]])

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.main_splitter, 1)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.control_buttons)
        self.resize(*DEFAULT_SIZE_PX)

    def _connect(self) -> None:
        self.bridge.batch_ready.connect(self._on_batch)
        self.poller.resources_ready.connect(self.system_info_widget.set_resources)
        self.poller.resources_failed.connect(self.system_info_widget.set_error)
        config = self.render_config_widget
        config.changed.connect(self.update_buttons)
        config.gpu_choice_changed.connect(self.refresh_resources)
        config.open_scene_requested.connect(self._pick_scene)
        config.reload_requested.connect(self.reload_scene)
        self.active_renders_table.retry_requested.connect(self.retry_failed)
        self.active_renders_table.open_folder_requested.connect(self._open_folder)
        self.renders.running_changed.connect(self._after_state_change)
        self.renders.selection_changed.connect(self.update_buttons)
        self.renders.open_requested.connect(self._open)
        self.views_tabs.currentChanged.connect(self._on_view_changed)
        panel = self.history_panel
        panel.rerun_requested.connect(self.rerun_failed_frames)
        panel.resume_requested.connect(self.resume_job)
        panel.open_log_requested.connect(lambda path: self._open(path, "log"))
        panel.open_folder_requested.connect(self._open_folder)
        self.history.resume_requested.connect(self.resume_job)
        self.history.show_requested.connect(self.show_history)
        self.history.jobs_changed.connect(self._after_state_change)
        self.farm.submitting_changed.connect(self.update_buttons)
        self.logs_monitor.level_changed.connect(self._remember_log_level)
        buttons = self.control_buttons
        buttons.start_clicked.connect(self.start)
        buttons.stop_selected_clicked.connect(self.renders.stop_selected)
        buttons.stop_all_clicked.connect(self.stop_all)
        buttons.retry_clicked.connect(self.retry_failed)
        buttons.farm_clicked.connect(self.submit_to_farm)
        buttons.close_clicked.connect(self.close)

    @property
    def scene(self) -> SceneSummary | None:
        """The scene as last read (None until the first read finished)."""
        return self._scene

    @property
    def busy(self) -> bool:
        """True while a job is being prepared or started, or a farm submission runs."""
        return self._starting or self._preparing or self.farm.submitting

    # -- settings ---------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        self.render_config_widget.set_values(self.settings.load_values())
        self.logs_monitor.set_level(self.settings.log_level)
        geometry = self.settings.load_state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for name, splitter in (
            ("main_splitter", self.main_splitter),
            ("right_splitter", self.right_splitter),
        ):
            state = self.settings.load_state(name)
            if state is not None:
                splitter.restoreState(state)

    def save_settings(self) -> None:
        """Remember the configuration, the window's geometry and the splitters."""
        self.settings.save_values(self.render_config_widget.values())
        self.settings.save_state("geometry", self.saveGeometry())
        self.settings.save_state("main_splitter", self.main_splitter.saveState())
        self.settings.save_state("right_splitter", self.right_splitter.saveState())
        self.settings.sync()

    def _remember_log_level(self, level: str) -> None:
        self.settings.log_level = level

    # -- scene ------------------------------------------------------------------------------------
    def reload_scene(self) -> None:
        """Read the scene's layers again (off the GUI thread for a scene file).

        Also looks for orphaned jobs (renders that outlived a crash) to offer them again.
        """
        self.history.check_orphaned_jobs()
        if self.controller.scene_reads_are_thread_safe:
            self.render_config_widget.set_loading()
            self.runner.run(self.controller.describe_scene, self._on_scene, self._on_scene_error)
            return
        try:
            summary = self.controller.describe_scene()
        except Exception as exc:  # a host bug must not take the dialog down
            self._on_scene_error(exc)
            return
        self._on_scene(summary)

    def _on_scene(self, summary: SceneSummary) -> None:
        remembered = self.render_config_widget.remembered_scene
        new_scene = self._scene is not None and summary.path != self._scene.path
        if new_scene or (self._scene is None and summary.path != remembered):
            # Frames typed for another scene do not belong to this one: use its own range.
            self.render_config_widget.frame_field.edit.setText("")
        self._scene = summary
        self.render_config_widget.set_scene(summary, can_open=self.controller.can_open_scenes)
        self.setWindowTitle(f"{WINDOW_TITLE} — {summary.label or 'untitled scene'}")
        self.update_buttons()

    def _on_scene_error(self, error: BaseException) -> None:
        _LOG.warning("reading the scene failed: %r", error)
        self.render_config_widget.set_loading(f"Could not read the scene: {error}")
        self.update_buttons()

    def _pick_scene(self) -> None:
        start = os.path.dirname(self._scene.path) if self._scene and self._scene.path else ""
        path, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self, "Open a Maya scene", start, "Maya scenes (*.ma *.mb);;All files (*)"
        )
        if path:
            self.open_scene(path)

    def open_scene(self, path: str) -> None:
        """Switch to another scene file (standalone)."""
        try:
            self.controller.open_scene(path)
        except ControllerError as exc:
            self.message_bar.show_message(str(exc), "error")
            return
        self.reload_scene()

    # -- resources --------------------------------------------------------------------------------
    def _resource_query(self) -> Callable[[], ResourceInfo]:
        # Runs on the GUI thread: read the GPU choice here; the returned call runs on a worker.
        gpus, reserve, count = self.render_config_widget.gpu_choice()
        controller = self.controller
        return lambda: controller.system_resources(gpus, reserve, count)

    def refresh_resources(self) -> None:
        """Query resources now (the GPU choice changed)."""
        if self.isVisible():
            self.poller.refresh()

    # -- events -----------------------------------------------------------------------------------
    def _on_batch(self, batch: EventBatch) -> None:
        self.renders.apply_batch(batch)
        if not batch.events:
            return
        for event in batch.events:
            if isinstance(event, ev.JobFinished):
                self._announce_finished(event)
        if any(isinstance(event, (ev.JobStarted, ev.JobFinished)) for event in batch.events):
            self.history.refresh_if_shown()
        self._after_state_change()

    def _after_state_change(self) -> None:
        self.renders.update_running_state()
        self.update_buttons()

    def _announce_finished(self, event: ev.JobFinished) -> None:
        if event.job_id in self._announced_jobs:
            return
        self._announced_jobs.add(event.job_id)
        reason = None if event.ok else self.renders.first_failure_reason(event.job_id)
        self.message_bar.show_message(*job_finished_text(event, reason))
        self.job_finished.emit(event)

    def _open_folder(self, folder: str) -> None:
        if folder:
            self._open(folder, "folder")

    def _open(self, path: str, what: str) -> None:
        if not os.path.exists(path):
            self.message_bar.show_message(
                f"The {what} {path} does not exist (any more).", "warning"
            )
            return
        if not self.open_path(path):
            self.message_bar.show_message(
                f"Could not open {path}: no application for it.", "warning"
            )

    # -- buttons ----------------------------------------------------------------------------------
    def update_buttons(self) -> None:
        """Enable what can be pressed now."""
        running = self.controller.is_running()
        starting = self._starting or self._preparing
        problems = self.render_config_widget.problems()
        if self._scene is None:
            problems = ["Reading the scene…", *problems]
        blocked = start_blocked_reason(running=running, starting=starting)
        self.history_panel.set_can_start_jobs(not running and not starting, blocked)
        self.control_buttons.set_state(
            button_state(
                running=running,
                starting=starting,
                submitting=self.farm.submitting,
                problems=problems,
                stop_selected=self.renders.can_stop_selected(),
                retryable=self.renders.retry_job_id() is not None,
            )
        )

    # -- starting ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Start a job with the panel's settings (validate, prepare here, plan in background)."""
        if self._starting or self._preparing or self.controller.is_running():
            return
        scene_file = (self._scene.path if self._scene else None) or ""
        try:
            config = self.render_config_widget.build_config(scene_file)
        except ConfigError as exc:
            self.message_bar.show_message(str(exc), "error")
            return
        self.save_settings()
        self._launch(config, "Starting")

    def retry_failed(self, job_id: str = "") -> None:
        """Start a job with only the failed frames of ``job_id`` (default: selected or last job)."""
        if self._starting or self._preparing or self.controller.is_running():
            return
        try:
            request = self.controller.retry_request(job_id or self.renders.retry_job_id())
        except ControllerError as exc:
            self.message_bar.show_message(str(exc), "warning")
            return
        self._launch(
            request.config,
            f"Retrying {plural(request.total_frames, 'failed frame')} of job "
            f"{request.source_job_id}",
        )

    def _launch(self, config: RenderConfig, what: str) -> None:
        prepared = self._validate_and_prepare(config)
        if prepared is None:
            return
        self._starting = True
        self.update_buttons()
        self.message_bar.show_message(f"{what}…", "info")
        self.runner.run(
            lambda: self.controller.start(config, prepared),
            self._on_started,
            self._on_start_failed,
        )

    def _validate_and_prepare(self, config: RenderConfig) -> PreparedScene | None:
        try:
            problems = self.controller.validate(config)
        except Exception as exc:  # shown, never a traceback
            _LOG.exception("validation failed")
            self.message_bar.show_message(f"Could not check the job: {exc}", "error")
            return None
        if problems:
            self.message_bar.show_message(
                "Cannot start:\n" + "\n".join(f"• {problem}" for problem in problems), "error"
            )
            return None
        self._preparing = True
        self.update_buttons()
        progress = PrepareProgress(self)
        try:
            return self.controller.prepare(config, progress)
        except PreparationCancelled:
            self.message_bar.show_message("Cancelled: nothing was started.", "warning")
        except ControllerError as exc:
            self.message_bar.show_message(str(exc), "error")
        except Exception as exc:
            _LOG.exception("preparing the scene failed")
            self.message_bar.show_message(f"Could not prepare the scene: {exc}", "error")
        finally:
            progress.finish()
            self._preparing = False
            self.update_buttons()
        return None

    def _on_started(self, started: StartedJob) -> None:
        self._starting = False
        self.message_bar.show_message(
            job_started_text(started.job_id, started.total_frames, started.notes), "info"
        )
        self._after_state_change()

    def _on_start_failed(self, error: BaseException) -> None:
        self._starting = False
        if isinstance(error, ControllerError):
            self.message_bar.show_message(f"Not started: {error}", "error")
        else:
            _LOG.error("starting the job failed: %r", error)
            self.message_bar.show_message(
                f"Not started: unexpected {type(error).__name__}: {error}", "error"
            )
        self.update_buttons()

    # -- stopping ---------------------------------------------------------------------------------
    def stop_selected(self) -> None:
        """Stop the selected renders (their unverified frames are retried)."""
        self.renders.stop_selected()

    def stop_all(self) -> None:
        """Stop every render after confirmation."""
        if not self.controller.is_running():
            return
        if not self.confirm(
            "Stop all renders",
            "Stop every render of the running job?\n"
            "Frames already verified are kept; queued frames are dropped.",
        ):
            return
        self.controller.stop_all()
        self.message_bar.show_message("Stopping every render…", "warning")

    # -- history --------------------------------------------------------------------------------
    def show_history(self) -> None:
        """Switch to the History tab (it refreshes itself)."""
        self.views_tabs.setCurrentWidget(self.history_panel)

    @property
    def history_shown(self) -> bool:
        """True while the History tab is the one on screen."""
        return self.isVisible() and self.views_tabs.currentWidget() is self.history_panel

    def _on_view_changed(self, _index: int) -> None:
        self.history.update_shown()

    def check_orphaned_jobs(self) -> None:
        """Look for jobs whose manager died while they rendered; offer Resume / Cancel."""
        self.history.check_orphaned_jobs()

    def rerun_failed_frames(self, job_id: str) -> None:
        """Start a job for the frames of stored job ``job_id`` without a verified image."""
        self._start_stored_job(
            job_id, self.controller.retry_job, f"Re-rendering the failed frames of job {job_id}"
        )

    def resume_job(self, job_id: str) -> None:
        """Resume an orphaned job: re-attach to its live renders, render what is left."""
        self._start_stored_job(job_id, self.controller.resume_job, f"Resuming job {job_id}")

    def _start_stored_job(self, job_id: str, start: Callable[[str], StartedJob], what: str) -> None:
        if self._starting or self._preparing or self.controller.is_running():
            self.message_bar.show_message(
                f"{what}: not now, a job is running or starting here; stop it or wait for it "
                "to finish first.",
                "warning",
            )
            return
        self._starting = True
        self.update_buttons()
        self.message_bar.show_message(f"{what}…", "info")
        self.runner.run(lambda: start(job_id), self._on_stored_job_started, self._on_start_failed)

    def _on_stored_job_started(self, started: StartedJob) -> None:
        self._on_started(started)
        # Its renders show in Active Renders and the Logs, like a job started with Start.
        self.views_tabs.setCurrentWidget(self.active_renders_table)

    # -- farm -------------------------------------------------------------------------------------
    def submit_to_farm(self) -> None:
        """Export the configured job to the chosen farm engine (or only write its files)."""
        if self.farm.submitting or self._preparing or not self.farm.check_available():
            return
        scene_file = (self._scene.path if self._scene else None) or ""
        try:
            config = self.render_config_widget.build_config(scene_file)
        except ConfigError as exc:
            self.message_bar.show_message(str(exc), "error")
            return
        self.save_settings()
        prepared = self._validate_and_prepare(config)
        if prepared is not None:
            self.farm.submit(config, prepared)

    # -- window -----------------------------------------------------------------------------------
    def showEvent(self, event: QtGui.QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Resume live panels; on a re-open, read the scene again (layers may have changed)."""
        super().showEvent(event)
        if self._shown_once and not self._starting:
            self.reload_scene()
        self._shown_once = True
        self.poller.start()
        self.renders.start()
        self._on_view_changed(self.views_tabs.currentIndex())

    def hideEvent(self, event: QtGui.QHideEvent) -> None:  # noqa: N802 (Qt API)
        """Pause what only matters on screen; renders and event buffering go on."""
        self.poller.stop()
        self.renders.stop()
        self.history.stop()
        super().hideEvent(event)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802 (Qt API)
        """Hide (renders keep running); standalone, offer to stop them first."""
        self.save_settings()
        if self.owns_renders and self.controller.is_running():
            if not self.confirm(
                "Renders are running", "Closing ends this program. Stop every render and close?"
            ):
                event.ignore()
                return
            self.controller.stop_all()
        # QDialog.closeEvent hides the window through reject(); let that call through.
        self._closing = True
        try:
            super().closeEvent(event)
        finally:
            self._closing = False

    def reject(self) -> None:
        """Escape closes like the Close button (through :meth:`closeEvent`)."""
        if self._closing:
            super().reject()
        else:
            self.close()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Unsubscribe from the engine and wait for background calls (before deleting)."""
        self.bridge.detach()
        self.poller.stop()
        self.renders.stop()
        self.history.stop()
        self.runner.wait_for_done(timeout_ms)


# --------------------------------------------------------------------------------------------------
# One dialog per session
# --------------------------------------------------------------------------------------------------
_INSTANCE: BatchRenderDialog | None = None


def current_dialog() -> BatchRenderDialog | None:
    """The dialog :func:`show_dialog` keeps, if it still exists."""
    return _INSTANCE if is_alive(_INSTANCE) else None


def show_dialog(
    controller: BatchRenderController, parent: QtWidgets.QWidget | None = None
) -> BatchRenderDialog:
    """Show the one Batch Render dialog, creating it on first use.

    Re-opening brings the same window back with its running jobs, table and logs. A different
    controller replaces the window only when the old one has nothing running (otherwise the
    running job's window comes back and the new controller is not used).

    Args:
        controller: What the dialog drives.
        parent: Parent window (Maya's main window inside Maya).

    Returns:
        The dialog, shown and raised.
    """
    global _INSTANCE
    dialog = current_dialog()
    if dialog is not None and dialog.controller is not controller:
        if dialog.controller.is_running():
            _LOG.info("a job is running in the open Batch Render dialog: showing that one")
        else:
            dialog.shutdown()
            dialog.hide()
            dialog.deleteLater()
            dialog = None
    if dialog is None:
        dialog = BatchRenderDialog(controller, parent)
        _INSTANCE = dialog
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
