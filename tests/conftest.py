"""Shared fixtures: the Render stand-in, an isolated data folder, and process hygiene."""

from __future__ import annotations

import os
from pathlib import Path

import psutil
import pytest

from lrc_test_support import ROOT, SAMPLE_SCENE, find_standin  # noqa: F401  (re-exported)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture()
def standin_exe() -> str:
    """The Render stand-in executable."""
    return find_standin()


@pytest.fixture()
def render_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """An isolated environment for engine runs: data folder, temp folder, stand-in knobs."""
    data = tmp_path / "data"
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    values = {
        "LRC_TOOLBOX_DATA_DIR": str(data),
        "TMPDIR": str(tmp),
        "LRC_STANDIN_FRAME_S": "0.02",
        "LRC_STANDIN_STARTUP_S": "0.02",
        "LRC_STANDIN_STATE_DIR": str(tmp_path / "standin_state"),
        "LRC_STANDIN_RECORD": str(tmp_path / "record.jsonl"),
        "LRC_TOOLBOX_LEASE_DIR": str(tmp_path / "leases"),
        # Maya's default project (where a scene outside any project renders): never the real
        # home folder's in a test.
        "MAYA_APP_DIR": str(tmp_path / "maya"),
    }
    (tmp_path / "standin_state").mkdir()
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("LRC_STANDIN_FAULTS", raising=False)
    monkeypatch.delenv("LRC_STANDIN_LAYER_FRAME_S", raising=False)
    # tempfile caches gettempdir(); make it look again so temp scenes land in our folder.
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    return values


@pytest.fixture(autouse=True)
def _no_leftover_children():
    """Fail a test that leaves a child process of ours running (renders must be stopped)."""
    me = psutil.Process()
    before = {p.pid for p in me.children(recursive=True)}
    yield
    leftovers = []
    for proc in me.children(recursive=True):
        if proc.pid in before:
            continue
        try:
            if proc.status() != psutil.STATUS_ZOMBIE:
                leftovers.append(proc)
        except psutil.NoSuchProcess:
            continue
    for proc in leftovers:
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            pass
    assert not leftovers, f"test left processes running: {[p.pid for p in leftovers]}"


def _process_start_refused(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError(
        "this test starts a process but is not marked @pytest.mark.slow: mark it, so that "
        '`pytest -m "not slow"` stays a few-second, process-free run'
    )


@pytest.fixture(autouse=True)
def _only_slow_tests_start_processes(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the slow marker honest: a test that is not marked slow cannot start a process."""
    if request.node.get_closest_marker("slow") is not None:
        return
    import subprocess

    monkeypatch.setattr(subprocess.Popen, "__init__", _process_start_refused)
    monkeypatch.setattr(os, "fork", _process_start_refused)
    if hasattr(os, "posix_spawn"):
        monkeypatch.setattr(os, "posix_spawn", _process_start_refused)
