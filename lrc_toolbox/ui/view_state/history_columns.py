"""What the History view's three tables show, column by column, as plain data.

Each column is a :class:`ColumnSpec`: the header, the cell text of a record, its typed sort value
(numbers sort as numbers, times as times), its tooltip, and whether it is right-aligned or coloured
by state. The records are the plain rows of :mod:`lrc_toolbox.ui.view_state.job_history`. No Qt
here: :mod:`lrc_toolbox.ui.models.history_table_models` turns these specs into Qt table models.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from lrc_toolbox.core.models import JobState
from lrc_toolbox.ui.view_state.dialog_words import in_dialog_words
from lrc_toolbox.ui.view_state.formatting import (
    format_duration,
    format_gb,
    format_timestamp,
    plural,
)
from lrc_toolbox.ui.view_state.gpu_names import GpuNames
from lrc_toolbox.ui.view_state.job_history import FrameFailure, JobRow, TaskDetail
from lrc_toolbox.ui.view_state.status_words import job_end_words
from lrc_toolbox.utils.frame_parser import FrameSet

__all__ = [
    "FAILURE_COLUMNS",
    "JOB_COLUMNS",
    "TASK_COLUMNS",
    "ColumnSpec",
    "JobColumn",
    "failure_columns",
    "job_state_text",
    "task_columns",
]

#: Unknown times and sizes sort after every known one.
_UNKNOWN_SORTS_LAST = 1e18

T = TypeVar("T")


@dataclass(frozen=True)
class ColumnSpec(Generic[T]):
    """One column of a :class:`RecordsTableModel`.

    Attributes:
        header: Column title.
        display: Cell text of a record (``now`` is the wall clock, for running durations).
        sort: Typed sort value of a record.
        tooltip: Tooltip of a record's cell, or None.
        numeric: Right-align the cells.
        colored: Colour the cell by the record's state (:data:`STATE_COLORS`).
    """

    header: str
    display: Callable[[T, float], str]
    sort: Callable[[T, float], Any]
    tooltip: Callable[[T], str | None] | None = None
    numeric: bool = False
    colored: bool = False


# --------------------------------------------------------------------------------------------------
# Jobs
# --------------------------------------------------------------------------------------------------
def _time_or_last(value: float | None) -> float:
    return _UNKNOWN_SORTS_LAST if value is None else value


def job_state_text(job: JobRow) -> str:
    """A job's state in the dialog's words: "All verified", "N frames failed", "Stopped"..."""
    if job.orphaned:
        return "Orphaned"
    if job.finished:
        state = JobState(job.state)
        failed = job.frames_failed or (job.frames_missing if state is JobState.FAILED else 0)
        return job_end_words(state, failed, job.frames_missing - job.frames_failed).short
    return "Rendering" if job.state == JobState.RUNNING else job.state.capitalize()


def _job_state_tooltip(job: JobRow) -> str:
    if job.orphaned:
        return (
            "Its manager (Maya or a CLI) is gone; renders may still be running. "
            "Resume re-attaches and renders the rest; Cancel stops them."
        )
    text = job_state_text(job)
    if job.reason:
        text += f": {in_dialog_words(job.reason)}"
    if job.finished and job.frames_missing:
        text += f" ({plural(job.frames_missing, 'frame')} without a verified image)"
    return text


def _job_frames_tooltip(job: JobRow) -> str:
    text = f"{job.frames_done:,} of {job.frames_total:,} frames have a verified image"
    if job.frames_missing and job.finished:
        text += f"; {job.frames_missing:,} without one (Re-run failed frames renders them)"
    return text


JOB_COLUMNS: tuple[ColumnSpec[JobRow], ...] = (
    ColumnSpec(
        "Job",
        lambda j, _n: j.job_id,
        lambda j, _n: j.job_id,
        lambda j: f"job {j.job_id}\nscene: {j.scene}",
    ),
    ColumnSpec(
        "State",
        lambda j, _n: job_state_text(j),
        lambda j, _n: j.status_text,
        _job_state_tooltip,
        colored=True,
    ),
    ColumnSpec(
        "Scene",
        lambda j, _n: os.path.basename(j.scene) or j.scene,
        lambda j, _n: os.path.basename(j.scene).casefold(),
        lambda j: j.scene,
    ),
    ColumnSpec(
        "Frames",
        lambda j, _n: f"{j.frames_done:,}/{j.frames_total:,}",
        lambda j, _n: j.frames_done,
        _job_frames_tooltip,
        numeric=True,
    ),
    ColumnSpec(
        "Failed",
        lambda j, _n: str(j.frames_failed) if j.frames_failed else "",
        lambda j, _n: j.frames_failed,
        None,
        numeric=True,
    ),
    ColumnSpec(
        "Started",
        lambda j, now: format_timestamp(j.created_at, now),
        lambda j, _n: j.created_at,
        lambda j: time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(j.created_at)),
    ),
    ColumnSpec(
        "Duration",
        lambda j, now: "" if j.duration_s(now) is None else format_duration(j.duration_s(now)),
        lambda j, now: _time_or_last(j.duration_s(now)),
        None,
        numeric=True,
    ),
)


class JobColumn:
    """Column numbers of :data:`JOB_COLUMNS`."""

    JOB = 0
    STATE = 1
    SCENE = 2
    FRAMES = 3
    FAILED = 4
    STARTED = 5
    DURATION = 6


# --------------------------------------------------------------------------------------------------
# Renders (tasks) of a job
# --------------------------------------------------------------------------------------------------
def _frames_text(frames: Sequence[int]) -> str:
    return FrameSet(frames).to_string() if frames else ""


def _task_tooltip(task: TaskDetail) -> str:
    lines = [f"task {task.task_id}, attempt {task.attempt}"]
    if task.pid:
        lines.append(f"pid {task.pid}")
    if task.exit_code is not None:
        lines.append(f"exit code {task.exit_code}")
    if task.reason:
        lines.append(in_dialog_words(task.reason))
    if task.log_path:
        lines.append(f"log: {task.log_path}")
    return "\n".join(lines)


def _peak_text(task: TaskDetail, _now: float) -> str:
    return "" if task.peak_gpu_memory is None else format_gb(task.peak_gpu_memory)


def task_columns(names: GpuNames) -> tuple[ColumnSpec[TaskDetail], ...]:
    """The renders table's columns, naming GPUs with ``names`` (index and model)."""
    return (
        ColumnSpec("Task", lambda t, _n: t.task_id, lambda t, _n: t.task_id, _task_tooltip),
        ColumnSpec("Layer", lambda t, _n: t.layer_text, lambda t, _n: t.layer_text.casefold()),
        ColumnSpec(
            "Frames",
            lambda t, _n: _frames_text(t.frames),
            lambda t, _n: min(t.frames) if t.frames else -1,
            lambda t: ", ".join(str(f) for f in t.frames[:60]),
        ),
        ColumnSpec(
            "GPU",
            lambda t, _n: names.label(t.gpu),
            lambda t, _n: t.gpu or "",
            lambda t: names.tooltip(t.gpu),
        ),
        ColumnSpec(
            "Attempt",
            lambda t, _n: str(t.attempt),
            lambda t, _n: t.attempt,
            lambda t: (
                "a retry of frames an earlier render did not deliver"
                if t.attempt > 1
                else "first render of these frames"
            ),
            numeric=True,
        ),
        ColumnSpec(
            "State",
            lambda t, _n: t.state_text,
            lambda t, _n: t.state_text,
            lambda t: in_dialog_words(t.reason) if t.reason else t.state,
            colored=True,
        ),
        ColumnSpec(
            "Peak GPU mem",
            _peak_text,
            lambda t, _n: -1 if t.peak_gpu_memory is None else t.peak_gpu_memory,
            lambda t: "NVML could not tell" if t.peak_gpu_memory is None else None,
            numeric=True,
        ),
        ColumnSpec(
            "Started",
            lambda t, now: format_timestamp(t.started_at, now),
            lambda t, _n: _time_or_last(t.started_at),
        ),
        ColumnSpec(
            "Duration",
            lambda t, _n: "" if t.duration_s is None else format_duration(t.duration_s),
            lambda t, _n: _time_or_last(t.duration_s),
            None,
            numeric=True,
        ),
        ColumnSpec(
            "Log",
            lambda t, _n: os.path.basename(t.log_path or ""),
            lambda t, _n: t.log_path or "",
            lambda t: t.log_path,
        ),
    )


