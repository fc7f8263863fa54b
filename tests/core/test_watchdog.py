"""The watchdog as a pure decision, driven by simulated renders (no processes, no sleeps, no clock)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from hypothesis import given, settings
from hypothesis import strategies as st

from lrc_toolbox.core.models import TaskState
from lrc_toolbox.core.watchdog import (
    KEEP,
    Act,
    Action,
    DiskLook,
    TaskView,
    WatchdogLimits,
    decide,
    decide_with_look,
)

LIMITS = WatchdogLimits(start_timeout_s=60.0, hang_timeout_s=30.0, max_task_time_s=None)
TICK_S = 0.5


# --------------------------------------------------------------------------------------------------
# The rules one by one
# --------------------------------------------------------------------------------------------------
def test_a_healthy_render_is_kept() -> None:
    view = TaskView(launched_at=0.0, render_started_at=5.0, last_output_at=40.0)
    assert decide(view, 50.0, LIMITS) == KEEP


def test_a_task_being_stopped_is_left_alone_whatever_else_holds() -> None:
    view = TaskView(launched_at=0.0, stopping=True, fatal_reason="licence", gpu_lost_reason="gone")
    assert decide(view, 1e6, LIMITS) == KEEP


def test_a_fatal_line_fails_the_task_before_anything_else() -> None:
    view = TaskView(launched_at=0.0, fatal_reason="Frame rendering aborted", gpu_lost_reason="x")
    assert decide(view, 1.0, LIMITS) == Action(
        Act.STOP, state=TaskState.FAILED, reason="Frame rendering aborted"
    )


def test_a_lost_gpu_kills_the_task() -> None:
    view = TaskView(launched_at=0.0, render_started_at=1.0, gpu_lost_reason="GPU-1 fell off")
    assert decide(view, 2.0, LIMITS) == Action(
        Act.STOP, state=TaskState.KILLED, reason="GPU-1 fell off"
    )


def test_stalled_start_asks_the_disk_from_the_launch_then_kills() -> None:
    view = TaskView(launched_at=100.0, last_output_at=150.0)  # prints, but no progress
    assert decide(view, 160.0, LIMITS) == KEEP  # exactly the timeout: not yet
    asked = decide(view, 160.5, LIMITS)
    assert asked == Action(Act.LOOK, since=100.0)
    nothing = replace(view, disk_look=DiskLook(since=100.0, found=False))
    assert decide(nothing, 160.5, LIMITS) == Action(
        Act.STOP,
        state=TaskState.KILLED,
        reason="no render progress 60s after launch (stalled start)",
    )
    images = replace(view, disk_look=DiskLook(since=100.0, found=True))
    assert decide(images, 160.5, LIMITS).act is Act.MARK_STARTED


def test_hang_asks_the_disk_from_the_last_sign_of_life_then_kills() -> None:
    view = TaskView(launched_at=0.0, render_started_at=1.0, last_output_at=10.0, last_image_at=20.0)
    assert decide(view, 50.0, LIMITS) == KEEP
    assert decide(view, 50.1, LIMITS) == Action(Act.LOOK, since=20.0)
    nothing = replace(view, disk_look=DiskLook(since=20.0, found=False))
    assert decide(nothing, 50.1, LIMITS) == Action(
        Act.STOP, state=TaskState.KILLED, reason="hung: no output and no new image for 30s"
    )
    alive = replace(view, disk_look=DiskLook(since=20.0, found=True))
    assert decide(alive, 50.1, LIMITS).act is Act.MARK_ALIVE


def test_an_answer_about_another_instant_does_not_count() -> None:
    view = TaskView(
        launched_at=0.0, render_started_at=1.0, disk_look=DiskLook(since=-5.0, found=True)
    )
    assert decide(view, 31.0, LIMITS) == Action(Act.LOOK, since=0.0)


def test_hang_can_fire_before_the_start_timeout() -> None:
    # A render silent from its launch is hung after 30 s even though the start timeout is 60 s.
    view = TaskView(launched_at=0.0)
    assert decide(view, 31.0, LIMITS) == Action(Act.LOOK, since=0.0)


def test_max_task_time_kills_a_busy_render() -> None:
    limits = replace(LIMITS, max_task_time_s=120.0)
    view = TaskView(launched_at=0.0, render_started_at=1.0, last_output_at=119.0)
    assert decide(view, 120.0, limits) == KEEP
    assert decide(replace(view, last_output_at=120.5), 120.5, limits) == Action(
        Act.STOP, state=TaskState.KILLED, reason="ran longer than the maximum task time (120s)"
    )


def test_decide_with_look_probes_only_when_a_kill_depends_on_it() -> None:
    looked: list[float] = []

    def look(since: float) -> bool:
        looked.append(since)
        return False

    healthy = TaskView(launched_at=0.0, render_started_at=1.0, last_output_at=5.0)
    assert decide_with_look(healthy, 10.0, LIMITS, look) == KEEP
    assert looked == []
    assert decide_with_look(healthy, 36.0, LIMITS, look).act is Act.STOP
    assert looked == [5.0]


# --------------------------------------------------------------------------------------------------
# Simulation: a render's life, tick by tick, against the decision
# --------------------------------------------------------------------------------------------------
@dataclass
class SimRender:
    """A simulated render: when it prints, when its images land on disk, when it would finish."""

    prints_at: list[float] = field(default_factory=list)
    images_at: list[float] = field(default_factory=list)
    first_progress_at: float | None = None
    ends_at: float = 1e9


@dataclass
class SimResult:
    outcome: str  # "finished" or the kill reason
    at: float
    looks: int


def simulate(render: SimRender, limits: WatchdogLimits = LIMITS) -> SimResult:
    """Drive the decision the way the supervisor does: observe, decide, apply."""
    task = {"render_started_at": None, "last_output_at": None, "last_image_at": None}
    looks = 0
    now = 0.0
    while now < render.ends_at:
        printed = [t for t in render.prints_at if t <= now]
        if printed:
            task["last_output_at"] = max(printed)
        if render.first_progress_at is not None and render.first_progress_at <= now:
            task["render_started_at"] = task["render_started_at"] or render.first_progress_at
        view = TaskView(launched_at=0.0, **task)

        def look(since: float, now: float = now) -> bool:
            nonlocal looks
            looks += 1
            return any(since < t <= now for t in render.images_at)

        action = decide_with_look(view, now, limits, look)
        assert action.act is not Act.LOOK
        if action.act is Act.STOP:
            return SimResult(action.reason or "", now, looks)
        if action.act is Act.MARK_STARTED:
            task["render_started_at"] = now
        elif action.act is Act.MARK_ALIVE:
            task["last_image_at"] = now
        now += TICK_S
    return SimResult("finished", render.ends_at, looks)


def test_sim_a_chatty_render_finishes() -> None:
    render = SimRender(
        prints_at=[float(t) for t in range(0, 600, 10)], first_progress_at=5.0, ends_at=600.0
    )
    result = simulate(render)
    assert result.outcome == "finished"
    assert result.looks == 0


def test_sim_a_silent_render_that_keeps_writing_images_is_never_killed() -> None:
    # Prints its start, then nothing for ten minutes, but an image lands every 20 s.
    render = SimRender(
        prints_at=[1.0],
        first_progress_at=1.0,
        images_at=[float(t) for t in range(20, 600, 20)],
        ends_at=600.0,
    )
    result = simulate(render)
    assert result.outcome == "finished"
    # The disk is looked at about once per hang timeout, not on every tick.
    assert result.looks <= 600 / LIMITS.hang_timeout_s + 1


def test_sim_a_render_that_stops_printing_and_writing_is_killed_one_hang_timeout_later() -> None:
    render = SimRender(
        prints_at=[float(t) for t in range(0, 101, 10)],
        first_progress_at=1.0,
        images_at=[60.0],
        ends_at=1e4,
    )
    result = simulate(render)
    assert result.outcome == "hung: no output and no new image for 30s"
    assert 130.0 < result.at <= 130.0 + TICK_S


def test_sim_a_render_that_never_starts_is_killed_at_the_start_timeout() -> None:
    limits = replace(LIMITS, hang_timeout_s=1000.0)
    result = simulate(SimRender(prints_at=[0.5], ends_at=1e4), limits)
    assert result.outcome == "no render progress 60s after launch (stalled start)"
    assert 60.0 < result.at <= 60.0 + TICK_S


def test_sim_a_render_silent_from_launch_but_writing_images_counts_as_started() -> None:
    limits = replace(LIMITS, hang_timeout_s=1000.0)
    render = SimRender(images_at=[float(t) for t in range(10, 300, 10)], ends_at=300.0)
    assert simulate(render, limits).outcome == "finished"


@settings(max_examples=200, deadline=None)
@given(
    prints=st.lists(st.floats(0, 500), max_size=30),
    images=st.lists(st.floats(0, 500), max_size=30),
    started=st.one_of(st.none(), st.floats(0, 500)),
    max_time=st.one_of(st.none(), st.floats(1, 600)),
)
def test_sim_never_kills_a_render_that_showed_life_within_the_hang_timeout(
    prints, images, started, max_time
) -> None:
    limits = replace(LIMITS, max_task_time_s=max_time)
    render = SimRender(prints_at=prints, images_at=images, first_progress_at=started, ends_at=500)
    result = simulate(render, limits)
    if not result.outcome.startswith("hung"):
        return
    life = [t for t in [*prints, *images] if t <= result.at]
    # Killed as hung: nothing printed or written in the last hang timeout (minus a tick of
    # observation delay, as the supervisor sees it).
    assert all(result.at - t > limits.hang_timeout_s - TICK_S for t in life)


@settings(max_examples=200, deadline=None)
@given(
    launched=st.floats(0, 100),
    started=st.one_of(st.none(), st.floats(0, 200)),
    output=st.one_of(st.none(), st.floats(0, 200)),
    image=st.one_of(st.none(), st.floats(0, 200)),
    now=st.floats(0, 400),
    found=st.booleans(),
)
def test_decide_with_look_always_ends_in_a_decision(
    launched, started, output, image, now, found
) -> None:
    view = TaskView(
        launched_at=launched, render_started_at=started, last_output_at=output, last_image_at=image
    )
    action = decide_with_look(view, now, LIMITS, lambda since: found)
    assert action.act is not Act.LOOK
    if action.act is Act.STOP:
        assert action.state is TaskState.KILLED and action.reason
