"""When does a frame count as rendered? Image naming, image checks and the frame verdict.

The rules:

* a frame is done only when **every** image the renderer reported for it (``Saving:``,
  ``writing file``, ``Finished Rendering``, ``Successfully written image file``) exists and is
  non-empty; the first reported path is the frame's image. A reported image is not judged by
  its age (the renderer said it wrote it), except a still's (below);
* when no path was reported for the frame but the layer's naming is known, the frame is done when
  one of the images predicted from that naming exists, is non-empty and is *fresh*: not older than
  the task's launch (minus :data:`STALE_IMAGE_SLACK_S` for coarse file-system clocks). With
  ``--skip-existing`` an older image counts too: the user asked to keep existing images;
* a layer's naming is learned from the first image reported for it (``shot.0005.exr`` for frame 5
  gives ``shot.{frame_signed:04d}.exr``), or given by Maya (``renderSettings``), or learned from
  earlier jobs of the same scene (``--skip-existing``);
* a still (a task launched without ``-s/-e``: Maya's current frame of a scene whose animation is
  off) writes one image whose name has no frame number (``<prefix>.<ext>``), the same name at
  every still render: its naming is the image path itself, and its image, reported or
  predicted, counts only when it is fresh (an old one is the previous render's);
* an image inside a folder the engine deletes when the job ends (the temp folder of the scene
  snapshots) never counts, reported or predicted: counting it would report a frame done whose
  image is then deleted;
* the exit code never decides here: verification looks at images only.

Everything but :func:`probe_image` (and :func:`image_ok`, which uses it) is pure: the file system's
answers come in as :class:`ImageFacts`, so the rules are tested without touching a disk.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

#: An image older than its task's launch by more than this is stale (not rendered by that task).
STALE_IMAGE_SLACK_S = 2.0


# --------------------------------------------------------------------------------------------------
# Output naming: learn it from the first reported image, predict the others
# --------------------------------------------------------------------------------------------------
def infer_image_template(path: str, frame: int) -> str | None:
    """Turn a reported image path into a template with the frame number as a format field.

    ``/out/BG/shot.0005.exr`` for frame 5 gives ``/out/BG/shot.{frame_signed:04d}.exr``. The last
    number in the file name that equals the frame is used (``shot_v002.0005.exr`` keeps ``v002``);
    None when the name has no such number. The width counts a minus sign, the way Maya pads
    (``%0*d``): frame -5 at padding 4 is ``-005``, frame 5 is ``0005``.

    Args:
        path: The image path the renderer reported.
        frame: The frame it belongs to.

    Returns:
        The template, or None when the file name does not carry the frame number.
    """
    directory, name = os.path.split(path)
    for match in reversed(list(re.finditer(r"(-?)(\d+)", name))):
        sign, digits = match.group(1), match.group(2)
        if int(digits) != abs(frame) or (sign == "-") != (frame < 0):
            continue
        width = len(sign) + len(digits)
        head = name[: match.start()].replace("{", "{{").replace("}", "}}")
        tail = name[match.end() :].replace("{", "{{").replace("}", "}}")
        directory = directory.replace("{", "{{").replace("}", "}}")
        return os.path.join(directory, f"{head}{{frame_signed:0{width}d}}{tail}")
    return None


def still_image_template(path: str) -> str:
    """The template of a still's image: the path itself (braces escaped), with no frame field.

    Args:
        path: The still image's path (``/out/masterLayer/cube.iff``).
    """
    return path.replace("{", "{{").replace("}", "}}")


def expand_image_template(template: str, frame: int) -> str:
    """Fill a template from :func:`infer_image_template` (or Maya) for ``frame``.

    Padding follows C's ``%0*d`` as Maya does: the width includes the minus sign.

    Args:
        template: A ``{frame_signed:0Nd}`` template.
        frame: The frame number.
    """
    return template.format(frame_signed=frame)


class ImageNaming:
    """The known image naming (templates) of each layer of a job, learned as images appear.

    A layer may have several templates (several AOVs, or Maya's list of outputs). The supervisor
    owns the one instance of a job; only its thread uses it.

    Args:
        known: Templates per layer name given up front (e.g. by Maya).
    """

    def __init__(self, known: Mapping[str, Sequence[str]] | None = None) -> None:
        self._templates: dict[str, list[str]] = {
            name: list(paths) for name, paths in (known or {}).items()
        }

    def is_known(self, layer: str) -> bool:
        """Whether any template is known for ``layer``."""
        return bool(self._templates.get(layer))

    def templates(self, layer: str) -> list[str]:
        """The templates known for ``layer`` (a copy)."""
        return list(self._templates.get(layer, []))

    def learn(self, layer: str, path: str, frame: int, *, still: bool = False) -> None:
        """Learn ``layer``'s naming from an image reported (or recorded) for ``frame``.

        Args:
            layer: The layer.
            path: The image.
            frame: Its frame.
            still: The image is a still's: its name has no frame number (a number in it, like
                ``v002``, is not the frame), so the path itself is the naming.
        """
        template = still_image_template(path) if still else infer_image_template(path, frame)
        if template is None:
            return
        known = self._templates.setdefault(layer, [])
        if template not in known:
            known.append(template)

    def predict(self, layer: str, frame: int) -> list[str]:
        """The image paths ``frame`` of ``layer`` should have, one per known template."""
        return [expand_image_template(t, frame) for t in self._templates.get(layer, [])]


# --------------------------------------------------------------------------------------------------
# Image checks
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImageFacts:
    """What the file system says about one image path.

    Attributes:
        exists: The path names something.
        size: Its size in bytes (0 when it does not exist).
        mtime: Its modification time (wall clock), or None when it does not exist.
        read_error: Why it could not be looked at (permissions, I/O), or None.
    """

    exists: bool
    size: int = 0
    mtime: float | None = None
    read_error: str | None = None


#: A path that is not there.
MISSING = ImageFacts(exists=False)


def probe_image(path: str) -> ImageFacts:
    """Ask the file system about ``path`` (the only function here that touches the disk)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return MISSING
    except OSError as exc:
        return ImageFacts(exists=False, read_error=str(exc.strerror or exc))
    return ImageFacts(exists=True, size=info.st_size, mtime=info.st_mtime)


