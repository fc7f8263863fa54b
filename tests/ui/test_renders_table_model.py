"""The Active Renders model: rows from engine events, waiting rows, retries, sorting, Qt's rules."""

from __future__ import annotations

import pytest
from fakes import require_qt

require_qt()

from Qt import QtCore  # noqa: E402

from lrc_toolbox.core import events as ev  # noqa: E402
from lrc_toolbox.core.models import TaskState, TaskStatus  # noqa: E402
from lrc_toolbox.ui.models.renders_table_model import (  # noqa: E402
    PROGRESS_ROLE,
    SORT_ROLE,
    Column,
    RendersTableModel,
)
from lrc_toolbox.ui.view_state.render_rows import RowState  # noqa: E402

JOB = "20260101-120000-abcdef"
DISPLAY = QtCore.Qt.ItemDataRole.DisplayRole


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def started(
    task: str, layer: str, frames: list[int], *, attempt: int = 1, slot: str = "GPU 0"
) -> ev.TaskStarted:
    return ev.TaskStarted(
        job_id=JOB,
        task_id=task,
        layer=layer,
        layers=[layer],
        frames=frames,
        gpus=[slot[-1]],
        slot=slot,
        pid=1000 + int(task[1:]),
        attempt=attempt,
        argv=["Render", "-rl", layer],
        log_path=f"/logs/{task}.log",
    )


def job_started(**layers: list[int]) -> ev.JobStarted:
    return ev.JobStarted(job_id=JOB, layers=layers, slots=["GPU 0", "GPU 1"], log_dir="/logs")


def cell(model: RendersTableModel, row: int, column: Column, role=DISPLAY):
    return model.data(model.index(row, column), role)


@pytest.fixture()
def clock() -> Clock:
    return Clock()


@pytest.fixture()
def model(qtbot, clock) -> RendersTableModel:
    return RendersTableModel(clock=clock)


def test_rows_follow_a_job_from_queue_to_done(model, clock, qtmodeltester) -> None:
    model.apply_events([job_started(BG=[1, 2, 3, 4], FX=[1, 2])])
    assert [(r.task_id, r.layer_text, r.frames) for r in model.rows] == [
        ("", "BG", (1, 2, 3, 4)),
        ("", "FX", (1, 2)),
    ]
    assert cell(model, 0, Column.STATUS) == "Queued" and cell(model, 0, Column.TASK) == "queued"
    assert cell(model, 0, Column.FRAMES) == "4"  # queued, its Status says

    model.apply_events(
        [started("t0001", "BG", [1, 2], slot="GPU 0"), started("t0002", "FX", [1, 2], slot="GPU 1")]
    )
    bg_wait = next(r for r in model.rows if r.is_waiting_row)
    assert bg_wait.frames == (3, 4)  # FX's waiting row is gone: all its frames are rendering
    assert [r.task_id for r in model.rows if not r.is_waiting_row] == ["t0001", "t0002"]

    clock.now += 30
    model.apply_events(
        [
            ev.Progress(job_id=JOB, task_id="t0001", layer="BG", frame=1, percent=50.0),
            ev.Progress(job_id=JOB, task_id="t0001", layer="BG", frame=1, percent=100.0),
            ev.FrameDone(
                job_id=JOB, layer="BG", frame=1, task_id="t0001", output="/out/BG/s.0001.exr"
            ),
            ev.Progress(
                job_id=JOB, task_id="t0001", layer="BG", frame=2, percent=50.0, frames_done=1
            ),
        ]
    )
    row = model.find(JOB, "t0001")
    position = model.rows.index(row)
    assert cell(model, position, Column.FRAMES) == "1/2"
    assert cell(model, position, Column.PROGRESS) == "75%"
    assert cell(model, position, Column.PROGRESS, PROGRESS_ROLE) == pytest.approx(0.75)
    assert cell(model, position, Column.STATUS) == "Rendering: frame 2 (50%)"
    assert cell(model, position, Column.ELAPSED) == "0:30"
    # No guess from 30 s of start-up and one frame: the engine's measured estimate, or nothing.
    assert cell(model, position, Column.ETA) == "estimating…"
    assert cell(model, position, Column.PID) == "1001"
    assert cell(model, position, Column.GPU) == "GPU 0"

    model.apply_events(
        [
            ev.FrameDone(job_id=JOB, layer="BG", frame=2, task_id="t0001"),
            ev.TaskFinished(job_id=JOB, task_id="t0001", status="succeeded", exit_code=0),
        ]
    )
    assert row.state is RowState.DONE and row.fraction == 1.0 and row.last_output
    assert cell(model, model.rows.index(row), Column.ETA) == ""
    qtmodeltester.check(model)


