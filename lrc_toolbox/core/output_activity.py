"""Is a render that prints nothing still writing images? A bounded look at its output folder.

The hang watchdog normally tells a slow render from a hung one by its log and by the images it
is *predicted* to write; the prediction needs the layer's image naming, learned from the first
image the render reports (or given by Maya). A render that has printed no image path yet (a long
first frame, a renderer whose output is buffered, one that never prints paths) has no prediction,
so the job runner falls back to this: any non-empty file written under the job's output folder
since the render's last sign of life counts as life.

It never counts as a verified frame: only a reported or predicted image verifies a frame. The look
is bounded (depth and entries) so a huge output tree cannot stall the supervisor, and runs at most
once per hang timeout per render.

:func:`any_modified_after` is the other probe the watchdog's caller uses: whether one of the images
*predicted* for a render changed after its last sign of life. Both are the file-system side of the
pure decision in :mod:`~lrc_toolbox.core.watchdog`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterable
from pathlib import Path

#: Folder levels searched below the output folder (``<out>/<layer>/<aov>/file`` is depth 3).
MAX_SCAN_DEPTH: int = 4
#: Directory entries looked at, at most, in one search.
MAX_SCAN_ENTRIES: int = 5000


def _name_pattern(names: Collection[str]) -> re.Pattern[str]:
    """A name as a whole path component or a separated part of a file name.

    ``_`` may come before the name (``shot_MASTER_BG_A.0001.exr``) but not after it: layer names
    are full of underscores, and ``MASTER_BG_A_v2`` is another layer.
    """
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:^|[._\-/\\])(?:{alternatives})(?:[.\-/\\]|$)")


def has_new_files(
    root: str | os.PathLike[str],
    since_wall: float,
    names: Collection[str] | None = None,
    *,
    max_depth: int = MAX_SCAN_DEPTH,
    max_entries: int = MAX_SCAN_ENTRIES,
) -> bool:
    """Return whether a non-empty file under ``root`` was modified after ``since_wall``.

    Args:
        root: The output folder (it may not exist yet).
        since_wall: A wall-clock time (:meth:`~lrc_toolbox.core.clock.Clock.wall_at`).
        names: When given, only files whose path below ``root`` names one of them (a folder
            called ``MASTER_BG_A``, or ``shot_MASTER_BG_A.0001.exr``) count: several layers may
            write into one folder.
        max_depth: Folder levels to descend below ``root``.
        max_entries: Directory entries to look at before giving up (answer: False).

    Returns:
        True at the first such file; False when none was found within the bounds.
    """
    pattern = _name_pattern(names) if names else None
    base = Path(root)
    pending: list[tuple[Path, int]] = [(base, 0)]
    seen = 0
    while pending:
        folder, depth = pending.pop()
        try:
            entries = os.scandir(folder)
        except OSError:
            continue  # missing, not a folder, or not ours to read
        with entries:
            for entry in entries:
                seen += 1
                if seen > max_entries:
                    return False
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if depth < max_depth:
                            pending.append((Path(entry.path), depth + 1))
                        continue
                    if not entry.is_file():
                        continue
                    info = entry.stat()
                except OSError:
                    continue  # vanished meanwhile
                if info.st_mtime <= since_wall or info.st_size <= 0:
                    continue
                if pattern is None:
                    return True
                relative = os.path.relpath(entry.path, base)
                if pattern.search(relative):
                    return True
    return False


def any_modified_after(paths: Iterable[str], since_wall: float) -> bool:
    """Return whether any of ``paths`` exists and was modified after ``since_wall``.

    Args:
        paths: Image paths (predicted from a layer's naming); looked at in order, lazily.
        since_wall: A wall-clock time (:meth:`~lrc_toolbox.core.clock.Clock.wall_at`).
    """
    for path in paths:
        try:
            if os.stat(path).st_mtime > since_wall:
                return True
        except OSError:
            continue
    return False


def shows_new_work(
    predicted: Iterable[str],
    *,
    since_wall: float,
    root: str | os.PathLike[str] | None,
    unknown_layer_names: Collection[str],
    match_names: bool,
) -> bool:
    """Whether a render that printed nothing since ``since_wall`` wrote work meanwhile.

    Its predicted images count first. While some of its layers' naming is unknown, any new file
    of those layers under the output folder counts too; with several layers in the job
    (``match_names``), only a path naming one of them (artist or node name), so one layer's
    images never keep another layer's hung render alive.

    Args:
        predicted: The task's predicted image paths (looked at lazily).
        since_wall: The render's last sign of life, on the wall clock.
        root: The output folder, or None when the user gave none (no folder look then).
        unknown_layer_names: Names of the task's layers whose naming is unknown.
        match_names: Count only files whose path names one of ``unknown_layer_names``.
    """
    if any_modified_after(predicted, since_wall):
        return True
    if not unknown_layer_names or root is None:
        return False
    return has_new_files(root, since_wall, unknown_layer_names if match_names else None)


__all__ = [
    "MAX_SCAN_DEPTH",
    "MAX_SCAN_ENTRIES",
    "any_modified_after",
    "has_new_files",
    "shows_new_work",
]
