"""Job store: render timings kept with frames and tasks, read back as a scene's cost history."""

from __future__ import annotations

import socket

import job_store_support as support
import pytest

from lrc_toolbox.core.cost_model import CostHistory
from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.core.job_store_timings import RENDERER_KEY
from lrc_toolbox.core.models import FrameState

clock_fixture = support.clock_fixture
store_path_fixture = support.store_path_fixture
store_fixture = support.store_fixture

SCENE = "/proj/scenes/shot010.ma"


def _job(
    store: JobStore,
    clock: support.FakeClock,
    job_id: str,
    *,
    renderer: str = "redshift",
    scene: str = SCENE,
    frame_s: dict[str, float] | None = None,
    startup_s: float | None = 3.0,
) -> None:
    """A job whose frames 1-3 of each layer were rendered in ``frame_s`` seconds each."""
    timings = frame_s if frame_s is not None else {"BG": 1.0}
    clock.advance(10.0)
    store.create_job(
        job_id=job_id,
        scene=scene,
        config={RENDERER_KEY: renderer},
        frames={layer: [1, 2, 3] for layer in timings},
    )
    store.add_task(
        task_id="t0001",
        job_id=job_id,
        layers=list(timings),
        frames=[1, 2, 3],
        gpu=None,
        slot=0,
        attempt=1,
        log_path=None,
        temp_scene=None,
    )
    if startup_s is not None:
        store.record_task_startup(job_id, "t0001", startup_s)
    for layer, seconds in timings.items():
        store.set_frames_state(job_id, layer, [1, 2, 3], FrameState.RENDERING, task_id="t0001")
        for frame in (1, 2, 3):
            store.set_frames_state(
                job_id,
                layer,
                [frame],
                FrameState.DONE,
                output_path=f"/o/{frame}.exr",
                render_s=seconds * frame,
            )


def _history(store: JobStore, **overrides: object) -> CostHistory:
    query: dict[str, object] = {
        "scene": SCENE,
        "renderer": "redshift",
        "layers": ["BG", "FG"],
        "host": None,
        "exclude_job": "new",
    }
    query.update(overrides)
    return store.cost_history(**query)  # type: ignore[arg-type]


def test_a_verified_frame_keeps_its_render_time(store: JobStore, clock: support.FakeClock) -> None:
    _job(store, clock, "job1", frame_s={"BG": 2.0})
    assert [f.render_s for f in store.get_frames("job1")] == [2.0, 4.0, 6.0]
    (task,) = store.get_tasks("job1")
    assert task.startup_s == 3.0


def test_rendering_again_forgets_the_old_time(store: JobStore, clock: support.FakeClock) -> None:
    _job(store, clock, "job1")
    store.create_job(
        job_id="job2", scene=SCENE, config={RENDERER_KEY: "redshift"}, frames={"BG": [1]}
    )
    store.set_frames_state("job2", "BG", [1], FrameState.RENDERING, task_id="t0001")
    store.set_frames_state("job2", "BG", [1], FrameState.FAILED, reason="crash", render_s=9.0)
    store.set_frames_state("job2", "BG", [1], FrameState.PENDING, reason="retry")
    store.set_frames_state("job2", "BG", [1], FrameState.RENDERING, task_id="t0002")
    assert store.get_frames("job2")[0].render_s is None
    store.set_frames_state("job2", "BG", [1], FrameState.DONE, output_path="/o/1.exr")
    assert store.get_frames("job2")[0].render_s is None  # verified without a timing


def test_render_time_must_be_a_number(store: JobStore, clock: support.FakeClock) -> None:
    _job(store, clock, "job1")
    with pytest.raises(ValueError, match="render_s"):
        store.set_frames_state(
            "job1",
            "BG",
            [1],
            FrameState.DONE,
            render_s="slow",  # type: ignore[arg-type]
        )
    with pytest.raises(ValueError, match="seconds"):
        store.record_task_startup("job1", "t0001", True)


def test_history_is_the_median_of_earlier_jobs_of_the_scene(
    store: JobStore, clock: support.FakeClock
) -> None:
    assert not _history(store)  # no earlier job
    _job(store, clock, "job1", frame_s={"BG": 1.0, "FG": 10.0}, startup_s=2.0)
    _job(store, clock, "job2", frame_s={"BG": 1.0}, startup_s=4.0)
    history = _history(store)
    assert history.jobs == 2
    assert history.startup_s == 3.0
    assert history.frame_s == {"BG": 2.0, "FG": 20.0}  # medians of 1,2,3,1,2,3 and 10,20,30
    # Only the layers asked for are read.
    assert set(_history(store, layers=["BG"]).frame_s) == {"BG"}


def test_history_is_per_scene_renderer_and_host(store: JobStore, clock: support.FakeClock) -> None:
    _job(store, clock, "other_scene", scene="/proj/scenes/shot020.ma")
    _job(store, clock, "arnold", renderer="arnold")
    assert not _history(store)
    _job(store, clock, "job1")
    assert _history(store).jobs == 1
    assert not _history(store, renderer="arnold", exclude_job="arnold")
    assert not _history(store, exclude_job="job1")  # the new job itself never counts
    assert not _history(store, host="another-machine")
    assert _history(store, host=socket.gethostname()).jobs == 1


def test_history_counts_only_the_newest_jobs(store: JobStore, clock: support.FakeClock) -> None:
    _job(store, clock, "old", frame_s={"BG": 100.0})
    for index in range(3):
        _job(store, clock, f"new{index}", frame_s={"BG": 1.0})
    assert _history(store, jobs=3).frame_s == {"BG": 2.0}
    assert _history(store, jobs=4).jobs == 4


def test_jobs_stored_before_the_renderer_was_kept_do_not_count(
    store: JobStore, clock: support.FakeClock
) -> None:
    support.make_job(store, "legacy")  # its config names no renderer used
    store.set_frames_state("legacy", "MASTER_BG_A", [1], FrameState.RENDERING, task_id="t1")
    store.set_frames_state("legacy", "MASTER_BG_A", [1], FrameState.DONE, render_s=5.0)
    assert not _history(store, layers=["MASTER_BG_A"], scene="/proj/scenes/shot010.ma")
