"""Private temp folders and per-layer scene snapshots for one render job.

A render never reads the artist's scene directly: the manager writes one snapshot per layer,
``render_<scene>_<timestamp>_<layer>.ma``, into a private job folder, renders that, and deletes
it when the job ends (or keeps it for debugging). Outside Maya a snapshot is a streaming copy of
the ``.ma`` in which exactly the chosen layer's ``renderLayer`` node is renderable; everything
else is copied byte for byte (see :func:`lrc_toolbox.utils.ma_reader.plan_renderable_patch`).

Where files go: ``<root>/job-<time>-<random>/`` when a ``root`` is given, otherwise
``<tempfile.gettempdir()>/lrc_toolbox-<user>/job-<time>-<random>/``. Job folders are created with
mode 0700 by :func:`tempfile.mkdtemp`.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import re
import shutil
import stat
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import psutil

from lrc_toolbox.utils.ma_reader import (
    BinarySceneError,
    ByteEdit,
    LayerInfo,
    SceneInfo,
    check_scene_file,
    plan_renderable_patch,
    read_scene,
)

__all__ = ["MAX_COMPONENT_CHARS", "TempFileManager", "TempFileError", "safe_file_component"]

_LOG = logging.getLogger(__name__)

#: Longest file-name component :func:`safe_file_component` returns.
MAX_COMPONENT_CHARS: int = 64
#: Hex digits of the name hash appended when a name had to be changed.
HASH_CHARS: int = 10
#: Copy buffer for snapshots.
COPY_CHUNK_BYTES: int = 1 << 20
#: How many ``-2``, ``-3``... suffixes to try when a snapshot name is taken.
MAX_NAME_ATTEMPTS: int = 1000
PRIVATE_DIR_MODE: int = 0o700

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_HASH_TAIL = re.compile(rf"-[0-9a-f]{{{HASH_CHARS}}}$")
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{i}" for i in range(10)}
    | {f"LPT{i}" for i in range(10)}
)


class TempFileError(ValueError):
    """A temp folder cannot be created or used (bad root, permissions, cleaned-up manager)."""


#: File in each job folder naming the process that owns it (pid and start time).
OWNER_MARKER = ".owner.json"


def safe_file_component(name: str) -> str:
    """Make ``name`` safe as one file-name component on Windows, macOS and Linux.

    Keeps ``A-Z a-z 0-9 . _ -``; accented letters become their ASCII base letter; everything
    else (``/``, ``\\``, ``..``, quotes, ``;``, ``$()``, spaces, newlines, NUL, other unicode)
    becomes ``_``. Leading dots/dashes and Windows device names (``CON``, ``NUL``...) are
    defused. When anything had to change, or the name is longer than
    :data:`MAX_COMPONENT_CHARS`, a hash of the original is appended (``env_trees-1a2b3c4d5e``),
    so two different names never give the same result; an already-safe name is returned as is
    (unless it ends like such a hash suffix, which then gets one too). Names differing only in
    letter case stay different strings but may still clash on case-insensitive file systems.

    Args:
        name: Any string (a layer name, a scene stem, a user name).

    Returns:
        A non-empty string of at most :data:`MAX_COMPONENT_CHARS` safe characters.

    Raises:
        TypeError: ``name`` is not a string.
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, not {type(name).__name__}")
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    cleaned = _UNSAFE.sub("_", ascii_text).strip("._-")
    if cleaned.split(".")[0].upper() in _WINDOWS_RESERVED:
        cleaned = "_" + cleaned
    changed = cleaned != name or bool(_HASH_TAIL.search(name)) or not cleaned
    changed = changed or len(cleaned) > MAX_COMPONENT_CHARS
    if not changed:
        return cleaned
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_CHARS]
    stem = cleaned[: MAX_COMPONENT_CHARS - HASH_CHARS - 1].rstrip("._-") or "x"
    return f"{stem}-{digest}"


def _user_name() -> str:
    """The login name for the per-user temp folder (a uid or ``user`` when there is none)."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no USER/LOGNAME and no passwd entry
        name = str(os.getuid()) if hasattr(os, "getuid") else "user"
    return safe_file_component(name)


def _is_private_dir(path: Path) -> bool:
    """True when ``path`` is a real directory (not a link) that only this user can enter."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if os.name == "nt":  # no POSIX owner/mode bits; %TEMP% is per-user already
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o077


