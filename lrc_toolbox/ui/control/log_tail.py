"""The last part of a render's log file, as lines (for a past job's frame in History).

A render's log can be hundreds of megabytes; the dialog only needs the part about one frame, which
is near where the render was when it ended. Only the last :data:`LOG_TAIL_BYTES` are read, on a
worker thread (never the GUI thread), and a file that cannot be read gives no lines, not an error:
History then says so next to the frame.
"""

from __future__ import annotations

import logging
import os

__all__ = ["LOG_TAIL_BYTES", "read_log_tail"]

_LOG = logging.getLogger(__name__)

#: How much of the end of a log file is read.
LOG_TAIL_BYTES: int = 4 * 1024 * 1024


def read_log_tail(path: str, max_bytes: int = LOG_TAIL_BYTES) -> list[str]:
    """The lines of the last ``max_bytes`` of a log file ([] when it cannot be read).

    Args:
        path: The log file.
        max_bytes: How much of its end to read.

    Returns:
        Its lines, without line endings; a first line cut by the start of the tail is left out.
    """
    try:
        with open(path, "rb") as log:
            size = log.seek(0, os.SEEK_END)
            start = max(0, size - max_bytes)
            log.seek(start)
            data = log.read(max_bytes)
    except OSError as exc:
        _LOG.info("cannot read the log %s: %s", path, exc)
        return []
    lines = data.decode("utf-8", errors="replace").splitlines()
    return lines[1:] if start and lines else lines
