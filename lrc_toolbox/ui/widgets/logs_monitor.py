"""The Logs panel: live lines of the selected task (or all), filtered, highlighted, bounded.

Lines arrive in batches from the bridge (one per ~100 ms tick). They all go into a
:class:`~lrc_toolbox.ui.view_state.log_buffer.LogBuffer` (ring buffers per task and overall:
bounded memory); those passing the filter are appended to a
:class:`~lrc_toolbox.ui.models.log_lines_model.LogLinesModel` shown in a fixed-row-height
table, which costs the same whether a tick brings ten lines or ten thousand. Older lines stay in
the task's log file, one click away ("Open log").

Follow on: the view scrolls with new lines. Follow off: the view pauses (new lines are still kept)
so a line can be read, selected and copied (Ctrl+C); ticking Follow again catches up.

A frame clicked in the frame map *pins* that frame's lines (:meth:`LogsMonitorWidget.show_pinned`):
the view holds them until "Back to live" (or a new selection in the table) returns to the live
lines, which were kept meanwhile. With nothing selected, the live view shows the current job's
lines only (:meth:`LogsMonitorWidget.set_job`), never an earlier job's.
"""

from __future__ import annotations

from collections.abc import Sequence

from Qt import QtCore, QtGui, QtWidgets

from lrc_toolbox.core.events import LogLevel, LogLine
from lrc_toolbox.ui.models.log_lines_model import DISPLAY_MAX_LINES, LogLinesModel, marker_line
from lrc_toolbox.ui.view_state.log_buffer import (
    JOB,
    TEXT,
    LogBuffer,
    LogFilter,
    LogRecord,
    TaskKey,
    as_records,
)
from lrc_toolbox.ui.widgets.elided_label import ElidedLabel

#: Pause after typing in the search box before the view is rebuilt.
SEARCH_DEBOUNCE_MS: int = 200

#: Level filter choices: label -> lowest level shown.
LEVEL_CHOICES: tuple[tuple[str, str], ...] = (
    ("All lines", LogLevel.INFO.value),
    ("Warnings and errors", LogLevel.WARNING.value),
    ("Errors only", LogLevel.ERROR.value),
)

#: Extra pixels under each line of text.
ROW_PADDING_PX: int = 2
#: The search box never gets narrower than this (it stays a box, not "S…").
SEARCH_MIN_WIDTH_PX: int = 120
#: ...and no wider than this (what the panel shows comes first).
SEARCH_MAX_WIDTH_PX: int = 280
#: The level choice shows at least this many characters.
LEVEL_COMBO_MIN_CHARS: int = 12


