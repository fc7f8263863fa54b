"""Read render layers and render globals from a Maya ASCII (``.ma``) scene without Maya.

A ``.ma`` file is a MEL script that Maya writes in a fixed shape::

    //Maya ASCII 2024 scene
    requires -nodeType "RedshiftOptions" "redshift4maya" "3.5.19";
    currentUnit -l centimeter -a degree -t film;
    createNode renderSetupLayer -n "MASTER_BG_A";
    createNode renderLayer -n "rs_MASTER_BG_A";
        setAttr ".rndr" no;
        setAttr ".do" 1;
    select -ne :defaultRenderGlobals;
        setAttr ".ren" -type "string" "redshift";
    connectAttr "rs_MASTER_BG_A.msg" "MASTER_BG_A.lrl";
    // End of shot001.ma

This module streams such a file through a small statement splitter (statements end at ``;``
outside double-quoted strings, ``//`` starts a comment outside strings) and interprets only the
few statements that describe render layers and render globals. Everything else, including
50 MB ``setAttr`` lines of mesh data, is scanned past in C (``re``) without building a Python
string, so memory stays bounded by the read block size whatever the file size.

What it finds (see :class:`SceneInfo`): the render layers as the artist sees them and the node
name ``Render -rl`` takes (``rs_X`` for Render Setup layer ``X``, ``defaultRenderLayer`` for
masterLayer), which are renderable, the renderer, frame range, image prefix and format, the
plug-ins the file requires, and whether per-layer overrides may change those values.

Maya Binary (``.mb``) files cannot be read this way: :func:`read_scene` raises
:class:`BinarySceneError`, and callers fall back to rendering explicitly named layers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, NamedTuple

__all__ = [
    "BINARY_SCENE_HINT",
    "MASTER_LAYER_NAME",
    "DEFAULT_LAYER_NODE",
    "MAYA_DEFAULT_RENDERER",
    "BinarySceneError",
    "ByteEdit",
    "LayerInfo",
    "LayerNotFoundError",
    "NotMayaAsciiError",
    "SceneInfo",
    "SceneIsDirectoryError",
    "SceneNotFoundError",
    "ScenePermissionError",
    "SceneReadError",
    "SceneStatement",
    "Statement",
    "Word",
    "check_scene_file",
    "iter_scene_statements",
    "iter_statements",
    "parse_plug",
    "plan_renderable_patch",
    "read_scene",
    "RenderablePatch",
    "split_statements",
    "tokenize",
]

#: Bytes read from disk at a time. Memory use is a small multiple of this, whatever the file size.
BLOCK_SIZE_BYTES: int = 1 << 20
#: Bytes of a statement's beginning shown to the keep-predicate (enough for its first words).
PEEK_BYTES: int = 512
#: Statements are first tried whole by one regex within this many bytes; longer ones (mesh
#: data) take the memchr path, which is faster per byte but slower per statement.
FAST_WINDOW_BYTES: int = 4096
#: A statement we would interpret but that is larger than this is dropped (with a warning):
#: the statements we read are a few hundred bytes; nothing legitimate comes close.
MAX_KEPT_STATEMENT_BYTES: int = 4 << 20
#: How much of the file's start is searched for the ``//Maya ASCII`` header and binary markers.
HEADER_PROBE_BYTES: int = 4096
#: The header must be within this many lines (Maya writes it on line 1).
HEADER_MAX_LINES: int = 20

#: The artist-facing name of the default render layer, and its node name.
MASTER_LAYER_NAME: str = "masterLayer"
DEFAULT_LAYER_NODE: str = "defaultRenderLayer"
#: ``defaultRenderGlobals.currentRenderer`` when the file does not set it. Maya writes only
#: values that differ from the attribute default, and the default is believed to be Maya
#: Software (reference notes mark this UNVERIFIED). ``SceneInfo.renderer`` stays ``None`` then;
#: callers that must pick a renderer may fall back to this.
MAYA_DEFAULT_RENDERER: str = "mayaSoftware"

#: Shown whenever the layers of a Maya Binary scene are asked for.
BINARY_SCENE_HINT: str = (
    "listing layers of a Maya Binary scene needs Maya; save it as .ma, or name the layers to "
    "render explicitly (--layer NAME): rendering explicitly named layers still works"
)

_GLOBALS_NODE = "defaultRenderGlobals"
_RENDER_LAYER_TYPE = "renderLayer"
_RS_LAYER_TYPE = "renderSetupLayer"
_RS_ROOT_TYPE = "renderSetup"
_UNIQUE_OVERRIDE_TYPES = frozenset({"absUniqueOverride", "relUniqueOverride"})
#: Node types whose ``setAttr`` lines we interpret.
_INTERESTING_TYPES = frozenset(
    {_RENDER_LAYER_TYPE, _RS_LAYER_TYPE, _RS_ROOT_TYPE, "renderGlobals"} | _UNIQUE_OVERRIDE_TYPES
)
#: Nodes Maya writes as ``select -ne :name;`` blocks whose ``setAttr`` lines we interpret.
_INTERESTING_SELECT_NODES = frozenset({_GLOBALS_NODE, DEFAULT_LAYER_NODE})
_ALWAYS_KEPT_HEADS = frozenset({b"select", b"requires", b"currentUnit"})
_INTERESTING_TYPES_B = frozenset(t.encode() for t in _INTERESTING_TYPES)

# Byte-level patterns, each applied in C (the slow path uses bytes.find, see _Scanner).
# A complete string literal with escapes ("unrolled loop" form: linear, no backtracking blow-up).
_STRING_WHOLE = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
# Whitespace, the first word (group 1, possibly empty), then - when the statement has no '/'
# outside strings and ends within the window - the rest of it through its ';' (group 2).
_STATEMENT = re.compile(
    rb'[ \t\r\n\f\v]*([^ \t\r\n\f\v;"/]*)([^";/]*(?:"[^"\\]*(?:\\.[^"\\]*)*"[^";/]*)*;)?', re.S
)
_CREATE_TYPE = re.compile(rb'createNode[ \t\r\n]+([^ \t\r\n;"]+)')
_HEADER = re.compile(rb"^//Maya ASCII (\S+)")

_SEMI, _QUOTE, _SLASH, _BACKSLASH = ord(";"), ord('"'), ord("/"), ord("\\")
_MEL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
# A word: a double-quoted string (possibly unterminated at the end) or a run of other non-space.
_TOKEN = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"?|([^\s"]+)', re.S)
_ESCAPE = re.compile(r"\\(.)", re.S)

_TRUE_WORDS = frozenset({"yes", "on", "true", "1"})
_FALSE_WORDS = frozenset({"no", "off", "false", "0"})
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
_REQUIRES_FLAGS = {"-nodeType": 1, "-nt": 1, "-dataType": 1, "-dt": 1}
_CONNECT_FLAGS = {
    "-na": 0,
    "-nextAvailable": 0,
    "-f": 0,
    "-force": 0,
    "-l": 1,
    "-lock": 1,
    "-rd": 1,
    "-referenceDest": 1,
}
# defaultRenderGlobals attributes we report, short and long names.
_GLOBAL_ATTRS = {
    "ren": "renderer",
    "currentRenderer": "renderer",
    "fs": "start_frame",
    "startFrame": "start_frame",
    "ef": "end_frame",
    "endFrame": "end_frame",
    "bfs": "by_frame",
    "byFrameStep": "by_frame",
    "an": "animation",
    "animation": "animation",
    "ifp": "image_prefix",
    "imageFilePrefix": "image_prefix",
    "imfkey": "image_format",
    "imfPluginKey": "image_format",
    "outf": "image_format_enum",
    "imageFormat": "image_format_enum",
}
# defaultRenderGlobals.imageFormat enum values (Maya's own enum list) to the usual extension.
# Used only when the file sets .outf but not .imfkey.
_IMAGE_FORMAT_ENUM = {
    0: "gif",
    1: "si",
    2: "rla",
    3: "tif",
    4: "tif",
    5: "sgi",
    6: "als",
    7: "iff",
    8: "jpg",
    9: "eps",
    10: "iff",
    12: "yuv",
    13: "sgi",
    19: "tga",
    20: "bmp",
    31: "psd",
    32: "png",
    35: "dds",
    36: "psd",
    40: "exr",
}


# --------------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------------
class SceneReadError(ValueError):
    """The scene file cannot be read as a Maya ASCII scene (the message says why)."""


class SceneNotFoundError(SceneReadError):
    """The scene file does not exist."""


class ScenePermissionError(SceneReadError):
    """The scene file exists but this user may not read it."""


class SceneIsDirectoryError(SceneReadError):
    """The path names a directory, not a scene file."""


class NotMayaAsciiError(SceneReadError):
    """The file is text but has no ``//Maya ASCII`` header: not a Maya ASCII scene."""


