"""The Batch Render dialog driven through a fake controller: clicks, typing, starting, stopping,
failures with their reasons, settings remembered, closing without stopping renders."""

from __future__ import annotations

import threading

import pytest
from fakes import require_qt

require_qt()

from fakes import FakeController, make_gpu, make_resources  # noqa: E402
from Qt import QtCore, QtWidgets  # noqa: E402

from lrc_toolbox.core.models import RenderMode  # noqa: E402
from lrc_toolbox.core.scene_source import PreparationCancelled  # noqa: E402
from lrc_toolbox.ui.controller import ControllerError  # noqa: E402
from lrc_toolbox.ui.dialogs import batch_render_dialog, prompts  # noqa: E402
from lrc_toolbox.ui.view_state.render_rows import RowState  # noqa: E402

LEFT = QtCore.Qt.MouseButton.LeftButton


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, LEFT)


def type_frames(qtbot, dialog, text: str) -> None:
    edit = dialog.render_config_widget.frame_field.edit
    edit.clear()
    qtbot.keyClicks(edit, text)


def wait_for_rows(qtbot, dialog, count: int) -> None:
    qtbot.waitUntil(lambda: len(dialog.active_renders_table.model.rows) >= count)


def start_job(qtbot, dialog, controller: FakeController) -> str:
    before = len(controller.started)
    click(qtbot, dialog.control_buttons.start_button)
    qtbot.waitUntil(lambda: len(controller.started) > before and not dialog.busy)
    return f"job{len(controller.started):03d}"


# -- scene and configuration -----------------------------------------------------------------------
def test_scene_layers_are_listed_as_check_boxes_and_read_off_the_gui_thread(
    qtbot, make_dialog, fake_controller
):
    dialog = make_dialog(fake_controller)
    config = dialog.render_config_widget
    assert config.all_layers_check.isChecked()
    for name in ("MASTER_BG_A", "MASTER_CHAR_A", "MASTER_ATMOS_A"):
        box = config.layer_box(name)
        assert box is not None and box.isChecked() and not box.isEnabled()
    off = config.layer_box("MASTER_FX_A")
    assert off is not None and not off.isChecked() and "(off)" in off.text()
    assert "shot001.ma" in dialog.windowTitle()
    assert config.frame_field.edit.placeholderText() == "scene range: 1-24"
    assert fake_controller.threads["describe_scene"] != threading.current_thread().name

    config.all_layers_check.click()
    assert config.layer_box("MASTER_FX_A").isEnabled()
    config.layer_box("MASTER_BG_A").setChecked(False)
    config.layer_box("MASTER_FX_A").setChecked(True)
    assert config.selected_layers() == ["MASTER_CHAR_A", "MASTER_FX_A", "MASTER_ATMOS_A"]


def test_bad_frames_show_the_exact_part_and_block_start(qtbot, make_dialog, fake_controller):
    dialog = make_dialog(fake_controller)
    field = dialog.render_config_widget.frame_field
    type_frames(qtbot, dialog, "1,10-1,50")
    message = field.message_label.text()
    assert "reversed range" in message
    assert "text-decoration:underline'>10-1</span>" in message  # exactly the bad part is marked
    assert field.check.part == "10-1"
    assert not dialog.control_buttons.start_button.isEnabled()
    assert "reversed range" in dialog.control_buttons.start_button.toolTip()

    type_frames(qtbot, dialog, "1-100x5")
    assert field.check.ok
    assert field.message_label.text().startswith("21 frames: 1, 6, ")  # as many as fit
    assert field.message_label.text().endswith("96, 100")  # x steps include the last frame
    assert dialog.control_buttons.start_button.isEnabled()

    type_frames(qtbot, dialog, "1-999999999")
    assert not field.check.ok and "over the limit" in field.check.message
    assert "x" in field.edit.toolTip() and "1,10-20,50" in field.edit.toolTip()


