"""Active Renders (header, frame map, table) and the Logs panel: fed from the engine.

Engine events arrive in batches from the bridge (:meth:`RendersPresenter.apply_batch`): the table's
rows, the frame map's cells and the job's header follow them; the engine's ``JobProgress`` gives
the time left. Once a second while the window is shown, the controller's status of the running job
is merged in (task ETAs, and rows a re-opened dialog missed) and the header's ETA counts down.

Only the current job is shown: when a new job starts, the earlier job's rows, cells and log lines
leave the view (History keeps the job). The Logs panel follows the table's selection, or shows a
frame's lines when it is clicked in the frame map; Stop on rows asks the controller to stop those
tasks. System Resources marks the GPU slots our renders hold.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from Qt import QtCore

from lrc_toolbox.core import events as ev
from lrc_toolbox.ui.bridge import EventBatch
from lrc_toolbox.ui.control.abstract import BatchRenderController
from lrc_toolbox.ui.view_state.active_renders import busy_slots, first_failure_reason, log_selection
from lrc_toolbox.ui.view_state.formatting import plural
from lrc_toolbox.ui.view_state.frame_logs import frame_log_records
from lrc_toolbox.ui.view_state.frame_map import FrameMapState
from lrc_toolbox.ui.view_state.job_header import ProgressClock, job_header
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
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._table = table
        self._logs = logs
        self._system_info = system_info
        self._bar = message_bar
        self._clock = clock
        self._was_running = False
        self._labels: dict[str, str] = {}
        self._eta = ProgressClock()
        self._took: dict[str, float] = {}
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(STATUS_REFRESH_MS)
        self.timer.timeout.connect(self.tick)
        table.selection_changed.connect(self._on_selection_changed)
        table.stop_requested.connect(self.stop_rows)
        table.open_log_requested.connect(self._open_row_log)
        table.frame_map.frame_clicked.connect(self.show_frame_log)
        logs.open_log_requested.connect(self._open_shown_log)

    # -- feeding ----------------------------------------------------------------------------------
    @property
    def frame_map(self) -> FrameMapState:
        """The current job's frame map state."""
        return self._table.frame_map.state

    def name_job(self, job_id: str, label: str) -> None:
        """Name a job in the header (its scene), e.g. when the dialog started it."""
        self._labels[job_id] = label
        self.refresh_header()

    def apply_batch(self, batch: EventBatch) -> None:
        """Show what the engine reported since the last batch."""
        if batch.events:
            model = self._table.model
            previous_job = model.current_job
            model.apply_events(batch.events)
            for event in batch.events:
                if isinstance(event, ev.JobStarted):
                    self._eta.reset(event.job_id)
                elif isinstance(event, ev.JobProgress) and event.job_id == model.current_job:
                    self._eta.update(event, self._clock())
                elif isinstance(event, ev.JobFinished):
                    self._took[event.job_id] = event.elapsed_s
            if self.frame_map.apply(batch.events):
                self._table.frame_map.refresh()
            if model.current_job != previous_job:
                self._follow_new_job(model.current_job)
            self.refresh_header()
        if batch.logs or batch.dropped_log_lines:
            self._logs.append_lines(batch.logs, batch.dropped_log_lines)

    def refresh_header(self) -> None:
        """Rewrite the job's header from the frame map, the engine's ETA and the job's end."""
        state = self.frame_map
        job_id = self._table.model.current_job or state.job_id
        finished = state.finished or self._table.model.job_finished(job_id)
        self._table.show_header(
            job_header(
                job_id=job_id,
                label=self._labels.get(job_id, ""),
                counts=state.counts() if state.job_id == job_id else {},
                total=state.total if state.job_id == job_id else 0,
                finished=finished,
                end_state=state.end_state,
                eta_s=self._eta.eta_s(self._clock()) if self._eta.job_id == job_id else None,
                took_s=self._took.get(job_id),
            )
        )

    def update_running_state(self) -> None:
        """Show whether a job runs, and which GPU slots our renders hold."""
        running = self._controller.is_running()
        self.refresh_header()
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
            self._show_job(active.job_id)
            self._table.model.apply_status(active.job_id, active.tasks)
            self.refresh_header()

    def _show_job(self, job_id: str) -> None:
        if self._table.model.switch_to(job_id):
            self._follow_new_job(job_id)

    def _follow_new_job(self, job_id: str) -> None:
        """The Logs panel leaves the earlier job: the new job's lines, no old task selected."""
        self._logs.set_job(job_id)
        self._logs.unpin()
        # A model reset clears the table's selection without telling anyone: say it here.
        self._on_selection_changed(self._table.selected_rows())

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
            self._show_job(active.job_id)
            model.apply_status(active.job_id, active.tasks)
        self.refresh_header()  # the ETA counts down between the engine's updates
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
    def show_frame_log(self, layer: str, frame: int) -> None:
        """Show one frame's log lines (every render that tried it) in the Logs panel."""
        state = self.frame_map
        info = state.info(layer, frame)
        if info is None:
            return
        job_id = state.job_id
        buffer = self._logs.buffer
        records = frame_log_records(
            job_id=job_id,
            layer=layer,
            frame=frame,
            tasks=info.tasks,
            lines_of=lambda task_id: buffer.task_lines((job_id, task_id)),
            renderer=state.renderer,
        )
        self._table.frame_map.view.select(layer, frame)
        self._logs.show_pinned(records, f"{layer} frame {frame}")

    def _on_selection_changed(self, rows: list[TaskRow]) -> None:
        keys, label = log_selection(rows)
        self._logs.set_tasks(keys, label)
        path = self.shown_log_path()
        self._logs.set_log_file_available(bool(path), path or "")
        self.selection_changed.emit()

    def shown_log_path(self) -> str | None:
        """The log "Open log" opens: the selected task's, else the last job's log folder."""
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
