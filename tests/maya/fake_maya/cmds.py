"""Fake ``maya.cmds``: only the commands lrc_toolbox.maya calls, acting on :mod:`._state`.

Flag handling follows Maya's Python commands: query mode with ``query=True``/``q=True``, edit mode
with ``edit=True``/``e=True``, unknown flags raise ``TypeError`` (as Maya does for a bad flag), and
command errors raise ``RuntimeError``. Short flag names are accepted where the code under test might
use them. That every command and flag used exists in Maya is checked by a machine against
Autodesk's published API (``types-maya`` stubs, ``.ci/mypy_maya.ini``).

Sources of the behaviour the tests rely on (Autodesk's command reference is
``https://help.autodesk.com/cloudhelp/2018/ENU/Maya-Tech-Docs/CommandsPython/<command>.html``;
"INFERRED" marks what no public source states, kept as the most plausible reading):

* ``ls -type``, ``listConnections``, ``listRelatives -parent``, ``referenceQuery
  -isNodeReferenced``: the command reference; referenced and imported render layers as in
  deadline-cloud-for-maya's Maya-saved ``referenced_layers.ma`` and its ``render_layers.py``
  filter. An empty result is ``None`` (maya.cmds convention, relied on by Deadline's
  ``listConnections(...) or []``; INFERRED for each command).
* ``getAttr``/``setAttr``: the command reference; a missing plug raises ``ValueError: No object
  matches name`` (the error Maya prints, widely quoted; not in Autodesk's pages).
* ``editRenderLayerGlobals -currentRenderLayer``: the command reference; making a layer current
  marks the scene modified (INFERRED: Maya records the layer change like any edit).
* ``renderSettings -fullPath -genericFrameImageName -layer -camera``: the command reference
  ("Returns the full path for the image using the current project"); a one-element list (Deadline's
  and other submitters' ``[0]``). Maya's own naming only: V-Ray's comes from ``vraySettings``.
* ``workspace -q -rootDirectory / -fileRuleEntry / -expandName``: the command reference.
* ``file -q -sceneName/-modified``, ``-rename``, ``-new``, ``-exportAll -type mayaAscii
  -preserveReferences``: the command reference; that ``-exportAll`` leaves the open scene's name
  and modified flag alone is INFERRED (an export writes another file; nothing says it renames).
* ``about -batch/-version``, ``pluginInfo -q -listPlugins``, ``warning`` (printed as
  ``// Warning: ... //`` in the Script Editor), ``progressWindow``, ``inViewMessage``,
  ``shelfLayout``, ``shelfButton``, ``menu``, ``menuItem``, ``deleteUI``: the command reference;
  ``progressWindow`` refusing batch mode is INFERRED (batch Maya has no UI).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from . import _state
from ._state import DEFAULT_LAYER, GLOBALS, Control

_ALIASES = {
    "q": "query",
    "e": "edit",
    "ex": "exists",
    "p": "parent",
    "l": "label",
    "c": "command",
    "ann": "annotation",
    "ca": "childArray",
    "to": "tearOff",
    "stp": "sourceType",
    "fp": "fullPath",
    "gin": "genericFrameImageName",
    "lyr": "layer",
    "cam": "camera",
    "crl": "currentRenderLayer",
    "sn": "sceneName",
    "mf": "modified",
    "ea": "exportAll",
    "typ": "type",
    "f": "force",
    "pr": "preserveReferences",
    "rn": "rename",
    "rd": "rootDirectory",
    "fre": "fileRuleEntry",
    "en": "expandName",
    "lp": "listPlugins",
    "b": "batch",
    "v": "version",
    "t": "title",
    "st": "status",
    "ii": "isInterruptable",
    "max": "maxValue",
    "ic": "isCancelled",
    "ep": "endProgress",
    "dtg": "docTag",
    "i1": "image1",
    "iol": "imageOverlayLabel",
    "dai": "deleteAllItems",
    "ia": "itemArray",
    "inr": "isNodeReferenced",
    "s": "source",
    "d": "destination",
}


def _flags(kwargs: dict[str, Any], allowed: set[str], command: str) -> dict[str, Any]:
    flags = {_ALIASES.get(k, k): v for k, v in kwargs.items()}
    unknown = set(flags) - allowed - {"query", "edit"}
    if unknown:
        raise TypeError(f"{command}: invalid flag(s) {sorted(unknown)}")
    return flags


def _maya() -> _state.FakeMaya:
    return _state.current()


# -- nodes and attributes -------------------------------------------------------------------------
def _managers() -> list[str]:
    m = _maya()
    found = [_state.SCENE_MANAGER]
    for layer in m.layers.values():
        if layer.manager not in found:
            found.append(layer.manager)
    return found


def ls(*args: Any, **kwargs: Any) -> list[str]:
    """``ls -type T`` (renderLayer, renderSetupLayer, renderLayerManager, camera) or ``ls NAME``.

    ``ls -type renderLayer`` lists referenced and imported layers too (deadline-cloud-for-maya's
    ``referenced_layers.ma`` test scene; its submitter filters them afterwards).
    """
    flags = _flags(kwargs, {"type"}, "ls")
    m = _maya()
    kind = flags.get("type")
    if args:  # names: the ones that exist (render layer managers and layers are all we model)
        known = set(_managers()) | set(m.layers)
        return [str(name) for name in args if name in known]
    if kind == "renderLayer":
        return list(m.layers)
    if kind == "renderSetupLayer":
        return list(m.rs_order)
    if kind == "renderLayerManager":
        return _managers()
    if kind == "camera":
        return list(m.cameras)
    raise RuntimeError(f"ls: the fake does not list type {kind!r}")


def referenceQuery(node: str, **kwargs: Any) -> bool:  # noqa: N802 - Maya's name
    """``referenceQuery NODE -isNodeReferenced``: True for nodes a reference brought."""
    flags = _flags(kwargs, {"isNodeReferenced"}, "referenceQuery")
    if not flags.get("isNodeReferenced"):
        raise RuntimeError("referenceQuery: the fake answers -isNodeReferenced only")
    m = _maya()
    layer = m.layers.get(node)
    if layer is None and node not in _managers() and node not in m.cameras:
        raise RuntimeError(f"referenceQuery: no object matches name: {node}")
    return layer is not None and layer.reference is not None


def getAttr(plug: str, **kwargs: Any) -> Any:  # noqa: N802 - Maya's name
    """The value of a plug with the current layer's overrides applied."""
    _flags(kwargs, set(), "getAttr")
    return _maya().value(plug)


