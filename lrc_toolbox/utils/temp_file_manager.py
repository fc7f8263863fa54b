"""The private temp folder of one render job: creation, ownership marker, tracking, cleanup.

A render never reads the artist's scene directly: per-layer scene snapshots (written by
:class:`lrc_toolbox.scene.snapshots.SceneSnapshots`), job scripts and other scratch files go into
a private job folder that this manager creates, tracks and deletes when the job ends (or keeps
for debugging). It knows nothing about scenes: it hands out new private files
(:meth:`TempFileManager.open_new_file`) and removes what it owns.

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
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import psutil

from lrc_toolbox.utils.temp_images import find_images

__all__ = [
    "MAX_COMPONENT_CHARS",
    "TempFileError",
    "TempFileManager",
    "default_temp_parent",
    "safe_file_component",
]

_LOG = logging.getLogger(__name__)

#: Longest file-name component :func:`safe_file_component` returns.
MAX_COMPONENT_CHARS: int = 64
#: Hex digits of the name hash appended when a name had to be changed.
HASH_CHARS: int = 10
#: How many ``-2``, ``-3``... suffixes to try when a folder name is taken.
MAX_NAME_ATTEMPTS: int = 1000
PRIVATE_DIR_MODE: int = 0o700
PRIVATE_FILE_MODE: int = 0o600

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


def default_temp_parent() -> Path:
    """The per-user folder that holds job folders when no root is given.

    ``<tempfile.gettempdir()>/lrc_toolbox-<user>``; everything in it belongs to jobs and is
    deleted when they end, so no image may be written there.
    """
    return Path(tempfile.gettempdir()).absolute() / f"lrc_toolbox-{_user_name()}"


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
    """Owns one job's temp folder: the files put in it, extra tracked files, and their cleanup.

    The per-user parent ``<tmp>/lrc_toolbox-<user>`` is created with mode 0700. If it already
    exists but is not a private directory of this user (another owner, group/world access, a
    symlink, a file), it is **not used**: the job folder is then created with
    :func:`tempfile.mkdtemp` directly in the system temp folder (also 0700), and a warning is
    logged. An explicit ``root`` is trusted as the caller's choice (a studio scratch disk may be
    shared); it is created if missing, and the job folder inside it is private (0700).

    Use it as a context manager so files are removed even when the job fails::

        with TempFileManager() as temp:
            out, path = temp.open_new_file("render_shot001", "job.py")
            with out:
                out.write(script)
            temp.track(path)
            ...

    Per-layer scene snapshots are made by :class:`lrc_toolbox.scene.snapshots.SceneSnapshots`,
    given this manager.

    Thread-safe: the engine may create files and clean up from several threads.

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
                parent = default_temp_parent()
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
        """Files registered with :meth:`track` (scene snapshots are registered so too)."""
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
                p.parent.rmdir()  # the file's own folder (open_new_file), once empty
            except OSError:
                pass  # not empty (other files of the job) or already gone: cleanup_all handles it
        return removed

    def cleanup_all(self) -> tuple[Path, ...]:
        """Remove tracked files and the job folder, unless ``keep`` was asked.

        Never raises for files that cannot be removed (a renderer on Windows may still hold
        one open): they are logged and returned, so an error in the job is not masked.

        Never deletes an image: image files found in the job folder (a renderer that wrote next
        to its scene copy) stay, with the folders holding them, and are returned; move them out
        first (:func:`lrc_toolbox.utils.temp_images.rescue_images`).

        Returns:
            Paths that could not be removed, images kept included (empty on success or when
            keeping).
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

        images = find_images(self._job_dir)
        if images:
            _LOG.warning(
                "keeping %d image(s) in the temp folder %s (never deleted): %s",
                len(images),
                self._job_dir,
                ", ".join(str(p) for p in images[:3]),
            )
            _remove_all_but(self._job_dir, set(images), on_error)
        elif self._job_dir.exists():
            if sys.version_info >= (3, 12):
                shutil.rmtree(self._job_dir, onexc=on_error)
            else:  # onerror is deprecated from 3.12 on
                shutil.rmtree(self._job_dir, onerror=on_error)
        for p in errors:
            _LOG.warning("could not remove %s", p)
        return tuple(failed + images + errors)

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
    def ensure_open(self) -> None:
        """Check that nothing was cleaned up yet, so new files may still go into the folder.

        Raises:
            TempFileError: :meth:`cleanup_all` already ran.
        """
        if self._closed:
            raise TempFileError("this temp file manager was already cleaned up")

    def open_new_file(
        self, folder_name: str, file_name: str, *, what: str = "file"
    ) -> tuple[BinaryIO, Path]:
        """Create ``<job_dir>/<folder_name>/<file_name>`` exclusively and open it for writing.

        The folder gets mode 0700 and the file 0600. When the folder name is taken, ``-2``,
        ``-3``... is appended to it, so every call gets a folder of its own and the file keeps
        the name it was given (a scene snapshot must keep the artist's file name: Maya resolves
        the ``<Scene>`` token of image prefixes from it). The file is not tracked yet: call
        :meth:`track` once it is complete; a half-written file is the caller's to remove (the
        folder goes with :meth:`cleanup_all` in any case).

        Args:
            folder_name: One file-name component, already safe (see
                :func:`safe_file_component`).
            file_name: One file-name component.
            what: What the file is, for error messages (``"snapshot"``).

        Returns:
            The open binary file (close it, e.g. with ``with``) and its path.

        Raises:
            TempFileError: The manager was cleaned up, too many folders have that name, or the
                folder or file cannot be created.
        """
        self.ensure_open()
        fd, path = self._create_exclusive(folder_name, file_name, what)
        try:
            return os.fdopen(fd, "wb"), path
        except BaseException:
            os.close(fd)
            raise

    def _create_exclusive(self, base: str, file_name: str, what: str) -> tuple[int, Path]:
        """Create ``<base>/<file_name>`` (or ``<base>-N/...``) in the job folder; file mode 0600."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        for attempt in range(1, MAX_NAME_ATTEMPTS + 1):
            folder = self._job_dir / (base if attempt == 1 else f"{base}-{attempt}")
            try:
                folder.mkdir(mode=PRIVATE_DIR_MODE)
            except FileExistsError:
                continue
            except OSError as exc:
                raise TempFileError(f"cannot create {what} folder {folder}: {exc}") from None
            path = folder / file_name
            try:
                return os.open(path, flags, PRIVATE_FILE_MODE), path
            except OSError as exc:
                raise TempFileError(f"cannot create {what} {path}: {exc}") from None
        raise TempFileError(f"too many {what}s named {base} in {self._job_dir}")


def _remove_all_but(root: Path, keep: set[Path], on_error: Callable[..., object]) -> None:
    """Remove every file below ``root`` except ``keep``, then the folders left empty."""
    for current, dirs, files in os.walk(root, topdown=False, followlinks=False):
        for name in files:
            path = Path(os.path.abspath(os.path.join(current, name)))
            if path in keep:
                continue
            try:
                path.unlink()
            except OSError as exc:
                on_error(os.unlink, str(path), exc)
        for name in dirs:
            folder = Path(current) / name
            if folder.is_symlink():
                folder.unlink(missing_ok=True)
                continue
            try:
                folder.rmdir()
            except OSError:
                pass  # holds a kept image
    try:
        root.rmdir()
    except OSError:
        pass


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
