"""``MayaSceneSource``: the scene open in Maya, as a ``SceneSource`` (core/scene_source.py).

The dialog and the TD workflow talk to this object exactly as they talk to a scene file outside
Maya. Listing layers is cheap (nothing is switched). :meth:`MayaSceneSource.validate` and
:meth:`MayaSceneSource.prepare` read each chosen layer's settings with its overrides (making it
current in turn, then putting the artist's scene back), and :meth:`~MayaSceneSource.prepare` writes
the one snapshot the engine renders from (see :mod:`lrc_toolbox.maya.snapshot`). Everything that
touches the scene runs on Maya's main thread, whichever thread calls.

The snapshot lives until the job no longer needs it: call :meth:`MayaSceneSource.release`, or let
:meth:`MayaSceneSource.release_when_finished` do it when the job has rendered every frame (a failed
job keeps it for a retry); whatever is left is removed when Maya quits.
"""

from __future__ import annotations

import atexit
import threading
import weakref
from pathlib import Path
from typing import Any

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.models import RenderConfig
from lrc_toolbox.core.scene_source import (
    LayerChoice,
    PreparedScene,
    ProgressCallback,
    SceneSourceError,
)
from lrc_toolbox.maya import host
from lrc_toolbox.maya.layers import (
    LayerDetails,
    LayerMode,
    images_dir,
    list_scene_layers,
    project_dir,
    read_current_layer_details,
    rebase_template,
)
from lrc_toolbox.maya.progress import StepProgress
from lrc_toolbox.maya.snapshot import SceneSnapshot, export_open_scene
from lrc_toolbox.maya.validation import (
    default_temp_dir,
    disk_problems,
    estimate_temp_bytes,
    find_problems,
    gather_facts,
)

#: Share of the progress bar for reading layers; the export takes the rest.
READ_SHARE: float = 0.3

_SOURCES: weakref.WeakSet[MayaSceneSource] = weakref.WeakSet()


@atexit.register
def _release_everything_at_exit() -> None:
    for source in list(_SOURCES):
        source.release_all()