def setAttr(plug: str, value: Any, **kwargs: Any) -> None:  # noqa: N802 - Maya's name
    """Set a plug (marks the scene modified)."""
    _flags(kwargs, {"type"}, "setAttr")
    _maya().set_value(plug, value)


def listConnections(plug: str, **kwargs: Any) -> list[str] | None:  # noqa: N802 - Maya's name
    """``<renderSetupLayer>.legacyRenderLayer``, or a render layer's ``-type renderLayerManager``;
    None when nothing is connected (as Maya)."""
    flags = _flags(kwargs, {"source", "destination", "type"}, "listConnections")
    m = _maya()
    node, _, attr = plug.partition(".")
    if flags.get("type") == "renderLayerManager" and not attr:
        layer = m.layers.get(node)
        return [layer.manager] if layer is not None else None
    if attr in ("legacyRenderLayer", "lrl") and node in m.rs_order:
        return [n for n, layer in m.layers.items() if layer.rs_layer == node] or None
    return None


def listRelatives(node: str, **kwargs: Any) -> list[str] | None:  # noqa: N802 - Maya's name
    """``listRelatives -parent`` of a camera shape."""
    _flags(kwargs, {"parent"}, "listRelatives")
    cam = _maya().cameras.get(node)
    return [cam.transform] if cam is not None else None


