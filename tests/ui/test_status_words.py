"""Honest words and numbers (Qt-free): task and job status words, the job header, task progress
that never goes back, one GPU name everywhere, and engine messages in the dialog's words."""

from __future__ import annotations

import re

import pytest

from lrc_toolbox.core.models import GPUInfo, JobState
from lrc_toolbox.core.render_executable import RenderExecutableNotFound
from lrc_toolbox.ui.view_state.dialog_words import FLAG_FIELDS, NOT_IN_THE_DIALOG, in_dialog_words
from lrc_toolbox.ui.view_state.frame_map import FrameCell
from lrc_toolbox.ui.view_state.gpu_names import GpuNames
from lrc_toolbox.ui.view_state.job_header import ESTIMATING, job_header, percent_floor
from lrc_toolbox.ui.view_state.render_rows import RowState, TaskRow
from lrc_toolbox.ui.view_state.status_words import Tone, job_end_words, task_words
from lrc_toolbox.utils.frame_parser import FrameRangeError, FrameSet


def _row(**fields) -> TaskRow:
    values = dict(
        job_id="j", task_id="t0002", layers=("MASTER_CHAR_A",), frames=tuple(range(1, 10))
    )
    values.update(fields)
    return TaskRow(**values)


# --------------------------------------------------------------------------------------------------
# task words
# --------------------------------------------------------------------------------------------------
def test_a_chunk_whose_missing_frames_went_to_a_retry_did_not_fail() -> None:
    row = _row(
        state=RowState.FAILED,
        done_keys={("MASTER_CHAR_A", f) for f in (1, 2)},
        frames_failed=7,
        frames_requeued=7,
        reason="7 frame(s) without a verified image",
    )
    words = task_words(row)
    assert words.short == "Done, 7 frames retried" and words.tone is Tone.RETRY
    assert "7 frame(s) without a verified image" in words.full and "nothing failed" in words.full
    nothing_done = task_words(_row(state=RowState.FAILED, frames_failed=9, frames_requeued=9))
    assert nothing_done.short == "Requeued" and nothing_done.tone is Tone.RETRY


def test_only_frames_failed_for_good_make_a_row_red() -> None:
    row = _row(
        state=RowState.FAILED,
        frames_failed=3,
        frames_requeued=2,
        frames_failed_final=1,
        reason="licence error",
    )
    words = task_words(row)
    assert words.short == "Failed: 1 frame" and words.tone is Tone.BAD
    assert "licence error" in words.full and "2 other frames went to a retry" in words.full


@pytest.mark.parametrize(
    ("fields", "short", "tone"),
    [
        (
            dict(state=RowState.RENDERING, current_frame=4, percent=40.0),
            "Rendering: frame 4 (40%)",
            Tone.ACTIVE,
        ),
        (dict(state=RowState.RETRYING, attempt=2), "Retry 2: starting", Tone.ACTIVE),
        (dict(state=RowState.DONE, done_keys={("L", f) for f in range(9)}), "Done", Tone.GOOD),
        (
            dict(state=RowState.STOPPED, frames_requeued=3, reason="stopped by the user"),
            "Stopped, 3 frames requeued",
            Tone.MUTED,
        ),
        (dict(task_id="", frames=(4, 5)), "Queued", Tone.PLAIN),
    ],
)
def test_status_words_are_short_and_the_tooltip_says_all(fields, short, tone) -> None:
    words = task_words(_row(**fields))
    assert (words.short, words.tone) == (short, tone)
    assert len(words.short) <= 28 and words.full


def test_job_end_words() -> None:
    assert job_end_words(JobState.SUCCEEDED, 0).short == "All verified"
    failed = job_end_words(JobState.FAILED, 1)
    assert failed.short == "1 frame failed" and failed.tone is Tone.BAD
    stopped = job_end_words(JobState.CANCELLED, 0, not_rendered=40)
    assert stopped.short == "Stopped" and stopped.tone is Tone.MUTED and "40 frames" in stopped.full


# --------------------------------------------------------------------------------------------------
# progress
# --------------------------------------------------------------------------------------------------
def test_task_progress_never_goes_back_and_is_full_only_when_all_are_verified() -> None:
    row = _row(state=RowState.RENDERING)
    row.done_keys = {("MASTER_CHAR_A", 1), ("MASTER_CHAR_A", 2)}
    row.current_frame, row.percent = 3, 100.0
    row.note_progress()
    before = row.fraction
    row.current_frame, row.percent = 4, 0.0  # frame 3 not verified yet; frame 4 starts at 0%
    row.note_progress()
    assert row.fraction >= before  # 2/9 frames: no 33% then 28%
    row.done_keys = {("MASTER_CHAR_A", f) for f in range(1, 9)}  # 8 of 9
    row.percent = 100.0
    row.note_progress()
    assert row.fraction < 1.0 and int(row.fraction * 100) == 99
    row.done_keys.add(("MASTER_CHAR_A", 9))
    assert row.fraction == 1.0


