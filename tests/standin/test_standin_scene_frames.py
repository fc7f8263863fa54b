"""The stand-in's frames without ``-s/-e``: the scene decides, as in Maya (no processes)."""

from __future__ import annotations

from pathlib import Path

from lrc_test_support import ROOT
from lrc_toolbox.standin.command_line import parse_render_args
from lrc_toolbox.standin.image_paths import ImageNaming
from lrc_toolbox.standin.scene_frames import (
    FramePlan,
    SceneGlobals,
    frame_plan,
    read_scene_globals,
)

GLOBALS = """//Maya ASCII 2024 scene
requires maya "2024";
createNode transform -n "persp";
	setAttr ".o" 12;
select -ne :time1;
	setAttr -k on ".o" 537;
	setAttr ".unw" 537;
select -ne :defaultRenderGlobals;
	setAttr ".an" yes;
	setAttr ".fs" 3;
	setAttr ".ef" 6;
	setAttr ".bfs" 2;
"""  # noqa: E101 - Maya continuation lines start with tabs


def test_the_scene_globals_are_read_from_their_own_nodes(tmp_path: Path) -> None:
    scene = tmp_path / "s.ma"
    scene.write_text(GLOBALS)
    assert read_scene_globals(scene) == SceneGlobals(True, 537.0, 3.0, 6.0, 2.0)
    scene.write_text(GLOBALS.split("select -ne :defaultRenderGlobals")[0])
    assert read_scene_globals(scene) == SceneGlobals(animation=False, current_frame=537.0)
    assert read_scene_globals(tmp_path / "missing.ma") == SceneGlobals()


def test_the_real_cube_scene_reads_as_a_still_of_537() -> None:
    cube = ROOT / "tests" / "data" / "real_scenes" / "scenes" / "dlm_cube.ma"
    globals_ = read_scene_globals(cube)
    assert (globals_.animation, globals_.current_frame) == (False, 537.0)


def test_without_frame_flags_animation_off_is_a_still_of_the_current_frame() -> None:
    still = SceneGlobals(animation=False, current_frame=536.6)
    assert frame_plan(parse_render_args(["s.ma"]), still) == FramePlan((537,), still=True)
    # -b alone only sets the step: still a still.
    assert frame_plan(parse_render_args(["-b", "2", "s.ma"]), still).still


def test_frame_flags_turn_animation_on() -> None:
    still = SceneGlobals(animation=False, current_frame=537)
    assert frame_plan(parse_render_args(["-s", "537", "-e", "537", "s.ma"]), still) == FramePlan(
        (537,)
    )
    assert frame_plan(parse_render_args(["-s", "2", "s.ma"]), still) == FramePlan(
        tuple(range(2, 11))
    )


def test_without_frame_flags_animation_on_renders_the_scene_range() -> None:
    anim = SceneGlobals(animation=True, current_frame=1, start=3, end=6, by=2)
    assert frame_plan(parse_render_args(["s.ma"]), anim) == FramePlan((3, 5))
    assert frame_plan(parse_render_args(["-b", "1", "s.ma"]), anim) == FramePlan((3, 4, 5, 6))
    assert frame_plan(parse_render_args(["s.ma"]), SceneGlobals(animation=True)) == FramePlan(
        tuple(range(1, 11))
    )


def test_a_still_image_has_no_frame_number(tmp_path: Path) -> None:
    naming = ImageNaming(output_dir=tmp_path, prefix="<Scene>", scene_stem="cube", layer="x")
    assert naming.still_path() == tmp_path / "cube.exr"
    assert naming.path_for(537) == tmp_path / "cube.0537.exr"
    bare = ImageNaming(
        output_dir=tmp_path, prefix="<Scene>", scene_stem="cube", layer="x", convention="name.#"
    )
    assert bare.still_path() == tmp_path / "cube"
