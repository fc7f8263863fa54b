"""Fake ``maya.app.renderSetup.model.renderSetup``: ``instance()`` and the layer wrappers.

Layer objects are thin views over the fake scene's ``renderLayer`` nodes, like Maya's wrappers
over its nodes: ``isRenderable`` reads the legacy node's ``renderable`` attribute.
"""

from __future__ import annotations

from .... import _state
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
        """Make the layer whose legacy node is ``name`` visible."""
        _state.current().switch_layer(name)


_INSTANCE = RenderSetup()


def instance() -> RenderSetup:
    """The Render Setup singleton (only while Maya runs Render Setup)."""
    if not _state.current().render_setup_mode:
        raise RuntimeError("Render Setup is not active: Maya runs legacy render layers")
    return _INSTANCE