def test_empty_frame_field_uses_the_scene_range(qtbot, make_dialog, fake_controller):
    dialog = make_dialog(fake_controller)
    type_frames(qtbot, dialog, "")
    field = dialog.render_config_widget.frame_field
    assert field.check.ok and len(field.check.frames) == 24
    assert field.message_label.text().startswith("Scene range: 24 frames")


# -- starting --------------------------------------------------------------------------------------
def test_start_sends_the_configured_job(qtbot, make_dialog, fake_controller):
    dialog = make_dialog(fake_controller)
    config = dialog.render_config_widget
    config.all_layers_check.click()
    config.layer_box("MASTER_CHAR_A").setChecked(False)
    config.layer_box("MASTER_ATMOS_A").setChecked(False)
    type_frames(qtbot, dialog, "1,10-20,50")
    config.frame_field.step_spin.setValue(2)
    config.renderer_combo.setCurrentIndex(config.renderer_combo.findData("redshift"))
    config.combined_radio.setChecked(True)
    config.gpu_count_spin.setValue(2)
    config.renders_per_gpu_spin.setValue(2)
    config.cpu_threads_spin.setValue(8)
    config.output_edit.setText("/tmp/images")
    config.retries_spin.setValue(3)
    config.gpus_edit.setText("0, 1")

    start_job(qtbot, dialog, fake_controller)
    sent = fake_controller.started[0]
    assert sent.layers == ["MASTER_BG_A"]
    assert (sent.frame_range, sent.step) == ("1,10-20,50", 2)
    assert sent.renderer == "redshift" and sent.render_mode is RenderMode.COMBINED
    assert (sent.gpu_count, sent.renders_per_gpu, sent.cpu_threads) == (2, 2, 8)
    assert sent.gpus == ["0", "1"] and sent.output_dir == "/tmp/images" and sent.retries == 3
    assert sent.chunk_size is None and sent.reserve_gpus is None  # "automatic" fields
    assert sent.scene_file == "/shows/demo/shot001.ma"
    # validate and prepare ran on the GUI thread (Maya needs that), start on a worker
    gui = threading.current_thread().name
    assert fake_controller.threads["validate"] == gui
    assert fake_controller.threads["prepare"] == gui
    assert fake_controller.threads["start"] != gui
    qtbot.waitUntil(lambda: "Started job job001" in dialog.message_bar.text())
    assert not dialog.control_buttons.start_button.isEnabled()  # a job is running
    assert dialog.control_buttons.stop_all_button.isEnabled()


def test_validation_messages_are_shown_and_nothing_starts(qtbot, make_dialog, fake_controller):
    fake_controller.validate_messages = ["The scene has unsaved changes: save it first."]
    dialog = make_dialog(fake_controller)
    click(qtbot, dialog.control_buttons.start_button)
    assert "unsaved changes" in dialog.message_bar.text()
    assert dialog.message_bar.level == "error"
    assert fake_controller.prepared == [] and fake_controller.started == []


def test_a_refused_start_shows_the_engines_reason(qtbot, make_dialog, fake_controller):
    fake_controller.start_error = ControllerError(
        "no usable NVIDIA GPU for Redshift: all GPUs are reserved for the interactive session"
    )
    dialog = make_dialog(fake_controller)
    click(qtbot, dialog.control_buttons.start_button)
    qtbot.waitUntil(lambda: "Not started" in dialog.message_bar.text())
    assert "all GPUs are reserved" in dialog.message_bar.text()
    assert dialog.control_buttons.start_button.isEnabled()


def test_an_unexpected_start_error_is_a_message_not_a_traceback(
    qtbot, make_dialog, fake_controller
):
    fake_controller.start_error = OSError(28, "No space left on device")
    dialog = make_dialog(fake_controller)
    click(qtbot, dialog.control_buttons.start_button)
    qtbot.waitUntil(lambda: "Not started" in dialog.message_bar.text())
    assert "OSError" in dialog.message_bar.text() and "No space left" in dialog.message_bar.text()


