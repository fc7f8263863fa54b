"""The TD's workflow in Maya's Script Editor: start a render, keep working, read progress there.

::

    from lrc_toolbox.maya import td
    job = td.render_layer(layer="MASTER_BG_A", frames="1-24", gpu_id=1)           # the open scene
    job = td.render_layer(scene_file="shot001.ma", layer="MASTER_BG_A", frames="1-24", gpu_id=1)
    job.stop()                                                                       # if needed

:func:`render_layer` returns at once with the job's handle. With no ``scene_file`` it first
snapshots the open scene (on Maya's main thread, with a progress window and Cancel; see
:mod:`lrc_toolbox.maya.snapshot`); the snapshot is deleted once the job has rendered every frame
(a job with failed frames keeps it for ``api.retry(job_id)`` until Maya quits). Progress lines and
the final summary appear in the Script Editor: the engine's events arrive on engine threads, and are
handed to Maya's main thread with ``maya.utils.executeDeferred`` before anything is printed, so
Maya never freezes and never prints from a foreign thread. In batch mode (``mayapy``) there is no
idle loop and ``executeDeferred`` never runs (PyMEL ``mayautils.py``: Maya's version "does not
execute at all when in batch mode"; Autodesk "Python and threading"), so the lines are printed
at once, plainly, without any Maya command.

Inside Maya the engine's defaults already keep the interactive session usable: the reservation
policy keeps 1 GPU and 4 CPU threads for Maya (``core/system_detector.is_inside_maya``), and renders
run at a lower OS priority (``BatchRenderAPI`` passes ``low_priority`` when inside Maya). Nothing
here changes that; ``reserve_gpus=0`` overrides the GPU reservation for a job.

The plain API (``BatchRenderAPI().render_layer(scene_file=..., ...)``) works in Maya too and also
returns at once, but it needs a scene file and its subscribers run on engine threads: use
:func:`echo_events` to see its progress in the Script Editor safely.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from lrc_toolbox.core import events as ev
from lrc_toolbox.core.batch_render_api import BatchRenderAPI, JobHandle
from lrc_toolbox.core.models import RenderConfig, TaskState
from lrc_toolbox.core.plan_inputs import render_layer_config
from lrc_toolbox.core.planner import PlanError
from lrc_toolbox.maya import host
from lrc_toolbox.maya.scene_source import MayaSceneSource
from lrc_toolbox.utils.frame_parser import FrameSet

#: Every line this module prints starts with this.
PREFIX = "[LRC]"

_LOCK = threading.Lock()
_SESSION: dict[str, Any] = {}


def session_api() -> BatchRenderAPI:
    """The API shared by this Maya session's TD calls (one job at a time, like the dialog's)."""
    with _LOCK:
        api = _SESSION.get("api")
        if api is None:
            api = _SESSION["api"] = BatchRenderAPI()
        return api


def session_source() -> MayaSceneSource:
    """The open-scene source shared by this session's TD calls (it holds their snapshots)."""
    with _LOCK:
        source = _SESSION.get("source")
        if source is None:
            source = _SESSION["source"] = MayaSceneSource()
        return source


def reset_session() -> None:
    """Forget the session's API and scene source; new ones are made on next use.

    Jobs already started keep running (their handles still work).
    """
    with _LOCK:
        _SESSION.clear()


