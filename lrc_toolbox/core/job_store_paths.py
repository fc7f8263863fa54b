"""Where the job store lives: the per-user data folder and the default store file.

Order: ``$LRC_TOOLBOX_DATA_DIR``; otherwise the platform's per-user data location (see
:func:`resolve_data_dir`). The folder is created private (mode 0700): job configs and log paths
are nobody else's business.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from lrc_toolbox.config.batch_render_defaults import DATA_DIR_ENV
from lrc_toolbox.core.job_store_errors import DataDirError

__all__ = [
    "APP_DIR_NAME",
    "DATA_DIR_MODE",
    "STORE_FILE_NAME",
    "data_dir",
    "default_store_path",
    "ensure_private_dir",
    "resolve_data_dir",
]

# This module's own logger name, as in every module (tests/test_logger_names.py).
_LOG = logging.getLogger(__name__)

#: Folder name under the platform's per-user data location.
APP_DIR_NAME: str = "lrc_toolbox"

#: File name of the store inside :func:`data_dir`.
STORE_FILE_NAME: str = "jobs.sqlite3"

#: Mode of the data folder when this module creates it: job configs and log paths are private.
DATA_DIR_MODE: int = 0o700


def resolve_data_dir(
    *,
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    home: Path | None = None,
) -> Path:
    """Compute the per-user data folder without touching the disk.

    Order: ``$LRC_TOOLBOX_DATA_DIR`` (used as-is, ``~`` expanded, made absolute); otherwise
    Windows ``%LOCALAPPDATA%\\lrc_toolbox``, macOS ``~/Library/Application Support/lrc_toolbox``,
    elsewhere ``$XDG_DATA_HOME/lrc_toolbox`` (only an absolute value counts, as the XDG spec says)
    or ``~/.local/share/lrc_toolbox``.

    Args:
        environ: Environment to read (default :data:`os.environ`).
        platform: A :data:`sys.platform` value (default: this machine's).
        home: The user's home folder (default :meth:`Path.home`).

    Returns:
        The absolute folder path.
    """
    env = os.environ if environ is None else environ
    plat = sys.platform if platform is None else platform
    override = env.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(os.path.abspath(os.path.expanduser(override)))
    home_dir = Path.home() if home is None else home
    if plat.startswith("win"):
        local = env.get("LOCALAPPDATA", "").strip()
        base = Path(local) if local else home_dir / "AppData" / "Local"
    elif plat == "darwin":
        base = home_dir / "Library" / "Application Support"
    else:
        xdg = env.get("XDG_DATA_HOME", "").strip()
        base = Path(xdg) if xdg and os.path.isabs(xdg) else home_dir / ".local" / "share"
    return base / APP_DIR_NAME


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (mode 0700) unless it exists; leave an existing folder's mode alone."""
    if folder.is_dir():
        return
    try:
        folder.mkdir(mode=DATA_DIR_MODE, parents=True)
    except FileExistsError:
        # Another process may have created it between the check above and here.
        if folder.is_dir():
            return
        raise DataDirError(f"data folder {folder} exists but is not a directory") from None
    except OSError as exc:
        raise DataDirError(
            f"cannot create data folder {folder}: {exc.strerror or exc} "
            f"(set {DATA_DIR_ENV} to a writable folder)"
        ) from exc
    if os.name == "posix":
        # mkdir's mode is filtered by the umask; an odd umask (0177) would lock us out.
        try:
            os.chmod(folder, DATA_DIR_MODE)
        except OSError as exc:  # some network mounts refuse chmod; the folder still works
            _LOG.warning("could not make data folder %s private: %s", folder, exc)


def data_dir() -> Path:
    """Return the per-user data folder, creating it (mode 0700) when missing.

    See :func:`resolve_data_dir` for where it is.

    Returns:
        The absolute folder path; it exists when this returns.

    Raises:
        DataDirError: The folder cannot be created, or a file is in its place.
    """
    folder = resolve_data_dir()
    ensure_private_dir(folder)
    return folder


def default_store_path() -> Path:
    """Return the default store file, ``<data_dir>/jobs.sqlite3`` (its folder is created).

    Returns:
        The file path (the file itself is created by :class:`JobStore`).

    Raises:
        DataDirError: The data folder cannot be created.
    """
    return data_dir() / STORE_FILE_NAME
