"""What one render layer renders: renderer, animation flag and frames, overrides applied.

:func:`resolve_layer_settings` starts from the scene's render globals and applies a layer's
overrides (:class:`~lrc_toolbox.scene.layer_overrides.LayerOverride`) in Maya's order. The
overrides that change what the tool plans are applied: ``defaultRenderGlobals`` ``startFrame``,
``endFrame``, ``byFrameStep``, ``animation`` (frames) and ``currentRenderer`` (renderer: slot
kind, log rules). Every other override (image prefix and format, resolution, cameras, shaders...)
is left to Maya, which applies it when it renders the layer; the tool does not model it, and says
so in :attr:`LayerSettings.not_applied`.

Evidence for the rules (``docs/research/maya_facts.md`` sections 3, 4 and 6; the numbers are what
real Maya computed for deadline-cloud-for-maya's test scenes, see
``tests/data/real_scenes/README.md``):

* ``animation`` off (Maya's default; saved as ``setAttr ".an" yes;`` only when on): Maya renders
  one frame, the current time (``select -ne :time1; setAttr ".o" 537;``), not ``startFrame``
  (Autodesk's renderGlobals node doc: "Render an animation (if true) or just the current frame
  (if false)"; ``cube.ma`` -> frames ``537``);
* no ``currentRenderer`` in the file: Maya Software (``cube.ma`` -> ``mayaSoftware``);
* absolute override: the value; relative: ``original * multiply + offset`` (``layers.ma``: end 10,
  multiply 1, offset 10 -> frames ``1-20``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lrc_toolbox.scene.layer_overrides import LayerOverride
from lrc_toolbox.scene.render_globals import GLOBAL_ATTRS

__all__ = [
    "APPLIED_ATTRIBUTES",
    "MAYA_DEFAULT_RENDERER",
    "LayerSettings",
    "frames_text",
    "resolve_layer_settings",
]

#: ``defaultRenderGlobals.currentRenderer`` when the file does not set it (verified: Maya computed
#: ``mayaSoftware`` for deadline-cloud-for-maya's ``cube.ma``, which has no ``.ren``).
MAYA_DEFAULT_RENDERER: str = "mayaSoftware"
_GLOBALS_NODE = "defaultRenderGlobals"

#: ``defaultRenderGlobals`` attributes whose overrides the plan applies, short and long names
#: (the frames and the renderer; the reader's own table names them).
_APPLIED_KEYS = frozenset({"start_frame", "end_frame", "by_frame", "animation", "renderer"})
APPLIED_ATTRIBUTES: Mapping[str, str] = {
    attr: key for attr, key in GLOBAL_ATTRS.items() if key in _APPLIED_KEYS
}


def frames_text(start: float, end: float, step: float) -> str:
    """A frame string for a range: ``1-10``, ``1-100x5``, ``537`` (values rounded to frames)."""
    first, last = int(round(start)), int(round(end))
    by = max(1, int(round(step or 1)))
    if first == last:
        return str(first)
    return f"{first}-{last}" if by == 1 else f"{first}-{last}x{by}"


@dataclass(frozen=True)
class LayerSettings:
    """What a layer renders, with its overrides applied.

    Attributes:
        renderer: Maya's renderer name (``arnold``, ``redshift``, ``mayaSoftware``...);
            :data:`MAYA_DEFAULT_RENDERER` when neither the file nor an override sets one.
        renderer_from_default: True when no renderer is set anywhere (Maya's default applies).
        animation: ``defaultRenderGlobals.animation``: off means Maya renders only the current
            frame.
        start_frame: ``startFrame`` (Maya's default 1).
        end_frame: ``endFrame`` (Maya's default 10).
        by_frame: ``byFrameStep`` (1).
        current_frame: The scene's current time (``time1.outTime``; 1 when the file has none).
        applied: The overrides that changed the values above, described.
        not_applied: The layer's overrides the tool leaves to Maya (image names, resolution,
            cameras...), described; shown as notes wherever the layer is shown.
    """

    renderer: str = MAYA_DEFAULT_RENDERER
    renderer_from_default: bool = True
    animation: bool = False
    start_frame: float = 1.0
    end_frame: float = 10.0
    by_frame: float = 1.0
    current_frame: float = 1.0
    applied: tuple[str, ...] = ()
    not_applied: tuple[str, ...] = ()

    @property
    def frames(self) -> str:
        """The frames Maya renders for this layer, as a frame string (``537``, ``1-20``)."""
        if not self.animation:
            return str(int(round(self.current_frame)))
        return frames_text(self.start_frame, self.end_frame, self.by_frame)

    @property
    def frame_note(self) -> str | None:
        """Why the frames are what they are, when it is not the obvious range."""
        if self.animation:
            return None
        frame = int(round(self.current_frame))
        rounded = (
            f" (the current time {self.current_frame:g} rounded to a whole frame)"
            if frame != self.current_frame
            else ""
        )
        return (
            f"renders the current frame {frame}{rounded} as a still (no frame number in the "
            "image name) because animation is off (defaultRenderGlobals.animation): that is "
            "what Maya renders; give frames to render a numbered range"
        )

    def notes(self) -> tuple[str, ...]:
        """Everything worth telling the user about this layer (frames, overrides left to Maya).

        Overrides of what a render writes (render settings, resolution, which cameras render)
        get a note each: they change the images the artist will look for. Overrides of scene
        content (lights, shaders, visibility) change neither the frames, the renderer nor the
        image names, so they share one line instead of burying the others.
        """
        notes = []
        if self.frame_note:
            notes.append(self.frame_note)
        cameras = [o for o in self.not_applied if _is_camera_choice(o)]
        output = [o for o in self.not_applied if _changes_output(o) and o not in cameras]
        content = [o for o in self.not_applied if not _changes_output(o)]
        notes += [f"override not applied by the plan (Maya applies it): {d}" for d in output]
        if cameras:
            notes.append(
                "which cameras render is overridden (Maya applies it; each renderable camera "
                "writes its own images): " + "; ".join(_camera_choice(d) for d in cameras)
            )
        if content:
            shown = "; ".join(_short(d) for d in content[:MAX_CONTENT_OVERRIDES_LISTED])
            more = len(content) - MAX_CONTENT_OVERRIDES_LISTED
            tail = f"; and {more} more" if more > 0 else ""
            notes.append(
                f"{len(content)} scene override(s) not applied by the plan (Maya applies them; "
                f"they change no frames, renderer or image names): {shown}{tail}"
            )
        return tuple(notes)


#: Scene-content overrides named one by one in a layer's note before "and N more".
MAX_CONTENT_OVERRIDES_LISTED = 4

#: Nodes whose overrides change what a render writes: the render settings of Maya and of the
#: renderers this tool knows (image names, formats, resolution, sampling that names AOV files).
RENDER_OUTPUT_NODES = frozenset(
    {
        "defaultRenderGlobals",
        "defaultResolution",
        "defaultRenderQuality",
        "hardwareRenderingGlobals",
        "defaultArnoldRenderOptions",
        "defaultArnoldDriver",
        "redshiftOptions",
        "vraySettings",
    }
)
#: Camera attributes whose overrides choose which cameras render (one image set per camera).
_CAMERA_OUTPUT_ATTRIBUTES = frozenset({"renderable", "rnd"})


def _changes_output(description: str) -> bool:
    """Whether an override (as described by ``LayerOverride.describe``) changes the images."""
    plug = description.split(" = ", 1)[0].split(" (", 1)[0]
    node, _, attribute = plug.rpartition(".")
    if node.lstrip(":") in RENDER_OUTPUT_NODES:
        return True
    return attribute in _CAMERA_OUTPUT_ATTRIBUTES or plug in _CAMERA_OUTPUT_ATTRIBUTES


def _is_camera_choice(description: str) -> bool:
    plug = description.split(" = ", 1)[0].split(" (", 1)[0]
    return plug.rpartition(".")[2] in _CAMERA_OUTPUT_ATTRIBUTES


def _camera_choice(description: str) -> str:
    """``camera3 on`` from ``renderable = on (absolute override ... in collection _camera3_...)``."""
    plug, _, rest = description.partition(" = ")
    value = rest.split(" (", 1)[0]
    value = {"0": "off", "1": "on"}.get(value, value)
    node = plug.rpartition(".")[0]
    if not node and " in collection " in rest:
        node = "collection " + rest.split(" in collection ", 1)[1].rstrip(")").split(",")[0]
    return f"{node or plug} {value}"


def _short(description: str) -> str:
    """``intensity in _pointLight1_col`` from a full override description."""
    plug = description.split(" = ", 1)[0]
    collection = description.split(" in collection ", 1)
    if len(collection) == 2:
        return f"{plug} in {collection[1].rstrip(')').split(',')[0]}"
    return plug


def resolve_layer_settings(
    base: LayerSettings, overrides: Sequence[LayerOverride]
) -> LayerSettings:
    """Apply a layer's overrides to the scene's values, in order, the way Maya does.

    Args:
        base: The scene's values (the master layer's), with ``applied``/``not_applied`` empty.
        overrides: The layer's overrides in Maya's order (Render Setup or legacy adjustments).

    Returns:
        The layer's settings. Disabled overrides change nothing and are not reported.
    """
    values: dict[str, object] = {
        "renderer": base.renderer,
        "animation": base.animation,
        "start_frame": base.start_frame,
        "end_frame": base.end_frame,
        "by_frame": base.by_frame,
    }
    renderer_default = base.renderer_from_default
    applied: list[str] = list(base.applied)
    not_applied: list[str] = list(base.not_applied)
    for override in overrides:
        if not override.enabled:
            continue
        key = APPLIED_ATTRIBUTES.get(override.attribute)
        target = (override.target or "").lstrip(":")
        if key is None or target != _GLOBALS_NODE:
            not_applied.append(override.describe())
            continue
        new = _apply(key, values[key], override)
        if new is None:
            not_applied.append(f"{override.describe()} (value not understood)")
            continue
        values[key] = new
        if key == "renderer":
            renderer_default = False
        applied.append(override.describe())
    return LayerSettings(
        renderer=str(values["renderer"]),
        renderer_from_default=renderer_default,
        animation=bool(values["animation"]),
        start_frame=float(values["start_frame"]),  # type: ignore[arg-type]
        end_frame=float(values["end_frame"]),  # type: ignore[arg-type]
        by_frame=float(values["by_frame"]),  # type: ignore[arg-type]
        current_frame=base.current_frame,
        applied=tuple(applied),
        not_applied=tuple(not_applied),
    )


def _apply(key: str, current: object, override: LayerOverride) -> object | None:
    """The new value of one attribute, or None when the override's value makes no sense."""
    value = override.value
    if key == "renderer":
        if override.kind == "relative" or not isinstance(value, str) or not value:
            return None
        return value
    number = float(current) if isinstance(current, (int, float)) else 0.0
    if override.kind == "relative":
        number = number * override.multiply + override.offset
    elif isinstance(value, (bool, int, float)):
        number = float(value)
    else:
        return None
    return bool(number) if key == "animation" else number
