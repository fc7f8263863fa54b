"""The dialog's Qt-free view state: message texts, button rules, what the table's rows imply.

Pure functions over plain records: no Qt, no processes, no sleeps.
"""

from __future__ import annotations

from lrc_toolbox.core import events as ev
from lrc_toolbox.ui.view_state.active_renders import (
    busy_slots,
    first_failure_reason,
    log_selection,
)
from lrc_toolbox.ui.view_state.button_rules import button_state, start_blocked_reason
from lrc_toolbox.ui.view_state.job_history import JobRow
from lrc_toolbox.ui.view_state.messages import (
    farm_outcome_text,
    job_finished_text,
    job_started_text,
    orphan_offer_text,
)
from lrc_toolbox.ui.view_state.render_rows import RowState, TaskRow


# -- message texts ---------------------------------------------------------------------------------
def finished(**changes) -> ev.JobFinished:
    values = dict(
        job_id="job007",
        ok=False,
        state="failed",
        layers={"BG": {"done": [1, 2, 3], "failed": [4]}, "FX": {"done": [1], "failed": []}},
        elapsed_s=75.0,
        reason=None,
    )
    values.update(changes)
    return ev.JobFinished(**values)


def test_a_successful_job_is_one_success_line() -> None:
    text, level = job_finished_text(
        finished(ok=True, state="succeeded", layers={"BG": {"done": [1, 2], "failed": []}}),
        None,
    )
    assert level == "success"
    assert text == "Render finished (job job007): All 2 frames rendered and verified in 1m15s."


def test_a_failed_job_names_its_layers_reason_and_the_way_out() -> None:
    text, level = job_finished_text(finished(), "CUDA error")
    assert level == "error"
    headline, detail = text.split("\n")
    assert headline.startswith("Render finished with failures (job job007): 4/5 frames done")
    assert detail == (
        "Job job007 finished with 1 failed frame (BG): CUDA error. Retry Failed (or History › "
        "Re-run failed frames) re-renders only those frames."
    )
    assert "see the task logs" in job_finished_text(finished(), None)[0]
    assert ": licence lost." in job_finished_text(finished(reason="licence lost"), "CUDA")[0]


def test_a_cancelled_job_counts_what_was_verified() -> None:
    text, level = job_finished_text(finished(state="cancelled", reason="cancelled by the user"), "")
    assert level == "warning"
    assert text.endswith(
        "Job job007 stopped (cancelled by the user): 4 frames verified, 1 frame not rendered."
    )


def orphan(job_id: str, scene: str = "/shows/s/shot001.ma") -> JobRow:
    return JobRow(
        job_id=job_id,
        state="running",
        scene=scene,
        created_at=1000.0,
        ended_at=None,
        frames_done=1200,
        frames_total=2400,
        frames_failed=0,
        orphaned=True,
    )


def test_the_orphan_offer_names_the_newest_job_and_counts_the_rest() -> None:
    one = orphan_offer_text([orphan("j2")])
    assert one.startswith("Job j2 (shot001.ma, 1,200/2,400 frames verified) lost the process")
    assert len(one.split("\n")) == 2
    three = orphan_offer_text([orphan("j3"), orphan("j2"), orphan("j1")])
    assert three.split("\n")[0].startswith("Job j3 ")
    assert three.split("\n")[-1] == "2 more orphaned jobs in History."


def test_started_and_farm_texts() -> None:
    assert job_started_text("j1", 1, ()) == "Started job j1: 1 frame."
    assert job_started_text("j1", 1200, ("stand-in",)) == (
        "Started job j1: 1,200 frames.\nNote: stand-in"
    )
    assert farm_outcome_text("written", ()) == "written"
    files = [f"/f/{n}" for n in range(6)]
    assert farm_outcome_text("written", files) == "written\nFiles: /f/0, /f/1, /f/2, /f/3 …"
    assert farm_outcome_text("written", files[:2]) == "written\nFiles: /f/0, /f/1"


