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

The History tab lists the job store's recent jobs (read on a worker while the tab is shown);
re-running a job's failed frames, resuming an orphaned job and cancelling run on a worker too.
When the dialog opens or the scene is reloaded, a job whose manager died while it rendered (Maya
crashed, a CLI was killed) is offered for Resume / Cancel in the message bar. When a job ends, the
message bar shows the end-of-job text (:func:`~lrc_toolbox.core.notifications.job_finished_message`)
and :attr:`BatchRenderDialog.job_finished` lets the host add its own notification (a tray message
standalone; Maya shows an in-view message itself).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable

from Qt import QtCore, QtGui, QtWidgets

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.models import RenderConfig, ResourceInfo
from lrc_toolbox.core.notifications import job_finished_message
from lrc_toolbox.core.scene_source import PreparationCancelled, PreparedScene
from lrc_toolbox.ui.bridge import EventBatch, EventBridge
from lrc_toolbox.ui.controller import (
    BatchRenderController,
    ControllerError,
    FarmOutcome,
    JobDetails,
    JobRow,
    SceneSummary,
    StartedJob,
)
from lrc_toolbox.ui.dialogs.render_progress_widget import RenderProgressWidget
from lrc_toolbox.ui.qt_compat import exec_modal, is_alive
from lrc_toolbox.ui.settings import DialogSettings
from lrc_toolbox.ui.view_state.formatting import plural
from lrc_toolbox.ui.view_state.render_rows import RenderRow, RowState
from lrc_toolbox.ui.widgets.control_buttons import ButtonState, ControlButtonsWidget
from lrc_toolbox.ui.widgets.history_panel import HistoryPanel
from lrc_toolbox.ui.widgets.logs_monitor import LogsMonitorWidget
from lrc_toolbox.ui.widgets.message_bar import MessageBar
from lrc_toolbox.ui.widgets.render_config_widget import ConfigError, RenderConfigWidget
from lrc_toolbox.ui.widgets.system_info_widget import SystemInfoWidget
from lrc_toolbox.ui.workers import BackgroundRunner, ResourcePoller

_LOG = logging.getLogger(__name__)

WINDOW_TITLE: str = "Batch Render"
#: Initial size of a first-time window (remembered afterwards).
DEFAULT_SIZE_PX: tuple[int, int] = (1360, 860)
#: The configuration column never gets narrower than this (its fields stay readable).
LEFT_COLUMN_MIN_WIDTH_PX: int = 520
#: Elapsed/ETA refresh and engine status merge.
STATUS_REFRESH_MS: int = 1000
#: Prepare progress dialogs appear only for preparations longer than this.
PREPARE_PROGRESS_DELAY_MS: int = 400
#: The History tab re-reads the job store this often while it is shown.
HISTORY_REFRESH_MS: int = 5000
#: Jobs the History tab lists (newest first; retention forgets old ones anyway).
HISTORY_LIMIT: int = 100

ConfirmFn = Callable[[str, str], bool]
OpenPathFn = Callable[[str], bool]


def _ask_yes_no(parent: QtWidgets.QWidget, title: str, text: str) -> bool:
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(
        QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No
    )
    box.setDefaultButton(QtWidgets.QMessageBox.StandardButton.No)
    exec_modal(box)
    # Compare buttons, not exec()'s int: the bindings differ in how they type it.
    return box.clickedButton() == box.button(QtWidgets.QMessageBox.StandardButton.Yes)


