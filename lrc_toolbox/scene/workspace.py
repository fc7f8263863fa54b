"""Maya projects (workspaces): finding one, its ``images`` rule, and Maya's default project.

Facts (research notes ``docs/research/maya_facts.md`` section 1, with their sources):

* A project is a folder holding ``workspace.mel``; its file rules map file types to folders,
  "either relative to the project root or as an absolute location" (Autodesk ``workspace``
  command documentation). The image folder is the ``images`` rule
  (``workspace -fr "images" "images";``); a fresh workspace's rule is ``images`` (Autodesk;
  AWS deadline-cloud-for-maya ``scene.py`` and its Maya-computed test bundles).
* ``Render`` writes to ``<workspace root>/<images rule>``; ``-rd`` replaces only the ``images``
  (and ``depth``) rule and ``-proj`` the workspace root, before the scene loads (Autodesk common
  ``Render`` flags; the renderer description files RadeonProRender and appleseed ship in Maya's
  own format).
* With no ``-proj``, ``Render`` does not look for a ``workspace.mel`` beside or above the scene:
  it uses the project Maya starts with, the default project ``$MAYA_APP_DIR/projects/default``
  (Autodesk's ``-proj`` example, Autodesk/maya-hydra's ``Render`` test layout
  ``projects/default/images``, a real Maya Software log writing to
  ``~/maya/projects/default/images/tmp/``).
* ``MAYA_APP_DIR`` defaults (Autodesk "File path variables"): ``~/maya`` on Linux,
  ``~/Library/Preferences/Autodesk/maya`` on macOS, ``%USERPROFILE%\\Documents\\maya`` on Windows.

What the artist expects is not always what a bare ``Render`` does: a scene saved inside a project
is rendered by the artist's Maya with that project set. :func:`find_maya_project` therefore looks
for ``workspace.mel`` in the scene's folder and its parents, the way render farms' own agents do
(Pixelplow: "Scene files may be up to 3 levels deep in the project folder directory tree"), and
the engine passes the project explicitly (``-proj``), so nothing depends on where ``Render``
starts or where the scene copy lives.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from lrc_toolbox.scene.lexing import split_statements, tokenize

__all__ = [
    "DEFAULT_IMAGES_RULE",
    "DEFAULT_PROJECT_NAME",
    "MAYA_APP_DIR_ENV",
    "PROJECT_SEARCH_DEPTH",
    "WORKSPACE_FILE",
    "default_project_dir",
    "file_rule",
    "find_maya_project",
    "maya_app_dir",
    "workspace_images_dir",
]

#: The file that makes a folder a Maya project.
WORKSPACE_FILE: str = "workspace.mel"
#: A fresh workspace's ``images`` rule, relative to the project root.
DEFAULT_IMAGES_RULE: str = "images"
#: The project Maya uses when none is set (``$MAYA_APP_DIR/projects/default``).
DEFAULT_PROJECT_NAME: str = "default"
#: Environment variable that moves Maya's per-user folder (projects, prefs).
MAYA_APP_DIR_ENV: str = "MAYA_APP_DIR"
#: How many folders above the scene's own to look for ``workspace.mel`` (a scene in
#: ``<project>/scenes/seq/shot/`` is three levels down).
PROJECT_SEARCH_DEPTH: int = 4
#: Largest ``workspace.mel`` read (real ones are a few kB).
MAX_WORKSPACE_BYTES: int = 1 << 20


def find_maya_project(scene_path: str | Path) -> Path | None:
    """The Maya project holding a scene: the nearest folder with ``workspace.mel`` above it.

    Args:
        scene_path: The scene file (the artist's, not a temp copy of it).

    Returns:
        The project root, or None when no folder up to :data:`PROJECT_SEARCH_DEPTH` levels above
        the scene's own holds a ``workspace.mel``.
    """
    folder = Path(scene_path).expanduser().resolve().parent
    for _ in range(PROJECT_SEARCH_DEPTH + 1):
        if (folder / WORKSPACE_FILE).is_file():
            return folder
        if folder.parent == folder:
            break
        folder = folder.parent
    return None


def file_rule(project: str | Path, rule: str) -> str | None:
    """The value a project's ``workspace.mel`` gives a file rule (the last one wins), or None.

    Args:
        project: The project root.
        rule: The rule's name (``images``, ``sourceImages``).

    Returns:
        The rule as written (relative to the project root, or absolute), or None when the file
        is missing, unreadable or does not set it.
    """
    try:
        with open(Path(project) / WORKSPACE_FILE, "rb") as stream:
            data = stream.read(MAX_WORKSPACE_BYTES)
    except OSError:
        return None
    found = None
    for statement in split_statements(data.decode("utf-8", "replace")):
        words = [w.text for w in tokenize(statement)]
        if (
            len(words) >= 4
            and words[0] == "workspace"
            and words[1] in ("-fr", "-fileRule")
            and words[2] == rule
            and words[3].strip()
        ):
            found = words[3].strip()
    return found


def workspace_images_dir(project: str | Path) -> Path:
    """The folder a Maya project's ``images`` rule names (where ``Render`` writes by default).

    A relative rule is joined to the project root, an absolute one is used as is, and a missing
    rule is Maya's default ``images``.

    Args:
        project: The project root (the folder holding ``workspace.mel``, which may be missing).

    Returns:
        The absolute images folder.
    """
    rule = file_rule(project, "images") or DEFAULT_IMAGES_RULE
    root = Path(os.path.abspath(os.path.expanduser(str(project))))
    return Path(os.path.abspath(root / os.path.expanduser(rule)))


def maya_app_dir(environ: Mapping[str, str] | None = None, *, platform: str | None = None) -> Path:
    """Maya's per-user folder: ``$MAYA_APP_DIR``, else the platform's default.

    Args:
        environ: Environment to read (default ``os.environ``).
        platform: ``sys.platform`` value to assume (tests); default this machine's.

    Returns:
        The absolute folder (it may not exist).
    """
    env = os.environ if environ is None else environ
    given = env.get(MAYA_APP_DIR_ENV, "").strip()
    if given:
        return Path(os.path.abspath(os.path.expanduser(given)))
    home = Path(env.get("HOME") or env.get("USERPROFILE") or os.path.expanduser("~"))
    system = platform or sys.platform
    if system.startswith("win"):
        return home / "Documents" / "maya"
    if system == "darwin":
        return home / "Library" / "Preferences" / "Autodesk" / "maya"
    return home / "maya"


def default_project_dir(
    environ: Mapping[str, str] | None = None, *, platform: str | None = None
) -> Path:
    """Maya's default project, ``$MAYA_APP_DIR/projects/default`` (it may not exist).

    Args:
        environ: Environment to read (default ``os.environ``).
        platform: ``sys.platform`` value to assume (tests).

    Returns:
        The absolute folder.
    """
    return maya_app_dir(environ, platform=platform) / "projects" / DEFAULT_PROJECT_NAME