def test_cancelling_the_preparation_starts_nothing(qtbot, make_dialog, fake_controller):
    fake_controller.prepare_error = PreparationCancelled("cancelled")
    dialog = make_dialog(fake_controller)
    click(qtbot, dialog.control_buttons.start_button)
    assert "nothing was started" in dialog.message_bar.text()
    assert fake_controller.started == []
    assert dialog.control_buttons.start_button.isEnabled()


def test_start_is_not_sent_twice_while_starting(qtbot, make_dialog, fake_controller):
    fake_controller.start_gate = threading.Event()
    dialog = make_dialog(fake_controller)
    click(qtbot, dialog.control_buttons.start_button)
    assert dialog.busy and not dialog.control_buttons.start_button.isEnabled()
    dialog.start()  # e.g. a second click queued before the button was disabled
    fake_controller.start_gate.set()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert len(fake_controller.started) == 1


# -- running ---------------------------------------------------------------------------------------
def test_running_tasks_show_progress_and_their_logs(qtbot, make_dialog, fake_controller):
    dialog = make_dialog(fake_controller)
    job = start_job(qtbot, dialog, fake_controller)
    fake_controller.run_task(job, "t0001", "MASTER_BG_A", [1, 2, 3], gpu="GPU 0")
    fake_controller.run_task(job, "t0002", "MASTER_CHAR_A", [1, 2, 3], gpu="GPU 1", pid=4343)
    fake_controller.progress(job, "t0001", 2, 40.0, frames_done=1)
    fake_controller.frame_done(job, "t0001", "MASTER_BG_A", 1)
    fake_controller.log(job, "t0001", "[Redshift] Rendering frame 2 (2/3)...")
    fake_controller.log(job, "t0002", "[Redshift] Rendering frame 1 (1/3)...")
    fake_controller.log(job, "t0002", "Warning: texture missing", level="warning")
    model = dialog.active_renders_table.model
    qtbot.waitUntil(lambda: (row := model.find(job, "t0001")) is not None and row.frames_done == 1)
    row = model.find(job, "t0001")
    assert row.state is RowState.RENDERING and row.current_frame == 2
    assert row.status_text == "Rendering: frame 2 (40%)"
    assert row.frames_text == "1/3"
    qtbot.waitUntil(lambda: "texture missing" in dialog.logs_monitor.shown_text())
    shown = dialog.logs_monitor.shown_text()
    assert "[t0001] [Redshift] Rendering frame 2" in shown and "[t0002]" in shown
    # queued frames of the third layer wait in their own row
    waiting = [r for r in model.rows if r.is_waiting_row]
    assert [(r.layer_text, len(r.frames)) for r in waiting] == [
        ("MASTER_BG_A", 3),
        ("MASTER_CHAR_A", 3),
        ("MASTER_ATMOS_A", 6),
    ]
    # the System Resources panel says which GPU renders what
    qtbot.waitUntil(lambda: dialog.system_info_widget.gpu_table.rowCount() == 2)
    use = dialog.system_info_widget.gpu_table.item(1, 1).text()
    assert use == "rendering t0002 (MASTER_CHAR_A)"

    # selecting a row filters the log panel to that task
    dialog.active_renders_table.select_rows([model.find(job, "t0002")])
    assert "[t0001]" not in dialog.logs_monitor.shown_text()
    assert "Rendering frame 1 (1/3)" in dialog.logs_monitor.shown_text()
    assert dialog.logs_monitor.scope_label.full_text() == "Showing: t0002 (MASTER_CHAR_A)"
    dialog.logs_monitor.set_level("warning")
    assert dialog.logs_monitor.shown_text() == "Warning: texture missing"