def test_missing_frames_wait_again_and_their_retry_says_so(model) -> None:
    model.apply_events([job_started(BG=[1, 2, 3]), started("t0001", "BG", [1, 2, 3])])
    assert not [r for r in model.rows if r.is_waiting_row]
    model.apply_events(
        [
            ev.FrameDone(job_id=JOB, layer="BG", frame=1, task_id="t0001"),
            ev.TaskFinished(
                job_id=JOB,
                task_id="t0001",
                status="failed",
                exit_code=134,
                reason="2 frame(s) without a verified image",
                frames_missing=[2, 3],
            ),
            ev.FrameFailed(
                job_id=JOB, layer="BG", frame=2, reason="crash", task_id="t0001", will_retry=True
            ),
            ev.FrameFailed(
                job_id=JOB, layer="BG", frame=3, reason="crash", task_id="t0001", will_retry=True
            ),
        ]
    )
    failed = model.find(JOB, "t0001")
    # Its missing frames went to a retry: it did not fail (the reason is in the tooltip).
    assert failed.status_text == "Done, 2 frames retried"
    assert "2 frame(s) without a verified image" in failed.status_tooltip
    assert failed.recovering
    waiting = [r for r in model.rows if r.is_waiting_row]
    assert [r.frames for r in waiting] == [(2, 3)]

    model.apply_events([started("t0002", "BG", [2, 3], attempt=2)])
    retry = model.find(JOB, "t0002")
    assert retry.state is RowState.RETRYING
    assert retry.status_text == "Retry 2: starting"
    assert not [r for r in model.rows if r.is_waiting_row]
    model.apply_events(
        [
            ev.FrameDone(job_id=JOB, layer="BG", frame=2, task_id="t0002"),
            ev.TaskFinished(
                job_id=JOB,
                task_id="t0002",
                status="failed",
                reason="licence lost",
                frames_missing=[3],
            ),
            ev.FrameFailed(job_id=JOB, layer="BG", frame=3, reason="licence lost", task_id="t0002"),
            ev.JobFinished(
                job_id=JOB, ok=False, state="failed", layers={"BG": {"done": [1, 2], "failed": [3]}}
            ),
        ]
    )
    assert model.job_finished(JOB)
    assert model.job_summary(JOB) == (2, 1, 3)
    assert retry.status_text == "Failed: 1 frame" and "licence lost" in retry.status_tooltip


def test_cancelled_job_leaves_no_waiting_row_and_stops_running_rows(model) -> None:
    model.apply_events([job_started(BG=[1, 2, 3, 4]), started("t0001", "BG", [1, 2])])
    assert len(model.rows) == 2
    model.apply_events(
        [
            ev.JobFinished(
                job_id=JOB,
                ok=False,
                state="cancelled",
                reason="cancelled by the user",
                layers={"BG": {"done": [], "failed": [1, 2, 3, 4]}},
            )
        ]
    )
    assert [r.task_id for r in model.rows] == ["t0001"]
    assert model.rows[0].state is RowState.STOPPED


def test_a_launch_failure_shows_the_reason(model) -> None:
    model.apply_events(
        [
            job_started(BG=[1]),
            ev.TaskStarted(
                job_id=JOB, task_id="t0001", layer="BG", layers=["BG"], frames=[1], pid=None
            ),
            ev.TaskFinished(
                job_id=JOB,
                task_id="t0001",
                status="failed",
                reason="could not start the render: [Errno 13] Permission denied",
                frames_missing=[1],
            ),
        ]
    )
    row = model.find(JOB, "t0001")
    assert row.status_text == "Ended: 1 frame missing"
    assert "could not start the render: [Errno 13] Permission denied" in row.status_tooltip


def test_a_new_job_replaces_the_earlier_jobs_rows(model) -> None:
    other = "20260101-130000-fedcba"
    model.apply_events(
        [
            job_started(BG=[1]),
            started("t0001", "BG", [1]),
            ev.JobStarted(job_id=other, layers={"BG": [1]}),
            ev.TaskStarted(
                job_id=other, task_id="t0001", layer="BG", layers=["BG"], frames=[1], pid=5
            ),
            ev.TaskFinished(job_id=other, task_id="t0001", status="succeeded"),
        ]
    )
    # Active Renders shows the current job only (earlier jobs are in History); the same task
    # id of two jobs never mixes.
    assert model.find(JOB, "t0001") is None
    assert model.find(other, "t0001").state is RowState.DONE
    assert {row.job_id for row in model.rows} == {other}
    assert model.job_ids() == [JOB, other] and model.current_job == other