TASK_COLUMNS: tuple[ColumnSpec[TaskDetail], ...] = task_columns(GpuNames())


# --------------------------------------------------------------------------------------------------
# Failed frames of a job
# --------------------------------------------------------------------------------------------------
def failure_columns(names: GpuNames) -> tuple[ColumnSpec[FrameFailure], ...]:
    """The failed frames table's columns, naming GPUs with ``names``."""
    return (
        ColumnSpec("Layer", lambda f, _n: f.layer, lambda f, _n: f.layer.casefold()),
        ColumnSpec("Frame", lambda f, _n: str(f.frame), lambda f, _n: f.frame, None, numeric=True),
        ColumnSpec(
            "Attempts",
            lambda f, _n: str(f.attempts),
            lambda f, _n: f.attempts,
            lambda f: "renders that tried this frame",
            numeric=True,
        ),
        ColumnSpec(
            "GPU",
            lambda f, _n: names.label(f.gpu) if f.task_id else "",
            lambda f, _n: f.gpu or "",
            lambda f: names.tooltip(f.gpu) if f.task_id else None,
        ),
        ColumnSpec("Task", lambda f, _n: f.task_id or "", lambda f, _n: f.task_id or ""),
        ColumnSpec(
            "Reason",
            lambda f, _n: in_dialog_words(f.reason),
            lambda f, _n: f.reason.casefold(),
            lambda f: in_dialog_words(f.reason),
        ),
    )


FAILURE_COLUMNS: tuple[ColumnSpec[FrameFailure], ...] = failure_columns(GpuNames())