class BinarySceneError(SceneReadError):
    """The file is a Maya Binary scene (or other binary data), which only Maya can read."""


class LayerNotFoundError(ValueError):
    """A render layer name matches no layer of the scene (the message lists the layers)."""


# --------------------------------------------------------------------------------------------------
# Public data
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LayerInfo:
    """One render layer of a scene.

    Attributes:
        name: The name the artist sees: Render Setup layer ``X``, ``masterLayer`` for the
            default layer, a legacy layer's node name, or ``ns:name`` for a referenced layer.
        node: The ``renderLayer`` node name that ``Render -rl`` takes: ``rs_X`` for Render Setup
            layer ``X``, ``defaultRenderLayer`` for masterLayer, the node name for legacy layers.
        renderable: The layer's renderable flag as saved (``.rndr``; Maya's default is on).
        is_default: True for masterLayer (``defaultRenderLayer``).
        referenced: True when the name has a namespace (``:``), i.e. it comes from a reference.
        render_setup: True when a Render Setup layer (``renderSetupLayer`` node) drives it.
        display_order: The layer's ``.do`` as saved, or ``None`` when the file leaves it at the
            default (0).
    """

    name: str
    node: str
    renderable: bool
    is_default: bool
    referenced: bool
    render_setup: bool
    display_order: int | None


