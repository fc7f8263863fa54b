"""The end of a job's temp folders: removed, but never with an image in them.

A renderer that writes beside its scene copy (a relative output path, a missing ``-rd``) would
put images in the job's private temp folder, which is deleted when the job ends. Before anything
is removed, :func:`clean_up_job_temp` moves such images into the job's output folder (they are
not counted as verified: only what the render reported into the output folder is); an image that
cannot be moved is kept, with its folder, and the caller says so. A resumed job also removes the
temp folders of the managers that ran it before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lrc_toolbox.core.retention import remove_abandoned_temp_folder
from lrc_toolbox.utils.temp_file_manager import TempFileManager
from lrc_toolbox.utils.temp_images import is_image, rescue_images

__all__ = ["TempCleanup", "clean_up_job_temp"]


@dataclass
class TempCleanup:
    """What the clean-up did with images it found.

    Attributes:
        moved: Images moved from a temp folder into the output folder (where they now are).
        kept: Images that could not be moved: their temp folder was kept.
    """

    moved: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)

    def notices(self, output_root: Path | None, temp_folder: Path) -> list[str]:
        """One line per kind of rescue, for the job's notices (empty when nothing was found)."""
        lines = []
        if self.moved:
            lines.append(
                f"moved {len(self.moved)} image(s) a render wrote into the temp folder to "
                f"{output_root} (e.g. {self.moved[0]}); they were not counted as verified"
            )
        if self.kept:
            lines.append(
                f"kept the temp folder {temp_folder}: it holds {len(self.kept)} image(s) "
                f"that could not be moved to the output folder (e.g. {self.kept[0]})"
            )
        return lines


def clean_up_job_temp(
    temp: TempFileManager,
    output_root: Path | None,
    *,
    keep_temp: bool,
    earlier_folders: Iterable[str | Path] = (),
) -> TempCleanup:
    """Remove a finished job's temp folder (unless kept) and its earlier managers' folders.

    Args:
        temp: The job's temp folder manager.
        output_root: Where rescued images go (the job's output folder; None: they stay).
        keep_temp: The user asked to keep the temp scenes (``--keep-temp``).
        earlier_folders: Temp folders of the managers that ran this job before (a resume).

    Returns:
        The images moved and kept.
    """
    result = TempCleanup()
    if not keep_temp:
        report = rescue_images(temp.job_dir, output_root, exclude=temp.tracked)
        result.moved += [target for _, target in report.moved]
        result.kept += [path for path in temp.cleanup_all() if is_image(path)]
    for folder in earlier_folders:
        result.moved += remove_abandoned_temp_folder(Path(folder), rescue_to=output_root)
    return result
