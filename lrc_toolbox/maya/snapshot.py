"""The scene snapshot: ONE Maya ASCII export of the open scene, into a private temp folder.

Why one export and not one per layer: the renders need one ``.ma`` per layer in which exactly that
layer is renderable. Making those inside Maya would mean, per layer, flipping the artist's
renderable flags, exporting the whole (possibly huge) scene, and flipping them back: N heavy exports
on Maya's main thread and N chances to leave the artist's flags wrong. Instead Maya exports the
scene once, exactly as it is, with ``file -exportAll -type mayaAscii -preserveReferences`` (which
leaves the open scene's name and modified flag alone, unlike *Save As*), and the engine makes the
per-layer copies from that file outside Maya, by streaming it through its tested ``.ma`` patcher
(:meth:`~lrc_toolbox.scene.snapshots.SceneSnapshots.snapshot_scene`: only the
``renderLayer`` nodes' ``.rndr`` flags differ, every other byte is copied). Maya is busy for one
export; the artist's scene is never edited; unsaved changes and untitled scenes are included
because the export writes what is in memory. References stay references (``preserveReferences``),
so the snapshot is small and the renders load the same referenced files.

The export runs on Maya's main thread (Maya's API is not thread-safe) with a progress display and
Cancel before and after it (one ``file`` command cannot be interrupted half-way), inside
:func:`~lrc_toolbox.maya.scene_state.preserved_scene_state`, so the scene name, modified flag,
current layer and renderable flags are verified (and repaired) afterwards even when the export
fails half-way. A failed or cancelled export leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lrc_toolbox.core.scene_source import SceneSourceError
from lrc_toolbox.maya import host
from lrc_toolbox.maya.progress import StepProgress, SubProgress
from lrc_toolbox.maya.scene_state import preserved_scene_state
from lrc_toolbox.scene import SceneInfo, SceneReadError, read_scene
from lrc_toolbox.utils.temp_file_manager import TempFileError, TempFileManager, safe_file_component

#: Maya's file type for the export (the engine can read and patch only Maya ASCII).
EXPORT_TYPE = "mayaAscii"
#: The name Maya gives a scene that was never saved.
UNTITLED_STEM = "untitled"


@dataclass
class SceneSnapshot:
    """The export of the open scene, in its own private temp folder.

    Attributes:
        path: The ``.ma`` file (render from this; the engine copies it per layer).
        scene_name: The artist's scene file (``""`` for an untitled scene).
        size_bytes: Size of the export.
        scene: The export as the engine's reader sees it, when it was checked (``layer_nodes``).
    """

    path: Path
    scene_name: str
    size_bytes: int
    scene: SceneInfo | None
    _temp: TempFileManager = field(repr=False)

    @property
    def folder(self) -> Path:
        """The private folder holding the export."""
        return self._temp.job_dir

    def release(self) -> tuple[Path, ...]:
        """Delete the export and its folder (unless created with ``keep``).

        Returns:
            Paths that could not be removed.
        """
        return self._temp.cleanup_all()


def snapshot_file_name(scene_name: str) -> str:
    """``shot001.ma`` for ``/proj/scenes/shot001.mb``; ``untitled.ma`` for an untitled scene."""
    stem = Path(scene_name.replace("\\", "/")).stem if scene_name else UNTITLED_STEM
    return f"{safe_file_component(stem or UNTITLED_STEM)}.ma"


def export_open_scene(
    *,
    layer_nodes: Sequence[str] = (),
    temp_root: str | Path | None = None,
    keep: bool = False,
    progress: StepProgress | SubProgress | None = None,
    render_setup: bool | None = None,
) -> SceneSnapshot:
    """Export the open scene once, as Maya ASCII, into a new private temp folder (main thread).

    Args:
        layer_nodes: ``renderLayer`` nodes that must be in the export: when given, the export is
            read back with the engine's reader and checked, on this (Maya's main) thread, at
            about 70 MB/s. The engine's planner checks the layers again anyway when the job is
            submitted (off Maya's main thread in the dialog), so callers may skip this.
        temp_root: Parent of the private folder (None: the system temp folder, like the engine).
        keep: Keep the export on :meth:`SceneSnapshot.release` (debugging).
        progress: Progress display with Cancel.
        render_setup: Maya's layer mode (None: ask Maya).

    Returns:
        The snapshot; call :meth:`SceneSnapshot.release` once the job no longer needs it.

    Raises:
        SceneSourceError: The export or its check failed (nothing is left on disk).
        PreparationCancelled: Cancel was pressed (nothing is left on disk).
        SceneStateError: The open scene could not be put back exactly.
    """
    cmds = host.maya_cmds
    try:
        temp = TempFileManager(root=temp_root, keep=keep)
    except TempFileError as exc:
        raise SceneSourceError(
            f"Cannot create a temporary folder for the scene snapshot: {exc}. "
            "Point TMPDIR (TEMP on Windows) at a writable disk and restart "
            "Maya."
        ) from exc
    done = False
    try:
        with preserved_scene_state(render_setup) as state:
            path = temp.track(temp.job_dir / snapshot_file_name(state.scene_name))
            if progress is not None:
                progress.step(0.0, "Writing the scene snapshot (a heavy scene takes a while)")
            try:
                cmds.file(
                    str(path), exportAll=True, type=EXPORT_TYPE, force=True, preserveReferences=True
                )
            except RuntimeError as exc:
                raise SceneSourceError(
                    f"Maya could not write the scene snapshot {path}: {exc}. Check the free "
                    "disk space in the temporary folder, then try again."
                ) from exc
        info = None
        if layer_nodes:
            if progress is not None:
                progress.step(0.8, "Checking the scene snapshot")
            info = _read_export(path, layer_nodes)
        size = path.stat().st_size
        snapshot = SceneSnapshot(path, state.scene_name, size, info, temp)
        if progress is not None:
            progress.step(1.0, f"Scene snapshot written ({size / 2**20:.1f} MB)")
        done = True
        return snapshot
    finally:
        if not done:
            temp.keep = False  # a broken or cancelled export is never worth keeping
            temp.cleanup_all()


def _read_export(path: Path, layer_nodes: Sequence[str]) -> SceneInfo:
    """Read the export back with the engine's reader; every wanted layer must be in it."""
    try:
        info = read_scene(path)
    except SceneReadError as exc:
        raise SceneSourceError(f"The scene snapshot {path} cannot be read back: {exc}") from exc
    present = {layer.node for layer in info.layers}
    lost = [node for node in layer_nodes if node not in present]
    if lost:
        raise SceneSourceError(
            f"The scene snapshot lacks the render layer(s) {', '.join(lost)}: they may come from a "
            "reference that did not export. Import the reference or render those layers from a "
            "saved scene file."
        )
    return info
