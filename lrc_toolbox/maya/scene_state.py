"""What the artist would notice if we changed it: scene name, modified flag, current layer, flags.

Reading a layer's overrides means making it the current layer, and Maya marks the scene modified
when the current layer changes. :func:`preserved_scene_state` records the state first and, on the
way out (also after an error half-way), puts every part back and checks that it is back. When it
cannot be put back, :class:`SceneStateError` says exactly what differs, so the artist checks before
saving instead of finding out later.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from lrc_toolbox.maya import host

_LOG = logging.getLogger(__name__)

#: The legacy node of masterLayer.
DEFAULT_LAYER_NODE = "defaultRenderLayer"


class SceneStateError(RuntimeError):
    """The open scene could not be put back exactly as it was (the message lists what differs)."""


@dataclass(frozen=True)
class SceneState:
    """The parts of the open scene an export or a layer switch could disturb.

    Attributes:
        scene_name: The scene's file (``""`` for an untitled scene).
        modified: Maya's "unsaved changes" flag.
        current_layer: The current ``renderLayer`` node.
        renderable: Every render layer node's renderable flag.
    """

    scene_name: str
    modified: bool
    current_layer: str
    renderable: tuple[tuple[str, bool], ...]

    def differences(self, other: SceneState) -> list[str]:
        """What differs between this (the original) and ``other`` (now), in plain words."""
        diffs = []
        if other.scene_name != self.scene_name:
            diffs.append(
                f"the scene name is {other.scene_name or 'untitled'!r}, was "
                f"{self.scene_name or 'untitled'!r}"
            )
        if other.current_layer != self.current_layer:
            diffs.append(
                f"the current render layer is {other.current_layer}, was {self.current_layer}"
            )
        before, after = dict(self.renderable), dict(other.renderable)
        for node in sorted(set(before) | set(after)):
            if before.get(node) != after.get(node):
                diffs.append(f"{node}.renderable is {after.get(node)}, was {before.get(node)}")
        if other.modified != self.modified:
            diffs.append(f"the scene's modified flag is {other.modified}, was {self.modified}")
        return diffs


def render_setup_active() -> bool:
    """True when this Maya runs Render Setup; False for legacy render layers (or pre-2017 Maya)."""
    try:
        return bool(host.maya_mel.eval("mayaHasRenderSetup()"))
    except RuntimeError:  # the procedure does not exist before Maya 2016.5: legacy layers only
        return False


def current_layer() -> str:
    """The current ``renderLayer`` node (``defaultRenderLayer`` for masterLayer)."""
    return str(host.maya_cmds.editRenderLayerGlobals(query=True, currentRenderLayer=True))


def switch_layer(node: str, render_setup: bool) -> None:
    """Make ``node`` the current render layer, the way this Maya's layer system wants it.

    Args:
        node: A ``renderLayer`` node (``rs_X`` for Render Setup layer ``X``).
        render_setup: Whether Maya runs Render Setup (switch through its API, which applies the
            layer's overrides) or legacy layers (``editRenderLayerGlobals``).
    """
    if render_setup:
        host.render_setup().switchToLayerUsingLegacyName(node)
    else:
        host.maya_cmds.editRenderLayerGlobals(currentRenderLayer=node)


def capture_state() -> SceneState:
    """Record the open scene's :class:`SceneState`."""
    cmds = host.maya_cmds
    nodes = cmds.ls(type="renderLayer") or []
    return SceneState(
        scene_name=str(cmds.file(query=True, sceneName=True) or ""),
        modified=bool(cmds.file(query=True, modified=True)),
        current_layer=current_layer(),
        renderable=tuple((node, bool(cmds.getAttr(f"{node}.renderable"))) for node in nodes),
    )


def restore_state(state: SceneState, render_setup: bool) -> None:
    """Put the current layer, renderable flags, scene name and modified flag back.

    The modified flag goes last: every other repair marks the scene modified again.
    """
    cmds = host.maya_cmds
    if current_layer() != state.current_layer:
        switch_layer(state.current_layer, render_setup)
    for node, flag in state.renderable:
        try:
            if bool(cmds.getAttr(f"{node}.renderable")) != flag:
                cmds.setAttr(f"{node}.renderable", flag)
        except ValueError:  # the layer node is gone; verification reports it
            continue
    name = str(cmds.file(query=True, sceneName=True) or "")
    if state.scene_name and name != state.scene_name:
        cmds.file(rename=state.scene_name)
    if bool(cmds.file(query=True, modified=True)) != state.modified:
        cmds.file(modified=state.modified)


@contextmanager
def preserved_scene_state(render_setup: bool | None = None) -> Iterator[SceneState]:
    """Record the scene state, run the block, then restore the state and verify it.

    Args:
        render_setup: Maya's layer mode (None: ask Maya).

    Yields:
        The recorded state.

    Raises:
        SceneStateError: The state could not be restored (chained to the block's own error, if
            the block failed too).
    """
    mode = render_setup_active() if render_setup is None else render_setup
    state = capture_state()
    failure: BaseException | None = None
    try:
        yield state
    except BaseException as exc:
        failure = exc
        raise
    finally:
        problem = _restore_and_verify(state, mode)
        if problem is not None:
            message = (
                "LRC Toolbox could not put your scene back exactly as it was: "
                f"{problem}. Check it before saving."
            )
            if failure is not None:
                _LOG.error("%s (after: %s)", message, failure)
            raise SceneStateError(message) from failure


def _restore_and_verify(state: SceneState, render_setup: bool) -> str | None:
    """Restore; return None when the scene is back, else what still differs."""
    try:
        restore_state(state, render_setup)
    except (RuntimeError, ValueError) as exc:  # Maya command errors; verification says what is off
        _LOG.warning("restoring the scene state failed: %s", exc)
    try:
        diffs = state.differences(capture_state())
    except (RuntimeError, ValueError) as exc:
        return f"the scene could not be checked ({exc})"
    return "; ".join(diffs) if diffs else None
