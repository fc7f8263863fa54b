"""``--dry-run``: show what a job would launch (tasks, GPUs, argv, environment) and launch nothing.

Automatic chunking adapts to the frame times it measures while the job runs, so the preview uses the
same policy with its assumed costs (every frame alike); the real chunks follow the real frame times.
"""

from __future__ import annotations

import heapq
import json
from typing import Any, TextIO

from lrc_toolbox.core.events import TASK_KEY_ALIAS
from lrc_toolbox.core.job_runner import preview_argv
from lrc_toolbox.core.planner import JobPlan
from lrc_toolbox.core.scheduler import ChunkPolicy, CostModel, TaskLoad, TaskSpec, WorkQueue
from lrc_toolbox.utils.child_env import build_child_environment, describe_env_changes


def preview_tasks(plan: JobPlan) -> list[TaskSpec]:
    """Simulate the scheduler with its assumed costs and return the tasks in launch order."""
    cost = CostModel()
    work = WorkQueue(
        {layer.name: layer.frames for layer in plan.layers},
        mode=plan.config.render_mode,
        cost=cost,
        policy=ChunkPolicy(fixed_size=plan.config.chunk_size),
        retries=plan.config.retries,
    )
    free = list(plan.slots)
    busy: list[tuple[float, int, TaskSpec]] = []
    tasks: list[TaskSpec] = []
    now = 0.0
    while not work.is_empty():
        while free and not work.is_empty():
            slot = free.pop(0)
            running = [TaskLoad(spec.layers, len(spec.frames), now) for _, _, spec in busy]
            spec = work.next_task(slot, running=running, slot_count=len(plan.slots), now=now)
            if spec is None:
                break
            tasks.append(spec)
            duration = cost.startup_s() + len(spec.frames) * sum(
                cost.frame_s(name) for name in spec.layers
            )
            heapq.heappush(busy, (now + duration, slot.index, spec))
        if not busy:
            break
        now, _, done = heapq.heappop(busy)
        free.append(done.slot)
        free.sort(key=lambda s: s.index)
    return tasks


def plan_as_dict(plan: JobPlan) -> dict[str, Any]:
    """The plan as plain data (``--dry-run --json``)."""
    tasks = []
    for spec in preview_tasks(plan):
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
                "frames": spec.frames,
                "frames_text": spec.run.to_string(),
                "slot": spec.slot.label,
                "gpus": [spec.slot.cuda_device] if spec.slot.cuda_device is not None else [],
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
                "frames": list(layer.frames),
                "frames_text": layer.frames.to_string(),
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
        "tasks": tasks,
    }


def describe_plan(plan: JobPlan, out: TextIO, *, as_json: bool) -> None:
    """Print the plan, as JSON or as text for a person."""
    data = plan_as_dict(plan)
    if as_json:
        out.write(json.dumps(data, indent=2) + "\n")
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
        out.write(
            f"Layer:    {name} (node {layer['node']}): {len(layer['frames'])} frames "
            f"({layer['frames_text']}), {renderer} on the {where}\n"
        )
    for note in data["notes"]:
        out.write(f"Note:     {note}\n")
    if data["gpu_error"]:
        out.write(f"GPUs:     {data['gpu_error']}\n")
    out.write(
        f"\n{len(data['tasks'])} tasks (automatic chunks assume equal frame costs until "
        "frames are measured):\n"
    )
    for task in data["tasks"]:
        env = " ".join(f"{k}={v}" for k, v in sorted(task["env"].items()))
        out.write(
            f"  {task['task_id']}  {'+'.join(task['layers'])}  frames {task['frames_text']}  "
            f"on {task['slot']}\n"
        )
        out.write(f"        env:  {env}\n")
        out.write(f"        argv: {' '.join(_quote(a) for a in task['argv'])}\n")
    out.write("\nDry run: nothing was launched and no file was written.\n")


def _quote(arg: str) -> str:
    return arg if arg and all(c.isalnum() or c in "-_./:{},=+@" for c in arg) else json.dumps(arg)


__all__ = ["describe_plan", "plan_as_dict", "preview_tasks"]
