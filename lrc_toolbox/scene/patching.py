"""Making a ``.ma`` copy in which exactly the chosen render layers are renderable.

:func:`plan_renderable_patch` reads the scene once (through the same statement stream as the
reader) and returns the byte edits that set every ``renderLayer`` node's ``.rndr`` flag;
:func:`copy_with_edits` streams the source to the copy, applying them. Everything else is copied
byte for byte, so the copy loads references, textures and caches exactly as the original does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lrc_toolbox.scene.errors import LayerNotFoundError, SceneReadError
from lrc_toolbox.scene.file_check import HEADER_PROBE_BYTES, check_scene_file
from lrc_toolbox.scene.statements import (
    CONNECT_FLAGS,
    DEFAULT_LAYER_NODE,
    RENDER_LAYER_TYPE,
    RS_LAYER_TYPE,
    iter_scene_statements,
    parse_plug,
    positional_args,
    setattr_parts,
)

__all__ = [
    "COPY_CHUNK_BYTES",
    "ByteEdit",
    "RenderablePatch",
    "copy_with_edits",
    "plan_renderable_patch",
]

#: Copy buffer for patched copies.
COPY_CHUNK_BYTES: int = 1 << 20


@dataclass(frozen=True)
class ByteEdit:
    """Replace bytes ``[start, end)`` of the source with ``data`` (``start == end``: insert)."""

    start: int
    end: int
    data: bytes


@dataclass(frozen=True)
class RenderablePatch:
    """How to turn a ``.ma`` into a copy in which exactly the chosen render layers render.

    Attributes:
        edits: Sorted, non-overlapping byte edits to the source file.
        tail: Statements to append at the end of the file (for layer nodes that have no
            ``createNode`` block in it, such as an implicit ``defaultRenderLayer``).
        layer_nodes: Every render layer node the file mentions, in file order.
        render_nodes: The nodes left renderable.
    """

    edits: tuple[ByteEdit, ...]
    tail: bytes
    layer_nodes: tuple[str, ...]
    render_nodes: tuple[str, ...]


def _mel_quote(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'.encode("utf-8", "surrogateescape")


def plan_renderable_patch(path: str | Path, render_nodes: str | Iterable[str]) -> RenderablePatch:
    """Plan the edits that make ``render_nodes`` the only renderable layers of a ``.ma`` copy.

    Inside every ``createNode renderLayer`` block, existing ``setAttr ".rndr" ...;`` statements
    are removed and the wanted value is inserted right after the ``createNode`` statement
    (``yes`` for the chosen nodes, even when the artist left them off: an explicitly chosen
    layer renders). Absolute ``setAttr "<layer>.rndr"`` statements are removed too. Layer nodes
    with no ``createNode`` block (``defaultRenderLayer`` may be implicit, referenced layers) get a
    ``setAttr "<node>.rndr" yes|no;`` appended at the end of the file. Nothing else changes.

    Args:
        path: The source ``.ma`` file.
        render_nodes: The ``renderLayer`` node(s) to keep renderable (``rs_X``,
            ``defaultRenderLayer``, a legacy layer name).

    Returns:
        The edits to apply while copying the file byte for byte.

    Raises:
        SceneReadError: The file is missing, unreadable, binary or not Maya ASCII (subclasses as
            in :func:`~lrc_toolbox.scene.file_check.check_scene_file`), or reading failed part-way.
        LayerNotFoundError: A node is not a render layer node of this file, or none was given.
    """
    p = Path(path)
    wanted = (
        (render_nodes,) if isinstance(render_nodes, str) else tuple(dict.fromkeys(render_nodes))
    )
    if not wanted:
        raise LayerNotFoundError("no render layer node given to keep renderable")
    check_scene_file(p)
    newline = b"\n"
    edits: list[ByteEdit] = []
    created: list[str] = []
    known: dict[str, None] = {DEFAULT_LAYER_NODE: None}
    # read_scene assumes rs_<name> for a Render Setup layer whose renderLayer node is not in the
    # file (with a warning); the patch must accept the same node, or planning and snapshotting
    # disagree about the scene.
    assumed: set[str] = set()
    absolute: list[tuple[str, int, int]] = []
    try:
        with open(p, "rb") as fh:
            first_line = fh.readline(HEADER_PROBE_BYTES)
            if first_line.endswith(b"\r\n"):
                newline = b"\r\n"
            fh.seek(0)
            for ss in iter_scene_statements(fh):
                st, words = ss.statement, ss.words
                if not st.complete or not words or words[0].quoted:
                    continue
                cmd = words[0].text
                if cmd == "createNode" and ss.node_type == RS_LAYER_TYPE and ss.node:
                    assumed.add(f"rs_{ss.node}")
                elif cmd == "createNode" and ss.node_type == RENDER_LAYER_TYPE and ss.node:
                    created.append(ss.node)
                    known[ss.node] = None
                    value = b"yes" if ss.node in wanted else b"no"
                    edits.append(
                        ByteEdit(st.end, st.end, newline + b'\tsetAttr ".rndr" ' + value + b";")
                    )
                elif cmd == "setAttr":
                    plug, _ = setattr_parts(words)
                    if plug is None:
                        continue
                    node, attr = parse_plug(plug, ss.node)
                    if node is None or attr not in ("rndr", "renderable"):
                        continue
                    if not plug.startswith("."):
                        absolute.append((node, st.lead, st.end))
                    elif ss.node_type == RENDER_LAYER_TYPE or node == DEFAULT_LAYER_NODE:
                        edits.append(ByteEdit(st.lead, st.end, b""))
                elif cmd == "connectAttr":
                    pos, _ = positional_args(words, CONNECT_FLAGS)
                    if len(pos) >= 2:
                        src_node, src_attr = parse_plug(pos[0], None)
                        dst_node, dst_attr = parse_plug(pos[1], None)
                        if (
                            dst_node
                            and dst_attr in ("rlid", "renderLayerId")
                            and (src_attr.startswith("rlmi"))
                        ):
                            known[dst_node] = None
    except OSError as exc:
        raise SceneReadError(f"error while reading scene file {p}: {exc.strerror or exc}") from None
    for node in wanted:
        if node not in known and node in assumed:
            known[node] = None  # not created in the file: set by an appended setAttr
    missing = [node for node in wanted if node not in known]
    if missing:
        raise LayerNotFoundError(
            f"render layer node(s) {', '.join(map(repr, missing))} not in {p} (layer nodes: "
            f"{', '.join(known)}); was the scene changed since it was read?"
        )
    for node, lead, end in absolute:
        if node in known:
            edits.append(ByteEdit(lead, end, b""))
    tail = b"".join(
        b"setAttr "
        + _mel_quote(f"{node}.rndr")
        + (b" yes;" if node in wanted else b" no;")
        + newline
        for node in known
        if node not in created
    )
    edits.sort(key=lambda e: (e.start, e.end))
    return RenderablePatch(tuple(edits), tail, tuple(known), wanted)


def copy_with_edits(src: BinaryIO, out: BinaryIO, edits: Sequence[ByteEdit], tail: bytes) -> None:
    """Stream ``src`` to ``out`` applying sorted byte edits, then append ``tail``.

    Args:
        src: The source file, opened for binary reading and positioned at its start.
        out: The copy, opened for binary writing.
        edits: Sorted, non-overlapping edits (:attr:`RenderablePatch.edits`).
        tail: Bytes to append at the end (:attr:`RenderablePatch.tail`); they start on a line
            of their own.

    Raises:
        OSError: Reading or writing failed.
    """
    pos = 0
    last = b""
    for edit in edits:
        last = _copy_span(src, out, edit.start - pos) or last
        out.write(edit.data)
        if edit.data:
            last = edit.data[-1:]
        src.seek(edit.end)
        pos = edit.end
    while chunk := src.read(COPY_CHUNK_BYTES):
        out.write(chunk)
        last = chunk[-1:]
    if tail:
        if last not in (b"\n", b""):
            # The file may end in a comment ("// End of file"): start the tail on its own line.
            out.write(b"\r\n" if tail.endswith(b"\r\n") else b"\n")
        out.write(tail)


def _copy_span(src: BinaryIO, out: BinaryIO, count: int) -> bytes:
    """Copy ``count`` bytes; return the last byte copied (``b""`` when none)."""
    last = b""
    while count > 0:
        chunk = src.read(min(count, COPY_CHUNK_BYTES))
        if not chunk:
            break
        out.write(chunk)
        last = chunk[-1:]
        count -= len(chunk)
    return last