def test_a_failure_shows_its_reason_and_enables_retry(qtbot, make_dialog, fake_controller):
    dialog = make_dialog(fake_controller)
    job = start_job(qtbot, dialog, fake_controller)
    fake_controller.run_task(job, "t0001", "MASTER_BG_A", [1, 2, 3])
    reason = "Redshift license error: no licenses available (licence server down)"
    fake_controller.finish_task(job, "t0001", status="failed", reason=reason, missing=[2, 3])
    fake_controller.finish_job(job)
    model = dialog.active_renders_table.model
    qtbot.waitUntil(lambda: model.job_finished(job))
    row = model.find(job, "t0001")
    assert row.state is RowState.FAILED and row.status_text == "Failed: 2 frames"
    assert reason in row.status_tooltip  # a few words in the column, the reason in the tooltip
    text = dialog.message_bar.text()
    assert dialog.message_bar.level == "error"
    assert "2 failed frames" in text and "licence server down" in text and "MASTER_BG_A" in text
    assert dialog.control_buttons.retry_button.isEnabled()
    assert dialog.control_buttons.start_button.isEnabled()

    click(qtbot, dialog.control_buttons.retry_button)
    qtbot.waitUntil(lambda: len(fake_controller.started) == 2 and not dialog.busy)
    retry = fake_controller.started[1]
    assert retry.layers == ["MASTER_BG_A"] and retry.layer_frames == {"MASTER_BG_A": "2-3"}
    assert retry.frame_range == ""


def test_stop_selected_stops_only_that_task(qtbot, make_dialog, fake_controller):
    dialog = make_dialog(fake_controller)
    job = start_job(qtbot, dialog, fake_controller)
    fake_controller.run_task(job, "t0001", "MASTER_BG_A", [1, 2])
    fake_controller.run_task(job, "t0002", "MASTER_CHAR_A", [1, 2])
    model = dialog.active_renders_table.model
    qtbot.waitUntil(lambda: model.find(job, "t0002") is not None)
    assert not dialog.control_buttons.stop_selected_button.isEnabled()
    dialog.active_renders_table.select_rows([model.find(job, "t0002")])
    assert dialog.control_buttons.stop_selected_button.isEnabled()
    click(qtbot, dialog.control_buttons.stop_selected_button)
    assert fake_controller.stopped_tasks == [(job, "t0002")]
    qtbot.waitUntil(lambda: model.find(job, "t0002").state is RowState.STOPPED)
    assert model.find(job, "t0001").state is RowState.RENDERING
    stopped = model.find(job, "t0002")
    assert stopped.status_text == "Stopped" and "stopped by the user" in stopped.status_tooltip


def test_stop_all_asks_first(qtbot, make_dialog, fake_controller):
    dialog = make_dialog(fake_controller, confirm=False)
    job = start_job(qtbot, dialog, fake_controller)
    fake_controller.run_task(job, "t0001", "MASTER_BG_A", [1, 2])
    questions = []
    dialog.confirm = lambda title, text: questions.append(text) or False
    click(qtbot, dialog.control_buttons.stop_all_button)
    assert questions and fake_controller.stop_all_calls == 0
    dialog.confirm = lambda title, text: True
    click(qtbot, dialog.control_buttons.stop_all_button)
    assert fake_controller.stop_all_calls == 1
    model = dialog.active_renders_table.model
    qtbot.waitUntil(lambda: model.job_finished(job))
    assert model.find(job, "t0001").state is RowState.STOPPED
    assert not [row for row in model.rows if row.is_waiting_row]
    assert "stopped" in dialog.message_bar.text() and dialog.message_bar.level == "warning"
    assert dialog.control_buttons.start_button.isEnabled()


