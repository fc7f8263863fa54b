"""The files a Maya ASCII scene needs to render: references, textures, caches (no Maya needed).

A farm worker that gets only the scene renders black or fails: AWS's own Maya submitter therefore
sends every file the scene uses along with it (deadline-cloud-for-maya 0.15.21,
``AssetIntrospector.parse_scene_assets``: file references, and every node attribute Maya flags
``usedAsFilename``). Maya answers that question from inside Maya; this module reads the same paths
from the ``.ma`` text:

* ``file -r ... "path";`` (and the ``file -rdi`` line Maya writes before it): referenced scenes.
  A referenced ``.ma`` is read in turn (its textures and nested references count too);
* the path attributes of the node types in :data:`PATH_ATTRIBUTES` (``file.fileTextureName``,
  ``aiImage.filename``, ``AlembicNode.abc_File``, ``gpuCache.cacheFileName``, ``aiStandIn.dso``,
  ``RedshiftProxyMesh.fileName``, ``imagePlane.imageName``), short or long attribute names as
  Maya writes them (``setAttr ".ftn" -type "string" "..."``, seen in real scenes of the research
  corpus and in public ``.ma`` files);
* sequences: ``<UDIM>``/``<UVTILE>``/``<f>``/``#`` tokens, and a ``file`` node with
  ``useFrameExtension`` (``.ufe yes``), stand for every matching file on disk.

Paths resolve the way Maya resolves them when it opens a scene (research notes
``docs/research/maya_facts.md`` section 2: Autodesk ``MFileObject`` resolve methods, alembic
PR #176, maya-usd issues #3201 and #2366): environment variables are expanded; a relative path is
joined to the project (workspace) root, then to the scene's folder; a path that does not exist is
looked up by its file name in the project's ``sourceimages`` folder and beside the scene (Maya's
base-name fall-back). What cannot be found on this machine is reported, not guessed.

Nodes whose path is set through a ``connectAttr`` or an absolute ``setAttr "node.attr"`` plug are
not followed; nor are Maya Binary references (their own dependencies need Maya to read).
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lrc_toolbox.scene.errors import SceneReadError
from lrc_toolbox.scene.file_check import check_scene_file
from lrc_toolbox.scene.lexing import Statement, iter_statements, tokenize
from lrc_toolbox.scene.statements import positional_args, setattr_parts

__all__ = [
    "MAX_REFERENCE_DEPTH",
    "PATH_ATTRIBUTES",
    "DependencyKind",
    "SceneDependencies",
    "ScenePath",
    "find_dependencies",
    "iter_path_statements",
    "locate_scene_path",
    "read_scene_paths",
]

#: How deep nested ``.ma`` references are followed (a guard against reference cycles too).
MAX_REFERENCE_DEPTH: int = 8


class DependencyKind:
    """What a scene path is for (plain strings, so they serialize as they are)."""

    REFERENCE = "reference"
    TEXTURE = "texture"
    CACHE = "cache"


#: Node type -> (kind, attribute names as ``setAttr`` writes them: short and long).
PATH_ATTRIBUTES: dict[str, tuple[str, frozenset[str]]] = {
    "file": (DependencyKind.TEXTURE, frozenset({"ftn", "fileTextureName"})),
    "aiImage": (DependencyKind.TEXTURE, frozenset({"filename"})),
    "imagePlane": (DependencyKind.TEXTURE, frozenset({"imn", "imageName"})),
    "AlembicNode": (DependencyKind.CACHE, frozenset({"fn", "abc_File"})),
    "gpuCache": (DependencyKind.CACHE, frozenset({"cfn", "cacheFileName"})),
    "aiStandIn": (DependencyKind.CACHE, frozenset({"dso"})),
    "RedshiftProxyMesh": (DependencyKind.CACHE, frozenset({"fn", "fileName"})),
}
#: ``file`` node attribute that makes its texture an image sequence (``useFrameExtension``).
_FRAME_EXTENSION_ATTRS = frozenset({"ufe", "useFrameExtension"})
_TRUE_WORDS = frozenset({"yes", "on", "true", "1"})

_CREATE_TYPE = re.compile(rb'createNode[ \t\r\n]+([^ \t\r\n;"]+)')
_FIRST_QUOTED_ATTR = re.compile(rb'"\.([A-Za-z_][A-Za-z0-9_]*)"')
_TYPES_B = {name.encode(): attrs for name, (_kind, attrs) in PATH_ATTRIBUTES.items()}
_FILE_FLAGS = {
    "-r": 0,
    "-reference": 0,
    "-rdi": 1,
    "-referenceDepthInfo": 1,
    "-ns": 1,
    "-namespace": 1,
    "-rfn": 1,
    "-referenceNode": 1,
    "-op": 1,
    "-options": 1,
    "-typ": 1,
    "-type": 1,
    "-dr": 1,
    "-deferReference": 1,
    "-rpr": 1,
    "-shd": 1,
    "-gl": 0,
    "-mnc": 1,
}
_CREATE_FLAGS = {"-n": 1, "-name": 1, "-p": 1, "-parent": 1, "-s": 0, "-shared": 0, "-ss": 0}
# Tokens Maya (and MtoA/Redshift) expand per tile or frame, and the digits they stand for.
_SEQUENCE_TOKEN = re.compile(r"<UDIM>|<UVTILE>|<f\d*>|<frame\d*>|u<U>_v<V>|#+", re.IGNORECASE)
_ENV_VAR = re.compile(r"\$(\w+)|\$\{(\w+)\}")


@dataclass(frozen=True)
class ScenePath:
    """One file path as a scene writes it.

    Attributes:
        kind: :class:`DependencyKind` value (``reference``, ``texture``, ``cache``).
        node: The node (or reference node) that holds it, or ``""`` when unnamed.
        value: The path exactly as written (possibly relative, with variables or tokens).
        sequence: True when it stands for several files (tokens, or a texture with
            ``useFrameExtension``).
    """

    kind: str
    node: str
    value: str
    sequence: bool = False


@dataclass(frozen=True)
class SceneDependencies:
    """The files a scene needs, as found on this machine.

    Attributes:
        files: Existing files, absolute, sorted, each once (the scene itself excluded).
        missing: Paths the scene names that were found nowhere (as written).
        unread: Referenced scenes whose own dependencies could not be read (Maya Binary,
            unreadable, deeper than :data:`MAX_REFERENCE_DEPTH`).
    """

    files: tuple[Path, ...] = ()
    missing: tuple[ScenePath, ...] = ()
    unread: tuple[Path, ...] = field(default=())


def read_scene_paths(scene: str | Path) -> list[ScenePath]:
    """The file paths one ``.ma`` scene names (not resolved, references not followed).

    Args:
        scene: A Maya ASCII scene.

    Returns:
        The paths in file order, each (kind, node, value) once.

    Raises:
        SceneReadError: The file is not a readable Maya ASCII scene (Maya Binary included).
    """
    found: dict[tuple[str, str, str], ScenePath] = {}
    for path, _statement in iter_path_statements(scene):
        found.setdefault((path.kind, path.node, path.value), path)
    return list(found.values())


def iter_path_statements(scene: str | Path) -> list[tuple[ScenePath, Statement]]:
    """Every file path one ``.ma`` scene names, with the statement that holds it, in file order.

    A texture node with ``useFrameExtension`` marks its paths as sequences, wherever in its block
    that flag is set. The statements' byte offsets let a copy of the scene rewrite the paths
    (:mod:`lrc_toolbox.scene.relocation`).

    Args:
        scene: A Maya ASCII scene.

    Returns:
        ``(path, statement)`` pairs; the same path may appear in several statements (a reference
        is named by its ``file -rdi`` and its ``file -r`` line).

    Raises:
        SceneReadError: The file is not a readable Maya ASCII scene (Maya Binary included).
    """
    check_scene_file(scene)
    sequences: set[str] = set()
    pairs = list(_iter_paths(Path(scene), sequences))
    return [
        (ScenePath(p.kind, p.node, p.value, True) if p.node in sequences else p, st)
        for p, st in pairs
    ]


def _iter_paths(scene: Path, sequences: set[str]) -> Iterator[tuple[ScenePath, Statement]]:
    """Stream the scene; yield its paths and collect the nodes that use frame extensions."""
    node: str | None = None
    node_type: str | None = None

    def keep(head: bytes, peek: bytes) -> bool:
        # Runs for every statement of the file: plain bytes tests first.
        nonlocal node, node_type
        if head == b"setAttr":
            attrs = _TYPES_B.get(node_type.encode()) if node_type else None
            if attrs is None:
                return False
            m = _FIRST_QUOTED_ATTR.search(peek)
            return m is not None and (
                m.group(1).decode() in attrs
                or (node_type == "file" and m.group(1).decode() in _FRAME_EXTENSION_ATTRS)
            )
        if head == b"createNode":
            m = _CREATE_TYPE.match(peek)
            if m is not None and m.group(1) in _TYPES_B:
                return True
            node, node_type = None, None
            return False
        if head == b"select":
            node, node_type = None, None  # setAttr after a select edits another node
            return False
        return head == b"file"

    with open(scene, "rb") as stream:
        for st in iter_statements(stream, keep):
            if st.text is None:
                continue
            words = tokenize(st.text)
            if not words or words[0].quoted:
                continue
            cmd = words[0].text
            if cmd == "createNode":
                pos, opts = positional_args(words, _CREATE_FLAGS)
                node_type = pos[0] if pos else None
                node = opts.get("-n", opts.get("-name")) or ""
            elif cmd == "file":
                path = _reference_path(words)
                if path is not None:
                    yield path, st
            elif cmd == "setAttr" and node_type in PATH_ATTRIBUTES:
                plug, values = setattr_parts(words)
                attr = (plug or "").lstrip(".")
                kind, attrs = PATH_ATTRIBUTES[node_type]
                if attr in _FRAME_EXTENSION_ATTRS and values:
                    if values[-1].text.lower() in _TRUE_WORDS:
                        sequences.add(node or "")
                elif attr in attrs:
                    strings = [w.text for w in values if w.quoted]
                    if strings and strings[-1].strip():
                        value = strings[-1].strip()
                        seq = _SEQUENCE_TOKEN.search(value) is not None
                        yield ScenePath(kind, node or "", value, seq), st


def _reference_path(words: list) -> ScenePath | None:
    """The path of a ``file -r``/``file -rdi`` statement (its last quoted positional word)."""
    flags = {w.text for w in words[1:] if not w.quoted}
    if not flags & {"-r", "-reference", "-rdi", "-referenceDepthInfo"}:
        return None
    pos, opts = positional_args(words, _FILE_FLAGS)
    if not pos or not words[-1].quoted or not pos[-1].strip():
        return None
    node = opts.get("-rfn", opts.get("-referenceNode", ""))
    # Maya writes "{1}" after a reference loaded twice ("ref.ma{1}"): the file is the same.
    value = re.sub(r"\{\d+\}$", "", pos[-1].strip())
    return ScenePath(DependencyKind.REFERENCE, node, value)


def _expand_vars(value: str, environ: Mapping[str, str]) -> str:
    """``$VAR`` / ``${VAR}`` replaced from ``environ``; unknown variables stay as written."""

    def sub(m: re.Match[str]) -> str:
        name = m.group(1) or m.group(2)
        return environ.get(name, m.group(0))

    return _ENV_VAR.sub(sub, value)


def _candidates(value: str, scene_dir: Path, project: Path | None, kind: str) -> list[Path]:
    """Where Maya would look for ``value``, in order (see the module docstring)."""
    text = value.replace("\\", "/")
    path = Path(text)
    roots = [root for root in (project, scene_dir) if root is not None]
    found: list[Path] = []
    if path.is_absolute():
        found.append(path)
    else:
        found += [root / path for root in roots]
    # Maya's base-name fall-back: textures in sourceimages, anything beside the scene.
    name = text.rsplit("/", 1)[-1]
    if name:
        if project is not None and kind == DependencyKind.TEXTURE:
            found.append(project / "sourceimages" / name)
        found.append(scene_dir / name)
    return found


def _token_digits(token: str) -> str:
    """The regular expression of what a sequence token stands for in a file name."""
    lower = token.lower()
    if lower == "<udim>":
        return r"\d{4}"
    if lower in ("<uvtile>", "u<u>_v<v>"):
        return r"u\d+_v\d+"
    return r"-?\d+"  # <f>, <frame>, ####


def _pattern_files(text: str) -> list[Path]:
    """Existing files matching ``text`` where each sequence token stands for its digits."""
    glob_parts: list[str] = []
    regex_parts: list[str] = []
    last = 0
    for m in _SEQUENCE_TOKEN.finditer(text):
        glob_parts += [glob.escape(text[last : m.start()]), "*"]
        regex_parts += [re.escape(text[last : m.start()]), _token_digits(m.group(0))]
        last = m.end()
    glob_parts.append(glob.escape(text[last:]))
    regex_parts.append(re.escape(text[last:]))
    name_re = re.compile("".join(regex_parts))
    return sorted(
        Path(p)
        for p in glob.glob("".join(glob_parts))
        if name_re.fullmatch(p) and os.path.isfile(p)
    )


def _sequence_files(candidate: Path) -> list[Path]:
    """Existing files a token path, or a frame-extension texture, stands for."""
    text = str(candidate)
    if _SEQUENCE_TOKEN.search(text):
        return _pattern_files(text)
    # useFrameExtension: Maya replaces the last number of the file name with the frame.
    digits = list(re.finditer(r"\d+", candidate.name))
    if not digits:
        return []
    name = candidate.name
    start, end = digits[-1].span()
    return _pattern_files(str(candidate.parent / (name[:start] + "#" + name[end:])))


def _locate(
    item: ScenePath, scene_dir: Path, project: Path | None, environ: Mapping[str, str]
) -> tuple[Path, list[Path]] | None:
    """Where Maya finds one scene path: the path it settles on and the files it stands for."""
    value = _expand_vars(item.value, environ)
    for candidate in _candidates(value, scene_dir, project, item.kind):
        if item.sequence:
            files = _sequence_files(candidate)
            if files:
                return Path(os.path.abspath(candidate)), [Path(os.path.abspath(f)) for f in files]
            if _SEQUENCE_TOKEN.search(str(candidate)):
                continue
        if candidate.is_file():
            found = Path(os.path.abspath(candidate))
            return found, [found]
    return None


def _resolve(
    item: ScenePath, scene_dir: Path, project: Path | None, environ: Mapping[str, str]
) -> list[Path]:
    """The existing files one scene path stands for (empty when none is found)."""
    located = _locate(item, scene_dir, project, environ)
    return [] if located is None else located[1]


def locate_scene_path(
    item: ScenePath,
    *,
    scene_dir: str | Path,
    project_dir: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Path | None:
    """The absolute path Maya settles on for one scene path, in Maya's resolution order.

    Variables are expanded; a relative path is tried against the project root, then the scene's
    folder; then the file name alone in the project's ``sourceimages`` (textures) and beside the
    scene (see the module docstring). A sequence keeps its tokens (``tex.<UDIM>.png``) and is
    found when one of its files exists.

    Args:
        item: The path as the scene writes it.
        scene_dir: The folder of the scene that names it (the artist's, not a copy's).
        project_dir: The Maya project root, or None.
        environ: Variables for ``$VAR`` (default ``os.environ``).

    Returns:
        The absolute path (tokens kept for a sequence), or None when it is found nowhere.
    """
    env = os.environ if environ is None else environ
    project = Path(project_dir).expanduser().resolve() if project_dir else None
    located = _locate(item, Path(scene_dir), project, env)
    return None if located is None else located[0]


def find_dependencies(
    scene: str | Path,
    *,
    project_dir: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    max_depth: int = MAX_REFERENCE_DEPTH,
) -> SceneDependencies:
    """The files a scene needs to render, found on this machine (nested ``.ma`` references too).

    Args:
        scene: The Maya ASCII scene.
        project_dir: The Maya project (workspace root) relative paths resolve against; None:
            only the scene's folder.
        environ: Variables for ``$VAR`` in paths (default ``os.environ``).
        max_depth: How deep nested ``.ma`` references are read.

    Returns:
        The existing files, the paths found nowhere, and the references that could not be read.

    Raises:
        SceneReadError: ``scene`` itself is not a readable Maya ASCII scene.
    """
    env = os.environ if environ is None else environ
    project = Path(project_dir).expanduser().resolve() if project_dir else None
    top = Path(scene).expanduser().resolve()
    files: dict[Path, None] = {}
    missing: dict[tuple[str, str], ScenePath] = {}
    unread: dict[Path, None] = {}
    visited: set[Path] = {top}
    queue: list[tuple[Path, int]] = [(top, 0)]
    while queue:
        current, depth = queue.pop(0)
        try:
            paths = read_scene_paths(current)
        except SceneReadError:
            if current == top:
                raise
            unread[current] = None
            continue
        for item in paths:
            resolved = _resolve(item, current.parent, project, env)
            if not resolved:
                missing.setdefault((item.kind, item.value), item)
            for path in resolved:
                if path != top:
                    files[path] = None
                if item.kind != DependencyKind.REFERENCE or path in visited:
                    continue
                visited.add(path)
                if depth + 1 > max_depth:
                    unread[path] = None
                else:
                    queue.append((path, depth + 1))
    return SceneDependencies(
        files=tuple(sorted(files)),
        missing=tuple(missing.values()),
        unread=tuple(sorted(unread)),
    )
