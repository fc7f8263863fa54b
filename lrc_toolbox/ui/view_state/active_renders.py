"""What the Active Renders table's rows mean for the rest of the dialog (pure functions).

The Logs panel follows the table's selection, the System Resources panel marks the GPU slots our
renders hold, and the end-of-job message names the first failure: each is computed here from the
plain :class:`~lrc_toolbox.ui.view_state.render_rows.TaskRow` records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lrc_toolbox.ui.view_state.log_buffer import TaskKey
from lrc_toolbox.ui.view_state.render_rows import RowState, TaskRow

__all__ = ["LOG_LABEL_TASKS_NAMED", "busy_slots", "first_failure_reason", "log_selection"]

#: Tasks named in the Logs panel's title before "and N more".
LOG_LABEL_TASKS_NAMED: int = 3


def busy_slots(rows: Iterable[TaskRow]) -> dict[str, str]:
    """The GPU slots our running renders hold, each with what renders there.

    Args:
        rows: The table's rows.

    Returns:
        ``{gpu: "t0001 (LAYER)"}`` for every active row pinned to a GPU.
    """
    return {
        row.gpu: f"{row.task_id} ({row.layer_text})"
        for row in rows
        if row.state.is_active and row.gpu
    }


def log_selection(rows: Sequence[TaskRow]) -> tuple[frozenset[TaskKey] | None, str]:
    """Which tasks' lines the Logs panel shows for a table selection, and its title.

    Args:
        rows: The selected rows.

    Returns:
        ``(None, "all tasks of the job")`` for no selection; else the selected tasks (job, task) and their
        names. Rows of queued frames have no log: selecting only those shows none.
    """
    if not rows:
        return None, "all tasks of the job"
    tasks = [row for row in rows if not row.is_waiting_row]
    keys = frozenset((row.job_id, row.task_id) for row in tasks)
    if not keys:
        return keys, "queued frames (no log yet)"
    names = [f"{row.task_id} ({row.layer_text})" for row in tasks]
    label = ", ".join(names[:LOG_LABEL_TASKS_NAMED])
    if len(names) > LOG_LABEL_TASKS_NAMED:
        label += f" and {len(names) - LOG_LABEL_TASKS_NAMED} more"
    return keys, label


def first_failure_reason(rows: Iterable[TaskRow], job_id: str) -> str | None:
    """The reason of the job's first render with frames failed for good, or None.

    A render whose frames all went to a retry did not fail: its reason is not the job's.
    """
    failed = [
        row for row in rows if row.job_id == job_id and row.reason and row.state is RowState.FAILED
    ]
    for row in failed:
        if row.frames_failed_final:
            return row.reason
    return next((row.reason for row in failed if not row.recovering), None)
