"""What every renderer profile provides: ``Render`` argv, environment, and log line rules.

A profile is renderer knowledge as data: how to build ``Render``'s argv for one task, which
environment variables the renderer wants, and a table of :class:`LineRule` that turn log lines into
:class:`LogEvent`. The process code never contains renderer if-chains; it asks the profile.

Speed: :meth:`LogParser.feed` runs on every log line of every render, and a Redshift log is mostly
``Block i/N ... rendered by GPU`` lines. The parser therefore never walks the rule table for a line:
one C-level ``findall`` over all rules' needles (see
:mod:`lrc_toolbox.renderers.needle_dispatch`) says which needles a line can hold, and a plan
precomputed once per rule table names the few rules worth trying, in rule order. A line with no
needle costs that one call.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lrc_toolbox.renderers.needle_dispatch import NeedleDispatch
from lrc_toolbox.utils.str_enum import StrEnum


class EventKind(StrEnum):
    """What a log line means to the engine."""

    FRAME_STARTED = "frame_started"  # frame: the frame the renderer started
    PROGRESS = "progress"  # percent: percent of the current frame (0-100)
    IMAGE_WRITTEN = (
        "image_written"  # path: an image file the renderer says it wrote; frame if known
    )
    FRAME_FINISHED = "frame_finished"  # the current frame finished (no path on that line)
    WARNING = "warning"  # harmless; shown highlighted, never fails anything
    ERROR = "error"  # an ``Error:`` line that is NOT on the fatal allow-list: shown, not fatal
    FATAL = "fatal"  # reason: the task failed (licence, CUDA, scene load, bad usage...)


@dataclass(frozen=True, slots=True)
class LogEvent:
    """One meaningful thing read from a log line."""

    kind: EventKind
    line: str
    frame: int | None = None
    percent: float | None = None
    path: str | None = None
    reason: str | None = None
    deterministic: bool = False  # FATAL only: retrying cannot help (licence, bad scene, usage)


@dataclass(frozen=True)
class LineRule:
    """One regular expression and what a match means.

    Attributes:
        kind: The event kind a match produces.
        pattern: Compiled regex, applied with ``search``. Named groups ``frame``, ``percent``,
            ``path`` and ``reason`` fill the event's fields (``reason`` defaults to the stripped line
            for FATAL rules). A PROGRESS rule may instead have the groups ``block`` and ``blocks``
            ("block i of N done"): the percent is then ``100 * max(block seen this frame) / N``,
            because renderers that split a frame over several GPUs finish blocks out of order;
            such a rule produces an event only when that percent reaches a new whole number.
            A FRAME_STARTED or IMAGE_WRITTEN rule without a ``frame`` group takes the frame from the
            ``path`` group's file name (see :func:`frame_from_image_path`), else the current frame.
        needle: A plain substring that must be in the line before the regex is tried. It keeps the
            per-line cost near one ``in`` test for the vast majority of lines. It must be present in
            every line the pattern matches (case-sensitively); ``""`` means "always try" (slow).
        deterministic: For FATAL rules: the failure will recur on retry (licence, missing scene).
        message: Optional clean text for the event's ``reason``; the stripped line is appended
            after ``": "`` so nothing the renderer said is lost.
    """

    kind: EventKind
    pattern: re.Pattern[str]
    needle: str
    deterministic: bool = False
    message: str = ""


def line_rule(
    kind: EventKind,
    pattern: str,
    needle: str,
    *,
    deterministic: bool = False,
    message: str = "",
    flags: int = 0,
) -> LineRule:
    """Build a :class:`LineRule` from a regex string (the profiles' shorthand).

    Args:
        kind: The event kind a match produces.
        pattern: Regular expression source, applied with ``search``.
        needle: Plain substring every matching line contains (see :class:`LineRule`).
        deterministic: For FATAL rules: retrying cannot help.
        message: Optional clean ``reason`` prefix.
        flags: ``re`` flags for the pattern.

    Returns:
        The rule.

    Raises:
        ValueError: If the pattern does not compile, or the needle is not a string.
    """
    if not isinstance(needle, str):
        raise ValueError(f"line rule needle must be a str, got {type(needle).__name__}")
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"invalid line rule pattern {pattern!r}: {exc}") from exc
    return LineRule(kind, compiled, needle, deterministic, message)


#: Rule tiers for :func:`order_rules`: fatal allow-list first, so a fatal line is never also ERROR.
_KIND_TIER: dict[EventKind, int] = {
    EventKind.FATAL: 0,
    EventKind.FRAME_STARTED: 1,
    EventKind.PROGRESS: 1,
    EventKind.IMAGE_WRITTEN: 1,
    EventKind.FRAME_FINISHED: 1,
    EventKind.ERROR: 2,
    EventKind.WARNING: 3,
}


def order_rules(*groups: Iterable[LineRule]) -> tuple[LineRule, ...]:
    """Concatenate rule groups and order them FATAL, then informational, then ERROR, then WARNING.

    The sort is stable, so within a tier the rules keep the order of ``groups`` (pass the
    renderer's own, more specific rules before the shared Maya-core ones). Exact duplicates are
    dropped.

    Args:
        *groups: Rule sequences, most specific first.

    Returns:
        The ordered rule table.
    """
    seen: set[LineRule] = set()
    merged: list[LineRule] = []
    for group in groups:
        for rule in group:
            if rule not in seen:
                seen.add(rule)
                merged.append(rule)
    return tuple(sorted(merged, key=lambda rule: _KIND_TIER[rule.kind]))


# Frame number in an image file name. Rule (first that matches, on the base name):
#   1. the name ends in ``.<number>``: ``name.ext.#`` and ``name.#`` (Maya's -fnc options);
#   2. the number right before the extension, after ``.`` or ``_``: ``name.0049.exr``,
#      ``name_0049.exr``, ``name.-005.exr`` (or the whole name: ``0049.exr``);
#   3. the number before one last non-numeric ``.token`` and the extension:
#      ``name.0049.beauty.exr`` (AOV after the frame).
# ``name0049.exr`` (no separator) is not read: ``camera1.exr`` would look the same.
_FRAME_AS_EXT_RE = re.compile(r"[^./\\]\.(-?\d+)$")
_FRAME_BEFORE_EXT_RE = re.compile(r"(?:^|[._])(-?\d+)(?:\.[A-Za-z_][\w-]*)?\.[A-Za-z]\w*$")


#: Longest digit run read as a number from a log line. Frames stay below a billion; a longer run
#: is noise (a hash, a dump), and ``int()`` of thousands of digits raises or takes long.
MAX_NUMBER_DIGITS = 12


def _bounded_int(text: str | None) -> int | None:
    """``int`` of a log number (``12``, ``-5``, ``1001.0``), or None when absent or absurd."""
    if not text:
        return None
    digits = text.lstrip("+-").split(".", 1)[0]
    if len(digits) > MAX_NUMBER_DIGITS:
        return None
    try:
        return int(text)
    except ValueError:
        try:
            return int(float(text))
        except (ValueError, OverflowError):
            return None


def frame_from_image_path(path: str) -> int | None:
    """Return the frame number in an image file name, or ``None`` when it has none.

    Args:
        path: Image path as the renderer printed it (``/`` or ``\\`` separators).

    Returns:
        The frame (negative frames such as ``name.-005.exr`` included) or ``None``.
    """
    name = path.strip().replace("\\", "/").rsplit("/", 1)[-1]
    match = _FRAME_AS_EXT_RE.search(name) or _FRAME_BEFORE_EXT_RE.search(name)
    return _bounded_int(match.group(1)) if match is not None else None


class _CompiledRule:
    """A rule plus what ``feed`` needs to know about its named groups, looked up once."""

    __slots__ = (
        "rule",
        "needle",
        "search",
        "kind",
        "has_frame",
        "has_percent",
        "has_path",
        "has_reason",
        "has_blocks",
    )

    def __init__(self, rule: LineRule) -> None:
        groups = rule.pattern.groupindex
        self.rule = rule
        self.needle = rule.needle
        self.search = rule.pattern.search
        self.kind = rule.kind
        self.has_frame = "frame" in groups
        self.has_percent = "percent" in groups
        self.has_path = "path" in groups
        self.has_reason = "reason" in groups
        self.has_blocks = "block" in groups and "blocks" in groups


@functools.lru_cache(maxsize=64)
def _dispatch_for(rules: tuple[LineRule, ...]) -> NeedleDispatch[_CompiledRule]:
    """Build (once per rule table) the needle dispatch every parser of that table shares."""
    return NeedleDispatch([_CompiledRule(rule) for rule in rules], lambda c: c.needle)


class LogParser:
    """Stateful line parser for one render process. Not thread-safe: one reader owns it.

    Subclasses or profiles may add state (Redshift keeps the highest block seen, because blocks
    finish out of order across GPUs). ``feed`` must stay cheap: it runs on every log line.

    The first rule (in table order) whose needle is in the line and whose pattern matches decides
    the line's event. Block progress (rules with ``block``/``blocks`` groups) reports the highest
    block of the current frame and produces an event only when that percent rises to a new whole
    number (and at 100); it restarts at every FRAME_STARTED, IMAGE_WRITTEN and FRAME_FINISHED
    event and when the block count changes.
    """

    def __init__(self, rules: Sequence[LineRule]) -> None:
        self._rules = tuple(rules)
        self.current_frame: int | None = None
        self._dispatch = _dispatch_for(self._rules)
        self._findall = self._dispatch.findall
        self._plans = self._dispatch.plans
        self._block_max = 0
        self._block_total = 0
        self._block_whole_percent = -1

    def feed(self, line: str) -> list[LogEvent]:
        """Return the events one line produces (usually none).

        Args:
            line: One log line, with or without its line ending.

        Returns:
            At most one event, in a new list.
        """
        hits = self._findall(line)
        if not hits:
            plan = self._dispatch.always
            if not plan:
                return []
        elif len(hits) == 1:
            plan = self._plans[hits[0]]
        else:
            plan = self._dispatch.plan_for(hits)
        for compiled in plan:
            if compiled.needle in line:
                match = compiled.search(line)
                if match is not None:
                    if compiled.has_blocks:
                        return self._block_progress(match, line)
                    return [self._event(compiled, match, line)]
        return []

    def _block_progress(self, match: re.Match[str], line: str) -> list[LogEvent]:
        """PROGRESS from a ``Block i/N`` line, when the frame's whole-number percent rises.

        The percent is ``100 * max(block seen this frame) / N``. A frame has hundreds to thousands
        of blocks; one event per whole percent keeps the engine, the UI and JSON output from
        handling a thousand events per frame for the same information.
        """
        block = _bounded_int(match.group("block"))
        total = _bounded_int(match.group("blocks"))
        if block is None or total is None:
            return []  # not a real block count (an absurdly long number)
        if total != self._block_total:
            # A different block count means a different frame or layer: start over.
            self._block_total = total
            self._reset_blocks()
        if block <= self._block_max or total <= 0:
            return []
        self._block_max = block
        if block >= total:
            percent = 100.0
        else:
            percent = 100.0 * block / total
            if int(percent) <= self._block_whole_percent:
                return []
        self._block_whole_percent = int(percent)
        return [LogEvent(EventKind.PROGRESS, line.rstrip("\r\n"), self.current_frame, percent)]

    def _reset_blocks(self) -> None:
        """Forget the blocks seen: a new frame (or layer) starts counting from zero."""
        self._block_max = 0
        self._block_whole_percent = -1

    def _event(self, compiled: _CompiledRule, match: re.Match[str], line: str) -> LogEvent:
        """Turn one rule match into its event and update the parser's state."""
        kind = compiled.kind
        text = line.rstrip("\r\n")
        if kind is EventKind.PROGRESS:
            raw = match.group("percent") if compiled.has_percent else None
            percent = min(max(float(raw), 0.0), 100.0) if raw else None
            return LogEvent(kind, text, self.current_frame, percent)
        path = _clean_path(match.group("path")) if compiled.has_path else None
        frame = _to_frame(match.group("frame")) if compiled.has_frame else None
        if kind is EventKind.FRAME_STARTED:
            self._reset_blocks()
            if frame is None and path is not None:
                frame = frame_from_image_path(path)
            if frame is not None:
                self.current_frame = frame
            else:
                frame = self.current_frame
            return LogEvent(kind, text, frame, None, path)
        if kind is EventKind.IMAGE_WRITTEN or kind is EventKind.FRAME_FINISHED:
            self._reset_blocks()
            if frame is None and path is not None:
                frame = frame_from_image_path(path)
        if frame is None:
            frame = self.current_frame
        reason = self._reason(compiled, match, text)
        deterministic = compiled.rule.deterministic and kind is EventKind.FATAL
        return LogEvent(kind, text, frame, None, path, reason, deterministic)

    @staticmethod
    def _reason(compiled: _CompiledRule, match: re.Match[str], text: str) -> str | None:
        """The event's ``reason``: the ``reason`` group, else message + line for FATAL/messages."""
        if compiled.has_reason:
            group = match.group("reason")
            if group:
                return group.strip()
        message = compiled.rule.message
        stripped = text.strip()
        if message:
            return f"{message}: {stripped}"
        if compiled.kind is EventKind.FATAL:
            return stripped
        return None


def _clean_path(raw: str | None) -> str | None:
    """Strip whitespace, quotes and a sentence's trailing dot from a printed image path."""
    if raw is None:
        return None
    path = raw.strip().strip("'\"`").rstrip(". \t")
    return path or None


def _to_frame(raw: str | None) -> int | None:
    """Frame number from a ``frame`` group (``12``, ``-5``, ``1001.0``); ``None`` if absent or absurd."""
    return _bounded_int(raw)


class InvalidInvocationError(ValueError):
    """A :class:`RenderInvocation` that cannot become a valid ``Render`` command line."""


@dataclass(frozen=True)
class RenderInvocation:
    """Everything a profile needs to build ``Render``'s argv for one task.

    Attributes:
        render_exe: Path of the ``Render`` executable (or the stand-in).
        scene_file: The temp scene snapshot to render.
        layers: Render layer *node* names as ``Render -rl`` expects them (``rs_X`` for Render Setup
            layer ``X``, ``defaultRenderLayer`` for masterLayer). Empty: the scene's renderable layers.
        start: First frame.
        end: Last frame.
        by: Frame step (``Render -b``).
        output_dir: Image directory (``-rd``) or ``None`` to keep the scene's.
        image_prefix: Image name prefix (``-im``) or ``None`` to keep the scene's.
        project_dir: Maya project (``-proj``) or ``None``.
        threads: CPU threads for the renderer, or ``None`` for the renderer default.
        gpu_pinned: True when the child is pinned with ``CUDA_VISIBLE_DEVICES`` to one GPU, which it
            then sees as device 0; the profile selects device 0 explicitly where it can.
        camera: Camera override (``-cam``) or ``None``.
        skip_existing: Ask the renderer to skip frames already on disk.
        extra_args: Extra flags appended before the scene file, each one argv item.
        still: Render the scene's current frame as a still: no ``-s/-e/-b`` (``start`` and
            ``end`` must both be that frame). Each of ``-s`` and ``-e`` runs ``setAttr
            defaultRenderGlobals.animation 1`` (the renderers' ``Render`` XML, e.g. RPR-xml's
            ``<mel n="s" ...>``), so Maya would number the image; without them a scene whose
            animation is off writes ``<prefix>.<ext>`` (Autodesk, "Subfolders and names of
            rendered images"; Deadline's ``MayaCmd.py`` omits them "so that the output file
            isn't padded").
    """

    render_exe: str
    scene_file: str
    layers: tuple[str, ...]
    start: int
    end: int
    by: int = 1
    output_dir: str | None = None
    image_prefix: str | None = None
    project_dir: str | None = None
    threads: int | None = None
    gpu_pinned: bool = True
    camera: str | None = None
    skip_existing: bool = False
    extra_args: tuple[str, ...] = ()
    still: bool = False


def _is_int(value: object) -> bool:
    """True for real integers (``bool`` is not a frame number)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _optional_text(value: object, what: str) -> str | None:
    """An optional path/name field: ``None`` or ``""`` mean "not set"; anything else a str."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidInvocationError(f"{what} must be a string, got {type(value).__name__}")
    return value


def validate_invocation(inv: RenderInvocation) -> None:
    """Check an invocation before it becomes argv.

    Args:
        inv: The invocation.

    Raises:
        InvalidInvocationError: With the first problem found (empty executable or scene, frames that
            are not integers, ``end < start``, ``by < 1``, a bad layer name, ``threads < 1``, an
            extra argument that is not a string).
    """
    for what, value in (("render_exe", inv.render_exe), ("scene_file", inv.scene_file)):
        if not isinstance(value, str) or not value.strip():
            raise InvalidInvocationError(f"{what} must be a non-empty path, got {value!r}")
    for what, frame in (("start", inv.start), ("end", inv.end), ("by", inv.by)):
        if not _is_int(frame):
            raise InvalidInvocationError(f"{what} must be an integer frame, got {frame!r}")
    if inv.end < inv.start:
        raise InvalidInvocationError(f"end frame {inv.end} is before start frame {inv.start}")
    if inv.by < 1:
        raise InvalidInvocationError(f"frame step 'by' must be at least 1, got {inv.by}")
    if inv.still and inv.start != inv.end:
        raise InvalidInvocationError(
            f"a still renders one frame, got frames {inv.start} to {inv.end}"
        )
    if isinstance(inv.layers, str):
        raise InvalidInvocationError(
            f"layers must be a sequence of layer names, not the string {inv.layers!r}"
        )
    for layer in inv.layers:
        # Render -rl takes one comma-separated list, so a comma cannot be part of a name.
        if not isinstance(layer, str) or not layer.strip() or "," in layer:
            raise InvalidInvocationError(
                f"invalid render layer name {layer!r}: must be a non-empty name without commas"
            )
    if inv.threads is not None and (not _is_int(inv.threads) or inv.threads < 1):
        raise InvalidInvocationError(
            f"threads must be a positive integer or None, got {inv.threads!r}"
        )
    if isinstance(inv.extra_args, str):
        raise InvalidInvocationError(
            f"extra_args must be a sequence of separate arguments, not the string {inv.extra_args!r}"
        )
    for arg in inv.extra_args:
        if not isinstance(arg, str):
            raise InvalidInvocationError(
                f"every extra argument must be a string, got {arg!r} ({type(arg).__name__})"
            )
    for what, text in (
        ("output_dir", inv.output_dir),
        ("image_prefix", inv.image_prefix),
        ("project_dir", inv.project_dir),
        ("camera", inv.camera),
    ):
        _optional_text(text, what)


@dataclass(frozen=True)
class RendererProfile:
    """Renderer knowledge: argv building, environment and line rules.

    Attributes:
        name: Profile id used on the CLI (``redshift``, ``arnold``, ``vray``, ``sw``, ``hw2``, ``file``).
        render_flag: Value for ``Render -r``.
        label: Human name for the dialog.
        uses_gpu: Whether renders of this profile need a GPU slot (``sw`` does not).
        rules: Line rules, most specific first (FATAL before ERROR before WARNING).
        env: Environment variables this renderer wants in the child.
        maya_plugin: Maya plug-in that must be loaded (``redshift4maya``, ``mtoa``...), or "".
        base_args: Renderer flags always passed after ``-r <flag>`` (Arnold ``-ai:lve 2``).
        gpu_args: Renderer flags passed only when the child is pinned to one GPU; they select the
            child's device 0, which is the pinned GPU.
        threads_flag: Flag that takes the CPU thread count (``-n``, ``-ai:threads``, ``-threads``),
            or "" when the renderer has none (then ``threads`` is ignored).
    """

    name: str
    render_flag: str
    label: str
    uses_gpu: bool
    rules: tuple[LineRule, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    maya_plugin: str = ""
    base_args: tuple[str, ...] = ()
    gpu_args: tuple[str, ...] = ()
    threads_flag: str = ""

    def renderer_args(self, inv: RenderInvocation) -> list[str]:
        """Return the renderer-specific flags for one task (those right after ``-r <flag>``).

        Args:
            inv: The task's invocation.

        Returns:
            ``base_args``, then ``gpu_args`` when pinned, then the thread flag when set.
        """
        args = list(self.base_args)
        if inv.gpu_pinned:
            args.extend(self.gpu_args)
        if inv.threads is not None and self.threads_flag:
            args.extend((self.threads_flag, str(inv.threads)))
        return args

    def build_argv(self, inv: RenderInvocation) -> list[str]:
        """Return ``Render``'s argv for one task (never a shell string).

        Layout: ``Render -r <flag> <renderer flags> -s S -e E -b B [-rl a,b] [-rd dir]
        [-im prefix] [-proj dir] [-cam cam] [-skipExistingFrames true] <extra args> <scene>``.
        ``None`` or ``""`` for an optional field omits its flag; a still
        (:attr:`RenderInvocation.still`) has no ``-s/-e/-b``.

        Args:
            inv: The task's invocation.

        Returns:
            The argv, every item a ``str``; values with spaces or quotes stay one item.

        Raises:
            InvalidInvocationError: If ``inv`` is not valid (see :func:`validate_invocation`).
        """
        validate_invocation(inv)
        argv = [inv.render_exe, "-r", self.render_flag, *self.renderer_args(inv)]
        if not inv.still:
            argv += ["-s", str(inv.start), "-e", str(inv.end), "-b", str(inv.by)]
        if inv.layers:
            argv += ["-rl", ",".join(inv.layers)]
        for flag, value in (
            ("-rd", inv.output_dir),
            ("-im", inv.image_prefix),
            ("-proj", inv.project_dir),
            ("-cam", inv.camera),
        ):
            if value:
                argv += [flag, value]
        if inv.skip_existing:
            argv += ["-skipExistingFrames", "true"]
        argv += list(inv.extra_args)
        argv.append(inv.scene_file)
        return argv

    def environment(self) -> dict[str, str]:
        """Environment variables to set in the child for this renderer.

        Returns:
            A new dict (changing it does not change the profile).
        """
        return dict(self.env)

    def new_parser(self) -> LogParser:
        """Return a fresh stateful parser for one process's log.

        Returns:
            A :class:`LogParser` over :attr:`rules`; parsers of one profile share the compiled
            needle dispatch, not their state.
        """
        return LogParser(self.rules)


def iter_events(parser: LogParser, lines: Iterable[str]) -> Iterable[LogEvent]:
    """Feed ``lines`` to ``parser`` and yield every event (a convenience for tests and tools)."""
    for line in lines:
        yield from parser.feed(line)
