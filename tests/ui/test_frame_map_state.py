"""The frame map's state (Qt-free): one cell per frame from the engine's events or the store, where
each cell sits, and which log lines belong to a frame."""

from __future__ import annotations

import random
import time

import pytest

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.models import JobState, TaskState
from lrc_toolbox.ui.view_state.frame_logs import frame_log_records, frame_part, new_parser
from lrc_toolbox.ui.view_state.frame_map import FrameCell, FrameMapState, StoredFrame
from lrc_toolbox.ui.view_state.frame_map_geometry import (
    CELL_SIZES_PX,
    TITLE_HEIGHT_PX,
    layout_map,
)

JOB = "job1"
C = FrameCell


def _cells(state: FrameMapState, layer: str) -> list[FrameCell]:
    return [FrameCell(value) for value in state.layers[layer].cells]


def _job_with_a_retry_and_a_final_failure() -> list[ev.Event]:
    """BG 1-4: t0001 crashes on frame 3 (3, 4 retried); the retry verifies 3 and loses 4."""
    return [
        ev.JobStarted(job_id=JOB, layers={"BG": [1, 2, 3, 4]}, renderer="redshift"),
        ev.TaskStarted(job_id=JOB, task_id="t0001", layer="BG", layers=["BG"], frames=[1, 2, 3, 4]),
        ev.Progress(job_id=JOB, task_id="t0001", layer="BG", frame=1, percent=50.0),
        ev.FrameDone(job_id=JOB, layer="BG", frame=1, task_id="t0001"),
        ev.Progress(job_id=JOB, task_id="t0001", layer="BG", frame=2, percent=10.0),
        ev.FrameDone(job_id=JOB, layer="BG", frame=2, task_id="t0001"),
        ev.Progress(job_id=JOB, task_id="t0001", layer="BG", frame=3, percent=80.0),
        ev.TaskFinished(
            job_id=JOB, task_id="t0001", status=TaskState.FAILED, frames_missing=[3, 4]
        ),
        ev.FrameFailed(
            job_id=JOB, layer="BG", frame=3, reason="crashed", task_id="t0001", will_retry=True
        ),
        ev.FrameFailed(
            job_id=JOB, layer="BG", frame=4, reason="crashed", task_id="t0001", will_retry=True
        ),
        ev.TaskStarted(
            job_id=JOB, task_id="t0002", layer="BG", layers=["BG"], frames=[3, 4], attempt=2
        ),
        ev.FrameDone(job_id=JOB, layer="BG", frame=3, task_id="t0002"),
        ev.TaskFinished(job_id=JOB, task_id="t0002", status=TaskState.FAILED, frames_missing=[4]),
        ev.FrameFailed(job_id=JOB, layer="BG", frame=4, reason="empty image", task_id="t0002"),
        ev.JobFinished(
            job_id=JOB,
            state=JobState.FAILED,
            layers={"BG": {"done": [1, 2, 3], "failed": [4]}},
        ),
    ]


def test_a_job_with_a_retry_and_a_final_failure_step_by_step() -> None:
    state = FrameMapState()
    events = _job_with_a_retry_and_a_final_failure()
    state.apply(events[:3])
    assert _cells(state, "BG") == [C.RENDERING, C.ASSIGNED, C.ASSIGNED, C.ASSIGNED]
    assert state.info("BG", 1).percent == 50.0
    state.apply(events[3:7])
    assert _cells(state, "BG") == [C.VERIFIED, C.VERIFIED, C.RENDERING, C.ASSIGNED]
    state.apply(events[7:10])
    assert _cells(state, "BG") == [C.VERIFIED, C.VERIFIED, C.RETRYING, C.RETRYING]
    assert state.info("BG", 3).reason == "crashed"
    state.apply(events[10:])
    assert _cells(state, "BG") == [C.VERIFIED, C.VERIFIED, C.VERIFIED, C.FAILED]
    third, fourth = state.info("BG", 3), state.info("BG", 4)
    assert (third.attempts, third.tasks, third.retried) == (2, ("t0001", "t0002"), True)
    assert (fourth.attempts, fourth.reason) == (2, "empty image")
    assert state.finished and state.end_state is JobState.FAILED
    assert state.counts()[C.FAILED] == 1 and state.retried_verified() == 1
    assert state.renderer == "redshift"