class TempFileManager:
    """Owns one job's temp folder: scene snapshots, extra files, and their cleanup.

    The per-user parent ``<tmp>/lrc_toolbox-<user>`` is created with mode 0700. If it already
    exists but is not a private directory of this user (another owner, group/world access, a
    symlink, a file), it is **not used**: the job folder is then created with
    :func:`tempfile.mkdtemp` directly in the system temp folder (also 0700), and a warning is
    logged. An explicit ``root`` is trusted as the caller's choice (a studio scratch disk may be
    shared); it is created if missing, and the job folder inside it is private (0700).

    Use it as a context manager so files are removed even when the job fails::

        with TempFileManager() as temp:
            scene_copy = temp.snapshot_for_layer(read_scene("shot001.ma"), "MASTER_BG_A")
            ...

    Thread-safe: the engine may snapshot and clean up from several threads.

    Args:
        root: Folder for job folders, or ``None`` for the per-user system temp folder.
        keep: Keep every file on cleanup (for debugging a failed render).

    Raises:
        TempFileError: The root cannot be created or is not a directory.
    """

    def __init__(self, root: str | Path | None = None, keep: bool = False) -> None:
        self.keep = keep
        self._lock = threading.Lock()
        self._tracked: dict[Path, None] = {}
        self._closed = False
        stamp = time.strftime("%Y%m%d-%H%M%S")
        prefix = f"job-{stamp}-"
        try:
            if root is not None:
                parent = Path(root)
                parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
                if not parent.is_dir():
                    raise TempFileError(f"temp root {parent} is not a directory")
                self._job_dir = Path(tempfile.mkdtemp(prefix=prefix, dir=parent)).absolute()
            else:
                parent = Path(tempfile.gettempdir()) / f"lrc_toolbox-{_user_name()}"
                if self._make_private_parent(parent):
                    self._job_dir = Path(tempfile.mkdtemp(prefix=prefix, dir=parent)).absolute()
                else:
                    _LOG.warning(
                        "%s is not a private folder of this user; using a fresh temp "
                        "folder instead",
                        parent,
                    )
                    self._job_dir = Path(
                        tempfile.mkdtemp(prefix=f"lrc_toolbox-{prefix}")
                    ).absolute()
        except FileExistsError:
            raise TempFileError(
                f"temp root {root or tempfile.gettempdir()} exists and is not a directory"
            ) from None
        except NotADirectoryError:
            raise TempFileError(
                f"temp root {root or tempfile.gettempdir()} is inside a file, not a directory"
            ) from None
        except PermissionError as exc:
            raise TempFileError(
                f"no permission to create a temp folder in "
                f"{exc.filename or root or tempfile.gettempdir()}"
            ) from None
        except OSError as exc:
            raise TempFileError(
                f"cannot create a temp folder in {root or tempfile.gettempdir()}: "
                f"{exc.strerror or exc}"
            ) from None
        self._write_owner_marker()

    def _write_owner_marker(self) -> None:
        """Note which process owns the folder, so a later clean-up can tell it is abandoned."""
        try:
            me = psutil.Process()
            (self._job_dir / OWNER_MARKER).write_text(
                json.dumps({"pid": me.pid, "create_time": me.create_time()}), encoding="utf-8"
            )
        except (OSError, psutil.Error) as exc:  # only a clean-up hint: never fail a job for it
            _LOG.warning("could not write %s in %s: %s", OWNER_MARKER, self._job_dir, exc)

    @staticmethod
    def _make_private_parent(parent: Path) -> bool:
        """Create ``parent`` with mode 0700 if missing; return whether it is private and ours."""
        try:
            os.mkdir(parent, PRIVATE_DIR_MODE)
            os.chmod(parent, PRIVATE_DIR_MODE)  # a umask may have removed owner bits
        except FileExistsError:
            pass
        return _is_private_dir(parent)

    # ----------------------------------------------------------------------------------------------
    @property
    def job_dir(self) -> Path:
        """The private folder holding this job's files."""
        return self._job_dir

    @property
    def tracked(self) -> tuple[Path, ...]:
        """Files registered with :meth:`track` or written by :meth:`snapshot_for_layer`."""
        with self._lock:
            return tuple(self._tracked)

    def track(self, path: str | Path) -> Path:
        """Register an extra file (a log, a job script) to remove with the job.

        Args:
            path: The file; it need not exist yet.

        Returns:
            The absolute path registered.
        """
        p = Path(path).absolute()
        with self._lock:
            self._tracked[p] = None
        return p

    def cleanup(self, path: str | Path) -> bool:
        """Remove one tracked file (or any file in the job folder) now.

        Does nothing when the manager was created with ``keep=True``.

        Args:
            path: A tracked path or a path inside :attr:`job_dir`.

        Returns:
            True when something was removed.

        Raises:
            TempFileError: The path was neither tracked nor inside the job folder (the manager
                never deletes files it does not own).
        """
        p = Path(path).absolute()
        with self._lock:
            owned = p in self._tracked or self._job_dir in p.parents
            if not owned:
                raise TempFileError(
                    f"refusing to delete {p}: not created or tracked by this temp file manager"
                )
            if self.keep:
                return False
            self._tracked.pop(p, None)
        removed = _remove(p)
        if p.parent != self._job_dir and self._job_dir in p.parents:
            try:
                p.parent.rmdir()  # the snapshot's own folder, once empty
            except OSError:
                pass  # not empty (other files of the job) or already gone: cleanup_all handles it
        return removed

    def cleanup_all(self) -> tuple[Path, ...]:
        """Remove tracked files and the job folder, unless ``keep`` was asked.

        Never raises for files that cannot be removed (a renderer on Windows may still hold
        one open): they are logged and returned, so an error in the job is not masked.

        Returns:
            Paths that could not be removed (empty on success or when keeping).
        """
        with self._lock:
            if self.keep:
                if not self._closed:
                    _LOG.info("keeping temp files in %s", self._job_dir)
                self._closed = True
                return ()
            self._closed = True
            paths = list(self._tracked)
            self._tracked.clear()
        failed: list[Path] = []
        for p in paths:
            if self._job_dir not in p.parents:
                try:
                    _remove(p)
                except OSError as exc:
                    _LOG.warning("could not remove %s: %s", p, exc)
                    failed.append(p)
        errors: list[Path] = []

        def on_error(_func: object, failed_path: str, _exc: object) -> None:
            errors.append(Path(failed_path))

        if self._job_dir.exists():
            if sys.version_info >= (3, 12):
                shutil.rmtree(self._job_dir, onexc=on_error)
            else:  # onerror is deprecated from 3.12 on
                shutil.rmtree(self._job_dir, onerror=on_error)
        for p in errors:
            _LOG.warning("could not remove %s", p)
        return tuple(failed + errors)

    def __enter__(self) -> TempFileManager:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.cleanup_all()

    # ----------------------------------------------------------------------------------------------
    def snapshot_for_layer(
        self, scene: SceneInfo | str | Path, layer: LayerInfo | str, timestamp: str | None = None
    ) -> Path:
        """Write a copy of the scene in which only ``layer`` is renderable.

        The copy is ``<job_dir>/render_<scene-stem>_<timestamp>_<safe-layer>/<scene file name>``
        (``-2``, ``-3``... is added to the folder if that name is taken): the file keeps the
        artist's name because Maya resolves ``<Scene>`` in image prefixes from it. Only the renderable
        flags of the render layer nodes differ from the source; every other byte is copied
        through. The chosen layer renders even if the artist left it non-renderable.

        Maya Binary scenes cannot be patched without Maya, so they raise
        :class:`~lrc_toolbox.utils.ma_reader.BinarySceneError`; the caller then renders the
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
            return self._snapshot(path, info, [layer.node], layer.name, timestamp)
        if info is None:
            _check_not_binary(path)
            info = read_scene(path)
        target = info.layer(layer)
        return self._snapshot(path, info, [target.node], target.name, timestamp)

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
        return self._snapshot(Path(scene_path), scene, list(nodes), label, timestamp)

    def _snapshot(
        self,
        source: Path,
        scene: SceneInfo | None,
        nodes: list[str],
        label: str,
        timestamp: str | None,
    ) -> Path:
        if self._closed:
            raise TempFileError("this temp file manager was already cleaned up")
        _check_not_binary(source)
        patch = plan_renderable_patch(source, nodes)
        stamp = safe_file_component(timestamp or time.strftime("%Y%m%d-%H%M%S"))
        base = f"render_{safe_file_component(source.stem)}_{stamp}_{safe_file_component(label)}"
        fd, path = self._create_exclusive(base, source.name)
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                _copy_with_edits(src, out, patch.edits, patch.tail)
        except OSError as exc:
            _remove_quietly(path)
            raise TempFileError(f"cannot write snapshot {path}: {exc}") from None
        except BaseException:
            _remove_quietly(path)
            raise
        self.track(path)
        return path

    def copy_scene(self, scene_path: str | Path, label: str, timestamp: str | None = None) -> Path:
        """Copy a scene byte for byte into the job folder (Maya Binary scenes cannot be patched).

        Args:
            scene_path: The scene to copy.
            label: Text for the name's layer field (made safe for file names).
            timestamp: Text for the name's timestamp field; default: now.

        Returns:
            ``render_<scene-stem>_<timestamp>_<label>/<scene file name>`` in :attr:`job_dir`.

        Raises:
            TempFileError: The manager was cleaned up, or the copy failed.
        """
        if self._closed:
            raise TempFileError("this temp file manager was already cleaned up")
        source = Path(scene_path)
        stamp = safe_file_component(timestamp or time.strftime("%Y%m%d-%H%M%S"))
        base = f"render_{safe_file_component(source.stem)}_{stamp}_{safe_file_component(label)}"
        fd, path = self._create_exclusive(base, source.name)
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                shutil.copyfileobj(src, out, 1 << 20)
        except OSError as exc:
            _remove_quietly(path)
            raise TempFileError(f"cannot copy {source} to {path}: {exc}") from None
        self.track(path)
        return path

    def _create_exclusive(self, base: str, file_name: str) -> tuple[int, Path]:
        """Create ``<base>/<file_name>`` (or ``<base>-N/...``) in the job folder; file mode 0600.

        The snapshot keeps the artist's scene *file name* inside a folder named
        ``render_<scene>_<timestamp>_<layer>``: Maya resolves the ``<Scene>`` token of the image
        prefix from the file name, so a renamed snapshot would rename every rendered image.
        """
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        for attempt in range(1, MAX_NAME_ATTEMPTS + 1):
            folder = self._job_dir / (base if attempt == 1 else f"{base}-{attempt}")
            try:
                folder.mkdir(mode=0o700)
            except FileExistsError:
                continue
            except OSError as exc:
                raise TempFileError(f"cannot create snapshot folder {folder}: {exc}") from None
            path = folder / file_name
            try:
                return os.open(path, flags, 0o600), path
            except OSError as exc:
                raise TempFileError(f"cannot create snapshot {path}: {exc}") from None
        raise TempFileError(f"too many snapshots named {base} in {self._job_dir}")


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


def _copy_with_edits(src: BinaryIO, out: BinaryIO, edits: Sequence[ByteEdit], tail: bytes) -> None:
    """Stream ``src`` to ``out`` applying sorted byte edits, then append ``tail``."""
    pos = 0
    last = b""
    for edit in edits:
        last = _copy_span(src, out, edit.start - pos) or last
        out.write(edit.data)
        if edit.data:
            last = edit.data[-1:]
        src.seek(edit.end)
        pos = edit.end
    while chunk := src.read(COPY_CHUNK_BYTES):
        out.write(chunk)
        last = chunk[-1:]
    if tail:
        if last not in (b"\n", b""):
            # The file may end in a comment ("// End of file"): start the tail on its own line.
            out.write(b"\r\n" if tail.endswith(b"\r\n") else b"\n")
        out.write(tail)


def _copy_span(src: BinaryIO, out: BinaryIO, count: int) -> bytes:
    """Copy ``count`` bytes; return the last byte copied (``b""`` when none)."""
    last = b""
    while count > 0:
        chunk = src.read(min(count, COPY_CHUNK_BYTES))
        if not chunk:
            break
        out.write(chunk)
        last = chunk[-1:]
        count -= len(chunk)
    return last


def _remove(path: Path) -> bool:
    """Remove a file or folder; return True when something was there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
        return True
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError as exc:
        _LOG.warning("could not remove partial snapshot %s: %s", path, exc)
