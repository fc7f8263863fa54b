"""Helpers for the tests of the render process and its parts (imported by name, like the farm's).

Children are ``sys.executable`` running small scripts, standing in for ``Render``. Nothing here
asserts on durations: waits have generous upper bounds and only fail a test that is broken.
"""

from __future__ import annotations

import os
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest

from lrc_toolbox.utils.child_env import build_child_environment
from lrc_toolbox.utils.render_subprocess import RenderProcess

POSIX_ONLY = pytest.mark.skipif(os.name == "nt", reason="POSIX signals and process groups")

#: Upper bound for things that normally take milliseconds; only a broken test reaches it.
PATIENCE_S = 60.0


def py(code: str) -> list[str]:
    """argv running ``code`` in a fresh Python (the stand-in for Render)."""
    return [sys.executable, "-c", textwrap.dedent(code)]


def make(tmp_path: Path, argv: list[str], **kwargs: object) -> RenderProcess:
    """A RenderProcess (not started) with a clean child environment and a log under tmp_path."""
    kwargs.setdefault("env", build_child_environment(cuda_device=None))
    kwargs.setdefault("log_path", tmp_path / "logs" / "task.log")
    return RenderProcess(argv=argv, **kwargs)  # type: ignore[arg-type]


def run_to_end(tmp_path: Path, code: str, **kwargs: object) -> tuple[RenderProcess, list[str]]:
    """Run ``code`` as a render to its end; return the process and the lines it handed on."""
    lines: list[str] = []
    kwargs.setdefault("on_line", lines.append)
    rp = make(tmp_path, py(code), **kwargs).start()
    assert rp.wait(timeout=PATIENCE_S) is not None
    return rp, lines


def wait_until(predicate: Callable[[], bool], what: str) -> None:
    """Wait until ``predicate()`` holds; fail the test after :data:`PATIENCE_S`."""
    deadline = time.monotonic() + PATIENCE_S
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.02)


def gone(pid: int) -> bool:
    """True when ``pid`` no longer runs (a zombie nobody reaped counts as gone)."""
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True
