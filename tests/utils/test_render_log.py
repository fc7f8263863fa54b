"""Tests for lrc_toolbox.utils.render_log: the header, output marker and footer of a render log."""

from __future__ import annotations

import json
import logging
import os
import shlex
import subprocess
from pathlib import Path

import pytest

from lrc_toolbox.utils.child_handle import UNKNOWN_EXIT_CODE
from lrc_toolbox.utils.render_log import (
    LOG_TAG,
    OUTPUT_MARKER,
    append_footer,
    footer_text,
    format_command_line,
    header_text,
    output_offset,
)


def test_header_names_the_command_cwd_and_env_changes_and_ends_with_the_marker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LRC_TEST_DROPPED", "x")
    env = {k: v for k, v in os.environ.items() if k != "LRC_TEST_DROPPED"}
    env["LRC_TEST_ADDED"] = "yes"
    argv = ["Render", "-r", "redshift", "a b.ma"]
    text = header_text(argv=argv, env=env, cwd=None, name="layer1 1-10", low_priority=True)
    lines = text.splitlines()
    assert lines[0] == f"{LOG_TAG} render log" and lines[1].startswith(f"{LOG_TAG} started: ")
    assert f"{LOG_TAG} name: layer1 1-10" in lines
    assert f"{LOG_TAG} command: {format_command_line(argv)}" in lines
    assert f"{LOG_TAG} argv: {json.dumps(argv)}" in lines
    assert f"{LOG_TAG} cwd: {os.getcwd()} (inherited)" in lines
    assert f"{LOG_TAG} low priority: yes" in lines
    assert f"{LOG_TAG}   +LRC_TEST_ADDED=yes" in lines and f"{LOG_TAG}   -LRC_TEST_DROPPED" in lines
    assert lines[-1] == OUTPUT_MARKER and text.endswith("\n")


def test_command_line_quoting_per_platform() -> None:
    argv = [r"C:\Program Files\Autodesk\Maya2024\bin\Render.exe", "-r", "redshift", "a b.ma"]
    assert format_command_line(argv, windows=True) == subprocess.list2cmdline(argv)
    assert format_command_line(argv, windows=False) == shlex.join(argv)


def test_footer_text() -> None:
    base = dict(pid=42, elapsed_s=1.25, stop_requested=False, follower_error=None)
    assert footer_text(code=0, **base) == f"{LOG_TAG} pid 42 exited with code 0 after 1.2 s"
    unknown = footer_text(code=UNKNOWN_EXIT_CODE, **base)
    assert "exited with code unknown (re-attached after a manager crash) after" in unknown
    both = footer_text(
        pid=42, code=-9, elapsed_s=3.0, stop_requested=True, follower_error=OSError("disk gone")
    )
    assert both.endswith("code -9 after 3.0 s (stop requested) (log follower failed: disk gone)")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (b"", b"END\n"),
        (b"line\n", b"line\nEND\n"),
        (b"no newline", b"no newline\nEND\n"),
    ],
)
def test_footer_starts_on_its_own_line_without_a_blank_one(
    tmp_path: Path, before: bytes, after: bytes
) -> None:
    log = tmp_path / "task.log"
    log.write_bytes(before)
    append_footer(log, "END")
    assert log.read_bytes() == after


def test_footer_write_failure_is_logged_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="lrc_toolbox.utils.render_log"):
        append_footer(tmp_path, "END")  # a folder: cannot be opened as a file
    assert "could not write the footer" in caplog.text


def test_output_offset(tmp_path: Path) -> None:
    log = tmp_path / "task.log"
    head = f"{LOG_TAG} render log\n{OUTPUT_MARKER}\n".encode()
    log.write_bytes(head + b"output\n")
    assert output_offset(log) == len(head)
    log.write_bytes(b"output without a header\n")
    assert output_offset(log) == 0
    assert output_offset(tmp_path / "missing.log") == 0
