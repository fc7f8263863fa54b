"""Render layers of the scene open in Maya, and what each one will render and write.

Two layer systems exist. **Render Setup** (Maya 2017+ default): layer ``X`` is a
``renderSetupLayer`` node driving a legacy ``renderLayer`` node ``rs_X``, which is what
``Render -rl`` takes. **Legacy render layers**: ``renderLayer`` nodes only. masterLayer is
``defaultRenderLayer`` in both. A scene made with legacy layers and opened in Render Setup mode
keeps its legacy nodes, but Maya refuses them ("contains legacy render layers") and renders
masterLayer instead; :class:`SceneLayers` finds those and explains.

Only layers Maya can render are layers: ``ls -type renderLayer`` also lists the layers of
referenced files (``ref:defaultRenderLayer``) and of imported scenes
(``imported_scene_defaultRenderLayer`` on its own ``imported_scene_renderLayerManager``), which
cannot be made current; :func:`list_scene_layers` drops them the way deadline-cloud-for-maya's
submitter does (``maya_submitter/render_layers.py``, commit bf168973) and says which it dropped.

A layer's renderer, frame range, renderable cameras and image names can be overridden per layer,
so :func:`read_layer_details` makes each layer current in turn and asks Maya
(``cmds.renderSettings(fullPath=True, genericFrameImageName=...)`` for the image names; V-Ray's
from ``vraySettings``), inside :func:`~lrc_toolbox.maya.scene_state.preserved_scene_state`, which
puts the current layer and the modified flag back afterwards, also when reading fails half-way.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from lrc_toolbox.maya import host
from lrc_toolbox.maya.progress import StepProgress, SubProgress
from lrc_toolbox.maya.scene_state import (
    DEFAULT_LAYER_NODE,
    current_layer,
    preserved_scene_state,
    render_setup_active,
    switch_layer,
)
from lrc_toolbox.utils.str_enum import StrEnum

#: The artist's name for the default layer.
MASTER_LAYER_NAME = "masterLayer"
#: Stands for the frame number in image names from ``renderSettings`` (no Maya token looks so).
FRAME_TOKEN = "LRCFRAMETOKEN"
#: V-Ray's frame number width (a real V-Ray for Maya log, deadline-cloud-samples PR #287:
#: ``vray_spheres.0001.exr``); INFERRED as its default, not read from ``vraySettings``.
VRAY_FRAME_PADDING = 4
_GLOBALS = "defaultRenderGlobals"


class LayerMode(StrEnum):
    """Which render layer system this Maya runs."""

    RENDER_SETUP = "render_setup"
    LEGACY = "legacy"


@dataclass(frozen=True)
class MayaLayer:
    """One render layer of the open scene.

    Attributes:
        name: As the artist sees it (``MASTER_BG_A``, ``masterLayer``, a legacy layer's node name).
        node: The ``renderLayer`` node ``Render -rl`` takes (``rs_MASTER_BG_A``).
        renderable: Its renderable flag.
        is_default: masterLayer.
        render_setup: Driven by a Render Setup layer.
        referenced: Comes from a referenced file (namespaced).
        legacy_in_render_setup: A legacy layer in a Render Setup session: Maya renders masterLayer
            in its place.
    """

    name: str
    node: str
    renderable: bool
    is_default: bool = False
    render_setup: bool = False
    referenced: bool = False
    legacy_in_render_setup: bool = False


@dataclass(frozen=True)
class SceneLayers:
    """The open scene's render layers and the layer system they are in.

    Attributes:
        mode: The layer system this Maya runs.
        layers: masterLayer first, then the layers in the order the artist sees them.
        current: The current ``renderLayer`` node.
        render_setup_layers_in_legacy: Render Setup layers of a scene opened in legacy mode (their
            collections and overrides do nothing there).
        not_render_layers: ``renderLayer`` nodes that are not layers of this scene (referenced,
            imported, not on the scene's ``renderLayerManager``).
    """

    mode: LayerMode
    layers: tuple[MayaLayer, ...]
    current: str
    render_setup_layers_in_legacy: tuple[str, ...] = ()
    not_render_layers: tuple[str, ...] = ()

    def notes(self) -> tuple[str, ...]:
        """What to tell the artist about the scene's layers (layers that are not layers)."""
        if not self.not_render_layers:
            return ()
        return (
            "not render layers of this scene (from a reference or an imported scene; Maya cannot "
            f"make them current, so they are not listed or rendered): "
            f"{', '.join(self.not_render_layers)}",
        )

    @property
    def legacy_in_render_setup(self) -> tuple[MayaLayer, ...]:
        """Legacy layers that Render Setup will not render (masterLayer renders instead)."""
        return tuple(layer for layer in self.layers if layer.legacy_in_render_setup)

    def find(self, name: str) -> MayaLayer | None:
        """The layer with this artist name, else this node name, else None."""
        for layer in self.layers:
            if layer.name == name:
                return layer
        for layer in self.layers:
            if layer.node == name or (name == DEFAULT_LAYER_NODE and layer.is_default):
                return layer
        return None

    def chosen(self, names: Sequence[str]) -> tuple[list[MayaLayer], list[str]]:
        """Resolve the user's layer names.

        Args:
            names: Artist or node names; empty or ``["all"]`` means every renderable layer.

        Returns:
            The layers found (no duplicates) and the names that matched nothing.
        """
        if not names or [n.lower() for n in names] == ["all"]:
            return [layer for layer in self.layers if layer.renderable], []
        found: list[MayaLayer] = []
        missing: list[str] = []
        for name in names:
            layer = self.find(name)
            if layer is None:
                missing.append(name)
            elif layer not in found:
                found.append(layer)
        return found, missing

    def mismatch_explanation(self, chosen: Sequence[MayaLayer] | None = None) -> str | None:
        """Why these layers cannot render as the artist expects in this layer mode, or None.

        Args:
            chosen: The layers to render (None: all layers of the scene).
        """
        layers = self.layers if chosen is None else chosen
        legacy = [layer.name for layer in layers if layer.legacy_in_render_setup]
        if legacy:
            return (
                f"The scene has legacy render layers ({', '.join(legacy)}), but this Maya uses "
                "Render Setup, which ignores them and renders masterLayer instead. Convert them "
                "(Render Setup window > File > Import from legacy render layers), or switch Maya "
                "to legacy render layers (Preferences > Rendering > Preferred Render Setup system, "
                "or MAYA_ENABLE_LEGACY_RENDER_LAYERS=1) and restart Maya."
            )
        if self.render_setup_layers_in_legacy and (
            chosen is None or any(not layer.is_default for layer in chosen)
        ):
            return (
                "This scene was set up with Render Setup "
                f"({', '.join(self.render_setup_layers_in_legacy)}), but this Maya runs legacy "
                "render layers, so the layers' collections and overrides do not apply. Switch Maya "
                "to Render Setup (Preferences > Rendering > Preferred Render Setup system, and "
                "unset MAYA_ENABLE_LEGACY_RENDER_LAYERS) and restart Maya."
            )
        return None


@dataclass(frozen=True)
class LayerDetails:
    """What one layer renders, read with the layer current (overrides applied).

    Attributes:
        layer: The layer.
        renderer: Maya's renderer name (``redshift``, ``arnold``, ``mayaSoftware``...).
        start_frame: ``startFrame``.
        end_frame: ``endFrame``.
        by_frame: ``byFrameStep``.
        animation: Frame numbers in image names (off: Maya writes one image name).
        padding: Frame number width in image names (``extensionPadding``).
        cameras: Renderable camera shapes on this layer.
        images: Image paths from ``renderSettings`` with :data:`FRAME_TOKEN` for the frame.
        current_frame: The scene's current time (``currentTime -q``): what Maya renders when
            ``animation`` is off.
    """

    layer: MayaLayer
    renderer: str
    start_frame: float
    end_frame: float
    by_frame: float
    animation: bool
    padding: int
    cameras: tuple[str, ...]
    images: tuple[str, ...]
    current_frame: float = 1.0

    @property
    def frame_range(self) -> str:
        """The frames Maya renders for the layer (``1-24``, ``1-100x5``; the current frame when
        animation is off, as deadline-cloud-for-maya's ``scene.py`` computes them)."""
        if not self.animation:
            return str(int(round(self.current_frame)))
        start, end = int(round(self.start_frame)), int(round(self.end_frame))
        step = max(1, int(round(self.by_frame or 1)))
        if end == start:
            return str(start)
        return f"{start}-{end}" if step == 1 else f"{start}-{end}x{step}"

    @property
    def image_templates(self) -> tuple[str, ...]:
        """The images as engine templates (``.../shot.{frame_signed:04d}.exr``).

        Names without a frame number (animation off) and names with tokens Maya left unresolved
        give no template: the engine then learns the naming from the renderer's log.
        """
        templates = []
        for path in self.images:
            template = image_template(path, self.padding)
            if template is not None and template not in templates:
                templates.append(template)
        return tuple(templates)

    @property
    def image_dirs(self) -> tuple[str, ...]:
        """Folders the images go to."""
        dirs: list[str] = []
        for path in self.images:
            folder = os.path.dirname(path)
            if folder and folder not in dirs:
                dirs.append(folder)
        return tuple(dirs)


def image_template(path: str, padding: int) -> str | None:
    """Turn a ``renderSettings`` path with :data:`FRAME_TOKEN` into an engine template.

    Args:
        path: ``/proj/images/BG/shot.LRCFRAMETOKEN.exr``.
        padding: The frame number width.

    Returns:
        ``/proj/images/BG/shot.{frame_signed:04d}.exr`` (braces in the path escaped), or None when
        the path has no frame token or still holds a ``<Token>``.
    """
    if FRAME_TOKEN not in path or "<" in path or ">" in path:
        return None
    escaped = path.replace("{", "{{").replace("}", "}}")
    return escaped.replace(FRAME_TOKEN, f"{{frame_signed:0{max(1, int(padding))}d}}")


def rebase_template(template: str, images_dir: str, output_dir: str) -> str | None:
    """Move a template from the project's images folder to an output folder (``Render -rd``).

    Returns:
        The template under ``output_dir``, or None when it is not under ``images_dir``.
    """
    norm = template.replace("\\", "/")
    root = images_dir.replace("\\", "/").rstrip("/") + "/"
    if not norm.startswith(root):
        return None
    target = output_dir.replace("\\", "/").replace("{", "{{").replace("}", "}}").rstrip("/")
    return f"{target}/{norm[len(root) :]}"


def images_dir() -> str:
    """The current project's images folder (where ``Render`` writes without ``-rd``)."""
    cmds = host.maya_cmds
    rule = str(cmds.workspace(fileRuleEntry="images") or "images")
    return str(cmds.workspace(expandName=rule))


def project_dir() -> str:
    """The current Maya project's root folder."""
    return str(host.maya_cmds.workspace(query=True, rootDirectory=True)).rstrip("/\\") or "."


def list_scene_layers() -> SceneLayers:
    """Read the open scene's render layers (cheap: nothing is switched).

    Returns:
        The layers and the mode.
    """
    cmds = host.maya_cmds
    all_nodes = [str(n) for n in cmds.ls(type="renderLayer") or []]
    nodes = scene_layer_nodes(all_nodes)
    dropped = tuple(node for node in all_nodes if node not in nodes)
    current = current_layer()
    try:
        rs_nodes = [str(n) for n in cmds.ls(type="renderSetupLayer") or [] if ":" not in str(n)]
    except RuntimeError:  # Maya before Render Setup existed: the node type is unknown
        rs_nodes = []
    if not render_setup_active():
        layers = [_legacy_layer(node) for node in _master_first(nodes)]
        return SceneLayers(LayerMode.LEGACY, tuple(layers), current, tuple(rs_nodes), dropped)
    rs = host.render_setup()
    master = rs.getDefaultRenderLayer()
    layers = [
        MayaLayer(
            MASTER_LAYER_NAME, DEFAULT_LAYER_NODE, bool(master.isRenderable()), is_default=True
        )
    ]
    linked = {DEFAULT_LAYER_NODE}
    for rs_layer in rs.getRenderLayers():
        name = str(rs_layer.name())
        node = _legacy_node_of(name)
        linked.add(node)
        layers.append(
            MayaLayer(
                name, node, bool(rs_layer.isRenderable()), render_setup=True, referenced=":" in name
            )
        )
    for node in nodes:
        if node not in linked:
            layer = _legacy_layer(node)
            layers.append(
                MayaLayer(
                    layer.name,
                    node,
                    layer.renderable,
                    referenced=layer.referenced,
                    legacy_in_render_setup=True,
                )
            )
    return SceneLayers(LayerMode.RENDER_SETUP, tuple(layers), current, (), dropped)


def scene_layer_nodes(nodes: Sequence[str]) -> list[str]:
    """The ``renderLayer`` nodes Maya can make current: this scene's own layers.

    deadline-cloud-for-maya ``render_layers.py`` (the reason quoted from its comment): "Filter out
    any render layers that are referenced in other files, because they cannot be set as the
    current render layer", and keep only layers whose ``renderLayerManager`` is the scene's
    (``ls("renderLayerManager")[0]``), which drops an imported scene's layers.

    Args:
        nodes: ``ls -type renderLayer``.

    Returns:
        The scene's layers, in the same order (``defaultRenderLayer`` always).
    """
    cmds = host.maya_cmds
    managers = host.as_strings(cmds.ls("renderLayerManager"))
    scene_manager = managers[0] if managers else "renderLayerManager"
    kept = []
    for node in nodes:
        if node == DEFAULT_LAYER_NODE:
            kept.append(node)
            continue
        if cmds.referenceQuery(node, isNodeReferenced=True):
            continue
        connected = host.as_strings(cmds.listConnections(node, type="renderLayerManager"))
        if connected and connected[0] == scene_manager:
            kept.append(node)
    return kept


def _master_first(nodes: list[str]) -> list[str]:
    rest = [n for n in nodes if n != DEFAULT_LAYER_NODE]
    return [DEFAULT_LAYER_NODE, *rest]


def _legacy_layer(node: str) -> MayaLayer:
    renderable = bool(host.maya_cmds.getAttr(f"{node}.renderable"))
    if node == DEFAULT_LAYER_NODE:
        return MayaLayer(MASTER_LAYER_NAME, node, renderable, is_default=True)
    return MayaLayer(node, node, renderable, referenced=":" in node)


def _legacy_node_of(rs_name: str) -> str:
    """The ``renderLayer`` node a Render Setup layer drives (``rs_X``, or ``ns:rs_X``)."""
    found = host.maya_cmds.listConnections(
        f"{rs_name}.legacyRenderLayer", source=True, destination=False
    )
    if found:
        return str(found[0])
    namespace, sep, base = rs_name.rpartition(":")
    return f"{namespace}{sep}rs_{base}"


def read_current_layer_details(layer: MayaLayer) -> LayerDetails:
    """Read what ``layer`` renders; it must be the current layer (overrides are applied then)."""
    cmds = host.maya_cmds

    def value(attr: str) -> object:
        return cmds.getAttr(f"{_GLOBALS}.{attr}")

    def number(attr: str, *, if_unset: float | None = None) -> float:
        raw = value(attr)
        if if_unset is not None and not raw:
            return if_unset
        if isinstance(raw, (int, float)):
            return float(raw)
        raise TypeError(f"{_GLOBALS}.{attr} is not a number: {raw!r}")

    cameras = tuple(str(c) for c in cmds.ls(type="camera") or [] if cmds.getAttr(f"{c}.renderable"))
    renderer = str(value("currentRenderer") or "")
    animation = bool(value("animation"))
    padding = int(number("extensionPadding", if_unset=1.0))
    vray = _vray_images(layer, cameras, animation) if renderer == "vray" else None
    images: list[str] = []
    if vray is not None:
        images, padding = vray, VRAY_FRAME_PADDING
    else:
        for camera in cameras:
            found = cmds.renderSettings(
                fullPath=True, genericFrameImageName=FRAME_TOKEN, layer=layer.node, camera=camera
            )
            for path in host.as_strings(found):
                if path not in images:
                    images.append(path)
    return LayerDetails(
        layer=layer,
        renderer=renderer,
        start_frame=number("startFrame"),
        end_frame=number("endFrame"),
        by_frame=number("byFrameStep", if_unset=1.0),
        animation=animation,
        padding=padding,
        cameras=cameras,
        images=tuple(images),
        # Autodesk: currentTime is queryable (deadline-cloud-for-maya calls exactly this); the
        # types-maya 0.6.1 stub leaves query out.
        current_frame=float(cmds.currentTime(query=True)),  # type: ignore[call-arg]
    )


def _vray_images(layer: MayaLayer, cameras: Sequence[str], animation: bool) -> list[str] | None:
    """V-Ray's image paths, from ``vraySettings`` (None when the node is not there).

    V-Ray ignores ``defaultRenderGlobals.imageFilePrefix``: its prefix is
    ``vraySettings.fileNamePrefix`` (empty: the scene name) and its format
    ``vraySettings.imageFormatStr`` (empty: ``png``), as Deadline's ``SubmitMayaToDeadline.mel``
    (``DeadlineGetVrayOutputPrefix``) and deadline-cloud-for-maya's ``vray_handler.py`` read them;
    ``renderSettings`` knows only Maya's own naming.
    """
    cmds = host.maya_cmds
    try:
        prefix = str(cmds.getAttr("vraySettings.fileNamePrefix") or "") or "<Scene>"
        ext = str(cmds.getAttr("vraySettings.imageFormatStr") or "") or "png"
    except (ValueError, RuntimeError):  # no vraySettings node: V-Ray never set up here
        return None
    ext = ext.replace(" (multichannel)", "").strip() or "png"  # Deadline strips it too
    scene = str(cmds.file(query=True, sceneName=True) or "") or "untitled"
    stem = os.path.splitext(os.path.basename(scene))[0] or "untitled"
    folder = images_dir().rstrip("/\\")
    images: list[str] = []
    for camera in cameras or ("",):
        parents = host.as_strings(cmds.listRelatives(camera, parent=True)) if camera else []
        name = (
            prefix.replace("<Scene>", stem)
            .replace("<RenderLayer>", layer.name)
            .replace("<Layer>", layer.name)
            .replace("<Camera>", parents[0] if parents else camera)
        )
        frame = f".{FRAME_TOKEN}" if animation else ""
        path = f"{folder}/{name}{frame}.{ext}"
        if path not in images:
            images.append(path)
    return images


def read_layer_details(
    layers: Sequence[MayaLayer],
    progress: StepProgress | SubProgress | None = None,
    mode: LayerMode | None = None,
) -> list[LayerDetails]:
    """Read each layer's renderer, frame range, cameras and image names, overrides included.

    Each layer is made current in turn; the artist's current layer, renderable flags and modified
    flag are put back afterwards (also after an error or Cancel half-way) and verified. Must run
    on Maya's main thread.

    Args:
        layers: The layers to read (legacy layers in a Render Setup session are read as
            masterLayer renders them: they cannot be made current there).
        progress: Where to report each layer (and check Cancel).
        mode: The layer mode (None: ask Maya).

    Returns:
        One :class:`LayerDetails` per layer, in order.

    Raises:
        PreparationCancelled: Cancel was pressed (the scene is restored first).
        SceneStateError: The scene could not be put back exactly.
    """
    render_setup = (mode is LayerMode.RENDER_SETUP) if mode is not None else render_setup_active()
    details: list[LayerDetails] = []
    with preserved_scene_state(render_setup) as before:
        total = max(1, len(layers))
        for index, layer in enumerate(layers):
            if progress is not None:
                progress.step(
                    index / total,
                    f"Reading the render settings of {layer.name} ({index + 1}/{total})",
                )
            node = DEFAULT_LAYER_NODE if layer.legacy_in_render_setup else layer.node
            if current_layer() != node:
                switch_layer(node, render_setup)
            details.append(read_current_layer_details(layer))
        if progress is not None:
            progress.step(1.0, f"Back to {before.current_layer}")
    return details
