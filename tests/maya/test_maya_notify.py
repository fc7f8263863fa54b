"""End-of-job notification inside Maya: an in-view message and a Script Editor line, on the main
thread, naming the failed frames."""

from __future__ import annotations

import threading

import pytest

from lrc_toolbox.core import events as ev
from lrc_toolbox.maya.notify import job_finished_notifier

#: The fake-maya fixtures (a conftest.py here would shadow tests/conftest.py's names).
pytest_plugins = ["maya_fixtures"]


def _finished(ok: bool) -> ev.JobFinished:
    layers = {"MASTER_BG_A": {"done": [1, 2], "failed": [] if ok else [3, 4]}}
    return ev.JobFinished(
        job_id="j1", ok=ok, state="succeeded" if ok else "failed", layers=layers, elapsed_s=12.0
    )


@pytest.mark.parametrize("ok", [True, False])
def test_job_end_shows_in_view_message_on_the_main_thread(fake_maya_env, ok: bool) -> None:
    notify = job_finished_notifier()
    worker = threading.Thread(target=notify, args=(_finished(ok),))  # engine threads publish
    worker.start()
    worker.join()
    assert fake_maya_env.output == []  # nothing touched Maya from the engine thread
    fake_maya_env.run_deferred()
    in_view = [line for line in fake_maya_env.output if line.startswith("[inViewMessage]")]
    assert len(in_view) == 1
    if ok:
        assert "All 2 frames rendered" in in_view[0]
    else:
        assert "MASTER_BG_A frames 3-4" in in_view[0]
        assert any(line.startswith("// Warning: LRC Batch Render") for line in fake_maya_env.output)


def test_other_events_are_ignored(fake_maya_env) -> None:
    job_finished_notifier()(ev.Progress(job_id="j1"))
    fake_maya_env.run_deferred()
    assert fake_maya_env.output == []