@dataclass(frozen=True)
class SceneInfo:
    """What a Maya ASCII scene says about rendering.

    Values are the scene's render globals. Render Setup can override them per layer
    (``has_layer_overrides``); a text reader cannot resolve those, so treat the range and
    renderer here as "globals, may be overridden".

    Attributes:
        path: The scene file.
        layers: masterLayer first, then by display order (``.do``), then in file order; layers
            whose display order the file does not give (e.g. from a reference) come last.
        uses_render_setup: The file has Render Setup nodes (Maya >= 2016.5 Render Setup mode).
        renderer: ``defaultRenderGlobals.currentRenderer`` (``redshift``, ``arnold``, ``vray``,
            ``mayaSoftware``...), or ``None`` when the file leaves it at Maya's default
            (believed ``mayaSoftware``, see :data:`MAYA_DEFAULT_RENDERER`).
        start_frame: ``.fs``; Maya's default 1 when absent.
        end_frame: ``.ef``; Maya's default 10 when absent.
        by_frame: ``.bfs``; 1 when absent.
        image_prefix: ``.ifp`` as written (may be ``""``: Maya then uses the scene name), or
            ``None`` when absent.
        image_format: ``.imfkey`` (``exr``, ``png``...), else the extension of ``.outf`` when only
            that is set, else ``None`` (Maya Software's default is ``iff``; plug-in renderers
            keep their own format setting in their options node).
        animation: ``.an``: when off, Maya renders one frame unless ``-s/-e`` are passed.
        time_unit: ``currentUnit -t`` (``film`` = 24 fps...), or ``None``. Frame values are in
            this unit.
        required_plugins: Plug-ins from ``requires`` statements (``redshift4maya``, ``mtoa``...),
            without Maya itself.
        maya_version: The Maya version that saved the file (``requires maya`` or the header).
        has_layer_overrides: ``absUniqueOverride``/``relUniqueOverride`` nodes exist: a layer's
            frame range, renderer or image settings may differ from the globals above.
        warnings: Things worth showing the user (legacy layers in a Render Setup scene,
            overrides, a truncated file...).
    """

    path: Path
    layers: tuple[LayerInfo, ...]
    uses_render_setup: bool
    renderer: str | None = None
    start_frame: float = 1.0
    end_frame: float = 10.0
    by_frame: float = 1.0
    image_prefix: str | None = None
    image_format: str | None = None
    animation: bool = False
    time_unit: str | None = None
    required_plugins: tuple[str, ...] = ()
    maya_version: str | None = None
    has_layer_overrides: bool = False
    warnings: tuple[str, ...] = field(default=())

    def layer(self, name: str) -> LayerInfo:
        """Return the layer with this artist name or node name.

        Args:
            name: ``MASTER_BG_A``, ``rs_MASTER_BG_A``, ``masterLayer``, ``defaultRenderLayer``...
                Artist names win over node names when both could match.

        Returns:
            The matching layer.

        Raises:
            LayerNotFoundError: No layer has that name; the message lists the scene's layers.
        """
        for lay in self.layers:
            if lay.name == name:
                return lay
        for lay in self.layers:
            if lay.node == name:
                return lay
        known = ", ".join(lay.name for lay in self.layers)
        raise LayerNotFoundError(f"no render layer {name!r} in {self.path} (layers: {known})")

    def renderable_layers(self) -> tuple[LayerInfo, ...]:
        """Return the layers whose renderable flag is on, in :attr:`layers` order."""
        return tuple(lay for lay in self.layers if lay.renderable)


# --------------------------------------------------------------------------------------------------
# Statement splitter
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Statement:
    """One MEL statement found in the byte stream.

    Attributes:
        start: Byte offset of the statement's first character.
        end: Byte offset just past its terminating ``;`` (or end of data when incomplete).
        lead: Byte offset where the whitespace run just before the statement begins (equal to
            ``start`` when there is none). ``[lead, end)`` removes the statement and its line
            break cleanly.
        head: The first word (``createNode``, ``setAttr``...).
        text: The statement without its ``;`` and without comments, or ``None`` when it was
            not kept (only an incomplete final statement is yielded then) or was larger than
            :data:`MAX_KEPT_STATEMENT_BYTES`.
        complete: False for a final statement cut off by the end of the data (no ``;``).
        oversized: True when it was to be kept but exceeded :data:`MAX_KEPT_STATEMENT_BYTES`.
    """

    start: int
    end: int
    lead: int
    head: str
    text: str | None
    complete: bool = True
    oversized: bool = False


KeepPredicate = Callable[[bytes, bytes], bool]


