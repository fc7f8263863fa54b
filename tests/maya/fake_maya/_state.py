"""The state behind the fake ``maya`` package: one open scene plus the bits of Maya around it.

Everything the fake commands read or change lives in :class:`FakeMaya`: the open scene's file
name and modified flag, render layers (Render Setup layers and the legacy ``renderLayer`` nodes that
drive them, or plain legacy layers), the current layer, ``defaultRenderGlobals`` values and
per-layer overrides, cameras, loaded plug-ins, the workspace, the UI controls the shelf code
creates, the progress window and the ``executeDeferred`` queue. The rules copy Maya's:

* switching the current render layer applies that layer's overrides (Maya's ``applyOverride``
  docstring: apply nodes exist "when a given render layer is current") and marks the scene
  modified (INFERRED: a layer switch is an edit), so code that switches layers must put both back;
* ``file -exportAll`` writes a real Maya ASCII file with the scene's layers, laid out as Maya lays
  them out (references as ``file -r`` lines, Render Setup overrides under collections, legacy
  overrides as ``.adjs``; deadline-cloud-for-maya's ``layers.ma``/``referenced_layers.ma``), and
  leaves the open scene's name and modified flag alone (INFERRED, see ``cmds.py``);
* command errors are ``RuntimeError``; a missing object in ``getAttr``/``setAttr`` is
  ``ValueError``;
* references and imports bring their own render layers, as in deadline-cloud-for-maya's
  Maya-saved ``referenced_layers.ma``: a referenced file's layers are namespaced
  (``ref:defaultRenderLayer``), ``referenceQuery -isNodeReferenced`` is true for them and they
  hang off the reference's own ``ref:renderLayerManager``; an imported file's layers are local
  (``imported_scene_defaultRenderLayer``) but hang off ``imported_scene_renderLayerManager``.
  ``ls -type renderLayer`` lists them all (deadline-cloud-for-maya ``render_layers.py`` filters
  them, "because they cannot be set as the current render layer");
* ``executeDeferred`` work runs only in Maya's idle loop (:meth:`FakeMaya.run_deferred`), which
  batch mode does not have: there only ``maya.utils.processIdleEvents()`` runs it (Maya's
  ``maya/utils.py`` docstrings; PyMEL ``mayautils.py``: "Maya's version does not execute at all
  when in batch mode").

Every behaviour the tests rely on names its source next to the code; ``docs/research/
maya_facts.md`` section 7 quotes them.

Faults for tests: :attr:`FakeMaya.export_fail_after_bytes` makes the export die half-way (a partial
file is left, like a full disk), :attr:`FakeMaya.switch_fail_on` makes switching to one layer fail
after the switch began, :attr:`FakeMaya.cancel_progress_on` presses the progress window's Cancel.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_LAYER = "defaultRenderLayer"
MASTER_LAYER_NAME = "masterLayer"
GLOBALS = "defaultRenderGlobals"

#: defaultRenderGlobals attributes the fake knows: long name -> (short name, default value).
GLOBAL_ATTRS: dict[str, tuple[str, Any]] = {
    "currentRenderer": ("ren", "mayaSoftware"),
    "startFrame": ("fs", 1.0),
    "endFrame": ("ef", 10.0),
    "byFrameStep": ("bfs", 1.0),
    "animation": ("an", False),
    "imageFilePrefix": ("ifp", ""),
    "imfPluginKey": ("imfkey", ""),
    "extensionPadding": ("pad", 1),
}

#: Versions written into ``requires`` lines for loaded plug-ins.
PLUGIN_VERSIONS: dict[str, str] = {
    "redshift4maya": "3.5.19",
    "mtoa": "5.3.5.1",
    "vrayformaya": "6.2",
}

_ACTIVE: FakeMaya | None = None


def current() -> FakeMaya:
    """The installed fake (the fixture installs one per test)."""
    if _ACTIVE is None:
        raise RuntimeError("the fake maya package is not installed (use the maya_env fixture)")
    return _ACTIVE


def activate(fake: FakeMaya | None) -> None:
    """Make ``fake`` the state every fake command works on (None: none)."""
    global _ACTIVE
    _ACTIVE = fake


@dataclass
class Camera:
    """A camera: transform + shape; ``renderable`` is the base value (layers may override it)."""

    transform: str
    shape: str
    renderable: bool = True


#: The scene's own render layer manager (``ls("renderLayerManager")[0]`` in a Maya scene).
SCENE_MANAGER = "renderLayerManager"


@dataclass
class LayerNode:
    """A ``renderLayer`` node.

    ``rs_layer`` names the Render Setup layer that drives it (``X`` for ``rs_X``), or None for the
    default layer and legacy layers. ``manager`` is the ``renderLayerManager`` it is connected to;
    ``reference`` the namespace of the reference it comes from (None: a node of this scene).
    """

    node: str
    renderable: bool = True
    display_order: int = 0
    rs_layer: str | None = None
    manager: str = SCENE_MANAGER
    reference: str | None = None


@dataclass
class Control:
    """A UI control made by ``shelfLayout``/``shelfButton``/``menu``/``menuItem``."""

    name: str
    kind: str
    parent: str | None
    flags: dict[str, Any] = field(default_factory=dict)


@dataclass
class ProgressWindow:
    """The progress window: whether it is open, what it showed, whether Cancel was pressed."""

    is_open: bool = False
    cancelled: bool = False
    shown: list[tuple[int, str]] = field(default_factory=list)
    opened: int = 0
    closed: int = 0


class FakeMaya:
    """One fake Maya session with an open scene.

    Args:
        workspace: The project root (``workspace -q -rootDirectory``).
        render_setup: Whether this Maya runs Render Setup (True) or legacy render layers.
    """

    fake = True

    def __init__(self, workspace: Path, *, render_setup: bool = True) -> None:
        self.workspace = Path(workspace)
        self.file_rules: dict[str, str] = {"images": "images"}
        self.render_setup_mode = render_setup
        self.batch = False
        self.version = "2024"
        self.plugins: dict[str, str] = {}
        self.main_window_ptr: int | None = None
        self.controls: dict[str, Control] = {}
        self.progress = ProgressWindow()
        self.deferred: list[tuple[Callable[..., Any], tuple[Any, ...]]] = []
        self.deferred_lock = threading.Lock()
        self.output: list[str] = []  # cmds.warning / cmds.error lines, as Maya would print them
        self.main_thread = threading.main_thread()
        # Faults
        self.export_fail_after_bytes: int | None = None
        self.switch_fail_on: str | None = None
        self.cancel_progress_on: str | None = None
        self.exports: list[Path] = []
        self.render_setup_node = False  # a ``renderSetup`` node exists (created on demand)
        self.new_scene()

    # -- scene ----------------------------------------------------------------------------------
    def new_scene(self) -> None:
        """``file -new -force``: an untitled scene with masterLayer and the default cameras."""
        self.file_name = ""
        self.modified = False
        self.layers: dict[str, LayerNode] = {DEFAULT_LAYER: LayerNode(DEFAULT_LAYER)}
        self.rs_order: list[str] = []
        self.current_layer = DEFAULT_LAYER
        self.current_time = 1.0  # ``currentTime``; saved as ``select -ne :time1; setAttr ".o"``
        self.globals: dict[str, Any] = {name: d for name, (_, d) in GLOBAL_ATTRS.items()}
        self.overrides: dict[str, dict[str, Any]] = {}
        self.references: dict[str, str] = {}  # namespace -> file
        self.vray_settings: dict[str, str] | None = None  # the vraySettings node, once V-Ray loads
        self.cameras: dict[str, Camera] = {}
        for name in ("persp", "top", "front", "side"):
            self.cameras[f"{name}Shape"] = Camera(name, f"{name}Shape", renderable=name == "persp")

    def add_layer(self, name: str, renderable: bool = True) -> str:
        """Add a render layer the way this Maya makes them; return its ``renderLayer`` node.

        In Render Setup mode a ``renderSetupLayer`` ``X`` and its legacy node ``rs_X``; in legacy
        mode a ``renderLayer`` node ``X``.
        """
        if self.render_setup_mode:
            node = _rs_node(name)
            self.rs_order.append(name)
            self.layers[node] = LayerNode(node, renderable, len(self.rs_order), rs_layer=name)
        else:
            node = name
            self.layers[node] = LayerNode(node, renderable, len(self.layers))
        self.modified = True
        return node

    def add_legacy_layer(self, name: str, renderable: bool = True) -> str:
        """Add a legacy ``renderLayer`` node whatever the mode (a scene made in legacy mode)."""
        self.layers[name] = LayerNode(name, renderable, len(self.layers))
        self.modified = True
        return name

    def add_reference(self, namespace: str, path: str, layers: tuple[str, ...] = ()) -> list[str]:
        """``file -reference -namespace NS path``: the file's render layers come along.

        Returns:
            The referenced ``renderLayer`` nodes (``NS:defaultRenderLayer`` first).
        """
        self.references[namespace] = path
        nodes = [f"{namespace}:{DEFAULT_LAYER}", *(f"{namespace}:{name}" for name in layers)]
        for node in nodes:
            self.layers[node] = LayerNode(
                node, manager=f"{namespace}:{SCENE_MANAGER}", reference=namespace
            )
        self.modified = True
        return nodes

    def import_scene(self, prefix: str, layers: tuple[str, ...] = ()) -> list[str]:
        """``file -import`` of a scene with its own layers: local nodes on their own manager.

        Returns:
            The imported ``renderLayer`` nodes (``<prefix>_defaultRenderLayer`` first).
        """
        nodes = [f"{prefix}_{DEFAULT_LAYER}", *(f"{prefix}_{name}" for name in layers)]
        for node in nodes:
            self.layers[node] = LayerNode(node, manager=f"{prefix}_{SCENE_MANAGER}")
        self.modified = True
        return nodes

    def add_camera(self, name: str, renderable: bool = True) -> str:
        """Add a camera (transform ``name``, shape ``nameShape``); return the shape."""
        shape = f"{name}Shape"
        self.cameras[shape] = Camera(name, shape, renderable)
        self.modified = True
        return shape

    def set_override(self, layer_node: str, plug: str, value: Any) -> None:
        """A per-layer override (``defaultRenderGlobals.endFrame``, ``shotCamShape.renderable``)."""
        self._check_plug(plug)
        self.overrides.setdefault(layer_node, {})[plug] = value
        self.modified = True

    def set_global(self, attr: str, value: Any) -> None:
        """Set a ``defaultRenderGlobals`` attribute's base value (marks the scene modified)."""
        self._check_plug(f"{GLOBALS}.{attr}")
        self.globals[attr] = value
        self.modified = True

    def set_modified(self, flag: bool) -> None:
        """Maya's "unsaved changes" flag."""
        self.modified = bool(flag)

    def load_plugin(self, name: str) -> None:
        """Load a plug-in (its ``requires`` line is written into exports).

        V-Ray brings its ``vraySettings`` node, where its image names live (Deadline's
        ``SubmitMayaToDeadline.mel`` reads ``vraySettings.fileNamePrefix`` /
        ``imageFormatStr``; both empty by default).
        """
        self.plugins[name] = PLUGIN_VERSIONS.get(name, "1.0")
        if name == "vrayformaya" and self.vray_settings is None:
            self.vray_settings = {"fileNamePrefix": "", "imageFormatStr": ""}

    @property
    def scene_name(self) -> str:
        """The open scene's file (``""`` untitled)."""
        return self.file_name

    def save_as(self, path: Path) -> None:
        """Save the scene as ``path`` (a real file, written like an export) and clear modified."""
        self.write_ma(Path(path))
        self.file_name = str(Path(path).as_posix())
        self.modified = False

    def artist_name(self, node: str) -> str:
        """The name an artist sees for a layer node (``masterLayer``, ``X`` for ``rs_X``)."""
        if node == DEFAULT_LAYER:
            return MASTER_LAYER_NAME
        layer = self.layers.get(node)
        return layer.rs_layer if layer is not None and layer.rs_layer else node

    # -- attributes -----------------------------------------------------------------------------
    def _check_plug(self, plug: str) -> tuple[str, str]:
        node, _, attr = plug.partition(".")
        if node == "vraySettings" and self.vray_settings is not None:
            if attr not in self.vray_settings:
                raise ValueError(f"No object matches name: {plug}")
        elif node == GLOBALS:
            if attr not in GLOBAL_ATTRS:
                raise ValueError(f"No object matches name: {plug}")
        elif node in self.cameras:
            if attr != "renderable":
                raise ValueError(f"No object matches name: {plug}")
        elif node in self.layers:
            if attr not in ("renderable", "displayOrder"):
                raise ValueError(f"No object matches name: {plug}")
        else:
            raise ValueError(f"No object matches name: {plug}")
        return node, attr

    def base_value(self, plug: str) -> Any:
        node, attr = self._check_plug(plug)
        if node == "vraySettings" and self.vray_settings is not None:
            return self.vray_settings[attr]
        if node == GLOBALS:
            return self.globals[attr]
        if node in self.cameras:
            return self.cameras[node].renderable
        layer = self.layers[node]
        return layer.renderable if attr == "renderable" else layer.display_order

    def value(self, plug: str, layer_node: str | None = None) -> Any:
        """A plug's value as seen with ``layer_node`` (default: the current layer) active."""
        layer_node = layer_node or self.current_layer
        override = self.overrides.get(layer_node, {})
        if plug in override:
            return override[plug]
        return self.base_value(plug)

    def set_value(self, plug: str, value: Any) -> None:
        node, attr = self._check_plug(plug)
        override = self.overrides.get(self.current_layer, {})
        if plug in override:  # Maya edits the override while its layer is visible
            override[plug] = value
        elif node == "vraySettings" and self.vray_settings is not None:
            self.vray_settings[attr] = str(value)
        elif node == GLOBALS:
            self.globals[attr] = value
        elif node in self.cameras:
            self.cameras[node].renderable = bool(value)
        elif attr == "renderable":
            self.layers[node].renderable = bool(value)
        else:
            self.layers[node].display_order = int(value)
        self.modified = True

    # -- layers ---------------------------------------------------------------------------------
    def switch_layer(self, node: str) -> None:
        """Make ``node`` the current layer: applies its overrides and marks the scene modified."""
        if node not in self.layers:
            raise RuntimeError(f"editRenderLayerGlobals: render layer '{node}' does not exist")
        if self.layers[node].reference is not None:
            # deadline-cloud-for-maya render_layers.py: referenced layers "cannot be set as the
            # current render layer" (exact Maya message not published; any RuntimeError).
            raise RuntimeError(
                f"editRenderLayerGlobals: cannot make referenced layer '{node}' current"
            )
        if self.render_setup_mode and node != DEFAULT_LAYER and not self.layers[node].rs_layer:
            # Render Setup cannot make a legacy layer visible (Render refuses "contains legacy
            # render layers" and renders masterLayer; the editRenderLayerGlobals error text here
            # is INFERRED). renderSetup.switchToLayerUsingLegacyName warns instead (renderSetup.py).
            raise RuntimeError(f"Render setup: cannot switch to legacy render layer '{node}'")
        self.modified = True
        if self.switch_fail_on == node:
            # The switch began (overrides of the old layer were removed) and then failed.
            self.current_layer = DEFAULT_LAYER
            raise RuntimeError(f"Render setup: error while applying layer '{node}'")
        self.current_layer = node

    # -- workspace and output names -------------------------------------------------------------
    def images_dir(self) -> str:
        return (self.workspace / self.file_rules["images"]).as_posix()

    def scene_stem(self) -> str:
        return Path(self.file_name).stem if self.file_name else "untitled"

    def image_path(self, layer_node: str, camera: str | None, frame_token: str | None) -> str:
        """What ``renderSettings -fullPath -genericFrameImageName TOKEN -layer L`` returns."""
        prefix = str(self.value(f"{GLOBALS}.imageFilePrefix", layer_node) or "") or "<Scene>"
        cam = self.cameras.get(camera or "")
        transform = cam.transform if cam else (camera or "persp")
        name = (
            prefix.replace("<Scene>", self.scene_stem())
            .replace("<RenderLayer>", self.artist_name(layer_node))
            .replace("<Layer>", self.artist_name(layer_node))
            .replace("<Camera>", transform)
        )
        ext = str(self.value(f"{GLOBALS}.imfPluginKey", layer_node) or "") or "iff"
        if self.value(f"{GLOBALS}.animation", layer_node):
            padding = int(self.value(f"{GLOBALS}.extensionPadding", layer_node))
            frame = frame_token if frame_token is not None else "1".zfill(padding)
            file_name = f"{name}.{frame}.{ext}"
        else:
            file_name = f"{name}.{ext}"
        return f"{self.images_dir()}/{file_name}"

    # -- export -----------------------------------------------------------------------------------
    def write_ma(self, path: Path) -> None:
        """Write the scene as Maya ASCII (honours :attr:`export_fail_after_bytes`)."""
        text = _MaWriter(self, path.name).text().encode("utf-8")
        limit = self.export_fail_after_bytes
        with open(path, "wb") as out:
            if limit is not None and limit < len(text):
                out.write(text[:limit])
                raise RuntimeError(f"Error writing file {path.as_posix()}: No space left on device")
            out.write(text)

    # -- deferred ---------------------------------------------------------------------------------
    def run_deferred(self) -> int:
        """Play Maya's idle loop: run queued ``executeDeferred`` calls on the main thread.

        Batch mode (``mayapy``, ``Render``) has no idle loop, so nothing runs there ("Because idle
        events are used to implement executeInMainThreadWithResult(), it is not available in batch
        mode", Autodesk "Python and threading"; PyMEL ``mayautils.py``: ``executeDeferred`` "does
        not execute at all when in batch mode"): only :func:`maya.utils.processIdleEvents` does.

        Returns:
            How many ran.
        """
        if self.batch:
            return 0
        return self.process_idle_events()

    def process_idle_events(self) -> int:
        """``maya.utils.processIdleEvents()``: run every queued call now (main thread).

        Returns:
            How many ran.
        """
        assert threading.current_thread() is self.main_thread, "run it on the main thread"
        count = 0
        while True:
            with self.deferred_lock:
                if not self.deferred:
                    return count
                func, args = self.deferred.pop(0)
            func(*args)
            count += 1


