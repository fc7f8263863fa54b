"""Frame range strings as people type them, turned into sorted frame numbers and back.

Syntax (comma-separated parts, spaces anywhere between tokens):

* ``5`` or ``-3``: a single frame (negative frames are allowed).
* ``1-10``, ``-5--1``, ``-10-10``: an inclusive range, lower frame first.
* ``1-100x5`` (or ``X``): a stepped range that **always includes both ends**, so ``1-10x4`` is
  ``1, 5, 9, 10``. This deliberately differs from Nuke/fileseq, which stop on the step grid: the
  artist who asks for ``1-100x5`` wants to see frame 100 too.

The dialog's separate Step field (``step=``) applies to plain ``a-b`` parts with the same
include-last rule; an explicit ``x`` in a part wins, and single frames ignore it. Duplicates are
merged and the result is sorted. Every problem raises one :class:`FrameRangeError` naming the part
and, where there is an obvious fix, what to type instead.

Sizes are computed arithmetically before anything is allocated, so ``1-999999999`` is refused at
once instead of building a billion-element set; the union of several parts is bounded too.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lrc_toolbox.config.batch_render_defaults import MAX_FRAMES

__all__ = [
    "MAX_ABS_FRAME",
    "MAX_STEP",
    "MAX_FRAMES",
    "FrameRangeError",
    "FrameRun",
    "FrameSet",
    "parse_frame_range",
]

#: Largest frame number (and step) accepted, in either direction. Real shots are far below this;
#: anything beyond is a typo, and refusing it keeps ``int()`` away from thousand-digit strings.
MAX_ABS_FRAME: int = 1_000_000_000

#: Largest step accepted: the widest possible range, so any two valid frames form a stepped run
#: (``FrameRun.to_string`` of ``-1, 1000000000`` is ``-1-1000000000x1000000001``).
MAX_STEP: int = 2 * MAX_ABS_FRAME

# Longest frame string __repr__ shows in full; past it a summary keeps logs and tracebacks readable.
_REPR_MAX_CHARS: int = 80

_LIMIT_HINT: str = (
    "raise the limit, which is configurable (max_frames=, default MAX_FRAMES in "
    "lrc_toolbox/config/batch_render_defaults.py)"
)

# [0-9] rather than \d: \d also matches Arabic-Indic and other Unicode digits, which int() accepts
# but no renderer does. \s stays Unicode-aware so a pasted non-breaking space is tolerated.
_NUMBER = r"-?[0-9]+"
_PART_RE = re.compile(
    rf"""\s*(?P<start>{_NUMBER})\s*
        (?:(?P<dash>-)\s*(?P<end>{_NUMBER})?\s*)?
        (?:(?P<x>[xX])\s*(?P<step>{_NUMBER})?\s*)?""",
    re.VERBOSE,
)
_DECIMAL_RE = re.compile(r"[0-9]*\.[0-9]+|[0-9]+\.")
_LONE_DECIMAL_RE = re.compile(r"-?[0-9]*\.[0-9]+|-?[0-9]+\.")
_SPACE_SEPARATED_RE = re.compile(rf"\s*{_NUMBER}(?:\s+{_NUMBER})+\s*")
_EXPECTED_FORMS = "expected a frame ('5', '-3'), a range ('1-10') or a stepped range ('1-100x5')"


class FrameRangeError(ValueError):
    """A frame string (or a parse argument) that cannot be turned into frames.

    Args:
        message: What is wrong, which part, and what to type instead where the fix is obvious.
        part: The offending piece of the input (stripped), or ``None`` when the problem is the
            whole input or an argument rather than one part.

    Attributes:
        part: As passed in.
    """

    def __init__(self, message: str, part: str | None = None) -> None:
        super().__init__(message)
        self.part = part


@dataclass(frozen=True)
class FrameRun:
    """A contiguous run of frames with a constant step: ``start, start+step, ..., end``.

    ``end`` is always on the step grid (``(end - start) % step == 0``). A single frame is stored
    with ``step == 1`` whatever step was given, so equal runs compare equal.

    Args:
        start: First frame.
        end: Last frame, ``>= start`` and on the step grid.
        step: Distance between consecutive frames, ``>= 1``.

    Raises:
        TypeError: A value is not an ``int``.
        ValueError: ``step < 1``, ``end < start`` or ``end`` off the step grid.
    """

    start: int
    end: int
    step: int = 1

    def __post_init__(self) -> None:
        for name in ("start", "end", "step"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"FrameRun.{name} must be an int, got {value!r}")
        if self.step < 1:
            raise ValueError(f"FrameRun step must be >= 1, got {self.step}")
        if self.end < self.start:
            raise ValueError(f"FrameRun end {self.end} is before start {self.start}")
        if (self.end - self.start) % self.step:
            raise ValueError(
                f"FrameRun end {self.end} is not on the step grid of {self.start} by {self.step}"
            )
        if self.start == self.end and self.step != 1:
            # Normalise so FrameRun(5, 5, 3) == FrameRun(5, 5, 1); frozen, hence object.__setattr__.
            object.__setattr__(self, "step", 1)

    def __len__(self) -> int:
        """Number of frames in the run."""
        return (self.end - self.start) // self.step + 1

    def frames(self) -> list[int]:
        """All frames of the run, ascending.

        Returns:
            ``[start, start+step, ..., end]``.
        """
        return list(range(self.start, self.end + 1, self.step))

    def split(self, max_len: int) -> list[FrameRun]:
        """Cut the run into consecutive pieces of at most ``max_len`` frames.

        Every piece but possibly the last has exactly ``max_len`` frames; the pieces keep the step
        and together hold exactly this run's frames, in order.

        Args:
            max_len: Most frames per piece, ``>= 1``.

        Returns:
            The pieces, in frame order.

        Raises:
            ValueError: ``max_len < 1``.
        """
        if isinstance(max_len, bool) or not isinstance(max_len, int) or max_len < 1:
            raise ValueError(f"max_len must be an int >= 1, got {max_len!r}")
        pieces: list[FrameRun] = []
        piece_span = max_len * self.step
        piece_start = self.start
        while piece_start <= self.end:
            piece_end = min(piece_start + piece_span - self.step, self.end)
            pieces.append(FrameRun(piece_start, piece_end, self.step))
            piece_start += piece_span
        return pieces

    def cut(self, count: int) -> tuple[FrameRun, FrameRun | None]:
        """Split off the first ``count`` frames in O(1) (``split`` builds every piece).

        Args:
            count: Frames in the head, ``>= 1``; at least the run's length takes it all.

        Returns:
            ``(head, rest)``: the first ``count`` frames and the others, or ``None`` when nothing
            is left.

        Raises:
            ValueError: ``count < 1``.
        """
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise ValueError(f"count must be an int >= 1, got {count!r}")
        if count >= len(self):
            return self, None
        head_end = self.start + (count - 1) * self.step
        return (
            FrameRun(self.start, head_end, self.step),
            FrameRun(head_end + self.step, self.end, self.step),
        )

    def frame_at(self, index: int) -> int:
        """The frame at ``index`` (0-based) of the run, in O(1).

        Raises:
            IndexError: ``index`` is outside the run.
        """
        if not 0 <= index < len(self):
            raise IndexError(f"frame index {index} outside a run of {len(self)} frames")
        return self.start + index * self.step

    def index_of(self, frame: int) -> int | None:
        """The 0-based position of ``frame`` in the run, or None when it is not in it (O(1))."""
        offset = frame - self.start
        if frame < self.start or frame > self.end or offset % self.step:
            return None
        return offset // self.step

    def to_string(self) -> str:
        """The run in frame-string syntax; parsing it gives exactly this run's frames.

        Returns:
            ``"5"``, ``"1-10"`` or ``"1-9x4"``.
        """
        if self.start == self.end:
            return str(self.start)
        if self.step == 1:
            return f"{self.start}-{self.end}"
        # end is on the grid, so the include-last rule adds nothing extra when this is parsed.
        return f"{self.start}-{self.end}x{self.step}"


class FrameSet:
    """An immutable, sorted set of unique whole frames.

    Args:
        frames: Any iterable of ints (duplicates and order do not matter).

    Raises:
        TypeError: An item is not an ``int`` (``bool`` and ``float`` included).
        FrameRangeError: An item is beyond ``±MAX_ABS_FRAME``, so the set could not be written
            back as a string that :meth:`parse` accepts.
    """

    __slots__ = ("_frames",)

    def __init__(self, frames: Iterable[int] = ()) -> None:
        if isinstance(frames, FrameSet):
            self._frames: tuple[int, ...] = frames._frames
            return
        unique = set()
        for frame in frames:
            if not isinstance(frame, int) or isinstance(frame, bool):
                raise TypeError(f"frames must be ints, got {frame!r}")
            if abs(frame) > MAX_ABS_FRAME:
                raise FrameRangeError(_magnitude_message(frame, str(frame)), str(frame))
            unique.add(frame)
        self._frames = tuple(sorted(unique))

    @classmethod
    def _from_sorted_unique(cls, frames: tuple[int, ...]) -> FrameSet:
        # The parser already produced sorted, unique, bounded ints: skip re-validating 100k items.
        instance = cls.__new__(cls)
        instance._frames = frames
        return instance

    @classmethod
    def parse(cls, text: str, step: int = 1, max_frames: int = MAX_FRAMES) -> FrameSet:
        """Parse a frame string (see the module docstring for the syntax).

        Args:
            text: The frame string, e.g. ``"1,10-20,50"`` or ``"1-100x5"``.
            step: Step applied to plain ``a-b`` parts (the dialog's Step field), ``>= 1``.
            max_frames: Most distinct frames the result may hold.

        Returns:
            The frames.

        Raises:
            FrameRangeError: The string is empty or malformed, a range is reversed, a step is
                below 1, a frame is beyond ``±MAX_ABS_FRAME``, the result would exceed
                ``max_frames``, or ``step``/``max_frames`` themselves are invalid.
            TypeError: ``text`` is not a ``str``.
        """
        return cls._from_sorted_unique(_parse(text, step, max_frames))

    @property
    def frames(self) -> tuple[int, ...]:
        """The frames, ascending."""
        return self._frames

    @property
    def first(self) -> int:
        """Lowest frame.

        Raises:
            ValueError: The set is empty.
        """
        if not self._frames:
            raise ValueError("an empty FrameSet has no first frame")
        return self._frames[0]

    @property
    def last(self) -> int:
        """Highest frame.

        Raises:
            ValueError: The set is empty.
        """
        if not self._frames:
            raise ValueError("an empty FrameSet has no last frame")
        return self._frames[-1]

    def __len__(self) -> int:
        """Number of frames."""
        return len(self._frames)

    def __iter__(self) -> Iterator[int]:
        """Frames, ascending."""
        return iter(self._frames)

    def __contains__(self, frame: object) -> bool:
        """Whether ``frame`` is in the set (binary search)."""
        if not isinstance(frame, int) or isinstance(frame, bool):
            return False
        index = bisect.bisect_left(self._frames, frame)
        return index < len(self._frames) and self._frames[index] == frame

    def __bool__(self) -> bool:
        """``False`` for the empty set."""
        return bool(self._frames)

    def __eq__(self, other: object) -> bool:
        """Equal when both hold the same frames."""
        if not isinstance(other, FrameSet):
            return NotImplemented
        return self._frames == other._frames

    def __hash__(self) -> int:
        """Hash of the frames (the set is immutable)."""
        return hash(self._frames)

    def __repr__(self) -> str:
        """``FrameSet.parse('1-10x2')``, or a summary when the string would be long."""
        if not self._frames:
            return "FrameSet()"
        text = self.to_string()
        if len(text) <= _REPR_MAX_CHARS:
            return f"FrameSet.parse({text!r})"
        return f"<FrameSet of {len(self._frames):,} frames, {self.first}..{self.last}>"

    def runs(self) -> list[FrameRun]:
        """Split the frames into the fewest contiguous runs with a constant step.

        Taking the longest constant-step run from the left is optimal (the fewest runs for a
        prefix never exceeds that of a longer prefix), so a single O(n) pass suffices. Among
        equally short answers it prefers a lone frame over a two-frame stepped run when the second
        frame starts a longer run: ``1,10,11,12`` gives ``[1, 10-12]`` rather than
        ``[1-10x9, 11-12]``.

        Returns:
            The runs, in frame order; concatenating their frames gives :attr:`frames`.
        """
        frames = self._frames
        count = len(frames)
        runs: list[FrameRun] = []
        index = 0
        while index < count:
            run_end = _run_end(frames, index)
            if run_end == index + 1 and _run_end(frames, index + 1) >= index + 3:
                # Same run count either way (the next run ends in the same place), nicer to read.
                run_end = index
            if run_end == index:
                runs.append(FrameRun(frames[index], frames[index]))
            else:
                step = frames[index + 1] - frames[index]
                runs.append(FrameRun(frames[index], frames[run_end], step))
            index = run_end + 1
        return runs

    def to_string(self) -> str:
        """A compact frame string that :meth:`parse` turns back into this set.

        A two-frame stepped run is written as ``a,b`` rather than ``a-bxN`` (same frames, easier
        to read). The empty set gives ``""``, which :meth:`parse` refuses; a set larger than
        ``MAX_FRAMES`` needs a matching ``max_frames`` to parse back.

        Returns:
            E.g. ``"1-9x4,10"`` or ``"-5--1,10-20,50"``.
        """
        pieces: list[str] = []
        for run in self.runs():
            if len(run) == 2 and run.step != 1:
                pieces.append(f"{run.start},{run.end}")
            else:
                pieces.append(run.to_string())
        return ",".join(pieces)

    def union(self, other: FrameSet | Iterable[int]) -> FrameSet:
        """Frames in either set.

        Args:
            other: A FrameSet or any iterable of ints.

        Returns:
            A new FrameSet.
        """
        return FrameSet(set(self._frames).union(FrameSet(other)._frames))

    def difference(self, other: FrameSet | Iterable[int]) -> FrameSet:
        """Frames in this set but not in ``other`` (e.g. the frames still missing).

        Args:
            other: A FrameSet or any iterable of ints.

        Returns:
            A new FrameSet.
        """
        exclude = set(FrameSet(other)._frames)
        return FrameSet._from_sorted_unique(tuple(f for f in self._frames if f not in exclude))

    def intersection(self, other: FrameSet | Iterable[int]) -> FrameSet:
        """Frames in both sets.

        Args:
            other: A FrameSet or any iterable of ints.

        Returns:
            A new FrameSet.
        """
        keep = set(FrameSet(other)._frames)
        return FrameSet._from_sorted_unique(tuple(f for f in self._frames if f in keep))

    def __or__(self, other: FrameSet) -> FrameSet:
        """Same as :meth:`union`."""
        if not isinstance(other, FrameSet):
            return NotImplemented
        return self.union(other)

    def __and__(self, other: FrameSet) -> FrameSet:
        """Same as :meth:`intersection`."""
        if not isinstance(other, FrameSet):
            return NotImplemented
        return self.intersection(other)

    def __sub__(self, other: FrameSet) -> FrameSet:
        """Same as :meth:`difference`."""
        if not isinstance(other, FrameSet):
            return NotImplemented
        return self.difference(other)


def parse_frame_range(frame_string: str, step: int = 1, max_frames: int = MAX_FRAMES) -> list[int]:
    """Parse a frame string into a sorted list of unique frames.

    ``"1,10-20,50"``, ``"1-100x5"`` (both ends always included: ``1-10x4`` is ``1,5,9,10``),
    ``"-5--1"``. See the module docstring for the full syntax.

    Args:
        frame_string: The frame string as typed.
        step: Step applied to plain ``a-b`` parts (the dialog's Step field), ``>= 1``; an explicit
            ``x`` in a part wins and single frames ignore it.
        max_frames: Most distinct frames the result may hold; checked before allocating.

    Returns:
        The frames, ascending, without duplicates.

    Raises:
        FrameRangeError: The string is empty or malformed, a range is reversed, a step is below
            1, a frame is beyond ``±MAX_ABS_FRAME``, the result would exceed ``max_frames``, or
            ``step``/``max_frames`` themselves are invalid.
        TypeError: ``frame_string`` is not a ``str``.
    """
    return list(_parse(frame_string, step, max_frames))


# --------------------------------------------------------------------------------------------------
# Internals
# --------------------------------------------------------------------------------------------------
def _run_end(frames: tuple[int, ...], index: int) -> int:
    """Index of the last frame of the longest constant-step run starting at ``index``."""
    count = len(frames)
    if index + 1 >= count:
        return index
    step = frames[index + 1] - frames[index]
    if step == 1:
        # Unique sorted ints: once a gap appears the run is over for good, so the end is found
        # by bisection (a range of 100,000 frames is one run in ~17 steps, not 100,000).
        first = frames[index]
        low, high = index + 1, count - 1
        while low < high:
            mid = (low + high + 1) // 2
            if frames[mid] - first == mid - index:
                low = mid
            else:
                high = mid - 1
        return low
    end = index + 1
    while end + 1 < count and frames[end + 1] - frames[end] == step:
        end += 1
    return end


def _check_positive_int(value: object, name: str) -> int:
    """Validate the ``step``/``max_frames`` arguments (they come from dialog fields and config)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise FrameRangeError(f"{name} must be a whole number >= 1, got {value!r}")
    if value < 1:
        raise FrameRangeError(f"{name} must be >= 1, got {value}")
    return value


def _magnitude_message(value: int | str, where: str, what: str = "frame") -> str:
    """Message for a frame or step too far from zero to be anything but a typo."""
    number = str(value)
    if len(number) > 20:
        number = f"{number[:12]}... ({len(number.lstrip('-')):,} digits)"
    bound = f"within ±{MAX_ABS_FRAME:,}" if what == "frame" else f"at most {MAX_STEP:,}"
    return f"{what} {number} in {_shorten(where)} is out of range: {what}s must be {bound}"


def _to_int(digits: str, part: str, context: str, what: str = "frame") -> int:
    """Convert a matched ``-?[0-9]+`` token, refusing absurd magnitudes before calling int()."""
    limit = MAX_ABS_FRAME if what == "frame" else MAX_STEP
    # Count digits first: int() on a 5000-digit string raises its own ValueError (or is slow).
    if len(digits.lstrip("-").lstrip("0")) > len(str(limit)):
        raise FrameRangeError(_magnitude_message(digits, part, what) + context, part)
    value = int(digits)
    if abs(value) > limit:
        raise FrameRangeError(_magnitude_message(value, part, what) + context, part)
    return value


def _stepped_runs(start: int, end: int, step: int) -> list[FrameRun]:
    """Runs of ``start-end`` by ``step`` with the last frame forced in (the include-last rule)."""
    grid_end = end - (end - start) % step
    runs = [FrameRun(start, grid_end, step)]
    if grid_end != end:
        runs.append(FrameRun(end, end))
    return runs


def _parse_part(part: str, index: int, text: str, default_step: int) -> list[FrameRun]:
    """Parse one comma-separated part (already stripped, non-empty) into runs."""
    # Where the input has several parts, say which one is wrong; for a single part it is obvious.
    context = f" (part {index + 1} of {_shorten(text.strip())})" if "," in text else ""
    shown = _shorten(part)

    def fail(why: str) -> FrameRangeError:
        return FrameRangeError(why + context, part)

    match = _PART_RE.fullmatch(part)
    if match is None:
        if _DECIMAL_RE.search(part):
            raise fail(
                f"{shown} has a fractional number; only whole frames (and steps) are supported"
                f"{_whole_frame_fix(part)}"
            )
        if part[:1] in "xX":
            raise fail(
                f"{shown} has a step but no range before it: "
                f"type {_shorten('<start>-<end>' + part)}"
            )
        if _SPACE_SEPARATED_RE.fullmatch(part):
            raise fail(
                f"{shown} has frames separated by spaces: "
                f"separate them with commas, type {_shorten(','.join(part.split()))}"
            )
        raise fail(f"{shown} is not a frame or a range: {_EXPECTED_FORMS}")

    start = _to_int(match["start"], part, context)
    if match["dash"] and match["end"] is None:
        raise fail(f"range {shown} has no end frame: type '{start}-<end>'")
    if match["x"] and match["step"] is None:
        raise fail(f"{shown} has no step after 'x': type e.g. '{part.rstrip()}2', or drop the 'x'")
    if match["x"] and not match["dash"]:
        raise fail(
            f"{shown} has a step but is a single frame: "
            f"type '{start}' or a range such as '{start}-<end>x{match['step']}'"
        )
    if not match["dash"]:
        return [FrameRun(start, start)]

    end = _to_int(match["end"], part, context)
    if match["step"] is not None:
        step = _to_int(match["step"], part, context, "step")
        if step < 0:
            raise fail(
                f"negative step in {shown}: steps count forward from the lower frame, "
                f"type '{min(start, end)}-{max(start, end)}x{-step}'"
            )
        if step == 0:
            raise fail(f"step must be >= 1 in {shown}: type '{start}-{end}x1' (or '{start}-{end}')")
        suffix = f"x{step}"
    else:
        step = default_step
        suffix = ""
    if end < start:
        raise fail(
            f"reversed range {shown}: type '{end}-{start}{suffix}' "
            f"(ranges go from the lower frame to the higher one)"
        )
    return _stepped_runs(start, end, step)


def _whole_frame_fix(part: str) -> str:
    """What to type instead of a part with decimals, or ``""`` when there is no obvious fix.

    ``1.0-10.0`` -> ``1-10``; a lone ``1.5`` -> ``1`` or ``2``; anything else fractional inside a
    range is the artist's call.
    """
    numbers = _DECIMAL_RE.findall(part)
    values = [float(number) for number in numbers]
    if not all(math.isfinite(value) for value in values):
        return ""
    if all(value.is_integer() for value in values):
        whole = _DECIMAL_RE.sub(lambda m: str(int(float(m.group()))), part)
        return f": type {_shorten(whole)}"
    if _LONE_DECIMAL_RE.fullmatch(part):
        value = float(part)
        return f": type '{math.floor(value)}' or '{math.ceil(value)}'"
    return ""


def _shorten(text: str, limit: int = 60) -> str:
    """``repr`` of user text, cut so a pasted novel does not become a novel-sized message."""
    if len(text) <= limit:
        return repr(text)
    return repr(text[:limit]) + f"... ({len(text):,} characters)"


def _parse(text: str, step: int, max_frames: int) -> tuple[int, ...]:
    """Shared core of :func:`parse_frame_range` and :meth:`FrameSet.parse`."""
    if not isinstance(text, str):
        raise TypeError(f"frame string must be a str, got {type(text).__name__}")
    step = _check_positive_int(step, "step")
    max_frames = _check_positive_int(max_frames, "max_frames")
    if not text.strip():
        raise FrameRangeError(
            "frame range is empty: type frames such as '1-100', '1,10-20,50' or '1-100x5'"
        )

    # Pass 1: syntax of every part, and each part's size by arithmetic alone (no allocation).
    raw_parts = text.split(",")
    part_runs: list[tuple[str, list[FrameRun]]] = []
    for index, raw in enumerate(raw_parts):
        part = raw.strip()
        if not part:
            raise FrameRangeError(_empty_part_message(text, index, len(raw_parts)), "")
        runs = _parse_part(part, index, text, step)
        count = sum(len(run) for run in runs)
        if count > max_frames:
            raise FrameRangeError(
                f"{_shorten(part)} expands to {count:,} frames, over the limit of {max_frames:,}; "
                f"narrow the range or {_LIMIT_HINT}",
                part,
            )
        part_runs.append((part, runs))

    # Pass 2: build the union, never holding more than max_frames distinct frames plus one part.
    frames: set[int] = set()
    for _part, runs in part_runs:
        for run in runs:
            span = range(run.start, run.end + 1, run.step)
            if len(frames) + len(span) <= max_frames:
                frames.update(span)
                continue
            new = [frame for frame in span if frame not in frames]
            if len(frames) + len(new) > max_frames:
                raise FrameRangeError(
                    f"{_shorten(text.strip())} expands to at least {len(frames) + len(new):,} distinct "
                    f"frames, over the limit of {max_frames:,}; narrow the ranges or "
                    f"{_LIMIT_HINT}"
                )
            frames.update(new)
    return tuple(sorted(frames))


def _empty_part_message(text: str, index: int, part_count: int) -> str:
    """Message for ``1,,3`` / ``1,`` / ``,1``: name the empty part and the comma to remove."""
    if index == part_count - 1:
        where = "after the last comma"
        fix = "remove the trailing comma"
    elif index == 0:
        where = "before the first comma"
        fix = "remove the leading comma"
    else:
        where = f"between commas {index} and {index + 1}"
        fix = "remove the extra comma"
    return f"part {index + 1} of {_shorten(text.strip())} is empty ({where}): {fix}"