class _Scanner:
    """A sliding window over a binary stream, plus the slow path of the statement scan.

    Bytes before ``pos`` may be dropped on refill. :meth:`find` remembers, per byte value,
    where it last found (or did not find) that byte, so the slow path never reads the same
    bytes twice for the same character; ``bytes.find`` is a memchr scan.
    """

    __slots__ = (
        "stream",
        "block",
        "buf",
        "base",
        "pos",
        "eof",
        "_found",
        "_scanned",
        "_pieces",
        "_seg",
        "_kept",
        "_oversized",
    )

    def __init__(self, stream: BinaryIO, block: int) -> None:
        self.stream = stream
        self.block = block
        self.buf = b""
        self.base = 0  # file offset of buf[0]
        self.pos = 0
        self.eof = False
        # Per searched byte: absolute offset of its next occurrence (-1: none up to _scanned).
        self._found: dict[int, int] = {}
        self._scanned: dict[int, int] = {}
        self._pieces: list[bytes] | None = None
        self._seg = 0
        self._kept = 0
        self._oversized = False

    def fill(self) -> bool:
        """Drop consumed bytes and append one more block; return False at end of data."""
        if self.eof:
            return False
        chunk = self.stream.read(self.block)
        if not chunk:
            self.eof = True
            return False
        self.base += self.pos
        self.buf = self.buf[self.pos :] + chunk
        self.pos = 0
        return True

    def ensure(self, count: int) -> None:
        """Make ``count`` bytes available from ``pos`` unless the data ends first."""
        while len(self.buf) - self.pos < count and self.fill():
            pass

    def find(self, byte: int, pos: int) -> int:
        """Index in ``buf`` of the first ``byte`` at or after ``pos``, or -1 if none is loaded."""
        base = self.base
        found = self._found.get(byte, -1)
        if found >= base + pos:
            return found - base
        start = max(pos, self._scanned.get(byte, 0) - base)
        i = self.buf.find(byte, start)
        if i < 0:
            self._found[byte] = -1
            self._scanned[byte] = base + len(self.buf)
        else:
            self._found[byte] = self._scanned[byte] = base + i
        return i

    def skip_comment(self) -> None:
        """Advance past a ``//`` comment, leaving ``pos`` on its newline (or at end of data)."""
        while True:
            nl = self.buf.find(b"\n", self.pos)
            if nl >= 0:
                self.pos = nl
                return
            self.pos = len(self.buf)
            if not self.fill():
                return

    def _flush(self, upto: int) -> None:
        """Copy ``buf[seg:upto]`` into the kept statement (unless it got too large)."""
        if self._pieces is not None:
            self._pieces.append(self.buf[self._seg : upto])
            self._kept += upto - self._seg
            if self._kept > MAX_KEPT_STATEMENT_BYTES:
                self._pieces, self._oversized = None, True
        self._seg = upto

    def _refill(self) -> bool:
        """Copy what is pending, slide the window, and report whether data remains."""
        self._flush(self.pos)
        more = self.fill()
        self._seg = self.pos
        return more

    def scan_body(self, wanted: bool) -> tuple[bytes | None, bool, bool]:
        """Scan a statement from ``pos`` to just past its ``;`` (the general, slower path).

        Args:
            wanted: Whether to collect the statement's text.

        Returns:
            ``(text, complete, oversized)``: the text without ``;`` and comments (``None``
            when not wanted or too large), False when the data ended first, and whether it
            exceeded :data:`MAX_KEPT_STATEMENT_BYTES`.
        """
        self._pieces = [] if wanted else None
        self._seg, self._kept, self._oversized = self.pos, 0, False
        complete = False
        in_string = False
        find = self.find
        while True:
            buf, pos = self.buf, self.pos
            if in_string:
                q = find(_QUOTE, pos)
                e = find(_BACKSLASH, pos)
                if e >= 0 and (q < 0 or e < q):
                    if e + 1 >= len(buf) and not self.eof:  # the escaped byte is not read yet
                        self.pos = e
                        if not self._refill():
                            self.pos = len(self.buf)
                            break
                        continue
                    self.pos = e + 2
                    continue
                if q < 0:
                    self.pos = len(buf)
                    if not self._refill():
                        break
                    continue
                in_string = False
                self.pos = q + 1
                continue
            semi = find(_SEMI, pos)
            quote = find(_QUOTE, pos)
            slash = find(_SLASH, pos)
            i = min(x for x in (semi, quote, slash, len(buf)) if x >= 0)
            if i >= len(buf):
                self.pos = len(buf)
                if not self._refill():
                    break
                continue
            c = buf[i]
            if c == _SEMI:
                self.pos = i
                self._flush(i)
                self.pos = i + 1
                complete = True
                break
            if c == _QUOTE:
                whole = _STRING_WHOLE.match(buf, i)
                if whole is not None:
                    self.pos = whole.end()
                else:  # the string runs past this block: walk it piecewise
                    in_string = True
                    self.pos = i + 1
                continue
            # A slash: a comment only when another slash follows, which may not be read yet.
            if i + 1 >= len(buf) and not self.eof:
                self.pos = i
                if not self._refill():
                    self.pos = len(self.buf)
                    break
                continue
            if buf[i + 1 : i + 2] == b"/":
                self.pos = i
                self._flush(i)
                self.skip_comment()
                self._seg = self.pos
                continue
            self.pos = i + 1
        if not complete:
            self._flush(self.pos)
        pieces, self._pieces = self._pieces, None
        text = b"".join(pieces) if pieces is not None else None
        return text, complete, self._oversized


def iter_statements(
    stream: BinaryIO, keep: KeepPredicate | None = None, *, block_size: int = BLOCK_SIZE_BYTES
) -> Iterator[Statement]:
    """Split a MEL byte stream into statements, in constant memory.

    Statements end at ``;`` outside double-quoted strings; ``\\"`` and ``\\\\`` escapes are honoured
    inside strings; ``//`` starts a comment (to the end of the line) outside strings. Line breaks
    and tabs inside a statement (Maya's continuation lines) are ordinary whitespace.

    Short statements are matched whole by one regular expression (in C); long ones (mesh data),
    comments inside statements and strings that cross a block boundary take a memchr-based
    path. Either way a skipped statement is never copied.

    Args:
        stream: A binary stream positioned at the start of the data.
        keep: Called with a statement's first word and its first bytes: the whole statement
            (with its ``;``) when it is short, else its first :data:`PEEK_BYTES` bytes (which may
            then run into later statements). When it returns False the statement is scanned past
            without being copied and is not yielded. ``None`` keeps everything. The predicate
            may rely on the consumer having processed every earlier yielded statement.
        block_size: Bytes read at a time.

    Yields:
        Kept statements in file order. A final statement with no ``;`` is yielded with
        ``complete=False`` whether kept or not, so callers can notice a truncated file.

    Raises:
        OSError: Reading the stream failed.
    """
    b = _Scanner(stream, max(16, block_size))
    match = _STATEMENT.match  # the hot loop: locals only, one regex call per short statement
    buf, pos, blen = b.buf, b.pos, 0
    while True:
        # Whitespace, comments and empty statements before the next statement. ``lead`` marks
        # where the last whitespace run before it begins (it may span blocks).
        lead = b.base + pos
        while True:
            if blen - pos < PEEK_BYTES and not b.eof:
                b.pos = pos
                b.ensure(PEEK_BYTES)
                buf, pos, blen = b.buf, b.pos, len(b.buf)
            m = match(buf, pos, pos + FAST_WINDOW_BYTES if pos + FAST_WINDOW_BYTES < blen else blen)
            hs, he, end = m.start(1), m.end(1), m.end(2)
            if end >= 0:  # a whole short statement
                if he > hs or buf[hs] != _SEMI:
                    break
                pos = end  # an empty statement (";;")
                lead = b.base + pos
                continue
            if he + 1 >= blen and not b.eof:  # whitespace or the first word runs on
                b.pos = hs
                b.fill()
                buf, pos, blen = b.buf, b.pos, len(b.buf)
                continue
            if hs >= blen:
                return
            pos = hs
            if he == hs and buf[hs] == _SLASH and buf[hs + 1 : hs + 2] == b"/":
                b.pos = pos
                b.skip_comment()
                buf, pos, blen = b.buf, b.pos, len(b.buf)
                lead = b.base + pos
                continue
            if he == hs and buf[hs] == _SEMI:
                pos = hs + 1
                lead = b.base + pos
                continue
            break  # a long statement, or one with a comment or a string crossing the window
        head = buf[hs:he]
        if end >= 0:
            if keep is None or keep(
                head, buf[hs : end if end - hs < PEEK_BYTES else hs + PEEK_BYTES]
            ):
                yield Statement(
                    b.base + hs,
                    b.base + end,
                    lead,
                    head.decode("utf-8", "surrogateescape"),
                    buf[hs : end - 1].decode("utf-8", "surrogateescape"),
                )
            pos = end
            continue
        start = b.base + pos
        wanted = keep is None or keep(head, buf[pos : pos + PEEK_BYTES])
        b.pos = pos
        raw, complete, oversized = b.scan_body(wanted)
        buf, pos, blen = b.buf, b.pos, len(b.buf)
        if wanted or not complete:
            text = raw.decode("utf-8", "surrogateescape") if raw is not None else None
            yield Statement(
                start,
                b.base + pos,
                lead,
                head.decode("utf-8", "surrogateescape"),
                text,
                complete,
                oversized,
            )
        if not complete:
            return


