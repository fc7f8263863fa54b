"""The Logs panel: bounded memory, level/text/task filters, highlighting, pausing, hidden state."""

from __future__ import annotations

import pytest
from fakes import require_qt

require_qt()

from Qt import QtCore, QtWidgets  # noqa: E402

from lrc_toolbox.core.events import LogLine  # noqa: E402
from lrc_toolbox.ui.view_state.log_buffer import TASK, TEXT, LogBuffer, LogFilter  # noqa: E402
from lrc_toolbox.ui.widgets.logs_monitor import LogsMonitorWidget  # noqa: E402


def line(task: str, text: str, level: str = "info", job: str = "j1") -> LogLine:
    return LogLine(job_id=job, task_id=task, line=text, level=level)


def test_buffer_keeps_the_newest_lines_per_task_and_overall() -> None:
    buffer = LogBuffer(lines_per_task=50, lines_all=120, max_tasks=3)
    for number in range(200):
        buffer.extend([line("t1", f"a{number}"), line("t2", f"b{number}")])
    assert len(buffer) == 120 and buffer.total_received == 400
    only_t1 = buffer.lines(LogFilter(tasks=frozenset({("j1", "t1")})))
    assert [entry[TEXT] for entry in only_t1] == [f"a{n}" for n in range(150, 200)]
    for task in ("t3", "t4"):
        buffer.extend([line(task, "x")])
    assert buffer.task_keys() == [("j1", "t2"), ("j1", "t3"), ("j1", "t4")]  # oldest task dropped


def test_filter_by_task_level_and_text() -> None:
    buffer = LogBuffer()
    buffer.extend(
        [
            line("t1", "Rendering frame 1"),
            line("t1", "Warning: missing texture", "warning"),
            line("t2", "Error: license expired", "fatal"),
            line("t2", "Saving: /out/a.exr"),
            line("t1", "Error: cannot open shader", "error", job="j2"),
        ]
    )
    errors = buffer.lines(LogFilter(min_level="error"))
    assert [entry[TEXT] for entry in errors] == [
        "Error: license expired",
        "Error: cannot open shader",
    ]
    found = buffer.lines(LogFilter(text="SAVING"))
    assert [entry[TEXT] for entry in found] == ["Saving: /out/a.exr"]
    both = buffer.lines(
        LogFilter(tasks=frozenset({("j1", "t1"), ("j1", "t2")}), min_level="warning")
    )
    assert [entry[TASK] for entry in both] == ["t1", "t2"]
    assert buffer.lines(LogFilter(), limit=2) == buffer.lines()[-2:]


@pytest.fixture()
def monitor(qtbot) -> LogsMonitorWidget:
    widget = LogsMonitorWidget(max_display_lines=500)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_view_is_bounded_under_a_flood(monitor) -> None:
    for chunk in range(20):
        monitor.append_lines([line("t1", f"line {chunk}-{n}") for n in range(400)])
    assert monitor.model.rowCount() == 500
    last = monitor.shown_text().splitlines()[-1]
    assert last == "[t1] line 19-399"
    assert len(monitor.buffer) == 8000
    bar = monitor.view.verticalScrollBar()
    assert bar.value() == bar.maximum()  # following the newest line


def test_levels_are_highlighted_and_filtered(monitor, qtbot) -> None:
    monitor.append_lines(
        [
            line("t1", "plain"),
            line("t1", "careful", "warning"),
            line("t1", "broken", "error"),
            line("t1", "dead", "fatal"),
        ]
    )
    model = monitor.model
    foreground = QtCore.Qt.ItemDataRole.ForegroundRole

    def color(row):
        brush = model.data(model.index(row, 0), foreground)
        return None if brush is None else brush.color().name()

    assert color(0) is None and color(1) not in (None, color(2))
    assert color(2) == color(3)
    assert model.data(model.index(3, 0), QtCore.Qt.ItemDataRole.FontRole).bold()
    monitor.set_level("error")
    assert monitor.shown_text().splitlines() == ["[t1] broken", "[t1] dead"]
    monitor.set_level("info")
    monitor.search_edit.setText("CAREful")
    monitor.apply_search_now()
    assert monitor.shown_text() == "[t1] careful"


def test_selected_lines_can_be_copied(monitor, qtbot) -> None:
    monitor.append_lines(
        [line("t1", "first"), line("t1", "Error: second", "error"), line("t1", "third")]
    )
    monitor.follow_check.setChecked(False)
    view = monitor.view
    flags = (
        QtCore.QItemSelectionModel.SelectionFlag.Select
        | QtCore.QItemSelectionModel.SelectionFlag.Rows
    )
    for row in (2, 1):
        view.selectionModel().select(monitor.model.index(row, 0), flags)
    assert view.copy_selection() == "[t1] Error: second\n[t1] third"
    assert QtWidgets.QApplication.clipboard().text() == "[t1] Error: second\n[t1] third"


def test_task_filter_shows_only_that_task_without_prefix(monitor) -> None:
    monitor.append_lines([line("t1", "one"), line("t2", "two"), line("t1", "three")])
    monitor.set_tasks(frozenset({("j1", "t1")}), "t1 (BG)")
    assert monitor.shown_text().splitlines() == ["one", "three"]
    monitor.append_lines([line("t2", "four"), line("t1", "five")])
    assert monitor.shown_text().splitlines() == ["one", "three", "five"]
    monitor.set_tasks(None, "all tasks")
    assert monitor.shown_text().splitlines()[-1] == "[t1] five"


def test_hidden_panel_buffers_and_catches_up_when_shown(monitor) -> None:
    monitor.hide()
    monitor.append_lines([line("t1", "while hidden")])
    assert monitor.shown_text() == ""
    monitor.show()
    assert monitor.shown_text() == "[t1] while hidden"


def test_dropped_lines_are_announced(monitor) -> None:
    monitor.append_lines([line("t1", "kept")], dropped=1234)
    assert "1,234 lines not shown" in monitor.shown_text()
    assert "log file has every line" in monitor.shown_text()


def test_follow_off_pauses_the_view_and_on_catches_up(monitor) -> None:
    monitor.append_lines([line("t1", f"l{n}") for n in range(300)])
    bar = monitor.view.verticalScrollBar()
    assert bar.value() == bar.maximum()
    monitor.follow_check.setChecked(False)
    bar.setValue(10)
    before = monitor.shown_text()
    monitor.append_lines([line("t1", f"m{n}") for n in range(50)])
    assert bar.value() == 10 and monitor.shown_text() == before
    monitor.follow_check.setChecked(True)
    assert monitor.shown_text().splitlines()[-1] == "[t1] m49"
    assert bar.value() == bar.maximum()