def test_context_menu_offers_what_the_row_allows(qtbot, make_dialog, fake_controller, tmp_path):
    dialog = make_dialog(fake_controller)
    job = start_job(qtbot, dialog, fake_controller)
    log = tmp_path / "t0001.log"
    log.write_text("Render log\n")
    fake_controller.run_task(job, "t0001", "MASTER_BG_A", [1, 2], log_path=str(log))
    model = dialog.active_renders_table.model
    qtbot.waitUntil(lambda: model.find(job, "t0001") is not None)
    row = model.find(job, "t0001")
    menu = dialog.active_renders_table.build_context_menu([row])
    actions = {action.text(): action for action in menu.actions() if action.text()}
    assert actions["Stop 1 render"].isEnabled()
    assert not actions["Retry failed frames"].isEnabled()
    assert not actions["Open output folder"].isEnabled()  # nothing written yet
    actions["Open log"].trigger()
    assert dialog.opened_paths == [str(log)]
    actions["Stop 1 render"].trigger()
    assert fake_controller.stopped_tasks == [(job, "t0001")]


def test_open_log_file_opens_the_selected_tasks_log(qtbot, make_dialog, fake_controller, tmp_path):
    dialog = make_dialog(fake_controller)
    job = start_job(qtbot, dialog, fake_controller)
    log = tmp_path / "t0001.log"
    log.write_text("line\n")
    fake_controller.run_task(job, "t0001", "MASTER_BG_A", [1], log_path=str(log))
    model = dialog.active_renders_table.model
    qtbot.waitUntil(lambda: model.find(job, "t0001") is not None)
    dialog.active_renders_table.select_rows([model.find(job, "t0001")])
    assert dialog.logs_monitor.open_log_button.isEnabled()
    click(qtbot, dialog.logs_monitor.open_log_button)
    assert dialog.opened_paths == [str(log)]
    log.unlink()
    click(qtbot, dialog.logs_monitor.open_log_button)
    assert "does not exist" in dialog.message_bar.text()


# -- system resources ------------------------------------------------------------------------------
def test_no_gpu_says_why(qtbot, make_dialog, fake_controller):
    reason = "NVML: NVIDIA driver library (libnvidia-ml) not found: no NVIDIA driver installed"
    fake_controller.resources = make_resources([], gpu_error=reason)
    dialog = make_dialog(fake_controller)
    status = dialog.system_info_widget.status_label
    qtbot.waitUntil(lambda: "No NVIDIA GPU found" in status.text())
    assert "libnvidia-ml" in status.text()
    assert dialog.system_info_widget.gpus_total.text() == "CUDA GPUs: 0"
    assert fake_controller.threads["system_resources"] != threading.current_thread().name


def test_gpus_show_reservation_utilization_and_memory(qtbot, make_dialog, fake_controller):
    fake_controller.resources = make_resources(
        [make_gpu(0, util=12, used_gb=3.0), make_gpu(1, util=97, used_gb=18.0)],
        reserved=1,
        inside_maya=True,
    )
    dialog = make_dialog(fake_controller)
    info = dialog.system_info_widget
    qtbot.waitUntil(lambda: info.gpu_table.rowCount() == 2)
    assert info.gpus_total.text() == "CUDA GPUs: 2"
    assert info.gpus_available.text() == "Available: 1"
    assert info.gpus_reserved.text() == "Reserved for Maya: 1"
    assert info.memory_total.text() == "GPU Memory: 48.0 GB"
    assert info.memory_used.text() == "In Use: 21.0 GB"
    assert info.cpu_reserved.text() == "Reserved for Maya: 4"
    # one name for a GPU everywhere: index and model (the UUID is in the tooltip)
    assert info.gpu_table.item(0, 0).text() == "GPU 0 · RTX A5000"
    assert "GPU-00000000-aaaa" in info.gpu_table.item(0, 0).toolTip()
    assert info.gpu_table.item(0, 1).text() == "kept for Maya"
    assert info.gpu_table.item(1, 1).text() == "free for renders"
    assert info.gpu_table.cellWidget(1, 2).value() == 97
    vram = info.gpu_table.cellWidget(1, 3)
    assert vram.format() == "18/24 GB"  # short enough for its bar; the tooltip has it all
    assert vram.toolTip() == "VRAM in use: 18.0 GB of 24.0 GB (75%)"


