"""The lines the Logs panel shows: a bounded, append-only model over log records.

A one-column ``QAbstractTableModel`` shown in a ``QTableView`` with fixed row heights: appending
a tick's thousands of lines and dropping the oldest ones cost a couple of model signals, and only
the visible rows are ever formatted or painted. (A ``QPlainTextEdit`` spends ~25 µs per line
trimmed at its block limit and a ``QListView`` re-lays out every row on each change; both stall the
GUI under a flood. Measured in ``scripts/bench_dialog.py``.)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from typing import Any

from Qt import QtCore, QtGui

from lrc_toolbox.core.events import LogLevel
from lrc_toolbox.ui.qt_compat import enum_value
from lrc_toolbox.ui.view_state.log_buffer import LEVEL, TASK, TEXT, LogRecord, level_rank

#: Rows kept in the view (older rows scroll out; the buffer and the log file keep more).
DISPLAY_MAX_LINES: int = 20_000

#: Level of the panel's own notes (dropped lines); drawn dim and italic.
MARKER_LEVEL: str = "marker"

_ROLE = QtCore.Qt.ItemDataRole
_LEVEL_NAMES = tuple(level.value for level in LogLevel)
_WARNING_RANK, _ERROR_RANK, _FATAL_RANK = (
    LogLevel.WARNING.rank,
    LogLevel.ERROR.rank,
    LogLevel.FATAL.rank,
)
# Plain ints: data() runs for every visible row and role at each repaint (see the Active Renders
# model for why enum members are not compared there).
_DISPLAY = enum_value(_ROLE.DisplayRole)
_FOREGROUND = enum_value(_ROLE.ForegroundRole)
_FONT = enum_value(_ROLE.FontRole)
_TOOLTIP = enum_value(_ROLE.ToolTipRole)
_HANDLED_ROLES = frozenset({_DISPLAY, _FOREGROUND, _FONT, _TOOLTIP})


def marker_line(text: str) -> LogRecord:
    """A note from the panel itself, shown like a line (never stored in the buffer)."""
    return ("", "", text, MARKER_LEVEL)


def level_colors(dark: bool) -> dict[str, QtGui.QColor]:
    """Warning/error/marker colours readable on the palette (Maya's is dark)."""
    if dark:
        return {
            LogLevel.WARNING.value: QtGui.QColor(240, 180, 80),
            LogLevel.ERROR.value: QtGui.QColor(255, 110, 100),
            MARKER_LEVEL: QtGui.QColor(150, 150, 150),
        }
    return {
        LogLevel.WARNING.value: QtGui.QColor(170, 100, 0),
        LogLevel.ERROR.value: QtGui.QColor(190, 30, 30),
        MARKER_LEVEL: QtGui.QColor(120, 120, 120),
    }


class LogLinesModel(QtCore.QAbstractTableModel):
    """The shown log lines, oldest first, at most ``max_rows``.

    Args:
        parent: Owner.
        max_rows: Rows kept; appending more drops the oldest.
        dark: Use colours for a dark palette.
    """

    def __init__(
        self,
        parent: QtCore.QObject | None = None,
        max_rows: int = DISPLAY_MAX_LINES,
        dark: bool = True,
    ) -> None:
        super().__init__(parent)
        self._lines: deque[LogRecord] = deque()
        self._max = max_rows
        self._prefix_tasks = True
        colors = level_colors(dark)
        self._brushes = {level: QtGui.QBrush(color) for level, color in colors.items()}
        self._bold = QtGui.QFont()
        self._bold.setBold(True)
        self._italic = QtGui.QFont()
        self._italic.setItalic(True)

    # -- content ----------------------------------------------------------------------------------
    @property
    def max_rows(self) -> int:
        """Rows kept at most."""
        return self._max

    def set_prefix_tasks(self, prefix: bool) -> None:
        """Show ``[t0001]`` before each line (when several tasks are mixed)."""
        if prefix != self._prefix_tasks:
            self._prefix_tasks = prefix
            if self._lines:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, 0))

    def append(self, lines: Sequence[LogRecord]) -> None:
        """Add lines at the end, dropping the oldest beyond ``max_rows``."""
        if not lines:
            return
        if len(lines) >= self._max:
            self.replace(lines[-self._max :])
            return
        overflow = len(self._lines) + len(lines) - self._max
        if overflow > 0:
            self.beginRemoveRows(QtCore.QModelIndex(), 0, overflow - 1)
            for _ in range(overflow):
                self._lines.popleft()
            self.endRemoveRows()
        start = len(self._lines)
        self.beginInsertRows(QtCore.QModelIndex(), start, start + len(lines) - 1)
        self._lines.extend(lines)
        self.endInsertRows()

    def replace(self, lines: Sequence[LogRecord]) -> None:
        """Show exactly ``lines`` (the newest ``max_rows`` of them)."""
        self.beginResetModel()
        self._lines = deque(lines[-self._max :] if len(lines) > self._max else lines)
        self.endResetModel()

    def line_at(self, row: int) -> LogRecord:
        """The line of a row."""
        return self._lines[row]

    def text_of(self, row: int) -> str:
        """A row's text as shown."""
        return self._text(self._lines[row])

    def shown_text(self) -> str:
        """Every shown line, joined with newlines (copy, tests)."""
        return "\n".join(self._text(line) for line in self._lines)

    def _text(self, line: LogRecord) -> str:
        text = line[TEXT].replace("\r", "").replace("\n", " ")
        if self._prefix_tasks and line[TASK] and line[LEVEL] != MARKER_LEVEL:
            return f"[{line[TASK]}] {text}"
        return text

    # -- Qt model ---------------------------------------------------------------------------------
    def rowCount(
        self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex | None = None
    ) -> int:  # noqa: N802 (Qt API)
        """Shown lines (none under a valid parent)."""
        if parent is not None and parent.isValid():
            return 0
        return len(self._lines)

    def columnCount(
        self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex | None = None
    ) -> int:  # noqa: N802
        """One column: the line."""
        if parent is not None and parent.isValid():
            return 0
        return 1

    def data(
        self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, role: int = _DISPLAY
    ) -> Any:
        """Text, colour by level, bold for fatal lines, italic for the panel's notes."""
        role = int(role)
        if role not in _HANDLED_ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._lines) or not index.isValid():
            return None
        line = self._lines[row]
        if role == _DISPLAY:
            return self._text(line)
        if role == _FOREGROUND:
            if line[LEVEL] == MARKER_LEVEL:
                return self._brushes[MARKER_LEVEL]
            rank = level_rank(line[LEVEL])
            if rank == _WARNING_RANK:
                return self._brushes[LogLevel.WARNING.value]
            if rank >= _ERROR_RANK:
                return self._brushes[LogLevel.ERROR.value]
            return None
        if role == _FONT:
            if line[LEVEL] == MARKER_LEVEL:
                return self._italic
            return self._bold if level_rank(line[LEVEL]) >= _FATAL_RANK else None
        text = self._text(line)
        return text if len(text) > 120 else None

    def headerData(  # noqa: N802 (Qt API)
        self, section: int, orientation: QtCore.Qt.Orientation, role: int = _DISPLAY
    ) -> Any:
        """A title for accessibility (the header itself is hidden)."""
        if int(role) == _DISPLAY and orientation == QtCore.Qt.Orientation.Horizontal:
            return "Log" if section == 0 else None
        return None

    def level_name(self, row: int) -> str:
        """``info``/``warning``/``error``/``fatal`` (or ``marker``) of a row."""
        level = self._lines[row][LEVEL]
        return level if level == MARKER_LEVEL else _LEVEL_NAMES[level_rank(level)]
