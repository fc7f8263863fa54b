"""Where a job's scene comes from: a ``.ma``/``.mb`` file on disk, or the scene open in Maya.

The dialog and the TD API talk to a :class:`SceneSource` so they work the same inside Maya (layers
from ``maya.cmds``, a snapshot exported on Maya's main thread) and standalone (layers from the
``.ma`` reader, the file itself). Only :class:`FileSceneSource` lives here; the Maya one lives in
``lrc_toolbox.maya`` because it imports ``maya.*``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from lrc_toolbox.core.models import RenderConfig
from lrc_toolbox.scene import BinarySceneError, SceneInfo, SceneReadError, read_scene

#: Progress callback for long preparations: (fraction 0..1, message) -> False to cancel.
ProgressCallback = Callable[[float, str], bool]


class SceneSourceError(ValueError):
    """The scene cannot be used; the message says why and what to do."""


class PreparationCancelled(RuntimeError):
    """The user cancelled while the scene was being prepared (nothing was started)."""


@dataclass(frozen=True)
class LayerChoice:
    """A render layer the user can tick.

    Attributes:
        name: As the artist sees it (``MASTER_BG_A``, ``masterLayer``, ``env:trees``).
        node: The renderLayer node ``Render -rl`` takes (``rs_MASTER_BG_A``).
        renderable: The layer's renderable flag in the scene.
        renderer: The layer's renderer when known (per-layer overrides), else None.
        frame_range: The layer's frame range as text when known, else None.
    """

    name: str
    node: str
    renderable: bool
    renderer: str | None = None
    frame_range: str | None = None


@dataclass(frozen=True)
class PreparedScene:
    """What the engine renders: a scene file, plus the output naming when the source knows it.

    Attributes:
        scene_file: File for :attr:`RenderConfig.scene_file` (a snapshot inside Maya).
        image_templates: Per layer name, image path templates with ``{frame_signed:04d}``-style
            fields (from Maya's render settings), for precise verification and skip-existing.
        notes: Things worth telling the user.
    """

    scene_file: str
    image_templates: dict[str, list[str]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


@runtime_checkable
class SceneSource(Protocol):
    """A scene to render, as the dialog and the API need it."""

    @property
    def label(self) -> str:
        """Short description for the UI (``shot001.ma`` or ``shot001.ma (open in Maya)``)."""
        ...

    def scene_path(self) -> str | None:
        """The scene file on disk, or None for an untitled scene."""
        ...

    def list_layers(self) -> list[LayerChoice]:
        """The scene's render layers (raises :class:`SceneSourceError` when they can't be listed)."""
        ...

    def default_frames(self) -> str:
        """The frames Maya renders for the scene as a frame string (``1-24``, or ``537``: the
        current frame when the scene's animation flag is off)."""
        ...

    def default_renderer(self) -> str | None:
        """The scene's renderer name (``redshift``), or None when unknown."""
        ...

    def notes(self) -> list[str]:
        """What to tell the user about the scene before a job (current frame, overrides...)."""
        ...

    def project_dir(self) -> str | None:
        """The Maya project renders of this scene use when the user names none.

        None: found from the scene file's folder (a file on disk); inside Maya, Maya's current
        project (the one the artist's own renders use).
        """
        ...

    def validate(self, config: RenderConfig) -> list[str]:
        """Problems that would make the job fail, each an artist-readable sentence with a way out."""
        ...

    def prepare(
        self, config: RenderConfig, progress: ProgressCallback | None = None
    ) -> PreparedScene:
        """Make the file the engine renders (inside Maya: a snapshot on the main thread).

        Raises:
            SceneSourceError: The scene cannot be prepared.
            PreparationCancelled: ``progress`` returned False.
        """
        ...


class FileSceneSource:
    """A scene file on disk (standalone dialog, CLI, TD scripts outside Maya)."""

    def __init__(self, path: str | Path) -> None:
        self._path = Path(path).expanduser()
        self._info: SceneInfo | None = None
        self._binary = False

    @property
    def label(self) -> str:
        """The file name."""
        return self._path.name

    def scene_path(self) -> str | None:
        """The file."""
        return str(self._path)

    def _scene(self) -> SceneInfo | None:
        if self._info is None and not self._binary:
            try:
                self._info = read_scene(self._path)
            except BinarySceneError:
                self._binary = True
            except SceneReadError as exc:
                raise SceneSourceError(str(exc)) from exc
        return self._info

    def list_layers(self) -> list[LayerChoice]:
        """Layers from the ``.ma`` reader (a ``.mb`` raises: listing needs Maya)."""
        info = self._scene()
        if info is None:
            raise SceneSourceError(
                f"{self._path.name} is a Maya Binary scene: listing its layers needs Maya. "
                "Type the layer names, or save the scene as .ma"
            )
        return [
            LayerChoice(
                layer.name,
                layer.node,
                layer.renderable,
                renderer=layer.renderer,
                frame_range=layer.frames,
            )
            for layer in info.layers
        ]

    def default_frames(self) -> str:
        """The frames Maya renders for masterLayer: its range, or the current frame when the
        scene's animation flag is off (each layer's own frames apply when the field stays empty)."""
        info = self._scene()
        if info is None:
            return ""
        return info.layers[0].frames

    def default_renderer(self) -> str | None:
        """masterLayer's renderer (``mayaSoftware`` when the file sets none: Maya's default)."""
        info = self._scene()
        return info.layers[0].renderer if info is not None else None

    def notes(self) -> list[str]:
        """The reader's notes: scene warnings and each layer's (current frame, overrides)."""
        info = self._scene()
        return list(info.notes()) if info is not None else []

    def project_dir(self) -> str | None:
        """None: the project is found from the file's folder (``workspace.mel`` above it)."""
        return None

    def validate(self, config: RenderConfig) -> list[str]:
        """File-level checks; the planner checks the rest when the job is planned."""
        if not self._path.is_file():
            return [f"The scene {self._path} does not exist any more: pick it again."]
        return []

    def prepare(
        self, config: RenderConfig, progress: ProgressCallback | None = None
    ) -> PreparedScene:
        """Nothing to export: the engine snapshots the file itself."""
        if progress is not None and progress(1.0, "scene file ready") is False:
            raise PreparationCancelled("cancelled")
        return PreparedScene(scene_file=str(self._path))
