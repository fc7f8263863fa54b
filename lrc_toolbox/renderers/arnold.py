"""Arnold for Maya (MtoA, ``Render -r arnold``): GPU selection, verbosity and log rules.

Arnold prints progress (``|  45% done - 23 rays/pixel``) only at verbosity 2 (Info) or above, so
the profile always passes ``-ai:lve 2`` (AWS Deadline Cloud forces the same level for the same
reason). Patterns follow CGRU ``parsers/arnold.py``/``maya_arnold.py``, Deadline ``MayaCmd.py`` and
AWS Deadline Cloud (``shared/reference/maya-render-facts.md`` sections 2.3 and 3.2). MtoA prints no
frame-start line in batch renders: frames are known from the written images.
"""

from __future__ import annotations

from lrc_toolbox.renderers.base import EventKind, LineRule, RendererProfile, line_rule
from lrc_toolbox.renderers.maya_common import maya_env, maya_rules, plugin_load_rules

_FATAL = EventKind.FATAL

#: The plug-in failing to load: fatal only when Arnold is the task's renderer.
ARNOLD_PLUGIN_RULES: tuple[LineRule, ...] = plugin_load_rules("mtoa", "Arnold")

#: Arnold's own lines.
ARNOLD_RULES: tuple[LineRule, ...] = (
    line_rule(_FATAL, r"\[mtoa\] Failed batch render", "Failed batch render"),
    line_rule(
        _FATAL,
        r"aborting render because (?:the abort_on_license_fail option was enabled"
        r"|this is a batch render and abort_on_license_fail option is enabled)",
        "abort_on_license_fail",
        deterministic=True,
    ),
    # ``00:00:12  1234MB  |  45% done - 23 rays/pixel`` and ``|     0% done - 37 rays/pixel``.
    line_rule(EventKind.PROGRESS, r"(?<![\d.])(?P<percent>\d{1,3})\s?% done", "% done"),
    # ``| [driver_exr] writing file `C:/path/x.0049.exr'`` (backquote ... quote).
    line_rule(
        EventKind.IMAGE_WRITTEN,
        r"\[driver_\w+\] writing file [`'\"](?P<path>[^`'\"]+)[`'\"]",
        "writing file",
    ),
    line_rule(EventKind.FRAME_FINISHED, r"\|\s*render done\b", "render done"),
    # ``00:00:02   288MB ERROR   |  [texturesys] ...``: Arnold's own error level, not fatal.
    line_rule(EventKind.ERROR, r"\bERROR\s+\|", "ERROR"),
    line_rule(EventKind.WARNING, r"\bWARNING\s*\|", "WARNING"),
)

ARNOLD_PROFILE = RendererProfile(
    name="arnold",
    render_flag="arnold",
    label="Arnold (GPU)",
    uses_gpu=True,
    rules=maya_rules(ARNOLD_PLUGIN_RULES, ARNOLD_RULES),
    env=maya_env(),
    maya_plugin="mtoa",
    base_args=("-ai:lve", "2"),
    # GPU device, manual selection, device 0: the pinned child's only visible GPU.
    gpu_args=("-ai:device", "1", "-ai:manGpuSel", "true", "-ai:gpu", "0"),
    threads_flag="-ai:threads",
)
