"""The Active Renders table model: a ``QAbstractTableModel`` over :mod:`.render_rows`.

Columns: task, PID, layer, GPU, frames (done/total), progress, status (with the failure reason),
elapsed and ETA. Every column sorts by a typed value (:data:`SORT_ROLE`) through a
``QSortFilterProxyModel``; the progress column also gives :data:`PROGRESS_ROLE` (0..1) for the
progress-bar delegate, and :data:`ROW_ROLE` hands views the :class:`TaskRow` itself.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Iterable
from typing import Any

from Qt import QtCore, QtGui

from lrc_toolbox.core.events import Event
from lrc_toolbox.core.models import TaskStatus
from lrc_toolbox.ui.qt_compat import enum_value, user_role
from lrc_toolbox.ui.view_state.dialog_words import in_dialog_words
from lrc_toolbox.ui.view_state.formatting import format_duration
from lrc_toolbox.ui.view_state.gpu_names import GpuNames
from lrc_toolbox.ui.view_state.job_header import ESTIMATING
from lrc_toolbox.ui.view_state.render_rows import (
    STATE_SORT_ORDER,
    Changes,
    RowListener,
    TaskRow,
    TaskRowsState,
)
from lrc_toolbox.ui.view_state.status_words import Tone, task_words

#: Typed value to sort a column by (numbers sort as numbers).
SORT_ROLE: int = user_role(1)
#: Progress 0..1 of a row, for the delegate.
PROGRESS_ROLE: int = user_role(2)
#: The :class:`TaskRow` of an index.
ROW_ROLE: int = user_role(3)

#: Views learn about changed rows at most this often (rows themselves change at every tick).
REPAINT_INTERVAL_MS: int = 250

_ROLE = QtCore.Qt.ItemDataRole
_ALIGN = QtCore.Qt.AlignmentFlag
# Plain ints: views ask data() for a dozen roles per cell and repaint often; comparing with a
# PySide6 enum member costs an attribute lookup through the enum class every time.
_DISPLAY = enum_value(_ROLE.DisplayRole)
_TOOLTIP = enum_value(_ROLE.ToolTipRole)
_FOREGROUND = enum_value(_ROLE.ForegroundRole)
_ALIGNMENT = enum_value(_ROLE.TextAlignmentRole)
_RIGHT_ALIGNED = enum_value(_ALIGN.AlignRight) | enum_value(_ALIGN.AlignVCenter)

#: Colours of the status text: readable on Maya's dark theme and on a light one. Only a failure
#: for good is red; a render whose frames went to a retry is amber.
FAILED_COLOR = QtGui.QColor(229, 83, 75)
RECOVERING_COLOR = QtGui.QColor(214, 160, 60)
DONE_COLOR = QtGui.QColor(76, 175, 80)
STOPPED_COLOR = QtGui.QColor(158, 158, 158)
TONE_COLORS: dict[Tone, QtGui.QColor] = {
    Tone.BAD: FAILED_COLOR,
    Tone.RETRY: RECOVERING_COLOR,
    Tone.GOOD: DONE_COLOR,
    Tone.MUTED: STOPPED_COLOR,
}


class Column(enum.IntEnum):
    """Columns of the table, in display order."""

    TASK = 0
    PID = 1
    LAYER = 2
    GPU = 3
    FRAMES = 4
    PROGRESS = 5
    STATUS = 6
    ELAPSED = 7
    ETA = 8


HEADERS: dict[Column, str] = {
    Column.TASK: "Task",
    Column.PID: "PID",
    Column.LAYER: "Layer",
    Column.GPU: "GPU",
    Column.FRAMES: "Frames",
    Column.PROGRESS: "Progress",
    Column.STATUS: "Status",
    Column.ELAPSED: "Elapsed",
    Column.ETA: "ETA",
}

_NUMERIC_COLUMNS = {int(Column.PID), int(Column.FRAMES), int(Column.ELAPSED), int(Column.ETA)}
_STATUS_COLUMN = int(Column.STATUS)
_COLUMNS = tuple(Column)
#: Roles data() answers; every other role (views ask for many) returns None at once.
_HANDLED_ROLES = frozenset(
    {_DISPLAY, SORT_ROLE, PROGRESS_ROLE, ROW_ROLE, _TOOLTIP, _FOREGROUND, _ALIGNMENT}
)
_NO_VALUE_SORTS_LAST = 1e18


class _ModelListener(RowListener):
    def __init__(self, model: RendersTableModel) -> None:
        self._model = model

    def begin_insert(self, index: int) -> None:
        self._model.beginInsertRows(QtCore.QModelIndex(), index, index)

    def end_insert(self) -> None:
        self._model.endInsertRows()

    def begin_remove(self, index: int) -> None:
        self._model.beginRemoveRows(QtCore.QModelIndex(), index, index)

    def end_remove(self) -> None:
        self._model.endRemoveRows()

    def begin_reset(self) -> None:
        self._model.beginResetModel()

    def end_reset(self) -> None:
        self._model.endResetModel()


class RendersTableModel(QtCore.QAbstractTableModel):
    """Rows of every task (and queued layer) of the current job.

    Args:
        parent: Owner.
        clock: Monotonic clock for elapsed/ETA (tests pass a fake one).
        repaint_interval_ms: Views hear about changed rows at most this often.
        gpu_names: How GPUs are named (shared with the rest of the dialog).
    """

    def __init__(
        self,
        parent: QtCore.QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
        repaint_interval_ms: int = REPAINT_INTERVAL_MS,
        gpu_names: GpuNames | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.gpu_names = gpu_names or GpuNames()
        #: GPUs by index only (``GPU 1 #2``): the panel sets it when the table is narrow.
        self.compact_gpus = False
        self._state = TaskRowsState(clock=clock, listener=_ModelListener(self))
        self._dirty: set[tuple[str, str, str]] = set()
        self._repaint = QtCore.QTimer(self)
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(repaint_interval_ms)
        self._repaint.timeout.connect(self.flush_changes)

    # -- feeding ----------------------------------------------------------------------------------
    def apply_events(self, events: Iterable[Event]) -> Changes:
        """Apply engine events in order and tell views what changed."""
        changes = self._state.apply(events)
        self._emit_changed(changes)
        return changes

    def apply_status(self, job_id: str, tasks: Iterable[TaskStatus]) -> Changes:
        """Merge the engine's status snapshot (ETAs; rows a re-opened dialog missed)."""
        changes = self._state.apply_status(job_id, tasks)
        self._emit_changed(changes)
        return changes

    def tick(self) -> None:
        """Refresh the elapsed and ETA cells of running rows (call about once a second)."""
        positions = [
            position for position, row in enumerate(self._state.rows) if row.state.is_active
        ]
        if positions:
            self.dataChanged.emit(
                self.index(positions[0], Column.ELAPSED), self.index(positions[-1], Column.ETA)
            )

    def _emit_changed(self, changes: Changes) -> None:
        # Rows hold the new values at once (data() reads them); telling the views is throttled:
        # a repaint of the table costs ~10 ms offscreen, more than a 10 Hz tick should spend.
        if not changes.changed:
            return
        self._dirty |= changes.changed
        if not self._repaint.isActive():
            self._repaint.start()

    def flush_changes(self) -> None:
        """Tell views about every row changed since the last repaint (one signal for the span)."""
        self._repaint.stop()
        dirty, self._dirty = self._dirty, set()
        positions = [self._state.index_of(row) for row in self._state.rows if row.key in dirty]
        if positions:
            # One signal: a sorting proxy re-sorts (and views relayout) once per signal.
            self.dataChanged.emit(
                self.index(min(positions), 0), self.index(max(positions), Column.ETA)
            )

    # -- lookups ----------------------------------------------------------------------------------
    @property
    def rows(self) -> list[TaskRow]:
        """Every row, in insertion order (read-only use)."""
        return list(self._state.rows)

    def row_at(self, position: int) -> TaskRow:
        """The row at a source-model position."""
        return self._state.rows[position]

    def find(self, job_id: str, task_id: str) -> TaskRow | None:
        """The row of a task, or None."""
        return self._state.find(job_id, task_id)

    def job_ids(self) -> list[str]:
        """Jobs seen, oldest first (the current one last)."""
        return self._state.job_ids()

    @property
    def current_job(self) -> str:
        """The job whose rows are shown ("" before the first)."""
        return self._state.current_job

    def switch_to(self, job_id: str) -> bool:
        """Show only ``job_id``'s rows (a job this dialog did not see start); True if it changed."""
        return self._state.switch_to(job_id)

    def refresh_all(self) -> None:
        """Tell views every cell may have changed (the GPU names were learned)."""
        if self._state.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._state.rows) - 1, Column.ETA)
            )

    def job_summary(self, job_id: str) -> tuple[int, int, int]:
        """(done, failed for good, total) frames of a job."""
        return self._state.job_summary(job_id)

    def job_finished(self, job_id: str) -> bool:
        """True once the job's summary event arrived."""
        return self._state.job_finished(job_id)

    def retryable_job(self, job_ids: Iterable[str]) -> str | None:
        """The first of ``job_ids`` that finished with frames failed for good, or None."""
        return self._state.retryable_job(job_ids)

    def log_dir(self, job_id: str) -> str | None:
        """The job's log folder, when known."""
        return self._state.log_dirs.get(job_id)

    # -- Qt model ---------------------------------------------------------------------------------
    def rowCount(
        self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex | None = None
    ) -> int:  # noqa: N802 (Qt API)
        """Rows (none under a valid parent: a flat table)."""
        if parent is not None and parent.isValid():
            return 0
        return len(self._state.rows)

    def columnCount(
        self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex | None = None
    ) -> int:  # noqa: N802
        """Columns (none under a valid parent)."""
        if parent is not None and parent.isValid():
            return 0
        return len(Column)

    def headerData(  # noqa: N802 (Qt API)
        self, section: int, orientation: QtCore.Qt.Orientation, role: int = _DISPLAY
    ) -> Any:
        """Column titles."""
        if orientation != QtCore.Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if int(role) == _DISPLAY:
            return HEADERS[Column(section)]
        return None

    def flags(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex) -> QtCore.Qt.ItemFlag:
        """Rows are selectable, not editable."""
        if not index.isValid():
            return QtCore.Qt.ItemFlag.NoItemFlags
        return QtCore.Qt.ItemFlag.ItemIsEnabled | QtCore.Qt.ItemFlag.ItemIsSelectable

    def data(
        self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, role: int = _DISPLAY
    ) -> Any:
        """Cell values for display, tooltips, colours, sorting and the delegate."""
        role = int(role)
        if role not in _HANDLED_ROLES:
            return None
        position = index.row()
        rows = self._state.rows
        if not 0 <= position < len(rows) or not index.isValid():
            return None
        row = rows[position]
        number = index.column()
        if role == _ALIGNMENT:
            return _RIGHT_ALIGNED if number in _NUMERIC_COLUMNS else None
        if role == _FOREGROUND:
            return self._status_brush(row) if number == _STATUS_COLUMN else None
        if role == PROGRESS_ROLE:
            return None if row.is_waiting_row else row.fraction
        if role == ROW_ROLE:
            return row
        column = _COLUMNS[number]
        if role == _DISPLAY:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        return self._tooltip(row, column)

    # -- cell contents ----------------------------------------------------------------------------
    def _display(self, row: TaskRow, column: Column) -> str:
        now = self._clock()
        if column == Column.TASK:
            return "queued" if row.is_waiting_row else row.task_id
        if column == Column.PID:
            return "" if row.pid is None else str(row.pid)
        if column == Column.LAYER:
            return row.layer_text
        if column == Column.GPU:
            if row.is_waiting_row:
                return ""
            return self.gpu_names.label(row.device, row.gpu, compact=self.compact_gpus)
        if column == Column.FRAMES:
            return row.frames_text
        if column == Column.PROGRESS:
            # Rounded down: 100% only when every frame is verified.
            return "" if row.is_waiting_row else f"{int(row.fraction * 100)}%"
        if column == Column.STATUS:
            return row.status_text
        if column == Column.ELAPSED:
            elapsed = row.elapsed_s(now)
            return "" if elapsed is None else format_duration(elapsed)
        if row.is_waiting_row or not row.state.is_active:
            return ""
        eta = row.eta(now)
        return ESTIMATING if eta is None else format_duration(eta)

    def _sort_value(self, row: TaskRow, column: Column) -> Any:
        now = self._clock()
        if column == Column.TASK:
            return f"{row.job_id}/{row.task_id or '~' + row.layer_text}"
        if column == Column.PID:
            return -1 if row.pid is None else row.pid
        if column == Column.LAYER:
            return row.layer_text.casefold()
        if column == Column.GPU:
            return row.gpu
        if column == Column.FRAMES:
            return row.frames_done
        if column == Column.PROGRESS:
            return row.fraction
        if column == Column.STATUS:
            return STATE_SORT_ORDER[row.state]
        if column == Column.ELAPSED:
            elapsed = row.elapsed_s(now)
            return -1.0 if elapsed is None else elapsed
        eta = row.eta(now)
        return _NO_VALUE_SORTS_LAST if eta is None else eta

    def _tooltip(self, row: TaskRow, column: Column) -> str | None:
        if column == Column.STATUS:
            return in_dialog_words(row.status_tooltip)
        if column == Column.GPU:
            return None if row.is_waiting_row else self.gpu_names.tooltip(row.device, row.gpu)
        if column == Column.LAYER:
            return row.layer_text
        if column == Column.ETA and row.state.is_active and row.eta_s is None:
            return (
                "Estimated from this job's measured frame times: it shows once a frame of "
                "this layer has been timed."
            )
        if column in (Column.TASK, Column.PID):
            if row.is_waiting_row:
                return f"job {row.job_id}: frames of {row.layer_text} not started yet"
            lines = [f"job {row.job_id}, task {row.task_id}, attempt {row.attempt}"]
            if row.pid is not None:
                lines.append(f"pid {row.pid}")
            if row.log_path:
                lines.append(f"log: {row.log_path}")
            if row.argv:
                lines.append("command: " + " ".join(row.argv))
            return "\n".join(lines)
        if column == Column.FRAMES:
            frames = ", ".join(str(frame) for frame in row.frames[:40])
            more = " …" if len(row.frames) > 40 else ""
            return f"frames {frames}{more}"
        return None

    @staticmethod
    def _status_brush(row: TaskRow) -> QtGui.QBrush | None:
        color = TONE_COLORS.get(task_words(row).tone)
        return None if color is None else QtGui.QBrush(color)
