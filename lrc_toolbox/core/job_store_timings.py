"""How long renders took, per scene: what a later job of the same scene is planned from.

An artist renders the same scene many times; the start-up and frame times of the earlier jobs
are the best guess for the next one before it measured anything (the cost model's history,
:class:`~lrc_toolbox.core.cost_model.CostHistory`). :class:`~lrc_toolbox.core.job_store.JobStore`
inherits these; the engine writes the timings through the job recorder, each frame's with its
``done`` state (no extra write) and a task's start-up once, when its first frame begins.

Which jobs count: the newest :data:`HISTORY_JOBS` earlier jobs of the same scene file, rendered
with the same renderer on the same host (another machine's GPUs are another speed), whatever
their end (a cancelled job's verified frames were timed all the same).
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable

from lrc_toolbox.core.cost_model import CostHistory
from lrc_toolbox.core.job_store_args import check_float
from lrc_toolbox.core.job_store_queries import JobStoreQueries

__all__ = ["HISTORY_JOBS", "RENDERER_KEY", "JobStoreTimings"]

#: Earlier jobs of a scene whose timings make its history.
HISTORY_JOBS = 5
#: The newest jobs looked through for those (a store holds every scene's jobs).
_JOBS_SCANNED = 200
#: At most this many frame timings are read (the newest), whatever the jobs' sizes.
_FRAME_ROWS = 50_000
#: The key of a job's stored configuration that names the renderer it really used.
RENDERER_KEY = "renderer_used"


class JobStoreTimings(JobStoreQueries):
    """Render timings: written by the engine, read as a scene's history."""

    def record_task_startup(self, job_id: str, task_id: str, seconds: float) -> None:
        """Record how long a task took from its launch to its first frame.

        Args:
            job_id: The task's job.
            task_id: The task's id within the job.
            seconds: Its start-up.

        Raises:
            ValueError: ``seconds`` is not a number.
            JobStoreError: SQLite failed.
        """
        value = check_float(seconds, "seconds")
        with self._db.write() as conn:
            conn.execute(
                "UPDATE tasks SET startup_s = ? WHERE job_id = ? AND task_id = ?",
                (value, job_id, task_id),
            )

    def cost_history(
        self,
        *,
        scene: str,
        renderer: str,
        layers: Iterable[str],
        host: str | None,
        exclude_job: str | None = None,
        jobs: int = HISTORY_JOBS,
    ) -> CostHistory:
        """The medians of the timings of earlier jobs of ``scene`` (see the module rules).

        Args:
            scene: The scene path as jobs store it.
            renderer: The renderer the new job uses.
            layers: The layers it renders (others are not read).
            host: The machine it runs on (None: any).
            exclude_job: The new job itself (already in the store).
            jobs: How many earlier jobs count.

        Returns:
            The history (empty when no earlier job timed anything).

        Raises:
            JobStoreError: SQLite failed.
        """
        wanted = sorted(set(layers))
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT id, host, config_json FROM jobs WHERE scene = ? "
                "ORDER BY created_at DESC LIMIT ?",
                (scene, _JOBS_SCANNED),
            ).fetchall()
            ids = [
                row["id"]
                for row in rows
                if row["id"] != exclude_job
                and (host is None or row["host"] in (None, host))
                and _renderer_of(row["config_json"]) == renderer
            ][: max(0, jobs)]
            if not ids or not wanted:
                return CostHistory()
            job_marks = ", ".join("?" * len(ids))
            layer_marks = ", ".join("?" * len(wanted))
            frame_rows = conn.execute(
                f"SELECT layer, render_s FROM frames WHERE job_id IN ({job_marks}) "
                f"AND layer IN ({layer_marks}) AND render_s IS NOT NULL "
                "ORDER BY rowid DESC LIMIT ?",
                (*ids, *wanted, _FRAME_ROWS),
            ).fetchall()
            startups = [
                float(row["startup_s"])
                for row in conn.execute(
                    f"SELECT startup_s FROM tasks WHERE job_id IN ({job_marks}) "
                    "AND startup_s IS NOT NULL",
                    ids,
                ).fetchall()
            ]
        samples: dict[str, list[float]] = {}
        for row in frame_rows:
            samples.setdefault(row["layer"], []).append(float(row["render_s"]))
        if not samples and not startups:
            return CostHistory()
        return CostHistory(
            startup_s=statistics.median(startups) if startups else None,
            frame_s={layer: statistics.median(values) for layer, values in samples.items()},
            jobs=len(ids),
        )


def _renderer_of(config_json: str | None) -> str | None:
    """The renderer a stored job really used (None for jobs stored before it was kept)."""
    if not config_json:
        return None
    try:
        value = json.loads(config_json).get(RENDERER_KEY)
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None