def render_layer(
    scene_file: str | None = None,
    layer: str | Sequence[str] | None = None,
    frames: str = "",
    gpu_id: int | str | Sequence[int | str] | None = None,
    *,
    api: BatchRenderAPI | None = None,
    source: MayaSceneSource | None = None,
    echo: bool = True,
    **options: object,
) -> JobHandle:
    """Render layer(s) of a scene file, or of the scene open in Maya; returns at once.

    Args:
        scene_file: A ``.ma``/``.mb`` file, or None for the scene open in Maya (snapshotted first,
            unsaved changes included).
        layer: Layer name(s) as the artist sees them; None: every renderable layer.
        frames: Frame string (``1-24``, ``1,10-20,50``); empty: what Maya renders for each layer.
        gpu_id: GPU index/UUID (or several); None: every usable GPU (1 stays with Maya).
        api: The API to use (default: this session's, see :func:`session_api`).
        source: The open-scene source that snapshots and holds the snapshot (default: this
            session's, see :func:`session_source`).
        echo: Print progress and the summary in the Script Editor.
        **options: Any other :class:`~lrc_toolbox.core.models.RenderConfig` field
            (``renderer="redshift"``, ``retries=1``, ``output_dir=...``).

    Returns:
        The job's handle: ``job.stop()``, ``job.status()``, ``job.result`` once finished.

    Raises:
        PlanError: Bad input or environment; nothing was started.
        SceneSourceError: The open scene cannot be rendered as asked (every problem, one per line).
        PreparationCancelled: Cancel was pressed during the snapshot.
        RuntimeError: This API still runs a job (wait for it or stop it).
    """
    api = api or session_api()
    config = _config(scene_file, layer, frames, gpu_id, options)
    echo_to = ScriptEditorEcho(api) if echo else None
    try:
        if scene_file is None:
            source = source or session_source()
            prepared = source.prepare(config)
            config.scene_file = prepared.scene_file
            if echo_to is not None:
                for note in prepared.notes:
                    print(f"{PREFIX} {note}")
            try:
                handle = api.submit(config, image_templates=prepared.image_templates)
            except BaseException:
                source.release(prepared)
                raise
            source.release_when_finished(api, handle, prepared)
        else:
            handle = api.submit(config)
    except BaseException:
        if echo_to is not None:
            echo_to.close()
        raise
    if echo_to is not None:
        echo_to.attach(handle.job_id)
    return handle


def echo_events(api: BatchRenderAPI, job: JobHandle | str) -> ScriptEditorEcho:
    """Print a job's progress in the Script Editor (for jobs started with the plain API).

    Lines already published before this call are not repeated.

    Returns:
        The echo; ``close()`` stops it early.
    """
    echo_to = ScriptEditorEcho(api)
    echo_to.attach(job if isinstance(job, str) else job.job_id)
    return echo_to


def _config(
    scene_file: str | None,
    layer: str | Sequence[str] | None,
    frames: str,
    gpu_id: int | str | Sequence[int | str] | None,
    options: dict[str, object],
) -> RenderConfig:
    if "scene_file" in options:
        raise PlanError("unknown render option 'scene_file'")
    # Empty means empty: layer=[], frames=None, gpu_id=[] are refused (None layer: every one).
    return render_layer_config(
        scene_file or "", layer, frames, gpu_id, options, none_means_all=True
    )


