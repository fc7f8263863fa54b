"""The scene builder of the Maya-tier tests over the REAL Maya (``scripts/run_maya_tests.py``).

It offers the same methods the tests call on the fake (:class:`fake_maya.FakeMaya`), implemented
with ``maya.cmds`` and the Render Setup API, so the same tests run in ``mayapy``. UNTESTED here: no
Maya was available where it was written; run ``scripts/run_maya_tests.py`` on a machine with Maya.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


class RealMaya:
    """A fresh, untitled scene in the real Maya, with a project under ``tmp_path``."""

    fake = False

    def __init__(self, tmp_path: Path) -> None:
        from maya import cmds, mel

        self._cmds = cmds
        self.workspace = tmp_path / "project"
        (self.workspace / "images").mkdir(parents=True)
        (self.workspace / "workspace.mel").write_text('workspace -fr "images" "images";\n')
        cmds.workspace(self.workspace.as_posix(), openWorkspace=True)
        cmds.file(new=True, force=True)
        self.render_setup_mode = bool(mel.eval("mayaHasRenderSetup()"))
        self.batch = bool(cmds.about(batch=True))

    def _rs(self) -> Any:
        import maya.app.renderSetup.model.renderSetup as render_setup

        return render_setup.instance()

    @property
    def scene_name(self) -> str:
        return str(self._cmds.file(query=True, sceneName=True) or "")

    def add_layer(self, name: str, renderable: bool = True) -> str:
        cmds = self._cmds
        if self.render_setup_mode:
            layer = self._rs().createRenderLayer(name)
            layer.setRenderable(renderable)
            found = cmds.listConnections(
                f"{name}.legacyRenderLayer", source=True, destination=False
            )
            return str(found[0]) if found else f"rs_{name}"
        node = cmds.createRenderLayer(name=name, empty=True, makeCurrent=False)
        cmds.setAttr(f"{node}.renderable", renderable)
        return str(node)

    def add_legacy_layer(self, name: str, renderable: bool = True) -> str:
        if self.render_setup_mode:
            pytest.skip("a Render Setup session cannot make legacy render layers")
        return self.add_layer(name, renderable)

    def _layer_file(self, path: Path, layers: tuple[str, ...]) -> Path:
        """A minimal Maya ASCII scene with render layers (as Maya saves them) to reference/import."""
        lines = [
            "//Maya ASCII 2022 scene",
            'requires maya "2022";',
            'createNode renderLayerManager -n "renderLayerManager";',
            'createNode renderLayer -n "defaultRenderLayer";',
            '\tsetAttr ".g" yes;',
            *(f'createNode renderLayer -n "{name}";' for name in layers),
            'connectAttr "renderLayerManager.rlmi[0]" "defaultRenderLayer.rlid";',
            *(
                f'connectAttr "renderLayerManager.rlmi[{i}]" "{name}.rlid";'
                for i, name in enumerate(layers, start=1)
            ),
        ]
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n")
        return path

    def add_reference(self, namespace: str, path: str, layers: tuple[str, ...] = ()) -> list[str]:
        target = self._layer_file(self.workspace / "scenes" / Path(path).name, layers)
        self._cmds.file(target.as_posix(), reference=True, namespace=namespace)
        return [str(n) for n in self._cmds.ls(f"{namespace}:*", type="renderLayer")]

    def import_scene(self, prefix: str, layers: tuple[str, ...] = ()) -> list[str]:
        target = self._layer_file(self.workspace / "scenes" / f"{prefix}.ma", layers)
        self._cmds.file(target.as_posix(), i=True, renameAll=True, renamingPrefix=prefix)
        return [str(n) for n in self._cmds.ls(f"{prefix}_*", type="renderLayer")]

    def add_camera(self, name: str, renderable: bool = True) -> str:
        cmds = self._cmds
        transform, _shape = cmds.camera()
        transform = cmds.rename(transform, name)
        shape = cmds.listRelatives(transform, shapes=True)[0]
        cmds.setAttr(f"{shape}.renderable", renderable)
        return str(shape)

    def set_global(self, attr: str, value: Any) -> None:
        plug = f"defaultRenderGlobals.{attr}"
        if isinstance(value, str):
            self._cmds.setAttr(plug, value, type="string")
        else:
            self._cmds.setAttr(plug, value)

    def set_override(self, layer_node: str, plug: str, value: Any) -> None:
        cmds = self._cmds
        node, _, attr = plug.partition(".")
        if self.render_setup_mode:
            name = layer_node[3:] if layer_node.startswith("rs_") else layer_node
            layer = self._rs().getRenderLayer(name)
            if node == "defaultRenderGlobals":
                collection = layer.renderSettingsCollectionInstance()
            else:
                collection = layer.createCollection(f"lrc_{node}")
                collection.getSelector().setPattern(cmds.listRelatives(node, parent=True)[0])
            collection.createAbsoluteOverride(node, attr).setAttrValue(value)
            return
        current = cmds.editRenderLayerGlobals(query=True, currentRenderLayer=True)
        cmds.editRenderLayerGlobals(currentRenderLayer=layer_node)
        try:
            cmds.editRenderLayerAdjustment(plug, layer=layer_node)
            cmds.setAttr(plug, value)
        finally:
            cmds.editRenderLayerGlobals(currentRenderLayer=current)

    def switch_layer(self, node: str) -> None:
        if self.render_setup_mode:
            self._rs().switchToLayerUsingLegacyName(node)
        else:
            self._cmds.editRenderLayerGlobals(currentRenderLayer=node)

    def set_modified(self, flag: bool) -> None:
        self._cmds.file(modified=flag)

    def load_plugin(self, name: str) -> None:
        try:
            self._cmds.loadPlugin(name, quiet=True)
        except RuntimeError:
            pytest.skip(f"the plug-in {name} is not installed in this Maya")

    def save_as(self, path: Path) -> None:
        self._cmds.file(rename=Path(path).as_posix())
        self._cmds.file(save=True, type="mayaAscii")