def test_a_stopped_job_leaves_frames_not_rendered_not_failed() -> None:
    state = FrameMapState()
    state.apply(
        [
            ev.JobStarted(job_id=JOB, layers={"BG": [1, 2, 3, 4]}),
            ev.TaskStarted(job_id=JOB, task_id="t0001", layers=["BG"], frames=[1, 2]),
            ev.FrameDone(job_id=JOB, layer="BG", frame=1, task_id="t0001"),
            ev.FrameFailed(job_id=JOB, layer="BG", frame=4, reason="licence", task_id="t0001"),
            ev.FrameFailed(job_id=JOB, layer="BG", frame=3, reason="cancelled by the user"),
            ev.TaskFinished(job_id=JOB, task_id="t0001", status=TaskState.CANCELLED),
            ev.JobFinished(
                job_id=JOB,
                state=JobState.CANCELLED,
                reason="cancelled by the user",
                layers={"BG": {"done": [1], "failed": [2, 3, 4]}},
            ),
        ]
    )
    # frame 4 failed in a render before the stop: it stays red; 2 and 3 were never rendered
    assert _cells(state, "BG") == [C.VERIFIED, C.STOPPED, C.STOPPED, C.FAILED]


def test_events_of_another_job_do_not_touch_the_map_and_a_new_job_replaces_it() -> None:
    state = FrameMapState()
    state.apply([ev.JobStarted(job_id=JOB, layers={"BG": [1, 2]})])
    assert not state.apply([ev.FrameDone(job_id="other", layer="BG", frame=1)])
    state.apply([ev.JobStarted(job_id="job2", layers={"FX": [5]})])
    assert state.job_id == "job2" and list(state.layers) == ["FX"]
    relayout, _dirty = state.take_dirty()
    assert relayout


def test_only_changed_cells_are_dirty() -> None:
    state = FrameMapState()
    state.apply([ev.JobStarted(job_id=JOB, layers={"BG": list(range(1, 101))})])
    state.take_dirty()
    state.apply([ev.FrameDone(job_id=JOB, layer="BG", frame=7, task_id="t1")])
    assert state.take_dirty() == (False, {("BG", 6)})
    state.apply([ev.FrameDone(job_id=JOB, layer="BG", frame=7, task_id="t1")])  # no change
    assert state.take_dirty() == (False, set())


def test_a_verified_frame_stays_verified() -> None:
    state = FrameMapState()
    state.apply(
        [
            ev.JobStarted(job_id=JOB, layers={"BG": [1]}),
            ev.FrameDone(job_id=JOB, layer="BG", frame=1, task_id="t1"),
            ev.FrameFailed(job_id=JOB, layer="BG", frame=1, reason="late", task_id="t1"),
        ]
    )
    assert _cells(state, "BG") == [C.VERIFIED]


def test_a_stored_job_draws_the_same_picture() -> None:
    live = FrameMapState()
    live.apply(_job_with_a_retry_and_a_final_failure())
    stored = FrameMapState.from_frames(
        JOB,
        [
            StoredFrame("BG", 1, "done", attempts=1, task_id="t0001"),
            StoredFrame("BG", 2, "done", attempts=1, task_id="t0001"),
            StoredFrame("BG", 3, "done", attempts=2, reason="crashed", task_id="t0002"),
            StoredFrame("BG", 4, "failed", attempts=2, reason="empty image", task_id="t0002"),
        ],
        job_state="failed",
        tasks=[("t0001", ("BG",), (1, 2, 3, 4)), ("t0002", ("BG",), (3, 4))],
    )
    assert _cells(stored, "BG") == _cells(live, "BG")
    assert stored.info("BG", 3) == live.info("BG", 3)
    assert stored.info("BG", 4).reason == "empty image"


def test_a_stored_running_or_stopped_job() -> None:
    frames = [
        StoredFrame("BG", 1, "pending"),
        StoredFrame("BG", 2, "pending", attempts=1, reason="hung"),
        StoredFrame("BG", 3, "rendering", attempts=1),
        StoredFrame("BG", 4, "failed", attempts=0, reason="stopped by you"),
        StoredFrame("BG", 5, "skipped_existing"),
    ]
    running = FrameMapState.from_frames(JOB, frames, job_state="running")
    assert _cells(running, "BG") == [C.QUEUED, C.RETRYING, C.ASSIGNED, C.FAILED, C.VERIFIED]
    assert running.info("BG", 5).existing
    stopped = FrameMapState.from_frames(
        JOB, frames, job_state="cancelled", job_reason="stopped by you"
    )
    assert _cells(stopped, "BG") == [C.STOPPED, C.STOPPED, C.STOPPED, C.STOPPED, C.VERIFIED]


