"""A scene copy in another folder that finds every file the original finds.

A render reads a private copy of the scene in a temp folder, never the artist's file. Maya
resolves a relative path stored in a scene against the project (workspace) root first and then
falls back to the scene's own folder and a look-up by file name (research notes
``docs/research/maya_facts.md`` section 2: Autodesk ``MFileObject`` resolve methods, alembic
PR #176, maya-usd #3201/#2366). The engine passes the original project with ``-proj``, so
project-relative paths keep working from the copy; paths that worked only because the file sat
beside the original scene (a bare ``"ref.ma"`` reference, as Maya-made test scenes hold,
``textures/wood.png`` next to the scene, a cache found by its name) would break.

Deadline's answer is to rewrite the paths inside its temp copy of the ``.ma`` (``MayaCmd.py``:
"Performing path mapping on ma scene file"); this module does the same for exactly those paths:
every reference, texture and cache path (:mod:`lrc_toolbox.scene.dependencies`) that is not
already an existing absolute path, and that resolves for the original (in Maya's order, from the
original scene's folder and project), becomes that absolute location in the copy. Everything else
stays byte for byte: paths that already resolve as written (absolute, or through ``$VARIABLES``,
which keep the studio's mapping), and paths found nowhere (the copy fails the same way the
original would). Nested references are untouched: the referenced files are not copied, so they
resolve from where they are, as for the original.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lrc_toolbox.scene.dependencies import (
    DependencyKind,
    ScenePath,
    iter_path_statements,
    locate_scene_path,
)
from lrc_toolbox.scene.errors import SceneReadError
from lrc_toolbox.scene.patching import ByteEdit

__all__ = ["PathRewrite", "plan_path_edits"]

_LOG = logging.getLogger(__name__)

#: A complete MEL string literal (with escapes), in bytes.
_STRING_LITERAL = re.compile(rb'"([^"\\]*(?:\\.[^"\\]*)*)"', re.S)
_MEL_UNESCAPE = re.compile(rb"\\(.)", re.S)
_MEL_ESCAPES = {b"n": b"\n", b"t": b"\t", b"r": b"\r"}
#: A reference loaded twice is written ``"ref.ma{1}"``: the copy keeps the suffix.
_COPY_SUFFIX = re.compile(r"\{\d+\}$")
_ENV_VAR = re.compile(r"\$(\w+)|\$\{(\w+)\}")


@dataclass(frozen=True)
class PathRewrite:
    """One path the copy names differently from the original.

    Attributes:
        kind: ``reference``, ``texture`` or ``cache``.
        node: The node (or reference node) holding it.
        written: The path as the original writes it.
        absolute: Where the original finds it; what the copy writes.
    """

    kind: str
    node: str
    written: str
    absolute: str


def _unescape(raw: bytes) -> str:
    def sub(match: re.Match[bytes]) -> bytes:
        char = match.group(1)
        return _MEL_ESCAPES.get(char, char)

    return _MEL_UNESCAPE.sub(sub, raw).decode("utf-8", "surrogateescape")


def _mel_literal(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'.encode("utf-8", "surrogateescape")


def _needs_rewrite(value: str, environ: Mapping[str, str]) -> bool:
    """False when the path resolves as written from anywhere (an existing absolute path)."""
    expanded = _ENV_VAR.sub(
        lambda m: environ.get(m.group(1) or m.group(2), m.group(0)), value
    ).replace("\\", "/")
    if not os.path.isabs(expanded) and not re.match(r"^[A-Za-z]:/", expanded):
        return True
    if "<" in expanded or "#" in expanded:
        return False  # an absolute sequence resolves as written (its files are elsewhere or not)
    return not os.path.isfile(expanded)


def plan_path_edits(
    scene: str | Path,
    *,
    original: str | Path | None = None,
    project_dir: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> tuple[tuple[ByteEdit, ...], tuple[PathRewrite, ...]]:
    """The byte edits that make a copy of ``scene`` name its files by their absolute paths.

    Args:
        scene: The ``.ma`` file that will be copied (the artist's file, or Maya's export of it).
        original: The artist's scene file, when ``scene`` is an export in another folder; its
            folder is where scene-relative paths resolve. Default: ``scene`` itself.
        project_dir: The Maya project the render uses (``-proj``), or None.
        environ: Variables for ``$VAR`` (default ``os.environ``).

    Returns:
        The edits (sorted, non-overlapping; apply them with
        :func:`~lrc_toolbox.scene.patching.copy_with_edits`) and what they change.

    Raises:
        SceneReadError: ``scene`` is not a readable Maya ASCII scene.
    """
    env = os.environ if environ is None else environ
    source = Path(scene)
    scene_dir = Path(os.path.abspath(os.path.expanduser(str(original or scene)))).parent
    located: dict[tuple[str, str, bool], str | None] = {}
    edits: list[ByteEdit] = []
    rewrites: dict[tuple[str, str, str], PathRewrite] = {}
    pairs = iter_path_statements(source)
    if not pairs:
        return (), ()
    try:
        with open(source, "rb") as stream:
            for item, statement in pairs:
                if not _needs_rewrite(item.value, env):
                    continue
                key = (item.kind, item.value, item.sequence)
                if key not in located:
                    found = locate_scene_path(
                        item, scene_dir=scene_dir, project_dir=project_dir, environ=env
                    )
                    located[key] = None if found is None else found.as_posix()
                target = located[key]
                if target is None:
                    continue
                edit = _literal_edit(stream, statement.start, statement.end, item, target)
                if edit is None:
                    continue
                edits.append(edit)
                rewrites.setdefault(
                    (item.kind, item.node, item.value),
                    PathRewrite(item.kind, item.node, item.value, target),
                )
    except OSError as exc:
        raise SceneReadError(f"error while reading scene file {source}: {exc}") from None
    edits.sort(key=lambda e: (e.start, e.end))
    return tuple(edits), tuple(rewrites.values())


def _literal_edit(
    stream: BinaryIO, start: int, end: int, item: ScenePath, target: str
) -> ByteEdit | None:
    """Replace the statement's last string literal (its path) with ``target``."""
    stream.seek(start)
    raw = stream.read(end - start)
    literals = list(_STRING_LITERAL.finditer(raw))
    if not literals:
        return None
    last = literals[-1]
    written = _unescape(last.group(1))
    suffix = ""
    if item.kind == DependencyKind.REFERENCE:
        match = _COPY_SUFFIX.search(written.strip())
        if match is not None:
            suffix = match.group(0)
            written = written.strip()[: match.start()]
    if written.strip() != item.value:
        _LOG.warning("path %r not found where expected in the scene; left as written", item.value)
        return None
    return ByteEdit(start + last.start(), start + last.end(), _mel_literal(target + suffix))