def test_status_snapshots_seed_missing_rows_and_update_etas(model, clock) -> None:
    status = TaskStatus(
        task_id="t0003",
        layers=("BG",),
        frames=(5, 6, 7, 8),
        gpu="GPU 1",
        pid=999,
        state=TaskState.RUNNING,
        frames_done=2,
        frames_failed=0,
        current_frame=7,
        percent=10.0,
        attempt=1,
        elapsed_s=20.0,
        eta_s=35.0,
        reason=None,
        log_path="/logs/t0003.log",
    )
    model.apply_status(JOB, [status])
    row = model.find(JOB, "t0003")
    assert row.state is RowState.RENDERING and row.frames_text == "2/4" and row.pid == 999
    assert row.elapsed_s(clock.now) == pytest.approx(20.0)
    assert cell(model, 0, Column.ETA) == "0:35"
    # a later TaskStarted for the same task (the event was still queued) does not duplicate it
    model.apply_events([started("t0003", "BG", [5, 6, 7, 8], slot="GPU 1")])
    assert len(model.rows) == 1


def test_sort_roles_sort_numbers_as_numbers(model, qtbot) -> None:
    model.apply_events([job_started(BG=list(range(1, 21)))])
    for number, done in ((1, 9), (2, 10), (3, 2)):
        model.apply_events([started(f"t000{number}", "BG", list(range(1, 11)))])
        model.apply_events(
            [
                ev.FrameDone(job_id=JOB, layer="BG", frame=f, task_id=f"t000{number}")
                for f in range(1, done + 1)
            ]
        )
    proxy = QtCore.QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(Column.FRAMES, QtCore.Qt.SortOrder.DescendingOrder)
    order = [proxy.data(proxy.index(r, Column.TASK)) for r in range(proxy.rowCount())]
    assert order[:4] == ["t0002", "t0001", "t0003", "queued"]  # 10 before 9 (not "9" > "10")
    proxy.sort(Column.STATUS, QtCore.Qt.SortOrder.AscendingOrder)
    first = proxy.data(proxy.index(0, Column.STATUS))
    assert first.startswith("Rendering")


def test_elapsed_and_eta_ticks_only_touch_running_rows(model, clock, qtbot) -> None:
    model.apply_events([job_started(BG=[1]), started("t0001", "BG", [1])])
    changed = []
    model.dataChanged.connect(lambda top, bottom, *_: changed.append((top.row(), top.column())))
    model.tick()
    assert changed == [(0, Column.ELAPSED)]  # one signal for the span of running rows
    model.apply_events([ev.TaskFinished(job_id=JOB, task_id="t0001", status="succeeded")])
    changed.clear()
    model.tick()
    assert changed == []


def test_headers_and_model_rules(model, qtmodeltester) -> None:
    assert [model.headerData(c, QtCore.Qt.Orientation.Horizontal) for c in Column] == [
        "Task",
        "PID",
        "Layer",
        "GPU",
        "Frames",
        "Progress",
        "Status",
        "Elapsed",
        "ETA",
    ]
    qtmodeltester.check(model)
    model.apply_events([job_started(BG=[1, 2], FX=[1]), started("t0001", "BG", [1, 2])])
    qtmodeltester.check(model)


def test_views_hear_about_changed_rows_once_per_repaint(model) -> None:
    model.apply_events(
        [
            job_started(BG=[1, 2], FX=[1, 2]),
            started("t0001", "BG", [1, 2]),
            started("t0002", "FX", [1, 2], slot="GPU 1"),
        ]
    )
    model.flush_changes()
    signals = []
    model.dataChanged.connect(lambda top, bottom, *_: signals.append((top.row(), bottom.row())))
    for percent in (10.0, 20.0, 30.0):
        model.apply_events(
            [
                ev.Progress(job_id=JOB, task_id="t0001", layer="BG", frame=1, percent=percent),
                ev.Progress(job_id=JOB, task_id="t0002", layer="FX", frame=1, percent=percent),
            ]
        )
    assert signals == []  # the rows already hold the new values; views are told in one go
    assert model.find(JOB, "t0002").percent == 30.0
    model.flush_changes()
    first, second = (
        model.rows.index(model.find(JOB, "t0001")),
        model.rows.index(model.find(JOB, "t0002")),
    )
    assert signals == [(min(first, second), max(first, second))]
