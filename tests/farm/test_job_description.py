"""The engine-neutral farm job: same frames, same chunks, same Render argv as the local engine."""

from __future__ import annotations

import farm_fixtures
import pytest
from farm_helpers import FRAME_CASES, ODD_LAYERS

from lrc_toolbox.core.job_runner import build_task_argv
from lrc_toolbox.core.models import RenderMode
from lrc_toolbox.core.scheduler import ChunkPolicy, TaskSpec, WorkQueue
from lrc_toolbox.farm.job_description import (
    DEFAULT_FARM_CHUNK_FRAMES,
    ArgToken,
    describe_job,
)
from lrc_toolbox.utils.frame_parser import FrameSet

# The shared fixtures (pytest finds them by their names: make_plan, standin...).
binary_scene_fixture = farm_fixtures.binary_scene_fixture
farm_isolation_fixture = farm_fixtures.farm_isolation_fixture
make_plan_fixture = farm_fixtures.make_plan_fixture
standin_fixture = farm_fixtures.standin_fixture


@pytest.mark.slow
@pytest.mark.parametrize("frames", FRAME_CASES)
@pytest.mark.parametrize("chunk", [1, 3, None])
def test_chunks_hold_exactly_the_planned_frames_in_contiguous_runs(make_plan, frames, chunk):
    plan = make_plan(frame_range=frames, chunk_size=chunk)
    job = describe_job(plan)
    expected = FrameSet.parse(frames)
    size = chunk or DEFAULT_FARM_CHUNK_FRAMES
    for layer in job.layers:
        assert layer.frames == expected
        rendered = [frame for c in layer.chunks for frame in c.frames]
        assert sorted(rendered) == list(expected) and len(rendered) == len(set(rendered))
        for c in layer.chunks:
            assert 1 <= len(c.run) <= size
            # -s/-e/-b describe exactly the chunk's frames.
            argv = list(c.argv)
            start, end, step = (int(argv[argv.index(flag) + 1]) for flag in ("-s", "-e", "-b"))
            assert list(range(start, end + 1, step)) == c.frames


@pytest.mark.slow
@pytest.mark.parametrize("frames", FRAME_CASES)
def test_chunks_are_the_runs_cut_to_the_chunk_size(make_plan, frames):
    plan = make_plan(frame_range=frames, chunk_size=4)
    layer = describe_job(plan).layers[0]
    runs = FrameSet.parse(frames).runs()
    assert list(layer.runs) == runs
    assert [c.run for c in layer.chunks] == [piece for run in runs for piece in run.split(4)]
    # The first task is the one the local scheduler would launch first with the same size.
    work = WorkQueue({"L": FrameSet.parse(frames)}, policy=ChunkPolicy(fixed_size=4))
    assert layer.chunks[0].run == work.next_task(plan.slots[0], slot_count=1).run


@pytest.mark.slow
def test_argv_is_the_local_argv_with_the_saved_scene(make_plan, tmp_path):
    plan = make_plan(
        layers=["MASTER_BG_A", "masterLayer"],
        frame_range="1-9x4",
        chunk_size=2,
        output_dir=str(tmp_path / "img"),
        cpu_threads=3,
        skip_existing=True,
        extra_args=["-x", "640"],
    )
    job = describe_job(plan)
    for planned, layer in zip(plan.layers, job.layers, strict=True):
        assert (layer.name, layer.node) == (planned.name, planned.node)
        for c in layer.chunks:
            spec = TaskSpec("t", (planned.name,), c.run, 1, plan.slots[0])
            assert list(c.argv) == build_task_argv(plan, spec, str(plan.scene_path.resolve()))
    argv = job.layers[0].chunks[0].argv
    assert argv[-1] == job.scene_file and argv[argv.index("-rd") + 1] == str(tmp_path / "img")
    assert "-gpu" in argv  # pinned to one GPU, as a local render is


@pytest.mark.slow
def test_template_tokens_replace_only_their_items(make_plan, tmp_path):
    project = tmp_path / "proj"
    (project / "scenes").mkdir(parents=True)
    (project / "workspace.mel").write_text("")
    plan = make_plan(output_dir=str(tmp_path / "out"), project_dir=str(project))
    layer = describe_job(plan).layers[0]
    assert layer.tokens == set(ArgToken)
    argv = layer.command({token: f"<{token.value}>" for token in ArgToken})
    assert argv[0] == "<render_exe>" and argv[-1] == "<scene_file>"
    for flag, token in (
        ("-s", "frame_start"),
        ("-e", "frame_end"),
        ("-b", "frame_step"),
        ("-rd", "output_dir"),
        ("-proj", "project_dir"),
    ):
        assert argv[argv.index(flag) + 1] == f"<{token}>"
    with pytest.raises(ValueError, match="frame_start"):
        layer.command({})


@pytest.mark.slow
def test_odd_layer_names_stay_single_argv_items(make_plan, binary_scene):
    plan = make_plan(scene_file=str(binary_scene), layers=ODD_LAYERS, frame_range="1-2")
    job = describe_job(plan)
    assert [layer.name for layer in job.layers] == ODD_LAYERS
    for layer in job.layers:
        argv = layer.chunks[0].argv
        assert argv[argv.index("-rl") + 1] == f"rs_{layer.name}"
    assert job.maya_version is None and job.uses_render_setup is None


@pytest.mark.slow
def test_job_carries_limits_and_drops_notes_about_local_gpus(make_plan):
    plan = make_plan(
        retries=4,
        hang_timeout_s=120.0,
        max_task_time_s=3600.0,
        layers=["MASTER_BG_A", "MASTER_FX_A"],
        render_mode=RenderMode.COMBINED,
    )
    job = describe_job(plan)
    assert (job.retries, job.hang_timeout_s, job.max_task_time_s) == (4, 120.0, 3600.0)
    assert job.gpus_per_task == 1 and job.uses_gpu
    assert job.chunk_size == DEFAULT_FARM_CHUNK_FRAMES and job.chunk_size_is_default
    assert any("combined" in note for note in job.notes)
    assert any("auto" in note for note in job.notes)
    assert not any("GPU 0" in note for note in job.notes)  # about this machine, not the farm
    cpu_job = describe_job(make_plan(renderer="sw", gpus=None))
    assert cpu_job.gpus_per_task == 0 and not cpu_job.uses_gpu
    assert "-gpu" not in cpu_job.layers[0].chunks[0].argv


def test_default_chunk_follows_the_local_policys_startup_rule():
    # 30 s start-up must stay under 10% of a chunk of 30 s frames: 9 frames.
    assert DEFAULT_FARM_CHUNK_FRAMES == 9


@pytest.mark.slow
@pytest.mark.parametrize("bad", [0, -2, True, 1.5])
def test_bad_chunk_size_is_refused(make_plan, bad):
    with pytest.raises(ValueError, match="chunk size"):
        describe_job(make_plan(), chunk_size=bad)
