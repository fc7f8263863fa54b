"""Redshift for Maya (``Render -r redshift``): GPU selection, environment and log rules.

Log lines and patterns come from CGRU's ``parsers/redshift.py`` (which ``maya_redshift`` inherits),
Deadline's Redshift handlers and AWS Deadline Cloud's Maya adaptor
(``shared/reference/maya-render-facts.md`` sections 2.2 and 3.3).
"""

from __future__ import annotations

from lrc_toolbox.renderers.base import EventKind, LineRule, RendererProfile, line_rule
from lrc_toolbox.renderers.maya_common import maya_env, maya_rules, plugin_load_rules

_FATAL = EventKind.FATAL

#: Redshift's own lines. Block lines dominate a Redshift log: they are the hot path of ``feed``.
#: The plug-in failing to load: fatal only when Redshift is the task's renderer (a scene's
#: optional ``requires`` of a plug-in it does not use is common and harmless).
REDSHIFT_PLUGIN_RULES: tuple[LineRule, ...] = (
    *plugin_load_rules("redshift4maya", "Redshift"),
    # ``Render -r redshift`` runs Redshift's melheader, which needs the plug-in; without it Maya
    # says so on the options node (deadline-cloud-samples PR #286).
    line_rule(
        _FATAL,
        r"Unknown object type: RedshiftOptions",
        "Unknown object type",
        deterministic=True,
        message="Redshift plug-in (redshift4maya) is not loaded",
    ),
)

REDSHIFT_RULES: tuple[LineRule, ...] = (
    line_rule(_FATAL, r"Frame rendering aborted", "Frame rendering aborted"),
    line_rule(_FATAL, r"Rendering was internally aborted", "internally aborted"),
    line_rule(_FATAL, r"No devices found\. Aborting rendering", "No devices found"),
    line_rule(_FATAL, r"illegal memory access", "illegal memory access"),
    line_rule(_FATAL, r"License error", "License error", deterministic=True),
    line_rule(_FATAL, r"Maxon licen(?:[sc]e|[sc]ing) error", "Maxon licen", deterministic=True),
    # The pinned child sees its GPU as device 0; a bad id means the mask hid every GPU, which a
    # retry on another GPU can fix, so this is not deterministic.
    line_rule(
        _FATAL,
        r"redshiftSelectCudaDevices\.mel line \d+: Invalid device id",
        "Invalid device id",
    ),
    line_rule(
        _FATAL,
        r'Cannot find procedure "rsPreference"',
        "rsPreference",
        deterministic=True,
        message="Redshift plug-in (redshift4maya) is not loaded",
    ),
    # ``Block 32/48 (7,4) rendered by GPU 0 in 2ms``: blocks finish out of order across GPUs, the
    # parser keeps the highest block of the frame (see LineRule's block/blocks groups).
    line_rule(
        EventKind.PROGRESS,
        r"Block (?P<block>\d+)/(?P<blocks>\d+) [^\n]*?rendered by",
        "Block ",
    ),
    # ``Rendering frame 12 (1/10)``, ``Rendering frame 12...`` and
    # ``Rendering layer 'rs_bg', frame 12 (1/10)``.
    line_rule(
        EventKind.FRAME_STARTED,
        r"\bRendering (?:layer .*?, )?frame (?P<frame>-?\d+)",
        "Rendering ",
    ),
    line_rule(EventKind.IMAGE_WRITTEN, r"Saving:\s+(?P<path>.+?)\s*$", "Saving:"),
    line_rule(EventKind.IMAGE_WRITTEN, r"Saved file '(?P<path>[^']+)'", "Saved file '"),
    line_rule(EventKind.FRAME_FINISHED, r"\bFrame done\b", "Frame done"),
    line_rule(
        EventKind.WARNING,
        r"Skipping frame(?:\s+(?P<frame>-?\d+))?",
        "Skipping frame",
        message="frame skipped",
    ),
)

REDSHIFT_PROFILE = RendererProfile(
    name="redshift",
    render_flag="redshift",
    label="Redshift",
    uses_gpu=True,
    rules=maya_rules(REDSHIFT_PLUGIN_RULES, REDSHIFT_RULES),
    # Redshift kills Maya on an internal error instead of hanging forever (Deadline sets it too).
    env=maya_env(REDSHIFT_FORCEQUITONINTERNALERROR="1"),
    maya_plugin="redshift4maya",
    # The child is pinned with CUDA_VISIBLE_DEVICES, so its one GPU is ordinal 0. Redshift may
    # not honour the mask (unverified), so select device 0 explicitly as well.
    gpu_args=("-gpu", "{0}"),
)
