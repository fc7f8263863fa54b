"""Where images go: the user's folder, else the project's images rule, else Maya's default project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lrc_toolbox.core.output_location import (
    OutputLocationError,
    OutputOrigin,
    resolve_output_location,
)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"MAYA_APP_DIR": str(tmp_path / "maya"), "HOME": str(tmp_path / "home")}


def test_scene_outside_any_project_goes_to_mayas_default_project(tmp_path, env) -> None:
    scene = tmp_path / "loose" / "shot.ma"
    location = resolve_output_location(scene, environ=env, temp_parent=tmp_path / "tmp")
    default = tmp_path / "maya" / "projects" / "default"
    assert location.origin is OutputOrigin.DEFAULT_PROJECT
    assert location.output_dir == str(default / "images")  # never beside the scene
    assert location.project_dir is None  # not created yet: nothing to pass as -proj
    default.mkdir(parents=True)
    (default / "workspace.mel").write_text('workspace -fr "images" "pics";\n')
    location = resolve_output_location(scene, environ=env, temp_parent=tmp_path / "tmp")
    assert location.output_dir == str(default / "pics")
    assert location.project_dir == str(default)
    assert "default project" in location.describe()


def test_scene_inside_a_project_uses_its_images_rule(tmp_path, env) -> None:
    project = tmp_path / "proj"
    (project / "scenes").mkdir(parents=True)
    (project / "workspace.mel").write_text('workspace -fr "images" "renders";\n')
    location = resolve_output_location(
        project / "scenes" / "shot.ma", environ=env, temp_parent=tmp_path / "tmp"
    )
    assert location.origin is OutputOrigin.PROJECT
    assert location.output_dir == str(project.resolve() / "renders")
    assert location.project_dir == str(project.resolve())


def test_the_users_folder_wins_and_is_made_absolute(tmp_path, env, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    location = resolve_output_location(
        tmp_path / "shot.ma", output_dir="out/imgs", environ=env, temp_parent=tmp_path / "tmp"
    )
    assert location.origin is OutputOrigin.USER
    assert location.output_dir == os.path.join(str(tmp_path), "out", "imgs")


def test_a_given_project_must_exist_and_is_used(tmp_path, env) -> None:
    with pytest.raises(OutputLocationError, match="not found"):
        resolve_output_location(tmp_path / "s.ma", project_dir=str(tmp_path / "nope"), environ=env)
    (tmp_path / "p").mkdir()
    location = resolve_output_location(
        tmp_path / "s.ma", project_dir=str(tmp_path / "p"), environ=env, temp_parent=tmp_path / "t"
    )
    assert location.output_dir == str(tmp_path / "p" / "images")
    assert location.project_dir == str(tmp_path / "p")


def test_images_inside_the_temp_folder_are_refused(tmp_path, env) -> None:
    temp = tmp_path / "tmp" / "lrc_toolbox-me"
    temp.mkdir(parents=True)
    with pytest.raises(OutputLocationError, match="temp folder"):
        resolve_output_location(
            tmp_path / "s.ma", output_dir=str(temp / "job-1" / "out"), environ=env, temp_parent=temp
        )
