"""Images found in a temp folder before it is deleted: never deleted, moved to the output folder.

A render must never write into the temp folder of its scene copy (the engine passes ``-rd``), but a
renderer or a studio script may still do so. Deleting the folder would then delete finished work.
So a clean-up first looks for image files there: :func:`rescue_images` moves them into the job's
output folder (keeping their path below the copy's folder, never overwriting a file), and
:func:`find_images` lets the temp folder's owner keep whatever could not be moved.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["IMAGE_EXTENSIONS", "RescueReport", "find_images", "is_image", "rescue_images"]

_LOG = logging.getLogger(__name__)

#: File extensions renderers write images with (lower case, without the dot).
IMAGE_EXTENSIONS: frozenset[str] = frozenset(
    {
        "exr", "sxr", "png", "jpg", "jpeg", "tif", "tiff", "tx", "iff", "tga", "bmp", "hdr",
        "dpx", "cin", "sgi", "rgb", "rgba", "psd", "gif", "dds", "pic", "yuv", "als", "rla",
        "pxr", "deepexr", "dsm", "vrimg", "jp2", "webp", "avif", "ppm", "pgm",
    }
)  # fmt: skip
#: Folder below a copy's folder that Maya's ``images`` rule would name (dropped when moving).
_IMAGES_RULE = "images"


def is_image(path: str | Path) -> bool:
    """Whether a file name has an image extension (a frame number as extension counts too)."""
    name = Path(path).name.lower()
    parts = name.split(".")
    # "shot.exr.0001" (name.ext.#): the extension sits before the frame number.
    return any(part in IMAGE_EXTENSIONS for part in parts[1:])


def find_images(folder: str | Path, *, exclude: Collection[Path] = ()) -> list[Path]:
    """Image files anywhere below ``folder`` (links not followed), sorted.

    Args:
        folder: The folder to search.
        exclude: Files that are not to be counted (the folder's own tracked files).
    """
    root = Path(folder)
    if not root.is_dir():
        return []
    skip = {Path(os.path.abspath(p)) for p in exclude}
    found: list[Path] = []
    for current, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in files:
            path = Path(os.path.abspath(os.path.join(current, name)))
            if path not in skip and is_image(name) and not os.path.islink(path):
                found.append(path)
    return sorted(found)


@dataclass
class RescueReport:
    """What :func:`rescue_images` did.

    Attributes:
        moved: ``(from, to)`` for every image moved into the output folder.
        kept: Images that could not be moved (they stay where they are).
    """

    moved: list[tuple[Path, Path]] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def _target(image: Path, root: Path, dest: Path) -> Path:
    """Where an image below ``root`` goes in ``dest``: its path below the copy's folder."""
    parts = image.relative_to(root).parts
    # <job folder>/<copy folder>/[images/]<layer>/<name>: keep what Maya's naming made.
    tail = parts[1:] if len(parts) > 1 else parts
    if len(tail) > 1 and tail[0] == _IMAGES_RULE:
        tail = tail[1:]
    return dest.joinpath(*tail)


def rescue_images(
    folder: str | Path, dest: str | Path | None, *, exclude: Collection[Path] = ()
) -> RescueReport:
    """Move every image below ``folder`` into ``dest``; never overwrite, never delete.

    Args:
        folder: A temp job folder about to be deleted.
        dest: The job's output folder, or None (then every image is kept where it is).
        exclude: Files that are not images of the job (its tracked files).

    Returns:
        What was moved and what stayed.
    """
    root = Path(folder)
    report = RescueReport()
    for image in find_images(root, exclude=exclude):
        if dest is None:
            report.kept.append(image)
            continue
        target = _target(image, root, Path(dest))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                raise FileExistsError(f"{target} already exists")
            shutil.move(str(image), str(target))
        except OSError as exc:
            _LOG.warning("could not move image %s out of the temp folder: %s", image, exc)
            report.kept.append(image)
            continue
        _LOG.warning("moved image %s out of the temp folder to %s", image, target)
        report.moved.append((image, target))
    return report
