"""The stand-in treats -rd, -proj, workspace.mel and scene-relative paths the way Render does.

Sources for each behaviour are cited in ``lrc_toolbox/standin/workspace.py`` (research notes
``docs/research/maya_facts.md`` sections 1 and 2).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lrc_toolbox.standin.render_standin import read_standin_image
from lrc_toolbox.standin.workspace import (
    SceneFile,
    default_project,
    images_folder,
    missing_scene_files,
    scene_files,
    workspace_root,
)

STANDIN = [sys.executable, "-m", "lrc_toolbox.standin.render_standin"]
HEADER = '//Maya ASCII 2024 scene\nrequires maya "2024";\n'
REFERENCE = (
    'file -rdi 1 -ns "ref" -rfn "refRN" -op "v=0;" -typ "mayaAscii" "ref.ma";\n'
    'file -r -ns "ref" -dr 1 -rfn "refRN" -op "v=0;"\n\t\t -typ "mayaAscii" "ref.ma";\n'
)
TEXTURE = 'createNode file -n "wood";\n\tsetAttr ".ftn" -type "string" "textures/wood.png";\n'


def test_default_project_follows_maya_app_dir(tmp_path: Path) -> None:
    env = {"MAYA_APP_DIR": str(tmp_path / "m"), "HOME": "/nowhere"}
    assert default_project(env) == tmp_path / "m" / "projects" / "default"
    assert workspace_root(None, env) == tmp_path / "m" / "projects" / "default"
    assert workspace_root(str(tmp_path / "p"), env) == tmp_path / "p"
    if sys.platform.startswith("linux"):
        assert default_project({"HOME": "/home/a"}) == Path("/home/a/maya/projects/default")


def test_images_rule_and_relative_rd_are_under_the_project(tmp_path: Path) -> None:
    assert images_folder(tmp_path, None) == tmp_path / "images"
    (tmp_path / "workspace.mel").write_text('workspace -fr "images" "renders/beauty";\n')
    assert images_folder(tmp_path, None) == tmp_path / "renders" / "beauty"
    assert images_folder(tmp_path, "out") == tmp_path / "out"
    assert images_folder(tmp_path, str(tmp_path / "abs")) == tmp_path / "abs"


def test_scene_files_reads_references_textures_and_caches(tmp_path: Path) -> None:
    scene = tmp_path / "s.ma"
    scene.write_text(HEADER + REFERENCE + TEXTURE)
    assert scene_files(scene) == [
        SceneFile("reference", "ref.ma"),
        SceneFile("texture", "textures/wood.png"),
    ]


def test_relative_paths_resolve_from_the_project_then_the_scene_folder(tmp_path: Path) -> None:
    scene = tmp_path / "shot" / "s.ma"
    scene.parent.mkdir()
    scene.write_text(HEADER + REFERENCE + TEXTURE)
    project = tmp_path / "proj"
    project.mkdir()
    assert {m.value for m in missing_scene_files(scene, project, {})} == {
        "ref.ma",
        "textures/wood.png",
    }
    (scene.parent / "ref.ma").write_text(HEADER)  # beside the scene: found
    (project / "textures").mkdir()
    (project / "textures" / "wood.png").write_bytes(b"png")  # under the project: found
    assert missing_scene_files(scene, project, {}) == []


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*STANDIN, *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LRC_STANDIN_", "CUDA_"))}
    clean.update(
        {
            "LRC_STANDIN_FRAME_S": "0.01",
            "LRC_STANDIN_STARTUP_S": "0",
            "MAYA_APP_DIR": str(tmp_path / "maya"),
            "LRC_STANDIN_RECORD": str(tmp_path / "record.jsonl"),
        }
    )
    return clean


@pytest.mark.slow
def test_no_rd_no_proj_writes_to_the_default_project_not_beside_the_scene(
    tmp_path: Path, env: dict[str, str]
) -> None:
    scene = tmp_path / "shots" / "s.ma"
    scene.parent.mkdir()
    scene.write_text(HEADER)
    run = _run(["-r", "sw", "-s", "1", "-e", "1", str(scene)], env)
    assert run.returncode == 0, run.stdout
    assert not (scene.parent / "images").exists()
    image = tmp_path / "maya" / "projects" / "default" / "images" / "masterLayer" / "s.0001.exr"
    assert read_standin_image(image) is not None


@pytest.mark.slow
def test_a_reference_lost_by_a_copy_fails_loudly_and_a_lost_texture_is_recorded(
    tmp_path: Path, env: dict[str, str]
) -> None:
    copy = tmp_path / "tmpcopy" / "s.ma"
    copy.parent.mkdir()
    copy.write_text(HEADER + REFERENCE)
    run = _run(["-r", "sw", "-s", "1", "-e", "1", "-rd", str(tmp_path / "out"), str(copy)], env)
    assert run.returncode == 211, run.stdout
    assert "Could not open file. : ref.ma" in run.stdout

    copy.write_text(HEADER + TEXTURE)
    run = _run(["-r", "sw", "-s", "1", "-e", "1", "-rd", str(tmp_path / "out"), str(copy)], env)
    assert run.returncode == 0, run.stdout
    assert 'texture file "textures/wood.png" not found' in run.stdout
    info = read_standin_image(tmp_path / "out" / "masterLayer" / "s.0001.exr")
    assert info is not None and info["missing_files"] == ["textures/wood.png"]
    ends = [json.loads(line) for line in Path(env["LRC_STANDIN_RECORD"]).read_text().splitlines()]
    assert ends[-1]["missing_files"] == ["textures/wood.png"]