def split_statements(text: str) -> list[str]:
    """Split MEL source text into statement texts (a convenience over :func:`iter_statements`).

    Args:
        text: MEL source, e.g. the contents of a small ``.ma`` file.

    Returns:
        The statements' texts without their ``;`` and comments. A final statement without
        ``;`` is included as well.
    """
    import io

    data = text.encode("utf-8", "surrogateescape")
    return [s.text or "" for s in iter_statements(io.BytesIO(data), block_size=64 * 1024)]


class Word(NamedTuple):
    """One word of a statement: ``text`` is unescaped when the word was a quoted string."""

    text: str
    quoted: bool


def tokenize(statement: str) -> list[Word]:
    """Split a statement into words, respecting double-quoted strings.

    Quoted strings become one word each, with MEL escapes (``\\"``, ``\\\\``, ``\\n``, ``\\t``)
    resolved; a quote always starts a new word, so ``("a" + "b")`` gives ``(``, ``a``, ``+``,
    ``b``, ``)``. An unterminated string runs to the end of the statement.

    Args:
        statement: One statement's text (as :attr:`Statement.text`).

    Returns:
        The words in order.
    """
    words: list[Word] = []
    for m in _TOKEN.finditer(statement):
        quoted = m.group(1)
        if quoted is None:
            words.append(Word(m.group(2), False))
        elif "\\" in quoted:
            words.append(Word(_ESCAPE.sub(_unescape, quoted), True))
        else:
            words.append(Word(quoted, True))
    return words


def _unescape(m: re.Match[str]) -> str:
    char = m.group(1)
    return _MEL_ESCAPES.get(char, char)


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


def _positional(words: list[Word], flags: dict[str, int]) -> tuple[list[str], dict[str, str]]:
    """Separate flag arguments from positional words (flags are unquoted known names)."""
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


def _setattr_parts(words: list[Word]) -> tuple[str | None, list[Word]]:
    """Return a setAttr statement's plug and its value words (flags removed)."""
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


def _string_value(values: list[Word]) -> str | None:
    """The string a setAttr assigns: one quoted word, or ``("a" + "b")`` concatenations."""
    if not values:
        return None
    if values[0].text == "(" and not values[0].quoted:
        return "".join(w.text for w in values if w.quoted)
    return values[0].text


def _bool_value(values: list[Word]) -> bool | None:
    if not values:
        return None
    word = values[0].text.lower()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    return None