def test_ten_thousand_frames_stay_cheap() -> None:
    frames = list(range(1, 10_001))
    state = FrameMapState()
    started = time.perf_counter()
    state.apply([ev.JobStarted(job_id=JOB, layers={"A": frames, "B": frames})])
    for start in range(1, 10_001, 100):
        state.apply(
            [
                ev.TaskStarted(
                    job_id=JOB,
                    task_id=f"t{start}",
                    layers=["A"],
                    frames=frames[start - 1 : start + 99],
                ),
                *(
                    ev.FrameDone(job_id=JOB, layer="A", frame=frame, task_id=f"t{start}")
                    for frame in range(start, start + 100)
                ),
            ]
        )
    counts = state.counts()
    elapsed = time.perf_counter() - started
    assert counts[C.VERIFIED] == 10_000 and counts[C.QUEUED] == 10_000 and state.total == 20_000
    assert elapsed < 2.0  # 20,000 frames, 10,100 events: well under a second on a laptop


# --------------------------------------------------------------------------------------------------
# geometry
# --------------------------------------------------------------------------------------------------
def test_cells_are_as_big_as_the_height_allows_and_rows_hold_tens() -> None:
    small = layout_map([24, 24], width=600, height=400)
    assert small.cell == CELL_SIZES_PX[0] and small.columns % 10 == 0
    big = layout_map([5_000, 5_000], width=600, height=400)
    assert big.cell == CELL_SIZES_PX[-1] and big.height > 400  # it scrolls
    assert big.columns == 70  # 590 px / 8 px = 73, rounded down to tens


def test_every_cell_is_hit_where_it_is_drawn() -> None:
    geometry = layout_map([37, 5, 120], width=430, height=300)
    for band, band_info in enumerate(geometry.bands):
        for position in range(band_info.count):
            x, y, w, h = geometry.cell_rect(band, position)
            assert geometry.hit(x + w / 2, y + h / 2) == (band, position)
            assert geometry.hit(x + w + 1, y + h + 1) == (band, position)  # the gap after it
    x, y, _w, _h = geometry.title_rect(1)
    assert geometry.hit(x + 5, y + TITLE_HEIGHT_PX / 2) is None  # a title is not a frame
    assert geometry.hit(10, geometry.height + 50) is None
    rng = random.Random(7)
    for _ in range(500):  # any point maps to a real frame or to nothing
        hit = geometry.hit(rng.uniform(-5, 440), rng.uniform(-5, geometry.height + 5))
        assert hit is None or hit[1] < geometry.bands[hit[0]].count


# --------------------------------------------------------------------------------------------------
# one frame's log lines
# --------------------------------------------------------------------------------------------------
def _redshift_log(frames: list[int], crash_at: int | None = None) -> list[str]:
    lines = ["Maya starting", "[Redshift] Loading scene"]
    for index, frame in enumerate(frames, start=1):
        lines.append(f"[Redshift] Rendering frame {frame} ({index}/{len(frames)})...")
        lines.append(f"[Redshift] Block 1/4 (0,0) rendered by GPU 0 in 5ms (f{frame})")
        if frame == crash_at:
            lines.append("Segmentation fault (core dumped)")
            return lines
        lines.append(f"[Redshift] Saving: /out/BG.{frame:04d}.exr")
        lines.append(f"[Redshift] Frame done - total time for frame {frame}: 1s")
    return lines


@pytest.mark.parametrize("frame", [1, 2, 3])
def test_a_frames_part_of_a_render_log(frame: int) -> None:
    lines = _redshift_log([1, 2, 3])
    part = frame_part(lines, frame, new_parser("redshift"))
    assert part is not None
    texts = [lines[position] for position in part]
    assert texts[0].startswith(f"[Redshift] Rendering frame {frame} ")
    assert all(f"{frame}" in text for text in texts) and len(texts) == 4
    assert frame_part(lines, 9, new_parser("redshift")) is None


def test_a_retried_frame_shows_each_attempt_and_a_crash_before_it_shows_the_last_lines() -> None:
    logs = {
        "t0001": [(JOB, "t0001", text, "info") for text in _redshift_log([3, 4], crash_at=3)],
        "t0002": [(JOB, "t0002", text, "info") for text in _redshift_log([3, 4])],
    }
    records = frame_log_records(
        job_id=JOB,
        layer="BG",
        frame=4,
        tasks=["t0001", "t0002"],
        lines_of=lambda task: logs[task],
        renderer="redshift",
    )
    texts = [record[2] for record in records]
    assert texts[0].startswith("── BG frame 4 · t0001 (attempt 1): it did not start this frame")
    assert "Segmentation fault (core dumped)" in texts  # where it died
    second = texts.index("── BG frame 4 · t0002 (attempt 2) ──")
    assert texts[second + 1].startswith("[Redshift] Rendering frame 4 ")
    assert [record[3] for record in records if record[2].startswith("──")] == ["marker"] * 2
    none = frame_log_records(
        job_id=JOB, layer="BG", frame=4, tasks=[], lines_of=logs.get, renderer="file"
    )
    assert "no render has tried it yet" in none[0][2]
