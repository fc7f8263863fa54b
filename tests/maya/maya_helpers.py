"""Helpers shared by the Maya-tier tests (they read Maya through ``maya.cmds``, like an artist)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_SCENE = ROOT / "examples" / "shot001.ma"


def artist_view() -> dict[str, Any]:
    """What the artist would see: scene name, modified flag, current layer, renderable flags."""
    from maya import cmds

    return {
        "name": cmds.file(query=True, sceneName=True),
        "modified": cmds.file(query=True, modified=True),
        "current": cmds.editRenderLayerGlobals(query=True, currentRenderLayer=True),
        "renderable": {n: cmds.getAttr(f"{n}.renderable") for n in cmds.ls(type="renderLayer")},
    }


def shot_renderer(maya: Any) -> tuple[str, str]:
    """(renderer, plug-in) of :func:`build_shot`: Redshift on the fake; Arnold, which ships with
    Maya, in a real Maya (so the real-Maya run does not depend on a Redshift install)."""
    return ("redshift", "redshift4maya") if getattr(maya, "fake", False) else ("arnold", "mtoa")


def build_shot(maya: Any, tmp_path: Path, *, save: bool = True) -> dict[str, str]:
    """A small shot: BG, CHAR (switched off, longer range), FX (own renderer), a shot camera.

    Returns:
        Layer name -> renderLayer node.
    """
    renderer, plugin = shot_renderer(maya)
    maya.load_plugin(plugin)
    maya.set_global("currentRenderer", renderer)
    maya.set_global("animation", True)
    maya.set_global("extensionPadding", 4)
    maya.set_global("imageFilePrefix", "<RenderLayer>/<Scene>")
    maya.set_global("imfPluginKey", "exr")
    maya.set_global("endFrame", 24.0)
    nodes = {
        "BG": maya.add_layer("BG"),
        "CHAR": maya.add_layer("CHAR", renderable=False),
        "FX": maya.add_layer("FX"),
    }
    maya.add_camera("shotCam")
    maya.set_override(nodes["CHAR"], "defaultRenderGlobals.endFrame", 48.0)
    maya.set_override(nodes["FX"], "defaultRenderGlobals.currentRenderer", "mayaSoftware")
    if save:
        (tmp_path / "scenes").mkdir(exist_ok=True)
        maya.save_as(tmp_path / "scenes" / "shot010.ma")
    return nodes