class MayaSceneSource:
    """The scene open in Maya.

    Args:
        temp_root: Parent folder of the snapshots' private folders (None: the system temp folder,
            the same disk the engine's per-layer copies go to).
    """

    def __init__(self, *, temp_root: str | Path | None = None) -> None:
        self._temp_root = temp_root
        self._lock = threading.Lock()
        self._snapshots: dict[str, SceneSnapshot] = {}
        _SOURCES.add(self)

    # -- SceneSource ------------------------------------------------------------------------------
    @property
    def label(self) -> str:
        """``shot001.ma (open in Maya)`` or ``untitled scene (open in Maya)``."""
        path = self.scene_path()
        return f"{Path(path).name} (open in Maya)" if path else "untitled scene (open in Maya)"

    def scene_path(self) -> str | None:
        """The open scene's file, or None when it was never saved."""
        return host.on_main_thread(_scene_name) or None

    def list_layers(self) -> list[LayerChoice]:
        """The render layers, masterLayer first; the current layer carries its renderer and range.

        Other layers' renderer and range may be overridden; they are read (by switching layers)
        only when a job is validated or prepared, so opening the dialog stays instant.
        """
        return host.on_main_thread(_list_layers)

    def default_frames(self) -> str:
        """The frames Maya renders for the current layer (its current frame if animation is off)."""
        return host.on_main_thread(_current_details).frame_range

    def notes(self) -> list[str]:
        """What to tell the artist about the scene (layers that are not layers, a still frame)."""
        return host.on_main_thread(_scene_notes)

    def default_renderer(self) -> str | None:
        """The current layer's renderer (``redshift``, ``arnold``...), None when unset."""
        return host.on_main_thread(_current_details).renderer or None

    def project_dir(self) -> str | None:
        """Maya's current project (where the artist's own renders of the scene go)."""
        return str(host.on_main_thread(project_dir)) or None

    def validate(self, config: RenderConfig) -> list[str]:
        """Every problem that would make the job fail, as sentences with a way out.

        Reads each chosen layer's settings (switching layers, then restoring the scene).
        """

        def run() -> list[str]:
            with StepProgress("LRC Toolbox: checking the scene") as steps:
                facts = gather_facts(config, steps.sub(0.0, 1.0), self._temp_dir())
            return find_problems(facts, config)

        return host.on_main_thread(run)

    def prepare(
        self, config: RenderConfig, progress: ProgressCallback | None = None
    ) -> PreparedScene:
        """Check the job, then export the one snapshot the engine renders from.

        Fills ``config.project_dir`` with Maya's current project when it is empty: the snapshot
        lives in a temp folder, so relative texture and reference paths need the project.

        Args:
            config: The job (its ``layers``, ``renderer``, ``output_dir`` are used).
            progress: ``(fraction, message) -> False to cancel``; None: Maya's progress window.

        Returns:
            The snapshot file and each layer's image templates.

        Raises:
            SceneSourceError: A problem (all of them, one per line), or the export failed.
            PreparationCancelled: Cancel was pressed; nothing was left on disk.
        """
        snapshot, templates, notes = host.on_main_thread(self._prepare, config, progress)
        with self._lock:
            self._snapshots[str(snapshot.path)] = snapshot
        return PreparedScene(
            scene_file=str(snapshot.path), image_templates=templates, notes=tuple(notes)
        )

    # -- snapshot lifetime ------------------------------------------------------------------------
    def release(self, scene_file: str | PreparedScene) -> bool:
        """Delete a snapshot made by :meth:`prepare` (once its job has made its layer copies).

        Returns:
            True when it was one of this source's snapshots.
        """
        key = scene_file.scene_file if isinstance(scene_file, PreparedScene) else str(scene_file)
        with self._lock:
            snapshot = self._snapshots.pop(key, None)
        if snapshot is None:
            return False
        snapshot.release()
        return True

    def release_all(self) -> None:
        """Delete every snapshot this source still holds."""
        with self._lock:
            snapshots, self._snapshots = list(self._snapshots.values()), {}
        for snapshot in snapshots:
            snapshot.release()

    def release_when_finished(
        self, api: Any, handle: Any, prepared: PreparedScene, *, keep_failed: bool = True
    ) -> None:
        """Delete ``prepared``'s snapshot when the job rendering from it ends well.

        The engine copies the snapshot per layer when each layer's first task starts, so it must
        live at least until then; the end of the job is the simple safe point. A job that did not
        render every frame keeps its snapshot (``api.retry(job_id)`` and the dialog's Retry Failed
        render from it) until :meth:`release_all` or Maya quits.

        Args:
            api: The :class:`~lrc_toolbox.core.batch_render_api.BatchRenderAPI` running the job.
            handle: The job's :class:`~lrc_toolbox.core.batch_render_api.JobHandle`.
            prepared: What :meth:`prepare` returned.
            keep_failed: Keep the snapshot of a job that failed or was cancelled.
        """
        job_id = handle.job_id
        once = threading.Lock()  # the event and the check below may both see the end

        def finished(ok: bool) -> None:
            if not once.acquire(blocking=False):
                return
            unsubscribe()
            if ok or not keep_failed:
                self.release(prepared)

        def on_event(event: ev.Event) -> None:
            if isinstance(event, ev.JobFinished) and event.job_id == job_id:
                finished(event.ok)

        unsubscribe = api.subscribe(on_event)
        result = handle.result
        if result is not None:  # it ended before we listened (the result is set before the event)
            finished(result.ok)

    @property
    def snapshots(self) -> tuple[Path, ...]:
        """The snapshot files still held."""
        with self._lock:
            return tuple(s.path for s in self._snapshots.values())

    # -- internals (main thread) ------------------------------------------------------------------
    def _temp_dir(self) -> Path:
        return Path(self._temp_root) if self._temp_root is not None else default_temp_dir()

    def _prepare(
        self, config: RenderConfig, progress: ProgressCallback | None
    ) -> tuple[SceneSnapshot, dict[str, list[str]], list[str]]:
        with StepProgress("LRC Toolbox: scene snapshot", progress) as steps:
            facts = gather_facts(config, steps.sub(0.0, READ_SHARE), self._temp_dir())
            problems = find_problems(facts, config)
            if problems:
                raise SceneSourceError("\n".join(problems))
            # No read-back of the export here: the engine's planner reads it (and checks the
            # layers) when the job is submitted, off Maya's main thread in the dialog.
            snapshot = export_open_scene(
                temp_root=self._temp_root,
                keep=config.keep_temp,
                progress=steps.sub(READ_SHARE, 1.0),
                render_setup=facts.layers.mode is LayerMode.RENDER_SETUP,
            )
        try:
            needed = estimate_temp_bytes(snapshot.size_bytes, len(facts.chosen), exported=True)
            problems = disk_problems(needed, snapshot.folder)
            if problems:
                raise SceneSourceError("\n".join(problems))
            if not config.project_dir:
                config.project_dir = project_dir()
            # The export lives in a temp folder: relative paths resolve from the artist's file.
            if not config.source_scene:
                config.source_scene = _scene_name() or None
            templates, notes = _templates(facts.details or (), config)
            notes = [*facts.layers.notes(), *notes]
        except BaseException:
            snapshot.release()
            raise
        return snapshot, templates, notes


