"""``--dry-run`` previews what the job would start from: earlier jobs' timings of the scene.

No process is started: plans are made in-process (4 fake GPUs) and the job store is a private
file in the test's folder, filled through the store's own API the way a finished job fills it.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from lrc_test_support import SAMPLE_SCENE
from lrc_toolbox.cli.batch_render_cli import main
from lrc_toolbox.cli.dry_run import describe_plan, preview_schedule
from lrc_toolbox.core.cost_model import CostHistory
from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.core.job_store_timings import RENDERER_KEY
from lrc_toolbox.core.models import FrameState, GPUInfo, RenderConfig
from lrc_toolbox.core.plan_history import plan_cost_history, stored_cost_history
from lrc_toolbox.core.planner import JobPlan, plan_job
from lrc_toolbox.core.system_detector import SystemDetector

LAYERS = ["MASTER_BG_A", "MASTER_CHAR_A", "MASTER_ATMOS_A"]
#: The scheduling benchmark's long scale: one heavy layer, in the middle of the scene's order.
FRAME_S = {"MASTER_BG_A": 0.6, "MASTER_CHAR_A": 1.5, "MASTER_ATMOS_A": 0.3}
STARTUP_S = 3.0


def _detector() -> SystemDetector:
    gpus = [
        GPUInfo(i, f"RTX {i}", 24 << 30, 20 << 30, (8, 6), uuid=f"GPU-{i:08x}-aaaa")
        for i in range(4)
    ]
    return SystemDetector(nvml_query=lambda: (gpus, "550.54"), inside_maya=False)


def _plan(standin: str) -> JobPlan:
    config = RenderConfig(
        scene_file=str(SAMPLE_SCENE),
        layers=LAYERS,
        frame_range="1-24",
        renderer="redshift",
        render_exe=standin,
    )
    return plan_job(config, detector=_detector())


def _earlier_job(store: JobStore, plan: JobPlan) -> None:
    """A finished job of the same scene on this host: frames 1-3 of each layer timed."""
    store.create_job(
        job_id="20260101-000000-old",
        scene=str(plan.scene_path),
        config={RENDERER_KEY: plan.profile.name},
        frames={layer: [1, 2, 3] for layer in LAYERS},
    )
    store.add_task(
        task_id="t0001",
        job_id="20260101-000000-old",
        layers=LAYERS,
        frames=[1, 2, 3],
        gpu=None,
        slot=0,
        attempt=1,
        log_path=None,
        temp_scene=None,
    )
    store.record_task_startup("20260101-000000-old", "t0001", STARTUP_S)
    for layer, seconds in FRAME_S.items():
        store.set_frames_state(
            "20260101-000000-old", layer, [1, 2, 3], FrameState.RENDERING, task_id="t0001"
        )
        store.set_frames_state(
            "20260101-000000-old",
            layer,
            [1, 2, 3],
            FrameState.DONE,
            output_path="/o/x.exr",
            render_s=seconds,
        )


def test_the_preview_of_a_scene_rendered_before_starts_from_its_timings(standin_exe: str) -> None:
    plan = _plan(standin_exe)
    cold = preview_schedule(plan)
    warm = preview_schedule(plan, CostHistory(startup_s=STARTUP_S, frame_s=dict(FRAME_S), jobs=1))
    # Cold: every layer alike, the spare slot shares the first layer in the scene's order.
    assert [spec.layers for spec, _ in cold[:4]].count(("MASTER_CHAR_A",)) == 1
    # Warm: the heavy layer is spread over several slots from the first wave, and fewer
    # renders start in all (no cut made on a guess).
    first_wave = [spec.layers for spec, _ in warm[:4]]
    assert first_wave.count(("MASTER_CHAR_A",)) >= 2
    assert len(warm) < len(cold)
    # Every frame is still planned exactly once.
    for layer in LAYERS:
        rendered = sorted(
            f for spec, kept in warm if spec.layers == (layer,) for f in kept.frames()
        )
        assert rendered == list(range(1, 25))


def test_stored_history_is_read_for_the_plan_and_said_in_the_text(
    standin_exe: str, tmp_path: Path
) -> None:
    plan = _plan(standin_exe)
    store_path = tmp_path / "jobs.sqlite3"
    with JobStore(store_path) as store:
        _earlier_job(store, plan)
        assert plan_cost_history(plan, store).jobs == 1
        # The job being planned never counts as its own history.
        assert not plan_cost_history(plan, store, exclude_job="20260101-000000-old")
    history = stored_cost_history(plan, store_path)
    assert history.jobs == 1 and history.frame_s["MASTER_CHAR_A"] == pytest.approx(1.5)
    out = io.StringIO()
    describe_plan(plan, out, as_json=False, history=history)
    assert "tasks (planned with the timings of 1 earlier job of this scene" in out.getvalue()
    out = io.StringIO()
    describe_plan(plan, out, as_json=True, history=history)
    assert json.loads(out.getvalue())["history_jobs"] == 1


def test_no_store_file_means_no_history_and_nothing_is_created(
    standin_exe: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _plan(standin_exe)
    monkeypatch.setenv("LRC_TOOLBOX_DATA_DIR", str(tmp_path / "data"))
    assert not stored_cost_history(plan)
    assert not stored_cost_history(plan, tmp_path / "missing.sqlite3")
    assert list(tmp_path.iterdir()) == []


def test_a_store_that_cannot_be_read_gives_no_history(standin_exe: str, tmp_path: Path) -> None:
    damaged = tmp_path / "jobs.sqlite3"
    damaged.write_bytes(b"not a database" * 100)
    assert not stored_cost_history(_plan(standin_exe), damaged)


@pytest.mark.slow  # GPU detection falls back to running nvidia-smi on a machine without NVML
def test_the_cli_dry_run_reads_the_store_it_is_given(standin_exe: str, tmp_path: Path) -> None:
    plan = _plan(standin_exe)
    store_path = tmp_path / "jobs.sqlite3"
    with JobStore(store_path) as store:
        _earlier_job(store, plan)
    argv = [
        "--scene", str(SAMPLE_SCENE), "--layers", ",".join(LAYERS), "--frames", "1-24",
        "--renderer", "redshift", "--render-exe", standin_exe, "--gpus", "0,1,2,3",
        "--store", str(store_path), "--dry-run", "--json",
    ]  # fmt: skip
    out, err = io.StringIO(), io.StringIO()
    assert main(argv, out=out, err=err) == 0, err.getvalue()
    assert json.loads(out.getvalue())["history_jobs"] == 1
