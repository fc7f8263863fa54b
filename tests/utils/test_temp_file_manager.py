"""Tests for lrc_toolbox.utils.temp_file_manager: private folders, new files, cleanup, names."""

from __future__ import annotations

import logging
import os
import re
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lrc_toolbox.utils.temp_file_manager import (
    MAX_COMPONENT_CHARS,
    TempFileError,
    TempFileManager,
    safe_file_component,
)

POSIX = os.name != "nt"
SAFE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]*$")


@pytest.fixture
def temp_root(tmp_path: Path) -> Path:
    return tmp_path / "jobs"


def _new_file(temp: TempFileManager, label: str) -> Path:
    """Put a file into the job folder the way a scene snapshot does, and track it."""
    out, path = temp.open_new_file(f"render_shot001_t_{label}", "shot001.ma", what="snapshot")
    with out:
        out.write(b"//Maya ASCII 2024 scene\n")
    return temp.track(path)


# --------------------------------------------------------------------------------------------------
# Folders, cleanup, keep
# --------------------------------------------------------------------------------------------------
@pytest.mark.skipif(not POSIX, reason="POSIX permission bits")
def test_default_folders_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with TempFileManager() as temp:
        parent = temp.job_dir.parent
        assert parent.parent == tmp_path and parent.name.startswith("lrc_toolbox-")
        assert stat.S_IMODE(parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(temp.job_dir.stat().st_mode) == 0o700
        assert temp.job_dir.name.startswith("job-")
        snap = _new_file(temp, "MASTER_BG_A")
        assert stat.S_IMODE(snap.stat().st_mode) & 0o077 == 0
    assert not temp.job_dir.exists()
    assert parent.exists()  # shared by this user's other jobs


@pytest.mark.skipif(not POSIX, reason="POSIX permission bits")
@pytest.mark.parametrize("kind", ["world_readable", "symlink", "file"])
def test_insecure_parent_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with TempFileManager() as probe:
        parent = probe.job_dir.parent
    parent.rmdir()
    if kind == "world_readable":
        parent.mkdir()
        parent.chmod(0o755)
    elif kind == "symlink":
        (tmp_path / "elsewhere").mkdir(mode=0o700)
        parent.symlink_to(tmp_path / "elsewhere")
    else:
        parent.write_text("not a folder")
    with caplog.at_level(logging.WARNING), TempFileManager() as temp:
        assert temp.job_dir.parent == tmp_path
        assert temp.job_dir.name.startswith("lrc_toolbox-job-")
        assert stat.S_IMODE(temp.job_dir.stat().st_mode) == 0o700
        assert "not a private folder" in caplog.text
    assert not temp.job_dir.exists()


def test_explicit_root_is_created(tmp_path: Path) -> None:
    root = tmp_path / "a" / "b"
    with TempFileManager(root=root) as temp:
        assert temp.job_dir.parent == root
        if POSIX:
            assert stat.S_IMODE(temp.job_dir.stat().st_mode) == 0o700


def test_root_that_is_a_file(tmp_path: Path) -> None:
    afile = tmp_path / "file"
    afile.write_text("x")
    with pytest.raises(TempFileError, match="not a directory"):
        TempFileManager(root=afile)
    with pytest.raises(TempFileError):
        TempFileManager(root=afile / "below")


def test_cleanup_one_and_all(temp_root: Path, tmp_path: Path) -> None:
    temp = TempFileManager(root=temp_root)
    snap = _new_file(temp, "MASTER_BG_A")
    log = temp.track(tmp_path / "render.log")
    log.write_text("log")
    stray = temp.job_dir / "stray.txt"
    stray.write_text("x")
    assert temp.cleanup(snap) is True
    assert not snap.exists() and not snap.parent.exists()  # its own folder goes with it
    assert temp.cleanup(snap) is False  # already gone
    outsider = tmp_path / "precious.ma"
    outsider.write_text("artist scene")
    with pytest.raises(TempFileError, match="refusing to delete"):
        temp.cleanup(outsider)
    assert outsider.exists()
    assert temp.cleanup_all() == ()
    assert not temp.job_dir.exists() and not log.exists() and outsider.exists()
    with pytest.raises(TempFileError, match="already cleaned up"):
        temp.open_new_file("render_late", "shot001.ma")
    with pytest.raises(TempFileError, match="already cleaned up"):
        temp.ensure_open()
    assert temp.cleanup_all() == ()  # idempotent


def test_keep_leaves_everything(temp_root: Path, tmp_path: Path) -> None:
    log = tmp_path / "render.log"
    log.write_text("log")
    with TempFileManager(root=temp_root, keep=True) as temp:
        snap = _new_file(temp, "MASTER_CHAR_A")
        temp.track(log)
        assert temp.cleanup(snap) is False
    assert snap.exists() and log.exists() and temp.job_dir.is_dir()


def test_context_manager_cleans_up_on_exception(temp_root: Path) -> None:
    with pytest.raises(RuntimeError, match="render failed"):
        with TempFileManager(root=temp_root) as temp:
            snap = _new_file(temp, "MASTER_ATMOS_A")
            assert snap.exists()
            raise RuntimeError("render failed")
    assert not temp.job_dir.exists()


def test_keep_survives_exception(temp_root: Path) -> None:
    with pytest.raises(RuntimeError):
        with TempFileManager(root=temp_root, keep=True) as temp:
            snap = _new_file(temp, "MASTER_ATMOS_A")
            raise RuntimeError("render failed")
    assert snap.exists()


# --------------------------------------------------------------------------------------------------
# New files
# --------------------------------------------------------------------------------------------------
def test_new_files_get_a_private_folder_of_their_own(temp_root: Path) -> None:
    with TempFileManager(root=temp_root) as temp:
        first = _new_file(temp, "BG")
        out, second = temp.open_new_file("render_shot001_t_BG", "shot001.ma")
        with out:
            out.write(b"x")
        # The folder name was taken: "-2" goes on the folder, the file keeps its name.
        assert second.parent.name == "render_shot001_t_BG-2" and second.name == "shot001.ma"
        assert first.parent.parent == second.parent.parent == temp.job_dir
        assert second not in temp.tracked  # tracked only when the caller says it is complete
        assert temp.tracked == (first,)
        if POSIX:
            assert stat.S_IMODE(second.parent.stat().st_mode) == 0o700
            assert stat.S_IMODE(second.stat().st_mode) == 0o600


def test_too_many_folders_of_one_name(temp_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lrc_toolbox.utils.temp_file_manager as temp_file_manager

    monkeypatch.setattr(temp_file_manager, "MAX_NAME_ATTEMPTS", 2)
    with TempFileManager(root=temp_root) as temp:
        _new_file(temp, "BG")
        _new_file(temp, "BG")
        with pytest.raises(TempFileError, match="too many snapshots named render_shot001_t_BG"):
            _new_file(temp, "BG")


# --------------------------------------------------------------------------------------------------
# safe_file_component
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [("MASTER_BG_A", "MASTER_BG_A"), ("shot001", "shot001"), ("v1.2-final", "v1.2-final")],
)
def test_safe_names_pass_through(name: str, expected: str) -> None:
    assert safe_file_component(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..",
        ".",
        "a/b",
        "a\\b",
        'say "hi"',
        "a;b",
        "$(whoami)",
        "`id`",
        "two words",
        "line\nbreak",
        "nul\x00",
        "名前",
        "é",
        "",
        "-rf",
        "CON",
        "nul.txt",
        "LPT1",
        "x" * 200,
        "trailing.",
        "MASTER-0123456789",
    ],
)
def test_unsafe_names_are_changed_and_hashed(name: str) -> None:
    out = safe_file_component(name)
    assert SAFE.match(out), out
    assert len(out) <= MAX_COMPONENT_CHARS
    assert out != name
    assert re.search(r"-[0-9a-f]{10}$", out)
    assert out.split(".")[0].upper() not in {"CON", "NUL", "LPT1"}


def test_accents_become_ascii_letters() -> None:
    assert safe_file_component("café").startswith("cafe-")


def test_safe_file_component_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        safe_file_component(b"bytes")  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(a=st.text(max_size=80), b=st.text(max_size=80))
def test_safe_names_are_safe_and_distinct(a: str, b: str) -> None:
    out_a, out_b = safe_file_component(a), safe_file_component(b)
    for out in (out_a, out_b):
        assert SAFE.match(out) and len(out) <= MAX_COMPONENT_CHARS
    if a != b:
        assert out_a != out_b
