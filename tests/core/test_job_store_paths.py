"""Job store: where the store lives (per-user data folder, private mode) and job ids."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import job_store_support as support
import pytest
from job_store_support import make_job

from lrc_toolbox.config.batch_render_defaults import DATA_DIR_ENV
from lrc_toolbox.core.job_store import (
    DataDirError,
    JobStore,
    data_dir,
    default_store_path,
    new_job_id,
    resolve_data_dir,
)

# The shared fixtures (pytest finds them by their names: clock, store_path, store).
clock_fixture = support.clock_fixture
store_path_fixture = support.store_path_fixture
store_fixture = support.store_fixture


def test_env_var_overrides_everything(tmp_path: Path) -> None:
    env = {DATA_DIR_ENV: str(tmp_path / "custom"), "XDG_DATA_HOME": "/xdg"}
    assert resolve_data_dir(environ=env, platform="linux") == tmp_path / "custom"
    assert resolve_data_dir(environ=env, platform="win32") == tmp_path / "custom"


def test_env_var_expands_user_and_becomes_absolute(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert resolve_data_dir(environ={DATA_DIR_ENV: "~/lrc"}) == tmp_path / "lrc"
    assert resolve_data_dir(environ={DATA_DIR_ENV: "rel/dir"}) == tmp_path / "rel" / "dir"


def test_blank_env_var_is_ignored(tmp_path: Path) -> None:
    got = resolve_data_dir(environ={DATA_DIR_ENV: "  "}, platform="linux", home=tmp_path)
    assert got == tmp_path / ".local" / "share" / "lrc_toolbox"


def test_linux_uses_absolute_xdg_data_home_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    xdg = tmp_path / "xdg"
    got = resolve_data_dir(environ={"XDG_DATA_HOME": str(xdg)}, platform="linux", home=home)
    assert got == xdg / "lrc_toolbox"
    # The XDG spec says a relative value is invalid and must be ignored.
    got = resolve_data_dir(environ={"XDG_DATA_HOME": "rel"}, platform="linux", home=home)
    assert got == home / ".local" / "share" / "lrc_toolbox"
    got = resolve_data_dir(environ={}, platform="linux", home=home)
    assert got == home / ".local" / "share" / "lrc_toolbox"


def test_windows_uses_localappdata(tmp_path: Path) -> None:
    local = tmp_path / "Local"
    got = resolve_data_dir(environ={"LOCALAPPDATA": str(local)}, platform="win32", home=tmp_path)
    assert got == local / "lrc_toolbox"
    got = resolve_data_dir(environ={}, platform="win32", home=tmp_path)
    assert got == tmp_path / "AppData" / "Local" / "lrc_toolbox"


def test_macos_uses_application_support(tmp_path: Path) -> None:
    got = resolve_data_dir(environ={"XDG_DATA_HOME": "/x"}, platform="darwin", home=tmp_path)
    assert got == tmp_path / "Library" / "Application Support" / "lrc_toolbox"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_data_dir_is_created_private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    monkeypatch.setenv(DATA_DIR_ENV, str(target))
    old_umask = os.umask(0o177)  # an odd umask must not leave the folder unusable
    try:
        assert data_dir() == target
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    assert default_store_path() == target / "jobs.sqlite3"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_existing_data_dir_mode_is_left_alone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "shared"
    target.mkdir(mode=0o755)
    os.chmod(target, 0o755)
    monkeypatch.setenv(DATA_DIR_ENV, str(target))
    assert data_dir() == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_file_in_place_of_data_dir_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    monkeypatch.setenv(DATA_DIR_ENV, str(blocker))
    with pytest.raises(DataDirError, match="not a directory"):
        data_dir()
    monkeypatch.setenv(DATA_DIR_ENV, str(blocker / "sub"))
    with pytest.raises(DataDirError, match="cannot create data folder"):
        data_dir()


def test_store_without_path_uses_the_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    with JobStore() as opened:
        assert opened.path == tmp_path / "data" / "jobs.sqlite3"
        make_job(opened)
    assert (tmp_path / "data" / "jobs.sqlite3").is_file()


def test_new_job_id_format_and_order() -> None:
    first = new_job_id(now=1_795_445_553.0)  # 2026-11-23 14:52:33 UTC
    assert re.fullmatch(r"20261123-145233-[0-9a-f]{6}", first)
    later = new_job_id(now=1_795_445_554.0)
    assert first < later
    assert new_job_id() != new_job_id()
    assert re.fullmatch(r"\d{8}-\d{6}-[0-9a-f]{6}", new_job_id())
