"""The Active Renders table and the Logs panel: fed from engine events and the engine's status.

Engine events arrive in batches from the bridge (:meth:`RendersPresenter.apply_batch`); once a
second while the window is shown, the controller's status of the running job is merged in (ETAs,
and rows a re-opened dialog missed). The Logs panel follows the table's selection; Stop on rows
asks the controller to stop those tasks. System Resources marks the GPU slots our renders hold.
"""

from __future__ import annotations

import logging

from Qt import QtCore

from lrc_toolbox.ui.bridge import EventBatch
from lrc_toolbox.ui.control.abstract import BatchRenderController
from lrc_toolbox.ui.view_state.active_renders import busy_slots, first_failure_reason, log_selection
from lrc_toolbox.ui.view_state.formatting import plural
from lrc_toolbox.ui.view_state.render_rows import TaskRow
from lrc_toolbox.ui.widgets.logs_monitor import LogsMonitorWidget
from lrc_toolbox.ui.widgets.message_bar import MessageBar
from lrc_toolbox.ui.widgets.renders_panel import RenderProgressWidget
from lrc_toolbox.ui.widgets.system_info_widget import SystemInfoWidget

__all__ = ["STATUS_REFRESH_MS", "RendersPresenter"]

_LOG = logging.getLogger(__name__)

#: Elapsed/ETA refresh and engine status merge.
STATUS_REFRESH_MS: int = 1000


class RendersPresenter(QtCore.QObject):
    """Keeps the Active Renders table, the Logs panel and the busy GPU slots up to date.

    Args:
        controller: Where the status comes from and where Stop goes.
        table: The Active Renders panel.
        logs: The Logs panel.
        system_info: The System Resources panel (its busy slots).
        message_bar: Where Stop says what it stopped.
        parent: Owner (the dialog).
    """

    #: Whether a job runs here changed (noticed by the status tick).
    running_changed = QtCore.Signal()
    #: The table's selection changed (the buttons follow it).
    selection_changed = QtCore.Signal()
    #: Open this path (a log file or folder); the second value names it for messages.
    open_requested = QtCore.Signal(str, str)

    def __init__(
        self,
        controller: BatchRenderController,
        table: RenderProgressWidget,
        logs: LogsMonitorWidget,
        system_info: SystemInfoWidget,
        message_bar: MessageBar,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._table = table
        self._logs = logs
        self._system_info = system_info
        self._bar = message_bar
        self._was_running = False
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(STATUS_REFRESH_MS)
        self.timer.timeout.connect(self.tick)
        table.selection_changed.connect(self._on_selection_changed)
        table.stop_requested.connect(self.stop_rows)
        table.open_log_requested.connect(self._open_row_log)
        logs.open_log_requested.connect(self._open_shown_log)

    # -- feeding ----------------------------------------------------------------------------------
    def apply_batch(self, batch: EventBatch) -> None:
        """Show what the engine reported since the last batch."""
        if batch.events:
            self._table.model.apply_events(batch.events)
        if batch.logs or batch.dropped_log_lines:
            self._logs.append_lines(batch.logs, batch.dropped_log_lines)

    def update_running_state(self) -> None:
        """Show whether a job runs, and which GPU slots our renders hold."""
        running = self._controller.is_running()
        self._table.update_summary(running)
        self._system_info.set_busy_slots(busy_slots(self._table.model.rows))
        self._was_running = running

    def seed(self) -> None:
        """A dialog created while a job runs shows that job's tasks at once."""
        try:
            active = self._controller.active_job()
        except Exception as exc:  # a broken controller must not stop the dialog from opening
            _LOG.warning("could not read the running job: %r", exc)
            return
        if active is not None:
            self._table.model.apply_status(active.job_id, active.tasks)
            self._table.update_summary(active.running)

    def start(self) -> None:
        """Merge the engine's status now and every :data:`STATUS_REFRESH_MS` (window shown)."""
        self.timer.start()
        self.tick()

    def stop(self) -> None:
        """Stop the status merges (window hidden; events still arrive)."""
        self.timer.stop()

    def tick(self) -> None:
        """Refresh elapsed times and ETAs, and merge the running job's status."""
        model = self._table.model
        model.tick()
        try:
            active = self._controller.active_job()
        except Exception as exc:
            _LOG.warning("status query failed: %r", exc)
            return
        if active is not None and active.running:
            model.apply_status(active.job_id, active.tasks)
        if self._controller.is_running() != self._was_running:
            self.running_changed.emit()

    # -- questions the dialog asks ----------------------------------------------------------------
    def can_stop_selected(self) -> bool:
        """True when a selected row is rendering."""
        return any(row.state.is_active for row in self._table.selected_rows())

    def retry_job_id(self) -> str | None:
        """The job Retry Failed retries: the selected rows' job, else the last one, if it failed."""
        model = self._table.model
        candidates = [row.job_id for row in self._table.selected_rows()]
        return model.retryable_job([*candidates, *model.job_ids()[-1:]])

    def first_failure_reason(self, job_id: str) -> str | None:
        """The reason of the job's first failed render, as the table shows it."""
        return first_failure_reason(self._table.model.rows, job_id)

    # -- stopping ---------------------------------------------------------------------------------
    def stop_selected(self) -> None:
        """Stop the selected renders (their unverified frames are retried)."""
        self.stop_rows(self._table.selected_rows())

    def stop_rows(self, rows: list[TaskRow]) -> None:
        """Stop these rows' renders if they run."""
        active = [row for row in rows if row.state.is_active]
        for row in active:
            self._controller.stop_task(row.job_id, row.task_id)
        if active:
            self._bar.show_message(
                f"Stopping {plural(len(active), 'render')} "
                f"({', '.join(row.task_id for row in active)})…",
                "info",
            )

    # -- selection and logs -----------------------------------------------------------------------
    def _on_selection_changed(self, rows: list[TaskRow]) -> None:
        keys, label = log_selection(rows)
        self._logs.set_tasks(keys, label)
        path = self.shown_log_path()
        self._logs.set_log_file_available(bool(path), path or "")
        self.selection_changed.emit()

    def shown_log_path(self) -> str | None:
        """The log "Open log file" opens: the selected task's, else the last job's log folder."""
        rows = [row for row in self._table.selected_rows() if row.log_path]
        if rows:
            return rows[0].log_path
        jobs = self._table.model.job_ids()
        return self._table.model.log_dir(jobs[-1]) if jobs else None

    def _open_shown_log(self) -> None:
        path = self.shown_log_path()
        if path:
            self.open_requested.emit(path, "log")

    def _open_row_log(self, row: TaskRow) -> None:
        if row is not None and row.log_path:
            self.open_requested.emit(row.log_path, "log file")
