"""The History view: recent jobs from the job store, the selected job's renders and failed frames.

The panel only shows and asks. The dialog fetches the rows off the GUI thread and hands them in
(:meth:`HistoryPanel.set_jobs`, :meth:`HistoryPanel.set_details`). The selected job's frames are
drawn as the same frame map Active Renders shows while a job runs (the Frames tab); a click on a
frame asks for its log lines (:attr:`HistoryPanel.frame_log_requested`). the buttons emit what the user
wants done (re-run failed frames, resume an orphaned job, cancel, open a log or the output folder)
and the dialog talks to the controller. Which buttons are enabled follows the selected job: a
finished job with frames lacking an image can be re-run, an orphaned one resumed, an unfinished
one cancelled; starting anything also needs the dialog to be idle (:meth:`set_can_start_jobs`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from typing import Any

from Qt import QtCore, QtWidgets

from lrc_toolbox.ui.models.history_table_models import (
    HISTORY_SORT_ROLE,
    RECORD_ROLE,
    JobColumn,
    RecordsTableModel,
    failures_model,
    jobs_model,
    tasks_model,
)
from lrc_toolbox.ui.view_state.dialog_words import in_dialog_words
from lrc_toolbox.ui.view_state.formatting import plural
from lrc_toolbox.ui.view_state.frame_map import FrameMapState
from lrc_toolbox.ui.view_state.gpu_names import GpuNames
from lrc_toolbox.ui.view_state.history_columns import job_state_text
from lrc_toolbox.ui.view_state.job_history import JobDetails, JobRow, TaskDetail
from lrc_toolbox.ui.widgets.frame_map_view import FrameMapPanel

#: Initial widths of the jobs list's columns in pixels (the scene column takes the rest).
JOB_COLUMN_WIDTHS_PX: dict[int, int] = {
    JobColumn.JOB: 170,
    JobColumn.STATE: 110,
    JobColumn.FRAMES: 80,
    JobColumn.FAILED: 52,
    JobColumn.STARTED: 120,
    JobColumn.DURATION: 70,
}
#: Initial widths of the renders table's columns, in column order (the log path takes the rest).
TASK_COLUMN_WIDTHS_PX: tuple[int, ...] = (52, 130, 70, 140, 58, 78, 96, 72, 62)
#: Initial widths of the failed frames table's columns (the reason takes the rest).
FAILURE_COLUMN_WIDTHS_PX: tuple[int, ...] = (130, 52, 62, 140, 52)


def _table(
    model: RecordsTableModel, name: str, parent: QtWidgets.QWidget, widths: Sequence[int] = ()
) -> tuple[QtWidgets.QTableView, QtCore.QSortFilterProxyModel]:
    proxy = QtCore.QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(HISTORY_SORT_ROLE)
    proxy.setDynamicSortFilter(True)
    view = QtWidgets.QTableView(parent)
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        view.horizontalHeader().resizeSection(column, width)
    return view, proxy


class HistoryPanel(QtWidgets.QWidget):
    """Recent jobs (sortable), the selected job's renders and failed frames, and actions.

    Args:
        parent: Owner.
        clock: Wall clock (seconds since the epoch) for start times and running durations.
    """

    #: The user asked for fresh rows.
    refresh_requested = QtCore.Signal()
    #: The selected job changed (its id, or "" for none): fetch its details.
    job_selected = QtCore.Signal(str)
    #: Re-render the frames of this job that have no verified image.
    rerun_requested = QtCore.Signal(str)
    #: Resume this orphaned job.
    resume_requested = QtCore.Signal(str)
    #: Cancel this job.
    cancel_requested = QtCore.Signal(str)
    #: Open this log file (or log folder).
    open_log_requested = QtCore.Signal(str)
    #: Open this folder (the job's images).
    open_folder_requested = QtCore.Signal(str)
    #: Show this frame's log lines: (layer, frame) of the selected job.
    frame_log_requested = QtCore.Signal(str, int)

    def __init__(
        self,
        parent: QtWidgets.QWidget | None = None,
        clock: Callable[[], float] = time.time,
        gpu_names: GpuNames | None = None,
    ) -> None:
        super().__init__(parent)
        self.gpu_names = gpu_names or GpuNames()
        self.setObjectName("historyPanel")
        self._clock = clock
        self._details: JobDetails | None = None
        self._can_start = True
        self._start_blocked_reason = ""
        self._error = ""

        self.refresh_button = QtWidgets.QPushButton("Refresh")
        self.refresh_button.setToolTip("Read the job store again")
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.status_label = QtWidgets.QLabel("Reading the job history…")
        self.status_label.setWordWrap(True)
        self.status_label.setMinimumWidth(1)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.status_label, 1)
        top.addWidget(self.refresh_button)

        self.jobs = jobs_model(self, clock=clock)
        self.jobs_view, self.jobs_proxy = _table(self.jobs, "historyJobsView", self)
        self.jobs_view.sortByColumn(JobColumn.STARTED, QtCore.Qt.SortOrder.DescendingOrder)
        header = self.jobs_view.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in JOB_COLUMN_WIDTHS_PX.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(JobColumn.SCENE, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.jobs_view.selectionModel().selectionChanged.connect(self._on_job_selection)

        self.details_label = QtWidgets.QLabel("Select a job to see its frames and renders.")
        self.details_label.setWordWrap(True)
        self.details_label.setMinimumWidth(1)  # wraps instead of widening the window
        self.details_label.setTextInteractionFlags(
            QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.tasks = tasks_model(self, clock=clock, names=self.gpu_names)
        self.tasks_view, self.tasks_proxy = _table(
            self.tasks, "historyTasksView", self, TASK_COLUMN_WIDTHS_PX
        )
        self.tasks_view.sortByColumn(0, QtCore.Qt.SortOrder.AscendingOrder)
        self.tasks_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.tasks_view.doubleClicked.connect(self._open_double_clicked_log)
        self.failures = failures_model(self, names=self.gpu_names)
        self.failures_view, self.failures_proxy = _table(
            self.failures, "historyFailuresView", self, FAILURE_COLUMN_WIDTHS_PX
        )
        self.failures_view.sortByColumn(0, QtCore.Qt.SortOrder.AscendingOrder)
        self.frame_map = FrameMapPanel(empty_text="Select a job to see its frames.")
        self.frame_map.frame_clicked.connect(self.frame_log_requested.emit)
        self.detail_tabs = QtWidgets.QTabWidget()
        self.detail_tabs.setObjectName("historyDetailTabs")
        self.detail_tabs.addTab(self.frame_map, "Frames")
        self.detail_tabs.addTab(self.tasks_view, "Renders")
        self.detail_tabs.addTab(self.failures_view, "Failed frames")

        self.rerun_button = QtWidgets.QPushButton("Re-run failed frames")
        self.rerun_button.setToolTip(
            "Start a new job with only the frames of this job that have no verified image"
        )
        self.rerun_button.clicked.connect(lambda: self._emit_for_job(self.rerun_requested))
        self.resume_button = QtWidgets.QPushButton("Resume")
        self.resume_button.setToolTip(
            "Re-attach to the renders of this orphaned job that still run and render what is left"
        )
        self.resume_button.clicked.connect(lambda: self._emit_for_job(self.resume_requested))
        self.cancel_button = QtWidgets.QPushButton("Cancel job")
        self.cancel_button.setToolTip("Stop this job's renders, wherever they were started")
        self.cancel_button.clicked.connect(lambda: self._emit_for_job(self.cancel_requested))
        self.open_log_button = QtWidgets.QPushButton("Open log")
        self.open_log_button.clicked.connect(self._open_log)
        self.open_folder_button = QtWidgets.QPushButton("Open folder")
        self.open_folder_button.setObjectName("openOutputFolder")
        self.open_folder_button.clicked.connect(self._open_folder)
        buttons = QtWidgets.QHBoxLayout()
        for button in (self.rerun_button, self.resume_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_log_button)
        buttons.addWidget(self.open_folder_button)

        details = QtWidgets.QWidget()
        details_layout = QtWidgets.QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.details_label)
        details_layout.addWidget(self.detail_tabs, 1)
        details_layout.addLayout(buttons)

        self.splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.splitter.addWidget(self.jobs_view)
        self.splitter.addWidget(details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._update_actions()
        for button in self.findChildren(QtWidgets.QPushButton):
            button.setAutoDefault(False)  # Enter in a field never clicks a button here

    # -- data in ----------------------------------------------------------------------------------
    def set_jobs(self, rows: Sequence[JobRow]) -> None:
        """Show these jobs (newest first from the store; the view sorts), keeping the selection."""
        selected = self.selected_job_id()
        self.jobs.set_records(rows)
        self._error = ""
        orphaned = sum(1 for row in rows if row.orphaned)
        text = plural(len(rows), "job")
        if orphaned:
            text += f", {orphaned} orphaned (renders may still run: Resume or Cancel)"
        stamp = time.strftime("%H:%M:%S", time.localtime(self._clock()))
        self.status_label.setText(f"{text} · updated {stamp}")
        if selected and self.selected_job_id() != selected:
            self.select_job(selected)  # a reset lost the selection: find the job again
        if selected and self.jobs.position_of(selected) is None:
            self._set_details(None)
        self._update_actions()

    def refresh_gpus(self) -> None:
        """The GPU names were learned: repaint the cells that name GPUs."""
        for view in (self.tasks_view, self.failures_view):
            view.viewport().update()

    def set_error(self, message: str) -> None:
        """Say why the history could not be read (the rows shown stay)."""
        self._error = message
        self.status_label.setText(f"Could not read the job history: {message}")

    def set_details(self, details: JobDetails) -> None:
        """Show a job's renders and failed frames (ignored unless that job is still selected)."""
        if details.job.job_id != self.selected_job_id():
            return
        self._set_details(details)

    def _set_details(self, details: JobDetails | None) -> None:
        unchanged = details is not None and details == self._details
        self._details = details
        if unchanged:
            return  # a finished job's details come back the same after every list read
        self.tasks.set_records(details.tasks if details else ())
        self.failures.set_records(details.failed_frames if details else ())
        self.frame_map.set_state(details.frame_map() if details else FrameMapState())
        frames = len(details.frames) if details else 0
        self.detail_tabs.setTabText(0, f"Frames ({frames:,})" if details else "Frames")
        self.detail_tabs.setTabText(1, f"Renders ({len(details.tasks)})" if details else "Renders")
        self.detail_tabs.setTabText(
            2, f"Failed frames ({len(details.failed_frames)})" if details else "Failed frames"
        )
        self.details_label.setText(
            self._describe(details) if details else "Select a job to see its frames and renders."
        )
        self._update_actions()

    def set_details_error(self, job_id: str, message: str) -> None:
        """Say why a job's details could not be read."""
        if job_id == self.selected_job_id():
            self._set_details(None)
            self.details_label.setText(f"Could not read job {job_id}: {message}")

    def set_can_start_jobs(self, can_start: bool, reason: str = "") -> None:
        """Whether Re-run and Resume may start a job now (nothing runs or starts here)."""
        self._can_start = can_start
        self._start_blocked_reason = reason
        self._update_actions()

    @staticmethod
    def _describe(details: JobDetails) -> str:
        job = details.job
        parts = [f"Job {job.job_id}", job_state_text(job), os.path.basename(job.scene) or job.scene]
        if details.renderer:
            parts.append(details.renderer)
        parts.append(f"{job.frames_done:,}/{job.frames_total:,} frames verified")
        lines = [" · ".join(parts)]
        if job.orphaned:
            lines.append("Its manager (Maya or a CLI) is gone; renders may still be running.")
        if job.reason:
            lines.append(f"Reason: {in_dialog_words(job.reason)}")
        lines.append(f"Output: {details.output_folder or 'unknown'}")
        return "\n".join(lines)

    # -- selection --------------------------------------------------------------------------------
    @property
    def details(self) -> JobDetails | None:
        """The details shown (of the selected job), or None."""
        return self._details

    def selected_job(self) -> JobRow | None:
        """The selected job's row, or None."""
        indexes = self.jobs_view.selectionModel().selectedRows(0)
        return indexes[0].data(RECORD_ROLE) if indexes else None

    def selected_job_id(self) -> str:
        """The selected job's id, or ``""``."""
        job = self.selected_job()
        return job.job_id if job is not None else ""

    def select_job(self, job_id: str) -> bool:
        """Select a job by id; False when it is not listed."""
        position = self.jobs.position_of(job_id)
        if position is None:
            return False
        index = self.jobs_proxy.mapFromSource(self.jobs.index(position, 0))
        self.jobs_view.selectionModel().select(
            index,
            QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QtCore.QItemSelectionModel.SelectionFlag.Rows,
        )
        self.jobs_view.scrollTo(index)
        return True

    def selected_task(self) -> TaskDetail | None:
        """The selected render of the job, or None."""
        indexes = self.tasks_view.selectionModel().selectedRows(0)
        return indexes[0].data(RECORD_ROLE) if indexes else None

    def select_task(self, task_id: str) -> bool:
        """Select a render by task id; False when it is not listed."""
        position = self.tasks.position_of(task_id)
        if position is None:
            return False
        index = self.tasks_proxy.mapFromSource(self.tasks.index(position, 0))
        self.tasks_view.selectionModel().select(
            index,
            QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QtCore.QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _on_job_selection(self, *_args: object) -> None:
        job_id = self.selected_job_id()
        if self._details is None or self._details.job.job_id != job_id:
            self._set_details(None)
            if job_id:
                self.details_label.setText(f"Reading job {job_id}…")
        self.job_selected.emit(job_id)
        self._update_actions()

    # -- actions ----------------------------------------------------------------------------------
    def log_path(self) -> str:
        """What Open log opens: the selected render's log, else the job's log folder."""
        task = self.selected_task()
        if task is not None and task.log_path:
            return task.log_path
        if self._details is not None and self._details.job.job_id == self.selected_job_id():
            return self._details.log_folder or ""
        return ""

    def output_folder(self) -> str:
        """What Open output folder opens (the selected job's image folder), or ``""``."""
        if self._details is not None and self._details.job.job_id == self.selected_job_id():
            return self._details.output_folder or ""
        return ""

    def _update_actions(self, *_args: object) -> None:
        job = self.selected_job()
        blocked = self._start_blocked_reason or "A job is running or starting here"
        can_rerun = job is not None and job.can_rerun_failed
        self.rerun_button.setEnabled(can_rerun and self._can_start)
        self.rerun_button.setToolTip(
            blocked
            if can_rerun and not self._can_start
            else "Start a new job with only the frames of this job that have no verified image"
        )
        can_resume = job is not None and job.orphaned
        self.resume_button.setEnabled(can_resume and self._can_start)
        self.resume_button.setToolTip(
            blocked
            if can_resume and not self._can_start
            else "Re-attach to the renders of this orphaned job that still run and render what is "
            "left"
        )
        self.cancel_button.setEnabled(job is not None and job.can_cancel)
        log = self.log_path()
        self.open_log_button.setEnabled(bool(log))
        self.open_log_button.setToolTip(log or "Select a job (and a render) with a log")
        folder = self.output_folder()
        self.open_folder_button.setEnabled(bool(folder))
        self.open_folder_button.setToolTip(
            f"Open the job's output folder: {folder}"
            if folder
            else "The job's output folder is not known"
        )

    def _emit_for_job(self, signal: Any) -> None:  # a bound Qt signal
        job_id = self.selected_job_id()
        if job_id:
            signal.emit(job_id)

    def _open_log(self) -> None:
        path = self.log_path()
        if path:
            self.open_log_requested.emit(path)

    def _open_folder(self) -> None:
        folder = self.output_folder()
        if folder:
            self.open_folder_requested.emit(folder)

    def _open_double_clicked_log(self, index: QtCore.QModelIndex) -> None:
        task = index.data(RECORD_ROLE)
        if isinstance(task, TaskDetail) and task.log_path:
            self.open_log_requested.emit(task.log_path)
