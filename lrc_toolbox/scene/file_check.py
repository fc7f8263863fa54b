"""Is this file a readable Maya ASCII scene? The header probe every reader runs first.

The check reads only the first :data:`HEADER_PROBE_BYTES` bytes and looks at the content, not the
extension, so it is cheap enough to run before each read or patch and turns every way a path can
be unusable (missing, a folder, no permission, Maya Binary, not Maya ASCII) into the matching
:class:`~lrc_toolbox.scene.errors.SceneReadError` subclass.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from lrc_toolbox.scene.errors import (
    BINARY_SCENE_HINT,
    BinarySceneError,
    NotMayaAsciiError,
    SceneIsDirectoryError,
    SceneNotFoundError,
    ScenePermissionError,
    SceneReadError,
)

__all__ = ["HEADER_MAX_LINES", "HEADER_PROBE_BYTES", "check_scene_file"]

#: How much of the file's start is searched for the ``//Maya ASCII`` header and binary markers.
HEADER_PROBE_BYTES: int = 4096
#: The header must be within this many lines (Maya writes it on line 1).
HEADER_MAX_LINES: int = 20
_HEADER = re.compile(rb"^//Maya ASCII (\S+)")


def check_scene_file(path: str | Path) -> str | None:
    """Check that ``path`` is a readable Maya ASCII scene and return the header's version.

    The check looks at the content, not the extension: a ``.ma`` holding binary data is refused,
    a ``.mb`` holding Maya ASCII text is accepted.

    Args:
        path: The scene file.

    Returns:
        The Maya version in the ``//Maya ASCII <version> scene`` header (e.g. ``"2024"``).

    Raises:
        SceneNotFoundError: The file does not exist.
        SceneIsDirectoryError: The path is a directory.
        ScenePermissionError: The file cannot be opened for reading.
        BinarySceneError: The file is Maya Binary (``FOR4``/``FOR8`` IFF header) or contains NUL
            bytes.
        NotMayaAsciiError: The file is empty or text without a ``//Maya ASCII`` header.
        SceneReadError: Any other I/O failure.
    """
    p = Path(path)
    try:
        mode = os.stat(p).st_mode
    except OSError:
        mode = None  # reported by the open below
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        # A FIFO would block the open until someone writes to it; a device or socket is no scene.
        raise NotMayaAsciiError(f"{p} is not a regular file (a FIFO, device or socket)")
    try:
        with open(p, "rb") as fh:
            probe = fh.read(HEADER_PROBE_BYTES)
    except FileNotFoundError:
        raise SceneNotFoundError(f"scene file not found: {p}") from None
    except IsADirectoryError:
        raise SceneIsDirectoryError(f"{p} is a directory, not a scene file") from None
    except PermissionError:
        if p.is_dir():  # Windows reports opening a directory as a permission error
            raise SceneIsDirectoryError(f"{p} is a directory, not a scene file") from None
        raise ScenePermissionError(f"no permission to read scene file {p}") from None
    except OSError as exc:
        raise SceneReadError(f"cannot read scene file {p}: {exc.strerror or exc}") from None
    if probe[:4] in (b"FOR4", b"FOR8") or b"\x00" in probe:
        what = "a Maya Binary scene" if probe[:3] == b"FOR" else "binary data"
        raise BinarySceneError(f"{p} is {what}: {BINARY_SCENE_HINT}")
    if not probe.strip():
        raise NotMayaAsciiError(f"{p} is empty: not a Maya ASCII scene")
    text = probe[3:] if probe.startswith(b"\xef\xbb\xbf") else probe
    for line in text.splitlines()[:HEADER_MAX_LINES]:
        m = _HEADER.match(line.strip())
        if m:
            return m.group(1).decode("ascii", "replace")
    raise NotMayaAsciiError(
        f"{p} is not a Maya ASCII scene: no '//Maya ASCII' header in its first lines"
    )