class _LogView(QtWidgets.QTableView):
    """The lines, one per fixed-height row; Ctrl+C copies the selected lines."""

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.matches(QtGui.QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        super().keyPressEvent(event)

    def copy_selection(self) -> str:
        """Put the selected lines (in order) on the clipboard; return them."""
        model = self.model()
        rows = sorted(index.row() for index in self.selectionModel().selectedRows(0))
        text = "\n".join(str(model.data(model.index(row, 0))) for row in rows)
        if text:
            QtWidgets.QApplication.clipboard().setText(text)
        return text


class LogsMonitorWidget(QtWidgets.QGroupBox):
    """The "Logs" group: filters, the line view, and "Open log".

    Args:
        parent: Owner.
        buffer: Where lines are kept (injectable for tests).
        max_display_lines: Lines the view holds.
    """

    #: The user asked for the log file of what is shown (the dialog knows which file).
    open_log_requested = QtCore.Signal()
    #: The level filter changed (its lowest level, for settings).
    level_changed = QtCore.Signal(str)

    def __init__(
        self,
        parent: QtWidgets.QWidget | None = None,
        buffer: LogBuffer | None = None,
        max_display_lines: int = DISPLAY_MAX_LINES,
    ) -> None:
        super().__init__("Logs", parent)
        self.buffer = buffer or LogBuffer()
        self._filter = LogFilter()
        self._dirty = False
        self._widest_chars = 0
        self._pinned = False
        self._live_label = "all tasks"

        # Elided on the left: when narrow, the end ("…ATMOS_A frame 5") says what is shown.
        self.scope_label = ElidedLabel(
            "Showing: all tasks", min_chars=10, mode=QtCore.Qt.TextElideMode.ElideLeft
        )
        self.scope_label.setObjectName("logsScope")
        self.level_combo = QtWidgets.QComboBox()
        for label, level in LEVEL_CHOICES:
            self.level_combo.addItem(label, level)
        self.level_combo.setToolTip("Show every line, or only warnings and errors")
        self.search_edit = QtWidgets.QLineEdit()
        self.search_edit.setPlaceholderText("Search logs…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip("Show only lines containing this text (not case-sensitive)")
        self.search_edit.setMinimumWidth(SEARCH_MIN_WIDTH_PX)
        self.search_edit.setMaximumWidth(SEARCH_MAX_WIDTH_PX)
        # As wide as its longest choice when there is room; a dozen characters at least when the
        # panel is narrow (the list still shows every choice whole).
        self.level_combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.level_combo.setMinimumWidth(
            self.level_combo.fontMetrics().averageCharWidth() * LEVEL_COMBO_MIN_CHARS + 36
        )
        self.live_button = QtWidgets.QPushButton("Back to live")
        self.live_button.setObjectName("logsLiveButton")
        self.live_button.setAutoDefault(False)
        self.live_button.setToolTip("Show the live lines again (they were kept meanwhile)")
        self.live_button.setVisible(False)
        self.live_button.clicked.connect(self.unpin)
        self.follow_check = QtWidgets.QCheckBox("Follow")
        self.follow_check.setChecked(True)
        self.follow_check.setToolTip(
            "Show new lines as they arrive. Untick to pause the view to read or copy (Ctrl+C) "
            "lines; new lines are still kept"
        )
        self.open_log_button = QtWidgets.QPushButton("Open log")
        self.open_log_button.setToolTip(
            "Open the selected task's complete log file (this panel keeps only recent lines)"
        )
        self.open_log_button.setEnabled(False)
        self.open_log_button.setAutoDefault(False)

        dark = self.palette().color(QtGui.QPalette.ColorRole.Base).lightness() < 128
        self.model = LogLinesModel(self, max_rows=max_display_lines, dark=dark)
        self.view = _LogView()
        self.view.setObjectName("logsView")
        self.view.setModel(self.model)
        font = QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont)
        self.view.setFont(font)
        self._char_px = QtGui.QFontMetrics(font).horizontalAdvance("M")
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(QtCore.Qt.TextElideMode.ElideNone)
        self.view.horizontalHeader().setVisible(False)
        self.view.verticalHeader().setVisible(False)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(QtGui.QFontMetrics(font).lineSpacing() + ROW_PADDING_PX)
        self.view.horizontalHeader().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Fixed)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setHorizontalScrollMode(QtWidgets.QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.ActionsContextMenu)
        # Qt.py keeps QAction/QActionGroup in QtWidgets on Qt 6 too; its stubs follow PySide6.
        copy = QtWidgets.QAction("Copy selected lines", self.view)  # type: ignore[attr-defined]
        copy.setShortcut(QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Copy))
        copy.setShortcutContext(QtCore.Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.view.copy_selection)
        self.view.addAction(copy)

        self._search_timer = QtCore.QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._apply_search)

        self.level_combo.currentIndexChanged.connect(self._on_level_changed)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.apply_search_now)
        self.follow_check.toggled.connect(self._on_follow_toggled)
        self.open_log_button.clicked.connect(self.open_log_requested.emit)

        tools = QtWidgets.QHBoxLayout()
        tools.addWidget(self.scope_label, 3)
        tools.addWidget(self.live_button)
        tools.addWidget(self.level_combo)
        tools.addWidget(self.search_edit, 1)
        tools.addWidget(self.follow_check)
        tools.addWidget(self.open_log_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.view)

    # -- state ------------------------------------------------------------------------------------
    @property
    def log_filter(self) -> LogFilter:
        """What the view currently shows."""
        return self._filter

    def shown_text(self) -> str:
        """The view's lines as text (tests, copy)."""
        return self.model.shown_text()

    def set_level(self, level: str) -> None:
        """Choose the lowest level shown (``info``, ``warning`` or ``error``)."""
        index = self.level_combo.findData(level)
        self.level_combo.setCurrentIndex(max(0, index))

    @property
    def pinned(self) -> bool:
        """True while the view holds pinned lines (a frame's) instead of the live ones."""
        return self._pinned

    def set_tasks(self, tasks: frozenset[TaskKey] | None, label: str) -> None:
        """Show only these tasks (None: all of the job), e.g. the rows selected in the table."""
        if tasks == self._filter.tasks and not self._pinned:
            return
        self._filter = LogFilter(tasks, self._filter.min_level, self._filter.text, self._filter.job)
        self._live_label = label
        self._pinned = False
        self.live_button.setVisible(False)
        self.scope_label.setText(f"Showing: {label}")
        self.rebuild()

    def set_job(self, job_id: str | None) -> None:
        """With no task chosen, show only this job's lines (the job Active Renders shows)."""
        if job_id == self._filter.job:
            return
        self._filter = LogFilter(
            self._filter.tasks, self._filter.min_level, self._filter.text, job_id
        )
        if not self._pinned:
            self.rebuild()

    def show_pinned(self, lines: Sequence[LogRecord], label: str) -> None:
        """Hold ``lines`` in the view (a frame's lines) until :meth:`unpin`."""
        self._pinned = True
        self.live_button.setVisible(True)
        self.scope_label.setText(f"Showing: {label}")
        self._widest_chars = 0
        self.model.set_prefix_tasks(True)
        self.model.replace(list(lines))
        self._fit_width(lines)
        self.view.scrollToTop()

    def unpin(self) -> None:
        """Back to the live lines."""
        if not self._pinned:
            return
        self._pinned = False
        self.live_button.setVisible(False)
        self.scope_label.setText(f"Showing: {self._live_label}")
        self.rebuild()

    def set_log_file_available(self, available: bool, tooltip: str = "") -> None:
        """Enable "Open log" when there is a file for what is shown."""
        self.open_log_button.setEnabled(available)
        if tooltip:
            self.open_log_button.setToolTip(tooltip)

    # -- feeding ----------------------------------------------------------------------------------
    def append_lines(self, lines: Sequence[LogRecord | LogLine], dropped: int = 0) -> None:
        """Keep ``lines`` and show those passing the filter (GUI thread, once per tick).

        Args:
            lines: New lines in arrival order (records from the bridge, or engine lines).
            dropped: Lines the bridge had to drop before they got here.
        """
        lines = as_records(lines)
        self.buffer.extend(lines)
        if self._pinned:
            return  # kept; the live view is rebuilt from the buffer when unpinned
        if not self.isVisible() or not self.follow_check.isChecked():
            self._dirty = True  # hidden or paused: rebuilt from the buffer when resumed
            return
        if self._filter.is_everything:
            shown = list(lines)
        elif self._filter.only_job:
            job = self._filter.job
            shown = [line for line in lines if line[JOB] == job]
        else:
            shown = [line for line in lines if self._filter.matches(line)]
        if dropped:
            shown.append(
                marker_line(
                    f"… {dropped:,} lines not shown (the dialog fell behind); "
                    "the task's log file has every line"
                )
            )
        self._show(shown, replace=False)

    def rebuild(self) -> None:
        """Redraw the view from the buffer with the current filter."""
        if self._pinned:
            return
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        self._show(self.buffer.lines(self._filter, limit=self.model.max_rows), replace=True)

    def showEvent(self, event: QtGui.QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Catch up on lines that arrived while hidden."""
        super().showEvent(event)
        if self._dirty:
            self.rebuild()

    # -- internals --------------------------------------------------------------------------------
    def _show(self, lines: Sequence[LogRecord], *, replace: bool) -> None:
        self.model.set_prefix_tasks(self._filter.tasks is None or len(self._filter.tasks) > 1)
        if replace:
            self._widest_chars = 0
            self.model.replace(lines)
        else:
            self.model.append(lines)
        self._fit_width(lines)
        if self.follow_check.isChecked():
            self.view.scrollToBottom()

    def _fit_width(self, lines: Sequence[LogRecord]) -> None:
        if lines:
            widest = max(map(len, (line[TEXT] for line in lines))) + 10  # + the task prefix
            if widest > self._widest_chars:
                self._widest_chars = widest
        width = max(self.view.viewport().width(), self._widest_chars * self._char_px + 12)
        if self.view.columnWidth(0) != width:
            self.view.setColumnWidth(0, width)

    def _on_follow_toggled(self, follow: bool) -> None:
        if follow:
            self.rebuild()

    def _on_level_changed(self, _index: int) -> None:
        level = str(self.level_combo.currentData() or LogLevel.INFO.value)
        self._filter = LogFilter(self._filter.tasks, level, self._filter.text, self._filter.job)
        self.level_changed.emit(level)
        self.rebuild()

    def _apply_search(self) -> None:
        text = self.search_edit.text().strip()
        if text == self._filter.text:
            return
        self._filter = LogFilter(self._filter.tasks, self._filter.min_level, text, self._filter.job)
        self.rebuild()

    def apply_search_now(self) -> None:
        """Apply the search box without waiting for the typing pause (tests, Enter key)."""
        self._search_timer.stop()
        self._apply_search()