def open_local_path(path: str) -> bool:
    """Open a file or folder with the desktop's default application; False if that failed."""
    return bool(QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(path)))


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
        self.confirm: ConfirmFn = lambda title, text: _ask_yes_no(self, title, text)
        self.open_path: OpenPathFn = open_local_path
        self.owns_renders = False
        self._clock = clock
        self._scene: SceneSummary | None = None
        self._farm_engines: list[str] = []
        self._farm_error = ""
        self._starting = False
        self._preparing = False
        self._submitting = False
        self._shown_once = False
        self._was_running = False
        self._announced_jobs: set[str] = set()
        self._closing = False
        self._history_in_flight = False
        self._history_again = False
        self._details_in_flight = False
        self._details_again = False
        self._details_wanted = ""

        self.runner = BackgroundRunner(self)
        self.bridge = EventBridge(self)
        self.poller = ResourcePoller(self.runner, self._resource_query, self)
        self._status_timer = QtCore.QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self._on_status_tick)
        self._history_timer = QtCore.QTimer(self)
        self._history_timer.setInterval(HISTORY_REFRESH_MS)
        self._history_timer.timeout.connect(self.refresh_history)
        self._build()
        self._connect()
        self._restore_settings()

        self.bridge.attach(controller.subscribe)
        self._seed_from_controller()
        self.reload_scene()
        self._load_farm_engines()
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
        table = self.active_renders_table
        table.selection_changed.connect(self._on_selection_changed)
        table.stop_requested.connect(self._stop_rows)
        table.retry_requested.connect(self.retry_failed)
        table.open_log_requested.connect(self._open_row_log)
        table.open_folder_requested.connect(self._open_folder)
        self.views_tabs.currentChanged.connect(self._on_view_changed)
        history = self.history_panel
        history.refresh_requested.connect(self.refresh_history)
        history.job_selected.connect(self._request_details)
        history.rerun_requested.connect(self.rerun_failed_frames)
        history.resume_requested.connect(self.resume_job)
        history.cancel_requested.connect(self.cancel_job)
        history.open_log_requested.connect(lambda path: self._open(path, "log"))
        history.open_folder_requested.connect(self._open_folder)
        self.logs_monitor.open_log_requested.connect(self._open_shown_log)
        self.logs_monitor.level_changed.connect(self._remember_log_level)
        buttons = self.control_buttons
        buttons.start_clicked.connect(self.start)
        buttons.stop_selected_clicked.connect(self.stop_selected)
        buttons.stop_all_clicked.connect(self.stop_all)
        buttons.retry_clicked.connect(self.retry_failed)
        buttons.farm_clicked.connect(self.submit_to_farm)
        buttons.farm_engine_chosen.connect(self._choose_farm_engine)
        buttons.farm_dry_run_toggled.connect(self._remember_dry_run)
        buttons.close_clicked.connect(self.close)

    @property
    def scene(self) -> SceneSummary | None:
        """The scene as last read (None until the first read finished)."""
        return self._scene

    @property
    def busy(self) -> bool:
        """True while a job is being prepared or started, or a farm submission runs."""
        return self._starting or self._preparing or self._submitting

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
        self.check_orphaned_jobs()
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
        if batch.events:
            self.active_renders_table.model.apply_events(batch.events)
        if batch.logs or batch.dropped_log_lines:
            self.logs_monitor.append_lines(batch.logs, batch.dropped_log_lines)
        if not batch.events:
            return
        for event in batch.events:
            if isinstance(event, ev.JobFinished):
                self._announce_finished(event)
        if any(isinstance(event, (ev.JobStarted, ev.JobFinished)) for event in batch.events):
            self._refresh_history_if_shown()
        self._after_state_change()

    def _after_state_change(self) -> None:
        running = self.controller.is_running()
        self.active_renders_table.update_summary(running)
        busy = {
            row.gpu: f"{row.task_id} ({row.layer_text})"
            for row in self.active_renders_table.model.rows
            if row.state.is_active and row.gpu
        }
        self.system_info_widget.set_busy_slots(busy)
        self._was_running = running
        self.update_buttons()

    def _announce_finished(self, event: ev.JobFinished) -> None:
        if event.job_id in self._announced_jobs:
            return
        self._announced_jobs.add(event.job_id)
        # The same words as the host's notification (tray, Maya's in-view message), then what
        # only the dialog can add: the reason of the first failure and what to do about it.
        title, body = job_finished_message(event)
        headline = f"{title} (job {event.job_id}): {body}"
        done = sum(len(result.get("done", ())) for result in event.layers.values())
        failed_layers = {
            layer: result.get("failed", ())
            for layer, result in event.layers.items()
            if result.get("failed")
        }
        failed = sum(len(frames) for frames in failed_layers.values())
        if event.ok:
            self.message_bar.show_message(headline, "success")
        elif event.state == "cancelled":
            self.message_bar.show_message(
                f"{headline}\nJob {event.job_id} stopped ({event.reason or 'cancelled'}): "
                f"{plural(done, 'frame')} verified, {plural(failed, 'frame')} not rendered.",
                "warning",
            )
        else:
            reason = event.reason or self._first_failure_reason(event.job_id) or "see the task logs"
            layers = ", ".join(sorted(failed_layers))
            self.message_bar.show_message(
                f"{headline}\nJob {event.job_id} finished with {plural(failed, 'failed frame')} "
                f"({layers}): {reason}. Retry Failed (or History › Re-run failed frames) "
                "re-renders only those frames.",
                "error",
            )
        self.job_finished.emit(event)

    def _first_failure_reason(self, job_id: str) -> str | None:
        for row in self.active_renders_table.model.rows:
            if row.job_id == job_id and row.state is RowState.FAILED and row.reason:
                return row.reason
        return None

    def _seed_from_controller(self) -> None:
        """A dialog created while a job runs shows that job's tasks at once."""
        try:
            active = self.controller.active_job()
        except Exception as exc:  # a broken controller must not stop the dialog from opening
            _LOG.warning("could not read the running job: %r", exc)
            return
        if active is not None:
            self.active_renders_table.model.apply_status(active.job_id, active.tasks)
            self.active_renders_table.update_summary(active.running)

    def _on_status_tick(self) -> None:
        model = self.active_renders_table.model
        model.tick()
        try:
            active = self.controller.active_job()
        except Exception as exc:
            _LOG.warning("status query failed: %r", exc)
            return
        if active is not None and active.running:
            model.apply_status(active.job_id, active.tasks)
        if self.controller.is_running() != self._was_running:
            self._after_state_change()

    # -- selection and logs -----------------------------------------------------------------------
    def _on_selection_changed(self, rows: list[RenderRow]) -> None:
        logs = self.logs_monitor
        if not rows:
            logs.set_tasks(None, "all tasks")
        else:
            keys = frozenset((row.job_id, row.task_id) for row in rows if not row.is_waiting_row)
            if keys:
                names = [
                    f"{row.task_id} ({row.layer_text})" for row in rows if not row.is_waiting_row
                ]
                label = ", ".join(names[:3]) + (
                    f" and {len(names) - 3} more" if len(names) > 3 else ""
                )
            else:
                label = "queued frames (no log yet)"
            logs.set_tasks(keys, label)
        path = self._shown_log_path()
        logs.set_log_file_available(bool(path), path or "")
        self.update_buttons()

    def _shown_log_path(self) -> str | None:
        rows = [row for row in self.active_renders_table.selected_rows() if row.log_path]
        if rows:
            return rows[0].log_path
        jobs = self.active_renders_table.model.job_ids()
        return self.active_renders_table.model.log_dir(jobs[-1]) if jobs else None

    def _open_shown_log(self) -> None:
        path = self._shown_log_path()
        if path:
            self._open(path, "log")

    def _open_row_log(self, row: RenderRow) -> None:
        if row is not None and row.log_path:
            self._open(row.log_path, "log file")

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
        busy = self._starting or self._preparing
        problems = self.render_config_widget.problems()
        if self._scene is None:
            problems = ["Reading the scene…", *problems]
        if running:
            tip = "A job is running: stop it or wait for it to finish"
        elif busy:
            tip = "Starting…"
        elif problems:
            tip = problems[0]
        else:
            tip = "Start rendering with these settings"
        selected = self.active_renders_table.selected_rows()
        self.history_panel.set_can_start_jobs(
            not running and not busy,
            "A job is running here: stop it or wait for it to finish"
            if running
            else "Starting…"
            if busy
            else "",
        )
        self.control_buttons.set_state(
            ButtonState(
                can_start=not running and not busy and not problems,
                start_tooltip=tip,
                can_stop_selected=any(row.state.is_active for row in selected),
                can_stop_all=running,
                can_retry=not running and not busy and self._retry_job_id() is not None,
                can_submit_farm=not problems and not busy and not self._submitting,
            )
        )

    def _retry_job_id(self) -> str | None:
        model = self.active_renders_table.model
        candidates = [row.job_id for row in self.active_renders_table.selected_rows()]
        jobs = model.job_ids()
        candidates += jobs[-1:]
        for job_id in candidates:
            if model.job_finished(job_id) and model.job_summary(job_id)[1]:
                return job_id
        return None

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
            request = self.controller.retry_request(job_id or self._retry_job_id())
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
        progress = _PrepareProgress(self)
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
        lines = [f"Started job {started.job_id}: {plural(started.total_frames, 'frame')}."]
        lines += [f"Note: {note}" for note in started.notes]
        self.message_bar.show_message("\n".join(lines), "info")
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
        self._stop_rows(self.active_renders_table.selected_rows())

    def _stop_rows(self, rows: list[RenderRow]) -> None:
        active = [row for row in rows if row.state.is_active]
        for row in active:
            self.controller.stop_task(row.job_id, row.task_id)
        if active:
            self.message_bar.show_message(
                f"Stopping {plural(len(active), 'render')} "
                f"({', '.join(row.task_id for row in active)})…",
                "info",
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
        if self.history_shown:
            self.refresh_history()
            self._history_timer.start()
        else:
            self._history_timer.stop()

    def _refresh_history_if_shown(self) -> None:
        if self.history_shown:
            self.refresh_history()

    def refresh_history(self) -> None:
        """Read the recent jobs again, off the GUI thread (one read at a time)."""
        if self._history_in_flight:
            self._history_again = True
            return
        self._history_in_flight = True
        controller = self.controller
        self.runner.run(
            lambda: controller.history(HISTORY_LIMIT), self._on_history, self._on_history_error
        )

    def _on_history(self, rows: list[JobRow]) -> None:
        self._history_in_flight = False
        self.history_panel.set_jobs(rows)
        selected = self.history_panel.selected_job_id()
        if selected:
            self._request_details(selected)  # a running job's renders change between reads
        self._after_history_read()

    def _on_history_error(self, error: BaseException) -> None:
        self._history_in_flight = False
        if not isinstance(error, ControllerError):
            _LOG.error("reading the job history failed: %r", error)
        self.history_panel.set_error(str(error))
        self._after_history_read()

    def _after_history_read(self) -> None:
        if self._history_again:
            self._history_again = False
            self.refresh_history()

    def _request_details(self, job_id: str) -> None:
        self._details_wanted = job_id
        if not job_id:
            return
        if self._details_in_flight:
            self._details_again = True
            return
        self._details_in_flight = True
        controller = self.controller
        self.runner.run(
            lambda: controller.job_details(job_id),
            self._on_details,
            lambda error: self._on_details_error(job_id, error),
        )

    def _on_details(self, details: JobDetails) -> None:
        self._details_in_flight = False
        self.history_panel.set_details(details)
        self._after_details_read()

    def _on_details_error(self, job_id: str, error: BaseException) -> None:
        self._details_in_flight = False
        if not isinstance(error, ControllerError):
            _LOG.error("reading job %s failed: %r", job_id, error)
        self.history_panel.set_details_error(job_id, str(error))
        self._after_details_read()

    def _after_details_read(self) -> None:
        if self._details_again:
            self._details_again = False
            self._request_details(self._details_wanted)

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

    def cancel_job(self, job_id: str) -> None:
        """Cancel a job after confirmation, wherever its renders were started."""
        if not self.confirm(
            "Cancel job",
            f"Cancel job {job_id}?\nIts running renders are stopped, even if the "
            "process that started them is gone. Frames already verified are "
            "kept.",
        ):
            return
        self.message_bar.show_message(f"Cancelling job {job_id}…", "info")
        controller = self.controller
        self.runner.run(
            lambda: controller.cancel_job(job_id),
            self._on_cancelled,
            lambda error: self._on_cancel_failed(job_id, error),
        )

    def _on_cancelled(self, message: str) -> None:
        self.message_bar.show_message(message[:1].upper() + message[1:] + ".", "warning")
        self._refresh_history_if_shown()
        self._after_state_change()

    def _on_cancel_failed(self, job_id: str, error: BaseException) -> None:
        if not isinstance(error, ControllerError):
            _LOG.error("cancelling job %s failed: %r", job_id, error)
        self.message_bar.show_message(f"Could not cancel job {job_id}: {error}", "error")
        self._refresh_history_if_shown()

    # -- orphaned jobs ----------------------------------------------------------------------------
    def check_orphaned_jobs(self) -> None:
        """Look for jobs whose manager died while they rendered; offer Resume / Cancel."""
        self.runner.run(
            self.controller.orphaned_jobs, self._on_orphaned_jobs, self._on_orphan_check_failed
        )

    def _on_orphaned_jobs(self, rows: list[JobRow]) -> None:
        if not rows or self.busy:
            return
        newest = rows[0]
        scene = os.path.basename(newest.scene) or newest.scene
        lines = [
            f"Job {newest.job_id} ({scene}, {newest.frames_done:,}/{newest.frames_total:,} "
            "frames verified) lost the process that ran it (Maya or a CLI ended while it "
            "rendered); its renders may still be running.",
            "Resume re-attaches to them and renders what is left; Cancel stops them.",
        ]
        actions = []
        if not self.controller.is_running():
            actions.append(("Resume", lambda: self.resume_job(newest.job_id)))
        actions.append(("Cancel", lambda: self.cancel_job(newest.job_id)))
        if len(rows) > 1:
            lines.append(f"{plural(len(rows) - 1, 'more orphaned job')} in History.")
            actions.append(("Show History", self.show_history))
        self.message_bar.show_message("\n".join(lines), "warning", actions)

    def _on_orphan_check_failed(self, error: BaseException) -> None:
        # The dialog still works without the store (nothing to resume); say so once.
        _LOG.warning("looking for orphaned jobs failed: %r", error)
        if not self.busy:
            self.message_bar.show_message(
                f"Could not look for interrupted jobs: {error}", "warning"
            )

    # -- farm -------------------------------------------------------------------------------------
    def _load_farm_engines(self) -> None:
        self.runner.run(self.controller.farm_engines, self._on_farm_engines, self._on_farm_error)

    def _on_farm_engines(self, engines: list[str]) -> None:
        self._farm_engines = list(engines)
        self._farm_error = ""
        current = self.settings.farm_engine
        if current not in self._farm_engines and self._farm_engines:
            current = self._farm_engines[0]
        self.control_buttons.set_farm_engines(
            self._farm_engines, current, self.settings.farm_dry_run
        )

    def _on_farm_error(self, error: BaseException) -> None:
        self._farm_engines = []
        self._farm_error = str(error)
        self.control_buttons.set_farm_engines([], "", self.settings.farm_dry_run, self._farm_error)

    def _choose_farm_engine(self, engine: str) -> None:
        self.settings.farm_engine = engine

    def _remember_dry_run(self, dry_run: bool) -> None:
        self.settings.farm_dry_run = dry_run

    def submit_to_farm(self) -> None:
        """Export the configured job to the chosen farm engine (or only write its files)."""
        if self._submitting or self._preparing:
            return
        if not self._farm_engines:
            self.message_bar.show_message(
                self._farm_error or "No farm engine is available.", "error"
            )
            return
        engine = self.settings.farm_engine
        if engine not in self._farm_engines:
            engine = self._farm_engines[0]
        dry_run = self.settings.farm_dry_run
        scene_file = (self._scene.path if self._scene else None) or ""
        try:
            config = self.render_config_widget.build_config(scene_file)
        except ConfigError as exc:
            self.message_bar.show_message(str(exc), "error")
            return
        self.save_settings()
        prepared = self._validate_and_prepare(config)
        if prepared is None:
            return
        self._submitting = True
        self.update_buttons()
        self.message_bar.show_message(f"Submitting to {engine}…", "info")
        self.runner.run(
            lambda: self.controller.submit_to_farm(config, prepared, engine, dry_run=dry_run),
            self._on_farm_submitted,
            self._on_farm_failed,
        )

    def _on_farm_submitted(self, outcome: FarmOutcome) -> None:
        self._submitting = False
        lines = [outcome.message]
        if outcome.files:
            lines.append(
                "Files: " + ", ".join(outcome.files[:4]) + (" …" if len(outcome.files) > 4 else "")
            )
        self.message_bar.show_message("\n".join(lines), "success" if outcome.submitted else "info")
        self.update_buttons()

    def _on_farm_failed(self, error: BaseException) -> None:
        self._submitting = False
        if not isinstance(error, ControllerError):
            _LOG.error("farm submission failed: %r", error)
        self.message_bar.show_message(f"Farm submission failed: {error}", "error")
        self.update_buttons()

    # -- window -----------------------------------------------------------------------------------
    def showEvent(self, event: QtGui.QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Resume live panels; on a re-open, read the scene again (layers may have changed)."""
        super().showEvent(event)
        if self._shown_once and not self._starting:
            self.reload_scene()
        self._shown_once = True
        self.poller.start()
        self._status_timer.start()
        self._on_status_tick()
        self._on_view_changed(self.views_tabs.currentIndex())

    def hideEvent(self, event: QtGui.QHideEvent) -> None:  # noqa: N802 (Qt API)
        """Pause what only matters on screen; renders and event buffering go on."""
        self.poller.stop()
        self._status_timer.stop()
        self._history_timer.stop()
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
        self._status_timer.stop()
        self._history_timer.stop()
        self.runner.wait_for_done(timeout_ms)


class _PrepareProgress:
    """The ``prepare`` progress callback: a progress dialog with Cancel, shown only if slow."""

    def __init__(self, parent: QtWidgets.QWidget) -> None:
        self._parent = parent
        self._dialog: QtWidgets.QProgressDialog | None = None

    def __call__(self, fraction: float, message: str) -> bool:
        if self._dialog is None:
            dialog = QtWidgets.QProgressDialog(
                "Preparing the scene…", "Cancel", 0, 1000, self._parent
            )
            dialog.setWindowTitle("Batch Render")
            dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(PREPARE_PROGRESS_DELAY_MS)
            dialog.setAutoClose(False)
            self._dialog = dialog
        self._dialog.setLabelText(message or "Preparing the scene…")
        self._dialog.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        # Maya exports on its main thread in steps: let the Cancel button be clicked between them.
        QtCore.QCoreApplication.processEvents()
        return not self._dialog.wasCanceled()

    def finish(self) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None


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
