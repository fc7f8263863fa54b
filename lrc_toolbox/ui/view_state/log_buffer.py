"""Bounded memory for the Logs panel: the last lines of every task, and of all tasks together.

Renders print thousands of lines a second; the dialog keeps only the most recent ones (ring
buffers) and points at the log file for the rest. Pure Python (no Qt) so the bounds are tested
directly; :class:`LogFilter` holds what the panel's level box, search box and table selection ask.

Lines are kept as plain ``(job_id, task, text, level)`` tuples (:data:`LogRecord`), not as the
engine's ``LogLine`` dataclasses: an exact tuple of strings is not tracked by Python's cyclic
garbage collector, so keeping tens of thousands of lines does not make each full collection (which
holds the GIL, so it stalls the GUI thread) walk them. Measured with ``scripts/bench_dialog.py``:
a full collection went from ~70 ms to ~40 ms with 40,000 lines kept.
"""

from __future__ import annotations

import itertools
import operator
from collections import OrderedDict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from lrc_toolbox.core.events import LogLevel, LogLine

#: Lines kept per task (the log file has all of them).
LINES_PER_TASK: int = 5_000
#: Lines kept across all tasks, for the "all tasks" view.
LINES_ALL_TASKS: int = 20_000
#: Tasks whose lines are kept; the oldest task's buffer goes first (a long session has many).
MAX_TASKS: int = 200

#: Severity order of :attr:`LogLine.level` (by its text too); unknown levels count as info.
LEVEL_RANK: dict[str, int] = {level: level.rank for level in LogLevel}

#: A kept line: ``(job_id, task, text, level)``.
LogRecord = tuple[str, str, str, str]
#: Positions in a :data:`LogRecord`.
JOB, TASK, TEXT, LEVEL = 0, 1, 2, 3

TaskKey = tuple[str, str]  # (job id, task id): task ids restart at t0001 in every job

_KEY = operator.itemgetter(JOB, TASK)


#: Each level as a plain ``str``: a :class:`LogLevel` member is an object the collector tracks, and
#: a tuple holding one stays tracked (the whole point of plain tuples is lost).
_PLAIN_LEVEL: dict[str, str] = {level: level.value for level in LogLevel}


def record_of(line: LogLine) -> LogRecord:
    """The record of an engine line (plain strings only: untracked by the garbage collector)."""
    return (line.job_id, line.task_id, line.line, _PLAIN_LEVEL.get(line.level, LogLevel.INFO.value))


def as_records(lines: Sequence[LogRecord | LogLine]) -> Sequence[LogRecord]:
    """Records for ``lines`` (already records, as the bridge delivers them, are passed through)."""
    if not lines or isinstance(lines[0], tuple):
        # One batch is all records or all lines (one producer each): the first decides.
        return cast("Sequence[LogRecord]", lines)
    return [record_of(cast(LogLine, line)) for line in lines]


def level_rank(level: str) -> int:
    """Severity of a level name (``info`` 0 ... ``fatal`` 3)."""
    return LEVEL_RANK.get(level, 0)


@dataclass(frozen=True)
class LogFilter:
    """Which lines the Logs panel shows.

    Attributes:
        tasks: Only these tasks, or None for every task.
        min_level: Lowest level shown (``info`` shows everything).
        text: Case-insensitive substring the line must contain (``""``: any).
        job: With no task chosen, only this job's lines (the job Active Renders shows), or
            None for every job.
    """

    tasks: frozenset[TaskKey] | None = None
    min_level: str = LogLevel.INFO
    text: str = ""
    job: str | None = None

    @property
    def is_everything(self) -> bool:
        """True when every line passes (no task, job, level or text restriction)."""
        return self.tasks is None and self.job is None and self.only_tasks

    @property
    def only_tasks(self) -> bool:
        """True when only the task restriction applies (no level or text test per line)."""
        return level_rank(self.min_level) == 0 and not self.text

    @property
    def only_job(self) -> bool:
        """True when only the job restriction applies (one comparison per line)."""
        return self.tasks is None and self.job is not None and self.only_tasks

    def matches(self, record: LogRecord) -> bool:
        """True when ``record`` passes every part of the filter."""
        if self.tasks is not None and (record[JOB], record[TASK]) not in self.tasks:
            return False
        if self.tasks is None and self.job is not None and record[JOB] != self.job:
            return False
        if level_rank(record[LEVEL]) < level_rank(self.min_level):
            return False
        return not self.text or self.text.casefold() in record[TEXT].casefold()


class LogBuffer:
    """Ring buffers of recent log lines, per task and across tasks.

    Args:
        lines_per_task: Most lines kept per task.
        lines_all: Most lines kept across tasks.
        max_tasks: Most tasks with their own buffer.
    """

    def __init__(
        self,
        lines_per_task: int = LINES_PER_TASK,
        lines_all: int = LINES_ALL_TASKS,
        max_tasks: int = MAX_TASKS,
    ) -> None:
        self._per_task_max = lines_per_task
        self._max_tasks = max_tasks
        self._all: deque[LogRecord] = deque(maxlen=lines_all)
        self._tasks: OrderedDict[TaskKey, deque[LogRecord]] = OrderedDict()
        self._total = 0

    @property
    def total_received(self) -> int:
        """Lines received since creation (kept or not)."""
        return self._total

    def __len__(self) -> int:
        """Lines currently kept in the all-tasks buffer."""
        return len(self._all)

    def extend(self, lines: Sequence[LogRecord | LogLine]) -> None:
        """Add lines in arrival order (a tick's worth at once: C-speed appends per task run)."""
        records = as_records(lines)
        self._total += len(records)
        self._all.extend(records)
        tasks = self._tasks
        # Lines arrive in runs from one task (a follower reads a chunk of its log at a time).
        for key, run in itertools.groupby(records, key=_KEY):
            buffer = tasks.get(key)
            if buffer is None:
                buffer = tasks[key] = deque(maxlen=self._per_task_max)
                while len(tasks) > self._max_tasks:
                    tasks.popitem(last=False)
            buffer.extend(run)

    def task_lines(self, key: TaskKey) -> list[LogRecord]:
        """The kept lines of one task (job id, task id), oldest first."""
        return list(self._tasks.get(key, ()))

    def task_keys(self) -> list[TaskKey]:
        """Tasks with kept lines, oldest first."""
        return list(self._tasks)

    def lines(
        self, log_filter: LogFilter | None = None, limit: int | None = None
    ) -> list[LogRecord]:
        """Kept lines passing ``log_filter``, oldest first, at most the last ``limit``.

        A single selected task reads that task's own buffer (which keeps more of it than the
        shared one); several tasks are merged from the shared buffer, in arrival order.
        """
        log_filter = log_filter or LogFilter()
        single = log_filter.tasks is not None and len(log_filter.tasks) == 1
        if single:
            (key,) = tuple(log_filter.tasks or ())
            source: Iterable[LogRecord] = self._tasks.get(key, ())
        else:
            source = self._all
        if log_filter.is_everything or (single and log_filter.only_tasks):
            kept = list(source)  # nothing to test per line: a C-speed copy
        elif log_filter.only_job:
            job = log_filter.job
            kept = [record for record in source if record[JOB] == job]
        else:
            kept = [record for record in source if log_filter.matches(record)]
        if limit is not None and len(kept) > limit:
            kept = kept[-limit:]
        return kept

    def clear(self) -> None:
        """Forget every kept line."""
        self._all.clear()
        self._tasks.clear()