class ScriptEditorEcho:
    """Turns one job's engine events into Script Editor lines, printed on Maya's main thread.

    It subscribes at once (so no early event is lost) and buffers events until :meth:`attach`
    names the job. Formatting happens on the engine thread (pure Python); printing is handed to
    the main thread with ``executeDeferred``.

    Args:
        api: The API whose events to follow.
        defer: Hands a call to Maya's main thread (default ``maya.utils.executeDeferred``).
    """

    def __init__(self, api: BatchRenderAPI, defer: Callable[..., None] | None = None) -> None:
        if defer is None:
            defer = _print_at_once if _batch_mode() else host.defer
        self._defer = defer
        self._lock = threading.Lock()
        self._job: str | None = None
        self._pending: list[ev.Event] = []
        self._totals: dict[str, int] = {}
        self._done: dict[str, int] = {}
        self._closed = False
        self._unsubscribe = api.subscribe(self._on_event)

    def attach(self, job_id: str) -> None:
        """Follow ``job_id`` (events buffered so far for it are printed now)."""
        with self._lock:
            self._job = job_id
            pending, self._pending = self._pending, []
        for event in pending:
            self._on_event(event)

    def close(self) -> None:
        """Stop following (idempotent)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._unsubscribe()

    def _on_event(self, event: ev.Event) -> None:
        with self._lock:
            if self._closed:
                return
            if self._job is None:
                self._pending.append(event)
                return
            if event.job_id != self._job:
                return
            line = self._format(event)
        if line is not None:
            text, warn = line
            self._defer(_emit, text, warn)
        if isinstance(event, ev.JobFinished):
            self.close()

    def _format(self, event: ev.Event) -> tuple[str, bool] | None:
        """One line (and whether it is a warning) for an event, or None for events not shown."""
        if isinstance(event, ev.JobStarted):
            self._totals = {name: len(frames) for name, frames in event.layers.items()}
            layers = ", ".join(
                f"{name} ({FrameSet(frames).to_string()})" for name, frames in event.layers.items()
            )
            return (
                f"{PREFIX} Job {event.job_id} started: {layers} on {len(event.slots)} "
                f"slot(s). Logs: {event.log_dir}",
                False,
            )
        if isinstance(event, ev.TaskStarted):
            where = f"GPU {', '.join(event.gpus)}" if event.gpus else "CPU"
            if event.pid is None:
                return None  # a launch failure; task_finished says why
            frames = FrameSet(event.frames).to_string()
            return (
                f"{PREFIX} {'+'.join(event.layers)} frames {frames} started on {where} "
                f"(pid {event.pid})",
                False,
            )
        if isinstance(event, ev.FrameDone):
            self._done[event.layer] = self._done.get(event.layer, 0) + 1
            total = self._totals.get(event.layer, 0)
            return (
                f"{PREFIX} {event.layer} frame {event.frame} done "
                f"({self._done[event.layer]}/{total})",
                False,
            )
        if isinstance(event, ev.FrameFailed):
            retry = " - will retry" if event.will_retry else ""
            return (
                f"{PREFIX} {event.layer} frame {event.frame} failed: {event.reason}{retry}",
                not event.will_retry,
            )
        if isinstance(event, ev.TaskFinished):
            if event.status is TaskState.SUCCEEDED:
                return None
            why = event.reason or "no reason given"
            return f"{PREFIX} Task {event.task_id} {event.status}: {why}", False
        if isinstance(event, ev.JobFinished):
            return _summary(event), not event.ok
        return None


def _summary(event: ev.JobFinished) -> str:
    done = sum(len(v.get("done", [])) for v in event.layers.values())
    if event.ok:
        return (
            f"{PREFIX} Job {event.job_id} finished: all {done} frame(s) rendered and verified "
            f"in {event.elapsed_s:.1f} s."
        )
    parts = []
    for name, result in event.layers.items():
        failed = result.get("failed", [])
        if failed:
            parts.append(f"{name} frames {FrameSet(failed).to_string()}")
    why = f" ({event.reason})" if event.reason else ""
    return (
        f"{PREFIX} Job {event.job_id} {event.state}{why}: {done} frame(s) done; failed: "
        f"{'; '.join(parts) or 'none'}. See the task logs for the reasons."
    )


def _batch_mode() -> bool:
    """True in ``mayapy``/``mayabatch``; False in an interactive Maya (or when Maya is absent)."""
    try:
        return host.is_batch()
    except host.MayaUnavailableError:
        return False


def _print_at_once(_func: Callable[..., None], text: str, warning: bool) -> None:
    """Batch mode's stand-in for ``executeDeferred(_emit, ...)``: print now, any thread, no Maya
    command (``cmds.warning`` is not safe off the main thread)."""
    print(f"Warning: {text}" if warning else text, flush=True)


def _emit(text: str, warning: bool) -> None:
    """Print one line in the Script Editor (main thread): failures as Maya warnings."""
    if warning:
        host.maya_cmds.warning(text)
    else:
        print(text)
