"""What can go wrong when a Maya ASCII scene is read, patched or snapshotted.

Every reading failure is a :class:`SceneReadError` (a ``ValueError``) whose message is one line
meant for the artist; the subclasses let callers react to the cause (a Maya Binary scene can still
be rendered by naming its layers, for instance).
"""

from __future__ import annotations

__all__ = [
    "BINARY_SCENE_HINT",
    "BinarySceneError",
    "LayerNotFoundError",
    "NotMayaAsciiError",
    "SceneIsDirectoryError",
    "SceneNotFoundError",
    "ScenePermissionError",
    "SceneReadError",
]

#: Shown whenever the layers of a Maya Binary scene are asked for.
BINARY_SCENE_HINT: str = (
    "listing layers of a Maya Binary scene needs Maya; save it as .ma, or name the layers to "
    "render explicitly (--layer NAME): rendering explicitly named layers still works"
)


class SceneReadError(ValueError):
    """The scene file cannot be read as a Maya ASCII scene (the message says why)."""


class SceneNotFoundError(SceneReadError):
    """The scene file does not exist."""


class ScenePermissionError(SceneReadError):
    """The scene file exists but this user may not read it."""


class SceneIsDirectoryError(SceneReadError):
    """The path names a directory, not a scene file."""


class NotMayaAsciiError(SceneReadError):
    """The file is text but has no ``//Maya ASCII`` header: not a Maya ASCII scene."""


class BinarySceneError(SceneReadError):
    """The file is a Maya Binary scene (or other binary data), which only Maya can read."""


class LayerNotFoundError(ValueError):
    """A render layer name matches no layer of the scene (the message lists the layers)."""
