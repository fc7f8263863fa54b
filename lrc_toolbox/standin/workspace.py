"""The stand-in's Maya project: where images go and how the scene's file paths resolve.

The stand-in must treat ``-rd``, ``-proj`` and a missing ``-proj`` the way Maya's ``Render`` does,
or the engine would be tested against a friendlier renderer than the real one. From the research
notes ``docs/research/maya_facts.md`` (sources quoted there):

* section 1: ``Render`` writes to ``<workspace root>/<images rule>``. ``-proj P`` opens workspace
  ``P`` before the scene loads (Autodesk common ``Render`` flags: "Use this Maya project to load
  the file"). ``-rd X`` is ``workspace -fr "images" "X"`` (the renderer description format Maya's
  own renderers use, as shipped by RadeonProRender and appleseed), so a relative ``-rd`` is
  relative to the project root, not to the current folder. With no ``-proj``, the workspace is
  the one Maya starts with: the default project ``$MAYA_APP_DIR/projects/default`` (Autodesk's
  ``-proj`` example; Autodesk/maya-hydra's ``Render`` tests, ``projects/default/images``; a real
  Maya Software log writing ``~/maya/projects/default/images/tmp/untitled.iff``). It is NOT the
  scene's folder, and ``Render`` does not look for a ``workspace.mel`` above the scene.
* section 1c: the ``images`` rule comes from ``workspace.mel`` (``workspace -fr "images" "..."``);
  a fresh workspace's rule is ``images``.
* section 2: a relative path stored in the scene (reference, texture, cache) is joined to the
  project root first; Maya then falls back to the scene's folder and to the file name alone in
  ``sourceimages`` and beside the scene (Autodesk ``MFileObject``; alembic PR #176; maya-usd
  #3201 and #2366). The stand-in does the same, so a scene copy in a temp folder that still says
  ``"ref.ma"`` loses its reference here as it would in Maya.

What happens to an unresolved path in real Maya is only partly known: the stand-in reports a
missing reference with Maya's "Could not open file" line (a deterministic failure for the engine,
so a lost reference is never a silent success), and a missing texture or cache with a warning,
listing every missing file in its record and in each image it writes.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "SceneFile",
    "default_project",
    "images_folder",
    "missing_scene_files",
    "scene_files",
    "workspace_root",
]

#: The largest scene the stand-in reads for file paths (test scenes are small).
MAX_SCENE_SCAN_BYTES: int = 64 << 20

_STATEMENT_RE = re.compile(rb'(?:"(?:[^"\\]|\\.)*"|[^";])+', re.S)
_WORD_RE = re.compile(r'"((?:[^"\\]|\\.)*)"|(\S+)', re.S)
_IMAGES_RULE_RE = re.compile(r'workspace\s+-(?:fr|fileRule)\s+"images"\s+"((?:[^"\\]|\\.)*)"')
_ENV_RE = re.compile(r"\$(\w+)|\$\{(\w+)\}")
#: ``setAttr`` attributes that hold a file path, by what the file is.
_PATH_ATTRS: dict[str, str] = {
    ".ftn": "texture",
    ".fileTextureName": "texture",
    ".cfn": "cache",
    ".cacheFileName": "cache",
    ".abc_File": "cache",
}


@dataclass(frozen=True)
class SceneFile:
    """A file the scene names: ``kind`` is ``reference``, ``texture`` or ``cache``."""

    kind: str
    value: str


def default_project(env: Mapping[str, str]) -> Path:
    """``$MAYA_APP_DIR/projects/default`` (``MAYA_APP_DIR`` defaults per Autodesk's docs)."""
    given = env.get("MAYA_APP_DIR", "").strip()
    if given:
        return Path(os.path.abspath(os.path.expanduser(given))) / "projects" / "default"
    home = Path(env.get("HOME") or env.get("USERPROFILE") or os.path.expanduser("~"))
    if sys.platform.startswith("win"):
        base = home / "Documents" / "maya"
    elif sys.platform == "darwin":
        base = home / "Library" / "Preferences" / "Autodesk" / "maya"
    else:
        base = home / "maya"
    return base / "projects" / "default"


def workspace_root(project: str | None, env: Mapping[str, str]) -> Path:
    """The workspace ``Render`` runs in: ``-proj``, else Maya's default project."""
    if project:
        return Path(os.path.abspath(project))
    return default_project(env)


def images_folder(root: Path, output_dir: str | None) -> Path:
    """Where images go: ``-rd`` (relative to the workspace root), else the ``images`` rule."""
    rule = output_dir
    if not rule:
        rule = "images"
        try:
            text = (root / "workspace.mel").read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        for match in _IMAGES_RULE_RE.finditer(text):
            rule = match.group(1) or rule
    return Path(os.path.abspath(root / os.path.expanduser(rule)))


def _words(statement: bytes) -> list[tuple[str, bool]]:
    text = statement.decode("utf-8", "replace")
    return [
        (m.group(1), True) if m.group(1) is not None else (m.group(2), False)
        for m in _WORD_RE.finditer(text)
    ]


def scene_files(scene: Path) -> list[SceneFile]:
    """References (``file -r``), textures and caches a ``.ma`` names (not a ``.mb``)."""
    try:
        with open(scene, "rb") as stream:
            data = stream.read(MAX_SCENE_SCAN_BYTES)
    except OSError:
        return []
    if not data.startswith(b"//Maya ASCII"):
        return []
    found: dict[tuple[str, str], SceneFile] = {}
    for match in _STATEMENT_RE.finditer(data):
        head = match.group(0).lstrip()[:8]
        if not (head.startswith(b"file") or head.startswith(b"setAttr")):
            continue
        words = _words(match.group(0))
        if not words or not words[-1][1]:
            continue
        flags = {text for text, quoted in words if not quoted}
        value = words[-1][0].replace('\\"', '"').replace("\\\\", "\\").strip()
        if words[0][0] == "file" and "-r" in flags:
            value = re.sub(r"\{\d+\}$", "", value)
            found.setdefault(("reference", value), SceneFile("reference", value))
        elif words[0][0] == "setAttr" and len(words) > 1 and words[1][1]:
            kind = _PATH_ATTRS.get(words[1][0])
            if kind is not None and value:
                found.setdefault((kind, value), SceneFile(kind, value))
    return list(found.values())


def _resolves(item: SceneFile, root: Path, scene_dir: Path, env: Mapping[str, str]) -> bool:
    """Whether Maya would find the file: as written, project root, scene folder, by name."""
    value = _ENV_RE.sub(lambda m: env.get(m.group(1) or m.group(2), m.group(0)), item.value)
    value = value.replace("\\", "/")
    if "<" in value or "#" in value:
        return True  # sequences (UDIM, frame tokens): not checked by the stand-in
    path = Path(value)
    candidates = [path] if path.is_absolute() else [root / path, scene_dir / path]
    name = value.rsplit("/", 1)[-1]
    if item.kind == "texture":
        candidates.append(root / "sourceimages" / name)
    candidates.append(scene_dir / name)
    return any(candidate.is_file() for candidate in candidates)


def missing_scene_files(scene: Path, root: Path, env: Mapping[str, str]) -> list[SceneFile]:
    """The files the scene names that Maya would not find from this workspace."""
    return [item for item in scene_files(scene) if not _resolves(item, root, scene.parent, env)]
