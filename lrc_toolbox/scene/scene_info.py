"""What a Maya ASCII scene says about rendering, read without Maya: :func:`read_scene`.

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

:func:`read_scene` streams such a file through
:func:`~lrc_toolbox.scene.statements.iter_scene_statements` (constant memory, whatever the size)
and interprets only the statements that describe render layers and render globals into a
:class:`SceneInfo`: the render layers as the artist sees them and the node name ``Render -rl``
takes (``rs_X`` for Render Setup layer ``X``, ``defaultRenderLayer`` for masterLayer), which are
renderable, the renderer, frame range, image prefix and format, the plug-ins the file requires,
and whether per-layer overrides may change those values.

Maya Binary (``.mb``) files cannot be read this way: :func:`read_scene` raises
:class:`~lrc_toolbox.scene.errors.BinarySceneError`, and callers fall back to rendering explicitly
named layers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lrc_toolbox.scene.errors import LayerNotFoundError, SceneReadError
from lrc_toolbox.scene.file_check import check_scene_file
from lrc_toolbox.scene.lexing import Word
from lrc_toolbox.scene.statements import (
    CONNECT_FLAGS,
    DEFAULT_LAYER_NODE,
    GLOBALS_NODE,
    RENDER_LAYER_TYPE,
    RS_LAYER_TYPE,
    RS_ROOT_TYPE,
    UNIQUE_OVERRIDE_TYPES,
    SceneStatement,
    iter_scene_statements,
    parse_plug,
    positional_args,
    setattr_parts,
)

__all__ = [
    "MASTER_LAYER_NAME",
    "MAYA_DEFAULT_RENDERER",
    "LayerInfo",
    "SceneInfo",
    "read_scene",
]

#: The artist-facing name of the default render layer (its node is ``defaultRenderLayer``).
MASTER_LAYER_NAME: str = "masterLayer"
#: ``defaultRenderGlobals.currentRenderer`` when the file does not set it. Maya writes only
#: values that differ from the attribute default, and the default is believed to be Maya
#: Software (reference notes mark this UNVERIFIED). ``SceneInfo.renderer`` stays ``None`` then;
#: callers that must pick a renderer may fall back to this.
MAYA_DEFAULT_RENDERER: str = "mayaSoftware"

_TRUE_WORDS = frozenset({"yes", "on", "true", "1"})
_FALSE_WORDS = frozenset({"no", "off", "false", "0"})
# requires flags and how many arguments each takes.
_REQUIRES_FLAGS = {"-nodeType": 1, "-nt": 1, "-dataType": 1, "-dt": 1}
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
# Reading
# --------------------------------------------------------------------------------------------------
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
        plug, values = setattr_parts(words)
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
        pos, _ = positional_args(words, CONNECT_FLAGS)
        if len(pos) >= 2:
            _on_connect(pos[0], pos[1], col)
    elif cmd == "requires":
        pos, _ = positional_args(words, _REQUIRES_FLAGS)
        if pos:
            if pos[0] == "maya":
                col.maya_version = pos[1] if len(pos) > 1 else col.maya_version
            elif pos[0] not in col.plugins:
                col.plugins.append(pos[0])
    elif cmd == "currentUnit":
        _, opts = positional_args(
            words, {"-l": 1, "-linear": 1, "-a": 1, "-angle": 1, "-t": 1, "-time": 1}
        )
        unit = opts.get("-t") or opts.get("-time")
        if unit:
            col.time_unit = unit


def _on_create(ss: SceneStatement, col: _Collected) -> None:
    name, node_type = ss.node, ss.node_type
    if not name or not node_type:
        return
    if node_type == RENDER_LAYER_TYPE:
        col.layer_node(name).created = True
    elif node_type == RS_LAYER_TYPE:
        col.rs_layers.setdefault(name, col.next_order())
    elif node_type == RS_ROOT_TYPE:
        col.rs_roots.add(name)
    elif node_type in UNIQUE_OVERRIDE_TYPES:
        col.overrides.setdefault(name, {})


def _on_setattr(
    node: str, node_type: str | None, attr: str, values: list[Word], col: _Collected
) -> None:
    """Apply one setAttr whose target node is known."""
    if not values:  # e.g. ``setAttr -k on ".fs";`` changes flags only, not the value
        return
    if node_type == RENDER_LAYER_TYPE or node in col.layer_nodes or node == DEFAULT_LAYER_NODE:
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
    if node == GLOBALS_NODE:
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
            or node == GLOBALS_NODE
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
    image_format = _global_text(g, "image_format")
    format_enum = g.get("image_format_enum")
    if image_format is None and isinstance(format_enum, int):
        image_format = _IMAGE_FORMAT_ENUM.get(format_enum)
    return SceneInfo(
        path=path,
        layers=infos,
        uses_render_setup=uses_rs,
        renderer=_global_text(g, "renderer"),
        start_frame=_global_number(g, "start_frame", 1.0),
        end_frame=_global_number(g, "end_frame", 10.0),
        by_frame=_global_number(g, "by_frame", 1.0),
        image_prefix=_global_text(g, "image_prefix"),
        image_format=image_format,
        animation=bool(g.get("animation", False)),
        time_unit=col.time_unit,
        required_plugins=tuple(col.plugins),
        maya_version=col.maya_version or header_version,
        has_layer_overrides=bool(col.overrides),
        warnings=tuple(warnings),
    )


def _global_text(values: dict[str, object], key: str) -> str | None:
    """A render global read as text (``None`` when the scene does not set it)."""
    value = values.get(key)
    return value if isinstance(value, str) else None


def _global_number(values: dict[str, object], key: str, default: float) -> float:
    """A render global read as a number (``default``: Maya's value when the scene sets none)."""
    value = values.get(key)
    return float(value) if isinstance(value, (int, float)) else default
