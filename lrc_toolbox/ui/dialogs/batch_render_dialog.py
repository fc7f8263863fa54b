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

The window is a layout (:mod:`.dialog_layout`) and presenters, each feeding its part from the
controller: Active Renders (the current job's header, frame map and renders) and the Logs
(:class:`~lrc_toolbox.ui.presenters.renders_presenter.RendersPresenter`); the History tab and the
orphaned-job offer (:class:`~lrc_toolbox.ui.presenters.history_presenter.HistoryPresenter`); the
scene (:class:`~lrc_toolbox.ui.presenters.scene_presenter.ScenePresenter`); starting jobs in every
way (:class:`~lrc_toolbox.ui.presenters.launch_presenter.LaunchPresenter`); the farm menu
(:class:`~lrc_toolbox.ui.presenters.farm_presenter.FarmPresenter`). When a job ends, the message
bar shows the end-of-job text (:func:`~lrc_toolbox.ui.view_state.messages.job_finished_text`) and
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
from lrc_toolbox.core.models import ResourceInfo
from lrc_toolbox.ui.bridge import EventBatch, EventBridge
from lrc_toolbox.ui.control.abstract import BatchRenderController, SceneSummary, StartedJob
from lrc_toolbox.ui.dialogs.dialog_layout import (
    DEFAULT_SIZE_PX,
    LEFT_COLUMN_MIN_WIDTH_PX,
    MIN_WINDOW_PX,
    build_parts,
)
from lrc_toolbox.ui.dialogs.prompts import PrepareProgress, ask_yes_no, open_local_path
from lrc_toolbox.ui.presenters.farm_presenter import FarmPresenter
from lrc_toolbox.ui.presenters.history_presenter import HistoryPresenter
from lrc_toolbox.ui.presenters.launch_presenter import LaunchPresenter
from lrc_toolbox.ui.presenters.renders_presenter import RendersPresenter
from lrc_toolbox.ui.presenters.scene_presenter import ScenePresenter
from lrc_toolbox.ui.qt_compat import is_alive
from lrc_toolbox.ui.settings import DialogSettings
from lrc_toolbox.ui.view_state.button_rules import button_state, start_blocked_reason
from lrc_toolbox.ui.view_state.gpu_names import GpuNames
from lrc_toolbox.ui.view_state.messages import job_finished_text
from lrc_toolbox.ui.workers import BackgroundRunner, ResourcePoller

__all__ = [
    "DEFAULT_SIZE_PX",
    "LEFT_COLUMN_MIN_WIDTH_PX",
    "MIN_WINDOW_PX",
    "WINDOW_TITLE",
    "BatchRenderDialog",
    "current_dialog",
    "open_local_path",
    "show_dialog",
]

_LOG = logging.getLogger(__name__)

WINDOW_TITLE: str = "Batch Render"

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
        gpu_names: How every panel names a GPU (index and model).
        confirm: Asks a yes/no question (replace it in tests and scripted use).
        open_path: Opens a file or folder (replace it in tests).
        owns_renders: True when closing the window ends the process (standalone): closing with
            renders running then asks to stop them.
        renders: The Active Renders and Logs presenter.
        history: The History tab's presenter.
        scenes: The scene's presenter.
        launcher: Starts jobs (Start, Retry Failed, Re-run, Resume, farm submission).
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
        self._shown_once = False
        self._announced_jobs: set[str] = set()
        self._closing = False
        self.gpu_names = GpuNames()

        self.runner = BackgroundRunner(self)
        self.bridge = EventBridge(self)
        parts = build_parts(
            self, controller.renderer_names(), clock=clock, gpu_names=self.gpu_names
        )
        self.system_info_widget = parts.system_info
        self.render_config_widget = parts.config
        self.active_renders_table = parts.active
        self.history_panel = parts.history
        self.logs_monitor = parts.logs
        self.control_buttons = parts.buttons
        self.message_bar = parts.message_bar
        self.views_tabs = parts.views_tabs
        self.right_splitter = parts.right_splitter
        self.main_splitter = parts.main_splitter
        config = self.render_config_widget

        def resource_query() -> Callable[[], ResourceInfo]:
            # Runs on the GUI thread: read the GPU choice here; the returned call runs on a worker.
            gpus, reserve, count = config.gpu_choice()
            return lambda: controller.system_resources(gpus, reserve, count)

        self.poller = ResourcePoller(self.runner, resource_query, self)
        self.renders = RendersPresenter(
            controller,
            self.active_renders_table,
            self.logs_monitor,
            self.system_info_widget,
            self.message_bar,
            self,
            clock=clock,
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
        self.scenes = ScenePresenter(
            controller,
            config,
            self.runner,
            self.message_bar,
            before_read=self.history.check_orphaned_jobs,
            parent=self,
        )
        self.launcher = LaunchPresenter(
            controller,
            config,
            self.runner,
            self.message_bar,
            self.farm,
            scene_file=lambda: self.scenes.scene_file,
            retry_job_id=self.renders.retry_job_id,
            save_settings=self.save_settings,
            progress=lambda: PrepareProgress(self),
            window=self,
        )
        self._connect()
        self._restore_settings()

        self.bridge.attach(controller.subscribe)
        self.renders.seed()
        self.scenes.reload()
        self.farm.load_engines()
        self.update_buttons()

    def _connect(self) -> None:
        def refresh_resources() -> None:  # the GPU choice changed: what would the job get?
            if self.isVisible():
                self.poller.refresh()

        self.bridge.batch_ready.connect(self._on_batch)
        self.poller.resources_ready.connect(self.system_info_widget.set_resources)
        self.poller.resources_failed.connect(self.system_info_widget.set_error)
        self.system_info_widget.gpu_names_changed.connect(self.active_renders_table.refresh_gpus)
        self.system_info_widget.gpu_names_changed.connect(self.history_panel.refresh_gpus)
        config = self.render_config_widget
        config.changed.connect(self.update_buttons)
        config.gpu_choice_changed.connect(refresh_resources)
        self.scenes.scene_changed.connect(self._after_state_change)
        self.active_renders_table.retry_requested.connect(self.launcher.retry_failed)
        self.active_renders_table.open_folder_requested.connect(lambda p: self._open(p, "folder"))
        self.renders.running_changed.connect(self._after_state_change)
        self.renders.selection_changed.connect(self.update_buttons)
        self.renders.open_requested.connect(self._open)
        self.views_tabs.currentChanged.connect(self._on_view_changed)
        panel = self.history_panel
        panel.rerun_requested.connect(self.launcher.rerun_failed_frames)
        panel.resume_requested.connect(self.launcher.resume_job)
        panel.open_log_requested.connect(lambda path: self._open(path, "log"))
        panel.open_folder_requested.connect(lambda path: self._open(path, "folder"))
        self.history.resume_requested.connect(self.launcher.resume_job)
        self.history.show_requested.connect(self.show_history)
        self.history.jobs_changed.connect(self._after_state_change)
        self.history.frame_log_ready.connect(self.logs_monitor.show_pinned)
        self.farm.submitting_changed.connect(self.update_buttons)
        self.launcher.busy_changed.connect(self._after_state_change)
        self.launcher.job_started.connect(self._on_job_started)
        self.launcher.stored_job_started.connect(
            lambda: self.views_tabs.setCurrentWidget(self.active_renders_table)
        )
        self.logs_monitor.level_changed.connect(
            lambda level: setattr(self.settings, "log_level", level)
        )
        buttons = self.control_buttons
        buttons.start_clicked.connect(self.start)
        buttons.stop_selected_clicked.connect(self.renders.stop_selected)
        buttons.stop_all_clicked.connect(self.stop_all)
        buttons.retry_clicked.connect(self.launcher.retry_failed)
        buttons.farm_clicked.connect(self.launcher.submit_to_farm)
        buttons.close_clicked.connect(self.close)

    @property
    def scene(self) -> SceneSummary | None:
        """The scene as last read (None until the first read finished)."""
        return self.scenes.scene

    @property
    def busy(self) -> bool:
        """True while a job is being prepared or started, or a farm submission runs."""
        return self.launcher.busy

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
            ("renders_splitter", self.active_renders_table.splitter),
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
        self.settings.save_state("renders_splitter", self.active_renders_table.splitter.saveState())
        self.settings.sync()

    # -- scene and starting (the presenters do the work) -----------------------------------------
    def reload_scene(self) -> None:
        """Read the scene's layers again; also look for orphaned jobs to offer them again."""
        self.scenes.reload()

    def start(self) -> None:
        """Start a job with the panel's settings (validate, prepare here, plan in background)."""
        self.launcher.start()

    def resume_job(self, job_id: str) -> None:
        """Resume an orphaned job: re-attach to its live renders, render what is left."""
        self.launcher.resume_job(job_id)

    def _on_job_started(self, started: StartedJob) -> None:
        scene = self.scenes.scene
        label = (os.path.basename(scene.path) if scene and scene.path else "") or (
            scene.label if scene else ""
        )
        self.renders.name_job(started.job_id, label)

    # -- events -----------------------------------------------------------------------------------
    def _on_batch(self, batch: EventBatch) -> None:
        self.renders.apply_batch(batch)
        if not batch.events:
            return
        for event in batch.events:
            if isinstance(event, ev.JobFinished) and event.job_id not in self._announced_jobs:
                self._announced_jobs.add(event.job_id)
                reason = None if event.ok else self.renders.first_failure_reason(event.job_id)
                self.message_bar.show_message(*job_finished_text(event, reason))
                self.job_finished.emit(event)
        if any(isinstance(event, (ev.JobStarted, ev.JobFinished)) for event in batch.events):
            self.history.refresh_if_shown()
        self._after_state_change()

    def _after_state_change(self) -> None:
        scene = self.scenes.scene
        if scene is not None:
            self.setWindowTitle(f"{WINDOW_TITLE} — {scene.label or 'untitled scene'}")
        self.renders.update_running_state()
        self.update_buttons()

    def _open(self, path: str, what: str) -> None:
        if not path:
            return
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
        starting = self.launcher.starting
        problems = self.render_config_widget.problems()
        if self.scenes.scene is None:
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

    # -- window -----------------------------------------------------------------------------------
    def showEvent(self, event: QtGui.QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Resume live panels; on a re-open, read the scene again (layers may have changed)."""
        super().showEvent(event)
        if self._shown_once and not self.launcher.starting:
            self.scenes.reload()
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
