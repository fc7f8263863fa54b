"""The Active Renders panel: one row per render task (and per queued layer), live.

A :class:`~lrc_toolbox.ui.models.renders_table_model.RendersTableModel` behind a sorting proxy,
a progress-bar delegate, a one-line summary of the job, and a context menu (stop, retry failed
frames, open log, open output folder). The panel only *asks*: its signals go to the dialog, which
talks to the controller.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from Qt import QtCore, QtWidgets

from lrc_toolbox.ui.models.renders_table_model import (
    PROGRESS_ROLE,
    ROW_ROLE,
    SORT_ROLE,
    Column,
    RendersTableModel,
)
from lrc_toolbox.ui.view_state.formatting import plural
from lrc_toolbox.ui.view_state.render_rows import TaskRow
from lrc_toolbox.ui.widgets.progress_delegate import ProgressBarDelegate

#: Initial column widths in pixels (the status column takes the rest).
COLUMN_WIDTHS_PX: dict[Column, int] = {
    Column.TASK: 62,
    Column.PID: 58,
    Column.LAYER: 130,
    Column.GPU: 60,
    Column.FRAMES: 84,
    Column.PROGRESS: 110,
    Column.ELAPSED: 58,
    Column.ETA: 54,
}


class RenderProgressWidget(QtWidgets.QGroupBox):
    """The "Active Renders" group: summary line, table, context menu.

    Args:
        parent: Owner.
        clock: Monotonic clock for elapsed/ETA (tests).
    """

    #: The selected rows changed (list of :class:`TaskRow`).
    selection_changed = QtCore.Signal(list)
    #: Stop these rows' renders (list of :class:`TaskRow`).
    stop_requested = QtCore.Signal(list)
    #: Re-render the failed frames of this job id.
    retry_requested = QtCore.Signal(str)
    #: Open this row's log file.
    open_log_requested = QtCore.Signal(object)
    #: Open this folder (a row's image folder).
    open_folder_requested = QtCore.Signal(str)

    def __init__(
        self, parent: QtWidgets.QWidget | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__("Active Renders", parent)
        self.model = RendersTableModel(self, clock=clock)
        self.proxy = QtCore.QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setDynamicSortFilter(True)

        self.summary_label = QtWidgets.QLabel("No render yet: configure a job and press Start.")
        self.summary_label.setWordWrap(True)

        self.view = QtWidgets.QTableView(self)
        self.view.setObjectName("activeRendersView")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(Column.TASK, QtCore.Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setItemDelegateForColumn(
            Column.PROGRESS, ProgressBarDelegate(PROGRESS_ROLE, self)
        )
        self.view.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in COLUMN_WIDTHS_PX.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(Column.STATUS, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view)

    # -- selection --------------------------------------------------------------------------------
    def selected_rows(self) -> list[TaskRow]:
        """The rows selected in the view, in view order."""
        indexes = self.view.selectionModel().selectedRows(Column.TASK)
        rows = [index.data(ROW_ROLE) for index in sorted(indexes, key=lambda i: i.row())]
        return [row for row in rows if row is not None]

    def select_rows(self, rows: list[TaskRow]) -> None:
        """Select exactly these rows (e.g. from a test or a notification)."""
        selection = QtCore.QItemSelection()
        for row in rows:
            source = self.model.index(self.model.rows.index(row), 0)
            proxy_index = self.proxy.mapFromSource(source)
            if proxy_index.isValid():
                selection.select(proxy_index, proxy_index)
        flags = (
            QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QtCore.QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().select(selection, flags)

    def _on_selection_changed(self, *_args: object) -> None:
        self.selection_changed.emit(self.selected_rows())

    # -- summary ----------------------------------------------------------------------------------
    def update_summary(self, running: bool) -> None:
        """Rewrite the one-line summary of the latest job."""
        jobs = self.model.job_ids()
        if not jobs:
            return
        job_id = jobs[-1]
        done, failed, total = self.model.job_summary(job_id)
        active = sum(1 for row in self.model.rows if row.job_id == job_id and row.state.is_active)
        text = f"Job {job_id}: {done:,}/{total:,} frames verified"
        if failed:
            text += f", {plural(failed, 'frame')} failed"
        if running and not self.model.job_finished(job_id):
            text += f" · {plural(active, 'render')} running"
        else:
            text += " · finished"
        self.summary_label.setText(text)

    # -- context menu -----------------------------------------------------------------------------
    def build_context_menu(self, rows: list[TaskRow]) -> QtWidgets.QMenu:
        """The menu for ``rows``: actions are enabled only where they make sense.

        Returns:
            The menu (its actions emit this panel's signals when triggered).
        """
        menu = QtWidgets.QMenu(self)
        stoppable = [row for row in rows if row.state.is_active]
        stop = menu.addAction(f"Stop {plural(len(stoppable), 'render')}" if stoppable else "Stop")
        stop.setEnabled(bool(stoppable))
        stop.triggered.connect(lambda: self.stop_requested.emit(stoppable))

        retry_job = self._retry_job(rows)
        retry = menu.addAction("Retry failed frames")
        retry.setEnabled(retry_job is not None)
        retry.setToolTip("Start a new job with only the frames this job failed")
        retry.triggered.connect(lambda: self.retry_requested.emit(retry_job or ""))

        menu.addSeparator()
        first = rows[0] if rows else None
        log = menu.addAction("Open log")
        log.setEnabled(bool(first and first.log_path))
        log.triggered.connect(lambda: self.open_log_requested.emit(first))
        folder = os.path.dirname(first.last_output) if first and first.last_output else ""
        output = menu.addAction("Open output folder")
        output.setEnabled(bool(folder))
        output.triggered.connect(lambda: self.open_folder_requested.emit(folder))
        return menu

    def _retry_job(self, rows: list[TaskRow]) -> str | None:
        return self.model.retryable_job(row.job_id for row in rows)

    def _show_context_menu(self, position: QtCore.QPoint) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        menu = self.build_context_menu(rows)
        menu.popup(self.view.viewport().mapToGlobal(position))
        menu.aboutToHide.connect(menu.deleteLater)


#: The spec's name for this component (``active_renders_table: ActiveRendersTable``).
ActiveRendersTable = RenderProgressWidget
