"""Lexing a Maya ASCII (``.ma``) file: a streaming MEL statement scanner and a word tokenizer.

A ``.ma`` file is a MEL script. This module knows only MEL's lexical rules, nothing about nodes:
statements end at ``;`` outside double-quoted strings, ``\\"`` and ``\\\\`` escape inside strings,
``//`` starts a comment (to the end of the line) outside strings, and line breaks inside a
statement are ordinary whitespace.

:func:`iter_statements` streams a file through a sliding window and asks a keep-predicate about
each statement's first bytes; statements nobody wants (including 50 MB ``setAttr`` lines of mesh
data) are scanned past in C (``re``, ``bytes.find``) without building a Python string, so memory
stays bounded by the read block size whatever the file size. :func:`tokenize` splits one kept
statement into :class:`Word` objects.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, NamedTuple

__all__ = [
    "BLOCK_SIZE_BYTES",
    "FAST_WINDOW_BYTES",
    "MAX_KEPT_STATEMENT_BYTES",
    "PEEK_BYTES",
    "KeepPredicate",
    "Statement",
    "Word",
    "iter_statements",
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

# Byte-level patterns, each applied in C (the slow path uses bytes.find, see _Scanner).
# A complete string literal with escapes ("unrolled loop" form: linear, no backtracking blow-up).
_STRING_WHOLE = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
# Whitespace, the first word (group 1, possibly empty), then - when the statement has no '/'
# outside strings and ends within the window - the rest of it through its ';' (group 2).
_STATEMENT = re.compile(
    rb'[ \t\r\n\f\v]*([^ \t\r\n\f\v;"/]*)([^";/]*(?:"[^"\\]*(?:\\.[^"\\]*)*"[^";/]*)*;)?', re.S
)

_SEMI, _QUOTE, _SLASH, _BACKSLASH = ord(";"), ord('"'), ord("/"), ord("\\")
_MEL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
# A word: a double-quoted string (possibly unterminated at the end) or a run of other non-space.
_TOKEN = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"?|([^\s"]+)', re.S)
_ESCAPE = re.compile(r"\\(.)", re.S)


# --------------------------------------------------------------------------------------------------
# Statement scanner
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
            assert m is not None  # every part of _STATEMENT is optional: it matches any text
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


# --------------------------------------------------------------------------------------------------
# Tokenizer
# --------------------------------------------------------------------------------------------------
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