@pytest.mark.parametrize("size", [(1920, 1080), (960, 600)])
def test_the_vram_column_fits_its_text_at_every_window_size(
    qtbot, make_dialog, fake_controller, size
):
    fake_controller.resources = make_resources(
        [make_gpu(0, used_gb=14.3), make_gpu(1, used_gb=9.6, total_gb=10.7)]
    )
    dialog = make_dialog(fake_controller)
    dialog.resize(*size)
    table = dialog.system_info_widget.gpu_table
    qtbot.waitUntil(lambda: table.rowCount() == 2 and dialog.size() == QtCore.QSize(*size))
    assert [table.cellWidget(row, 3).text() for row in (0, 1)] == ["14.3/24 GB", "9.6/10.7 GB"]
    for row in (0, 1):
        bar = table.cellWidget(row, 3)
        # The text and the bar's frame (4 px a side) fit in the bar: nothing is cut.
        assert bar.width() >= bar.fontMetrics().horizontalAdvance(bar.text()) + 8, bar.text()


def test_gpu_choice_is_passed_to_the_resource_query(qtbot, make_dialog, fake_controller):
    dialog = make_dialog(fake_controller)
    config = dialog.render_config_widget
    config.reserve_spin.setValue(1)
    config.gpu_count_spin.setValue(1)
    qtbot.waitUntil(lambda: getattr(fake_controller, "last_resource_query", None) == (None, 1, 1))


# -- farm ------------------------------------------------------------------------------------------
def test_farm_missing_shows_how_to_install(qtbot, make_dialog, fake_controller):
    fake_controller.farm_error = ControllerError(
        "OpenCue support is not installed: pip install 'lrc-toolbox[opencue]'"
    )
    dialog = make_dialog(fake_controller)
    qtbot.waitUntil(lambda: "pip install" in dialog.control_buttons.farm_button.toolTip())
    click(qtbot, dialog.control_buttons.farm_button)
    assert "pip install 'lrc-toolbox[opencue]'" in dialog.message_bar.text()
    assert fake_controller.farm_submissions == []


def test_farm_engine_and_dry_run_are_remembered(qtbot, make_dialog, fake_controller, settings_file):
    dialog = make_dialog(fake_controller)
    buttons = dialog.control_buttons
    qtbot.waitUntil(lambda: len(buttons.farm_menu.actions()) > 3)
    deadline = next(a for a in buttons.farm_menu.actions() if a.text() == "deadline")
    deadline.trigger()
    buttons.dry_run_action.setChecked(True)
    click(qtbot, buttons.farm_button)
    qtbot.waitUntil(lambda: bool(fake_controller.farm_submissions) and not dialog.busy)
    _config, engine, dry_run = fake_controller.farm_submissions[0]
    assert (engine, dry_run) == ("deadline", True)
    assert "deadline job files written" in dialog.message_bar.text()
    assert fake_controller.threads["submit_to_farm"] != threading.current_thread().name

    again = make_dialog(FakeController(), settings=settings_file)
    qtbot.waitUntil(lambda: again.control_buttons.farm_button.text() == "Submit to farm (deadline)")
    assert again.control_buttons.dry_run_action.isChecked()


