"""Table models of the History view: jobs, the selected job's renders, its failed frames.

All three are a :class:`RecordsTableModel`: a flat ``QAbstractTableModel`` over a list of plain
records (:mod:`lrc_toolbox.ui.view_state.job_history`) whose columns are the Qt-free
:class:`~lrc_toolbox.ui.view_state.history_columns.ColumnSpec` tables (what to show, what to sort
by through :data:`HISTORY_SORT_ROLE`, what to put in the tooltip). :data:`RECORD_ROLE` hands views
the record itself.

A refresh with the same records in the same order only repaints (selection, sorting and scroll
position stay); anything else resets the model, and the view re-selects by key.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from Qt import QtCore, QtGui

from lrc_toolbox.core.models import TaskState
from lrc_toolbox.ui.models.renders_table_model import (
    DONE_COLOR,
    FAILED_COLOR,
    RECOVERING_COLOR,
    STOPPED_COLOR,
)
from lrc_toolbox.ui.qt_compat import enum_value, user_role
from lrc_toolbox.ui.view_state.gpu_names import GpuNames
from lrc_toolbox.ui.view_state.history_columns import (
    FAILURE_COLUMNS,
    JOB_COLUMNS,
    TASK_COLUMNS,
    ColumnSpec,
    JobColumn,
    failure_columns,
    task_columns,
)
from lrc_toolbox.ui.view_state.job_history import ORPHANED_STATE, REQUEUED_STATE

__all__ = [
    "HISTORY_SORT_ROLE",
    "RECORD_ROLE",
    "STATE_COLORS",
    "ColumnSpec",
    "JobColumn",
    "RecordsTableModel",
    "failures_model",
    "jobs_model",
    "tasks_model",
]

#: Typed value to sort a column by.
HISTORY_SORT_ROLE: int = user_role(11)
#: The record of an index (a :class:`JobRow`, :class:`TaskDetail` or :class:`FrameFailure`).
RECORD_ROLE: int = user_role(12)

_ROLE = QtCore.Qt.ItemDataRole
_DISPLAY = enum_value(_ROLE.DisplayRole)
_TOOLTIP = enum_value(_ROLE.ToolTipRole)
_FOREGROUND = enum_value(_ROLE.ForegroundRole)
_ALIGNMENT = enum_value(_ROLE.TextAlignmentRole)
_RIGHT_ALIGNED = enum_value(QtCore.Qt.AlignmentFlag.AlignRight) | enum_value(
    QtCore.Qt.AlignmentFlag.AlignVCenter
)

#: Colour of a job's or render's state, by state name (job and task states share their texts;
#: "orphaned" is the History tab's word for a running job whose manager is gone).
STATE_COLORS: dict[str, QtGui.QColor] = {
    TaskState.SUCCEEDED: DONE_COLOR,
    TaskState.FAILED: FAILED_COLOR,
    TaskState.KILLED: FAILED_COLOR,
    ORPHANED_STATE: RECOVERING_COLOR,
    REQUEUED_STATE: RECOVERING_COLOR,
    TaskState.CANCELLED: STOPPED_COLOR,
}


class RecordsTableModel(QtCore.QAbstractTableModel):
    """A flat, read-only table of records.

    (Not ``Generic``: a Qt class with a typing mixin is asking for metaclass trouble in one
    binding or the other; records are typed through :class:`ColumnSpec` instead.)

    Args:
        columns: The columns, in display order.
        key: A record's identity (kept across refreshes to keep the selection).
        state_of: A record's state name, for :attr:`ColumnSpec.colored` cells.
        parent: Owner.
        clock: Wall clock (seconds since the epoch) for durations of what still runs (tests).
    """

    def __init__(
        self,
        columns: Sequence[ColumnSpec[Any]],
        key: Callable[[Any], Hashable],
        state_of: Callable[[Any], str] | None = None,
        parent: QtCore.QObject | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._key = key
        self._state_of = state_of
        self._clock = clock
        self._records: list[Any] = []

    # -- feeding ----------------------------------------------------------------------------------
    def set_records(self, records: Iterable[Any]) -> None:
        """Show ``records``; the same keys in the same order only repaint."""
        new = list(records)
        if [self._key(r) for r in new] == [self._key(r) for r in self._records] and new:
            self._records = new
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(new) - 1, len(self._columns) - 1)
            )
            return
        self.beginResetModel()
        self._records = new
        self.endResetModel()

    @property
    def records(self) -> list[Any]:
        """The records, in model order (read-only use)."""
        return list(self._records)

    def record_at(self, position: int) -> Any:
        """The record at a source-model row."""
        return self._records[position]

    def position_of(self, key: Hashable) -> int | None:
        """The source-model row of the record with this key, or None."""
        for position, record in enumerate(self._records):
            if self._key(record) == key:
                return position
        return None

    def key_of(self, record: Any) -> Hashable:
        """A record's key."""
        return self._key(record)

    # -- Qt model ---------------------------------------------------------------------------------
    def rowCount(
        self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex | None = None
    ) -> int:  # noqa: N802 (Qt API)
        """Rows (none under a valid parent: a flat table)."""
        if parent is not None and parent.isValid():
            return 0
        return len(self._records)

    def columnCount(
        self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex | None = None
    ) -> int:  # noqa: N802
        """Columns (none under a valid parent)."""
        if parent is not None and parent.isValid():
            return 0
        return len(self._columns)

    def headerData(  # noqa: N802 (Qt API)
        self, section: int, orientation: QtCore.Qt.Orientation, role: int = _DISPLAY
    ) -> Any:
        """Column titles."""
        if orientation != QtCore.Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        return self._columns[section].header if int(role) == _DISPLAY else None

    def flags(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex) -> QtCore.Qt.ItemFlag:
        """Rows are selectable, not editable."""
        if not index.isValid():
            return QtCore.Qt.ItemFlag.NoItemFlags
        return QtCore.Qt.ItemFlag.ItemIsEnabled | QtCore.Qt.ItemFlag.ItemIsSelectable

    def data(
        self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, role: int = _DISPLAY
    ) -> Any:
        """Cell text, tooltip, colour, alignment, sort value and the record itself."""
        role = int(role)
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == RECORD_ROLE:
            return record
        column = self._columns[index.column()]
        if role == _DISPLAY:
            return column.display(record, self._clock())
        if role == HISTORY_SORT_ROLE:
            return column.sort(record, self._clock())
        if role == _TOOLTIP:
            return column.tooltip(record) if column.tooltip is not None else None
        if role == _ALIGNMENT:
            return _RIGHT_ALIGNED if column.numeric else None
        if role == _FOREGROUND and column.colored and self._state_of is not None:
            color = STATE_COLORS.get(self._state_of(record))
            return QtGui.QBrush(color) if color is not None else None
        return None


def jobs_model(
    parent: QtCore.QObject | None = None, clock: Callable[[], float] = time.time
) -> RecordsTableModel:
    """The History list's model."""
    return RecordsTableModel(
        JOB_COLUMNS,
        key=lambda job: job.job_id,
        state_of=lambda job: job.status_text,
        parent=parent,
        clock=clock,
    )


def tasks_model(
    parent: QtCore.QObject | None = None,
    clock: Callable[[], float] = time.time,
    names: GpuNames | None = None,
) -> RecordsTableModel:
    """The selected job's renders (GPUs named with ``names``)."""
    return RecordsTableModel(
        task_columns(names) if names is not None else TASK_COLUMNS,
        key=lambda task: task.task_id,
        state_of=lambda task: task.state_text,
        parent=parent,
        clock=clock,
    )


def failures_model(
    parent: QtCore.QObject | None = None, names: GpuNames | None = None
) -> RecordsTableModel:
    """The selected job's failed frames (GPUs named with ``names``)."""
    columns = failure_columns(names) if names is not None else FAILURE_COLUMNS
    return RecordsTableModel(columns, key=lambda f: (f.layer, f.frame), parent=parent)
