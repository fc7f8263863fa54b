"""The scene the dialog renders: where it comes from, what it holds, the file the engine renders.

A :class:`~lrc_toolbox.core.scene_source.SceneSource` knows the scene (a ``.ma``/``.mb`` file
standalone, Maya's open scene inside Maya); this model adds what the controller needs around it:
switching files (standalone only), a summary that never raises for a bad scene, and the
``Render`` executable given at start-up filled into every job that leaves it unset.
"""

from __future__ import annotations

import os
from pathlib import Path

from lrc_toolbox.core.models import RenderConfig
from lrc_toolbox.core.output_location import OutputLocationError, resolve_output_location
from lrc_toolbox.core.scene_source import (
    FileSceneSource,
    LayerChoice,
    PreparedScene,
    ProgressCallback,
    SceneSource,
    SceneSourceError,
)
from lrc_toolbox.ui.control.abstract import ControllerError, SceneSummary
from lrc_toolbox.ui.control.retry_planning import copy_config

__all__ = ["SceneModel"]


class SceneModel:
    """The current scene source and the jobs' default ``Render`` executable.

    Args:
        source: Where the scene comes from.
        render_exe: ``Render`` to use when a job leaves it unset (``--render-exe``), or None.
    """

    def __init__(self, source: SceneSource, *, render_exe: str | None = None) -> None:
        self._source = source
        self._render_exe = render_exe

    @property
    def source(self) -> SceneSource:
        """The current scene source."""
        return self._source

    @property
    def is_file_source(self) -> bool:
        """True for a scene file (read off the GUI thread; the user may pick another file)."""
        return isinstance(self._source, FileSceneSource)

    def open(self, path: str) -> None:
        """Switch to another scene file (a running job keeps rendering its own snapshot).

        Raises:
            ControllerError: The file is missing.
        """
        target = Path(path).expanduser()
        if not target.is_file():
            raise ControllerError(f"scene not found: {target}")
        self._source = FileSceneSource(target)

    def describe(self) -> SceneSummary:
        """The scene's label, layers, frame range and renderer; a bad scene fills ``error``."""
        source = self._source
        error = ""
        layers: tuple[LayerChoice, ...] = ()
        frames = ""
        renderer = None
        notes: tuple[str, ...] = ()
        try:
            layers = tuple(source.list_layers())
        except SceneSourceError as exc:
            error = str(exc)
        try:
            frames = source.default_frames()
            renderer = source.default_renderer()
            notes = tuple(source.notes())
        except SceneSourceError as exc:
            error = error or str(exc)
        return SceneSummary(
            label=source.label,
            path=source.scene_path(),
            layers=layers,
            default_frames=frames,
            default_renderer=renderer,
            error=error,
            notes=notes,
            output_folder=self.default_output(),
        )

    def default_output(self) -> str:
        """Where images go with no Output Folder, and why (``""`` when it cannot be said)."""
        source = self._source
        try:
            path = source.scene_path()
            project = source.project_dir()
            if not path and not project:
                return ""
            location = resolve_output_location(
                path or os.path.join(os.getcwd(), "untitled.ma"), project_dir=project
            )
        except (SceneSourceError, OutputLocationError, OSError) as exc:
            return f"(unknown: {exc})"
        return location.describe()

    def with_defaults(self, config: RenderConfig) -> RenderConfig:
        """``config`` with the default ``Render`` filled in when it names none (a copy if so)."""
        if config.render_exe or not self._render_exe:
            return config
        return copy_config(config, render_exe=self._render_exe)

    def to_render(self, config: RenderConfig, prepared: PreparedScene) -> RenderConfig:
        """What the engine renders: ``config`` (with the defaults) on the prepared scene file.

        When that file is a copy (Maya's export), the artist's scene is named as its source:
        the project, the default image folder and relative paths are found from it.
        """
        source_scene = config.source_scene
        original = self._source.scene_path()
        if not source_scene and original and original != prepared.scene_file:
            source_scene = original
        return copy_config(
            self.with_defaults(config), scene_file=prepared.scene_file, source_scene=source_scene
        )

    def validate(self, config: RenderConfig) -> list[str]:
        """The scene source's checks of ``config`` (the planner checks the rest at start)."""
        return list(self._source.validate(self.with_defaults(config)))

    def prepare(
        self, config: RenderConfig, progress: ProgressCallback | None = None
    ) -> PreparedScene:
        """Let the scene source make the file to render (GUI thread inside Maya).

        Raises:
            ControllerError: The scene cannot be prepared.
            PreparationCancelled: ``progress`` returned False.
        """
        try:
            return self._source.prepare(self.with_defaults(config), progress)
        except SceneSourceError as exc:
            raise ControllerError(str(exc)) from exc