def currentTime(*args: Any, **kwargs: Any) -> float:  # noqa: N802 - Maya's name
    """``currentTime -q`` (or set it): the scene's current frame.

    deadline-cloud-for-maya ``scene.py`` renders ``int(maya.cmds.currentTime(query=True))`` when
    ``defaultRenderGlobals.animation`` is off; Maya saves it as ``time1.outTime``.
    """
    flags = _flags(kwargs, set(), "currentTime")
    m = _maya()
    if flags.get("query"):
        return m.current_time
    if len(args) != 1:
        raise RuntimeError("currentTime: give one time")
    m.current_time = float(args[0])
    m.modified = True
    return m.current_time


def editRenderLayerGlobals(**kwargs: Any) -> str | None:  # noqa: N802 - Maya's name
    """Query or set the current render layer."""
    flags = _flags(kwargs, {"currentRenderLayer"}, "editRenderLayerGlobals")
    m = _maya()
    if flags.get("query"):
        return m.current_layer
    m.switch_layer(flags["currentRenderLayer"])
    return None


def renderSettings(**kwargs: Any) -> list[str]:  # noqa: N802 - Maya's name
    """``renderSettings -fullPath -genericFrameImageName T [-layer L] [-camera C]``."""
    flags = _flags(
        kwargs, {"fullPath", "genericFrameImageName", "layer", "camera"}, "renderSettings"
    )
    m = _maya()
    layer = flags.get("layer") or m.current_layer
    if layer not in m.layers:
        raise RuntimeError(f"renderSettings: render layer '{layer}' does not exist")
    camera = flags.get("camera")
    if camera is None:
        cams = [s for s, c in m.cameras.items() if m.value(f"{s}.renderable", layer)]
        camera = cams[0] if cams else None
    elif camera not in m.cameras and camera not in {c.transform for c in m.cameras.values()}:
        raise RuntimeError(f"renderSettings: camera '{camera}' does not exist")
    path = m.image_path(layer, camera, flags.get("genericFrameImageName"))
    if not flags.get("fullPath"):
        path = path[len(m.images_dir()) + 1 :]
    return [path]


def workspace(*args: Any, **kwargs: Any) -> str:
    """``workspace -q -rootDirectory``, ``-fileRuleEntry images``, ``-expandName``."""
    flags = _flags(kwargs, {"rootDirectory", "fileRuleEntry", "expandName"}, "workspace")
    m = _maya()
    if flags.get("rootDirectory"):
        return m.workspace.as_posix() + "/"
    if "fileRuleEntry" in flags:
        return m.file_rules.get(flags["fileRuleEntry"], "")
    if "expandName" in flags:
        name = flags["expandName"]
        return name if os.path.isabs(name) else (m.workspace / name).as_posix()
    raise RuntimeError("workspace: the fake supports -rootDirectory, -fileRuleEntry, -expandName")


# -- files ----------------------------------------------------------------------------------------
def file(*args: Any, **kwargs: Any) -> Any:
    """The ``file`` command: scene name/modified queries, rename, modified, and ``-exportAll``."""
    flags = _flags(
        kwargs,
        {
            "sceneName",
            "modified",
            "rename",
            "exportAll",
            "type",
            "force",
            "preserveReferences",
            "new",
        },
        "file",
    )
    m = _maya()
    if flags.get("query"):
        if flags.get("sceneName"):
            return m.file_name
        if flags.get("modified"):
            return m.modified
        raise RuntimeError("file: unsupported query")
    if flags.get("new"):
        if m.modified and not flags.get("force"):
            raise RuntimeError("file: unsaved changes (use -force)")
        m.new_scene()
        return ""
    if "rename" in flags:
        m.file_name = Path(flags["rename"]).as_posix()
        return m.file_name
    if flags.get("exportAll"):
        (path,) = args
        if flags.get("type") != "mayaAscii":
            raise RuntimeError(f"file: the fake exports mayaAscii only, not {flags.get('type')!r}")
        target = Path(path)
        if target.exists() and not flags.get("force"):
            raise RuntimeError(f"file: {path} already exists (use -force)")
        if not target.parent.is_dir():
            raise RuntimeError(f"file: cannot write {path}: no such folder")
        m.exports.append(target)
        m.write_ma(target)  # leaves the open scene's name and modified flag alone, like Maya
        return target.as_posix()
    if "modified" in flags:
        m.modified = bool(flags["modified"])
        return None
    raise RuntimeError(f"file: the fake does not support {sorted(flags)}")


