"""Table models of the History view: jobs, the selected job's renders, its failed frames.

All three are a :class:`RecordsTableModel`: a flat ``QAbstractTableModel`` over a list of plain
records (:mod:`lrc_toolbox.ui.job_history`) with one :class:`ColumnSpec` per column saying what to
show, what to sort by (:data:`HISTORY_SORT_ROLE`, typed values: numbers sort as numbers, times as
times) and what to put in the tooltip. :data:`RECORD_ROLE` hands views the record itself.

A refresh with the same records in the same order only repaints (selection, sorting and scroll
position stay); anything else resets the model, and the view re-selects by key.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from Qt import QtCore, QtGui

from lrc_toolbox.ui.formatting import (
    format_duration,
    format_gb,
    format_timestamp,
    gpu_label,
)
from lrc_toolbox.ui.job_history import FrameFailure, JobRow, TaskDetail
from lrc_toolbox.ui.models.renders_table_model import (
    DONE_COLOR,
    FAILED_COLOR,
    RECOVERING_COLOR,
    STOPPED_COLOR,
)
from lrc_toolbox.ui.qt_compat import enum_value, user_role
from lrc_toolbox.utils.frame_parser import FrameSet

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
#: Unknown times and sizes sort after every known one.
_UNKNOWN_SORTS_LAST = 1e18

#: Colour of a job's or render's state, by state name.
STATE_COLORS: dict[str, QtGui.QColor] = {
    "succeeded": DONE_COLOR,
    "failed": FAILED_COLOR,
    "killed": FAILED_COLOR,
    "orphaned": RECOVERING_COLOR,
    "cancelled": STOPPED_COLOR,
}

T = TypeVar("T")


@dataclass(frozen=True)
class ColumnSpec(Generic[T]):
    """One column of a :class:`RecordsTableModel`.

    Attributes:
        header: Column title.
        display: Cell text of a record (``now`` is the wall clock, for running durations).
        sort: Typed sort value of a record.
        tooltip: Tooltip of a record's cell, or None.
        numeric: Right-align the cells.
        colored: Colour the cell by the record's state (:data:`STATE_COLORS`).
    """

    header: str
    display: Callable[[T, float], str]
    sort: Callable[[T, float], Any]
    tooltip: Callable[[T], str | None] | None = None
    numeric: bool = False
    colored: bool = False


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
    def rowCount(self, parent: QtCore.QModelIndex | None = None) -> int:  # noqa: N802 (Qt API)
        """Rows (none under a valid parent: a flat table)."""
        if parent is not None and parent.isValid():
            return 0
        return len(self._records)

    def columnCount(self, parent: QtCore.QModelIndex | None = None) -> int:  # noqa: N802
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

    def flags(self, index: QtCore.QModelIndex) -> QtCore.Qt.ItemFlag:
        """Rows are selectable, not editable."""
        if not index.isValid():
            return QtCore.Qt.ItemFlag.NoItemFlags
        return QtCore.Qt.ItemFlag.ItemIsEnabled | QtCore.Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QtCore.QModelIndex, role: int = _DISPLAY) -> Any:
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


# --------------------------------------------------------------------------------------------------
# Jobs
# --------------------------------------------------------------------------------------------------
def _time_or_last(value: float | None) -> float:
    return _UNKNOWN_SORTS_LAST if value is None else value


def _job_state_tooltip(job: JobRow) -> str:
    if job.orphaned:
        return (
            "Its manager (Maya or a CLI) is gone; renders may still be running. "
            "Resume re-attaches and renders the rest; Cancel stops them."
        )
    return job.reason or job.state


def _job_frames_tooltip(job: JobRow) -> str:
    text = f"{job.frames_done:,} of {job.frames_total:,} frames have a verified image"
    if job.frames_missing and job.finished:
        text += f"; {job.frames_missing:,} without one (Re-run failed frames renders them)"
    return text


JOB_COLUMNS: tuple[ColumnSpec[JobRow], ...] = (
    ColumnSpec(
        "Job",
        lambda j, _n: j.job_id,
        lambda j, _n: j.job_id,
        lambda j: f"job {j.job_id}\nscene: {j.scene}",
    ),
    ColumnSpec(
        "State",
        lambda j, _n: j.status_text,
        lambda j, _n: j.status_text,
        _job_state_tooltip,
        colored=True,
    ),
    ColumnSpec(
        "Scene",
        lambda j, _n: os.path.basename(j.scene) or j.scene,
        lambda j, _n: os.path.basename(j.scene).casefold(),
        lambda j: j.scene,
    ),
    ColumnSpec(
        "Frames",
        lambda j, _n: f"{j.frames_done:,}/{j.frames_total:,}",
        lambda j, _n: j.frames_done,
        _job_frames_tooltip,
        numeric=True,
    ),
    ColumnSpec(
        "Failed",
        lambda j, _n: str(j.frames_failed) if j.frames_failed else "",
        lambda j, _n: j.frames_failed,
        None,
        numeric=True,
    ),
    ColumnSpec(
        "Started",
        lambda j, now: format_timestamp(j.created_at, now),
        lambda j, _n: j.created_at,
        lambda j: time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(j.created_at)),
    ),
    ColumnSpec(
        "Duration",
        lambda j, now: "" if j.duration_s(now) is None else format_duration(j.duration_s(now)),
        lambda j, now: _time_or_last(j.duration_s(now)),
        None,
        numeric=True,
    ),
)


class JobColumn:
    """Column numbers of :data:`JOB_COLUMNS`."""

    JOB = 0
    STATE = 1
    SCENE = 2
    FRAMES = 3
    FAILED = 4
    STARTED = 5
    DURATION = 6


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


# --------------------------------------------------------------------------------------------------
# Renders (tasks) of a job
# --------------------------------------------------------------------------------------------------
def _frames_text(frames: Sequence[int]) -> str:
    return FrameSet(frames).to_string() if frames else ""


def _task_tooltip(task: TaskDetail) -> str:
    lines = [f"task {task.task_id}, attempt {task.attempt}"]
    if task.pid:
        lines.append(f"pid {task.pid}")
    if task.exit_code is not None:
        lines.append(f"exit code {task.exit_code}")
    if task.reason:
        lines.append(task.reason)
    if task.log_path:
        lines.append(f"log: {task.log_path}")
    return "\n".join(lines)


def _peak_text(task: TaskDetail, _now: float) -> str:
    return "" if task.peak_gpu_memory is None else format_gb(task.peak_gpu_memory)


TASK_COLUMNS: tuple[ColumnSpec[TaskDetail], ...] = (
    ColumnSpec("Task", lambda t, _n: t.task_id, lambda t, _n: t.task_id, _task_tooltip),
    ColumnSpec("Layer", lambda t, _n: t.layer_text, lambda t, _n: t.layer_text.casefold()),
    ColumnSpec(
        "Frames",
        lambda t, _n: _frames_text(t.frames),
        lambda t, _n: min(t.frames) if t.frames else -1,
        lambda t: ", ".join(str(f) for f in t.frames[:60]),
    ),
    ColumnSpec(
        "GPU",
        lambda t, _n: gpu_label(t.gpu),
        lambda t, _n: t.gpu or "",
        lambda t: t.gpu or "CPU render",
    ),
    ColumnSpec(
        "Attempt",
        lambda t, _n: str(t.attempt),
        lambda t, _n: t.attempt,
        lambda t: (
            "a retry of frames an earlier render did not deliver"
            if t.attempt > 1
            else "first render of these frames"
        ),
        numeric=True,
    ),
    ColumnSpec(
        "State",
        lambda t, _n: t.state,
        lambda t, _n: t.state,
        lambda t: t.reason or t.state,
        colored=True,
    ),
    ColumnSpec(
        "Peak GPU mem",
        _peak_text,
        lambda t, _n: -1 if t.peak_gpu_memory is None else t.peak_gpu_memory,
        lambda t: "NVML could not tell" if t.peak_gpu_memory is None else None,
        numeric=True,
    ),
    ColumnSpec(
        "Started",
        lambda t, now: format_timestamp(t.started_at, now),
        lambda t, _n: _time_or_last(t.started_at),
    ),
    ColumnSpec(
        "Duration",
        lambda t, _n: "" if t.duration_s is None else format_duration(t.duration_s),
        lambda t, _n: _time_or_last(t.duration_s),
        None,
        numeric=True,
    ),
    ColumnSpec(
        "Log",
        lambda t, _n: os.path.basename(t.log_path or ""),
        lambda t, _n: t.log_path or "",
        lambda t: t.log_path,
    ),
)


def tasks_model(
    parent: QtCore.QObject | None = None, clock: Callable[[], float] = time.time
) -> RecordsTableModel:
    """The selected job's renders."""
    return RecordsTableModel(
        TASK_COLUMNS,
        key=lambda task: task.task_id,
        state_of=lambda task: task.state,
        parent=parent,
        clock=clock,
    )


