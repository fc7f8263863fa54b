"""The History tab, the orphaned-job offer and end-of-job notifications, over the fake controller.

The fake controller keeps a job store's view (jobs of this session plus stored ones) and refuses
what the engine refuses; every slow call must arrive on a worker thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from fakes import require_qt

require_qt()

from fakes import FAKE_EPOCH_S, SAMPLE_SCENE, FakeController  # noqa: E402
from Qt import QtCore, QtWidgets  # noqa: E402

from lrc_toolbox.core import events as ev  # noqa: E402
from lrc_toolbox.core.notifications import job_finished_message  # noqa: E402
from lrc_toolbox.ui import standalone, tray_notifier  # noqa: E402
from lrc_toolbox.ui.controller import (  # noqa: E402
    FrameFailure,
    JobDetails,
    JobRow,
    TaskDetail,
)
from lrc_toolbox.ui.models.history_table_models import (  # noqa: E402
    HISTORY_SORT_ROLE,
    JobColumn,
)
from lrc_toolbox.ui.tray_notifier import install_tray_notifier  # noqa: E402

GB = 1024**3


# -- stored jobs ------------------------------------------------------------------------------------
def failed_job(tmp_path: Path) -> tuple[JobRow, JobDetails]:
    """A job of an earlier session: 22 of 24 frames, frames 7 and 9 failed on GPU 1."""
    logs = tmp_path / "logs" / "20261120-093000-aaaaaa"
    logs.mkdir(parents=True)
    for name in ("t0001_MASTER_BG_A_a1.log", "t0002_MASTER_BG_A_a1.log"):
        (logs / name).write_text("Render log\n")
    images = tmp_path / "images"
    images.mkdir()
    row = JobRow(
        job_id="20261120-093000-aaaaaa",
        state="failed",
        scene="/shows/s/shot001.ma",
        created_at=FAKE_EPOCH_S - 3 * 86400,
        ended_at=FAKE_EPOCH_S - 3 * 86400 + 75,
        frames_done=22,
        frames_total=24,
        frames_failed=2,
        reason=None,
    )
    tasks = (
        TaskDetail(
            task_id="t0001",
            layers=("MASTER_BG_A",),
            frames=tuple(range(1, 13)),
            state="succeeded",
            gpu="0",
            attempt=1,
            pid=4101,
            peak_gpu_memory=int(8.5 * GB),
            log_path=str(logs / "t0001_MASTER_BG_A_a1.log"),
            started_at=row.created_at + 2,
            ended_at=row.created_at + 60,
        ),
        TaskDetail(
            task_id="t0002",
            layers=("MASTER_BG_A",),
            frames=tuple(range(13, 25)),
            state="failed",
            gpu="1",
            attempt=2,
            pid=4102,
            peak_gpu_memory=None,
            log_path=str(logs / "t0002_MASTER_BG_A_a1.log"),
            reason="CUDA error",
            started_at=row.created_at + 3,
            ended_at=row.created_at + 70,
        ),
    )
    failures = (
        FrameFailure(
            layer="MASTER_BG_A", frame=7, reason="CUDA error", attempts=2, gpu="1", task_id="t0002"
        ),
        FrameFailure(
            layer="MASTER_BG_A", frame=9, reason="CUDA error", attempts=2, gpu="1", task_id="t0002"
        ),
    )
    details = JobDetails(
        job=row,
        tasks=tasks,
        failed_frames=failures,
        output_folder=str(images),
        log_folder=str(logs),
        renderer="redshift",
    )
    return row, details


def orphaned_job(job_id: str = "20261122-180000-bbbbbb", hours_ago: float = 20) -> JobRow:
    """A job whose manager (Maya) crashed while it rendered."""
    return JobRow(
        job_id=job_id,
        state="running",
        scene="/tmp/lrc_toolbox-x/shot001_snapshot.ma",
        created_at=FAKE_EPOCH_S - hours_ago * 3600,
        ended_at=None,
        frames_done=5,
        frames_total=12,
        frames_failed=0,
        orphaned=True,
        running_renders=1,
    )


def succeeded_job() -> JobRow:
    return JobRow(
        job_id="20261121-120000-cccccc",
        state="succeeded",
        scene="/shows/s/shot002.ma",
        created_at=FAKE_EPOCH_S - 2 * 86400,
        ended_at=FAKE_EPOCH_S - 2 * 86400 + 3725,
        frames_done=8,
        frames_total=8,
        frames_failed=0,
    )


def show_history(qtbot, dialog) -> None:
    tabs = dialog.views_tabs
    tabs.tabBar().setCurrentIndex(tabs.indexOf(dialog.history_panel))
    assert dialog.history_shown


def wait_for_jobs(qtbot, dialog, count: int) -> None:
    qtbot.waitUntil(lambda: len(dialog.history_panel.jobs.records) == count)


def cell(panel, job_id: str, column: int) -> str:
    model = panel.jobs
    return model.index(model.position_of(job_id), column).data()


def job_order(panel) -> list[str]:
    proxy = panel.jobs_proxy
    return [proxy.index(row, JobColumn.JOB).data() for row in range(proxy.rowCount())]


def select_and_wait(qtbot, dialog, job_id: str) -> None:
    panel = dialog.history_panel
    assert panel.select_job(job_id)
    qtbot.waitUntil(lambda: panel.details is not None and panel.details.job.job_id == job_id)


@pytest.fixture()
def stored(fake_controller: FakeController, tmp_path: Path):
    """The fake store holds a failed job, an orphaned job and a succeeded job."""
    row, details = failed_job(tmp_path)
    fake_controller.add_stored_job(row, details)
    fake_controller.add_stored_job(succeeded_job())
    return fake_controller, row, details


# -- the list ---------------------------------------------------------------------------------------
def test_history_lists_recent_jobs_read_off_the_gui_thread(qtbot, make_dialog, stored) -> None:
    controller, failed, _ = stored
    orphan = controller.add_stored_job(orphaned_job())
    dialog = make_dialog(controller)
    assert controller.history_calls == 0  # nothing is read until the tab is shown
    show_history(qtbot, dialog)
    wait_for_jobs(qtbot, dialog, 3)
    assert controller.threads["history"] != threading.current_thread().name
    panel = dialog.history_panel
    assert job_order(panel) == [orphan.job_id, "20261121-120000-cccccc", failed.job_id]
    # the state in the dialog's words: how many frames failed, not a bare "failed"
    assert cell(panel, failed.job_id, JobColumn.STATE) == "2 frames failed"
    assert cell(panel, failed.job_id, JobColumn.FRAMES) == "22/24"
    assert cell(panel, failed.job_id, JobColumn.FAILED) == "2"
    assert cell(panel, failed.job_id, JobColumn.DURATION) == "1:15"
    assert cell(panel, failed.job_id, JobColumn.SCENE) == "shot001.ma"
    assert cell(panel, "20261121-120000-cccccc", JobColumn.DURATION) == "1:02:05"
    assert cell(panel, orphan.job_id, JobColumn.STATE) == "Orphaned"
    assert "1 orphaned" in panel.status_label.text() and "3 jobs" in panel.status_label.text()
    # sortable: by frames done, ascending
    panel.jobs_view.sortByColumn(JobColumn.FRAMES, QtCore.Qt.SortOrder.AscendingOrder)
    assert job_order(panel) == [orphan.job_id, "20261121-120000-cccccc", failed.job_id]
    panel.jobs_view.sortByColumn(JobColumn.FAILED, QtCore.Qt.SortOrder.DescendingOrder)
    assert job_order(panel)[0] == failed.job_id
    index = panel.jobs.index(panel.jobs.position_of(failed.job_id), JobColumn.FRAMES)
    assert index.data(HISTORY_SORT_ROLE) == 22  # numbers sort as numbers


def test_a_job_store_error_is_shown_in_the_panel(qtbot, make_dialog, fake_controller) -> None:
    from lrc_toolbox.ui.controller import ControllerError

    fake_controller.history_error = ControllerError("cannot read the job history: disk I/O error")
    dialog = make_dialog(fake_controller)
    show_history(qtbot, dialog)
    label = dialog.history_panel.status_label
    qtbot.waitUntil(lambda: "Could not read the job history" in label.text())
    assert "disk I/O error" in label.text()


def test_selecting_a_job_shows_its_renders_failed_frames_and_opens_logs(
    qtbot, make_dialog, stored
) -> None:
    controller, failed, details = stored
    dialog = make_dialog(controller)
    show_history(qtbot, dialog)
    wait_for_jobs(qtbot, dialog, 2)
    panel = dialog.history_panel
    select_and_wait(qtbot, dialog, failed.job_id)
    assert controller.threads["job_details"] != threading.current_thread().name
    tasks = panel.tasks
    assert [t.task_id for t in tasks.records] == ["t0001", "t0002"]
    # the GPU named as System Resources and Active Renders name it: index and model
    assert tasks.index(0, 3).data() == "GPU 0 · RTX A5000" and tasks.index(1, 4).data() == "2"
    assert tasks.index(0, 6).data() == "8.5 GB" and tasks.index(1, 6).data() == ""
    assert tasks.index(1, 6).data(QtCore.Qt.ItemDataRole.ToolTipRole) == "NVML could not tell"
    assert tasks.index(0, 2).data() == "1-12" and tasks.index(0, 8).data() == "0:58"
    assert panel.detail_tabs.tabText(2) == "Failed frames (2)"
    assert [(f.frame, f.attempts) for f in panel.failures.records] == [(7, 2), (9, 2)]
    assert "shot001.ma" in panel.details_label.text()
    assert details.output_folder in panel.details_label.text()

    # Open log: the job's log folder, or the selected render's log; Open output folder.
    assert panel.open_log_button.isEnabled() and panel.open_folder_button.isEnabled()
    panel.open_log_button.click()
    panel.open_folder_button.click()
    assert panel.select_task("t0002")
    panel.open_log_button.click()
    assert dialog.opened_paths == [
        details.log_folder,
        details.output_folder,
        details.tasks[1].log_path,
    ]
    # a finished job with failed frames: re-run, not resume or cancel
    assert panel.rerun_button.isEnabled()
    assert not panel.resume_button.isEnabled() and not panel.cancel_button.isEnabled()


def test_re_run_failed_frames_starts_a_job_that_active_renders_follows(
    qtbot, make_dialog, stored
) -> None:
    controller, failed, _ = stored
    dialog = make_dialog(controller)
    show_history(qtbot, dialog)
    wait_for_jobs(qtbot, dialog, 2)
    select_and_wait(qtbot, dialog, failed.job_id)
    dialog.history_panel.rerun_button.click()
    qtbot.waitUntil(lambda: controller.retried == [failed.job_id] and not dialog.busy)
    assert controller.threads["retry_job"] != threading.current_thread().name
    new_job = controller.active_job().job_id
    config = controller._jobs[new_job]
    assert config.layers == ["MASTER_BG_A"] and config.layer_frames == {"MASTER_BG_A": "7,9"}
    assert dialog.views_tabs.currentWidget() is dialog.active_renders_table
    assert f"Started job {new_job}: 2 frames" in dialog.message_bar.text()
    model = dialog.active_renders_table.model
    qtbot.waitUntil(lambda: new_job in model.job_ids())
    controller.run_task(new_job, "t0001", "MASTER_BG_A", [7, 9])
    qtbot.waitUntil(lambda: model.find(new_job, "t0001") is not None)

    # while it runs, nothing else may start from History
    show_history(qtbot, dialog)
    qtbot.waitUntil(lambda: new_job in [r.job_id for r in dialog.history_panel.jobs.records])
    select_and_wait(qtbot, dialog, failed.job_id)
    panel = dialog.history_panel
    assert not panel.rerun_button.isEnabled()
    assert "running" in panel.rerun_button.toolTip()
    controller.finish_task(new_job, "t0001")
    controller.finish_job(new_job)
    qtbot.waitUntil(lambda: panel.rerun_button.isEnabled())
    # the job's end refreshed the list while it was shown
    qtbot.waitUntil(lambda: cell(panel, new_job, JobColumn.STATE) == "All verified")


def test_resume_and_cancel_act_on_an_orphaned_job(qtbot, make_dialog, fake_controller) -> None:
    first = fake_controller.add_stored_job(orphaned_job("20261122-180000-bbbbbb"))
    second = fake_controller.add_stored_job(orphaned_job("20261122-190000-dddddd", 19))
    dialog = make_dialog(fake_controller)
    show_history(qtbot, dialog)
    wait_for_jobs(qtbot, dialog, 2)
    panel = dialog.history_panel
    select_and_wait(qtbot, dialog, first.job_id)
    assert panel.resume_button.isEnabled() and panel.cancel_button.isEnabled()
    assert not panel.rerun_button.isEnabled()

    questions = []
    dialog.confirm = lambda title, text: questions.append(text) or False
    panel.cancel_button.click()
    assert questions and first.job_id in questions[0] and fake_controller.cancelled == []
    dialog.confirm = lambda title, text: True
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: "cancelled" in dialog.message_bar.text())
    assert fake_controller.cancelled == [first.job_id]
    assert fake_controller.threads["cancel_job"] != threading.current_thread().name
    qtbot.waitUntil(lambda: cell(panel, first.job_id, JobColumn.STATE).startswith("Stopped"))
    qtbot.waitUntil(lambda: not panel.cancel_button.isEnabled())

    select_and_wait(qtbot, dialog, second.job_id)
    panel.resume_button.click()
    qtbot.waitUntil(lambda: fake_controller.resumed == [second.job_id] and not dialog.busy)
    assert fake_controller.threads["resume_job"] != threading.current_thread().name
    assert fake_controller.active_job().job_id == second.job_id
    assert f"Started job {second.job_id}" in dialog.message_bar.text()


def test_a_refused_action_is_a_message(qtbot, make_dialog, fake_controller) -> None:
    orphan = fake_controller.add_stored_job(orphaned_job())
    dialog = make_dialog(fake_controller)
    fake_controller.stored[orphan.job_id] = JobRow(
        **{**orphan.__dict__, "orphaned": False, "manager_alive": True}
    )
    dialog.resume_job(orphan.job_id)  # another process took it over meanwhile
    qtbot.waitUntil(lambda: "Not started" in dialog.message_bar.text())
    assert "still running in another process" in dialog.message_bar.text()
    assert dialog.message_bar.level == "error" and not dialog.busy


# -- the orphaned-job offer -------------------------------------------------------------------------
def test_an_orphaned_job_is_offered_when_the_dialog_opens(
    qtbot, make_dialog, fake_controller
) -> None:
    orphan = fake_controller.add_stored_job(orphaned_job())
    dialog = make_dialog(fake_controller)
    bar = dialog.message_bar
    qtbot.waitUntil(lambda: bar.action_button("Resume") is not None)
    assert fake_controller.threads["orphaned_jobs"] != threading.current_thread().name
    assert orphan.job_id in bar.text() and "5/12 frames verified" in bar.text()
    assert "may still be running" in bar.text() and bar.level == "warning"
    assert [b.text() for b in bar.action_buttons()] == ["Resume", "Cancel"]
    bar.action_button("Resume").click()
    qtbot.waitUntil(lambda: fake_controller.resumed == [orphan.job_id] and not dialog.busy)
    assert bar.action_buttons() == []  # the next message replaced the offer
    assert f"Started job {orphan.job_id}" in bar.text()


def test_the_offer_comes_back_after_reload_and_cancel_asks_first(
    qtbot, make_dialog, fake_controller
) -> None:
    dialog = make_dialog(fake_controller)
    bar = dialog.message_bar
    dialog.render_config_widget.reload_requested.emit()
    qtbot.waitUntil(lambda: fake_controller.summary is not None and not dialog.runner.busy)
    assert bar.action_buttons() == []  # nothing orphaned, nothing offered
    older = fake_controller.add_stored_job(orphaned_job("20261122-170000-eeeeee", 21))
    newest = fake_controller.add_stored_job(orphaned_job())
    dialog.render_config_widget.reload_requested.emit()
    qtbot.waitUntil(lambda: bar.action_button("Cancel") is not None)
    assert newest.job_id in bar.text() and "1 more orphaned job in History" in bar.text()
    assert [b.text() for b in bar.action_buttons()] == ["Resume", "Cancel", "Show History"]
    dialog.confirm = lambda title, text: False
    bar.action_button("Cancel").click()
    assert fake_controller.cancelled == []
    dialog.confirm = lambda title, text: True
    bar.action_button("Cancel").click()
    qtbot.waitUntil(lambda: fake_controller.cancelled == [newest.job_id])
    dialog.render_config_widget.reload_requested.emit()
    qtbot.waitUntil(
        lambda: bar.action_button("Show History") is None and older.job_id in bar.text()
    )
    bar.action_button("Cancel").click()
    qtbot.waitUntil(lambda: fake_controller.cancelled == [newest.job_id, older.job_id])


def test_show_history_button_opens_the_tab(qtbot, make_dialog, fake_controller) -> None:
    fake_controller.add_stored_job(orphaned_job("20261122-170000-eeeeee", 21))
    fake_controller.add_stored_job(orphaned_job())
    dialog = make_dialog(fake_controller)
    bar = dialog.message_bar
    qtbot.waitUntil(lambda: bar.action_button("Show History") is not None)
    bar.action_button("Show History").click()
    assert dialog.history_shown
    wait_for_jobs(qtbot, dialog, 2)


def test_no_resume_is_offered_while_a_job_runs_here(qtbot, make_dialog, fake_controller) -> None:
    dialog = make_dialog(fake_controller)
    dialog.control_buttons.start_button.click()
    qtbot.waitUntil(lambda: len(fake_controller.started) == 1 and not dialog.busy)
    fake_controller.add_stored_job(orphaned_job())
    dialog.check_orphaned_jobs()
    bar = dialog.message_bar
    qtbot.waitUntil(lambda: bar.action_button("Cancel") is not None)
    assert bar.action_button("Resume") is None


# -- end-of-job notifications -----------------------------------------------------------------------
class FakeTray:
    """Stands in for QSystemTrayIcon: records what it was asked to show."""

    def __init__(self) -> None:
        self.visible = False
        self.messages: list[tuple[str, str, object, int]] = []

    def show(self) -> None:
        self.visible = True

    def hide(self) -> None:
        self.visible = False

    def showMessage(self, title, body, icon, msecs) -> None:  # noqa: N802 (Qt API)
        self.messages.append((title, body, icon, msecs))


def finish_a_job_with_failures(qtbot, dialog, controller: FakeController) -> str:
    dialog.control_buttons.start_button.click()
    qtbot.waitUntil(lambda: len(controller.started) == 1 and not dialog.busy)
    job = controller.active_job().job_id
    controller.run_task(job, "t0001", "MASTER_BG_A", [1, 2, 3])
    controller.finish_task(job, "t0001", status="failed", reason="CUDA error", missing=[2, 3])
    controller.finish_job(job)
    return job


def test_a_finished_job_is_announced_in_the_bar_and_to_the_tray(
    qtbot, make_dialog, fake_controller
) -> None:
    dialog = make_dialog(fake_controller)
    tray = FakeTray()
    notifier = install_tray_notifier(dialog, available=lambda: True, make_tray=lambda _d: tray)
    assert notifier is not None and tray.visible
    announced = []
    dialog.job_finished.connect(announced.append)
    job = finish_a_job_with_failures(qtbot, dialog, fake_controller)
    qtbot.waitUntil(lambda: len(tray.messages) == 1)
    title, body, icon, _ms = tray.messages[0]
    assert title == "Render finished with failures"
    assert "MASTER_BG_A frames 2-3" in body
    assert icon == QtWidgets.QSystemTrayIcon.MessageIcon.Warning
    assert [event.job_id for event in announced] == [job]
    text = dialog.message_bar.text()
    assert f"{title} (job {job}): {body}" in text and "CUDA error" in text
    assert dialog.message_bar.level == "error"
    # the same end event again (e.g. from a status merge) is not announced twice
    notifier.notify(announced[0])
    assert len(tray.messages) == 1
    notifier.hide()
    assert not tray.visible


def test_a_successful_job_says_so_in_the_words_of_the_notification(
    qtbot, make_dialog, fake_controller
) -> None:
    dialog = make_dialog(fake_controller)
    dialog.control_buttons.start_button.click()
    qtbot.waitUntil(lambda: len(fake_controller.started) == 1 and not dialog.busy)
    job = fake_controller.active_job().job_id
    with qtbot.waitSignal(dialog.job_finished) as finished:
        fake_controller.finish_job(job)
    title, body = job_finished_message(finished.args[0])
    assert dialog.message_bar.text() == f"{title} (job {job}): {body}"
    assert dialog.message_bar.level == "success"


def test_without_a_system_tray_nothing_is_installed(qtbot, make_dialog, fake_controller) -> None:
    dialog = make_dialog(fake_controller)
    made = []
    assert (
        install_tray_notifier(
            dialog, available=lambda: False, make_tray=lambda d: made.append(d) or FakeTray()
        )
        is None
    )
    assert made == []


def test_the_standalone_app_shows_tray_messages(
    qtbot, monkeypatch, render_env, standin_exe, tmp_path
) -> None:
    from lrc_toolbox.ui.dialogs.batch_render_dialog import BatchRenderDialog

    tray = FakeTray()
    monkeypatch.setattr(tray_notifier, "system_tray_available", lambda: True)
    monkeypatch.setattr(tray_notifier, "make_tray_icon", lambda _window: tray)
    event = ev.JobFinished(
        job_id="20261123-120000-ffffff",
        ok=True,
        state="succeeded",
        layers={"MASTER_BG_A": {"done": [1, 2], "failed": []}},
        elapsed_s=3,
    )

    def announce_then_close() -> None:
        dialogs = [
            w
            for w in QtWidgets.QApplication.topLevelWidgets()
            if isinstance(w, BatchRenderDialog) and w.isVisible()
        ]
        if not dialogs or dialogs[0].scene is None:
            QtCore.QTimer.singleShot(50, announce_then_close)
            return
        dialogs[0].job_finished.emit(event)
        dialogs[0].close()

    QtCore.QTimer.singleShot(0, announce_then_close)
    code = standalone.main(
        [
            "--scene",
            str(SAMPLE_SCENE),
            "--render-exe",
            standin_exe,
            "--store",
            str(tmp_path / "jobs.sqlite3"),
        ]
    )
    assert code == 0
    assert tray.messages == [
        (
            "Render finished",
            "All 2 frames rendered and verified in 3s.",
            QtWidgets.QSystemTrayIcon.MessageIcon.Information,
            tray_notifier.TRAY_MESSAGE_MS,
        )
    ]
    assert not tray.visible  # removed from the tray when the app ends


def test_every_cell_of_the_history_tables_answers_every_role(tmp_path) -> None:
    from lrc_toolbox.ui.models.history_table_models import (
        RECORD_ROLE,
        failures_model,
        jobs_model,
        tasks_model,
    )

    row, details = failed_job(tmp_path)
    unknown = TaskDetail(
        task_id="t0009", layers=("A", "B"), frames=(), state="queued", gpu=None, attempt=1
    )
    roles = [
        QtCore.Qt.ItemDataRole.DisplayRole,
        QtCore.Qt.ItemDataRole.ToolTipRole,
        QtCore.Qt.ItemDataRole.ForegroundRole,
        QtCore.Qt.ItemDataRole.TextAlignmentRole,
        HISTORY_SORT_ROLE,
        RECORD_ROLE,
    ]
    for model, records in (
        (jobs_model(), [row, orphaned_job(), succeeded_job()]),
        (tasks_model(), [*details.tasks, unknown]),
        (failures_model(), list(details.failed_frames)),
    ):
        model.set_records(records)
        for position in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(position, column)
                for role in roles:
                    index.data(role)  # a wrong cell function would raise (or crash Qt)
                assert isinstance(index.data(), str)
                assert index.data(RECORD_ROLE) is records[position]
            assert model.headerData(0, QtCore.Qt.Orientation.Horizontal)


def test_the_real_tray_icon_brings_the_window_back(qtbot, make_dialog, fake_controller) -> None:
    dialog = make_dialog(fake_controller)
    assert isinstance(tray_notifier.system_tray_available(), bool)
    tray = tray_notifier.make_tray_icon(dialog)
    assert isinstance(tray, QtWidgets.QSystemTrayIcon)
    assert tray.toolTip() == tray_notifier.TRAY_TOOLTIP and not tray.icon().isNull()
    dialog.hide()
    tray.messageClicked.emit()
    assert dialog.isVisible()
