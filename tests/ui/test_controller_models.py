"""The controller's small models, each against a stand-in for BatchRenderAPI (the boundary).

What they add to the API is tested here: the one-job-at-a-time rule, errors as one sentence,
the memory of finished jobs' details and what ``reset`` forgets. The real API behind them is
tested end to end in ``test_controller.py`` and ``test_history_controller.py``.
"""

from __future__ import annotations

import types

import pytest

from lrc_toolbox import farm
from lrc_toolbox.core.batch_render_api import JobSummary
from lrc_toolbox.core.job_store import JobStoreError
from lrc_toolbox.core.models import FrameState, RenderConfig, TaskState
from lrc_toolbox.core.planner import PlanError
from lrc_toolbox.core.scene_source import PreparedScene
from lrc_toolbox.ui.control.abstract import ControllerError
from lrc_toolbox.ui.control.models.farm_model import FarmModel, farm_outcome
from lrc_toolbox.ui.control.models.history_model import DETAILS_KEPT_JOBS, HistoryModel
from lrc_toolbox.ui.control.models.run_model import RunModel


# -- stand-ins ---------------------------------------------------------------------------------------
def stored(job_id: str, state: str = "failed", task_state: TaskState = TaskState.FAILED):
    """A stored job as ``BatchRenderAPI.stored_job`` returns it (one render, one failed frame)."""
    summary = JobSummary(
        job_id=job_id,
        state=state,
        scene="/s/shot.ma",
        created_at=10.0,
        ended_at=None if state == "running" else 20.0,
        manager_alive=state == "running",
        orphaned=False,
        layers={"BG": {"done": 1, "failed": 1}},
    )
    task = types.SimpleNamespace(
        task_id="t0001",
        layers=["BG"],
        frames=[1, 2],
        state=task_state,
        gpu="0",
        attempt=1,
        pid=42,
        peak_gpu_memory=None,
        log_path=f"/logs/{job_id}/t0001.log",
        started_at=11.0,
        ended_at=19.0,
        exit_code=1,
        reason="CUDA error",
    )
    frames = [
        types.SimpleNamespace(
            layer="BG",
            frame=1,
            state=FrameState.DONE,
            output_path="/img/BG/s.0001.exr",
            reason=None,
            attempts=1,
            task_id=task.task_id,
        ),
        types.SimpleNamespace(
            layer="BG",
            frame=2,
            state=FrameState.FAILED,
            reason="CUDA error",
            attempts=1,
            gpu="0",
            task_id=task.task_id,
            output_path=None,
        ),
    ]
    job = types.SimpleNamespace(config={"output_dir": "", "renderer": "redshift"})
    return types.SimpleNamespace(summary=summary, job=job, tasks=[task], frames=frames)


class StoreAPI:
    """The stored-job calls of BatchRenderAPI, counting reads."""

    def __init__(self) -> None:
        self.jobs: dict[str, object] = {}
        self.reads: list[str] = []
        self.error: Exception | None = None
        self.cancel_error: Exception | None = None

    def history(self, limit: int = 20) -> list[JobSummary]:
        if self.error is not None:
            raise self.error
        return [job.summary for job in self.jobs.values()][:limit]

    def stored_job(self, job_id: str):
        self.reads.append(job_id)
        if self.error is not None:
            raise self.error
        if job_id not in self.jobs:
            raise PlanError(f"no job {job_id} in /tmp/jobs.sqlite3 (recent jobs: none)")
        return self.jobs[job_id]

    def cancel(self, job_id: str) -> str:
        if self.cancel_error is not None:
            raise self.cancel_error
        return f"job {job_id} cancelled"


# -- history ---------------------------------------------------------------------------------------
def test_a_finished_jobs_details_are_read_once_until_reset() -> None:
    api = StoreAPI()
    api.jobs["done"] = stored("done")
    model = HistoryModel(api)
    first = model.job_details("done")
    assert [(f.layer, f.frame) for f in first.failed_frames] == [("BG", 2)]
    assert first.output_folder == "/img/BG" and first.tasks[0].task_id == "t0001"
    assert model.job_details("done") is first and api.reads == ["done"]
    model.reset()
    assert model.job_details("done") == first and api.reads == ["done", "done"]


def test_a_running_jobs_details_are_read_every_time() -> None:
    api = StoreAPI()
    api.jobs["live"] = stored("live", state="running", task_state=TaskState.RUNNING)
    # ended in the store, but a render of it is still recorded as running: not final yet
    api.jobs["ending"] = stored("ending", state="cancelled", task_state=TaskState.RUNNING)
    model = HistoryModel(api)
    for _ in range(3):
        model.job_details("live")
        model.job_details("ending")
    assert api.reads.count("live") == 3 and api.reads.count("ending") == 3


def test_only_the_most_recent_finished_jobs_are_kept() -> None:
    api = StoreAPI()
    for n in range(DETAILS_KEPT_JOBS + 1):
        api.jobs[f"j{n}"] = stored(f"j{n}")
    model = HistoryModel(api)
    for n in range(DETAILS_KEPT_JOBS + 1):
        model.job_details(f"j{n}")
    api.reads.clear()
    model.job_details(f"j{DETAILS_KEPT_JOBS}")
    model.job_details("j0")  # the oldest read was forgotten
    assert api.reads == ["j0"]


