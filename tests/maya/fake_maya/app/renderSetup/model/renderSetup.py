"""Fake ``maya.app.renderSetup.model.renderSetup``: ``instance()`` and the layer wrappers.

Layer objects are thin views over the fake scene's ``renderLayer`` nodes, like Maya's wrappers
over its nodes: ``isRenderable`` reads the legacy node's ``renderable`` attribute.

Behaviour copied from Maya's own ``maya/app/renderSetup/model/renderSetup.py`` (Autodesk 2016; a
public copy is quoted in ``docs/research/maya_facts.md`` section 7, signatures confirmed by
LumaPictures/cg-stubs): ``instance()`` creates the ``renderSetup`` node when there is none ("Return
the render setup singleton node, creating it if required"), whatever the layer mode;
``switchToLayerUsingLegacyName`` with a name no layer has warns and switches to masterLayer;
``getRenderLayer`` with an unknown name raises a plain ``Exception``. ``getRenderLayers`` lists
this scene's layers only: a reference's Render Setup layers hang off the reference's own
``renderSetup`` node (INFERRED from the ``.ma`` graph, ``renderSetup.lit -> layer.pls``).
"""

from __future__ import annotations

from .... import _state, cmds
from ...._state import DEFAULT_LAYER


class RenderLayer:
    """A Render Setup layer (``renderSetupLayer`` node ``name``)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        """The layer's name as the artist sees it."""
        return self._name

    def _node(self) -> str:
        m = _state.current()
        for node, layer in m.layers.items():
            if layer.rs_layer == self._name:
                return node
        raise RuntimeError(f"render setup layer '{self._name}' has no legacy render layer")

    def isRenderable(self) -> bool:  # noqa: N802 - Maya's name
        """The renderable flag."""
        return bool(_state.current().layers[self._node()].renderable)

    def setRenderable(self, value: bool) -> None:  # noqa: N802 - Maya's name
        """Set the renderable flag (marks the scene modified)."""
        _state.current().set_value(f"{self._node()}.renderable", bool(value))


class DefaultRenderLayer(RenderLayer):
    """masterLayer; ``name()`` is ``defaultRenderLayer`` as in Maya."""

    def __init__(self) -> None:
        super().__init__(DEFAULT_LAYER)

    def _node(self) -> str:
        return DEFAULT_LAYER


class RenderSetup:
    """The scene's Render Setup model."""

    def getRenderLayers(self) -> list[RenderLayer]:  # noqa: N802 - Maya's name
        """The Render Setup layers in the Render Setup window's order (not masterLayer)."""
        return [RenderLayer(name) for name in _state.current().rs_order]

    def getRenderLayer(self, name: str) -> RenderLayer:  # noqa: N802 - Maya's name
        """One layer by name."""
        if name not in _state.current().rs_order:
            raise Exception(f"Render layer '{name}' not found")  # Maya raises a plain Exception
        return RenderLayer(name)

    def getDefaultRenderLayer(self) -> DefaultRenderLayer:  # noqa: N802 - Maya's name
        """masterLayer."""
        return DefaultRenderLayer()

    def getVisibleRenderLayer(self) -> RenderLayer:  # noqa: N802 - Maya's name
        """The layer shown in the viewport (the current layer)."""
        m = _state.current()
        node = m.current_layer
        if node == DEFAULT_LAYER:
            return DefaultRenderLayer()
        return RenderLayer(m.layers[node].rs_layer or node)

    def switchToLayer(self, layer: RenderLayer) -> None:  # noqa: N802 - Maya's name
        """Make ``layer`` visible (applies its overrides, marks the scene modified)."""
        _state.current().switch_layer(layer._node())

    def switchToLayerUsingLegacyName(self, name: str) -> None:  # noqa: N802 - Maya's name
        """Make the layer whose legacy node is ``name`` visible.

        Maya: for a name that is not ``defaultRenderLayer`` and no Render Setup layer's legacy
        node, ``cmds.warning(kUnknownLegacyRenderLayer % renderLayerName)`` and then
        ``switchToLayer(None)``, which is masterLayer. It does not raise. (The warning's wording
        is Maya's resource string, not published; the fake's text is its own.)
        """
        m = _state.current()
        layer = m.layers.get(name)
        if name != DEFAULT_LAYER and (layer is None or not layer.rs_layer):
            cmds.warning(f"Unknown legacy render layer: {name}")
            name = DEFAULT_LAYER
        m.switch_layer(name)


_INSTANCE = RenderSetup()


def hasInstance() -> bool:  # noqa: N802 - Maya's name
    """Maya: "Return true if the render setup node exists" (no side effect)."""
    m = _state.current()
    return m.render_setup_node or bool(m.rs_order)


def instance() -> RenderSetup:
    """The Render Setup singleton, creating the ``renderSetup`` node if there is none.

    Maya creates it on demand in any scene, a legacy one included ("It is not implemented as a
    default node, and therefore is not created on file new, but rather created on demand").
    """
    m = _state.current()
    m.render_setup_node = True
    return _INSTANCE
