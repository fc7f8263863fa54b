"""The layout of a render log file: a header, the child's output, a footer.

Every render log starts with a header written before the launch (when, the exact command line,
the cwd and what the child's environment changes compared with ours) and ends with
:data:`OUTPUT_MARKER`; the child's merged stdout and stderr follow; the owner appends a footer
(pid, exit code, duration) once the child is gone. Every line this project writes starts with
:data:`LOG_TAG`, so a reader tells them from the renderer's own lines.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import shlex
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from lrc_toolbox.utils.child_env import describe_env_changes, format_env_changes
from lrc_toolbox.utils.child_handle import UNKNOWN_EXIT_CODE

__all__ = [
    "HEADER_SCAN_BYTES",
    "LOG_TAG",
    "OUTPUT_MARKER",
    "append_footer",
    "footer_text",
    "format_command_line",
    "header_text",
    "output_offset",
]

_LOG = logging.getLogger(__name__)

IS_WINDOWS: bool = os.name == "nt"

#: Every line this module writes into a log (header, footer) starts with this.
LOG_TAG: str = "[lrc_toolbox]"

#: The line that ends the header of every render log (output starts after it).
OUTPUT_MARKER: str = f"{LOG_TAG} ---- render output follows ----"

#: How far into a log :func:`output_offset` looks for :data:`OUTPUT_MARKER`.
HEADER_SCAN_BYTES: int = 256 * 1024


def format_command_line(argv: Sequence[str], *, windows: bool = IS_WINDOWS) -> str:
    """Return ``argv`` as one command line a person can paste into a shell.

    Args:
        argv: The argument vector.
        windows: Quote for Windows (``subprocess.list2cmdline``, what ``CreateProcess`` parses)
            instead of POSIX shells (``shlex.join``).

    Returns:
        The command line.
    """
    return subprocess.list2cmdline(argv) if windows else shlex.join(argv)


def header_text(
    *,
    argv: Sequence[str],
    env: Mapping[str, str],
    cwd: str | None,
    name: str,
    low_priority: bool,
) -> str:
    """Return the header of a render log, ending with :data:`OUTPUT_MARKER` and a newline.

    Args:
        argv: The exact argument vector about to be launched.
        env: The child's complete environment (compared with ours, only changes are listed).
        cwd: The child's working directory, or None for ours.
        name: The render's label.
        low_priority: Whether it runs below normal priority.

    Returns:
        The header text.
    """
    now = datetime.datetime.now().astimezone().isoformat(timespec="milliseconds")
    shown_cwd = cwd if cwd is not None else f"{os.getcwd()} (inherited)"
    changes = format_env_changes(describe_env_changes(os.environ, env))
    lines = [
        f"{LOG_TAG} render log",
        f"{LOG_TAG} started: {now}",
        f"{LOG_TAG} name: {name}",
        f"{LOG_TAG} command: {format_command_line(argv)}",
        f"{LOG_TAG} argv: {json.dumps(list(argv))}",
        f"{LOG_TAG} cwd: {shown_cwd}",
        f"{LOG_TAG} low priority: {'yes' if low_priority else 'no'}",
        f"{LOG_TAG} environment changes vs the launching process:",
        *(f"{LOG_TAG}   {line}" for line in changes),
        OUTPUT_MARKER,
    ]
    return "\n".join(lines) + "\n"


def footer_text(
    *,
    pid: int | None,
    code: int | None,
    elapsed_s: float,
    stop_requested: bool,
    follower_error: BaseException | None,
) -> str:
    """Return the footer line of a render log (without line end).

    Args:
        pid: The render's pid.
        code: Its exit status; :data:`~lrc_toolbox.utils.child_handle.UNKNOWN_EXIT_CODE` for a
            re-attached render.
        elapsed_s: Seconds since the launch (or the re-attach).
        stop_requested: Whether it was stopped on purpose.
        follower_error: The error that stopped following its log early, or None.

    Returns:
        The footer.
    """
    shown = "unknown (re-attached after a manager crash)" if code == UNKNOWN_EXIT_CODE else code
    text = f"{LOG_TAG} pid {pid} exited with code {shown} after {elapsed_s:.1f} s"
    if stop_requested:
        text += " (stop requested)"
    if follower_error is not None:
        text += f" (log follower failed: {follower_error})"
    return text


def append_footer(log_path: str | os.PathLike[str], text: str) -> None:
    """Append ``text`` to the log on a line of its own; an I/O error is only logged.

    Args:
        log_path: The log file.
        text: The footer (see :func:`footer_text`).
    """
    try:
        with open(log_path, "a+b") as log:
            # Start on a line of its own without adding a blank line after a complete one.
            size = log.seek(0, os.SEEK_END)
            last_byte = b"\n"
            if size > 0:
                log.seek(size - 1)
                last_byte = log.read(1)
            prefix = "" if last_byte == b"\n" else "\n"
            log.write(f"{prefix}{text}\n".encode(errors="replace"))  # "a+b": at the end
    except OSError as exc:
        _LOG.warning("could not write the footer of %s: %s", log_path, exc)


def output_offset(log_path: str | os.PathLike[str]) -> int:
    """Return the byte offset just after the header of a render log.

    Args:
        log_path: The log file.

    Returns:
        The offset after :data:`OUTPUT_MARKER` and its newline; 0 if the marker is missing in
        the first :data:`HEADER_SCAN_BYTES` or the file cannot be read.
    """
    marker = OUTPUT_MARKER.encode() + b"\n"
    try:
        with open(Path(log_path), "rb") as log:
            head = log.read(HEADER_SCAN_BYTES)
    except OSError:
        return 0
    index = head.find(marker)
    return 0 if index < 0 else index + len(marker)
