"""Tests for lrc_toolbox.scene.file_check: which files are readable Maya ASCII scenes, and why not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from scene_fixtures import FOR4_HEADER, NO_GLOBALS, write

from lrc_toolbox.scene import (
    BINARY_SCENE_HINT,
    BinarySceneError,
    NotMayaAsciiError,
    SceneIsDirectoryError,
    SceneNotFoundError,
    ScenePermissionError,
    SceneReadError,
    check_scene_file,
    read_scene,
)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SceneNotFoundError, match="not found"):
        read_scene(tmp_path / "nope.ma")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(SceneIsDirectoryError, match="is a directory"):
        read_scene(tmp_path)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root can read 0o000 files")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.ma", NO_GLOBALS)
    path.chmod(0)
    try:
        with pytest.raises(ScenePermissionError, match="no permission"):
            read_scene(path)
    finally:
        path.chmod(0o600)


def test_permission_error_from_the_os(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same as above where the suite runs as root: the OS refusal is faked at ``open``."""
    import lrc_toolbox.scene.file_check as file_check

    path = write(tmp_path, "locked.ma", NO_GLOBALS)

    def refuse(file: object, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(file))

    monkeypatch.setattr(file_check, "open", refuse, raising=False)
    with pytest.raises(ScenePermissionError, match="no permission to read scene file"):
        read_scene(path)


@pytest.mark.parametrize("name", ["scene.mb", "renamed.ma"])
def test_maya_binary_is_detected_by_content(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, FOR4_HEADER + b"\x00" * 64)
    with pytest.raises(BinarySceneError) as err:
        read_scene(path)
    assert BINARY_SCENE_HINT in str(err.value)
    assert "--layer NAME" in str(err.value)
    assert isinstance(err.value, SceneReadError) and isinstance(err.value, ValueError)


def test_nul_bytes_mean_binary(tmp_path: Path) -> None:
    with pytest.raises(BinarySceneError, match="binary data"):
        read_scene(write(tmp_path, "x.ma", b"//Maya ASCII 2024 scene\n\x00\x01"))


def test_ascii_content_named_mb_is_read_with_a_warning(tmp_path: Path) -> None:
    info = read_scene(write(tmp_path, "actually_ascii.mb", NO_GLOBALS))
    assert any("named .mb but contains Maya ASCII" in w for w in info.warnings)


@pytest.mark.parametrize(
    "text",
    ["", "   \n", "hello world;\n", "createNode renderLayer;\n", "// a MEL script\nprint 1;\n"],
)
def test_not_maya_ascii(tmp_path: Path, text: str) -> None:
    with pytest.raises(NotMayaAsciiError, match="not a Maya ASCII scene|is empty"):
        read_scene(write(tmp_path, "x.ma", text))


def test_check_scene_file_returns_header_version(tmp_path: Path) -> None:
    assert check_scene_file(write(tmp_path, "v.ma", "//Maya ASCII 2025ff03 scene\n")) == "2025ff03"
