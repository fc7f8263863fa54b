"""Finding Maya's Render: explicit path, MAYA_LOCATION, install folders (newest first), PATH."""

from __future__ import annotations

from pathlib import Path

import pytest

from lrc_toolbox.core.render_executable import RenderExecutableNotFound, find_render_executable


def _exe(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


def test_explicit_path_wins(tmp_path) -> None:
    exe = _exe(tmp_path / "custom" / "Render")
    found = find_render_executable(str(exe), environ={"MAYA_LOCATION": "/nowhere"})
    assert found.path == str(exe.resolve()) and found.source == "explicit"


def test_explicit_missing_path_is_an_error_naming_it(tmp_path) -> None:
    with pytest.raises(RenderExecutableNotFound, match="does not exist"):
        find_render_executable(str(tmp_path / "nope"), which=lambda name: None)


def test_maya_location_then_install_folders_newest_first(tmp_path) -> None:
    root = tmp_path / "autodesk"
    _exe(root / "maya2023" / "bin" / "Render")
    newest = _exe(root / "maya2025" / "bin" / "Render")
    (root / "maya2026").mkdir()  # a half-removed install without Render: skipped
    found = find_render_executable(
        environ={}, platform="linux", install_roots=[str(root)], which=lambda name: None
    )
    assert found.path == str(newest) and found.source == "install folder"
    location = _exe(tmp_path / "loc" / "bin" / "Render")
    found = find_render_executable(
        environ={"MAYA_LOCATION": str(tmp_path / "loc")},
        platform="linux",
        install_roots=[str(root)],
    )
    assert found.path == str(location) and found.source == "MAYA_LOCATION"


def test_windows_and_mac_layouts(tmp_path) -> None:
    win = _exe(tmp_path / "win" / "Maya2024" / "bin" / "Render.exe")
    found = find_render_executable(
        environ={}, platform="win32", install_roots=[str(tmp_path / "win")], which=lambda n: None
    )
    assert found.path == str(win)
    mac = _exe(tmp_path / "mac" / "maya2025" / "Maya.app" / "Contents" / "bin" / "Render")
    found = find_render_executable(
        environ={}, platform="darwin", install_roots=[str(tmp_path / "mac")], which=lambda n: None
    )
    assert found.path == str(mac)


def test_path_is_the_last_resort_and_not_found_lists_every_place(tmp_path) -> None:
    found = find_render_executable(
        environ={},
        platform="linux",
        install_roots=[],
        which=lambda name: "/opt/bin/Render" if name == "Render" else None,
    )
    assert found.source == "PATH"
    with pytest.raises(RenderExecutableNotFound) as info:
        find_render_executable(
            environ={"MAYA_LOCATION": str(tmp_path)},
            platform="linux",
            install_roots=[str(tmp_path)],
            which=lambda name: None,
        )
    message = str(info.value)
    assert "MAYA_LOCATION" in message and "Render on PATH" in message and "--render-exe" in message
