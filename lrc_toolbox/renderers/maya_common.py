"""Maya-core knowledge every renderer profile shares: environment and log line rules.

``Render`` is Maya in batch mode whatever the renderer, so scene loading, licensing, usage errors,
``Finished Rendering`` and ``Percentage of rendering done`` lines look the same everywhere. The
rules follow the patterns Thinkbox Deadline (``MayaCmd.py``), AWS Deadline Cloud
(``MayaAdaptor``) and CGRU (``parsers/maya.py``) match; see
``shared/reference/maya-render-facts.md`` section 3.1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lrc_toolbox.renderers.base import EventKind, LineRule, line_rule, order_rules


def plugin_load_rules(plugin: str, label: str) -> tuple[LineRule, ...]:
    """FATAL, deterministic rules for a renderer plug-in that Maya cannot load or find.

    A render whose renderer plug-in did not load renders nothing (or hangs in the renderer's
    ``melheader``); a retry on another GPU loads the same broken install, so it is not retried.
    Only the job's own renderer gets these rules: a scene's optional ``requires`` of some other
    plug-in is common and harmless (Deadline commented out its generic "was not found" rule for
    that reason, ``plugins/MayaCmd/MayaCmd.py``; see ``docs/research/maya_facts.md`` section 8).

    Real lines matched (each with its source in ``tests/renderers/test_plugin_load_failures.py``):
    ``Error: line 1: Unable to dynamically load : C:/ProgramData/Redshift/Plugins/Maya/2025/
    nt-x86-64/redshift4maya.mll`` (deadline-cloud-for-maya issue #291), the Linux form ``// Error:
    file: .../pluginWin.mel line 934: Unable to dynamically load : /.../X.mll`` and ``Plug-in,
    "X", was not found on MAYA_PLUG_IN_PATH``.

    Args:
        plugin: The plug-in's name (``redshift4maya``, ``mtoa``, ``vrayformaya``).
        label: The renderer's name for the message.

    Returns:
        The rules.
    """
    name = re.escape(plugin)
    return (
        line_rule(
            EventKind.FATAL,
            rf"Unable to dynamically load\s*:.*[\\/]{name}\.(?:mll|so|bundle|dll|py)\b",
            "Unable to dynamically load",
            deterministic=True,
            message=f"{label} plug-in ({plugin}) failed to load",
        ),
        line_rule(
            EventKind.FATAL,
            rf'Plug-in,? "{name}(?:\.(?:mll|so|bundle|py))?",? was not found',
            f'"{plugin}',
            deterministic=True,
            message=f"{label} plug-in ({plugin}) is not installed on MAYA_PLUG_IN_PATH",
        ),
    )


#: Environment Deadline sets before every Maya render: no crash-report dialog, no Customer
#: Involvement Program or error-report uploads, no in-product messages. Any of those can block a
#: batch process that nobody watches.
MAYA_CORE_ENV: dict[str, str] = {
    "MAYA_DEBUG_ENABLE_CRASH_REPORTING": "0",
    "MAYA_DISABLE_CIP": "1",
    "MAYA_DISABLE_CER": "1",
    "MAYA_DISABLE_CLIC_IPM": "1",
}

_FATAL = EventKind.FATAL

#: Failures that end the task. Deterministic ones recur on any retry (licence, bad scene, usage),
#: so the engine does not waste attempts on them.
MAYA_FATAL_RULES: tuple[LineRule, ...] = (
    line_rule(
        _FATAL,
        # Linux prints the full path (``Usage: /usr/autodesk/maya2024/bin/Render [options]``).
        # Anchored at the line start so "Memory Usage: ..." statistics never end a render.
        r"^\s*Usage: .*\bRender\b",
        "Usage: ",
        deterministic=True,
        message="Render rejected its command line (it printed its usage text)",
    ),
    line_rule(_FATAL, r"FLEXlm error", "FLEXlm error", deterministic=True),
    line_rule(_FATAL, r"License was not obtained", "License was not obtained", deterministic=True),
    line_rule(_FATAL, r"[Cc]ould not get a license", "ould not get a license", deterministic=True),
    line_rule(
        _FATAL, r"[Cc]ould not obtain a license", "ould not obtain a license", deterministic=True
    ),
    line_rule(_FATAL, r"Cannot load scene", "Cannot load scene", deterministic=True),
    line_rule(_FATAL, r"Could not open file\. :", "Could not open file", deterministic=True),
    line_rule(_FATAL, r"Scene was not loaded properly", "Scene was not loaded", deterministic=True),
    line_rule(
        _FATAL,
        r"This scene does not have any renderable cameras",
        "renderable cameras",
        deterministic=True,
    ),
    line_rule(_FATAL, r"No renderable cameras found", "renderable cameras", deterministic=True),
    line_rule(_FATAL, r"Error: Camera .* does not exist", "Error: Camera", deterministic=True),
    line_rule(_FATAL, r"Cannot open project", "Cannot open project", deterministic=True),
    line_rule(
        _FATAL,
        r"Graphics card capabilities are insufficient for rendering",
        "Graphics card capabilities",
        deterministic=True,
    ),
    line_rule(
        _FATAL,
        r"contains legacy render layers.*uses render setup",
        "legacy render layers",
        deterministic=True,
        message="Scene has legacy render layers but Maya runs in Render Setup mode "
        "(set MAYA_ENABLE_LEGACY_RENDER_LAYERS=1)",
    ),
    line_rule(_FATAL, r"Fatal Error", "Fatal Error"),
    line_rule(_FATAL, r"An exception has occurred, rendering aborted", "An exception has occurred"),
    # A GPU fault: another GPU (or the same one after a reset) may well render the frame.
    line_rule(_FATAL, r"CUDA_ERROR_UNKNOWN", "CUDA_ERROR_UNKNOWN"),
    line_rule(_FATAL, r"Failed to init the CUDA driver API", "Failed to init the CUDA"),
)

#: Frames, images and progress as Maya itself prints them (Maya Software and others).
MAYA_INFO_RULES: tuple[LineRule, ...] = (
    line_rule(
        EventKind.IMAGE_WRITTEN,
        r"Finished Rendering\s+(?P<path>.*?)[.\s]*$",
        "Finished Rendering",
    ),
    # Maya Software prints the image it is about to render; its name carries the frame.
    line_rule(
        EventKind.FRAME_STARTED,
        r"Starting Rendering\s+(?P<path>.*?)[.\s]*$",
        "Starting Rendering",
    ),
    # One pattern for the ``// Result: ... //``, ``[PROGRESS] ...`` and bare forms.
    line_rule(
        EventKind.PROGRESS,
        r"Percentage of rendering done:\s*(?P<percent>\d+(?:\.\d+)?)",
        "Percentage of rendering done",
    ),
    line_rule(
        EventKind.PROGRESS,
        r"\[PROGRESS\]\s+(?P<percent>\d+(?:\.\d+)?)\s*percent",
        "[PROGRESS]",
    ),
)

#: Everything else Maya flags: shown to the user, never fatal on its own.
MAYA_NOTICE_RULES: tuple[LineRule, ...] = (
    line_rule(EventKind.ERROR, r"Error:", "Error:"),
    line_rule(EventKind.WARNING, r"Warning:", "Warning:"),
)

MAYA_CORE_RULES: tuple[LineRule, ...] = MAYA_FATAL_RULES + MAYA_INFO_RULES + MAYA_NOTICE_RULES


def maya_rules(*renderer_rules: Iterable[LineRule]) -> tuple[LineRule, ...]:
    """Return a profile's full rule table: its renderer's rules merged with the Maya-core ones.

    All FATAL rules come first (so a fatal line is never reported as a mere ERROR), then the
    informational rules with the renderer's before Maya's, then ERROR, then WARNING.

    Args:
        *renderer_rules: Renderer-specific rule groups, most specific first.

    Returns:
        The ordered rule table.
    """
    return order_rules(*renderer_rules, MAYA_CORE_RULES)


def maya_env(**extra: str) -> dict[str, str]:
    """Return the Maya-core child environment plus a renderer's own variables.

    Args:
        **extra: Renderer-specific variables (values must be strings).

    Returns:
        A new dict.
    """
    env = dict(MAYA_CORE_ENV)
    env.update(extra)
    return env
