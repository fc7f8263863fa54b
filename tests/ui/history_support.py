"""Helpers of the History tests: a job whose manager died, written into a real job store.

A crash of Maya (or ``kill -9`` of a CLI) leaves exactly this in the store: the job still
``running``, its manager's pid and start time recorded, some frames verified, the rest pending.
The manager pid used here cannot exist (above the kernel's pid limit), so the job reads as
orphaned to the engine's own checks, as after a real crash (tests/test_resume.py covers the
crash itself with ``kill -9``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from fakes import SAMPLE_SCENE

from lrc_toolbox.core.job_store import JobStore, new_job_id
from lrc_toolbox.core.models import FrameState, GPUInfo, JobState
from lrc_toolbox.core.system_detector import SystemDetector
from lrc_toolbox.utils.gpu_utils import GPUQueryError

#: A pid no process can have (Linux caps pids at 2**22): its manager is certainly gone.
DEAD_MANAGER_PID = 999_999_999


def gpu_detector(gpus: Sequence[GPUInfo]) -> SystemDetector:
    """A detector whose NVML answers like a machine with ``gpus`` (NVML is the boundary)."""

    def smi() -> list[GPUInfo]:
        raise GPUQueryError("nvidia-smi not found")

    return SystemDetector(
        nvml_query=lambda: (list(gpus), "550.54.14"), smi_query=smi, inside_maya=False
    )


def write_orphaned_job(
    store_path: Path,
    *,
    standin_exe: str,
    output_dir: Path,
    layer: str = "MASTER_BG_A",
    frames: Sequence[int] = (1, 2, 3),
    done: Sequence[int] = (1,),
) -> str:
    """Store a job that was rendering when its manager died; returns its id.

    Frames in ``done`` are verified (their images exist, as the dead manager had checked);
    the others are still pending. Nothing of the job runs any more.
    """
    job_id = new_job_id()
    config = {
        "scene_file": str(SAMPLE_SCENE),
        "layers": [layer],
        "frame_range": "",
        "step": 1,
        "renderer": "redshift",
        "render_exe": standin_exe,
        "gpus": ["0"],
        "output_dir": str(output_dir),
        "render_mode": "separate",
        "retries": 0,
    }
    with JobStore(store_path) as store:
        store.create_job(
            job_id=job_id,
            scene=str(SAMPLE_SCENE),
            config=config,
            frames={layer: list(frames)},
            manager_pid=DEAD_MANAGER_PID,
            manager_create_time=1.0,
        )
        store.set_job_state(job_id, JobState.RUNNING)
        if done:
            outputs = {}
            for frame in done:
                image = output_dir / layer / f"shot001.{frame:04d}.exr"
                image.parent.mkdir(parents=True, exist_ok=True)
                image.write_bytes(b"verified before the crash")
                outputs[frame] = str(image)
            store.set_frames_state(job_id, layer, list(done), FrameState.RENDERING, gpu="0")
            for frame, path in outputs.items():
                store.set_frames_state(job_id, layer, [frame], FrameState.DONE, output_path=path)
    return job_id


def rendered_frames(record_file: str | Path) -> list[tuple[str, int]]:
    """(layer node, frame) of every image the stand-in wrote, in order (its record file)."""
    path = Path(record_file)
    if not path.exists():
        return []
    written = []
    for line in path.read_text().splitlines():
        record = json.loads(line)
        if record["event"] == "end":
            written += [(record["layers"][0], frame) for frame in record["frames_written"]]
    return written
