"""The TD's Script Editor workflow: returns at once, prints through Maya's main thread.

These run real renders with the Render STAND-IN (``standin_exe``, ``render_env``); the fake
``maya.utils.executeDeferred`` queues the printing, and the test plays Maya's idle loop
(``run_deferred``) on the main thread, so a line printed from an engine thread would show up early.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from maya_helpers import SAMPLE_SCENE, artist_view, build_shot

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.batch_render_api import BatchRenderAPI
from lrc_toolbox.core.models import CPUInfo, GPUInfo, RenderConfig
from lrc_toolbox.core.planner import PlanError
from lrc_toolbox.core.scene_source import SceneSourceError
from lrc_toolbox.core.system_detector import SystemDetector
from lrc_toolbox.maya import td
from lrc_toolbox.maya.scene_source import MayaSceneSource

#: The fake-maya fixtures (a conftest.py here would shadow tests/conftest.py's names).
pytest_plugins = ["maya_fixtures"]

pytestmark = pytest.mark.slow

WAIT_S = 60.0  # a safety net for a broken engine, never what a test measures


def no_gpu_api() -> BatchRenderAPI:
    detector = SystemDetector(nvml_query=lambda: ([], ""), smi_query=lambda: [])
    return BatchRenderAPI(detector=detector)


def ma_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.ma"))


def test_open_scene_render_prints_progress_and_summary_via_execute_deferred(
    fake_maya_env, tmp_path, render_env, standin_exe, capsys
):
    build_shot(fake_maya_env, tmp_path)
    fake_maya_env.set_modified(True)
    before = artist_view()
    src = MayaSceneSource()
    job = td.render_layer(
        layer=["BG", "CHAR"],
        frames="1-3",
        gpu_id=0,
        api=no_gpu_api(),
        source=src,
        render_exe=standin_exe,
        renderer="redshift",
        output_dir=str(tmp_path / "out"),
    )
    assert artist_view() == before
    assert job.wait(WAIT_S) and job.result.ok, job.result
    assert capsys.readouterr().out == ""  # nothing was printed from an engine thread
    assert fake_maya_env.run_deferred() > 0  # Maya's idle loop prints them
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"[LRC] Job {job.job_id} started: BG (1-3), CHAR (1-3)")
    assert "[LRC] BG frame 3 done (3/3)" in lines and "[LRC] CHAR frame 1 done (1/3)" in lines
    assert any(line.startswith("[LRC] BG+") or " started on GPU 0 (pid " in line for line in lines)
    assert lines[-1].startswith(f"[LRC] Job {job.job_id} finished: all 6 frame(s) rendered")
    assert fake_maya_env.output == []  # no warnings
    assert src.snapshots == () and ma_files(Path(render_env["TMPDIR"])) == []
    out = tmp_path / "out"
    images = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.*"))
    assert images[:1] == ["BG/shot010.0001.exr"]  # the artist's scene name, not the snapshot's


def test_render_layer_returns_at_once_and_runs_renders_at_low_priority(
    fake_maya_env, tmp_path, render_env, standin_exe, monkeypatch
):
    monkeypatch.setenv("LRC_STANDIN_FAULTS", "hang_at=1")  # the render never finishes by itself
    build_shot(fake_maya_env, tmp_path)
    api = no_gpu_api()
    started = threading.Event()
    logs: list[str] = []

    def on_event(event: ev.Event) -> None:
        if isinstance(event, ev.TaskStarted) and event.pid:
            logs.append(event.log_path)
            started.set()

    api.subscribe(on_event)
    src = MayaSceneSource()
    job = td.render_layer(
        layer="BG",
        frames="1-2",
        gpu_id=0,
        api=api,
        source=src,
        render_exe=standin_exe,
        renderer="redshift",
        output_dir=str(tmp_path / "out"),
    )
    assert job.result is None  # returned while the render runs
    assert started.wait(WAIT_S)
    header = Path(logs[0]).read_text()
    assert "[lrc_toolbox] low priority: yes" in header  # inside Maya renders run below normal
    job.stop()
    assert job.wait(WAIT_S) and not job.result.ok
    fake_maya_env.run_deferred()
    assert fake_maya_env.output[-1].startswith(f"// Warning: [LRC] Job {job.job_id} cancelled")
    assert len(src.snapshots) == 1  # a job that did not finish keeps its snapshot for a retry
    src.release_all()


def test_inside_maya_the_default_policy_keeps_a_gpu_and_four_threads(
    fake_maya_env, tmp_path, standin_exe
):
    gpus = [GPUInfo(i, "RTX A6000", 48 << 30, 47 << 30, (8, 6), uuid=f"GPU-{i}") for i in range(2)]
    cpu = CPUInfo(physical_cores=8, logical_cores=16, ram_total=64 << 30, ram_available=32 << 30)
    detector = SystemDetector(nvml_query=lambda: (gpus, "550.54"), cpu_query=lambda: cpu)
    assert detector.inside_maya  # maya.cmds is loaded
    plan = BatchRenderAPI(detector=detector).plan(
        RenderConfig(
            scene_file=str(SAMPLE_SCENE),
            layers=["MASTER_BG_A"],
            frame_range="1-4",
            render_exe=standin_exe,
            renderer="redshift",
        )
    )
    assert len(plan.resources.reserved_gpus) == 1 and len(plan.resources.usable_gpus) == 1
    assert plan.resources.cpu_threads_reserved == 4 and plan.resources.cpu_threads_available == 12
    assert plan.resources.system.inside_maya


def test_plain_api_with_a_scene_file_and_echo_events(
    fake_maya_env, tmp_path, render_env, standin_exe, capsys
):
    api = no_gpu_api()
    job = api.render_layer(
        scene_file=str(SAMPLE_SCENE),
        layer="MASTER_BG_A",
        frames="1-2",
        gpu_id=0,
        render_exe=standin_exe,
        renderer="redshift",
        output_dir=str(tmp_path / "out"),
    )
    echo = td.echo_events(api, job)
    assert job.wait(WAIT_S) and job.result.ok
    fake_maya_env.run_deferred()
    out = capsys.readouterr().out.splitlines()
    assert out and out[-1].startswith(f"[LRC] Job {job.job_id} finished")
    echo.close()


def test_td_with_a_scene_file_does_not_touch_the_open_scene(
    fake_maya_env, tmp_path, render_env, standin_exe, capsys
):
    fake_maya_env.add_layer("BG")
    before = artist_view()
    job = td.render_layer(
        scene_file=str(SAMPLE_SCENE),
        layer="MASTER_BG_A",
        frames="1",
        gpu_id=0,
        api=no_gpu_api(),
        render_exe=standin_exe,
        renderer="redshift",
        output_dir=str(tmp_path / "out"),
    )
    assert job.wait(WAIT_S) and job.result.ok
    assert fake_maya_env.exports == [] and artist_view() == before
    fake_maya_env.run_deferred()
    assert "finished: all 1 frame(s)" in capsys.readouterr().out


def test_bad_requests_raise_one_clear_error_and_leave_nothing(
    fake_maya_env, tmp_path, render_env, standin_exe
):
    build_shot(fake_maya_env, tmp_path)
    src = MayaSceneSource()
    api = no_gpu_api()
    with pytest.raises(PlanError, match="unknown render option 'colour'"):
        td.render_layer(layer="BG", api=api, source=src, colour="red")
    with pytest.raises(SceneSourceError, match="'NOPE' is no longer in the scene"):
        td.render_layer(layer="NOPE", api=api, source=src, render_exe=standin_exe)
    with pytest.raises(PlanError):  # the engine refuses: the snapshot is released at once
        td.render_layer(
            layer="BG", frames="5-1x0", gpu_id=0, api=api, source=src, render_exe=standin_exe
        )
    for empty in ({"layer": []}, {"layer": "BG", "frames": None}, {"layer": "BG", "gpu_id": []}):
        with pytest.raises(PlanError):  # empty means empty: refused before any snapshot
            td.render_layer(api=api, source=src, **empty)
    assert src.snapshots == () and ma_files(Path(render_env["TMPDIR"])) == []
    assert fake_maya_env.deferred == [] or fake_maya_env.run_deferred() == 0


def test_in_batch_mode_lines_print_without_an_idle_loop(
    fake_maya_env, tmp_path, render_env, standin_exe, capsys
):
    # mayapy has no idle loop: executeDeferred work would never run there (PyMEL mayautils.py).
    fake_maya_env.batch = True
    job = td.render_layer(
        scene_file=str(SAMPLE_SCENE),
        layer="MASTER_BG_A",
        frames="1",
        gpu_id=0,
        api=no_gpu_api(),
        render_exe=standin_exe,
        renderer="redshift",
        output_dir=str(tmp_path / "out"),
    )
    assert job.wait(WAIT_S) and job.result.ok
    deadline = threading.Event()
    for _ in range(100):  # the summary is printed by the engine thread right after it finished
        if "finished: all 1 frame(s)" in capsys.readouterr().out:
            break
        deadline.wait(0.05)
    else:
        raise AssertionError("the batch-mode summary was never printed")
    assert fake_maya_env.deferred == []  # nothing waits for an idle loop that never comes
    assert fake_maya_env.run_deferred() == 0