def _scene_name() -> str:
    return str(host.maya_cmds.file(query=True, sceneName=True) or "")


def _list_layers() -> list[LayerChoice]:
    layers = list_scene_layers()
    current = next((layer for layer in layers.layers if layer.node == layers.current), None)
    details = read_current_layer_details(current) if current is not None else None
    choices = []
    for layer in layers.layers:
        known = details is not None and layer is current
        choices.append(
            LayerChoice(
                name=layer.name,
                node=layer.node,
                renderable=layer.renderable,
                renderer=details.renderer if known and details else None,
                frame_range=details.frame_range if known and details else None,
            )
        )
    return choices


def _scene_notes() -> list[str]:
    layers = list_scene_layers()
    notes = list(layers.notes())
    current = next((layer for layer in layers.layers if layer.node == layers.current), None)
    if current is not None:
        details = read_current_layer_details(current)
        if not details.animation:
            notes.append(
                f"{current.name}: animation is off (Render Settings), so Maya renders only the "
                f"current frame {details.frame_range}, as a still (no frame number in the "
                "image name); type frames to render a numbered range"
            )
    return notes


def _current_details() -> LayerDetails:
    layers = list_scene_layers()
    current = next(
        (layer for layer in layers.layers if layer.node == layers.current), layers.layers[0]
    )
    return read_current_layer_details(current)


def _templates(
    details: tuple[LayerDetails, ...], config: RenderConfig
) -> tuple[dict[str, list[str]], list[str]]:
    """Per layer (artist name and any other name the user typed), its image templates."""
    notes: list[str] = []
    by_layer: dict[str, list[str]] = {}
    folder = images_dir() if config.output_dir else ""
    for d in details:
        templates = list(d.image_templates)
        if config.output_dir:
            moved = [rebase_template(t, folder, config.output_dir) for t in templates]
            templates = [t for t in moved if t is not None]
        if not templates:
            notes.append(
                f"The image names of {d.layer.name} could not be predicted; frames are "
                "verified from the paths the renderer reports."
            )
            continue
        by_layer[d.layer.name] = templates
        if d.layer.node in config.layers and d.layer.node != d.layer.name:
            by_layer[d.layer.node] = templates  # the engine keys layers by the name typed
    return by_layer, notes