def test_a_task_eta_is_the_engines_measured_one_or_nothing() -> None:
    row = _row(state=RowState.RENDERING, started_at=0.0)
    assert row.eta(now=40.0) is None  # start-up: no guess
    row.eta_s = 42.0
    assert row.eta(now=40.0) == 42.0


def test_job_header_percent_is_rounded_down_and_the_eta_estimates_first() -> None:
    assert percent_floor(119, 120) == 99 and percent_floor(120, 120) == 100
    counts = {FrameCell.VERIFIED: 119, FrameCell.RETRYING: 1}
    header = job_header(
        job_id="j1",
        label="shot001.ma",
        counts=counts,
        total=120,
        finished=False,
        end_state=None,
        eta_s=None,
    )
    assert header.title == "shot001.ma · job j1"
    assert header.bar_text == "119 / 120 frames verified (99%)"
    assert header.eta_text == f"ETA {ESTIMATING}" and header.state.short == "Rendering"
    assert header.counts_text == "119 verified · 1 retrying"
    ended = job_header(
        job_id="j1",
        label="",
        counts={FrameCell.VERIFIED: 119, FrameCell.FAILED: 1},
        total=120,
        finished=True,
        end_state=JobState.FAILED,
        eta_s=None,
        took_s=75.0,
    )
    assert ended.state.short == "1 frame failed" and ended.eta_text == "took 1:15"
    assert (
        job_header(
            job_id="j1", label="", counts={}, total=10, finished=False, end_state=None, eta_s=61.0
        ).eta_text
        == "ETA 1:01"
    )


# --------------------------------------------------------------------------------------------------
# GPU names
# --------------------------------------------------------------------------------------------------
def test_a_gpu_is_named_by_index_and_model_everywhere_with_its_uuid_in_the_tooltip() -> None:
    names = GpuNames()
    uuid = "GPU-5f3c9a11-8d2e-4b7a-9c61-0e4d2b7f81a1"
    gpu = GPUInfo(1, "NVIDIA RTX A5000", 24 << 30, 20 << 30, (8, 6), uuid=uuid, pci_bus_id="01:00")
    assert names.update([gpu]) and not names.update([gpu])
    assert (
        names.label(uuid) == names.label("1") == names.label(None, "GPU 1") == "GPU 1 · RTX A5000"
    )
    assert names.label(uuid, "GPU 1 #2") == "GPU 1 · RTX A5000 #2"
    assert uuid in names.tooltip(uuid) and "NVIDIA RTX A5000" in names.tooltip(None, "GPU 1")
    assert names.label(None, "CPU #1") == "CPU #1" and names.label(None) == "CPU"
    assert names.label("GPU-0000000000-aaaa") == "GPU-00000000…"  # not on this machine
    assert names.label("3") == "GPU 3"


# --------------------------------------------------------------------------------------------------
# the dialog's words
# --------------------------------------------------------------------------------------------------
def _cli_flags() -> set[str]:
    from lrc_toolbox.cli import batch_render_cli

    parser = batch_render_cli.build_parser()
    flags: set[str] = set()
    for action in parser._actions:  # argparse has no public list of options
        flags.update(option for option in action.option_strings if option.startswith("--"))
    return flags


def test_every_render_flag_has_a_field_or_is_not_the_dialogs_business() -> None:
    flags = _cli_flags()
    assert flags, "the CLI parser has no options?"
    assert flags <= set(FLAG_FIELDS) | NOT_IN_THE_DIALOG, flags - set(FLAG_FIELDS)


def _engine_messages() -> list[str]:
    messages = [
        "no usable NVIDIA GPU for Redshift: all GPUs are reserved for the interactive session. "
        "Name GPUs with --gpus 0,1 to use them anyway, or lower --reserve-gpus",
        str(RenderExecutableNotFound(["/opt/maya/bin/Render (missing)"])),
        "listing the layers of a Maya Binary (.mb) scene needs Maya: name the layers to render "
        "with --layer NAME, or save the scene as .ma",
        "the scene's frame range 10-1 is reversed: give --frames",
        "--renders-per-gpu must be at least 1 (got 0)",
    ]
    try:
        FrameSet.parse("1-999999999")
    except FrameRangeError as exc:
        messages.append(str(exc))
    return messages


@pytest.mark.parametrize("message", _engine_messages())
def test_engine_messages_name_the_dialogs_fields_not_flags_or_files(message: str) -> None:
    shown = in_dialog_words(message)
    assert not re.search(r"--[a-z]", shown), shown
    assert ".py" not in shown and "MAX_FRAMES" not in shown, shown


def test_known_sentences_read_as_the_dialog() -> None:
    assert "Only these GPUs (Advanced)" in in_dialog_words(_engine_messages()[0])
    assert "Keep GPUs free (Advanced)" in in_dialog_words(_engine_messages()[0])
    assert "Render executable (Advanced)" in in_dialog_words(_engine_messages()[1])
    assert in_dialog_words("plain words stay") == "plain words stay"
