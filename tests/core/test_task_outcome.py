"""What a finished task's frames become, and its end state (pure rules, simulated retries)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from lrc_toolbox.core.models import GPUInfo, TaskState
from lrc_toolbox.core.scheduler import ChunkPolicy, Slot, WorkQueue
from lrc_toolbox.core.task_outcome import (
    TaskEnd,
    decide_outcome,
    missing_reason,
    split_retries,
)
from lrc_toolbox.utils.frame_parser import FrameSet

KEYS = (("BG", 1), ("BG", 2), ("BG", 3))


def _task(**overrides) -> TaskEnd:
    base = TaskEnd(
        keys=KEYS,
        verified=frozenset(KEYS),
        exit_code=0,
        naming_known=frozenset({"BG"}),
        attempts={key: 1 for key in KEYS},
        retries=1,
    )
    return replace(base, **overrides)


def test_all_verified_and_exit_0_succeeds() -> None:
    outcome = decide_outcome(_task())
    assert (outcome.state, outcome.reason, outcome.layers) == (TaskState.SUCCEEDED, None, ())


def test_the_exit_code_alone_never_decides() -> None:
    crashed_after_writing = decide_outcome(_task(exit_code=139))
    assert crashed_after_writing.state is TaskState.SUCCEEDED
    assert crashed_after_writing.reason == "exited with code 139 after writing every frame"
    silent_skip = decide_outcome(_task(verified=frozenset(KEYS[:2])))
    assert silent_skip.state is TaskState.FAILED
    assert silent_skip.reason == "1 frame(s) without a verified image"
    assert silent_skip.missing == {"BG": [3]}
    assert silent_skip.layers[0].reasons[3] == (
        "render exited 0 but wrote no image for frame 3 (skipped silently)"
    )


def test_missing_reasons_name_the_first_cause_that_applies() -> None:
    key = ("BG", 2)
    plain = _task(verified=frozenset())
    assert missing_reason(replace(plain, exit_code=None), key) == (
        "render ended without writing frame 2 (exit code unknown: it was followed again after "
        "its manager died)"
    )
    assert missing_reason(replace(plain, exit_code=3), key) == (
        "render exited with code 3 before writing frame 2"
    )
    assert "image naming is unknown" in missing_reason(
        replace(plain, naming_known=frozenset()), key
    )
    assert missing_reason(replace(plain, last_errors={key: "Error: no camera"}), key).endswith(
        "; its last error: Error: no camera"
    )
    bad = replace(plain, why_missing={key: "image is empty (0 bytes): x"})
    assert missing_reason(bad, key) == "image is empty (0 bytes): x"
    stopped = replace(bad, stop_reason="hung: no output and no new image for 30s")
    assert missing_reason(stopped, key) == (
        "render stopped before frame 2 was written: hung: no output and no new image for 30s"
    )
    fatal = replace(stopped, fatal_reason="License error")
    assert missing_reason(fatal, key) == "License error"
    assert missing_reason(replace(fatal, launch_error="could not start"), key) == "could not start"


def test_missing_frames_are_retried_within_the_budget_only() -> None:
    task = _task(
        verified=frozenset({("BG", 1)}),
        attempts={("BG", 2): 1, ("BG", 3): 2},
        retries=1,
        exit_code=1,
    )
    layer = decide_outcome(task).layers[0]
    assert (layer.missing, layer.requeued, layer.failed) == ((2, 3), (2,), (3,))
    assert layer.drop_queued_reason is None


def test_a_deterministic_fatal_line_fails_the_layer_without_retrying() -> None:
    task = _task(
        verified=frozenset({("BG", 1)}),
        fatal_reason="Redshift license not found",
        fatal_deterministic=True,
    )
    outcome = decide_outcome(task)
    assert (outcome.state, outcome.reason) == (TaskState.FAILED, "Redshift license not found")
    layer = outcome.layers[0]
    assert (layer.requeued, layer.failed) == ((), (2, 3))
    assert layer.drop_queued_reason == "not rendered: Redshift license not found"
    assert outcome.drop_all_reason is None


def test_a_transient_fatal_line_is_retried() -> None:
    outcome = decide_outcome(_task(verified=frozenset(), fatal_reason="CUDA error"))
    assert outcome.layers[0].requeued == (1, 2, 3)


def test_a_launch_error_fails_everything_queued() -> None:
    outcome = decide_outcome(
        _task(verified=frozenset(), exit_code=None, launch_error="could not start the render: x")
    )
    assert outcome.state is TaskState.FAILED
    assert outcome.layers[0].failed == (1, 2, 3)
    assert outcome.drop_all_reason == "not rendered: could not start the render: x"


def test_cancelled_frames_are_not_retried() -> None:
    outcome = decide_outcome(
        _task(verified=frozenset(), stop_state=TaskState.CANCELLED, stop_reason="stopped")
    )
    assert (outcome.state, outcome.reason) == (TaskState.CANCELLED, "stopped")
    assert outcome.layers[0].requeued == ()


def test_a_watchdog_kill_keeps_verified_frames_and_says_so() -> None:
    killed = _task(stop_state=TaskState.KILLED, stop_reason="hung", exit_code=-9)
    assert decide_outcome(killed).reason == "hung; every frame was verified before the kill"
    partly = decide_outcome(replace(killed, verified=frozenset(KEYS[:1])))
    assert (partly.state, partly.reason) == (TaskState.KILLED, "hung")
    assert partly.layers[0].requeued == (2, 3)


def test_a_task_stopped_after_handing_frames_on_succeeds_on_what_it_kept() -> None:
    # Its keys are only the frames it kept; the supervisor's stop signal is its exit code.
    note = "frames 4-9 went to t0007 on GPU 2"
    handed = decide_outcome(_task(exit_code=-15, handed_over=note))
    assert handed.state is TaskState.SUCCEEDED
    assert handed.reason == f"stopped after its last kept frame: {note}"
    assert handed.layers == ()
    # A kept frame it did not deliver is retried like any missing frame, and says why.
    short = decide_outcome(_task(exit_code=-15, handed_over=note, verified=frozenset(KEYS[:2])))
    assert short.state is TaskState.FAILED
    assert short.missing == {"BG": [3]} and short.layers[0].requeued == (3,)
    assert "stopped at a frame boundary" in short.layers[0].reasons[3]


def test_layers_come_out_in_render_order() -> None:
    keys = (("FG", 1), ("FG", 2), ("BG", 1), ("BG", 2))
    outcome = decide_outcome(
        _task(keys=keys, verified=frozenset({("FG", 2)}), naming_known=frozenset())
    )
    assert [item.layer for item in outcome.layers] == ["FG", "BG"]
    assert outcome.frames_missing == [1, 1, 2]


@settings(max_examples=200, deadline=None)
@given(
    frames=st.lists(st.integers(1, 20), unique=True, max_size=20),
    attempts=st.dictionaries(st.integers(1, 20), st.integers(0, 5)),
    retries=st.integers(0, 3),
    retryable=st.booleans(),
)
def test_split_retries_partitions_the_missing_frames(frames, attempts, retries, retryable) -> None:
    requeued, failed = split_retries(frames, attempts, retries=retries, retryable=retryable)
    assert sorted(requeued + failed) == sorted(frames)
    assert all(attempts.get(frame, 0) <= retries for frame in requeued)
    assert retryable or not requeued


# --------------------------------------------------------------------------------------------------
# Simulation: a frame that never renders, through the real work queue and the outcome rules
# --------------------------------------------------------------------------------------------------
def _gpu() -> GPUInfo:
    return GPUInfo(0, "GPU 0", 8 << 30, 8 << 30, (8, 6), uuid="GPU-00000000")


def run_job(frames: list[int], broken: set[int], retries: int) -> dict[str, object]:
    """Every task renders its frames except ``broken`` ones; apply each outcome to the queue."""
    queue = WorkQueue({"BG": FrameSet(frames)}, policy=ChunkPolicy(fixed_size=3), retries=retries)
    tasks = 0
    done: set[int] = set()
    failed: dict[int, str] = {}
    given: dict[int, int] = {}
    while (spec := queue.next_task(Slot(0, _gpu()), slot_count=1)) is not None:
        tasks += 1
        keys = tuple(("BG", frame) for frame in spec.frames)
        for frame in spec.frames:
            given[frame] = given.get(frame, 0) + 1
        verified = frozenset(key for key in keys if key[1] not in broken)
        done.update(frame for _, frame in verified)
        outcome = decide_outcome(
            TaskEnd(
                keys=keys,
                verified=verified,
                exit_code=0,
                naming_known=frozenset({"BG"}),
                attempts={key: queue.attempts(*key) for key in keys if key not in verified},
                retries=retries,
            )
        )
        for item in outcome.layers:
            queue.requeue(item.layer, item.requeued)
            failed.update({frame: item.reasons[frame] for frame in item.failed})
    return {"tasks": tasks, "done": done, "failed": failed, "given": given}


def test_sim_a_broken_frame_is_given_retries_plus_one_tasks_then_fails() -> None:
    result = run_job(list(range(1, 11)), broken={4}, retries=2)
    assert result["done"] == set(range(1, 11)) - {4}
    assert result["given"][4] == 3
    assert set(result["failed"]) == {4}
    assert "skipped silently" in result["failed"][4]


@settings(max_examples=60, deadline=None)
@given(
    frames=st.lists(st.integers(-20, 60), min_size=1, max_size=40, unique=True),
    broken=st.sets(st.integers(-20, 60), max_size=10),
    retries=st.integers(0, 3),
)
def test_sim_every_frame_ends_done_or_failed_after_its_budget(frames, broken, retries) -> None:
    result = run_job(frames, broken, retries)
    wanted = set(frames)
    assert result["done"] | set(result["failed"]) == wanted
    assert not result["done"] & set(result["failed"])
    for frame in wanted & broken:
        assert result["given"][frame] == retries + 1
    for frame in wanted - broken:
        assert result["given"][frame] == 1