def _float_value(values: list[Word]) -> float | None:
    if not values:
        return None
    try:
        value = float(values[0].text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


# --------------------------------------------------------------------------------------------------
# Scene-level statement stream (selection context)
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SceneStatement:
    """A kept statement with its words and the selection it applies to.

    Attributes:
        statement: The raw statement (offsets, text).
        words: Its words (:func:`tokenize`).
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

    Kept: ``createNode`` of render layer / Render Setup / unique-override / render globals
    types, every ``select``, ``requires`` and ``currentUnit``, ``setAttr`` on such a node (or
    with an absolute ``"node.attr"`` plug), and ``connectAttr`` to ``.lrl``/``.rlid`` plugs.
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
            if m is not None and m.group(1) in _INTERESTING_TYPES_B:
                return True
            # Not ours: its setAttr lines target a node we ignore.
            ctx_node, ctx_type, ctx_wanted = None, None, False
            return False
        if head == b"connectAttr":
            return (
                b";" not in peek
                or b'.lrl"' in peek
                or b'.rlid"' in peek
                or b'.legacyRenderLayer"' in peek
                or b'.renderLayerId"' in peek
            )
        return head in _ALWAYS_KEPT_HEADS

    for st in iter_statements(stream, keep, block_size=block_size):
        words = tokenize(st.text) if st.text is not None else []
        if words and not words[0].quoted:
            cmd = words[0].text
            if cmd == "createNode":
                pos, opts = _positional(words, _CREATENODE_FLAGS)
                node_type = pos[0] if pos else None
                name = opts.get("-n", opts.get("-name")) or None
                ctx_node, ctx_type = name, node_type
                if name and node_type:
                    created_types[name] = node_type
                ctx_wanted = node_type in _INTERESTING_TYPES
            elif cmd == "select":
                names = [w.text for w in words[1:] if w.quoted or not w.text.startswith("-")]
                ctx_node = names[0] if len(names) == 1 else None
                if ctx_node and ctx_node.startswith(":"):  # root namespace
                    ctx_node = ctx_node[1:]
                ctx_type = created_types.get(ctx_node) if ctx_node else None
                ctx_wanted = ctx_node in _INTERESTING_SELECT_NODES or (
                    ctx_type in _INTERESTING_TYPES
                )
        yield SceneStatement(st, words, ctx_node, ctx_type)


# --------------------------------------------------------------------------------------------------
# File checks
# --------------------------------------------------------------------------------------------------
def check_scene_file(path: str | Path) -> str | None:
    """Check that ``path`` is a readable Maya ASCII scene and return the header's version.

    The check looks at the content, not the extension: a ``.ma`` holding binary data is refused,
    a ``.mb`` holding Maya ASCII text is accepted.

    Args:
        path: The scene file.

    Returns:
        The Maya version in the ``//Maya ASCII <version> scene`` header (e.g. ``"2024"``).

    Raises:
        SceneNotFoundError: The file does not exist.
        SceneIsDirectoryError: The path is a directory.
        ScenePermissionError: The file cannot be opened for reading.
        BinarySceneError: The file is Maya Binary (``FOR4``/``FOR8`` IFF header) or contains NUL
            bytes.
        NotMayaAsciiError: The file is empty or text without a ``//Maya ASCII`` header.
        SceneReadError: Any other I/O failure.
    """
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            probe = fh.read(HEADER_PROBE_BYTES)
    except FileNotFoundError:
        raise SceneNotFoundError(f"scene file not found: {p}") from None
    except IsADirectoryError:
        raise SceneIsDirectoryError(f"{p} is a directory, not a scene file") from None
    except PermissionError:
        if p.is_dir():  # Windows reports opening a directory as a permission error
            raise SceneIsDirectoryError(f"{p} is a directory, not a scene file") from None
        raise ScenePermissionError(f"no permission to read scene file {p}") from None
    except OSError as exc:
        raise SceneReadError(f"cannot read scene file {p}: {exc.strerror or exc}") from None
    if probe[:4] in (b"FOR4", b"FOR8") or b"\x00" in probe:
        what = "a Maya Binary scene" if probe[:3] == b"FOR" else "binary data"
        raise BinarySceneError(f"{p} is {what}: {BINARY_SCENE_HINT}")
    if not probe.strip():
        raise NotMayaAsciiError(f"{p} is empty: not a Maya ASCII scene")
    text = probe[3:] if probe.startswith(b"\xef\xbb\xbf") else probe
    for line in text.splitlines()[:HEADER_MAX_LINES]:
        m = _HEADER.match(line.strip())
        if m:
            return m.group(1).decode("ascii", "replace")
    raise NotMayaAsciiError(
        f"{p} is not a Maya ASCII scene: no '//Maya ASCII' header in its first lines"
    )


# --------------------------------------------------------------------------------------------------
# Scene reading
# --------------------------------------------------------------------------------------------------
@dataclass
class _LayerNode:
    order: int
    renderable: bool | None = None
    display_order: int | None = None
    created: bool = False


@dataclass
class _Collected:
    """Mutable state while reading; turned into a SceneInfo at the end."""

    layer_nodes: dict[str, _LayerNode] = field(default_factory=dict)
    rs_layers: dict[str, int] = field(default_factory=dict)  # renderSetupLayer name -> order
    rs_roots: set[str] = field(default_factory=set)
    links: dict[str, str] = field(default_factory=dict)  # renderSetupLayer -> renderLayer node
    pending_links: list[tuple[str, str]] = field(default_factory=list)
    pending_abs: list[tuple[str, str, list[Word]]] = field(default_factory=list)
    overrides: dict[str, dict[str, str]] = field(default_factory=dict)
    globals: dict[str, object] = field(default_factory=dict)
    plugins: list[str] = field(default_factory=list)
    maya_version: str | None = None
    time_unit: str | None = None
    warnings: list[str] = field(default_factory=list)
    order: int = 0

    def next_order(self) -> int:
        self.order += 1
        return self.order

    def layer_node(self, name: str) -> _LayerNode:
        rec = self.layer_nodes.get(name)
        if rec is None:
            rec = self.layer_nodes[name] = _LayerNode(self.next_order())
        return rec


def read_scene(path: str | Path) -> SceneInfo:
    """Read a Maya ASCII scene's render layers and render globals, without Maya.

    Streams the file (constant memory, large files in seconds) and interprets only the
    statements that describe layers and globals.

    Args:
        path: A ``.ma`` file.

    Returns:
        The scene's :class:`SceneInfo`.

    Raises:
        SceneNotFoundError: The file does not exist.
        SceneIsDirectoryError: The path is a directory.
        ScenePermissionError: The file cannot be read.
        BinarySceneError: The file is Maya Binary (``.mb``) or other binary data.
        NotMayaAsciiError: The file has no ``//Maya ASCII`` header.
        SceneReadError: Reading failed part-way (I/O error).
    """
    p = Path(path)
    header_version = check_scene_file(p)
    col = _Collected()
    if p.suffix.lower() == ".mb":
        col.warnings.append(f"{p.name} is named .mb but contains Maya ASCII text; read as .ma")
    try:
        with open(p, "rb") as fh:
            for ss in iter_scene_statements(fh):
                _interpret(ss, col)
    except OSError as exc:
        raise SceneReadError(f"error while reading scene file {p}: {exc.strerror or exc}") from None
    return _build_info(p, col, header_version)


def _interpret(ss: SceneStatement, col: _Collected) -> None:
    """Update the collected state from one kept statement."""
    st = ss.statement
    if not st.complete:
        col.warnings.append(
            f"the file ends inside a statement at byte {st.start} (truncated save?); "
            "settings after that point are missing"
        )
        return
    if st.oversized:
        col.warnings.append(f"skipped an oversized {st.head} statement at byte {st.start}")
        return
    words = ss.words
    if not words or words[0].quoted:
        return
    cmd = words[0].text
    if cmd == "createNode":
        _on_create(ss, col)
    elif cmd == "setAttr":
        plug, values = _setattr_parts(words)
        if plug is None:
            return
        node, attr = parse_plug(plug, ss.node)
        if node is None:
            return
        if plug.startswith("."):
            _on_setattr(node, ss.node_type, attr, values, col)
        else:  # absolute plug: the node's type is known only at the end of the file
            col.pending_abs.append((node, attr, values))
    elif cmd == "connectAttr":
        pos, _ = _positional(words, _CONNECT_FLAGS)
        if len(pos) >= 2:
            _on_connect(pos[0], pos[1], col)
    elif cmd == "requires":
        pos, _ = _positional(words, _REQUIRES_FLAGS)
        if pos:
            if pos[0] == "maya":
                col.maya_version = pos[1] if len(pos) > 1 else col.maya_version
            elif pos[0] not in col.plugins:
                col.plugins.append(pos[0])
    elif cmd == "currentUnit":
        _, opts = _positional(
            words, {"-l": 1, "-linear": 1, "-a": 1, "-angle": 1, "-t": 1, "-time": 1}
        )
        unit = opts.get("-t") or opts.get("-time")
        if unit:
            col.time_unit = unit


def _on_create(ss: SceneStatement, col: _Collected) -> None:
    name, node_type = ss.node, ss.node_type
    if not name or not node_type:
        return
    if node_type == _RENDER_LAYER_TYPE:
        col.layer_node(name).created = True
    elif node_type == _RS_LAYER_TYPE:
        col.rs_layers.setdefault(name, col.next_order())
    elif node_type == _RS_ROOT_TYPE:
        col.rs_roots.add(name)
    elif node_type in _UNIQUE_OVERRIDE_TYPES:
        col.overrides.setdefault(name, {})


def _on_setattr(
    node: str, node_type: str | None, attr: str, values: list[Word], col: _Collected
) -> None:
    """Apply one setAttr whose target node is known."""
    if not values:  # e.g. ``setAttr -k on ".fs";`` changes flags only, not the value
        return
    if node_type == _RENDER_LAYER_TYPE or node in col.layer_nodes or node == DEFAULT_LAYER_NODE:
        if attr in ("rndr", "renderable"):
            value = _bool_value(values)
            if value is None:
                col.warnings.append(f"unreadable {node}.{attr} value; assuming renderable")
            else:
                col.layer_node(node).renderable = value
        elif attr in ("do", "displayOrder"):
            number = _float_value(values)
            if number is not None:
                col.layer_node(node).display_order = int(number)
        return
    if node == _GLOBALS_NODE:
        _on_global(attr, values, col)
        return
    if node in col.overrides:
        if attr in ("atr", "attribute", "tgName", "targetNodeName"):
            text = _string_value(values)
            if text is not None:
                col.overrides[node]["tgName" if attr.startswith("t") else "atr"] = text


def _on_global(attr: str, values: list[Word], col: _Collected) -> None:
    key = _GLOBAL_ATTRS.get(attr)
    if key is None:
        return
    if key in ("renderer", "image_prefix", "image_format"):
        text = _string_value(values)
        if text is not None:
            col.globals[key] = text
        return
    if key == "animation":
        flag = _bool_value(values)
        if flag is not None:
            col.globals[key] = flag
        return
    number = _float_value(values)
    if number is None:
        shown = values[0].text if values else ""
        col.warnings.append(f"unreadable defaultRenderGlobals.{attr} value {shown!r}; ignored")
        return
    if key == "image_format_enum":
        col.globals[key] = int(number)
    else:
        col.globals[key] = number


def _on_connect(src: str, dst: str, col: _Collected) -> None:
    src_node, src_attr = parse_plug(src, None)
    dst_node, dst_attr = parse_plug(dst, None)
    if not src_node or not dst_node:
        return
    if dst_attr in ("rlid", "renderLayerId") and src_attr.startswith("rlmi"):
        col.layer_node(dst_node)  # registered with a render layer manager: a render layer
    elif dst_attr in ("lrl", "legacyRenderLayer") and src_attr in ("msg", "message"):
        # "X.msg" -> "renderSetup.lrl" is the Render Setup root's *last layer* pointer, not a
        # legacy-layer link; resolve once all node types are known.
        col.pending_links.append((src_node, dst_node))


def _resolve(col: _Collected) -> None:
    """Apply what needed the whole file: links, absolute setAttrs."""
    for src, dst in col.pending_links:
        if dst in col.rs_roots:
            continue
        if dst in col.rs_layers or (src in col.layer_nodes and src != DEFAULT_LAYER_NODE):
            col.links.setdefault(dst, src)
            col.rs_layers.setdefault(dst, col.next_order())
            col.layer_node(src)
    for node, attr, values in col.pending_abs:
        if (
            node in col.layer_nodes
            or node == DEFAULT_LAYER_NODE
            or node == _GLOBALS_NODE
            or (node in col.overrides)
        ):
            _on_setattr(node, None, attr, values, col)


def _order_key(display_order: int | None) -> tuple[int, int]:
    """Sort known display orders first; layers the file gives none (referenced) come after."""
    return (0, display_order) if display_order is not None else (1, 0)


def _build_info(path: Path, col: _Collected, header_version: str | None) -> SceneInfo:
    _resolve(col)
    col.layer_node(DEFAULT_LAYER_NODE)  # masterLayer always exists, written or not
    warnings = list(col.warnings)
    layers: list[tuple[tuple[int, int, int, int], LayerInfo]] = []
    linked: set[str] = set()
    for rs_name, order in col.rs_layers.items():
        node = col.links.get(rs_name)
        if node is None:
            node = f"rs_{rs_name}"
            if node not in col.layer_nodes:
                warnings.append(
                    f"Render Setup layer {rs_name!r} has no renderLayer node in the "
                    f"file; assuming {node!r}"
                )
        linked.add(node)
        rec = col.layer_nodes.get(node) or _LayerNode(order)
        info = LayerInfo(
            name=rs_name,
            node=node,
            renderable=rec.renderable is not False,
            is_default=False,
            referenced=":" in rs_name or ":" in node,
            render_setup=True,
            display_order=rec.display_order,
        )
        layers.append(((1, *_order_key(rec.display_order), order), info))
    legacy: list[str] = []
    for node, rec in col.layer_nodes.items():
        if node in linked:
            continue
        is_default = node == DEFAULT_LAYER_NODE
        info = LayerInfo(
            name=MASTER_LAYER_NAME if is_default else node,
            node=node,
            renderable=rec.renderable is not False,
            is_default=is_default,
            referenced=":" in node,
            render_setup=False,
            display_order=rec.display_order,
        )
        layers.append(((0 if is_default else 1, *_order_key(rec.display_order), rec.order), info))
        if not is_default:
            legacy.append(node)
    layers.sort(key=lambda pair: pair[0])
    uses_rs = bool(col.rs_layers or col.rs_roots)
    if uses_rs and legacy:
        warnings.append(
            "the scene uses Render Setup but also contains legacy render layer(s) "
            f"{', '.join(legacy)}: Maya in Render Setup mode refuses them ('contains legacy "
            "render layers') and renders masterLayer instead; set "
            "MAYA_ENABLE_LEGACY_RENDER_LAYERS=1 to render them"
        )
    overridden = sorted(
        {f"{o.get('tgName', '?')}.{o['atr']}" for o in col.overrides.values() if "atr" in o}
    )
    if col.overrides:
        what = ", ".join(overridden[:8]) + (" ..." if len(overridden) > 8 else "")
        warnings.append(
            "per-layer render setting overrides present"
            + (f" ({what})" if what else "")
            + ": a layer's frame range, renderer or image settings may differ from the globals"
        )
    infos = tuple(info for _, info in layers)
    if not any(lay.renderable for lay in infos):
        warnings.append("no render layer is renderable: name the layers to render explicitly")
    g = col.globals
    image_format = g.get("image_format")
    if image_format is None and "image_format_enum" in g:
        image_format = _IMAGE_FORMAT_ENUM.get(int(g["image_format_enum"]))  # type: ignore[arg-type]
    return SceneInfo(
        path=path,
        layers=infos,
        uses_render_setup=uses_rs,
        renderer=g.get("renderer"),  # type: ignore[arg-type]
        start_frame=float(g.get("start_frame", 1.0)),  # type: ignore[arg-type]
        end_frame=float(g.get("end_frame", 10.0)),  # type: ignore[arg-type]
        by_frame=float(g.get("by_frame", 1.0)),  # type: ignore[arg-type]
        image_prefix=g.get("image_prefix"),  # type: ignore[arg-type]
        image_format=image_format,  # type: ignore[arg-type]
        animation=bool(g.get("animation", False)),
        time_unit=col.time_unit,
        required_plugins=tuple(col.plugins),
        maya_version=col.maya_version or header_version,
        has_layer_overrides=bool(col.overrides),
        warnings=tuple(warnings),
    )


# --------------------------------------------------------------------------------------------------
# Renderable-flag patch (used by the temp scene snapshots)
# --------------------------------------------------------------------------------------------------
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
            in :func:`check_scene_file`), or reading failed part-way.
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
                if cmd == "createNode" and ss.node_type == _RS_LAYER_TYPE and ss.node:
                    assumed.add(f"rs_{ss.node}")
                elif cmd == "createNode" and ss.node_type == _RENDER_LAYER_TYPE and ss.node:
                    created.append(ss.node)
                    known[ss.node] = None
                    value = b"yes" if ss.node in wanted else b"no"
                    edits.append(
                        ByteEdit(st.end, st.end, newline + b'\tsetAttr ".rndr" ' + value + b";")
                    )
                elif cmd == "setAttr":
                    plug, _ = _setattr_parts(words)
                    if plug is None:
                        continue
                    node, attr = parse_plug(plug, ss.node)
                    if node is None or attr not in ("rndr", "renderable"):
                        continue
                    if not plug.startswith("."):
                        absolute.append((node, st.lead, st.end))
                    elif ss.node_type == _RENDER_LAYER_TYPE or node == DEFAULT_LAYER_NODE:
                        edits.append(ByteEdit(st.lead, st.end, b""))
                elif cmd == "connectAttr":
                    pos, _ = _positional(words, _CONNECT_FLAGS)
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