def image_problem(path: str, facts: ImageFacts) -> str | None:
    """Why the image at ``path`` does not count, or None when it is a non-empty file.

    Args:
        path: The image path (quoted in the reason).
        facts: What :func:`probe_image` found there.
    """
    if facts.read_error is not None:
        return f"cannot read {path}: {facts.read_error}"
    if not facts.exists:
        return f"the renderer reported {path} but it does not exist"
    if facts.size <= 0:
        return f"image is empty (0 bytes): {path}"
    return None


def image_ok(path: str) -> tuple[bool, str]:
    """Return (True, "") when ``path`` is a non-empty file, else (False, why)."""
    why = image_problem(path, probe_image(path))
    return (why is None, why or "")


def is_fresh(facts: ImageFacts, launched_wall: float, *, skip_existing: bool) -> bool:
    """Whether a predicted image can be the work of a task launched at ``launched_wall``.

    Args:
        facts: The image's facts.
        launched_wall: The task's launch, on the wall clock.
        skip_existing: The user asked to keep existing images: any age counts.
    """
    if skip_existing:
        return True
    if facts.mtime is None:
        return False
    return facts.mtime >= launched_wall - STALE_IMAGE_SLACK_S


# --------------------------------------------------------------------------------------------------
# The frame verdict
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FrameVerdict:
    """Whether a frame is done, with its image or why not.

    Attributes:
        ok: The frame is verified.
        path: Its image when verified.
        why: When not verified: what is wrong with a reported image ("" when nothing was reported
            and no predicted image was found: the caller explains that case).
    """

    ok: bool
    path: str | None = None
    why: str = ""


def doomed_folder(path: str, doomed: Sequence[str]) -> str | None:
    """The folder of ``doomed`` that holds ``path`` (or is it), or None.

    Pure: paths are compared as written after :func:`os.path.normpath` (pass each folder in
    every spelling that matters, e.g. as given and with links resolved).

    Args:
        path: An image path (absolute; a relative one is made absolute against the cwd).
        doomed: Folders the engine deletes when the job ends (its temp snapshot folders).
    """
    norm = os.path.normcase(os.path.normpath(os.path.abspath(path)))
    for folder in doomed:
        root = os.path.normcase(os.path.normpath(os.path.abspath(folder)))
        if norm == root or norm.startswith(root.rstrip(os.sep) + os.sep):
            return folder
    return None


def verify_frame(
    reported: Sequence[str],
    predicted: Sequence[str],
    *,
    launched_wall: float,
    skip_existing: bool,
    probe: Callable[[str], ImageFacts] = probe_image,
    doomed: Sequence[str] = (),
    still: bool = False,
) -> FrameVerdict:
    """Decide whether one (layer, frame) of a task is done (see the module rules).

    Args:
        reported: Image paths the renderer reported for the frame, in order.
        predicted: Paths predicted from the layer's known naming.
        launched_wall: The task's launch on the wall clock (freshness of predicted images).
        skip_existing: ``--skip-existing``: an old predicted image counts.
        probe: The file system's answer for a path (tests pass a table).
        doomed: Folders deleted when the job ends (its temp snapshot folders): an image there
            never counts, reported or predicted (see :func:`doomed_folder`).
        still: The frame is a still: its one name is overwritten by every still render, so a
            reported image must be fresh too (unless ``skip_existing``).

    Returns:
        The verdict.
    """
    if reported:
        for path in reported:
            folder = doomed_folder(path, doomed)
            if folder is not None:
                return FrameVerdict(False, why=_doomed_why(path, folder))
            facts = probe(path)
            why = image_problem(path, facts)
            if (
                why is None
                and still
                and not is_fresh(facts, launched_wall, skip_existing=skip_existing)
            ):
                why = (
                    f"the still image {path} is older than the task's launch: it is an earlier "
                    "render's (a still's name has no frame number, so every render overwrites it)"
                )
            if why is not None:
                return FrameVerdict(False, why=why)
        return FrameVerdict(True, path=reported[0])
    for path in predicted:
        if doomed_folder(path, doomed) is not None:
            continue
        facts = probe(path)
        if image_problem(path, facts) is None and is_fresh(
            facts, launched_wall, skip_existing=skip_existing
        ):
            return FrameVerdict(True, path=path)
    return FrameVerdict(False)


def _doomed_why(path: str, folder: str) -> str:
    return (
        f"the renderer wrote {path} inside the temp folder {folder}, which is deleted when the "
        "job ends: not counted (images must go to the job's output folder)"
    )


__all__ = [
    "MISSING",
    "STALE_IMAGE_SLACK_S",
    "FrameVerdict",
    "ImageFacts",
    "ImageNaming",
    "doomed_folder",
    "expand_image_template",
    "image_ok",
    "image_problem",
    "infer_image_template",
    "is_fresh",
    "probe_image",
    "still_image_template",
    "verify_frame",
]