# --------------------------------------------------------------------------------------------------
# Failed frames of a job
# --------------------------------------------------------------------------------------------------
FAILURE_COLUMNS: tuple[ColumnSpec[FrameFailure], ...] = (
    ColumnSpec("Layer", lambda f, _n: f.layer, lambda f, _n: f.layer.casefold()),
    ColumnSpec("Frame", lambda f, _n: str(f.frame), lambda f, _n: f.frame, None, numeric=True),
    ColumnSpec(
        "Attempts",
        lambda f, _n: str(f.attempts),
        lambda f, _n: f.attempts,
        lambda f: "renders that tried this frame",
        numeric=True,
    ),
    ColumnSpec(
        "GPU",
        lambda f, _n: gpu_label(f.gpu) if f.task_id else "",
        lambda f, _n: f.gpu or "",
        lambda f: f.gpu,
    ),
    ColumnSpec("Task", lambda f, _n: f.task_id or "", lambda f, _n: f.task_id or ""),
    ColumnSpec(
        "Reason", lambda f, _n: f.reason, lambda f, _n: f.reason.casefold(), lambda f: f.reason
    ),
)


def failures_model(parent: QtCore.QObject | None = None) -> RecordsTableModel:
    """The selected job's failed frames."""
    return RecordsTableModel(FAILURE_COLUMNS, key=lambda f: (f.layer, f.frame), parent=parent)
