"""A fake controller that behaves like :class:`EngineController` over a running engine.

It is the boundary the dialog talks to (CONVENTIONS item 5). Like the engine it publishes
plain-Python events through a real :class:`~lrc_toolbox.core.events.EventBus`, from whatever thread
the test drives it on; stopping a task publishes the same ``TaskFinished(cancelled)`` the engine
publishes, and a job ends with a ``JobFinished`` summary. Tests script the render side with
:meth:`FakeController.run_task`, :meth:`progress`, :meth:`finish_task` and :meth:`finish_job`.

Like the engine's job store, it remembers every job it ran (the History view lists them with the
jobs of other sessions that a test adds with :meth:`FakeController.add_stored_job`); resume, retry
and cancel refuse what the engine refuses (a job still running, nothing failed, already ended).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.models import (
    CPUInfo,
    GPUInfo,
    RenderConfig,
    ResourceInfo,
    SystemInfo,
    TaskState,
    TaskStatus,
)
from lrc_toolbox.core.scene_source import LayerChoice, PreparationCancelled, PreparedScene
from lrc_toolbox.ui.controller import (
    ActiveJob,
    BatchRenderController,
    ControllerError,
    FarmOutcome,
    FrameFailure,
    JobDetails,
    JobRow,
    RetryRequest,
    SceneSummary,
    StartedJob,
    TaskDetail,
    build_retry_request,
)
from lrc_toolbox.utils.frame_parser import FrameSet

GB = 1024**3

#: The fake store's clock: jobs are created a minute apart from here (seconds since the epoch).
FAKE_EPOCH_S = 1_763_900_000.0


def require_qt() -> None:
    """Skip the calling test module when Qt.py, a binding or pytest-qt is missing."""
    try:
        import pytestqt  # noqa: F401
        import Qt  # noqa: F401
    except ImportError as exc:  # Qt.py without a binding raises a plain ImportError
        pytest.skip(
            f"Qt is not available ({exc}): pip install Qt.py 'PySide6-Essentials<6.12' pytest-qt",
            allow_module_level=True,
        )


ROOT = Path(__file__).resolve().parents[2]
SAMPLE_SCENE = ROOT / "examples" / "shot001.ma"

SAMPLE_LAYERS = (
    LayerChoice("masterLayer", "defaultRenderLayer", False),
    LayerChoice("MASTER_BG_A", "rs_MASTER_BG_A", True),
    LayerChoice("MASTER_CHAR_A", "rs_MASTER_CHAR_A", True),
    LayerChoice("MASTER_FX_A", "rs_MASTER_FX_A", False),
    LayerChoice("MASTER_ATMOS_A", "rs_MASTER_ATMOS_A", True),
)


def make_gpu(
    index: int, *, util: int | None = 40, used_gb: float = 6.0, total_gb: float = 24.0
) -> GPUInfo:
    """A GPU as NVML reports it."""
    total = int(total_gb * GB)
    return GPUInfo(
        device_id=index,
        name="NVIDIA RTX A5000",
        memory_total=total,
        memory_free=total - int(used_gb * GB),
        compute_capability=(8, 6),
        uuid=f"GPU-0000000{index}-aaaa-bbbb-cccc-000000000000",
        pci_bus_id=f"0000:0{index}:00.0",
        utilization_percent=util,
    )


def make_resources(
    gpus: Sequence[GPUInfo] = (),
    *,
    reserved: int = 0,
    gpu_error: str = "",
    inside_maya: bool = False,
    notes: Sequence[str] = (),
) -> ResourceInfo:
    """Resources as the detector returns them (reserved GPUs are the first ones)."""
    system = SystemInfo(
        gpus=tuple(gpus),
        cpu=CPUInfo(physical_cores=16, logical_cores=32, ram_total=64 * GB, ram_available=40 * GB),
        gpu_source="nvml" if gpus else "none",
        gpu_error=gpu_error,
        driver_version="550.54.14" if gpus else "",
        inside_maya=inside_maya,
    )
    return ResourceInfo(
        system=system,
        usable_gpus=tuple(gpus[reserved:]),
        reserved_gpus=tuple(gpus[:reserved]),
        cpu_threads_total=32,
        cpu_threads_reserved=4 if inside_maya else 0,
        notes=tuple(notes),
    )


class FakeController(BatchRenderController):
    """Records what the dialog asks and publishes engine-shaped events when the test says so."""

    scene_reads_are_thread_safe = True

    def __init__(self, layers: Sequence[LayerChoice] = SAMPLE_LAYERS) -> None:
        self.bus = ev.EventBus()
        self.summary = SceneSummary(
            label="shot001.ma",
            path="/shows/demo/shot001.ma",
            layers=tuple(layers),
            default_frames="1-24",
            default_renderer="redshift",
        )
        self.resources = make_resources([make_gpu(0), make_gpu(1, util=95, used_gb=20.0)])
        self.validate_messages: list[str] = []
        self.prepare_error: Exception | None = None
        self.start_error: Exception | None = None
        self.farm_error: ControllerError | None = None
        self.engines = ["openjd", "opencue", "deadline"]
        self.validated: list[RenderConfig] = []
        self.prepared: list[RenderConfig] = []
        self.started: list[RenderConfig] = []
        self.farm_submissions: list[tuple[RenderConfig, str, bool]] = []
        self.stopped_tasks: list[tuple[str, str]] = []
        self.stop_all_calls = 0
        self.threads: dict[str, str] = {}
        self.start_gate: threading.Event | None = None
        self._lock = threading.Lock()
        self._jobs: dict[str, RenderConfig] = {}
        self._running_tasks: dict[str, dict[str, ev.TaskStarted]] = {}
        self._failed: dict[str, dict[str, list[int]]] = {}
        self._frames: dict[str, dict[str, list[int]]] = {}
        self._finished: set[str] = set()
        self._last_job: str | None = None
        self._count = 0
        # the job store's side: every job ever run here, plus jobs of other sessions
        self.stored: dict[str, JobRow] = {}
        self.stored_details: dict[str, JobDetails] = {}
        self.history_error: ControllerError | None = None
        self.history_calls = 0
        self.details_calls: list[str] = []
        self.resumed: list[str] = []
        self.retried: list[str] = []
        self.cancelled: list[str] = []
        self._rows: dict[str, JobRow] = {}
        self._tasks: dict[str, dict[str, TaskDetail]] = {}

    # -- scene and machine ------------------------------------------------------------------------
    def describe_scene(self) -> SceneSummary:
        self.threads["describe_scene"] = threading.current_thread().name
        return self.summary

    def renderer_names(self) -> list[str]:
        return ["file", "redshift", "arnold", "vray", "sw", "hw2"]

    def system_resources(self, gpus=None, reserve_gpus=None, gpu_count=None) -> ResourceInfo:
        self.threads["system_resources"] = threading.current_thread().name
        self.last_resource_query = (gpus, reserve_gpus, gpu_count)
        return self.resources

    def subscribe(self, callback: Callable[[ev.Event], None], *, logs: bool = True):
        return self.bus.subscribe(callback, logs=logs)

    # -- jobs -------------------------------------------------------------------------------------
    def validate(self, config: RenderConfig) -> list[str]:
        self.threads["validate"] = threading.current_thread().name
        self.validated.append(config)
        return list(self.validate_messages)

    def prepare(self, config: RenderConfig, progress=None) -> PreparedScene:
        self.threads["prepare"] = threading.current_thread().name
        self.prepared.append(config)
        if self.prepare_error is not None:
            raise self.prepare_error
        if progress is not None and progress(1.0, "snapshot written") is False:
            raise PreparationCancelled("cancelled")
        return PreparedScene(scene_file="/tmp/snapshots/shot001_snapshot.ma")

    def start(self, config: RenderConfig, prepared: PreparedScene) -> StartedJob:
        self.threads["start"] = threading.current_thread().name
        if self.start_gate is not None:
            self.start_gate.wait(10)
        if self.start_error is not None:
            raise self.start_error
        if self.is_running():
            raise ControllerError("a render job is still running: stop it or wait for it to finish")
        self.started.append(config)
        return self._begin_job(config)

    def _begin_job(self, config: RenderConfig, job_id: str | None = None) -> StartedJob:
        with self._lock:
            self._count += 1
            job_id = job_id or f"job{self._count:03d}"
            self._jobs[job_id] = config
            self._running_tasks[job_id] = {}
            self._finished.discard(job_id)
            self._last_job = job_id
        layers = config.layers or [c.name for c in self.summary.layers if c.renderable]
        frames = list(range(1, 7))
        per_layer = {layer: frames for layer in layers}
        if config.layer_frames:
            per_layer = {
                layer: list(FrameSet.parse(text)) for layer, text in config.layer_frames.items()
            }
        self._frames[job_id] = per_layer
        self._failed.pop(job_id, None)
        total = sum(len(frames) for frames in per_layer.values())
        self._rows[job_id] = JobRow(
            job_id=job_id,
            state="running",
            scene=self.summary.path or "",
            created_at=FAKE_EPOCH_S + 60.0 * self._count,
            ended_at=None,
            frames_done=0,
            frames_total=total,
            frames_failed=0,
            manager_alive=True,
        )
        self._tasks.setdefault(job_id, {})
        # The engine publishes JobStarted from its supervisor thread as the job begins.
        self.bus.publish(
            ev.JobStarted(
                job_id=job_id,
                layers=per_layer,
                slots=["GPU 0", "GPU 1"],
                renderer=config.renderer,
                log_dir=f"/tmp/logs/{job_id}",
            )
        )
        return StartedJob(job_id=job_id, total_frames=total, notes=("using the Render STAND-IN",))

    def stop_task(self, job_id: str, task_id: str) -> None:
        self.stopped_tasks.append((job_id, task_id))
        started = self._running_tasks.get(job_id, {}).get(task_id)
        if started is not None:
            self.finish_task(
                job_id,
                task_id,
                status="cancelled",
                reason="stopped by the user",
                missing=started.frames,
            )

    def stop_all(self) -> bool:
        self.stop_all_calls += 1
        job_id = self._last_job
        if job_id is None or not self.is_running():
            return False
        for task_id, started in list(self._running_tasks[job_id].items()):
            self.finish_task(
                job_id,
                task_id,
                status="cancelled",
                reason="cancelled by the user",
                missing=started.frames,
            )
        self.finish_job(job_id, state="cancelled", reason="cancelled by the user")
        return True

    def is_running(self) -> bool:
        with self._lock:
            return any(job not in self._finished for job in self._jobs)

    def active_job(self) -> ActiveJob | None:
        job_id = self._last_job
        if job_id is None:
            return None
        tasks = tuple(
            TaskStatus(
                task_id=t.task_id,
                layers=tuple(t.layers),
                frames=tuple(t.frames),
                gpu=t.slot,
                pid=t.pid,
                state=TaskState.RUNNING,
                frames_done=0,
                frames_failed=0,
                current_frame=None,
                percent=None,
                attempt=t.attempt,
                elapsed_s=1.0,
                eta_s=42.0,
                reason=None,
                log_path=t.log_path,
            )
            for t in self._running_tasks.get(job_id, {}).values()
        )
        return ActiveJob(job_id=job_id, running=job_id not in self._finished, tasks=tasks)

    def retry_request(self, job_id: str | None = None) -> RetryRequest:
        job_id = job_id or self._last_job
        if job_id is None or job_id not in self._jobs:
            raise ControllerError("no finished job to retry yet")
        if job_id not in self._finished:
            raise ControllerError(f"job {job_id} is still running")
        return build_retry_request(job_id, self._jobs[job_id], self._failed.get(job_id, {}))

    # -- the job store's side -------------------------------------------------------------------
    def add_stored_job(self, row: JobRow, details: JobDetails | None = None) -> JobRow:
        """A job of another session (or one whose manager crashed) that history lists."""
        self.stored[row.job_id] = row
        if details is not None:
            self.stored_details[row.job_id] = details
        return row

    def _all_rows(self) -> list[JobRow]:
        with self._lock:
            rows = {**self.stored, **self._rows}
        return sorted(rows.values(), key=lambda row: (row.created_at, row.job_id), reverse=True)

    def history(self, limit: int = 50) -> list[JobRow]:
        self.threads["history"] = threading.current_thread().name
        self.history_calls += 1
        if self.history_error is not None:
            raise self.history_error
        return self._all_rows()[: max(1, limit)]

    def job_details(self, job_id: str) -> JobDetails:
        self.threads["job_details"] = threading.current_thread().name
        self.details_calls.append(job_id)
        rows = {row.job_id: row for row in self._all_rows()}
        if job_id not in rows:
            raise ControllerError(f"no job {job_id} in the job store")
        if job_id in self._rows:
            failed = [
                FrameFailure(layer=layer, frame=frame, reason="missing", attempts=1)
                for layer, frames in self._failed.get(job_id, {}).items()
                for frame in frames
            ]
            return JobDetails(
                job=rows[job_id],
                tasks=tuple(self._tasks[job_id].values()),
                failed_frames=tuple(failed),
                output_folder="/tmp/out",
                log_folder=f"/tmp/logs/{job_id}",
            )
        details = self.stored_details.get(job_id)
        return (
            dataclasses.replace(details, job=rows[job_id])
            if details
            else JobDetails(job=rows[job_id])
        )

    def orphaned_jobs(self, scene_path: str | None = None) -> list[JobRow]:
        self.threads["orphaned_jobs"] = threading.current_thread().name
        if self.history_error is not None:
            raise self.history_error
        return [
            row
            for row in self._all_rows()
            if row.orphaned and (scene_path is None or row.scene == scene_path)
        ]

    def resume_job(self, job_id: str) -> StartedJob:
        self.threads["resume_job"] = threading.current_thread().name
        if self.is_running():
            raise ControllerError(
                "a render job is still running: stop it or wait for it to "
                f"finish before you resume job {job_id}"
            )
        row = self.stored.get(job_id)
        if row is None:
            raise ControllerError(f"no job {job_id} in the job store")
        if row.finished:
            raise ControllerError(
                f"job {job_id} already ended ({row.state}); use 'retry "
                f"{job_id}' to render its failed frames again"
            )
        if not row.orphaned:
            raise ControllerError(
                f"job {job_id} is still running in another process: nothing "
                "to resume (cancel it first to take it over)"
            )
        self.resumed.append(job_id)
        del self.stored[job_id]  # from now on it is this session's job, with the same id
        layers = {
            failure.layer
            for failure in self.stored_details.get(job_id, JobDetails(job=row)).failed_frames
        } or {"MASTER_BG_A"}
        config = RenderConfig(scene_file=row.scene, layers=sorted(layers))
        return self._begin_job(config, job_id=job_id)

    def retry_job(self, job_id: str) -> StartedJob:
        self.threads["retry_job"] = threading.current_thread().name
        if self.is_running():
            raise ControllerError(
                "a render job is still running: stop it or wait for it to "
                f"finish before you retry job {job_id}"
            )
        rows = {row.job_id: row for row in self._all_rows()}
        row = rows.get(job_id)
        if row is None:
            raise ControllerError(f"no job {job_id} in the job store")
        if not row.finished:
            raise ControllerError(
                f"job {job_id} is still {row.state}: wait for it, cancel it, or resume it"
            )
        failed: dict[str, list[int]] = {}
        if job_id in self._rows:
            failed = {layer: list(frames) for layer, frames in self._failed.get(job_id, {}).items()}
        elif job_id in self.stored_details:
            for failure in self.stored_details[job_id].failed_frames:
                failed.setdefault(failure.layer, []).append(failure.frame)
        if not failed:
            raise ControllerError(
                f"job {job_id}: every frame has a verified image; nothing to retry"
            )
        self.retried.append(job_id)
        request = build_retry_request(
            job_id, self._jobs.get(job_id) or RenderConfig(scene_file=row.scene), failed
        )
        return self._begin_job(request.config)

    def cancel_job(self, job_id: str) -> str:
        self.threads["cancel_job"] = threading.current_thread().name
        rows = {row.job_id: row for row in self._all_rows()}
        row = rows.get(job_id)
        if row is None:
            raise ControllerError(f"no job {job_id} in the job store")
        if row.finished:
            raise ControllerError(f"job {job_id} already ended ({row.state})")
        self.cancelled.append(job_id)
        if job_id in self._rows:
            self.stop_all()
            return f"job {job_id} is stopping"
        self.stored[job_id] = dataclasses.replace(
            row,
            state="cancelled",
            orphaned=False,
            ended_at=row.created_at + 90.0,
            reason="cancelled by the user",
        )
        return f"job {job_id} cancelled (stopped renders {row.running_renders})"

    # -- farm -------------------------------------------------------------------------------------
    def farm_engines(self) -> list[str]:
        if self.farm_error is not None:
            raise self.farm_error
        return list(self.engines)

    def submit_to_farm(self, config, prepared, engine, *, dry_run=False) -> FarmOutcome:
        self.threads["submit_to_farm"] = threading.current_thread().name
        self.farm_submissions.append((config, engine, dry_run))
        return FarmOutcome(
            engine=engine,
            message=f"{engine} job files written to /tmp/farm",
            submitted=not dry_run,
            job_id=None if dry_run else "farm-42",
            files=("/tmp/farm/template.json",),
        )

    # -- scripting the render side (any thread) ---------------------------------------------------
    def run_task(
        self,
        job_id: str,
        task_id: str,
        layer: str,
        frames: Sequence[int],
        *,
        gpu: str = "GPU 0",
        pid: int = 4242,
        attempt: int = 1,
        log_path: str = "",
    ) -> ev.TaskStarted:
        event = ev.TaskStarted(
            job_id=job_id,
            task_id=task_id,
            layer=layer,
            layers=[layer],
            frames=list(frames),
            gpus=[gpu[-1]],
            slot=gpu,
            pid=pid,
            argv=["Render", "-r", "redshift", "-rl", f"rs_{layer}"],
            attempt=attempt,
            log_path=log_path or f"/tmp/logs/{task_id}.log",
        )
        self._running_tasks[job_id][task_id] = event
        self._tasks[job_id][task_id] = TaskDetail(
            task_id=task_id,
            layers=(layer,),
            frames=tuple(frames),
            state="running",
            gpu=gpu[-1],
            attempt=attempt,
            pid=pid,
            log_path=event.log_path,
            started_at=self._rows[job_id].created_at + 1.0,
        )
        self.bus.publish(event)
        return event

    def progress(
        self, job_id: str, task_id: str, frame: int, percent: float, frames_done: int = 0
    ) -> None:
        started = self._running_tasks[job_id][task_id]
        self.bus.publish(
            ev.Progress(
                job_id=job_id,
                task_id=task_id,
                layer=started.layer,
                frame=frame,
                percent=percent,
                frames_done=frames_done,
                frames_total=len(started.frames),
            )
        )

    def log(self, job_id: str, task_id: str, line: str, level: str = "info") -> None:
        self.bus.publish(ev.LogLine(job_id=job_id, task_id=task_id, line=line, level=level))

    def frame_done(self, job_id: str, task_id: str, layer: str, frame: int) -> None:
        self.bus.publish(
            ev.FrameDone(
                job_id=job_id,
                layer=layer,
                frame=frame,
                task_id=task_id,
                output=f"/tmp/out/{layer}/shot001.{frame:04d}.exr",
            )
        )

    def finish_task(
        self,
        job_id: str,
        task_id: str,
        *,
        status: str = "succeeded",
        reason: str | None = None,
        missing: Sequence[int] = (),
        will_retry: bool = False,
    ) -> None:
        started = self._running_tasks[job_id].pop(task_id)
        done = [f for f in started.frames if f not in missing]
        task = self._tasks[job_id][task_id]
        self._tasks[job_id][task_id] = dataclasses.replace(
            task,
            state=status,
            ended_at=(task.started_at or 0.0) + 10.0,
            reason=reason,
            exit_code=0 if status == "succeeded" else 1,
        )
        self.bus.publish(
            ev.TaskFinished(
                job_id=job_id,
                task_id=task_id,
                status=status,
                exit_code=0 if status == "succeeded" else 1,
                reason=reason,
                frames_done=done,
                frames_missing=list(missing),
            )
        )
        for frame in missing:
            self.bus.publish(
                ev.FrameFailed(
                    job_id=job_id,
                    layer=started.layer,
                    frame=frame,
                    reason=reason or "missing",
                    task_id=task_id,
                    will_retry=will_retry,
                )
            )
            if not will_retry:
                self._failed.setdefault(job_id, {}).setdefault(started.layer, []).append(frame)

    def finish_job(
        self, job_id: str, *, state: str | None = None, reason: str | None = None
    ) -> None:
        failed = self._failed.get(job_id, {})
        summary = {
            layer: {
                "done": [f for f in frames if f not in failed.get(layer, [])],
                "failed": list(failed.get(layer, [])),
            }
            for layer, frames in self._frames[job_id].items()
        }
        ok = not any(failed.values()) and state != "cancelled"
        row = self._rows[job_id]
        failed_count = sum(len(frames) for frames in failed.values())
        with self._lock:
            self._finished.add(job_id)
            self._rows[job_id] = dataclasses.replace(
                row,
                state=state or ("succeeded" if ok else "failed"),
                ended_at=row.created_at + 12.5,
                frames_failed=failed_count,
                frames_done=row.frames_total - failed_count,
                manager_alive=False,
                reason=reason,
            )
        self.bus.publish(
            ev.JobFinished(
                job_id=job_id,
                ok=ok,
                state=state or ("succeeded" if ok else "failed"),
                layers=summary,
                elapsed_s=12.5,
                reason=reason,
            )
        )