def test_store_errors_and_refusals_are_one_sentence() -> None:
    api = StoreAPI()
    model = HistoryModel(api)
    with pytest.raises(ControllerError, match="^no job nope in "):
        model.job_details("nope")
    api.error = JobStoreError("job store /x: disk I/O error")
    with pytest.raises(ControllerError, match="^cannot read the job history: job store /x"):
        model.history()
    with pytest.raises(ControllerError, match="cannot read the job history"):
        model.orphaned_jobs()
    api.cancel_error = PermissionError("operation not permitted")
    with pytest.raises(ControllerError, match="^could not stop job j1: operation not permitted"):
        model.cancel("j1")
    api.cancel_error = PlanError("job j1 already ended (succeeded)")
    with pytest.raises(ControllerError, match="^job j1 already ended"):
        model.cancel("j1")


# -- this controller's jobs ------------------------------------------------------------------------
class Handle:
    """A job handle whose end the test decides."""

    def __init__(self, job_id: str, config: RenderConfig) -> None:
        self.job_id = job_id
        self.plan = types.SimpleNamespace(config=config, total_frames=4, notes=["stand-in"])
        self.done = False
        self.result = types.SimpleNamespace(failed={"BG": [3, 4]})
        self.stopped: list[str] = []

    def wait(self, timeout: float | None = None) -> bool:
        return self.done

    def status(self) -> list:
        return []

    def stop_task(self, task_id: str) -> None:
        self.stopped.append(task_id)


class RunAPI:
    """The starting calls of BatchRenderAPI."""

    def __init__(self) -> None:
        self.handles: list[Handle] = []

    def submit(self, config: RenderConfig, *, image_templates=None) -> Handle:
        if config.layers == ["BAD"]:
            raise PlanError("layer 'BAD' is not in the scene")
        self.handles.append(Handle(f"job{len(self.handles) + 1}", config))
        return self.handles[-1]

    def resume(self, job_id: str) -> Handle:
        raise JobStoreError(f"job store: job {job_id} is locked")

    def retry(self, job_id: str) -> Handle:
        return self.submit(RenderConfig(scene_file="/s/shot.ma", layers=["BG"]))


def start(model: RunModel, layers: list[str]):
    config = RenderConfig(scene_file="/s/shot.ma", layers=layers)
    return model.start(config, config, PreparedScene(scene_file="/tmp/snap.ma"))


def test_one_job_at_a_time_and_refusals_are_messages() -> None:
    api = RunAPI()
    model = RunModel(api)
    started = start(model, ["BG"])
    assert started.job_id == "job1" and started.notes == ("stand-in",)
    assert model.is_running() and model.active_job().job_id == "job1"
    with pytest.raises(ControllerError, match="still running"):
        start(model, ["BG"])
    with pytest.raises(ControllerError, match="before you retry job old"):
        model.retry("old")
    model.stop_task("job1", "t0002")
    assert api.handles[0].stopped == ["t0002"]
    api.handles[0].done = True
    with pytest.raises(ControllerError, match="^layer 'BAD' is not in the scene$"):
        start(model, ["BAD"])
    with pytest.raises(ControllerError, match="^job store: job j9 is locked$"):
        model.resume("j9")
    request = model.retry_request()
    assert request.source_job_id == "job1" and request.config.layer_frames == {"BG": "3-4"}


def test_reset_forgets_finished_jobs_and_keeps_running_ones() -> None:
    api = RunAPI()
    model = RunModel(api)
    start(model, ["BG"])
    api.handles[0].done = True
    model.reset()
    assert model.active_job() is None
    with pytest.raises(ControllerError, match="no finished job to retry yet"):
        model.retry_request()
    model.retry("job1")  # a stored job's retry runs as this model's job
    model.reset()
    assert model.is_running() and model.active_job().job_id == "job2"


# -- farm ------------------------------------------------------------------------------------------
def test_the_farm_models_engines_are_the_farm_packages() -> None:
    assert FarmModel(RunAPI()).engines() == list(farm.FARM_ENGINES)


def test_a_farm_error_and_a_plan_error_are_messages(monkeypatch) -> None:
    class PlanAPI:
        def plan(self, config: RenderConfig, *, for_farm: bool = False):
            assert for_farm  # a farm job needs no GPU on this machine
            if not config.layers:
                raise PlanError("no renderable layer")
            return "the plan"

    def submit_job(plan, engine, *, dry_run=False):
        raise farm.FarmError(f"{engine} refused {plan}")

    monkeypatch.setattr(farm, "submit_job", submit_job)
    model = FarmModel(PlanAPI())
    with pytest.raises(ControllerError, match="^no renderable layer$"):
        model.submit(RenderConfig(scene_file="/s/shot.ma"), "openjd")
    with pytest.raises(ControllerError, match="^deadline refused the plan$"):
        model.submit(RenderConfig(scene_file="/s/shot.ma", layers=["BG"]), "deadline")


def test_a_submission_without_a_message_gets_one() -> None:
    def submission(**changes) -> farm.FarmSubmission:
        values = dict(
            engine="deadline",
            files=["/f/job.txt", "/f/plugin.txt"],
            command=["deadlinecommand", "/f/job.txt"],
            submitted=False,
            job_id=None,
            message="",
        )
        values.update(changes)
        return farm.FarmSubmission(**values)

    dry = farm_outcome(submission(), "deadline", True)
    assert dry.message == "deadline job files written to /f/job.txt (dry run)"
    assert dry.files == ("/f/job.txt", "/f/plugin.txt") and not dry.submitted
    sent = farm_outcome(submission(submitted=True, job_id="abc"), "deadline", False)
    assert sent.message == "submitted to deadline as job abc" and sent.job_id == "abc"
    said = farm_outcome(submission(message="Submitted.", command=None), "deadline", False)
    assert said.message == "Submitted." and said.command == ()