# -- settings and window life ----------------------------------------------------------------------
def test_settings_are_remembered_per_user(qtbot, make_dialog, settings_file):
    first = make_dialog(FakeController(), settings=settings_file)
    config = first.render_config_widget
    config.all_layers_check.click()
    config.layer_box("MASTER_ATMOS_A").setChecked(False)
    type_frames(qtbot, first, "1-100x5")
    config.renderer_combo.setCurrentIndex(config.renderer_combo.findData("arnold"))
    config.retries_spin.setValue(5)
    config.hang_timeout_spin.setValue(120)
    config.keep_temp_check.setChecked(True)
    config.combined_radio.setChecked(True)
    first.logs_monitor.set_level("error")
    first.close()

    second = make_dialog(FakeController(), settings=settings_file)
    again = second.render_config_widget
    assert again.frame_field.text == "1-100x5"
    assert again.renderer == "arnold"
    assert again.retries_spin.value() == 5 and again.hang_timeout_spin.value() == 120
    assert again.keep_temp_check.isChecked() and again.combined_radio.isChecked()
    assert not again.all_layers_check.isChecked()
    assert again.selected_layers() == ["MASTER_BG_A", "MASTER_CHAR_A"]
    assert second.logs_monitor.log_filter.min_level == "error"


def test_defaults_come_from_the_config_module(qtbot, make_dialog, fake_controller):
    from lrc_toolbox.config import batch_render_defaults as defaults

    dialog = make_dialog(fake_controller)
    config = dialog.render_config_widget
    assert config.retries_spin.value() == defaults.RETRIES
    assert config.hang_timeout_spin.value() == defaults.HANG_TIMEOUT_S
    assert config.renders_per_gpu_spin.value() == defaults.RENDERS_PER_GPU
    assert config.renderer == defaults.RENDERER
    assert config.separate_radio.isChecked()


def test_frames_typed_for_another_scene_are_not_reused(qtbot, make_dialog, settings_file):
    first = make_dialog(FakeController(), settings=settings_file)
    type_frames(qtbot, first, "5-9")
    first.close()
    other = FakeController()
    other.summary = other.summary.__class__(
        label="shot002.ma",
        path="/shows/demo/shot002.ma",
        layers=other.summary.layers,
        default_frames="1001-1100",
    )
    second = make_dialog(other, settings=settings_file)
    assert second.render_config_widget.frame_field.text == ""
    assert second.render_config_widget.frame_field.check.frames[0] == 1001


def test_closing_keeps_renders_running_and_show_dialog_brings_it_back(
    qtbot, fake_controller, settings_file, monkeypatch
):
    monkeypatch.setattr(batch_render_dialog, "_INSTANCE", None)
    monkeypatch.setattr(
        batch_render_dialog.DialogSettings,
        "__init__",
        lambda self, settings=None: setattr(self, "qsettings", settings_file),
    )
    dialog = batch_render_dialog.show_dialog(fake_controller)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.scene is not None)
    job = start_job(qtbot, dialog, fake_controller)
    fake_controller.run_task(job, "t0001", "MASTER_BG_A", [1, 2])
    qtbot.waitUntil(lambda: dialog.active_renders_table.model.find(job, "t0001") is not None)
    click(qtbot, dialog.control_buttons.close_button)
    assert not dialog.isVisible()
    assert fake_controller.stop_all_calls == 0 and fake_controller.is_running()
    fake_controller.progress(job, "t0001", 2, 50.0, frames_done=1)  # still arriving while hidden

    again = batch_render_dialog.show_dialog(fake_controller)
    assert again is dialog and again.isVisible()
    row = again.active_renders_table.model.find(job, "t0001")
    qtbot.waitUntil(lambda: row.current_frame == 2)
    assert batch_render_dialog.current_dialog() is dialog

    # Escape closes like the Close button: hidden, renders untouched
    qtbot.keyClick(again, QtCore.Qt.Key.Key_Escape)
    assert not again.isVisible() and fake_controller.stop_all_calls == 0
    again.shutdown()


def test_a_new_dialog_shows_the_running_job_it_missed(qtbot, make_dialog, fake_controller):
    first = make_dialog(fake_controller)
    job = start_job(qtbot, first, fake_controller)
    fake_controller.run_task(job, "t0001", "MASTER_BG_A", [1, 2, 3], pid=777)
    second = make_dialog(fake_controller)
    row = second.active_renders_table.model.find(job, "t0001")
    assert row is not None and row.pid == 777 and row.state is RowState.RENDERING
    assert row.eta(0) == 42.0  # the engine's estimate