# -- session --------------------------------------------------------------------------------------
def about(**kwargs: Any) -> Any:
    """``about -batch`` / ``about -version``."""
    flags = _flags(kwargs, {"batch", "version"}, "about")
    m = _maya()
    if flags.get("batch"):
        return m.batch
    if flags.get("version"):
        return m.version
    raise RuntimeError("about: unsupported flag")


def pluginInfo(*args: Any, **kwargs: Any) -> Any:  # noqa: N802 - Maya's name
    """``pluginInfo -q -listPlugins`` (None when nothing is loaded, as in Maya)."""
    flags = _flags(kwargs, {"listPlugins"}, "pluginInfo")
    if flags.get("query") and flags.get("listPlugins"):
        return list(_maya().plugins) or None
    raise RuntimeError("pluginInfo: unsupported flags")


def warning(message: str) -> None:
    """Print a warning line the way Maya's Script Editor shows it."""
    _maya().output.append(f"// Warning: {message} //")


def inViewMessage(**kwargs: Any) -> None:  # noqa: N802 - Maya's name
    """Show a viewport message: recorded in the output as Maya would display it."""
    flags = _flags(
        kwargs, {"amg", "assistMessage", "pos", "position", "fade", "fadeStayTime"}, "inViewMessage"
    )
    _maya().output.append(f"[inViewMessage] {flags.get('amg') or flags.get('assistMessage')}")


def progressWindow(**kwargs: Any) -> Any:  # noqa: N802 - Maya's name
    """Create, edit, query (``isCancelled``) and end the progress window."""
    flags = _flags(
        kwargs,
        {
            "title",
            "progress",
            "status",
            "isInterruptable",
            "maxValue",
            "isCancelled",
            "endProgress",
        },
        "progressWindow",
    )
    m = _maya()
    win = m.progress
    if m.batch:
        raise RuntimeError("progressWindow: not available in batch mode")
    if flags.get("query"):
        if flags.get("isCancelled"):
            return win.cancelled
        raise RuntimeError("progressWindow: unsupported query")
    if flags.get("endProgress"):
        win.is_open = False
        win.closed += 1
        return None
    if not flags.get("edit"):
        if win.is_open:
            raise RuntimeError("progressWindow: a progress window is already open")
        win.is_open, win.cancelled = True, False
        win.opened += 1
    elif not win.is_open:
        raise RuntimeError("progressWindow: no progress window is open")
    status = str(flags.get("status", ""))
    win.shown.append((int(flags.get("progress", 0)), status))
    if m.cancel_progress_on and m.cancel_progress_on in status:
        win.cancelled = True  # the artist pressed Esc / Cancel while this step showed
    return None


# -- UI: shelves and menus ------------------------------------------------------------------------
def _control(name: str, kind: str) -> Control | None:
    ctl = _maya().controls.get(name)
    return ctl if ctl is not None and ctl.kind == kind else None


def _unique(kind: str) -> str:
    controls = _maya().controls
    index = 1
    while f"{kind}{index}" in controls:
        index += 1
    return f"{kind}{index}"


def _children(name: str) -> list[str]:
    return [c.name for c in _maya().controls.values() if c.parent == name]


def shelfLayout(name: str | None = None, **kwargs: Any) -> Any:  # noqa: N802 - Maya's name
    """Create a shelf tab, test it exists, or list its children."""
    flags = _flags(kwargs, {"exists", "parent", "childArray"}, "shelfLayout")
    m = _maya()
    if flags.get("exists"):
        return name is not None and _control(name, "shelfLayout") is not None
    if flags.get("query"):
        if name is None or _control(name, "shelfLayout") is None:
            raise RuntimeError(f"shelfLayout: object '{name}' not found")
        return _children(name) or None
    parent = flags.get("parent")
    if parent is None or parent not in m.controls:
        raise RuntimeError(f"shelfLayout: parent '{parent}' not found")
    name = name or _unique("shelfLayout")
    if name in m.controls:
        raise RuntimeError(f"shelfLayout: object's name '{name}' is not unique")
    m.controls[name] = Control(name, "shelfLayout", parent)
    return name


