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

from dataclasses import dataclass, field, replace
from pathlib import Path

from lrc_toolbox.scene.errors import LayerNotFoundError, SceneReadError
from lrc_toolbox.scene.file_check import check_scene_file
from lrc_toolbox.scene.layer_overrides import OverrideGraph
from lrc_toolbox.scene.layer_settings import (
    MAYA_DEFAULT_RENDERER,
    LayerSettings,
    resolve_layer_settings,
)
from lrc_toolbox.scene.lexing import Word
from lrc_toolbox.scene.render_globals import (
    GLOBAL_ATTRS,
    IMAGE_FORMAT_ENUM,
    bool_value,
    float_value,
    string_value,
)
from lrc_toolbox.scene.statements import (
    CONNECT_FLAGS,
    DEFAULT_LAYER_NODE,
    GLOBALS_NODE,
    RENDER_LAYER_TYPE,
    RS_LAYER_TYPE,
    RS_ROOT_TYPE,
    TIME_NODE,
    SceneStatement,
    is_collection_type,
    is_override_type,
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
#: The scene's own render layer manager: only layers connected to it are render layers (imported
#: scenes bring ``imported_..._renderLayerManager``; deadline-cloud-for-maya
#: ``maya_submitter/render_layers.py`` filters on exactly this, with a Maya-saved test scene).
SCENE_LAYER_MANAGER: str = "renderLayerManager"

# requires flags and how many arguments each takes.
_REQUIRES_FLAGS = {"-nodeType": 1, "-nt": 1, "-dataType": 1, "-dt": 1}


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
        referenced: True when the name has a namespace (``:``). Such layers come from a
            reference and are never render layers of the scene (:attr:`SceneInfo.layers` does not
            hold them); kept for callers that build a LayerInfo themselves.
        render_setup: True when a Render Setup layer (``renderSetupLayer`` node) drives it.
        display_order: The layer's ``.do`` as saved, or ``None`` when the file leaves it at the
            default (0).
        settings: What the layer renders (renderer, animation flag, frames), its overrides
            applied (see :mod:`lrc_toolbox.scene.layer_settings`).
    """

    name: str
    node: str
    renderable: bool
    is_default: bool
    referenced: bool
    render_setup: bool
    display_order: int | None
    settings: LayerSettings = LayerSettings()

    @property
    def frames(self) -> str:
        """The frames Maya renders for this layer (``537`` with animation off, ``1-20``)."""
        return self.settings.frames

    @property
    def renderer(self) -> str:
        """Maya's renderer for this layer (``mayaSoftware`` when none is set)."""
        return self.settings.renderer

    def notes(self) -> tuple[str, ...]:
        """What to tell the user about this layer (current frame, overrides left to Maya)."""
        return self.settings.notes()


@dataclass(frozen=True)
class SceneInfo:
    """What a Maya ASCII scene says about rendering.

    Values are the scene's render globals (masterLayer's). What each layer renders, with its
    Render Setup overrides or legacy adjustments applied, is in its :attr:`LayerInfo.settings`.

    Only layers Maya can render are layers: masterLayer, and ``renderLayer`` nodes connected to
    the scene's own ``renderLayerManager`` that do not come from a reference (a namespace) or an
    import (their own ``..._renderLayerManager``), as deadline-cloud-for-maya's submitter filters
    them (``maya_submitter/render_layers.py``: "they cannot be set as the current render layer").

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
        current_frame: The scene's current time (``time1.outTime``), or ``None`` when the file
            has none (Maya's default 1 then applies).
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
        has_layer_overrides: Render Setup override nodes or legacy adjustments exist: a layer's
            settings may differ from the globals above (see :attr:`LayerInfo.settings`).
        warnings: Things worth showing the user about the scene as a whole (legacy layers in a
            Render Setup scene, layer nodes that are not render layers, a truncated file...).
            Per-layer notes are in :meth:`LayerInfo.notes`; :meth:`notes` gives both.
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
    current_frame: float | None = None
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

    def notes(self, layers: tuple[LayerInfo, ...] | None = None) -> tuple[str, ...]:
        """The scene's warnings, then each layer's notes prefixed with its name.

        Args:
            layers: The layers whose notes to include (default: every layer).
        """
        notes = list(self.warnings)
        for lay in self.layers if layers is None else layers:
            notes += [f"{lay.name}: {note}" for note in lay.notes()]
        return tuple(notes)


# --------------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------------


@dataclass
class _LayerNode:
    order: int
    renderable: bool | None = None
    display_order: int | None = None
    created: bool = False
    manager: str | None = None  # the renderLayerManager it is connected to (``.rlid``)
    is_global: bool = False  # ``.g yes``: a default layer (its scene's masterLayer)


@dataclass
class _Collected:
    """Mutable state while reading; turned into a SceneInfo at the end."""

    layer_nodes: dict[str, _LayerNode] = field(default_factory=dict)
    rs_layers: dict[str, int] = field(default_factory=dict)  # renderSetupLayer name -> order
    rs_roots: set[str] = field(default_factory=set)
    links: dict[str, str] = field(default_factory=dict)  # renderSetupLayer -> renderLayer node
    pending_links: list[tuple[str, str]] = field(default_factory=list)
    pending_abs: list[tuple[str, str, list[Word]]] = field(default_factory=list)
    graph: OverrideGraph = field(default_factory=OverrideGraph)
    apply_nodes: int = 0  # ``applyAbsOverride``... nodes: saved with a layer other than master
    globals: dict[str, object] = field(default_factory=dict)
    current_time: float | None = None
    first_on_manager: str | None = None  # the layer at renderLayerManager.rlmi[0]
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
    elif node_type.startswith("apply") and is_override_type(node_type):
        # Maya's "override application" nodes exist only while a layer other than masterLayer
        # is visible (its applyOverride.py docstring: they "will be saved to file if the Maya
        # scene is saved when a given render layer is current").
        col.apply_nodes += 1
    elif is_override_type(node_type) or is_collection_type(node_type):
        col.graph.add_node(name, node_type)


def _on_setattr(
    node: str, node_type: str | None, attr: str, values: list[Word], col: _Collected
) -> None:
    """Apply one setAttr whose target node is known."""
    if not values:  # e.g. ``setAttr -k on ".fs";`` changes flags only, not the value
        return
    if node_type == RENDER_LAYER_TYPE or node in col.layer_nodes or node == DEFAULT_LAYER_NODE:
        if col.graph.set_adjustment_value(node, attr, values):
            return
        if attr in ("g", "global"):
            col.layer_node(node).is_global = bool_value(values) is True
        elif attr in ("rndr", "renderable"):
            value = bool_value(values)
            if value is None:
                col.warnings.append(f"unreadable {node}.{attr} value; assuming renderable")
            else:
                col.layer_node(node).renderable = value
        elif attr in ("do", "displayOrder"):
            number = float_value(values)
            if number is not None:
                col.layer_node(node).display_order = int(number)
        return
    if node == GLOBALS_NODE:
        _on_global(attr, values, col)
        return
    if node == TIME_NODE:
        if attr in ("o", "outTime"):
            col.current_time = float_value(values)
        return
    if col.graph.is_tree_node(node):
        col.graph.set_attr(node, attr, values)


def _on_global(attr: str, values: list[Word], col: _Collected) -> None:
    key = GLOBAL_ATTRS.get(attr)
    if key is None:
        return
    if key in ("renderer", "image_prefix", "image_format"):
        text = string_value(values)
        if text is not None:
            col.globals[key] = text
        return
    if key == "animation":
        flag = bool_value(values)
        if flag is not None:
            col.globals[key] = flag
        return
    number = float_value(values)
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
        col.layer_node(dst_node).manager = src_node  # registered with a render layer manager
        if src_node == SCENE_LAYER_MANAGER and src_attr == "rlmi[0]":
            # Identification 0 is masterLayer (Deadline's getRenderLayerDisplayName).
            col.first_on_manager = dst_node
    elif dst_attr in ("lrl", "legacyRenderLayer") and src_attr in ("msg", "message"):
        # "X.msg" -> "renderSetup.lrl" is the Render Setup root's *last layer* pointer, not a
        # legacy-layer link; resolve once all node types are known.
        col.pending_links.append((src_node, dst_node))
    else:
        col.graph.connect(src_node, src_attr, dst_node, dst_attr)


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
            or node in (DEFAULT_LAYER_NODE, GLOBALS_NODE, TIME_NODE)
            or col.graph.is_tree_node(node)
        ):
            _on_setattr(node, None, attr, values, col)


def _order_key(display_order: int | None) -> tuple[int, int]:
    """Sort known display orders first; layers the file gives none (referenced) come after."""
    return (0, display_order) if display_order is not None else (1, 0)


def _master_node(col: _Collected) -> str:
    """The node of masterLayer: ``defaultRenderLayer``, unless the file connects another layer as
    identification 0 of the scene's manager and leaves ``defaultRenderLayer`` off it (a merged
    scene, as in maya-usd's ``UsdExportMeshTest.ma``)."""
    default = col.layer_nodes.get(DEFAULT_LAYER_NODE)
    first = col.first_on_manager
    if first and first != DEFAULT_LAYER_NODE and (default is None or default.manager is None):
        return first
    return DEFAULT_LAYER_NODE


def _is_scene_layer(node: str, rec: _LayerNode, master: str = DEFAULT_LAYER_NODE) -> str | None:
    """Why a legacy ``renderLayer`` node is not a render layer of the scene, or None when it is.

    Maya renders only layers on the scene's own ``renderLayerManager`` that do not come from a
    reference; deadline-cloud-for-maya filters exactly so (``render_layers.py``, commit
    bf168973, tested on a Maya-saved scene with a reference and an import).
    """
    if node == master:
        return None
    if ":" in node:
        return "from a reference (namespaced)"
    if rec.manager is not None and rec.manager != SCENE_LAYER_MANAGER:
        return f"on {rec.manager}, not the scene's renderLayerManager (an imported scene's)"
    if rec.manager is None:
        return "not connected to the scene's renderLayerManager"
    if rec.is_global:
        return "a second default render layer (from a merged scene)"
    return None


def _base_settings(col: _Collected) -> LayerSettings:
    """The scene's values as masterLayer renders them (before any layer's overrides)."""
    g = col.globals
    renderer = g.get("renderer")
    return LayerSettings(
        renderer=str(renderer) if renderer else MAYA_DEFAULT_RENDERER,
        renderer_from_default=not renderer,
        animation=bool(g.get("animation", False)),
        start_frame=float(g.get("start_frame", 1.0)),  # type: ignore[arg-type]
        end_frame=float(g.get("end_frame", 10.0)),  # type: ignore[arg-type]
        by_frame=float(g.get("by_frame", 1.0)),  # type: ignore[arg-type]
        current_frame=col.current_time if col.current_time is not None else 1.0,
    )


def _build_info(path: Path, col: _Collected, header_version: str | None) -> SceneInfo:
    _resolve(col)
    master_node = _master_node(col)
    col.layer_node(master_node)  # masterLayer always exists, written or not
    warnings = list(col.warnings)
    graph = col.graph
    # Legacy adjustments on defaultRenderLayer hold masterLayer's values (the globals hold those
    # of whichever layer was current at save time): every layer starts from them.
    master = resolve_layer_settings(_base_settings(col), graph.legacy_adjustments(master_node))
    base = replace(master, applied=(), not_applied=())
    layers: list[tuple[tuple[int, int, int, int], LayerInfo]] = []
    linked: set[str] = set()
    not_layers: list[str] = []
    for rs_name, order in col.rs_layers.items():
        node = col.links.get(rs_name)
        if node is None:
            node = f"rs_{rs_name}"
            if node not in col.layer_nodes and ":" not in rs_name:
                warnings.append(
                    f"Render Setup layer {rs_name!r} has no renderLayer node in the "
                    f"file; assuming {node!r}"
                )
        linked.add(node)
        rec = col.layer_nodes.get(node) or _LayerNode(order)
        why = "from a reference (namespaced)" if ":" in rs_name else None
        if why is None and rec.manager is not None:
            why = _is_scene_layer(node, rec)
        if why is not None:
            not_layers.append(f"{rs_name} ({why})")
            continue
        overrides = graph.render_setup_overrides(rs_name) + graph.legacy_adjustments(node)
        info = LayerInfo(
            name=rs_name,
            node=node,
            renderable=rec.renderable is not False,
            is_default=False,
            referenced=False,
            render_setup=True,
            display_order=rec.display_order,
            settings=resolve_layer_settings(base, overrides),
        )
        layers.append(((1, *_order_key(rec.display_order), order), info))
    legacy: list[str] = []
    for node, rec in col.layer_nodes.items():
        if node in linked:
            continue
        why = _is_scene_layer(node, rec, master_node)
        if why is not None:
            if rec.created:  # a referenced layer's own statements live in its file
                not_layers.append(f"{node} ({why})")
            continue
        is_default = node == master_node
        info = LayerInfo(
            name=MASTER_LAYER_NAME if is_default else node,
            node=node,
            renderable=rec.renderable is not False,
            is_default=is_default,
            referenced=False,
            render_setup=False,
            display_order=rec.display_order,
            # masterLayer's adjustments ARE the base values: nothing to report on it.
            settings=replace(master, not_applied=())
            if is_default
            else resolve_layer_settings(base, graph.legacy_adjustments(node)),
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
    if not_layers:
        warnings.append(
            "not render layers of this scene (Maya cannot make them current, so they are not "
            f"listed or rendered): {', '.join(not_layers)}"
        )
    if col.apply_nodes:
        warnings.append(
            "the scene was saved with a Render Setup layer other than masterLayer visible: "
            "the render globals read here may be that layer's values, not masterLayer's"
        )
    infos = tuple(info for _, info in layers)
    if not any(lay.renderable for lay in infos):
        warnings.append("no render layer is renderable: name the layers to render explicitly")
    g = col.globals
    image_format = _global_text(g, "image_format")
    format_enum = g.get("image_format_enum")
    if image_format is None and isinstance(format_enum, int):
        image_format = IMAGE_FORMAT_ENUM.get(format_enum)
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
        current_frame=col.current_time,
        time_unit=col.time_unit,
        required_plugins=tuple(col.plugins),
        maya_version=col.maya_version or header_version,
        has_layer_overrides=graph.has_overrides,
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
