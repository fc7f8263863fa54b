"""What every renderer profile provides: ``Render`` argv, environment, and log line rules.

A profile is renderer knowledge as data: how to build ``Render``'s argv for one task, which
environment variables the renderer wants, and a table of :class:`LineRule` that turn log lines into
:class:`LogEvent`. The process code never contains renderer if-chains; it asks the profile.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


class EventKind(str, enum.Enum):
    """What a log line means to the engine."""

    FRAME_STARTED = "frame_started"  # frame: the frame the renderer started
    PROGRESS = "progress"  # percent: percent of the current frame (0-100)
    IMAGE_WRITTEN = "image_written"  # path: an image file the renderer says it wrote; frame if known
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
            for FATAL rules).
        needle: A plain substring that must be in the line before the regex is tried. It keeps the
            per-line cost near one ``in`` test for the vast majority of lines.
        deterministic: For FATAL rules: the failure will recur on retry (licence, missing scene).
    """

    kind: EventKind
    pattern: re.Pattern[str]
    needle: str
    deterministic: bool = False


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


class LogParser:
    """Stateful line parser for one render process. Not thread-safe: one reader owns it.

    Subclasses or profiles may add state (Redshift keeps the highest block seen, because blocks
    finish out of order across GPUs). ``feed`` must stay cheap: it runs on every log line.
    """

    def __init__(self, rules: Sequence[LineRule]) -> None:
        self._rules = tuple(rules)
        self.current_frame: int | None = None

    def feed(self, line: str) -> list[LogEvent]:
        """Return the events one line produces (usually none)."""
        raise NotImplementedError


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
    """

    name: str
    render_flag: str
    label: str
    uses_gpu: bool
    rules: tuple[LineRule, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    maya_plugin: str = ""

    def build_argv(self, inv: RenderInvocation) -> list[str]:
        """Return ``Render``'s argv for one task (never a shell string)."""
        raise NotImplementedError

    def environment(self) -> dict[str, str]:
        """Environment variables to set in the child for this renderer."""
        return dict(self.env)

    def new_parser(self) -> LogParser:
        """Return a fresh stateful parser for one process's log."""
        raise NotImplementedError


def iter_events(parser: LogParser, lines: Iterable[str]) -> Iterable[LogEvent]:
    """Feed ``lines`` to ``parser`` and yield every event (a convenience for tests and tools)."""
    for line in lines:
        yield from parser.feed(line)
