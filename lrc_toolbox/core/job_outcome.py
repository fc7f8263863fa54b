"""The job's frame tally and its end: which frames are done or failed, and the job's final state.

Rules:

* a verified frame stays done whatever is reported later (a killed task's verified frames count);
  failing a done frame changes nothing;
* a frame done after an earlier failure (a retry that worked) is no longer failed;
* the job succeeded only when every planned frame is done and the supervisor did not fail; a
  frame neither done nor failed at the end is reported "not rendered";
* a job that did not succeed is *cancelled* when the user cancelled it, else *failed*; its reason
  is the internal error, or the cancel reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lrc_toolbox.core.models import JobState


@dataclass
class JobResult:
    """What a finished job produced."""

    ok: bool
    state: JobState
    done: dict[str, list[int]]
    failed: dict[str, list[int]]
    reasons: dict[tuple[str, int], str]
    elapsed_s: float
    reason: str | None = None


class FrameTally:
    """Frames done (with their image) and failed (with the reason) per layer, for one job.

    Args:
        layers: The job's layer names.
        done: Frames already done per layer (a resumed job), with their image.
        failed: Frames already failed per layer (a resumed job), with the reason.
    """

    def __init__(
        self,
        layers: Iterable[str],
        *,
        done: Mapping[str, Mapping[int, str]] | None = None,
        failed: Mapping[str, Mapping[int, str]] | None = None,
    ) -> None:
        self.done: dict[str, dict[int, str]] = {name: {} for name in layers}
        self.failed: dict[str, dict[int, str]] = {name: {} for name in self.done}
        for name in self.done:
            self.done[name].update((done or {}).get(name, {}))
            self.failed[name].update((failed or {}).get(name, {}))

    def mark_done(self, layer: str, frame: int, path: str) -> None:
        """Record a verified frame and its image."""
        self.done[layer][frame] = path
        self.failed[layer].pop(frame, None)

    def mark_failed(self, layer: str, frames: Iterable[int], reason: str) -> list[int]:
        """Record frames failed for good; return those that were not done (the ones to announce)."""
        newly = []
        for frame in frames:
            if frame in self.done[layer]:
                continue
            self.failed[layer][frame] = reason
            newly.append(frame)
        return newly

    def result(
        self,
        planned: Mapping[str, Iterable[int]],
        *,
        elapsed_s: float,
        error: BaseException | None,
        cancel_reason: str | None,
    ) -> JobResult:
        """The job's result (see the module rules).

        Args:
            planned: Every planned frame per layer.
            elapsed_s: How long the job ran.
            error: The supervisor's own failure, or None.
            cancel_reason: The cancel's reason when the job was cancelled, else None.
        """
        done = {name: sorted(frames) for name, frames in self.done.items()}
        failed: dict[str, list[int]] = {name: [] for name in self.done}
        reasons: dict[tuple[str, int], str] = {}
        for layer, frames in planned.items():
            for frame in frames:
                if frame in self.done[layer]:
                    continue
                failed[layer].append(frame)
                reasons[(layer, frame)] = self.failed[layer].get(frame, "not rendered")
        ok = error is None and not any(failed.values())
        if ok:
            state = JobState.SUCCEEDED
        elif cancel_reason is not None:
            state = JobState.CANCELLED
        else:
            state = JobState.FAILED
        reason = None
        if error is not None:
            reason = f"internal error: {error!r}"
        elif cancel_reason is not None:
            reason = cancel_reason
        return JobResult(ok, state, done, failed, reasons, elapsed_s, reason)


__all__ = ["FrameTally", "JobResult"]