def test_standalone_close_asks_before_stopping_renders(qtbot, make_dialog, fake_controller):
    dialog = make_dialog(fake_controller)
    dialog.owns_renders = True
    job = start_job(qtbot, dialog, fake_controller)
    fake_controller.run_task(job, "t0001", "MASTER_BG_A", [1, 2])
    dialog.confirm = lambda title, text: False
    dialog.close()
    assert dialog.isVisible() and fake_controller.stop_all_calls == 0
    dialog.confirm = lambda title, text: True
    dialog.close()
    assert not dialog.isVisible() and fake_controller.stop_all_calls == 1


def test_mb_scene_asks_for_layer_names(qtbot, make_dialog, fake_controller):
    fake_controller.summary = fake_controller.summary.__class__(
        label="shot001.mb",
        path="/shows/demo/shot001.mb",
        layers=(),
        error="shot001.mb is a Maya Binary scene: listing its layers needs Maya.",
    )
    dialog = make_dialog(fake_controller)
    config = dialog.render_config_widget
    assert "Maya Binary" in config.layer_status.text()
    assert not config.all_layers_check.isChecked() and not config.all_layers_check.isEnabled()
    assert not dialog.control_buttons.start_button.isEnabled()
    config.layer_names_edit.setText("MASTER_BG_A, MASTER_FX_A")
    assert "frame range is empty" in dialog.control_buttons.start_button.toolTip()
    type_frames(qtbot, dialog, "1-10")  # a .mb has no readable range either
    assert dialog.control_buttons.start_button.isEnabled()
    start_job(qtbot, dialog, fake_controller)
    assert fake_controller.started[0].layers == ["MASTER_BG_A", "MASTER_FX_A"]


def test_dialog_is_a_qdialog_with_the_specs_panels(make_dialog, fake_controller):
    dialog = make_dialog(fake_controller, show=False)
    assert isinstance(dialog, QtWidgets.QDialog)
    for name in (
        "system_info_widget",
        "render_config_widget",
        "active_renders_table",
        "logs_monitor",
        "control_buttons",
    ):
        assert isinstance(getattr(dialog, name), QtWidgets.QWidget)


@pytest.mark.parametrize(("button", "answer"), [("Yes", True), ("No", False)])
def test_the_real_confirmation_box_answers(qtbot, button, answer) -> None:
    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)
    which = getattr(QtWidgets.QMessageBox.StandardButton, button)

    def press() -> None:
        boxes = [
            w
            for w in QtWidgets.QApplication.topLevelWidgets()
            if isinstance(w, QtWidgets.QMessageBox) and w.isVisible()
        ]
        if not boxes:
            QtCore.QTimer.singleShot(20, press)
            return
        boxes[0].button(which).click()

    QtCore.QTimer.singleShot(0, press)
    assert prompts.ask_yes_no(parent, "Stop all renders", "Stop?") is answer


def test_scene_notes_and_a_still_frame_are_shown_before_any_job(
    qtbot, make_dialog, fake_controller
):
    from lrc_toolbox.core.scene_source import LayerChoice

    fake_controller.summary = fake_controller.summary.__class__(
        label="cube.ma",
        path="/shows/demo/cube.ma",
        layers=(LayerChoice("masterLayer", "defaultRenderLayer", True, "mayaSoftware", "537"),),
        default_frames="537",
        default_renderer="mayaSoftware",
        notes=("masterLayer: renders the current frame 537 because animation is off",),
    )
    dialog = make_dialog(fake_controller)
    config = dialog.render_config_widget
    assert "Note: masterLayer: renders the current frame 537" in config.layer_status.text()
    assert "mayaSoftware, frames 537" in config.layer_box("masterLayer").toolTip()
    assert "537" in config.frame_field.edit.placeholderText()