def _rs_node(name: str) -> str:
    """``rs_X`` for layer ``X`` (``ns:rs_X`` for ``ns:X``)."""
    namespace, sep, base = name.rpartition(":")
    return f"{namespace}{sep}rs_{base}"


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _mel_value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return f'-type "string" {_q(value)}'
    return repr(value) if isinstance(value, float) else str(value)


class _MaWriter:
    """Writes the scene the way Maya lays out a ``.ma`` (the statements the engine reads)."""

    def __init__(self, maya: FakeMaya, name: str) -> None:
        self.maya = maya
        self.name = name

    def text(self) -> str:
        m = self.maya
        out = [f"//Maya ASCII {m.version} scene", f"//Name: {self.name}", "//Codeset: UTF-8"]
        # References come first in a Maya file, as two ``file`` statements; their nodes (their
        # render layers included) live in the referenced file (referenced_layers.ma, L5-L12).
        for namespace, path in m.references.items():
            flags = f'-ns {_q(namespace)} -rfn {_q(namespace + "RN")} -typ "mayaAscii"'
            out.append(f"file -rdi 1 {flags} {_q(path)};")
            out.append(f"file -r {flags.replace('-rfn', '-dr 1 -rfn')} {_q(path)};")
        out.append(f'requires maya "{m.version}";')
        if m.rs_order or m.render_setup_node:
            out.append(
                'requires -nodeType "renderSetupLayer" -nodeType "renderSetup" -nodeType '
                '"collection" -nodeType "renderSettingsCollection" -nodeType "absOverride" '
                '-nodeType "absUniqueOverride" "renderSetup.py" "1.0";'
            )
        for plugin, version in sorted(m.plugins.items()):
            out.append(f"requires {_q(plugin)} {_q(version)};")
        out += ["currentUnit -l centimeter -a degree -t film;", 'fileInfo "application" "maya";']
        for cam in m.cameras.values():
            out.append(f"createNode transform -n {_q(cam.transform)};")
            out.append(f"createNode camera -n {_q(cam.shape)} -p {_q(cam.transform)};")
            if not cam.renderable:
                out.append('\tsetAttr ".rnd" no;')
        connects: list[str] = []
        if m.rs_order or m.render_setup_node:
            out.append('createNode renderSetup -n "renderSetup";')
        managers: dict[str, int] = {}
        for layer in m.layers.values():
            if layer.reference is not None:
                continue
            if layer.manager not in managers:
                managers[layer.manager] = 0
                out.append(f"createNode renderLayerManager -n {_q(layer.manager)};")
            if layer.rs_layer:
                out.append(f"createNode renderSetupLayer -n {_q(layer.rs_layer)};")
                link = f"{_q(layer.node + '.msg')} {_q(layer.rs_layer + '.lrl')}"
                connects.append(f"connectAttr {link};")
                connects.append(f'connectAttr "renderSetup.lit" {_q(layer.rs_layer + ".pls")};')
            out.append(f"createNode renderLayer -n {_q(layer.node)};")
            if layer.node == DEFAULT_LAYER or layer.node.endswith("_" + DEFAULT_LAYER):
                out.append('\tsetAttr ".g" yes;')
            if not layer.renderable:
                out.append('\tsetAttr ".rndr" no;')
            if layer.display_order:
                out.append(f'\tsetAttr ".do" {layer.display_order};')
            if not layer.rs_layer:
                out += self._adjustments(layer.node, connects)
            index = managers[layer.manager]
            managers[layer.manager] += 1
            manager = _q(f"{layer.manager}.rlmi[{index}]")
            connects.append(f"connectAttr {manager} {_q(layer.node + '.rlid')};")
        for layer in m.layers.values():
            if layer.rs_layer:
                out += self._render_setup_overrides(layer, connects)
        out += ["select -ne :time1;", f'\tsetAttr ".o" {m.current_time:g};']
        out.append("select -ne :defaultRenderGlobals;")
        for attr, (short, default) in GLOBAL_ATTRS.items():
            value = m.globals[attr]
            if value != default:
                out.append(f'\tsetAttr ".{short}" {_mel_value(value)};')
        out += connects
        out.append(f"// End of {self.name}")
        return "\n".join(out) + "\n"

    def _render_setup_overrides(self, layer: LayerNode, connects: list[str]) -> list[str]:
        """A Render Setup layer's overrides as Maya saves them (deadline-cloud-for-maya
        ``layers.ma``): render settings as ``absUniqueOverride`` nodes in a
        ``renderSettingsCollection``; another node's attribute as an ``absOverride`` in a
        ``collection``; each child names its parent with ``<parent>.lit -> <child>.pls``."""
        out: list[str] = []
        plugs = self.maya.overrides.get(layer.node, {})
        rs = layer.rs_layer or layer.node
        for number, (plug, value) in enumerate(plugs.items(), start=1):
            node, _, attr = plug.partition(".")
            unique = node == GLOBALS
            collection = f"{rs}_{'RenderSettingsCollection' if unique else 'collection'}{number}"
            override = f"{rs}_{attr}{number}"
            kind = "renderSettingsCollection" if unique else "collection"
            out.append(f"createNode {kind} -n {_q(collection)};")
            out.append(
                f"createNode {'absUniqueOverride' if unique else 'absOverride'} -n {_q(override)};"
            )
            out.append(f'\tsetAttr ".atr" -type "string" {_q(attr)};')
            if unique:
                out.append(f'\tsetAttr ".tgName" -type "string" {_q(node)};')
            out.append(f'\tsetAttr ".atv" {_mel_value(value)};')
            connects.append(f"connectAttr {_q(rs + '.lit')} {_q(collection + '.pls')};")
            connects.append(f"connectAttr {_q(collection + '.lit')} {_q(override + '.pls')};")
        return out

    def _adjustments(self, layer_node: str, connects: list[str]) -> list[str]:
        """A legacy layer's overrides as ``.adjs[i]`` entries (the shape of a legacy Maya file:
        ``setAttr ".adjs[0].val" ...`` plus ``connectAttr "<plug>" "<layer>.adjs[0].plg"``); the
        default layer keeps the base value of every plug another layer overrides."""
        m = self.maya
        if layer_node == DEFAULT_LAYER:
            legacy = [
                over
                for node, over in m.overrides.items()
                if node in m.layers and not m.layers[node].rs_layer
            ]
            plugs = {plug: m.base_value(plug) for over in legacy for plug in over}
        else:
            plugs = dict(m.overrides.get(layer_node, {}))
        out: list[str] = []
        for index, (plug, value) in enumerate(plugs.items()):
            node, _, attr = plug.partition(".")
            short = GLOBAL_ATTRS[attr][0] if node == GLOBALS else "rnd"
            out.append(f'\tsetAttr ".adjs[{index}].val" {_mel_value(value)};')
            source = f":{node}.{short}" if node == GLOBALS else f"{node}.{short}"
            connects.append(f"connectAttr {_q(source)} {_q(f'{layer_node}.adjs[{index}].plg')};")
        return out
