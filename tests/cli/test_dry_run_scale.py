"""``--dry-run`` at the documented limits: planning that scales, and what the preview shows.

No process is started: plans are made in-process with a fake GPU detector (4 GPUs) and the
preview runs the scheduler in simulated time. The time limits are generous (the goal is < 2 s on a
loaded 2-core machine for a whole ``lrc-batch-render --dry-run`` process; see
``scripts/bench_scheduling.py``): they catch a return of quadratic planning, which took minutes.
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

from lrc_test_support import SAMPLE_SCENE
from lrc_toolbox.cli.dry_run import describe_plan, plan_as_dict, preview_schedule
from lrc_toolbox.core.models import GPUInfo, RenderConfig
from lrc_toolbox.core.planner import JobPlan, plan_job
from lrc_toolbox.core.system_detector import SystemDetector

LAYERS = ["MASTER_BG_A", "MASTER_CHAR_A", "MASTER_ATMOS_A"]


def _detector(count: int = 4) -> SystemDetector:
    gpus = [
        GPUInfo(i, f"RTX {i}", 24 << 30, 20 << 30, (8, 6), uuid=f"GPU-{i:08x}-aaaa")
        for i in range(count)
    ]
    return SystemDetector(nvml_query=lambda: (gpus, "550.54"), inside_maya=False)


def _plan(scene: Path, layers: list[str], frames: str, standin: str, **extra: object) -> JobPlan:
    config = RenderConfig(
        scene_file=str(scene),
        layers=layers,
        frame_range=frames,
        renderer="redshift",
        render_exe=standin,
        **extra,  # type: ignore[arg-type]
    )
    return plan_job(config, detector=_detector())


def _scene_with_layers(path: Path, count: int) -> list[str]:
    """A Render Setup scene with ``count`` renderable layers."""
    names = [f"L{k:03d}" for k in range(1, count + 1)]
    text = [
        "//Maya ASCII 2024 scene\n",
        'requires -nodeType "renderSetupLayer" -nodeType "renderSetup" "renderSetup.py" "1.0";\n',
        'createNode renderLayerManager -n "renderLayerManager";\n',
        'createNode renderLayer -n "defaultRenderLayer";\n\tsetAttr ".g" yes;\n',
        '\tsetAttr ".rndr" no;\ncreateNode renderSetup -n "renderSetup";\n',
    ]
    for k, name in enumerate(names, start=1):
        text.append(
            f'createNode renderSetupLayer -n "{name}";\n'
            f'createNode renderLayer -n "rs_{name}";\n\tsetAttr ".do" {k};\n'
        )
    text.append('select -ne :defaultRenderGlobals;\n\tsetAttr ".ren" -type "string" "redshift";\n')
    for k, name in enumerate(names, start=1):
        text.append(
            f'connectAttr "rs_{name}.msg" "{name}.lrl";\n'
            f'connectAttr "renderLayerManager.rlmi[{k}]" "rs_{name}.rlid";\n'
        )
    path.write_text("".join(text))
    return names


def _assert_every_frame_once(plan: JobPlan) -> None:
    rendered: dict[str, list[int]] = {layer.name: [] for layer in plan.layers}
    for spec, kept in preview_schedule(plan):
        assert kept.start == spec.run.start and kept.end <= spec.run.end
        for layer in spec.layers:
            rendered[layer].extend(kept.frames())
    for layer in plan.layers:
        assert sorted(rendered[layer.name]) == list(layer.frames)


def test_three_layers_of_a_hundred_thousand_frames(standin_exe: str) -> None:
    plan = _plan(SAMPLE_SCENE, LAYERS, "1-100000", standin_exe)
    start = time.perf_counter()
    text = io.StringIO()
    describe_plan(plan, text, as_json=False)
    assert time.perf_counter() - start < 5.0
    assert "Layer:    MASTER_CHAR_A (node rs_MASTER_CHAR_A): 100000 frames" in text.getvalue()
    _assert_every_frame_once(plan)


def test_two_hundred_layers_of_ten_thousand_frames(standin_exe: str, tmp_path: Path) -> None:
    scene = tmp_path / "many_layers.ma"
    names = _scene_with_layers(scene, 200)
    plan = _plan(scene, names, "1-10000", standin_exe)
    start = time.perf_counter()
    describe_plan(plan, io.StringIO(), as_json=False)
    assert time.perf_counter() - start < 5.0
    _assert_every_frame_once(plan)


def test_json_preview_is_the_plan_with_frame_lists_on_one_line(standin_exe: str) -> None:
    plan = _plan(SAMPLE_SCENE, LAYERS, "1-40", standin_exe)
    out = io.StringIO()
    describe_plan(plan, out, as_json=True)
    text = out.getvalue()
    assert json.loads(text) == plan_as_dict(plan)
    assert '"frames": [1, 2, 3' in text  # compact lists (the indented encoder is slow)
    light = plan_as_dict(plan, with_frames=False)
    assert "frames" not in light["tasks"][0] and light["layers"]["MASTER_BG_A"]["frame_count"] == 40


def test_the_preview_shows_where_a_task_will_give_frames_away(standin_exe: str) -> None:
    # With the assumed equal costs, the first wave gives BG two slots and the others one each;
    # the BG slots fall idle halfway and take the ends of the other layers' tasks.
    plan = _plan(SAMPLE_SCENE, LAYERS, "1-24", standin_exe)
    data = plan_as_dict(plan)
    split = [task for task in data["tasks"] if "stops_after" in task]
    assert split
    out = io.StringIO()
    describe_plan(plan, out, as_json=False)
    task = split[0]
    assert task["frames"][-1] == task["stops_after"]  # the frames it renders, not its launch
    assert (
        f"frames {task['frames_text']}  on {task['slot']}  (launched for "
        f"{task['launched_frames_text']}, stops after frame {task['stops_after']}: a later task "
        "takes the rest)"
    ) in out.getvalue()
    # A fixed chunk size is what the user asked for: nothing is split.
    fixed = plan_as_dict(_plan(SAMPLE_SCENE, LAYERS, "1-24", standin_exe, chunk_size=100))
    assert not [task for task in fixed["tasks"] if "stops_after" in task]
