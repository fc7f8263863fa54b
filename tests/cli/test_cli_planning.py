"""The CLI's planning half: --list-layers, --dry-run, and exit code 2 for every kind of bad input."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lrc_test_support import ROOT, SAMPLE_SCENE
from lrc_toolbox.cli.batch_render_cli import main
from lrc_toolbox.core.models import GPUInfo, RenderConfig
from lrc_toolbox.core.planner import PlanError, find_maya_project, plan_job
from lrc_toolbox.core.system_detector import SystemDetector


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_list_layers_json_has_names_and_renderable_flags() -> None:
    code, out, err = run(["--scene", str(SAMPLE_SCENE), "--list-layers", "--json"])
    assert code == 0, err
    layers = json.loads(out)["layers"]
    by_name = {layer["name"]: layer for layer in layers}
    assert by_name["MASTER_BG_A"]["renderable"] is True
    assert by_name["MASTER_FX_A"]["renderable"] is False
    assert by_name["masterLayer"]["renderable"] is False
    assert by_name["MASTER_BG_A"]["node"] == "rs_MASTER_BG_A"


def test_list_layers_text() -> None:
    code, out, _ = run(["--scene", str(SAMPLE_SCENE), "--list-layers"])
    assert code == 0
    assert "[x] MASTER_BG_A" in out and "[ ] MASTER_FX_A" in out


@pytest.mark.slow
def test_dry_run_prints_every_task_with_gpu_argv_and_env(standin_exe, render_env) -> None:
    code, out, err = run(
        [
            "--scene",
            str(SAMPLE_SCENE),
            "--layers",
            "all",
            "--frames",
            "1-20",
            "--renderer",
            "redshift",
            "--render-exe",
            standin_exe,
            "--gpus",
            "0,1",
            "--dry-run",
            "--json",
        ]
    )
    assert code == 0, err
    plan = json.loads(out)
    assert plan["standin"] is True
    assert set(plan["layers"]) == {"MASTER_BG_A", "MASTER_CHAR_A", "MASTER_ATMOS_A"}
    covered: dict[str, list[int]] = {}
    for task in plan["tasks"]:
        assert task["task_id"] == task["task"]  # "task" is kept for scripts that read it
        assert task["argv"][0] == standin_exe
        assert "-gpu" in task["argv"] and "{0}" in task["argv"]
        assert task["env"]["CUDA_VISIBLE_DEVICES"] in ("0", "1")
        assert task["env"]["CUDA_DEVICE_ORDER"] == "PCI_BUS_ID"
        covered.setdefault(task["layers"][0], []).extend(task["frames"])
    assert all(sorted(frames) == list(range(1, 21)) for frames in covered.values())
    # Nothing was launched or written.
    assert not any(Path(render_env["TMPDIR"]).iterdir())
    assert not Path(render_env["LRC_TOOLBOX_DATA_DIR"]).exists()


@pytest.mark.slow
def test_seed_form_dry_run_text(standin_exe, render_env) -> None:
    code, out, err = run(
        [
            "--scene",
            str(SAMPLE_SCENE),
            "--layer",
            "MASTER_BG_A",
            "--frames",
            "1-24",
            "--gpu",
            "1",
            "--render-exe",
            standin_exe,
            "--dry-run",
        ]
    )
    assert code == 0, err
    assert "MASTER_BG_A" in out and "on GPU 1" in out and "CUDA_VISIBLE_DEVICES=1" in out
    assert "Render STAND-IN" in out and "nothing was launched" in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--frames", "10-1"], "reversed range"),
        (["--frames", "1-100x0"], "step"),
        (["--frames", "abc"], "abc"),
        (["--frames", "1-999999999"], "limit"),
        (["--layer", "NOPE"], "NOPE"),
        (["--renderer", "povray"], "povray"),
        (["--renders-per-gpu", "0"], "renders-per-gpu"),
        (["--chunk-size", "0"], "chunk-size"),
        (["--hang-timeout", "-5"], "hang-timeout"),
        (["--chunk-size", "lots"], "auto"),
        (["--retries", "many"], "whole number"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(standin_exe, render_env, extra, message) -> None:
    args = [
        "--scene",
        str(SAMPLE_SCENE),
        "--layer",
        "MASTER_BG_A",
        "--frames",
        "1-5",
        "--render-exe",
        standin_exe,
        "--gpus",
        "0",
        *extra,
    ]
    code, out, err = run(args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert out == ""
    assert not any(Path(render_env["TMPDIR"]).iterdir())


def test_missing_scene_and_unreadable_output_dir(standin_exe, render_env, tmp_path) -> None:
    code, _, err = run(
        [
            "--scene",
            str(tmp_path / "nope.ma"),
            "--layer",
            "A",
            "--frames",
            "1",
            "--render-exe",
            standin_exe,
            "--gpus",
            "0",
        ]
    )
    assert code == 2 and "scene not found" in err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(
        [
            "--scene",
            str(SAMPLE_SCENE),
            "--layer",
            "MASTER_BG_A",
            "--frames",
            "1",
            "--render-exe",
            standin_exe,
            "--gpus",
            "0",
            "--output-dir",
            str(blocker / "images"),
        ]
    )
    assert code == 2 and "not a folder" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_output_dir_without_permission(standin_exe, render_env, tmp_path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    code, _, err = run(
        [
            "--scene",
            str(SAMPLE_SCENE),
            "--layer",
            "MASTER_BG_A",
            "--frames",
            "1",
            "--render-exe",
            standin_exe,
            "--gpus",
            "0",
            "--output-dir",
            str(locked),
        ]
    )
    assert code == 2 and "not writable" in err


def test_missing_render_executable_names_where_it_looked(render_env, monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("MAYA_LOCATION", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    code, _, err = run(
        ["--scene", str(SAMPLE_SCENE), "--layer", "MASTER_BG_A", "--frames", "1", "--gpus", "0"]
    )
    assert code == 2
    assert "Render executable was not found" in err and "MAYA_LOCATION" in err
    assert "--render-exe" in err


def test_unknown_argument_is_one_line() -> None:
    code, _, err = run(["--scene", str(SAMPLE_SCENE), "--bogus"])
    assert code == 2 and "--bogus" in err and "Traceback" not in err


def _fake_detector(count: int) -> SystemDetector:
    gpus = [
        GPUInfo(i, f"RTX {i}", 24 << 30, 20 << 30, (8, 6), uuid=f"GPU-{i:08x}-aaaa")
        for i in range(count)
    ]
    return SystemDetector(nvml_query=lambda: (gpus, "550.54"), inside_maya=False)


def test_gpu_ids_that_do_not_exist_are_refused_when_nvml_sees_gpus(standin_exe) -> None:
    config = RenderConfig(
        scene_file=str(SAMPLE_SCENE),
        layers=["MASTER_BG_A"],
        frame_range="1",
        render_exe=standin_exe,
        gpus=["0", "7"],
    )
    with pytest.raises(PlanError, match="7"):
        plan_job(config, detector=_fake_detector(2))


def test_detected_gpus_are_pinned_by_uuid(standin_exe) -> None:
    config = RenderConfig(
        scene_file=str(SAMPLE_SCENE),
        layers=["MASTER_BG_A"],
        frame_range="1-4",
        render_exe=standin_exe,
        renderer="redshift",
    )
    plan = plan_job(config, detector=_fake_detector(3))
    assert [slot.cuda_device for slot in plan.slots] == [
        "GPU-00000000-aaaa",
        "GPU-00000001-aaaa",
        "GPU-00000002-aaaa",
    ]


def test_no_gpu_for_a_gpu_renderer_says_why_and_how(standin_exe) -> None:
    config = RenderConfig(
        scene_file=str(SAMPLE_SCENE),
        layers=["MASTER_BG_A"],
        frame_range="1",
        render_exe=standin_exe,
        renderer="redshift",
    )
    detector = SystemDetector(nvml_query=lambda: ([], ""), smi_query=lambda: [], inside_maya=False)
    with pytest.raises(PlanError, match="--gpus"):
        plan_job(config, detector=detector)


def test_cpu_renderer_needs_no_gpu(standin_exe) -> None:
    config = RenderConfig(
        scene_file=str(SAMPLE_SCENE),
        layers=["MASTER_BG_A"],
        frame_range="1",
        render_exe=standin_exe,
        renderer="sw",
        cpu_threads=1,
    )
    detector = SystemDetector(nvml_query=lambda: ([], ""), smi_query=lambda: [], inside_maya=False)
    plan = plan_job(config, detector=detector)
    assert plan.slots and all(slot.gpu is None for slot in plan.slots)


def test_maya_project_is_found_from_workspace_mel(tmp_path) -> None:
    (tmp_path / "proj" / "scenes" / "seq").mkdir(parents=True)
    (tmp_path / "proj" / "workspace.mel").write_text("//Maya 2024 Project Definition\n")
    scene = tmp_path / "proj" / "scenes" / "seq" / "shot.ma"
    scene.write_text("//Maya ASCII 2024 scene\n")
    assert find_maya_project(scene) == (tmp_path / "proj").resolve()
    assert find_maya_project(SAMPLE_SCENE) is None


@pytest.mark.slow
def test_module_entry_point_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lrc_toolbox.cli.batch_render_cli", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0 and "--renders-per-gpu" in result.stdout


def test_a_farm_plan_needs_no_gpu_on_this_machine(standin_exe) -> None:
    config = RenderConfig(
        scene_file=str(SAMPLE_SCENE),
        layers=["MASTER_BG_A"],
        frame_range="1-4",
        render_exe=standin_exe,
        renderer="redshift",
        gpus=["7"],  # a local choice: meaningless for the farm's workers
    )

    def no_probe():
        raise AssertionError("a farm plan must not probe this machine's GPUs")

    detector = SystemDetector(nvml_query=no_probe, smi_query=no_probe, inside_maya=False)
    plan = plan_job(config, detector=detector, for_farm=True)
    assert len(plan.slots) == 1 and plan.slots[0].gpu is not None  # Render gets its GPU flags
    assert plan.parse_profile.uses_gpu
    cpu = plan_job(
        dataclasses.replace(config, renderer="sw", gpus=None), detector=detector, for_farm=True
    )
    assert [slot.gpu for slot in cpu.slots] == [None]
