"""V-Ray for Maya (``Render -r vray``): thread flag and log rules.

V-Ray GPU is chosen in the scene (production engine CUDA/RTX); there is no ``Render`` flag for the
device, so pinning relies on ``CUDA_VISIBLE_DEVICES`` alone. Patterns follow Deadline
``MayaCmd.py`` (``-r vray``), CGRU ``parsers/vray.py`` and AWS Deadline Cloud
(``shared/reference/maya-render-facts.md`` sections 2.4 and 3.4).

Known limit: V-Ray also prints ``V-Ray: +N%`` while it builds its light cache, so a frame's percent
can run 0-100 for the prepass and again for the image.
"""

from __future__ import annotations

from lrc_toolbox.renderers.base import EventKind, LineRule, RendererProfile, line_rule
from lrc_toolbox.renderers.maya_common import maya_env, maya_rules, plugin_load_rules

_PERCENT = r"(?P<percent>\d+(?:\.\d+)?)"

#: V-Ray's own lines.
#: The plug-in failing to load: fatal only when V-Ray is the task's renderer.
VRAY_PLUGIN_RULES: tuple[LineRule, ...] = plugin_load_rules("vrayformaya", "V-Ray")

VRAY_RULES: tuple[LineRule, ...] = (
    line_rule(EventKind.FATAL, r"V-Ray error:", "V-Ray error:"),
    line_rule(
        EventKind.FATAL,
        r"error: Could not obtain a license",
        "Could not obtain a license",
        deterministic=True,
    ),
    # ``V-Ray: Rendering image...:  25.00% [ 0h  0m  1.6s] [ 0h  0m  4.9s est]``: before the plain
    # ``V-Ray: Rendering image`` frame-start rule, which would also match it.
    line_rule(
        EventKind.PROGRESS, r"Rendering image\.*:\s*" + _PERCENT + r"\s*%", "Rendering image"
    ),
    line_rule(EventKind.PROGRESS, r"V-Ray: +" + _PERCENT + r" ?%", "V-Ray: "),
    line_rule(EventKind.PROGRESS, r"(?<![\d.])" + _PERCENT + r" % completed", "% completed"),
    line_rule(
        EventKind.FRAME_STARTED,
        r"V-Ray: Updating frame at time (?P<frame>-?\d+(?:\.\d+)?)",
        "Updating frame at time",
    ),
    line_rule(EventKind.FRAME_STARTED, r"V-Ray: Rendering image", "V-Ray: Rendering image"),
    line_rule(
        EventKind.IMAGE_WRITTEN,
        r'Successfully written image file "(?P<path>[^"]+)"',
        "Successfully written image file",
    ),
    line_rule(EventKind.FRAME_FINISHED, r"V-Ray: Total frame time", "V-Ray: Total frame time"),
)

VRAY_PROFILE = RendererProfile(
    name="vray",
    render_flag="vray",
    label="V-Ray",
    uses_gpu=True,
    rules=maya_rules(VRAY_PLUGIN_RULES, VRAY_RULES),
    env=maya_env(),
    maya_plugin="vrayformaya",
    threads_flag="-threads",
)
