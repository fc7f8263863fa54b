"""Maya projects: workspace.mel found above a scene, its images rule, Maya's default project."""

from __future__ import annotations

from pathlib import Path

from lrc_toolbox.scene.workspace import (
    PROJECT_SEARCH_DEPTH,
    default_project_dir,
    file_rule,
    find_maya_project,
    maya_app_dir,
    workspace_images_dir,
)


def test_project_is_found_from_the_scene_folder_and_its_parents(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    deep = project / "scenes" / "seq010" / "sh020"
    deep.mkdir(parents=True)
    (project / "workspace.mel").write_text('workspace -fr "images" "images";\n')
    assert find_maya_project(deep / "shot.ma") == project.resolve()
    assert find_maya_project(project / "shot.ma") == project.resolve()
    assert find_maya_project(tmp_path / "elsewhere" / "shot.ma") is None


def test_search_depth_is_bounded(tmp_path: Path) -> None:
    (tmp_path / "workspace.mel").write_text("")
    too_deep = tmp_path.joinpath(*[f"d{i}" for i in range(PROJECT_SEARCH_DEPTH + 1)])
    too_deep.mkdir(parents=True)
    assert find_maya_project(too_deep / "shot.ma") is None


def test_images_rule_relative_absolute_missing_and_last_one_wins(tmp_path: Path) -> None:
    assert workspace_images_dir(tmp_path) == tmp_path / "images"  # no workspace.mel
    (tmp_path / "workspace.mel").write_text(
        "//Maya 2024 Project Definition\n"
        'workspace -fr "images" "images";\n'
        'workspace -fr "sourceImages" "sourceimages";\n'
        'workspace -fileRule "images" "renders/N Title";\n'
    )
    assert file_rule(tmp_path, "images") == "renders/N Title"
    assert file_rule(tmp_path, "sourceImages") == "sourceimages"
    assert file_rule(tmp_path, "depth") is None
    assert workspace_images_dir(tmp_path) == tmp_path / "renders" / "N Title"
    absolute = tmp_path / "farm" / "out"
    (tmp_path / "workspace.mel").write_text(f'workspace -fr "images" "{absolute.as_posix()}";\n')
    assert workspace_images_dir(tmp_path) == absolute


def test_maya_app_dir_defaults_per_platform_and_the_variable_wins(tmp_path: Path) -> None:
    home = {"HOME": "/home/ann", "USERPROFILE": "C:/Users/ann"}
    assert maya_app_dir(home, platform="linux") == Path("/home/ann/maya")
    assert maya_app_dir(home, platform="darwin") == Path(
        "/home/ann/Library/Preferences/Autodesk/maya"
    )
    assert maya_app_dir({"USERPROFILE": "/u/ann"}, platform="win32") == Path(
        "/u/ann/Documents/maya"
    )
    given = {**home, "MAYA_APP_DIR": str(tmp_path / "m")}
    assert maya_app_dir(given, platform="linux") == tmp_path / "m"
    assert default_project_dir(given) == tmp_path / "m" / "projects" / "default"
