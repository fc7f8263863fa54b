"""What every farm exporter shares: errors, the submission record, folders, external commands.

The engine modules import their client libraries only when they are used, through
:func:`require_module`, so ``lrc_toolbox.farm`` imports on a machine that has none of them; a
missing library becomes a :class:`FarmUnavailableError` whose message says which extra to install.
Submission tools (``deadlinecommand``, Deadline Cloud's ``deadline``) run through
:func:`run_submit_command`: an argv list (never a shell string), captured output, a time limit.
"""

from __future__ import annotations

import importlib
import os
import secrets
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = [
    "FarmError",
    "FarmSubmission",
    "FarmUnavailableError",
    "SUBMIT_TIMEOUT_S",
    "find_executable",
    "install_hint",
    "job_folder",
    "require_module",
    "run_submit_command",
    "write_text",
]

#: Longest a submission tool may run before we give up on it (uploads can take a while).
SUBMIT_TIMEOUT_S: float = 600.0

#: Characters of a submission tool's output quoted in an error message.
OUTPUT_QUOTE_CHARS: int = 2000


class FarmError(RuntimeError):
    """A farm export or submission failed; the message says why and what to do."""


class FarmUnavailableError(FarmError):
    """A farm engine's client library is not installed.

    Args:
        engine: The engine (``openjd``, ``opencue``...).
        extra: The ``lrc-toolbox`` extra that installs its libraries.
        missing: The module that failed to import.
    """

    def __init__(self, engine: str, extra: str, missing: str) -> None:
        self.engine = engine
        self.extra = extra
        self.missing = missing
        super().__init__(
            f"the {engine} exporter needs the Python module '{missing}', which is not "
            f"installed: {install_hint(extra)}"
        )


def install_hint(extra: str) -> str:
    """The command that installs an extra, e.g. ``pip install "lrc-toolbox[opencue]"``."""
    return f'pip install "lrc-toolbox[{extra}]"'


@dataclass
class FarmSubmission:
    """What an export wrote and what was (or would be) submitted.

    Attributes:
        engine: ``openjd``, ``opencue`` or ``deadline``.
        files: Files written (job bundle, job spec, job and plugin info files).
        command: The command that was run to submit, or the one to run by hand; None when the
            engine submits through its library (OpenCue) and nothing needs typing.
        submitted: True only when the farm accepted the job.
        job_id: The farm's job id(s) (comma-separated when several jobs), when submitted.
        message: One paragraph for the user: what happened, and what to do next.
        notes: Things worth knowing about the export (chunking, timeouts an engine cannot express).
    """

    engine: str
    files: list[str]
    command: list[str] | None
    submitted: bool
    job_id: str | None
    message: str
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The submission as plain JSON-ready data."""
        return asdict(self)


def require_module(name: str, *, engine: str, extra: str) -> ModuleType:
    """Import an optional client library, or explain how to install it.

    Args:
        name: Module to import (``outline``, ``openjd.model``).
        engine: The engine that needs it (for the message).
        extra: The ``lrc-toolbox`` extra that provides it.

    Returns:
        The module.

    Raises:
        FarmUnavailableError: The module (or one it needs) cannot be imported.
    """
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        missing = getattr(exc, "name", None) or name
        raise FarmUnavailableError(engine, extra, missing) from exc


def job_folder(engine: str, job_name: str, out_dir: str | Path | None, *, dry_run: bool) -> Path:
    """The folder an export writes into, created if needed.

    Args:
        engine: Engine name, part of a generated folder's name.
        job_name: Job name, part of a generated folder's name.
        out_dir: The folder to use; None picks one: a new temp folder for a dry run, else a new
            folder under ``<data dir>/farm/`` (the per-user data folder of the job store).
        dry_run: Whether this is a dry run.

    Returns:
        The existing folder.

    Raises:
        FarmError: The folder cannot be created or is a file.
    """
    from lrc_toolbox.core.job_store import DataDirError, data_dir
    from lrc_toolbox.utils.temp_file_manager import safe_file_component

    label = f"{engine}-{safe_file_component(job_name)}"
    name = f"{label}-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
    try:
        if out_dir is not None:
            folder = Path(out_dir).expanduser()
            folder.mkdir(parents=True, exist_ok=True)
        elif dry_run:
            folder = Path(tempfile.mkdtemp(prefix=f"lrc-farm-{label}-"))
        else:
            folder = data_dir() / "farm" / name
            folder.mkdir(parents=True, exist_ok=False)
    except DataDirError as exc:
        raise FarmError(f"cannot create the farm export folder: {exc}") from exc
    except FileExistsError as exc:
        raise FarmError(f"farm export folder {exc.filename} is a file, not a folder") from exc
    except OSError as exc:
        raise FarmError(
            f"cannot create the farm export folder {out_dir or name}: {exc.strerror or exc}"
        ) from exc
    if not folder.is_dir():
        raise FarmError(f"farm export folder {folder} is not a folder")
    return folder.resolve()


def write_text(path: Path, text: str) -> str:
    """Write a UTF-8 text file; return its path as a string.

    Raises:
        FarmError: The file cannot be written.
    """
    try:
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise FarmError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return str(path)


def _quote_output(text: str) -> str:
    text = text.strip()
    if len(text) > OUTPUT_QUOTE_CHARS:
        text = "..." + text[-OUTPUT_QUOTE_CHARS:]
    return text or "(no output)"


def run_submit_command(
    argv: Sequence[str], *, what: str, timeout_s: float = SUBMIT_TIMEOUT_S
) -> subprocess.CompletedProcess[str]:
    """Run a farm's submission tool and return its finished process.

    Args:
        argv: The command, one item per argument (run without a shell).
        what: Name of the tool for messages (``deadlinecommand``).
        timeout_s: Longest it may run.

    Returns:
        The completed process (stdout and stderr captured as text); its exit code was 0.

    Raises:
        FarmError: It could not start, ran too long, or exited with an error (its output is
            quoted in the message).
    """
    try:
        proc = subprocess.run(
            list(argv),
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout_s,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise FarmError(
            f"{what} did not finish within {timeout_s:g} s; nothing is known "
            "about the submission: check the farm before submitting again"
        ) from exc
    except OSError as exc:
        raise FarmError(f"cannot run {what} ({argv[0]}): {exc.strerror or exc}") from exc
    if proc.returncode != 0:
        output = _quote_output(f"{proc.stdout}\n{proc.stderr}")
        raise FarmError(f"{what} failed with exit code {proc.returncode}: {output}")
    return proc


def find_executable(name: str, *, env_dir_var: str | None = None) -> str | None:
    """Find a submission tool in the folder an environment variable names, else on ``PATH``.

    Args:
        name: Executable name without extension (``deadlinecommand``).
        env_dir_var: Variable holding the tool's folder (``DEADLINE_PATH``), checked first.

    Returns:
        The executable's path, or None.
    """
    if env_dir_var:
        folder = os.environ.get(env_dir_var, "").strip()
        if folder:
            found = shutil.which(name, path=folder)
            if found:
                return found
    return shutil.which(name)
