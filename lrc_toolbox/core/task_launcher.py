"""Starting one task's render: its private scene copy, its command line, environment and log.

Rules:

* every render reads a private copy of the scene, made once per set of layers and reused by their
  tasks, so the artist may keep saving the original meanwhile (:meth:`TaskLauncher.snapshot_for`);
* the copy names the references, textures and caches the original finds beside itself by
  their absolute paths (:class:`~lrc_toolbox.scene.snapshots.PathAnchor`), so it renders like
  the original from the temp folder;
  the copies are made ahead, on a thread of their own, in the order the first tasks need them
  (:meth:`TaskLauncher.prepare`), so a launch seldom waits for one;
* the command line comes from the renderer profile (:func:`build_task_argv`), never a shell
  string; a still (Maya's current frame of a scene whose animation is off) gets no
  ``-s/-e/-b``; the plan's resolved image folder (``-rd``) and project (``-proj``) are always
  passed, so no image depends on where the copy lives;
* the environment is built on purpose: pinned to the slot's GPU (``CUDA_VISIBLE_DEVICES`` with
  ``CUDA_DEVICE_ORDER=PCI_BUS_ID``), with the renderer's variables and without the launcher's own;
* stdout and stderr go, merged, into the task's own log file
  (``<task>_<layers>_a<attempt>.log``), followed line by line.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path

from lrc_toolbox.core.models import RenderMode
from lrc_toolbox.core.planner import JobPlan, PlannedLayer, is_still_task
from lrc_toolbox.core.render_process_manager import ProcessConfig, RenderProcessManager
from lrc_toolbox.core.scheduler import TaskSpec, WorkQueue
from lrc_toolbox.renderers.base import RenderInvocation
from lrc_toolbox.scene import PathAnchor, SceneSnapshots
from lrc_toolbox.utils.child_env import build_child_environment
from lrc_toolbox.utils.render_subprocess import RenderProcess
from lrc_toolbox.utils.temp_file_manager import TempFileManager, safe_file_component


def build_task_argv(plan: JobPlan, spec: TaskSpec, scene_copy: str) -> list[str]:
    """``Render``'s argv for one task of ``plan``, rendering ``scene_copy``.

    A task of still layers (:func:`~lrc_toolbox.core.planner.is_still_task`) gets no
    ``-s/-e/-b``: Maya renders the scene's current frame and names the image without a frame
    number, as its own render of a still does.
    """
    config = plan.config
    nodes = {layer.name: layer.node for layer in plan.layers}
    by_name = {layer.name: layer for layer in plan.layers}
    still = is_still_task([by_name[name] for name in spec.layers], spec.run)
    return plan.profile.build_argv(
        RenderInvocation(
            render_exe=plan.render_exe.path,
            scene_file=scene_copy,
            layers=tuple(nodes[name] for name in spec.layers),
            start=spec.run.start,
            end=spec.run.end,
            by=spec.run.step,
            output_dir=plan.output_dir,
            project_dir=plan.project_dir,
            threads=config.cpu_threads,
            gpu_pinned=spec.slot.gpu is not None,
            skip_existing=config.skip_existing,
            extra_args=tuple(config.extra_args),
            still=still,
        )
    )


def snapshot_order(
    layers: Sequence[PlannedLayer], queue: WorkQueue, mode: RenderMode
) -> list[list[PlannedLayer]]:
    """The layer groups whose scene copies the first launches need, in that order.

    Separate mode: each layer with queued frames, most frames first (the first wave's order);
    combined mode: all of them together.
    """
    queued = [layer for layer in layers if queue.queued_frames(layer.name)]
    if mode is RenderMode.COMBINED and len(queued) > 1:
        return [queued]
    queued.sort(key=lambda layer: -queue.queued_frames(layer.name))  # stable: the user's order
    return [[layer] for layer in queued]


def preview_argv(plan: JobPlan, spec: TaskSpec) -> list[str]:
    """The argv a task would get, with a placeholder for the temp scene not written yet."""
    stem = safe_file_component(plan.scene_path.stem)
    label = safe_file_component("+".join(spec.layers))
    return build_task_argv(plan, spec, f"<temp>/render_{stem}_<timestamp>_{label}.ma")


class TaskLauncher:
    """Launches the renders of one job.

    Args:
        plan: The job's plan.
        temp: Temp file manager for scene snapshots.
        log_dir: Folder for per-task logs.
        processes: The job's registry of render processes.
        low_priority: Run renders below normal priority (inside Maya).
    """

    def __init__(
        self,
        plan: JobPlan,
        *,
        temp: TempFileManager,
        log_dir: Path,
        processes: RenderProcessManager,
        low_priority: bool,
    ) -> None:
        self._plan = plan
        self._temp = temp
        self._log_dir = log_dir
        self._processes = processes
        self._low_priority = low_priority
        self._snapshots: dict[tuple[str, ...], Future[Path]] = {}
        self._lock = threading.Lock()
        config = plan.config
        self._snapshotter = SceneSnapshots(
            temp, PathAnchor(original=config.source_scene, project_dir=plan.project_dir)
        )

    def prepare(self, groups: Sequence[Sequence[PlannedLayer]]) -> None:
        """Make the scene copies of these layer groups ahead, in order, on a background thread.

        A launch that needs one still being made waits for it; one whose copy failed gets the
        error when it asks (:meth:`snapshot_for`), exactly as if it had made the copy itself.
        """
        wanted = []
        with self._lock:
            for layers in groups:
                key = tuple(layer.node for layer in layers)
                if key not in self._snapshots:
                    self._snapshots[key] = Future()
                    wanted.append((layers, self._snapshots[key]))
        if wanted:
            threading.Thread(
                target=self._make_all, args=(wanted,), name="scene-snapshots", daemon=True
            ).start()

    def _make_all(self, wanted: list[tuple[Sequence[PlannedLayer], Future[Path]]]) -> None:
        for layers, future in wanted:
            if future.set_running_or_notify_cancel():
                self._make(layers, future)

    def _make(self, layers: Sequence[PlannedLayer], future: Future[Path]) -> None:
        try:
            nodes = [layer.node for layer in layers]
            snapshots = self._snapshotter
            if self._plan.scene is None:
                path = snapshots.copy_scene(
                    self._plan.scene_path, "+".join(lay.name for lay in layers)
                )
            else:
                path = snapshots.snapshot_scene(self._plan.scene_path, self._plan.scene, nodes)
        except BaseException as exc:  # handed to the launch that needs it (CONVENTIONS 7)
            future.set_exception(exc)
        else:
            future.set_result(path)

    def log_path(self, spec: TaskSpec) -> Path:
        """The log file of a task."""
        label = safe_file_component("+".join(spec.layers))
        return self._log_dir / f"{spec.task_id}_{label}_a{spec.attempt}.log"

    def snapshot_for(self, layers: Sequence[PlannedLayer]) -> Path:
        """A private copy of the scene for these layers (made once, reused by their tasks).

        A ``.ma`` copy has exactly these layers renderable. A Maya Binary scene cannot be patched
        without Maya, so it is copied byte for byte and the layers are chosen with ``-rl`` alone;
        either way the artist may keep saving the original while the renders read the copy.
        """
        key = tuple(layer.node for layer in layers)
        with self._lock:
            future = self._snapshots.get(key)
            mine = future is None or future.cancelled()
            if mine:
                future = self._snapshots[key] = Future()
                future.set_running_or_notify_cancel()
        assert future is not None
        if mine:
            self._make(layers, future)
        return future.result()

    def launch(
        self,
        spec: TaskSpec,
        layers: Sequence[PlannedLayer],
        log_path: Path,
        on_line: Callable[[str], None],
        on_exit: Callable[[], None] | None = None,
    ) -> tuple[RenderProcess, list[str]]:
        """Start a task's render.

        Args:
            spec: The task.
            layers: Its planned layers.
            log_path: Its log file (:meth:`log_path`).
            on_line: Gets each log line, on the process's follower thread (the task's monitor).
            on_exit: Called on the follower thread once the render has exited and its log was
                read to the end (wakes the supervisor).

        Returns:
            (the running process, its argv).

        Raises:
            RenderLaunchError, OSError: The render could not be started.
            ValueError: The scene copy or the command line could not be made.
        """
        plan = self._plan
        scene_copy = self.snapshot_for(layers)
        argv = build_task_argv(plan, spec, str(scene_copy))
        env = build_child_environment(
            cuda_device=spec.slot.cuda_device, renderer_env=plan.profile.environment()
        )
        process = self._processes.create_render_process(
            ProcessConfig(
                process_id=spec.task_id,
                argv=argv,
                env=env,
                log_path=log_path,
                on_line=on_line,
                on_exit=on_exit,
                low_priority=self._low_priority,
            )
        )
        return process, argv


__all__ = ["TaskLauncher", "build_task_argv", "preview_argv", "snapshot_order"]
