"""The plan follows each layer's own settings: frames (animation flag, overrides), renderer (slot
kind, log rules), and its notes reach the plan, the job's store record and the JobStarted event."""

from __future__ import annotations

from pathlib import Path

import pytest

from lrc_toolbox.core.job_control import summarise
from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.core.models import GPUInfo, RenderConfig, RenderMode
from lrc_toolbox.core.planner import PlanError, plan_job
from lrc_toolbox.core.system_detector import SystemDetector

MIXED = """//Maya ASCII 2023 scene
requires maya "2023";
createNode renderSetup -n "renderSetup";
createNode renderLayerManager -n "renderLayerManager";
createNode renderLayer -n "defaultRenderLayer";
createNode renderSetupLayer -n "cpuLayer";
createNode renderLayer -n "rs_cpuLayer";
createNode renderSettingsCollection -n "RSC";
createNode absUniqueOverride -n "currentRenderer1";
	setAttr ".atr" -type "string" "currentRenderer";
	setAttr ".tgName" -type "string" "defaultRenderGlobals";
	setAttr ".atv" -type "string" "mayaSoftware";
createNode absUniqueOverride -n "endFrame1";
	setAttr ".atr" -type "string" "endFrame";
	setAttr ".tgName" -type "string" "defaultRenderGlobals";
	setAttr ".atv" 5;
select -ne :time1;
	setAttr ".o" 3;
select -ne :defaultRenderGlobals;
	setAttr ".ren" -type "string" "arnold";
	setAttr ".an" yes;
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
connectAttr "renderLayerManager.rlmi[1]" "rs_cpuLayer.rlid";
connectAttr "rs_cpuLayer.msg" "cpuLayer.lrl";
connectAttr "renderSetup.lit" "cpuLayer.pls";
connectAttr "cpuLayer.lit" "RSC.pls";
connectAttr "RSC.lit" "currentRenderer1.pls";
connectAttr "RSC.lit" "endFrame1.pls";
"""  # noqa: E101 - Maya continuation lines start with tabs

STILL = """//Maya ASCII 2023 scene
requires maya "2023";
createNode renderLayerManager -n "renderLayerManager";
createNode renderLayer -n "defaultRenderLayer";
select -ne :time1;
	setAttr ".o" 42;
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
"""  # noqa: E101


def _gpus(count: int) -> SystemDetector:
    gpus = [
        GPUInfo(i, f"RTX {i}", 24 << 30, 20 << 30, (8, 6), uuid=f"GPU-{i:08x}-bbbb")
        for i in range(count)
    ]
    return SystemDetector(nvml_query=lambda: (gpus, "550.54"), inside_maya=False)


def _no_gpu() -> SystemDetector:
    return SystemDetector(nvml_query=lambda: ([], ""), smi_query=lambda: [], inside_maya=False)


def _scene(tmp_path: Path, text: str) -> str:
    path = tmp_path / "scene.ma"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_each_layer_gets_its_frames_renderer_and_log_rules(tmp_path: Path, standin_exe) -> None:
    config = RenderConfig(scene_file=_scene(tmp_path, MIXED), render_exe=standin_exe)
    plan = plan_job(config, detector=_gpus(1))
    master, cpu = plan.layers
    assert (master.name, list(master.frames), master.renderer) == (
        "masterLayer",
        list(range(1, 11)),
        "arnold",
    )
    assert (cpu.name, list(cpu.frames), cpu.renderer) == (
        "cpuLayer",
        [1, 2, 3, 4, 5],
        "mayaSoftware",
    )
    assert plan.profile_for([master]).name == "arnold"
    assert plan.profile_for([cpu]).name == "sw"
    assert plan.profile_for([master, cpu]).name == "file"  # combined: every renderer's rules
    assert plan.uses_gpu and all(slot.gpu is not None for slot in plan.slots)
    assert any("cpuLayer: renders on the CPU" in note and "GPU slot" in note for note in plan.notes)


def test_a_cpu_only_scene_needs_no_gpu_and_a_gpu_layer_does(tmp_path: Path, standin_exe) -> None:
    config = RenderConfig(
        scene_file=_scene(tmp_path, MIXED), render_exe=standin_exe, layers=["cpuLayer"]
    )
    plan = plan_job(config, detector=_no_gpu())
    assert not plan.uses_gpu and all(slot.gpu is None for slot in plan.slots)
    with pytest.raises(PlanError, match="no usable NVIDIA GPU for Arnold"):
        plan_job(
            RenderConfig(scene_file=config.scene_file, render_exe=standin_exe), detector=_no_gpu()
        )


def test_animation_off_plans_the_current_frame_and_says_so(tmp_path: Path, standin_exe) -> None:
    scene = _scene(tmp_path, STILL)
    plan = plan_job(RenderConfig(scene_file=scene, render_exe=standin_exe), detector=_no_gpu())
    (layer,) = plan.layers
    assert list(layer.frames) == [42]
    assert any("current frame 42" in note for note in plan.notes)
    # Frames the user gives win, and the note about the current frame goes away.
    chosen = plan_job(
        RenderConfig(scene_file=scene, render_exe=standin_exe, frame_range="1-3"),
        detector=_no_gpu(),
    )
    assert list(chosen.layers[0].frames) == [1, 2, 3]
    assert not any("current frame" in note for note in chosen.notes)


def test_a_forced_renderer_wins_and_says_what_the_scene_wanted(tmp_path: Path, standin_exe) -> None:
    config = RenderConfig(
        scene_file=_scene(tmp_path, MIXED),
        render_exe=standin_exe,
        renderer="redshift",
        layers=["cpuLayer"],
    )
    plan = plan_job(config, detector=_gpus(1))
    (layer,) = plan.layers
    assert (layer.renderer, plan.profile_for([layer]).name) == ("redshift", "redshift")
    assert any("with mayaSoftware; --renderer redshift" in note for note in plan.notes)


def test_combined_mode_plans_too(tmp_path: Path, standin_exe) -> None:
    config = RenderConfig(
        scene_file=_scene(tmp_path, MIXED),
        render_exe=standin_exe,
        render_mode=RenderMode.COMBINED,
        frame_range="1-2",
    )
    plan = plan_job(config, detector=_gpus(1))
    assert [list(layer.frames) for layer in plan.layers] == [[1, 2], [1, 2]]


def test_plan_notes_are_kept_with_the_job(tmp_path: Path) -> None:
    with JobStore(tmp_path / "jobs.sqlite") as store:
        store.create_job(
            job_id="j1",
            scene="/s.ma",
            config={
                "scene_file": "/s.ma",
                "plan_notes": ["masterLayer: renders the current frame 42"],
            },
            frames={"masterLayer": [42]},
        )
        record = store.get_job("j1")
        assert record is not None
        summary = summarise(store, record)
    assert summary.notes == ["masterLayer: renders the current frame 42"]
    assert summary.to_dict()["notes"] == summary.notes
