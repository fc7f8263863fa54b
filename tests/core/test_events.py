"""Engine events: one name for a task (``task_id``), the JSON form with its kept ``task`` key."""

from __future__ import annotations

import dataclasses
import json

import pytest

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.models import JobState, TaskState

#: Every event about one task, built with the same id.
TASK_EVENTS = (
    ev.TaskStarted(job_id="j", task_id="t0007", layer="BG", frames=[1, 2]),
    ev.Progress(job_id="j", task_id="t0007", layer="BG", frame=1, percent=50.0),
    ev.LogLine(job_id="j", task_id="t0007", line="Rendering frame 1"),
    ev.FrameDone(job_id="j", layer="BG", frame=1, output="/o/BG.0001.exr", task_id="t0007"),
    ev.FrameFailed(job_id="j", layer="BG", frame=2, reason="hung", task_id="t0007"),
    ev.TaskFinished(job_id="j", task_id="t0007", status=TaskState.SUCCEEDED, exit_code=0),
)


@pytest.mark.parametrize("event", TASK_EVENTS, ids=lambda e: str(e.NAME))
def test_an_event_about_a_task_names_it_task_id_and_keeps_task_in_json(event: ev.Event) -> None:
    names = [f.name for f in dataclasses.fields(event)]
    assert "task_id" in names and "task" not in names
    assert getattr(event, "task") == "t0007"  # noqa: B009  # the kept Python alias
    data = event.to_dict()
    assert data["task_id"] == data["task"] == "t0007"
    keys = list(data)
    assert keys.index("task") + 1 == keys.index("task_id")  # the alias sits just before it
    assert keys[:2] == ["event", "job_id"]


def test_events_without_a_task_carry_no_task_key() -> None:
    for event in (
        ev.JobStarted(job_id="j"),
        ev.Notice(job_id="j", message="m"),
        ev.JobFinished(job_id="j", ok=True, state=JobState.SUCCEEDED),
    ):
        assert "task" not in event.to_dict() and "task_id" not in event.to_dict()


def test_the_json_form_holds_plain_text_where_python_holds_enum_members() -> None:
    finished = ev.TaskFinished(job_id="j", task_id="t1", status="killed")
    assert finished.status is TaskState.KILLED  # text given, member kept
    summary = ev.JobFinished(job_id="j", state="cancelled")
    assert summary.state is JobState.CANCELLED
    line = ev.LogLine(job_id="j", task_id="t1", line="x", level="warning")
    assert line.level is ev.LogLevel.WARNING
    for event in (finished, summary, line):
        data = event.to_dict()
        assert all(type(value) is not ev.EventName for value in data.values())
        assert json.loads(json.dumps(data)) == data
    assert finished.to_dict()["status"] == "killed" and type(finished.to_dict()["status"]) is str
    assert finished.to_dict()["event"] == "task_finished"
    assert f"{finished.status}" == "killed"  # formats as its value on every Python


def test_event_names_and_log_levels_are_the_documented_texts() -> None:
    assert [str(cls.NAME) for cls in (ev.JobStarted, ev.TaskStarted, ev.Progress, ev.LogLine)] == [
        "job_started",
        "task_started",
        "progress",
        "log",
    ]
    assert [str(cls.NAME) for cls in (ev.FrameDone, ev.FrameFailed, ev.TaskFinished)] == [
        "frame_done",
        "frame_failed",
        "task_finished",
    ]
    assert (str(ev.Notice.NAME), str(ev.JobFinished.NAME)) == ("notice", "summary")
    assert [level.value for level in ev.LogLevel] == ["info", "warning", "error", "fatal"]
    assert [level.rank for level in ev.LogLevel] == [0, 1, 2, 3]
    with pytest.raises(ValueError):
        ev.LogLine(job_id="j", task_id="t1", line="x", level="loud")