# -- button rules ----------------------------------------------------------------------------------
def rules(**changes):
    values = dict(
        running=False,
        starting=False,
        submitting=False,
        problems=(),
        stop_selected=False,
        retryable=False,
    )
    values.update(changes)
    return button_state(**values)


def test_an_idle_valid_dialog_can_start_and_submit() -> None:
    state = rules()
    assert state.can_start and state.can_submit_farm
    assert not (state.can_stop_all or state.can_stop_selected or state.can_retry)
    assert state.start_tooltip == "Start rendering with these settings"


def test_a_running_job_allows_stop_and_nothing_that_starts_another() -> None:
    state = rules(running=True, stop_selected=True, retryable=True)
    assert state.can_stop_all and state.can_stop_selected
    assert not state.can_start and not state.can_retry
    assert state.can_submit_farm  # a farm job does not compete with the local one
    assert state.start_tooltip == "A job is running: stop it or wait for it to finish"


def test_problems_block_start_and_farm_and_the_first_one_is_the_tooltip() -> None:
    state = rules(problems=("Reading the scene…", "no layer ticked"), retryable=True)
    assert not state.can_start and not state.can_submit_farm and state.can_retry
    assert state.start_tooltip == "Reading the scene…"


def test_starting_and_submitting_block_what_they_must() -> None:
    starting = rules(starting=True, retryable=True)
    assert not (starting.can_start or starting.can_retry or starting.can_submit_farm)
    assert starting.start_tooltip == "Starting…"
    submitting = rules(submitting=True)
    assert submitting.can_start and not submitting.can_submit_farm


def test_history_says_why_it_cannot_start_a_job() -> None:
    assert start_blocked_reason(running=False, starting=False) == ""
    assert start_blocked_reason(running=False, starting=True) == "Starting…"
    assert start_blocked_reason(running=True, starting=True).startswith("A job is running here")


# -- what the rows imply ---------------------------------------------------------------------------
def row(task_id: str, state: RowState, gpu: str = "GPU 0", **changes) -> TaskRow:
    return TaskRow(
        job_id=changes.pop("job_id", "j1"),
        task_id=task_id,
        layers=("BG",),
        frames=(1, 2),
        state=state,
        gpu=gpu,
        **changes,
    )


def test_busy_slots_are_the_active_renders_on_a_gpu() -> None:
    rows = [
        row("t0001", RowState.RENDERING, "GPU 0"),
        row("t0002", RowState.DONE, "GPU 1"),
        row("t0003", RowState.RETRYING, "GPU 1"),
        row("", RowState.WAITING, ""),
    ]
    assert busy_slots(rows) == {"GPU 0": "t0001 (BG)", "GPU 1": "t0003 (BG)"}


def test_the_logs_follow_the_selection() -> None:
    assert log_selection([]) == (None, "all tasks of the job")
    keys, label = log_selection([row("", RowState.WAITING)])
    assert keys == frozenset() and label == "queued frames (no log yet)"
    picked = [row(f"t000{n}", RowState.RENDERING) for n in range(1, 6)]
    keys, label = log_selection([*picked, row("", RowState.WAITING)])
    assert keys == {("j1", f"t000{n}") for n in range(1, 6)}
    assert label == "t0001 (BG), t0002 (BG), t0003 (BG) and 2 more"


def test_the_first_failure_reason_is_the_jobs_first_failed_row() -> None:
    rows = [
        row("t0001", RowState.FAILED, reason="other job", job_id="j0"),
        row("t0002", RowState.STOPPED, reason="stopped"),
        row("t0003", RowState.FAILED, reason=None),
        row("t0004", RowState.FAILED, reason="CUDA error"),
        row("t0005", RowState.FAILED, reason="later"),
    ]
    assert first_failure_reason(rows, "j1") == "CUDA error"
    assert first_failure_reason(rows, "j9") is None