def shelfButton(name: str | None = None, **kwargs: Any) -> Any:  # noqa: N802 - Maya's name
    """Create a shelf button, query its flags or edit them."""
    allowed = {
        "exists",
        "parent",
        "label",
        "annotation",
        "image1",
        "command",
        "sourceType",
        "docTag",
        "imageOverlayLabel",
    }
    flags = _flags(kwargs, allowed, "shelfButton")
    m = _maya()
    if flags.get("exists"):
        return name is not None and _control(name, "shelfButton") is not None
    if flags.get("query") or flags.get("edit"):
        ctl = _control(name or "", "shelfButton")
        if ctl is None:
            raise RuntimeError(f"shelfButton: object '{name}' not found")
        if flags.get("edit"):
            ctl.flags.update({k: v for k, v in flags.items() if k != "edit"})
            return None
        (asked,) = [k for k in flags if k != "query"]
        return ctl.flags.get(asked, "")
    parent = flags.pop("parent", None)
    if parent is None or _control(parent, "shelfLayout") is None:
        raise RuntimeError(f"shelfButton: parent shelf '{parent}' not found")
    name = name or _unique("shelfButton")
    m.controls[name] = Control(name, "shelfButton", parent, flags)
    return name


def menu(name: str | None = None, **kwargs: Any) -> Any:
    """Create a menu in the main window's menu bar, test it exists, or query its items."""
    flags = _flags(kwargs, {"exists", "parent", "label", "tearOff", "itemArray"}, "menu")
    m = _maya()
    if flags.get("exists"):
        return name is not None and _control(name, "menu") is not None
    if flags.get("query"):
        if name is None or _control(name, "menu") is None:
            raise RuntimeError(f"menu: object '{name}' not found")
        return _children(name) or None
    parent = flags.pop("parent", None)
    if parent is None or parent not in m.controls:
        raise RuntimeError(f"menu: parent '{parent}' not found")
    name = name or _unique("menu")
    if name in m.controls:
        raise RuntimeError(f"menu: object's name '{name}' is not unique")
    m.controls[name] = Control(name, "menu", parent, flags)
    return name


def menuItem(name: str | None = None, **kwargs: Any) -> Any:  # noqa: N802 - Maya's name
    """Create a menu item, or query one of its flags."""
    flags = _flags(kwargs, {"parent", "label", "command", "annotation", "sourceType"}, "menuItem")
    m = _maya()
    if flags.get("query"):
        ctl = _control(name or "", "menuItem")
        if ctl is None:
            raise RuntimeError(f"menuItem: object '{name}' not found")
        (asked,) = [k for k in flags if k != "query"]
        return ctl.flags.get(asked, "")
    parent = flags.pop("parent", None)
    if parent is None or _control(parent, "menu") is None:
        raise RuntimeError(f"menuItem: parent menu '{parent}' not found")
    name = name or _unique("menuItem")
    m.controls[name] = Control(name, "menuItem", parent, flags)
    return name


def deleteUI(name: str) -> None:  # noqa: N802 - Maya's name
    """Delete a control and everything under it."""
    m = _maya()
    if name not in m.controls:
        raise RuntimeError(f"deleteUI: object '{name}' not found")
    for child in _children(name):
        deleteUI(child)
    del m.controls[name]


__all__ = [
    "DEFAULT_LAYER",
    "GLOBALS",
    "about",
    "currentTime",
    "deleteUI",
    "editRenderLayerGlobals",
    "file",
    "getAttr",
    "listConnections",
    "listRelatives",
    "referenceQuery",
    "ls",
    "menu",
    "menuItem",
    "pluginInfo",
    "progressWindow",
    "renderSettings",
    "setAttr",
    "shelfButton",
    "shelfLayout",
    "warning",
    "workspace",
]
