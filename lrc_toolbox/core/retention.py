"""Retention: forget old finished jobs, their logs, and temp scenes nobody needs any more.

Jobs and logs are kept for :data:`~lrc_toolbox.config.batch_render_defaults.RETENTION_DAYS`
(history, "open log" in the dialog, ``retry``); temp scene folders of managers that are gone are
removed once they are older than a day (a crashed manager cannot clean up after itself, and
``resume`` makes new snapshots).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from lrc_toolbox.core.gpu_leases import is_same_process
from lrc_toolbox.core.job_store import JobStore
from lrc_toolbox.utils.temp_file_manager import OWNER_MARKER
from lrc_toolbox.utils.temp_images import rescue_images

_LOG = logging.getLogger(__name__)

DAY_S = 24 * 3600.0
#: Temp scene folders untouched for this long are removed (unless their job still runs).
TEMP_MAX_AGE_S = DAY_S
#: Names of the folders a :class:`~lrc_toolbox.utils.temp_file_manager.TempFileManager` makes.
JOB_FOLDER_PREFIXES = ("job-", "lrc_toolbox-job-")


@dataclass(frozen=True)
class CleanupReport:
    """What a clean-up removed."""

    jobs: int
    log_folders: int
    temp_folders: int


def clean_up(
    store: JobStore,
    *,
    log_root: Path,
    older_than_s: float,
    temp_root: Path | None = None,
    now: float | None = None,
) -> CleanupReport:
    """Remove finished jobs older than ``older_than_s``, their log folders, and stale temp folders.

    Args:
        store: The job store.
        log_root: Folder holding ``<job id>/`` log folders.
        older_than_s: Age (since the job ended) after which a finished job is forgotten.
        temp_root: Parent of the temp job folders (default ``<tmp>/lrc_toolbox-<user>``).
        now: Current time (tests).

    Returns:
        Counts of what was removed.
    """
    now = time.time() if now is None else now
    known = {job.id for job in store.list_jobs(limit=1_000_000)}
    jobs = store.prune(older_than_s)
    remaining = {job.id for job in store.list_jobs(limit=1_000_000)}
    logs = 0
    if log_root.is_dir():
        for folder in log_root.iterdir():
            gone = folder.name in known and folder.name not in remaining
            orphan = folder.name not in known and now - folder.stat().st_mtime > older_than_s
            if folder.is_dir() and (gone or orphan):
                shutil.rmtree(folder, ignore_errors=True)
                logs += 1
    temps = 0
    root = temp_root or _default_temp_root()
    if root.is_dir():
        for folder in root.glob("job-*"):
            try:
                age = now - folder.stat().st_mtime
            except OSError:
                continue
            if folder.is_dir() and age > TEMP_MAX_AGE_S and _abandoned(folder):
                shutil.rmtree(folder, ignore_errors=True)
                temps += 1
    return CleanupReport(jobs, logs, temps)


def job_temp_folder(scene_copy: str | Path) -> Path | None:
    """The temp job folder holding a task's scene copy (``job-*/render_*/<scene>``), or None.

    Only a folder with the owner marker a :class:`TempFileManager` writes counts: nothing else is
    ever deleted as a job's temp folder.
    """
    path = Path(scene_copy)
    for folder in (path.parent.parent, path.parent):
        if folder.name.startswith(JOB_FOLDER_PREFIXES) and (folder / OWNER_MARKER).is_file():
            return folder
    return None


def remove_abandoned_temp_folder(folder: Path, *, rescue_to: Path | None) -> tuple[Path, ...]:
    """Remove a dead manager's temp job folder (a resumed job's), never deleting an image.

    Images found there are moved to ``rescue_to`` first; what cannot be moved stays.

    Args:
        folder: A folder from :func:`job_temp_folder`.
        rescue_to: The job's output folder.

    Returns:
        The images moved (their new paths); nothing happens while its owner still lives.
    """
    if not folder.is_dir() or not _abandoned(folder):
        return ()
    report = rescue_images(folder, rescue_to)
    keep = set(report.kept)
    if keep:
        _LOG.warning("keeping %s: it holds %d image(s) that could not be moved", folder, len(keep))
        for current, _dirs, files in os.walk(folder, topdown=False):
            for name in files:
                path = Path(os.path.abspath(os.path.join(current, name)))
                if path not in keep:
                    path.unlink(missing_ok=True)
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return tuple(target for _, target in report.moved)


def _abandoned(folder: Path) -> bool:
    """True when the manager that made ``folder`` is gone (renders read their scene at start)."""
    try:
        owner = json.loads((folder / OWNER_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True  # no marker: an old or broken folder, and already a day old
    return not is_same_process(owner.get("pid"), owner.get("create_time"))


def _default_temp_root() -> Path:
    import getpass

    return Path(tempfile.gettempdir()) / f"lrc_toolbox-{getpass.getuser()}"
