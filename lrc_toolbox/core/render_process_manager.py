"""Keeps track of the render processes of this manager: start, stop, status (the spec's manager).

Each process is a :class:`~lrc_toolbox.utils.render_subprocess.RenderProcess`, which owns its
subprocess, its log file and its follower thread. This class only maps task ids to them and stops
them without blocking its caller: stopping a render may take its whole grace period, so it runs on
a short-lived thread while the supervisor keeps watching the other renders.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lrc_toolbox.config import batch_render_defaults as defaults
from lrc_toolbox.utils.render_subprocess import RenderProcess


@dataclass(frozen=True)
class ProcessConfig:
    """How to launch one render process (the spec's ProcessConfig)."""

    process_id: str
    argv: Sequence[str]
    env: Mapping[str, str]
    log_path: Path
    on_line: Callable[[str], None] | None = None
    low_priority: bool = False
    cwd: str | None = None
    on_exit: Callable[[], None] | None = None


@dataclass(frozen=True)
class ProcessStatus:
    """What is known about one process right now."""

    process_id: str
    pid: int | None
    running: bool
    returncode: int | None
    log_path: str
    lines_read: int


class RenderProcessManager:
    """Registry of this manager's render processes, with non-blocking termination."""

    def __init__(self, terminate_grace_s: float = defaults.TERMINATE_GRACE_S) -> None:
        self._grace_s = terminate_grace_s
        self._lock = threading.Lock()
        self._processes: dict[str, RenderProcess] = {}
        self._stoppers: dict[str, threading.Thread] = {}

    def create_render_process(self, config: ProcessConfig) -> RenderProcess:
        """Start a render process and register it under ``config.process_id``.

        Raises:
            RenderLaunchError: The executable could not be started (the reason is in the log too).
        """
        process = RenderProcess(
            argv=list(config.argv),
            env=dict(config.env),
            log_path=config.log_path,
            cwd=config.cwd,
            on_line=config.on_line,
            low_priority=config.low_priority,
            name=config.process_id,
            on_exit=config.on_exit,
        )
        process.start()
        with self._lock:
            self._processes[config.process_id] = process
        return process

    def adopt(self, process_id: str, process: RenderProcess) -> None:
        """Register a render this manager did not launch (one re-attached after a crash).

        From then on it is stopped like any of this manager's renders: a watchdog stop, a
        user's stop, a cancel and :meth:`terminate_all` reach its whole tree.
        """
        with self._lock:
            self._processes[process_id] = process

    def get(self, process_id: str) -> RenderProcess | None:
        """Return the process registered under ``process_id``."""
        with self._lock:
            return self._processes.get(process_id)

    def forget(self, process_id: str) -> None:
        """Drop a finished process from the registry."""
        with self._lock:
            self._processes.pop(process_id, None)
            self._stoppers.pop(process_id, None)

    def terminate_process(self, process_id: str, grace_s: float | None = None) -> bool:
        """Stop a process and its whole tree in the background; False if unknown or stopping.

        The caller learns the outcome the usual way: the process ends and its log is drained.
        """
        with self._lock:
            process = self._processes.get(process_id)
            if process is None or process_id in self._stoppers:
                return False
            grace = self._grace_s if grace_s is None else grace_s
            stopper = threading.Thread(
                target=process.terminate,
                args=(grace,),
                name=f"stop-{process_id}",
                daemon=True,
            )
            self._stoppers[process_id] = stopper
        stopper.start()
        return True

    def is_stopping(self, process_id: str) -> bool:
        """True while a stop of ``process_id`` is still ending its tree.

        A launcher (``Render``) usually dies at the first signal while its worker may take the
        whole grace period, or ignore it until killed: a task is over only when this is False.
        """
        with self._lock:
            stopper = self._stoppers.get(process_id)
        return stopper is not None and stopper.is_alive()

    def terminate_all(self, grace_s: float | None = None, wait: bool = True) -> None:
        """Stop every registered process tree, in parallel; optionally wait until all are gone."""
        with self._lock:
            ids = list(self._processes)
        for process_id in ids:
            self.terminate_process(process_id, grace_s)
        if wait:
            with self._lock:
                stoppers = list(self._stoppers.values())
            for stopper in stoppers:
                stopper.join()

    def monitor_processes(self) -> list[ProcessStatus]:
        """Return the status of every registered process (the spec's monitoring call)."""
        with self._lock:
            ids = list(self._processes)
        return [status for pid in ids if (status := self.get_process_status(pid)) is not None]

    def get_process_status(self, process_id: str) -> ProcessStatus | None:
        """Return one process's status, or None if it is not registered."""
        process = self.get(process_id)
        if process is None:
            return None
        returncode = process.poll()
        return ProcessStatus(
            process_id=process_id,
            pid=process.pid,
            running=returncode is None,
            returncode=returncode,
            log_path=str(process.log_path),
            lines_read=process.lines_read,
        )
