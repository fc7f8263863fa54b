"""HistoryPresenter: one read of each kind in flight, the latest one asked for next, errors shown.

The worker pool is replaced by a runner that holds each call until the test completes it, so the
order of reads and answers is the test's (no timing, no sleeps); the panel and the bar are real.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fakes import FAKE_EPOCH_S, FakeController, require_qt

require_qt()

from lrc_toolbox.ui.controller import ControllerError, JobRow  # noqa: E402
from lrc_toolbox.ui.presenters.history_presenter import HistoryPresenter  # noqa: E402
from lrc_toolbox.ui.widgets.history_panel import HistoryPanel  # noqa: E402
from lrc_toolbox.ui.widgets.message_bar import MessageBar  # noqa: E402


class HeldRunner:
    """Runs nothing until told: ``complete()`` runs the oldest held call and delivers its answer."""

    def __init__(self) -> None:
        self.held: list[tuple[Callable[[], Any], Callable, Callable]] = []

    def run(self, fn, on_done, on_error) -> int:
        self.held.append((fn, on_done, on_error))
        return len(self.held)

    def complete(self) -> None:
        fn, on_done, on_error = self.held.pop(0)
        try:
            result = fn()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)


def job(job_id: str, minute: int) -> JobRow:
    return JobRow(
        job_id=job_id,
        state="failed",
        scene="/shows/s/shot001.ma",
        created_at=FAKE_EPOCH_S + 60 * minute,
        ended_at=FAKE_EPOCH_S + 60 * minute + 30,
        frames_done=3,
        frames_total=4,
        frames_failed=1,
    )


def make(qtbot, controller: FakeController, shown: bool = True):
    panel = HistoryPanel()
    bar = MessageBar()
    qtbot.addWidget(panel)
    qtbot.addWidget(bar)
    runner = HeldRunner()
    presenter = HistoryPresenter(
        controller,
        panel,
        runner,  # type: ignore[arg-type]
        bar,
        confirm=lambda _title, _text: True,
        is_shown=lambda: shown,
        is_busy=lambda: False,
    )
    return presenter, panel, bar, runner


def test_list_reads_asked_for_meanwhile_run_once_after_the_first(qtbot) -> None:
    controller = FakeController()
    controller.add_stored_job(job("a", 1))
    presenter, panel, _bar, runner = make(qtbot, controller)
    for _ in range(4):
        presenter.refresh()
    assert len(runner.held) == 1
    runner.complete()
    assert [row.job_id for row in panel.jobs.records] == ["a"]
    assert len(runner.held) == 1  # the reads asked for meanwhile: one more, not three
    controller.add_stored_job(job("b", 2))
    runner.complete()
    assert {row.job_id for row in panel.jobs.records} == {"a", "b"}
    assert runner.held == [] and controller.history_calls == 2


def test_the_latest_selected_jobs_details_are_read_next(qtbot) -> None:
    controller = FakeController()
    for n, name in enumerate(("a", "b", "c")):
        controller.add_stored_job(job(name, n))
    presenter, _panel, _bar, runner = make(qtbot, controller)
    presenter.request_details("a")
    presenter.request_details("b")
    presenter.request_details("c")
    assert len(runner.held) == 1
    runner.complete()
    runner.complete()
    assert controller.details_calls == ["a", "c"] and runner.held == []
    presenter.request_details("a")
    presenter.request_details("b")
    presenter.request_details("")  # the selection was cleared: "b" is no longer wanted
    runner.complete()
    assert controller.details_calls == ["a", "c", "a"] and runner.held == []


def test_a_failed_read_is_shown_and_the_next_one_still_runs(qtbot) -> None:
    controller = FakeController()
    controller.history_error = ControllerError("cannot read the job history: disk I/O error")
    presenter, panel, _bar, runner = make(qtbot, controller)
    presenter.refresh()
    presenter.refresh()
    runner.complete()
    assert "disk I/O error" in panel.status_label.text()
    controller.history_error = None
    runner.complete()
    assert panel.status_label.text().startswith("0 jobs")
    presenter.refresh()
    assert len(runner.held) == 1  # the gate is open again


def test_reads_follow_the_tab_being_shown(qtbot) -> None:
    controller = FakeController()
    presenter, _panel, _bar, runner = make(qtbot, controller, shown=False)
    presenter.update_shown()
    presenter.refresh_if_shown()
    assert runner.held == [] and not presenter.timer.isActive()
    shown, _panel2, _bar2, shown_runner = make(qtbot, controller, shown=True)
    shown.update_shown()
    assert len(shown_runner.held) == 1 and shown.timer.isActive()
    shown.stop()
    assert not shown.timer.isActive()


def test_an_orphaned_job_is_offered_with_resume_cancel_and_history(qtbot) -> None:
    controller = FakeController()
    for name, minute in (("old", 1), ("new", 2)):
        controller.add_stored_job(
            JobRow(
                job_id=name,
                state="running",
                scene="/tmp/shot001.ma",
                created_at=FAKE_EPOCH_S + 60 * minute,
                ended_at=None,
                frames_done=1,
                frames_total=4,
                frames_failed=0,
                orphaned=True,
            )
        )
    presenter, _panel, bar, runner = make(qtbot, controller)
    resumed: list[str] = []
    shown: list[bool] = []
    presenter.resume_requested.connect(resumed.append)
    presenter.show_requested.connect(lambda: shown.append(True))
    presenter.check_orphaned_jobs()
    runner.complete()
    assert bar.text().startswith("Job new (shot001.ma, 1/4 frames verified)")
    assert [button.text() for button in bar.action_buttons()] == [
        "Resume",
        "Cancel",
        "Show History",
    ]
    bar.action_button("Resume").click()
    bar.action_button("Show History").click()
    assert resumed == ["new"] and shown == [True]
