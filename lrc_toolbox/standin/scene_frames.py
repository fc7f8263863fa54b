"""Which frames the Render STAND-IN renders, and whether it renders a still, as ``Render`` does.

The rules, from the research notes ``docs/research/maya_facts.md`` section 3 (sources quoted
there):

* ``-s`` and ``-e`` each run ``setAttr defaultRenderGlobals.animation 1`` before setting
  ``startFrame``/``endFrame`` (the renderers' ``Render`` description XML, RPR-xml and AS-xml:
  ``<mel n="s" ... s="...; setAttr defaultRenderGlobals.animation 1; ...">``); ``-b`` only sets
  the step. So with ``-s`` or ``-e`` the render is an animation and every image name carries the
  frame number;
* without them, "Your scene file determines whether you render a single frame or an animation"
  (Autodesk, "Render from the command line"): with ``defaultRenderGlobals.animation`` off (Maya's
  default; the file says ``setAttr ".an" yes;`` only when it is on) Maya renders "just the current
  frame" (Autodesk renderGlobals node: ``animation``), the current time saved as
  ``select -ne :time1; setAttr ".o" 537;``, and names the image with no frame number:
  ``<prefix>.<ext>`` (Autodesk, "Subfolders and names of rendered images": "Maya saves the scene
  as MyScene.iff"; Deadline's ``MayaCmd.py`` omits ``-s/-e`` "so that the output file isn't
  padded");
* with animation on and no ``-s/-e``, the scene's ``startFrame``..``endFrame`` by
  ``byFrameStep``.

The stand-in reads the scene's own ``defaultRenderGlobals`` and ``time1`` only; a render layer's
override of ``animation`` or of the range (Render Setup) is not applied here, and a Maya Binary
scene reads as Maya's defaults (animation off, current frame 1).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from lrc_toolbox.standin.command_line import DEFAULT_END_FRAME, DEFAULT_START_FRAME, RenderArgs

__all__ = ["FramePlan", "SceneGlobals", "frame_plan", "read_scene_globals"]

#: A node's block in a ``.ma``: ``select -ne :time1;`` or ``createNode X -n "name"``.
_SELECT_RE = re.compile(r"^select\s+-ne\s+:?([\w:]+)\s*;")
_CREATE_RE = re.compile(r'^createNode\s+\w+\b.*?-n(?:ame)?\s+"([^"]+)"')
#: ``setAttr [flags] ".attr" value;`` (flags hold no quote).
_SET_ATTR_RE = re.compile(r'^\s*setAttr\b[^"]*"\.(\w+)"\s+([^\s;]+)')
_TRUE_WORDS = frozenset({"yes", "on", "true", "1"})
#: ``defaultRenderGlobals`` attributes read, short and long names.
_GLOBAL_KEYS = {
    "an": "animation",
    "animation": "animation",
    "fs": "start",
    "startFrame": "start",
    "ef": "end",
    "endFrame": "end",
    "bfs": "by",
    "byFrameStep": "by",
}


@dataclass(frozen=True)
class SceneGlobals:
    """What the scene says about the frames ``Render`` renders without ``-s/-e``.

    Attributes:
        animation: ``defaultRenderGlobals.animation`` (off when the file does not set it).
        current_frame: ``time1.outTime`` (1 when the file has none).
        start: ``startFrame``, or None when the file does not set it.
        end: ``endFrame``, or None.
        by: ``byFrameStep``, or None.
    """

    animation: bool = False
    current_frame: float = 1.0
    start: float | None = None
    end: float | None = None
    by: float | None = None


@dataclass(frozen=True)
class FramePlan:
    """The frames one run renders.

    Attributes:
        frames: The frames, in render order.
        still: A still: one frame, its image named without a frame number.
    """

    frames: tuple[int, ...]
    still: bool = False


def read_scene_globals(path: Path) -> SceneGlobals:
    """Read the animation flag, range and current time of a Maya ASCII scene.

    Args:
        path: The scene file (a Maya Binary file, or one that cannot be read, gives the defaults).
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return SceneGlobals()
    values: dict[str, str] = {}
    node: str | None = None
    for line in text.splitlines():
        if line[:1] not in (" ", "\t") and not line.startswith("setAttr"):
            match = _SELECT_RE.match(line) or _CREATE_RE.match(line)
            node = match.group(1).lstrip(":") if match else None
            continue
        attr = _SET_ATTR_RE.match(line)
        if attr is None:
            continue
        name, value = attr.group(1), attr.group(2)
        if node == "defaultRenderGlobals" and name in _GLOBAL_KEYS:
            values[_GLOBAL_KEYS[name]] = value
        elif node == "time1" and name in ("o", "outTime"):
            values["current"] = value
    return SceneGlobals(
        animation=values.get("animation", "").lower() in _TRUE_WORDS,
        current_frame=_number(values.get("current")) or 1.0,
        start=_number(values.get("start")),
        end=_number(values.get("end")),
        by=_number(values.get("by")),
    )


def frame_plan(args: RenderArgs, scene: SceneGlobals) -> FramePlan:
    """The frames ``Render`` renders for this command line and scene (see the module rules).

    Args:
        args: The parsed command line (``frames_given``: ``-s`` or ``-e`` was passed).
        scene: The scene's globals.
    """
    if args.frames_given:
        return FramePlan(tuple(range(args.start, args.end + 1, args.by)))
    if not scene.animation:
        return FramePlan((int(round(scene.current_frame)),), still=True)
    start = int(round(scene.start)) if scene.start is not None else DEFAULT_START_FRAME
    end = int(round(scene.end)) if scene.end is not None else DEFAULT_END_FRAME
    by = args.by if args.by_given or scene.by is None else max(1, int(round(scene.by)))
    return FramePlan(tuple(range(start, end + 1, by)))


def _number(text: str | None) -> float | None:
    """A finite number from a ``setAttr`` value word, or None."""
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
