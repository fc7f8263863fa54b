"""The dialog an artist trusts overnight: one job at a glance with its frame map, honest words and
numbers, a frame's log lines one click away, nothing clipped or jumping, Enter that opens nothing,
and the window usable at 960x600."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fakes import require_qt

require_qt()

from fakes import FakeController, make_gpu, make_resources  # noqa: E402
from Qt import QtCore, QtWidgets  # noqa: E402

from lrc_toolbox.core import events as ev  # noqa: E402
from lrc_toolbox.ui.controller import JobDetails, JobRow, TaskDetail  # noqa: E402
from lrc_toolbox.ui.dialogs.dialog_layout import MIN_WINDOW_PX  # noqa: E402
from lrc_toolbox.ui.view_state.frame_map import FrameCell, FrameMapState, StoredFrame  # noqa: E402
from lrc_toolbox.ui.widgets.frame_map_view import FrameMapPanel  # noqa: E402
from lrc_toolbox.ui.widgets.logs_monitor import SEARCH_MIN_WIDTH_PX  # noqa: E402

LEFT = QtCore.Qt.MouseButton.LeftButton


def start_job(qtbot, dialog, controller: FakeController) -> str:
    before = len(controller.started)
    qtbot.mouseClick(dialog.control_buttons.start_button, LEFT)
    qtbot.waitUntil(lambda: len(controller.started) > before and not dialog.busy)
    return f"job{len(controller.started):03d}"


def _redshift_lines(controller: FakeController, job: str, task: str, frames, crash_at=None):
    for index, frame in enumerate(frames, start=1):
        controller.log(job, task, f"[Redshift] Rendering frame {frame} ({index}/{len(frames)})...")
        if frame == crash_at:
            controller.log(job, task, "Segmentation fault (core dumped)", level="error")
            return
        controller.log(job, task, f"[Redshift] Saving: /out/BG.{frame:04d}.exr")


def _job_with_a_retry_and_a_final_failure(qtbot, dialog, controller: FakeController) -> str:
    """MASTER_BG_A 1-6 over two renders: t0001 crashes at frame 3 (3 is retried and verified by
    t0002); t0002 loses frame 6 for good. The other layers are stopped at the end."""
    job = start_job(qtbot, dialog, controller)
    controller.run_task(job, "t0001", "MASTER_BG_A", [1, 2, 3])
    _redshift_lines(controller, job, "t0001", [1, 2, 3], crash_at=3)
    for frame in (1, 2):
        controller.frame_done(job, "t0001", "MASTER_BG_A", frame)
    controller.progress(job, "t0001", 3, 80.0, frames_done=2)
    controller.finish_task(
        job, "t0001", status="failed", reason="render crashed", missing=[3], will_retry=True
    )
    controller.run_task(job, "t0002", "MASTER_BG_A", [3, 4, 5, 6], gpu="GPU 1", attempt=2)
    _redshift_lines(controller, job, "t0002", [3, 4, 5, 6])
    for frame in (3, 4, 5):
        controller.frame_done(job, "t0002", "MASTER_BG_A", frame)
    controller.finish_task(job, "t0002", status="failed", reason="empty image", missing=[6])
    return job


# --------------------------------------------------------------------------------------------------
# one job at a glance
# --------------------------------------------------------------------------------------------------
def test_one_job_at_a_glance_with_honest_words_and_its_frame_map(
    qtbot, make_dialog, fake_controller
) -> None:
    dialog = make_dialog(fake_controller)
    panel = dialog.active_renders_table
    job = _job_with_a_retry_and_a_final_failure(qtbot, dialog, fake_controller)
    model = panel.model
    qtbot.waitUntil(lambda: (row := model.find(job, "t0002")) is not None and row.frames_failed)
    first, second = model.find(job, "t0001"), model.find(job, "t0002")
    assert first.status_text == "Done, 1 frame retried"  # not "Failed"
    assert second.status_text == "Failed: 1 frame" and "empty image" in second.status_tooltip
    state = panel.frame_map.state
    cells = [FrameCell(value) for value in state.layers["MASTER_BG_A"].cells]
    assert cells == [FrameCell.VERIFIED] * 5 + [FrameCell.FAILED]
    assert state.info("MASTER_BG_A", 3).attempts == 2
    header = panel.header.shown
    assert header is not None and job in header.title and "shot001.ma" in header.title
    assert header.state.short == "Rendering, 1 frame failed"
    assert header.bar_text.startswith("5 / 18 frames verified (27%)")
    assert header.eta_text == "ETA estimating…"  # the engine has not timed a frame here

    fake_controller.finish_job(job)
    qtbot.waitUntil(lambda: panel.header.shown.state.short == "1 frame failed")
    assert panel.header.shown.eta_text == "took 0:12"

    # a new job: Active Renders shows it alone (the old one is in History), and the Logs panel
    # leaves the old job's selected render
    panel.select_rows([model.find(job, "t0002")])
    assert dialog.logs_monitor.log_filter.tasks == {(job, "t0002")}
    job2 = start_job(qtbot, dialog, fake_controller)
    qtbot.waitUntil(lambda: model.current_job == job2)
    assert {row.job_id for row in model.rows} == {job2}
    assert panel.frame_map.state.job_id == job2
    assert dialog.logs_monitor.log_filter.job == job2
    assert dialog.logs_monitor.log_filter.tasks is None
    assert dialog.logs_monitor.scope_label.full_text() == "Showing: all tasks of the job"


def test_the_job_progress_event_gives_the_eta(qtbot, make_dialog, fake_controller) -> None:
    dialog = make_dialog(fake_controller)
    job = start_job(qtbot, dialog, fake_controller)
    fake_controller.bus.publish(
        ev.JobProgress(job_id=job, frames_done=3, frames_total=18, eta_s=125.0)
    )
    header = dialog.active_renders_table.header
    qtbot.waitUntil(lambda: header.shown is not None and header.shown.eta_text.startswith("ETA 2:"))


def test_clicking_a_frame_shows_its_log_lines_from_every_attempt(
    qtbot, make_dialog, fake_controller
) -> None:
    dialog = make_dialog(fake_controller)
    job = _job_with_a_retry_and_a_final_failure(qtbot, dialog, fake_controller)
    view = dialog.active_renders_table.frame_map.view
    logs = dialog.logs_monitor
    qtbot.waitUntil(lambda: view.state.info("MASTER_BG_A", 6) is not None)
    # The buffer fills on the bridge's timer: it may still be empty when the wait starts.
    qtbot.waitUntil(
        lambda: any("Saving: /out/BG.0006.exr" in line[2] for line in logs.buffer.lines()[-1:])
    )
    point = view.cell_center("MASTER_BG_A", 3)
    tooltip = view.tooltip_at(point)
    assert "frame 3" in tooltip and "2 attempts (t0001, t0002)" in tooltip
    assert "render crashed" in tooltip
    qtbot.mouseClick(view, LEFT, pos=point)
    assert logs.pinned and logs.scope_label.full_text() == "Showing: MASTER_BG_A frame 3"
    shown = logs.shown_text()
    assert "t0001 (attempt 1)" in shown and "Segmentation fault (core dumped)" in shown
    assert "t0002 (attempt 2)" in shown and "Rendering frame 3 (1/4)" in shown
    assert "Rendering frame 4" not in shown  # another frame's lines are not this frame's
    fake_controller.log(job, "t0002", "a live line meanwhile")
    qtbot.wait(250)
    assert "a live line meanwhile" not in logs.shown_text()  # pinned until Back to live
    qtbot.mouseClick(logs.live_button, LEFT)
    assert not logs.pinned and "a live line meanwhile" in logs.shown_text()


def test_history_draws_the_same_frame_map_and_reads_a_frames_log(
    qtbot, make_dialog, fake_controller, tmp_path: Path
) -> None:
    log = tmp_path / "t0001.log"
    log.write_text(
        "Render log header\n[Redshift] Rendering frame 1 (1/2)...\n[Redshift] Saving: a.0001\n"
        "[Redshift] Rendering frame 2 (2/2)...\nCUDA error: out of memory\n",
        encoding="utf-8",
    )
    row = JobRow(
        job_id="20261120-090000-aaaaaa",
        state="failed",
        scene="/s/shot001.ma",
        created_at=1_763_000_000.0,
        ended_at=1_763_000_100.0,
        frames_done=1,
        frames_total=2,
        frames_failed=1,
    )
    details = JobDetails(
        job=row,
        tasks=(TaskDetail("t0001", ("BG",), (1, 2), "failed", "0", 1, log_path=str(log)),),
        renderer="redshift",
        frames=(
            StoredFrame("BG", 1, "done", attempts=1, task_id="t0001"),
            StoredFrame("BG", 2, "failed", attempts=1, reason="CUDA error", task_id="t0001"),
        ),
    )
    fake_controller.add_stored_job(row, details)
    dialog = make_dialog(fake_controller)
    dialog.show_history()
    panel = dialog.history_panel
    qtbot.waitUntil(lambda: panel.jobs.rowCount() == 1)
    assert panel.select_job(row.job_id)
    qtbot.waitUntil(lambda: panel.details is not None)
    assert panel.detail_tabs.tabText(0) == "Frames (2)"
    view = panel.frame_map.view
    qtbot.waitUntil(lambda: view.geometry_ is not None and "BG" in view.state.layers)
    assert [FrameCell(v) for v in view.state.layers["BG"].cells] == [
        FrameCell.VERIFIED,
        FrameCell.FAILED,
    ]
    qtbot.mouseClick(view, LEFT, pos=view.cell_center("BG", 2))
    logs = dialog.logs_monitor
    qtbot.waitUntil(lambda: logs.pinned)
    shown = logs.shown_text()
    assert "CUDA error: out of memory" in shown and "Saving: a.0001" not in shown


# --------------------------------------------------------------------------------------------------
# nothing clipped, nothing jumping, Enter opens nothing
# --------------------------------------------------------------------------------------------------
class _StandaloneController(FakeController):
    """A controller that can open scene files (the Open… button shows, as standalone)."""

    can_open_scenes = True


def test_enter_in_any_field_never_opens_a_file_dialog_or_starts(
    qtbot, make_dialog, monkeypatch
) -> None:
    opened = []
    monkeypatch.setattr(
        QtWidgets.QFileDialog, "getOpenFileName", lambda *a, **k: opened.append(a) or ("", "")
    )
    monkeypatch.setattr(
        QtWidgets.QFileDialog, "getExistingDirectory", lambda *a, **k: opened.append(a) or ""
    )
    controller = _StandaloneController()
    dialog = make_dialog(controller)
    assert dialog.render_config_widget.open_button.isVisible()
    buttons = dialog.findChildren(QtWidgets.QPushButton)
    assert buttons and not [b.text() for b in buttons if b.isDefault() or b.autoDefault()]
    for edit in dialog.findChildren(QtWidgets.QLineEdit):
        if edit.isVisible() and edit.isEnabled():
            edit.setFocus()
            qtbot.keyClick(edit, QtCore.Qt.Key.Key_Return)
            qtbot.keyClick(edit, QtCore.Qt.Key.Key_Enter)
    assert opened == [] and controller.started == []
    assert dialog.isVisible()


def test_a_validation_message_never_moves_the_form(qtbot, make_dialog, fake_controller) -> None:
    dialog = make_dialog(fake_controller)
    config = dialog.render_config_widget
    field = config.frame_field
    below = config.gpu_count_spin
    top = below.mapTo(config, QtCore.QPoint(0, 0)).y()
    for text in ("1-10", "1,10-1,50", "1-999999999", "abc,1-5x", ""):
        field.edit.setText(text)
        qtbot.wait(10)
        assert below.mapTo(config, QtCore.QPoint(0, 0)).y() == top, text
    field.edit.setText("1-999999999")
    assert "limit" in field.message_label.toolTip()  # the whole message is in the tooltip


def test_the_window_is_usable_at_960_by_600(qtbot, make_dialog, fake_controller) -> None:
    fake_controller.resources = make_resources([make_gpu(0), make_gpu(1)])
    dialog = make_dialog(fake_controller)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= MIN_WINDOW_PX[0] and hint.height() <= MIN_WINDOW_PX[1], hint
    dialog.resize(*MIN_WINDOW_PX)
    qtbot.waitUntil(lambda: dialog.size() == QtCore.QSize(*MIN_WINDOW_PX))
    logs = dialog.logs_monitor
    assert logs.search_edit.width() >= SEARCH_MIN_WIDTH_PX
    assert logs.view.height() >= 3 * logs.view.verticalHeader().defaultSectionSize()
    assert dialog.active_renders_table.view.isVisible()
    for splitter in (dialog.right_splitter, dialog.active_renders_table.splitter):
        assert splitter.childrenCollapsible()


def test_the_renderer_choice_and_status_cells_are_not_clipped(
    qtbot, make_dialog, fake_controller
) -> None:
    dialog = make_dialog(fake_controller)
    combo = dialog.render_config_widget.renderer_combo
    index = combo.findData("file")
    combo.setCurrentIndex(index)
    qtbot.wait(20)
    text = combo.itemText(index)
    assert "(" in text  # "Scene's renderer (redshift)"
    assert combo.width() >= combo.fontMetrics().horizontalAdvance(text) + 20


# --------------------------------------------------------------------------------------------------
# the painted map stays fast
# --------------------------------------------------------------------------------------------------
def test_a_ten_thousand_frame_map_lays_out_and_updates_fast(qtbot) -> None:
    panel = FrameMapPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    state = FrameMapState()
    state.apply(
        [ev.JobStarted(job_id="j", layers={f"L{n:02d}": list(range(1, 501)) for n in range(20)})]
    )
    started = time.perf_counter()
    panel.set_state(state)
    layout_s = time.perf_counter() - started
    assert panel.view.geometry_ is not None and state.total == 10_000
    state.apply(
        [
            ev.FrameDone(job_id="j", layer=f"L{n:02d}", frame=f, task_id="t")
            for n in range(20)
            for f in range(1, 11)
        ]
    )
    started = time.perf_counter()
    panel.refresh()
    refresh_s = time.perf_counter() - started
    assert layout_s < 0.5 and refresh_s < 0.05, (layout_s, refresh_s)
    image = panel.view.grab().toImage()
    x, y, w, h = panel.view.geometry_.cell_rect(0, 0)
    assert image.pixelColor(x + w // 2, y + h // 2) == panel.view.colors[FrameCell.VERIFIED]
    x, y, w, h = panel.view.geometry_.cell_rect(0, 20)
    assert image.pixelColor(x + w // 2, y + h // 2) == panel.view.colors[FrameCell.QUEUED]


@pytest.mark.parametrize("width", [320, 900])
def test_the_legend_counts_every_state(qtbot, width: int) -> None:
    panel = FrameMapPanel()
    qtbot.addWidget(panel)
    panel.resize(width, 300)
    state = FrameMapState.from_frames(
        "j",
        [StoredFrame("BG", 1, "done"), StoredFrame("BG", 2, "failed", reason="x")],
        job_state="failed",
    )
    panel.set_state(state)
    text = panel.legend.text()
    assert "1 verified" in text and "1 failed" in text
