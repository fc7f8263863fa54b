"""Where a job's images go, decided before anything starts, and passed to every render.

Renders read a scene copy in a temp folder that is deleted when the job ends. A ``Render``
without ``-rd``/``-proj`` writes to the project *it* starts with, and a renderer that resolves
its output against the scene's folder would write into that temp folder: images verified there
and then deleted with it. So the plan always names the folder, and every render gets it
explicitly (``-rd <absolute folder>``, and ``-proj <project>``), whatever the scene or the
snapshot says:

1. the user's choice (``--output-dir``, the dialog's Output Folder, the API's ``output_dir``),
   made absolute against the current folder;
2. else the ``images`` rule of the Maya project holding the artist's scene (``workspace.mel`` in
   the scene's folder or above it; or the project given with ``--project`` / Maya's current
   project inside Maya);
3. else what Maya does for a scene outside any project: ``Render`` uses the project Maya starts
   with, the default project ``$MAYA_APP_DIR/projects/default``, and its ``images`` rule
   (research notes ``docs/research/maya_facts.md`` section 1: Autodesk's ``-proj`` documentation
   and example, Autodesk/maya-hydra's ``Render`` test layout ``projects/default/images``, a real
   Maya Software log writing under ``~/maya/projects/default/images``). The scene's own folder
   is *not* used: Maya never uses it either.

The folder must lie outside anything the engine deletes (the per-user temp folder of scene
snapshots), pass the ``Render`` command-line checks and be writable (or creatable).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lrc_toolbox.scene.workspace import (
    default_project_dir,
    find_maya_project,
    workspace_images_dir,
)
from lrc_toolbox.utils.str_enum import StrEnum
from lrc_toolbox.utils.temp_file_manager import default_temp_parent

__all__ = [
    "OutputLocation",
    "OutputLocationError",
    "OutputOrigin",
    "resolve_output_location",
]


class OutputLocationError(ValueError):
    """The images cannot go where the settings say; the message is one line."""


class OutputOrigin(StrEnum):
    """Why the images go where they go."""

    USER = "user"  # the user's output folder
    PROJECT = "project"  # the images rule of the scene's (or the given) Maya project
    DEFAULT_PROJECT = "default_project"  # Maya's default project: the scene is in no project


@dataclass(frozen=True)
class OutputLocation:
    """The resolved image folder and project of a job.

    Attributes:
        output_dir: Absolute image folder, passed to every render as ``-rd``.
        project_dir: Absolute Maya project passed as ``-proj``, or None when there is none to
            pass (a scene outside any project, and no default project on this machine: every
            ``Render`` then starts in that same default project, which Maya creates).
        origin: Why (:class:`OutputOrigin`).
        project_root: The project the ``images`` rule was read from (it may not exist).
    """

    output_dir: str
    project_dir: str | None
    origin: OutputOrigin
    project_root: str | None = None

    def describe(self) -> str:
        """One line for people: the folder and why (``/p/images (images rule of project /p)``)."""
        if self.origin is OutputOrigin.USER:
            return f"{self.output_dir} (the output folder you chose)"
        if self.origin is OutputOrigin.PROJECT:
            return f"{self.output_dir} (images rule of Maya project {self.project_root})"
        return (
            f"{self.output_dir} (the scene is in no Maya project: Maya's default project "
            f"{self.project_root}, as Maya itself would render it)"
        )


def _absolute(path: str) -> Path:
    return Path(os.path.abspath(os.path.expanduser(path)))


def _inside(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or below it (both compared as real paths)."""
    try:
        real, root = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    except OSError:
        return False
    return real == root or root in real.parents


def resolve_output_location(
    scene_path: str | Path,
    *,
    output_dir: str | None = None,
    project_dir: str | None = None,
    environ: Mapping[str, str] | None = None,
    temp_parent: Path | None = None,
) -> OutputLocation:
    """Decide a job's image folder and Maya project (see the module docstring for the order).

    Args:
        scene_path: The artist's scene (not a temp copy or export of it): the project is found
            from its folder.
        output_dir: The user's output folder, or None/empty.
        project_dir: The user's (or Maya's current) project, or None/empty.
        environ: Environment for ``MAYA_APP_DIR`` and ``HOME`` (default ``os.environ``).
        temp_parent: The per-user temp folder of scene snapshots (default: this user's).

    Returns:
        The location.

    Raises:
        OutputLocationError: The project is not a folder, or the images would land inside the
            temp folder the engine deletes.
    """
    project: Path | None
    origin: OutputOrigin
    if project_dir:
        project = _absolute(project_dir)
        if not project.is_dir():
            raise OutputLocationError(f"Maya project folder not found: {project_dir}")
        origin = OutputOrigin.PROJECT
        passed: Path | None = project
    else:
        project = find_maya_project(scene_path)
        origin = OutputOrigin.PROJECT
        passed = project
        if project is None:
            project = default_project_dir(environ)
            origin = OutputOrigin.DEFAULT_PROJECT
            passed = project if project.is_dir() else None
    if output_dir:
        folder = _absolute(output_dir)
        origin = OutputOrigin.USER
    else:
        folder = workspace_images_dir(project)
    temp = temp_parent if temp_parent is not None else default_temp_parent()
    if _inside(folder, temp):
        raise OutputLocationError(
            f"output folder {folder} is inside {temp}, the temp folder whose scene copies are "
            "deleted when a job ends: choose another output folder"
        )
    return OutputLocation(
        output_dir=str(folder),
        project_dir=str(passed) if passed is not None else None,
        origin=origin,
        project_root=str(project),
    )
