"""``--dry-run``: show what a job would launch (tasks, GPUs, argv, environment) and launch nothing.

Automatic chunking adapts to the frame times it measures while the job runs, so the preview uses the
same policy with the costs the job would start from: the timings of earlier jobs of the scene when
there are some (:mod:`~lrc_toolbox.core.plan_history`), else its assumed costs (every frame alike);
the real chunks follow the real frame times.
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

from lrc_toolbox.core.cost_model import CostHistory, history_notice
from lrc_toolbox.core.events import TASK_KEY_ALIAS
from lrc_toolbox.core.job_runner import preview_argv
from lrc_toolbox.core.planner import JobPlan, is_still_task
from lrc_toolbox.core.schedule_sim import simulate
from lrc_toolbox.core.scheduler import ChunkPolicy, CostModel, TaskSpec, WorkQueue
from lrc_toolbox.utils.child_env import build_child_environment, describe_env_changes
from lrc_toolbox.utils.frame_parser import FrameRun

#: How the text form describes a still layer (its ``frames`` keep the one frame).
STILL_TEXT = "still: no frame number in the image name"


def preview_tasks(plan: JobPlan, history: CostHistory | None = None) -> list[TaskSpec]:
    """Simulate the scheduler with the costs the job starts from; the tasks in launch order.

    The simulation (:func:`~lrc_toolbox.core.schedule_sim.simulate`) runs the real work queue,
    and, with automatic chunks, the real tail splitting and level plan: a task that gives frames
    away renders fewer frames than it is launched for (:func:`preview_schedule` has both).

    Args:
        plan: The plan.
        history: Earlier jobs' timings of the scene (the job starts from them), or None.
    """
    return [spec for spec, _ in preview_schedule(plan, history)]


def preview_schedule(
    plan: JobPlan, history: CostHistory | None = None
) -> list[tuple[TaskSpec, FrameRun]]:
    """The tasks in launch order, each with the frames it renders (fewer after a tail split).

    Every frame of a layer costs what the job would expect before measuring anything: the
    history's figure where there is one, else the assumed cost.
    """
    cost = CostModel(history=history)
    work = WorkQueue(
        {layer.name: layer.frames for layer in plan.layers},
        mode=plan.config.render_mode,
        cost=cost,
        policy=ChunkPolicy(fixed_size=plan.config.chunk_size),
        retries=plan.config.retries,
    )
    result = simulate(
        work,
        plan.slots,
        startup_s=cost.startup_s(),
        layer_frame_s={layer.name: cost.frame_s(layer.name) for layer in plan.layers},
        split=plan.config.chunk_size is None,
    )
    return [(task.spec, task.kept) for task in result.tasks]


def plan_as_dict(
    plan: JobPlan, *, with_frames: bool = True, history: CostHistory | None = None
) -> dict[str, Any]:
    """The plan as plain data (``--dry-run --json``).

    Args:
        plan: The plan.
        with_frames: Include every frame number (per layer and per task); the text form only
            needs the counts, and a million frames are a million Python objects.
        history: Earlier jobs' timings of the scene (the preview starts from them), or None.
    """
    tasks = []
    layers = {layer.name: layer for layer in plan.layers}
    for spec, kept in preview_schedule(plan, history):
        argv = preview_argv(plan, spec)
        env = build_child_environment(
            {}, cuda_device=spec.slot.cuda_device, renderer_env=plan.profile.environment()
        )
        changes = describe_env_changes({}, env)
        tasks.append(
            {
                TASK_KEY_ALIAS: spec.task_id,
                "task_id": spec.task_id,
                "layers": list(spec.layers),
                **({"frames": kept.frames()} if with_frames else {}),
                "frames_text": kept.to_string(),
                **(
                    {"stops_after": kept.end, "launched_frames_text": spec.run.to_string()}
                    if kept != spec.run
                    else {}
                ),
                "slot": spec.slot.label,
                "gpus": [spec.slot.cuda_device] if spec.slot.cuda_device is not None else [],
                "still": is_still_task([layers[name] for name in spec.layers], spec.run),
                "argv": argv,
                "env": changes.get("added", changes),
            }
        )
    return {
        "scene": str(plan.scene_path),
        "renderer": plan.profile.name,
        "log_renderer": plan.parse_profile.name,
        "render_exe": plan.render_exe.path,
        "render_exe_source": plan.render_exe.source,
        "standin": plan.render_exe.is_standin,
        "output_dir": plan.output_dir,
        "output_origin": plan.output.origin.value if plan.output is not None else "user",
        "output": plan.output.describe() if plan.output is not None else plan.output_dir,
        "project_dir": plan.project_dir,
        "slots": [slot.label for slot in plan.slots],
        "layers": {
            layer.name: {
                "node": layer.node,
                **({"frames": list(layer.frames)} if with_frames else {}),
                "frame_count": len(layer.frames),
                "frames_text": layer.frames.to_string(),
                "still": layer.still,
                "renderer": layer.renderer,
                "log_renderer": plan.profile_for([layer]).name,
                "uses_gpu": plan.profile_for([layer]).uses_gpu,
                "notes": list(layer.notes),
            }
            for layer in plan.layers
        },
        "total_frames": plan.total_frames,
        "notes": list(plan.notes),
        "gpu_detection": plan.resources.system.gpu_source,
        "gpu_error": plan.resources.system.gpu_error,
        # The earlier jobs whose timings size the tasks (0: the assumed costs).
        "history_jobs": history.jobs if history else 0,
        "tasks": tasks,
    }


def describe_plan(
    plan: JobPlan, out: TextIO, *, as_json: bool, history: CostHistory | None = None
) -> None:
    """Print the plan, as JSON or as text for a person.

    Args:
        plan: The plan.
        out: Where to write.
        as_json: JSON instead of text.
        history: Earlier jobs' timings of the scene, which the job (and so the preview) starts
            from; None or empty: the assumed costs.
    """
    data = plan_as_dict(plan, with_frames=as_json, history=history)
    if as_json:
        out.write(_indented_json(data) + "\n")
        return
    exe = data["render_exe"] + ("  [Render STAND-IN, not Maya]" if data["standin"] else "")
    out.write(f"Scene:    {data['scene']}\n")
    out.write(f"Renderer: {data['renderer']} (logs read as {data['log_renderer']})\n")
    out.write(f"Render:   {exe} (found via {data['render_exe_source']})\n")
    out.write(f"Images:   {data['output']}\n")
    out.write(
        f"Project:  {data['project_dir'] or '(none: Render starts in Maya default project)'}\n"
    )
    out.write(f"Slots:    {', '.join(data['slots'])}\n")
    for name, layer in data["layers"].items():
        where = "GPU" if layer["uses_gpu"] else "CPU"
        renderer = layer["renderer"] or data["log_renderer"]
        frames = (
            f"frame {layer['frames_text']} ({STILL_TEXT})"
            if layer["still"]
            else f"{layer['frame_count']} frames ({layer['frames_text']})"
        )
        out.write(f"Layer:    {name} (node {layer['node']}): {frames}, {renderer} on the {where}\n")
    for note in data["notes"]:
        out.write(f"Note:     {note}\n")
    if data["gpu_error"]:
        out.write(f"GPUs:     {data['gpu_error']}\n")
    out.write(f"\n{len(data['tasks'])} tasks ({_sized_from(history)}):\n")
    for task in data["tasks"]:
        env = " ".join(f"{k}={v}" for k, v in sorted(task["env"].items()))
        stops = task.get("stops_after")
        trimmed = (
            f"  (launched for {task['launched_frames_text']}, stops after frame {stops}: "
            "a later task takes the rest)"
            if stops is not None
            else ""
        )
        what = (
            f"frame {task['frames_text']} (still)"
            if task["still"]
            else f"frames {task['frames_text']}"
        )
        out.write(
            f"  {task['task_id']}  {'+'.join(task['layers'])}  {what}  on {task['slot']}{trimmed}\n"
        )
        out.write(f"        env:  {env}\n")
        out.write(f"        argv: {' '.join(_quote(a) for a in task['argv'])}\n")
    out.write("\nDry run: nothing was launched and no file was written.\n")


def _sized_from(history: CostHistory | None) -> str:
    """What the preview's automatic chunks are sized from, in words."""
    notice = history_notice(history) if history else None
    if notice is None:
        return "automatic chunks assume equal frame costs until frames are measured"
    return notice


def _indented_json(data: dict[str, Any]) -> str:
    """``json.dumps(data, indent=2)``, with every frame list on one line.

    The indented encoder is pure Python and puts each number on its own line: a million frames
    took seconds and hundreds of MB. The same data, with the lists written by the C encoder.
    """
    lists: list[str] = []

    def stash(frames: list[int]) -> str:
        lists.append(json.dumps(frames))
        return f"\x00{len(lists) - 1}\x00"

    data = dict(data)
    data["layers"] = {
        name: {**layer, "frames": stash(layer["frames"])} for name, layer in data["layers"].items()
    }
    data["tasks"] = [{**task, "frames": stash(task["frames"])} for task in data["tasks"]]
    text = json.dumps(data, indent=2)
    return _STASHED.sub(lambda match: lists[int(match.group(1))], text)


#: A stashed frame list in :func:`_indented_json`'s output (a JSON string of NUL, digits, NUL).
_STASHED = re.compile(r'"\\u0000(\d+)\\u0000"')


def _quote(arg: str) -> str:
    return arg if arg and all(c.isalnum() or c in "-_./:{},=+@" for c in arg) else json.dumps(arg)


__all__ = ["describe_plan", "plan_as_dict", "preview_schedule", "preview_tasks"]
