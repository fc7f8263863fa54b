"""The Active Renders panel: the current job at a glance, its frame map, and one row per render.

From the top: the job's header (name, state, progress bar, counts, ETA:
:class:`~lrc_toolbox.ui.widgets.job_header_bar.JobHeaderBar`), then a splitter with the painted
frame map (:class:`~lrc_toolbox.ui.widgets.frame_map_view.FrameMapPanel`) over the table of
renders (a :class:`~lrc_toolbox.ui.models.renders_table_model.RendersTableModel` behind a sorting
proxy, a progress-bar delegate, a context menu: stop, retry failed frames, open log, open output
folder). Either half of the splitter can be dragged closed. Columns are sized to what they hold;
the Status column takes the rest and elides, with the whole reason in its tooltip. The panel only
*asks*: its signals go to the presenter and the dialog, which talk to the controller.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from Qt import QtCore, QtGui, QtWidgets

from lrc_toolbox.ui.models.renders_table_model import (
    HEADERS,
    PROGRESS_ROLE,
    ROW_ROLE,
    SORT_ROLE,
    Column,
    RendersTableModel,
)
from lrc_toolbox.ui.view_state.formatting import plural
from lrc_toolbox.ui.view_state.gpu_names import GpuNames
from lrc_toolbox.ui.view_state.job_header import ESTIMATING, JobHeader
from lrc_toolbox.ui.view_state.render_rows import TaskRow
from lrc_toolbox.ui.widgets.frame_map_view import FrameMapPanel
from lrc_toolbox.ui.widgets.job_header_bar import JobHeaderBar
from lrc_toolbox.ui.widgets.progress_delegate import ProgressBarDelegate

#: The narrowest each column gets, in pixels (it grows to what its cells hold).
COLUMN_WIDTHS_PX: dict[Column, int] = {
    Column.TASK: 52,
    Column.PID: 50,
    Column.LAYER: 90,
    Column.GPU: 60,
    Column.FRAMES: 56,
    Column.PROGRESS: 90,
    Column.ELAPSED: 52,
    Column.ETA: 52,
}
#: Widest a content-sized column gets (the Status column then still has room).
COLUMN_MAX_WIDTH_PX: int = 220
#: The Status column's least width (it takes the rest and elides).
STATUS_MIN_WIDTH_PX: int = 130
#: How narrow these get when the table is narrow (they elide; tooltips have it all).
NARROW_COLUMN_PX: dict[Column, int] = {
    Column.PROGRESS: 64,
    Column.ETA: 52,
    Column.GPU: 64,
    Column.LAYER: 80,
}
#: Columns left out, in this order, when the table is too narrow for the Status column (the
#: Task tooltip has the PID; Elapsed is the least needed at a glance).
NARROW_HIDDEN: tuple[Column, ...] = (Column.PID, Column.ELAPSED)
#: Sample texts a column must fit whatever its rows hold now.
_COLUMN_SAMPLES: dict[Column, str] = {
    Column.TASK: "t0000",
    Column.PID: "000000",
    Column.FRAMES: "000/000",
    Column.ELAPSED: "0:00:00",
    Column.ETA: ESTIMATING,
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
        self,
        parent: QtWidgets.QWidget | None = None,
        clock: Callable[[], float] = time.monotonic,
        gpu_names: GpuNames | None = None,
    ) -> None:
        super().__init__("Active Renders", parent)
        self.model = RendersTableModel(self, clock=clock, gpu_names=gpu_names)
        self.proxy = QtCore.QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setDynamicSortFilter(True)

        self.header = JobHeaderBar()
        self.frame_map = FrameMapPanel(
            empty_text="The frame map shows every frame of the job once it starts."
        )

        self.view = QtWidgets.QTableView(self)
        self.view.setObjectName("activeRendersView")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(Column.TASK, QtCore.Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(QtCore.Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setItemDelegateForColumn(
            Column.PROGRESS, ProgressBarDelegate(PROGRESS_ROLE, self)
        )
        self.view.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        for column, width in COLUMN_WIDTHS_PX.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(Column.STATUS, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._fitted: dict[Column, int] = {}
        self.model.rowsInserted.connect(self._fit_columns_soon)
        self.model.modelReset.connect(self._fit_columns_soon)
        self._fit_timer = QtCore.QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_columns)

        self.splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.splitter.setObjectName("activeRendersSplitter")
        self.splitter.addWidget(self.frame_map)
        self.splitter.addWidget(self.view)
        self.splitter.setChildrenCollapsible(True)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)
        self.fit_columns()

    @property
    def summary_label(self) -> QtWidgets.QLabel:
        """The job's title line (the header's name; kept for scripts that read it)."""
        return self.header.title

    # -- columns ----------------------------------------------------------------------------------
    def _fit_columns_soon(self, *_args: object) -> None:
        self._fit_timer.start()

    def fit_columns(self) -> None:
        """Size each column to its header and the widest of its cells, Status the rest.

        When the table is narrow, the Status column still gets :data:`STATUS_MIN_WIDTH_PX`: GPUs
        are named by index only (the tooltip has the model), PID and Elapsed go
        (:data:`NARROW_HIDDEN`), and Progress, GPU and Layer shrink, eliding (their tooltips have
        the whole text). Run when rows arrive, the GPU names change or the panel
        is resized, not on every progress tick: measuring every cell on every change would stall
        a flood of events.
        """
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        model = self.model

        def widths() -> dict[Column, int]:
            wanted: dict[Column, int] = {}
            for column in Column:
                if column is Column.STATUS:
                    continue
                texts = [HEADERS[column], _COLUMN_SAMPLES.get(column, "")]
                if column in (Column.LAYER, Column.GPU):
                    texts += [
                        str(model.data(model.index(position, column)) or "")
                        for position in range(model.rowCount())
                    ]
                widest = max(metrics.horizontalAdvance(text) for text in texts) + 18
                wanted[column] = min(
                    COLUMN_MAX_WIDTH_PX, max(COLUMN_WIDTHS_PX.get(column, 40), widest)
                )
            return wanted

        room = self.view.viewport().width() - STATUS_MIN_WIDTH_PX
        model.compact_gpus = False
        wanted = widths()
        if sum(wanted.values()) > room:
            model.compact_gpus = True  # "GPU 1 #2": the tooltip has the model
            wanted = widths()
        hidden = set()
        for column in NARROW_HIDDEN:
            if sum(wanted.values()) > room:
                hidden.add(column)
                wanted.pop(column)
        over = sum(wanted.values()) - room
        for column, narrowest in NARROW_COLUMN_PX.items():
            cut = min(over, wanted[column] - narrowest)
            if cut > 0:
                wanted[column] -= cut
                over -= cut
        for column in NARROW_HIDDEN:
            self.view.setColumnHidden(column, column in hidden)
        for column, width in wanted.items():
            if self._fitted.get(column) != width:
                self._fitted[column] = width
                header.resizeSection(column, width)
        self.model.refresh_all()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """A new width fits the columns again."""
        super().resizeEvent(event)
        self._fit_columns_soon()

    def refresh_gpus(self) -> None:
        """The GPU names were learned: repaint their cells and fit the columns again."""
        self.model.refresh_all()
        self.fit_columns()

    def show_header(self, header: JobHeader) -> None:
        """Show the job's header."""
        self.header.show_header(header)

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
