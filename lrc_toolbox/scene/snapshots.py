"""Per-layer scene snapshots: private copies of a scene, written into a job's temp folder.

A render never reads the artist's scene directly: :class:`SceneSnapshots` writes one copy per
layer (or group of layers), ``render_<scene>_<timestamp>_<layer>/<scene file name>``, into the
private job folder of a :class:`~lrc_toolbox.utils.temp_file_manager.TempFileManager`, which
tracks it and deletes it when the job ends (or keeps it for debugging). A Maya ASCII copy is a
streaming copy of the ``.ma`` in which exactly the chosen layers' ``renderLayer`` nodes are
renderable (see :func:`~lrc_toolbox.scene.patching.plan_renderable_patch`) and, given a
:class:`PathAnchor`, every reference, texture and cache the original finds only relative to its
own folder is named by its absolute path (:mod:`lrc_toolbox.scene.relocation`), so the copy in
the temp folder renders like the original; everything else is copied byte for byte. A Maya Binary
scene cannot be patched without Maya: :meth:`SceneSnapshots.copy_scene` copies it unchanged.

Example::

    with TempFileManager() as temp:
        scene_copy = SceneSnapshots(temp).snapshot_for_layer(read_scene("shot001.ma"), "BG")
        ...
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lrc_toolbox.scene.errors import BinarySceneError
from lrc_toolbox.scene.file_check import check_scene_file
from lrc_toolbox.scene.patching import ByteEdit, copy_with_edits, plan_renderable_patch
from lrc_toolbox.scene.relocation import plan_path_edits
from lrc_toolbox.scene.scene_info import LayerInfo, SceneInfo, read_scene
from lrc_toolbox.utils.temp_file_manager import TempFileError, TempFileManager, safe_file_component

__all__ = ["SNAPSHOT_COPY_CHUNK_BYTES", "PathAnchor", "SceneSnapshots"]

_LOG = logging.getLogger(__name__)

#: Copy buffer for unpatched copies (:meth:`SceneSnapshots.copy_scene`).
SNAPSHOT_COPY_CHUNK_BYTES: int = 1 << 20
#: What the temp folder's error messages call the files made here.
_WHAT = "snapshot"


@dataclass(frozen=True)
class PathAnchor:
    """Where the paths a scene names resolve for the artist, so a copy elsewhere finds them too.

    Attributes:
        original: The artist's scene file (its folder anchors scene-relative paths); None: the
            file being copied is the artist's own.
        project_dir: The Maya project the render uses (``-proj``), or None.
        environ: Variables for ``$VAR`` in paths (None: ``os.environ``).
    """

    original: str | Path | None = None
    project_dir: str | Path | None = None
    environ: Mapping[str, str] | None = None


class SceneSnapshots:
    """Writes private copies of a scene into one job's temp folder.

    The temp file manager owns the folder, the tracking and the cleanup; this class only decides
    what goes into each copy and how it is named. Thread-safe as far as the manager is (the
    engine may snapshot from several threads): its only state is the path rewrites of each
    source, computed once and kept under a lock.

    Args:
        temp: The job's temp folder manager; every copy is tracked by it.
        anchor: When given, a Maya ASCII copy names every reference, texture and cache the
            original finds only relative to its own folder by its absolute path
            (:mod:`lrc_toolbox.scene.relocation`), so the copy renders like the original.
    """

    def __init__(self, temp: TempFileManager, anchor: PathAnchor | None = None) -> None:
        self._temp = temp
        self._anchor = anchor
        # The path rewrites depend on the source only: one pass per source, not one per layer.
        self._edits_by_source: dict[Path, tuple[ByteEdit, ...]] = {}
        self._lock = threading.Lock()

    @property
    def temp(self) -> TempFileManager:
        """The temp folder manager the copies go into."""
        return self._temp

    def snapshot_for_layer(
        self, scene: SceneInfo | str | Path, layer: LayerInfo | str, timestamp: str | None = None
    ) -> Path:
        """Write a copy of the scene in which only ``layer`` is renderable.

        The copy is ``<job_dir>/render_<scene-stem>_<timestamp>_<safe-layer>/<scene file name>``
        (``-2``, ``-3``... is added to the folder if that name is taken): the file keeps the
        artist's name because Maya resolves ``<Scene>`` in image prefixes from it. Only the
        renderable flags of the render layer nodes differ from the source; every other byte is
        copied through. The chosen layer renders even if the artist left it non-renderable.

        Maya Binary scenes cannot be patched without Maya, so they raise
        :class:`~lrc_toolbox.scene.errors.BinarySceneError`; the caller then renders the
        original ``.mb`` with ``Render -rl <node>`` instead (naming the layer explicitly works
        for binary scenes too; only the snapshot isolation is lost).

        Args:
            scene: A :class:`SceneInfo` from :func:`read_scene`, or the scene's path.
            layer: The layer (or its artist name / node name).
            timestamp: Text for the name's timestamp field; default: now, ``YYYYmmdd-HHMMSS``.

        Returns:
            The snapshot's path (tracked for cleanup).

        Raises:
            BinarySceneError: The scene is Maya Binary.
            SceneReadError: The scene is missing, unreadable or not Maya ASCII.
            LayerNotFoundError: The layer is not in the scene.
            TempFileError: The manager was already cleaned up, or the file cannot be written.
        """
        path = Path(scene.path if isinstance(scene, SceneInfo) else scene)
        info = scene if isinstance(scene, SceneInfo) else None
        if isinstance(layer, LayerInfo):
            return self._snapshot(path, [layer.node], layer.name, timestamp)
        if info is None:
            _check_not_binary(path)
            info = read_scene(path)
        target = info.layer(layer)
        return self._snapshot(path, [target.node], target.name, timestamp)

    def snapshot_scene(
        self,
        scene_path: str | Path,
        scene: SceneInfo | None,
        nodes: Sequence[str],
        timestamp: str | None = None,
    ) -> Path:
        """Write a copy of the scene in which exactly the given layer nodes are renderable.

        The several-layer form of :meth:`snapshot_for_layer` (one ``Render`` process for several
        layers). The name's layer field joins the layers' artist names with ``+``.

        Args:
            scene_path: The ``.ma`` scene.
            scene: Its :class:`SceneInfo` (used for the artist names), or ``None``.
            nodes: ``renderLayer`` node names (``rs_X``, ``defaultRenderLayer``...).
            timestamp: Text for the name's timestamp field; default: now.

        Returns:
            The snapshot's path (tracked for cleanup).

        Raises:
            BinarySceneError: The scene is Maya Binary: render the original with ``-rl``.
            SceneReadError: The scene is missing, unreadable or not Maya ASCII.
            LayerNotFoundError: A node is not a render layer of the scene, or none was given.
            TempFileError: The manager was already cleaned up, or the file cannot be written.
        """
        names = {lay.node: lay.name for lay in scene.layers} if scene is not None else {}
        label = "+".join(names.get(node, node) for node in nodes)
        return self._snapshot(Path(scene_path), list(nodes), label, timestamp)

    def copy_scene(self, scene_path: str | Path, label: str, timestamp: str | None = None) -> Path:
        """Copy a scene byte for byte into the job folder (Maya Binary scenes cannot be patched).

        Args:
            scene_path: The scene to copy.
            label: Text for the name's layer field (made safe for file names).
            timestamp: Text for the name's timestamp field; default: now.

        Returns:
            ``render_<scene-stem>_<timestamp>_<label>/<scene file name>`` in the job folder
            (tracked for cleanup).

        Raises:
            TempFileError: The manager was cleaned up, or the copy failed.
        """
        self._temp.ensure_open()
        source = Path(scene_path)
        out, path = self._temp.open_new_file(
            _folder_name(source, label, timestamp), source.name, what=_WHAT
        )
        try:
            with out, open(source, "rb") as src:
                shutil.copyfileobj(src, out, SNAPSHOT_COPY_CHUNK_BYTES)
        except OSError as exc:
            _remove_quietly(path)
            raise TempFileError(f"cannot copy {source} to {path}: {exc}") from None
        self._temp.track(path)
        return path

    def _snapshot(self, source: Path, nodes: list[str], label: str, timestamp: str | None) -> Path:
        self._temp.ensure_open()
        _check_not_binary(source)
        patch = plan_renderable_patch(source, nodes)
        edits = _merged(patch.edits, self._path_edits(source))
        out, path = self._temp.open_new_file(
            _folder_name(source, label, timestamp), source.name, what=_WHAT
        )
        try:
            with out, open(source, "rb") as src:
                copy_with_edits(src, out, edits, patch.tail)
        except OSError as exc:
            _remove_quietly(path)
            raise TempFileError(f"cannot write snapshot {path}: {exc}") from None
        except BaseException:
            _remove_quietly(path)
            raise
        self._temp.track(path)
        return path

    def _path_edits(self, source: Path) -> tuple[ByteEdit, ...]:
        """The path rewrites of :class:`PathAnchor` (none without an anchor)."""
        anchor = self._anchor
        if anchor is None:
            return ()
        with self._lock:
            cached = self._edits_by_source.get(source)
        if cached is not None:
            return cached
        edits, rewrites = plan_path_edits(
            source,
            original=anchor.original,
            project_dir=anchor.project_dir,
            environ=anchor.environ,
        )
        for rewrite in rewrites:
            _LOG.info(
                "snapshot of %s: %s %r of %s -> %s",
                source.name,
                rewrite.kind,
                rewrite.written,
                rewrite.node or "the scene",
                rewrite.absolute,
            )
        with self._lock:
            self._edits_by_source[source] = edits
        return edits


def _merged(*groups: Sequence[ByteEdit]) -> tuple[ByteEdit, ...]:
    """Sorted edits of several plans; they touch different statements, never the same bytes."""
    edits = sorted((e for group in groups for e in group), key=lambda e: (e.start, e.end))
    for before, after in zip(edits, edits[1:], strict=False):
        if after.start < before.end:
            raise ValueError(f"overlapping scene edits at byte {after.start}")
    return tuple(edits)


def _folder_name(source: Path, label: str, timestamp: str | None) -> str:
    """``render_<scene-stem>_<timestamp>_<label>``, every field made safe for file names."""
    stamp = safe_file_component(timestamp or time.strftime("%Y%m%d-%H%M%S"))
    return f"render_{safe_file_component(source.stem)}_{stamp}_{safe_file_component(label)}"


def _check_not_binary(source: Path) -> None:
    """Raise the snapshot-specific error for Maya Binary scenes (and the usual read errors)."""
    try:
        check_scene_file(source)
    except BinarySceneError:
        raise BinarySceneError(
            f"cannot snapshot {source}: patching a Maya Binary scene needs Maya; render the "
            "original file with Render -rl <layer node> instead (explicitly named layers "
            "still render)"
        ) from None


def _remove_quietly(path: Path) -> None:
    """Remove a half-written copy; a failure is only logged (the job folder goes later anyway)."""
    try:
        path.unlink()
    except OSError as exc:
        _LOG.warning("could not remove partial snapshot %s: %s", path, exc)
