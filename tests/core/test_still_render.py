"""A still renders like Maya's own still (no processes, no sleeps).

Maya's ``Render`` without ``-s/-e`` renders a scene whose animation is off as one image named
without a frame number; ``-s`` and ``-e`` each turn animation on, so Maya then numbers the image
(``docs/research/maya_facts.md`` section 3). A layer whose frames come from such a scene is
planned as a still and launched without ``-s/-e/-b``; frames the user gives keep ``-s/-e``.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from lrc_test_support import ROOT
from lrc_toolbox.cli.dry_run import describe_plan, plan_as_dict
from lrc_toolbox.core.batch_render_api import stored_config
from lrc_toolbox.core.job_control import config_from_record
from lrc_toolbox.core.job_store_records import JobRecord
from lrc_toolbox.core.models import RenderConfig, RenderMode
from lrc_toolbox.core.planner import is_still_task, plan_job, still_frame
from lrc_toolbox.core.scheduler import TaskSpec
from lrc_toolbox.core.system_detector import SystemDetector
from lrc_toolbox.core.task_launcher import preview_argv
from lrc_toolbox.core.task_monitor import NoteKind, TaskMonitor
from lrc_toolbox.core.verification import (
    STALE_IMAGE_SLACK_S,
    FrameVerdict,
    ImageFacts,
    ImageNaming,
    verify_frame,
)
from lrc_toolbox.farm.job_description import describe_job
from lrc_toolbox.renderers import get_profile
from lrc_toolbox.renderers.base import InvalidInvocationError, RenderInvocation
from lrc_toolbox.utils.frame_parser import FrameRun

REAL_SCENES = ROOT / "tests" / "data" / "real_scenes" / "scenes"

STILL_SCENE = """//Maya ASCII 2023 scene
requires maya "2023";
createNode renderLayerManager -n "renderLayerManager";
createNode renderLayer -n "defaultRenderLayer";
select -ne :time1;
	setAttr ".o" 42;
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
"""  # noqa: E101 - Maya continuation lines start with tabs

#: Two legacy layers besides masterLayer; animation off, current time 7.
TWO_LAYERS = """//Maya ASCII 2023 scene
requires maya "2023";
createNode renderLayerManager -n "renderLayerManager";
createNode renderLayer -n "defaultRenderLayer";
createNode renderLayer -n "BG";
createNode renderLayer -n "FG";
select -ne :time1;
	setAttr ".o" 7;
connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";
connectAttr "renderLayerManager.rlmi[1]" "BG.rlid";
connectAttr "renderLayerManager.rlmi[2]" "FG.rlid";
"""  # noqa: E101

LAUNCHED_WALL = 1_700_000_000.0


def _no_gpu() -> SystemDetector:
    return SystemDetector(nvml_query=lambda: ([], ""), smi_query=lambda: [], inside_maya=False)


def _scene(tmp_path: Path, text: str = STILL_SCENE) -> str:
    path = tmp_path / "scene.ma"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _plan(scene: str, standin: str, **config: object):
    return plan_job(
        RenderConfig(scene_file=scene, render_exe=standin, renderer="sw", **config),  # type: ignore[arg-type]
        detector=_no_gpu(),
    )


def _argv(plan, layers: tuple[str, ...], frames: tuple[int, int]) -> list[str]:
    spec = TaskSpec("t0001", layers, FrameRun(frames[0], frames[1]), 1, plan.slots[0])
    return preview_argv(plan, spec)


# -- planning and the command line ---------------------------------------------------------------
def test_a_scene_with_animation_off_renders_a_still_without_frame_flags(
    tmp_path: Path, standin_exe: str
) -> None:
    plan = _plan(_scene(tmp_path), standin_exe)
    (layer,) = plan.layers
    assert layer.still and list(layer.frames) == [42]
    argv = _argv(plan, ("masterLayer",), (42, 42))
    assert not {"-s", "-e", "-b"} & set(argv)
    assert any("as a still (no frame number in the image name)" in n for n in plan.notes)


def test_frames_the_user_gives_are_an_animation_with_frame_flags(
    tmp_path: Path, standin_exe: str
) -> None:
    # --frames 42: Render -s 42 -e 42 turns animation on, and Maya numbers the image: that is
    # what the user asked for.
    for config in ({"frame_range": "42"}, {"layer_frames": {"masterLayer": "42"}}):
        plan = _plan(_scene(tmp_path), standin_exe, **config)
        assert not plan.layers[0].still
        argv = _argv(plan, ("masterLayer",), (42, 42))
        assert argv[argv.index("-s") : argv.index("-s") + 6] == ["-s", "42", "-e", "42", "-b", "1"]


def test_a_scene_with_animation_on_is_never_a_still(tmp_path: Path, standin_exe: str) -> None:
    text = STILL_SCENE.replace(
        'connectAttr "renderLayerManager',
        'select -ne :defaultRenderGlobals;\n\tsetAttr ".an" yes;\n\tsetAttr ".fs" 3;\n'
        '\tsetAttr ".ef" 3;\nconnectAttr "renderLayerManager',
        1,
    )
    plan = _plan(_scene(tmp_path, text), standin_exe)
    assert list(plan.layers[0].frames) == [3] and not plan.layers[0].still
    assert "-s" in _argv(plan, ("masterLayer",), (3, 3))


def test_the_real_cube_scene_is_a_still_of_frame_537(standin_exe: str) -> None:
    # deadline-cloud-for-maya's cube.ma: no .an, time1 537; real Maya computed frames '537'.
    plan = _plan(str(REAL_SCENES / "dlm_cube.ma"), standin_exe)
    (layer,) = plan.layers
    assert layer.still and list(layer.frames) == [537]
    assert "-s" not in _argv(plan, ("masterLayer",), (537, 537))


def test_a_stored_still_relaunches_as_a_still(tmp_path: Path, standin_exe: str) -> None:
    """Resume and retry hand each layer its frames; ``still_layers`` keeps a still a still."""
    plan = _plan(_scene(tmp_path), standin_exe)
    data = stored_config(plan)
    assert data["still_layers"] == ["masterLayer"]
    record = JobRecord(
        id="j1",
        created_at=0.0,
        updated_at=0.0,
        state="failed",  # type: ignore[arg-type]
        scene=str(plan.scene_path),
        config=json.loads(json.dumps(data)),
        manager_pid=None,
        manager_create_time=None,
        host=None,
        user=None,
        reason=None,
        ended_at=None,
    )
    config = config_from_record(record)
    assert config.still_layers == ["masterLayer"]
    config.layer_frames, config.frame_range = {"masterLayer": "42"}, ""  # what retry does
    again = plan_job(config, detector=_no_gpu())
    assert again.layers[0].still
    assert "-s" not in _argv(again, ("masterLayer",), (42, 42))
    # A stored animation stays an animation.
    numbered = _plan(_scene(tmp_path), standin_exe, frame_range="42")
    assert stored_config(numbered)["still_layers"] == []


def test_still_layers_of_one_frame_render_together_as_a_still(
    tmp_path: Path, standin_exe: str
) -> None:
    plan = _plan(
        _scene(tmp_path, TWO_LAYERS),
        standin_exe,
        layers=["BG", "FG"],
        render_mode=RenderMode.COMBINED,
    )
    assert still_frame(plan.layers) == 7
    assert is_still_task(plan.layers, FrameRun(7, 7))
    assert not is_still_task(plan.layers, FrameRun(6, 7))
    argv = _argv(plan, ("BG", "FG"), (7, 7))
    assert "-s" not in argv and argv[argv.index("-rl") + 1] == "BG,FG"


def test_a_still_beside_an_animation_in_one_process_is_numbered_and_says_so(
    tmp_path: Path, standin_exe: str
) -> None:
    plan = _plan(
        _scene(tmp_path, TWO_LAYERS),
        standin_exe,
        layers=["BG", "FG"],
        render_mode=RenderMode.COMBINED,
        layer_frames={"BG": "7", "FG": "7"},
        still_layers=["BG"],
    )
    bg, fg = plan.layers
    assert bg.still and not fg.still
    assert still_frame(plan.layers) is None
    assert "-s" in _argv(plan, ("BG", "FG"), (7, 7))
    assert any(
        "combined mode: BG may render in one process" in note and "frame number" in note
        for note in plan.notes
    )
    # Stills alone, or beside layers that never render their frame: no such note.
    alone = _plan(
        _scene(tmp_path, TWO_LAYERS),
        standin_exe,
        layers=["BG", "FG"],
        render_mode=RenderMode.COMBINED,
        layer_frames={"BG": "7", "FG": "1-5"},
        still_layers=["BG"],
    )
    assert not any("may render in one process" in note for note in alone.notes)


def test_a_still_invocation_has_no_frame_flags_and_one_frame() -> None:
    profile = get_profile("sw")
    inv = RenderInvocation("Render", "/s.ma", ("defaultRenderLayer",), 5, 5, still=True)
    assert profile.build_argv(inv) == [
        "Render",
        "-r",
        "sw",
        *profile.renderer_args(inv),
        "-rl",
        "defaultRenderLayer",
        "/s.ma",
    ]
    with pytest.raises(InvalidInvocationError, match="a still renders one frame"):
        profile.build_argv(RenderInvocation("Render", "/s.ma", (), 5, 6, still=True))


# -- dry run and farm ------------------------------------------------------------------------------
def test_the_dry_run_says_it_is_a_still(tmp_path: Path, standin_exe: str) -> None:
    plan = _plan(_scene(tmp_path), standin_exe)
    data = plan_as_dict(plan)
    assert data["layers"]["masterLayer"]["still"] is True
    assert data["layers"]["masterLayer"]["frames"] == [42]  # existing keys unchanged
    assert [task["still"] for task in data["tasks"]] == [True]
    text = io.StringIO()
    describe_plan(plan, text, as_json=False)
    assert "frame 42 (still: no frame number in the image name)" in text.getvalue()
    assert "t0001  masterLayer  frame 42 (still)" in text.getvalue()
    numbered = plan_as_dict(_plan(_scene(tmp_path), standin_exe, frame_range="42"))
    assert numbered["layers"]["masterLayer"]["still"] is False
    assert [task["still"] for task in numbered["tasks"]] == [False]


def test_a_farm_export_of_a_still_says_its_image_gets_a_number(
    tmp_path: Path, standin_exe: str
) -> None:
    plan = plan_job(
        RenderConfig(scene_file=_scene(tmp_path), render_exe=standin_exe, renderer="sw"),
        detector=_no_gpu(),
        for_farm=True,
    )
    job = describe_job(plan)
    assert any("farm tasks pass -s/-e" in note and "42" in note for note in job.notes)


# -- the log and the image -------------------------------------------------------------------------
class _Parser:
    """Turns ``image PATH FRAME`` lines into IMAGE_WRITTEN events (FRAME is ``-`` for none)."""

    def feed(self, line: str):
        from lrc_toolbox.renderers.base import EventKind, LogEvent

        _, path, frame = line.split()
        return [
            LogEvent(
                EventKind.IMAGE_WRITTEN, line, path=path, frame=None if frame == "-" else int(frame)
            )
        ]


def test_everything_a_still_reports_is_about_its_frame() -> None:
    notes = []
    monitor = TaskMonitor(
        task_id="t0001",
        layers=[("masterLayer", "defaultRenderLayer")],
        parser=_Parser(),  # type: ignore[arg-type]
        emit=notes.append,
        still_frame=537,
    )
    monitor.feed("image /out/shot_v002.exr 2")  # the file-name reader sees 'v002' as frame 2
    monitor.feed("image /out/cube.iff -")
    images = [(n.frame, n.path) for n in notes if n.kind is NoteKind.IMAGE]
    assert images == [(537, "/out/shot_v002.exr"), (537, "/out/cube.iff")]


def test_a_still_naming_is_its_path() -> None:
    naming = ImageNaming()
    naming.learn("masterLayer", "/out/{x}/shot_v002.exr", 2, still=True)
    assert naming.predict("masterLayer", 2) == ["/out/{x}/shot_v002.exr"]
    naming.learn("BG", "/out/cube.iff", 537)  # not a still: no frame number, nothing learned
    assert not naming.is_known("BG")


def _verify(reported, predicted, mtime: float, *, skip_existing: bool = False) -> FrameVerdict:
    facts = ImageFacts(exists=True, size=10, mtime=mtime)
    return verify_frame(
        reported,
        predicted,
        launched_wall=LAUNCHED_WALL,
        skip_existing=skip_existing,
        probe=lambda path: facts,
        still=True,
    )


def test_only_a_fresh_still_image_counts() -> None:
    fresh = LAUNCHED_WALL + 1
    stale = LAUNCHED_WALL - STALE_IMAGE_SLACK_S - 1
    assert _verify(["/o/cube.iff"], [], fresh) == FrameVerdict(True, path="/o/cube.iff")
    old = _verify(["/o/cube.iff"], [], stale)
    assert not old.ok and "older than the task's launch" in old.why
    assert _verify([], ["/o/cube.iff"], fresh).ok
    assert not _verify([], ["/o/cube.iff"], stale).ok
    assert _verify(["/o/cube.iff"], [], stale, skip_existing=True).ok  # the user keeps images
    empty = verify_frame(
        ["/o/cube.iff"],
        [],
        launched_wall=LAUNCHED_WALL,
        skip_existing=False,
        probe=lambda path: ImageFacts(exists=True, size=0, mtime=LAUNCHED_WALL + 1),
        still=True,
    )
    assert not empty.ok and "empty" in empty.why
