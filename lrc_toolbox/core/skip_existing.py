"""``--skip-existing``: frames whose images already exist are done before anything launches.

Rules:

* a frame is skipped when an image predicted from its layer's naming exists and is non-empty (any
  age: the user asked to keep existing images);
* the naming comes from Maya (``image_templates``) or is learned from earlier jobs of the same
  scene in the job store (the newest :data:`HISTORY_JOBS_SEARCHED` jobs; the first verified image
  of the layer found there teaches it);
* frames whose naming is unknown are left to ``Render -skipExistingFrames`` (passed on the command
  line) and verified afterwards like any frame.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lrc_toolbox.core.job_recorder import JobHistory
from lrc_toolbox.core.models import FrameState
from lrc_toolbox.core.planner import PlannedLayer
from lrc_toolbox.core.verification import ImageNaming, image_ok, infer_image_template

#: Earlier jobs looked at to learn a layer's image naming for --skip-existing.
HISTORY_JOBS_SEARCHED = 20


def learn_naming_from_history(
    history: JobHistory,
    naming: ImageNaming,
    *,
    scene: str,
    layers: Iterable[str],
    job_id: str,
    limit: int = HISTORY_JOBS_SEARCHED,
    stills: Iterable[str] = (),
) -> None:
    """Learn the naming of layers still unknown from earlier jobs of the same scene.

    Args:
        history: The job store's read side.
        naming: The job's naming (learns in place).
        scene: The scene path as stored for jobs.
        layers: The job's layer names.
        job_id: This job (not one to learn from).
        limit: Newest jobs looked at.
        stills: The layers this job renders as a still: they learn only from an earlier
            still's image (a name without the frame number), never from a numbered one.
    """
    still_layers = set(stills)
    missing = {layer for layer in layers if not naming.is_known(layer)}
    for job in history.list_jobs(limit=limit):
        if not missing:
            return
        if job.id == job_id or job.scene != scene:
            continue
        for layer in list(missing):
            for record in history.get_frames(job.id, layer, [FrameState.DONE]):
                if not record.output_path:
                    continue
                still = layer in still_layers
                if still and infer_image_template(record.output_path, record.frame) is not None:
                    continue  # a numbered image: an animation's, not this still's name
                naming.learn(layer, record.output_path, record.frame, still=still)
                missing.discard(layer)
                break


def existing_images(
    layers: Iterable[PlannedLayer],
    naming: ImageNaming,
    *,
    ok: Callable[[str], tuple[bool, str]] = image_ok,
) -> dict[str, list[tuple[int, str]]]:
    """The frames of each layer whose predicted image exists, with that image.

    Args:
        layers: The job's layers and their frames.
        naming: The job's known naming.
        ok: The image check (tests pass a table).

    Returns:
        ``(frame, image)`` pairs per layer name, only for layers with any.
    """
    found: dict[str, list[tuple[int, str]]] = {}
    for layer in layers:
        existing: list[tuple[int, str]] = []
        for frame in layer.frames:
            for path in naming.predict(layer.name, frame):
                if ok(path)[0]:
                    existing.append((frame, path))
                    break
        if existing:
            found[layer.name] = existing
    return found


__all__ = ["HISTORY_JOBS_SEARCHED", "existing_images", "learn_naming_from_history"]
