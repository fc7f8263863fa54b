"""The Maya side of the statement stream: which statements matter for rendering, and their context.

:mod:`lrc_toolbox.scene.lexing` knows MEL; this module knows the few Maya commands and node types
that describe render layers and render globals. :func:`iter_scene_statements` keeps only those
statements (``createNode`` of a render layer, Render Setup, collection or override node,
``select``, ``setAttr`` on such a node, ``connectAttr`` to a layer or Render Setup tree plug,
``requires``, ``currentUnit``) and
tracks the selection a relative ``setAttr ".attr"`` applies to. The argument helpers
(:func:`parse_plug`, :func:`positional_args`, :func:`setattr_parts`) are shared by the scene reader
and the renderable-flag patcher, so both read a statement the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from lrc_toolbox.scene.lexing import (
    BLOCK_SIZE_BYTES,
    Statement,
    Word,
    iter_statements,
    tokenize,
)

__all__ = [
    "CONNECT_FLAGS",
    "DEFAULT_LAYER_NODE",
    "GLOBALS_NODE",
    "RENDER_LAYER_TYPE",
    "RS_LAYER_TYPE",
    "RS_ROOT_TYPE",
    "TIME_NODE",
    "UNIQUE_OVERRIDE_TYPES",
    "is_collection_type",
    "is_override_type",
    "SceneStatement",
    "iter_scene_statements",
    "parse_plug",
    "positional_args",
    "setattr_parts",
]

#: The node name ``Render -rl`` takes for the default render layer (masterLayer).
DEFAULT_LAYER_NODE: str = "defaultRenderLayer"
#: The render globals node and the node types whose statements describe render layers.
GLOBALS_NODE: str = "defaultRenderGlobals"
RENDER_LAYER_TYPE: str = "renderLayer"
RS_LAYER_TYPE: str = "renderSetupLayer"
RS_ROOT_TYPE: str = "renderSetup"
UNIQUE_OVERRIDE_TYPES: frozenset[str] = frozenset({"absUniqueOverride", "relUniqueOverride"})
#: The node holding the current time (``select -ne :time1; setAttr ".o" 537;``): with
#: ``defaultRenderGlobals.animation`` off, Maya renders this one frame.
TIME_NODE: str = "time1"
#: Node types whose ``setAttr`` lines we interpret.
_INTERESTING_TYPES = frozenset(
    {RENDER_LAYER_TYPE, RS_LAYER_TYPE, RS_ROOT_TYPE, "renderGlobals"} | UNIQUE_OVERRIDE_TYPES
)
#: Nodes Maya writes as ``select -ne :name;`` blocks whose ``setAttr`` lines we interpret.
_INTERESTING_SELECT_NODES = frozenset({GLOBALS_NODE, DEFAULT_LAYER_NODE, TIME_NODE})
_ALWAYS_KEPT_HEADS = frozenset({b"select", b"requires", b"currentUnit"})
_INTERESTING_TYPES_B = frozenset(t.encode() for t in _INTERESTING_TYPES)
_CREATE_TYPE = re.compile(rb'createNode[ \t\r\n]+([^ \t\r\n;"]+)')
# connectAttr destinations we read: a layer's manager (.rlid), a Render Setup layer's legacy
# node (.lrl), the Render Setup tree (.pls parent list, .prv order) and legacy per-layer
# adjustments (``.adjs[i].plg``).
_CONNECT_NEEDLES = (
    b'.lrl"',
    b'.rlid"',
    b'.legacyRenderLayer"',
    b'.renderLayerId"',
    b'.pls"',
    b'.parentList"',
    b'.prv"',
    b'.previous"',
    b'.plg"',
    b'.plug"',
)


def is_override_type(node_type: str) -> bool:
    """True for Render Setup override node types (``absUniqueOverride``, ``absOverride``...).

    Maya's override types all end in ``Override`` (``absOverride``, ``relOverride``,
    ``absUniqueOverride``, ``relUniqueOverride``, ``shaderOverride``, ``materialOverride``...;
    see deadline-cloud-for-maya's ``layers.ma`` and ``docs/research/maya_facts.md`` section 4).
    """
    return node_type.endswith("Override")


def is_collection_type(node_type: str) -> bool:
    """True for Render Setup collection node types (``collection``, ``renderSettingsCollection``,
    ``lightsChildCollection``...)."""
    return node_type == "collection" or node_type.endswith("Collection")


def _wanted_type(node_type: str | None) -> bool:
    return node_type is not None and (
        node_type in _INTERESTING_TYPES
        or is_override_type(node_type)
        or is_collection_type(node_type)
    )


# setAttr flags and how many arguments each takes (Maya writes -k/-l/-cb/-s before the plug,
# -type after it). Anything else that starts with '-' is a value (e.g. a negative number).
_SETATTR_FLAGS = {
    "-k": 1,
    "-keyable": 1,
    "-l": 1,
    "-lock": 1,
    "-cb": 1,
    "-channelBox": 1,
    "-s": 1,
    "-size": 1,
    "-type": 1,
    "-typ": 1,
    "-ca": 1,
    "-caching": 1,
    "-ch": 1,
    "-capacityHint": 1,
    "-av": 0,
    "-alteredValue": 0,
    "-c": 0,
    "-clamp": 0,
}
_CREATENODE_FLAGS = {
    "-n": 1,
    "-name": 1,
    "-p": 1,
    "-parent": 1,
    "-s": 0,
    "-shared": 0,
    "-ss": 0,
    "-skipSelect": 0,
}
#: ``connectAttr`` flags and how many arguments each takes.
CONNECT_FLAGS: dict[str, int] = {
    "-na": 0,
    "-nextAvailable": 0,
    "-f": 0,
    "-force": 0,
    "-l": 1,
    "-lock": 1,
    "-rd": 1,
    "-referenceDest": 1,
}


def parse_plug(plug: str, context: str | None) -> tuple[str | None, str]:
    """Split ``"node.attr"`` (or ``".attr"`` relative to the selected node) into node and attr.

    Args:
        plug: The plug as written (``".rndr"``, ``"rs_X.msg"``, ``":defaultRenderGlobals.ren"``).
        context: The currently selected node, for relative plugs.

    Returns:
        ``(node, attr)``; node is ``None`` for a relative plug with no selection. A leading
        ``:`` (root namespace) is dropped from the node name.
    """
    if plug.startswith("."):
        return context, plug[1:]
    node, _, attr = plug.partition(".")
    if node.startswith(":"):
        node = node[1:]
    return node, attr


def positional_args(words: list[Word], flags: dict[str, int]) -> tuple[list[str], dict[str, str]]:
    """Separate flag arguments from positional words (flags are unquoted known names).

    Args:
        words: A statement's words; ``words[0]`` is the command.
        flags: The command's flags and how many arguments each takes (``CONNECT_FLAGS``...).

    Returns:
        ``(positional, options)``: the other words' texts in order, and each flag given with
        its argument (``""`` for a flag without one).
    """
    pos: list[str] = []
    opts: dict[str, str] = {}
    i = 1  # words[0] is the command
    while i < len(words):
        w = words[i]
        if not w.quoted and w.text in flags:
            count = flags[w.text]
            opts[w.text] = words[i + 1].text if count and i + 1 < len(words) else ""
            i += 1 + count
            continue
        pos.append(w.text)
        i += 1
    return pos, opts


def setattr_parts(words: list[Word]) -> tuple[str | None, list[Word]]:
    """Return a setAttr statement's plug and its value words (flags removed).

    Args:
        words: The words of a ``setAttr`` statement; ``words[0]`` is the command.

    Returns:
        ``(plug, values)``: the plug as written (``None`` when there is none) and the words
        after it.
    """
    plug: str | None = None
    values: list[Word] = []
    i = 1
    while i < len(words):
        w = words[i]
        if not w.quoted and w.text in _SETATTR_FLAGS:
            i += 1 + _SETATTR_FLAGS[w.text]
            continue
        if plug is None:
            plug = w.text
        else:
            values.append(w)
        i += 1
    return plug, values


# --------------------------------------------------------------------------------------------------
# Render-relevant statements with their selection context
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SceneStatement:
    """A kept statement with its words and the selection it applies to.

    Attributes:
        statement: The raw statement (offsets, text).
        words: Its words (:func:`~lrc_toolbox.scene.lexing.tokenize`).
        node: The selected node after ``createNode``/``select`` ran (what a relative
            ``setAttr ".x"`` targets), or ``None``.
        node_type: That node's type when it was created in this file, else ``None``.
    """

    statement: Statement
    words: list[Word]
    node: str | None
    node_type: str | None


def iter_scene_statements(
    stream: BinaryIO, *, block_size: int = BLOCK_SIZE_BYTES
) -> Iterator[SceneStatement]:
    """Yield the statements that matter for render layers and globals, with their context.

    Kept: ``createNode`` of render layer / Render Setup / collection / override / render
    globals types, every ``select``, ``requires`` and ``currentUnit``, ``setAttr`` on such a node
    or on ``:defaultRenderGlobals``/``:time1`` (or with an absolute ``"node.attr"`` plug), and
    ``connectAttr`` to ``.lrl``/``.rlid`` (layers), ``.pls``/``.prv`` (the Render Setup tree)
    and ``.adjs[i].plg`` (legacy adjustments) plugs.
    Everything else is scanned past without being copied. A final incomplete statement is
    yielded (``statement.complete`` False) with empty words if it was not of interest.

    Args:
        stream: Binary stream of a ``.ma`` file.
        block_size: Bytes read at a time.

    Yields:
        :class:`SceneStatement` objects in file order.

    Raises:
        OSError: Reading the stream failed.
    """
    ctx_node: str | None = None
    ctx_type: str | None = None
    ctx_wanted = False
    created_types: dict[str, str] = {}

    def keep(head: bytes, peek: bytes) -> bool:
        # Runs for every statement of the file: plain bytes tests, no regex searches.
        nonlocal ctx_node, ctx_type, ctx_wanted
        if head == b"setAttr":
            if ctx_wanted:
                return True
            quote = peek.find(b'"')  # the plug: ".attr" is relative, "node.attr" absolute
            return quote >= 0 and peek[quote + 1 : quote + 2] != b"."
        if head == b"createNode":
            m = _CREATE_TYPE.match(peek)
            if m is not None and (
                m.group(1) in _INTERESTING_TYPES_B
                or m.group(1).endswith((b"Override", b"Collection"))
                or m.group(1) == b"collection"
            ):
                return True
            # Not ours: its setAttr lines target a node we ignore.
            ctx_node, ctx_type, ctx_wanted = None, None, False
            return False
        if head == b"connectAttr":
            return b";" not in peek or any(needle in peek for needle in _CONNECT_NEEDLES)
        return head in _ALWAYS_KEPT_HEADS

    for st in iter_statements(stream, keep, block_size=block_size):
        words = tokenize(st.text) if st.text is not None else []
        if words and not words[0].quoted:
            cmd = words[0].text
            if cmd == "createNode":
                pos, opts = positional_args(words, _CREATENODE_FLAGS)
                node_type = pos[0] if pos else None
                name = opts.get("-n", opts.get("-name")) or None
                ctx_node, ctx_type = name, node_type
                if name and node_type:
                    created_types[name] = node_type
                ctx_wanted = _wanted_type(node_type)
            elif cmd == "select":
                names = [w.text for w in words[1:] if w.quoted or not w.text.startswith("-")]
                ctx_node = names[0] if len(names) == 1 else None
                if ctx_node and ctx_node.startswith(":"):  # root namespace
                    ctx_node = ctx_node[1:]
                ctx_type = created_types.get(ctx_node) if ctx_node else None
                ctx_wanted = ctx_node in _INTERESTING_SELECT_NODES or _wanted_type(ctx_type)
        yield SceneStatement(st, words, ctx_node, ctx_type)
