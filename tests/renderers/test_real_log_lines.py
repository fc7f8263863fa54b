"""Log lines real renders printed, from public issues and pull requests, through the profiles' rules.

Each case names its source. Lines are verbatim unless marked "shape of", where only a plug-in name
or path was changed to the renderer under test (said in the case). See
``docs/research/maya_facts.md`` section 8 for the full excerpts.
"""

from __future__ import annotations

import pytest

from lrc_toolbox.renderers import EventKind, get_profile, iter_events

# github aws-deadline/deadline-cloud-for-maya issue #291 (Redshift for Maya 2025 on Windows,
# Deadline Cloud adaptor log; "STDERR: " is the adaptor's prefix).
REDSHIFT_LOAD_FAILURE = """\
STDERR: Error: line 1: Unable to dynamically load : C:/ProgramData/Redshift/Plugins/Maya/2025/nt-x86-64/redshift4maya.mll
STDERR: # The specified module could not be found.
STDERR: #  (redshift4maya)
STDERR: # RuntimeError: Unable to dynamically load : C:/ProgramData/Redshift/Plugins/Maya/2025/nt-x86-64/redshift4maya.mll
STDERR: Error: line 1: Plug-in, "maxwell", was not found on MAYA_PLUG_IN_PATH.
"""


def _fatal(profile: str, line: str):  # noqa: ANN202 - a LogEvent or None
    events = list(iter_events(get_profile(profile).new_parser(), [line]))
    return next((e for e in events if e.kind is EventKind.FATAL), None), events


def test_redshift_plugin_load_failure_is_fatal_and_not_retryable() -> None:
    events = list(
        iter_events(get_profile("redshift").new_parser(), REDSHIFT_LOAD_FAILURE.splitlines())
    )
    fatal = [e for e in events if e.kind is EventKind.FATAL]
    assert fatal and all(e.deterministic for e in fatal)
    assert fatal[0].reason is not None
    assert fatal[0].reason.startswith("Redshift plug-in (redshift4maya) failed to load")
    # The scene's optional "maxwell" plug-in is missing too: shown, never fatal for Redshift.
    maxwell = [e for e in events if "maxwell" in e.line]
    assert [e.kind for e in maxwell] == [EventKind.ERROR]


@pytest.mark.parametrize(
    ("profile", "line"),
    [
        # Shape of the issue #291 line with V-Ray's and Arnold's plug-ins.
        (
            "vray",
            "Error: line 1: Unable to dynamically load : C:/Program Files/Autodesk/Maya2025/"
            "vray/plug-ins/vrayformaya.mll",
        ),
        (
            "arnold",
            "// Error: file: /usr/autodesk/maya2024/scripts/others/pluginWin.mel line 934: Unable "
            "to dynamically load : /opt/solidangle/mtoa/2024/plug-ins/mtoa.so",
        ),
        # Deadline's own text for a missing plug-in (DeadlineMayaBatchFunctions.py), with each
        # renderer's plug-in; Maya's form is in maya-glTF issue #16: 'Plug-in, "<x>", was not
        # found on MAYA_PLUG_IN_PATH.'
        ("redshift", '// Error: Plug-in, "redshift4maya", was not found on MAYA_PLUG_IN_PATH. //'),
        ("vray", 'Error: line 1: Plug-in, "vrayformaya", was not found on MAYA_PLUG_IN_PATH.'),
        ("arnold", '// Error: Plug-in, "mtoa", was not found on MAYA_PLUG_IN_PATH. //'),
        # deadline-cloud-samples PR #286 quotes "Unknown object type: RedshiftOptions" (Render -r
        # redshift without the plug-in loaded); shape of Maya's error line around it.
        ("redshift", "// Error: line 1: Unknown object type: RedshiftOptions //"),
    ],
)
def test_every_renderers_plugin_failure_is_fatal(profile: str, line: str) -> None:
    fatal, _ = _fatal(profile, line)
    assert fatal is not None and fatal.deterministic, line
    assert "plug-in" in (fatal.reason or "")


@pytest.mark.parametrize(
    ("profile", "line"),
    [
        # github aronamao/Discord-Rich-Presence-For-Maya issue #10 (Linux, Maya 2024): another
        # plug-in failing to load does not stop a render.
        (
            "redshift",
            "// Error: file: /usr/autodesk/maya2024/scripts/others/pluginWin.mel line 934: Unable "
            "to dynamically load : /home/rage/Documents/maya/modules/DRPForMaya/plug-ins/2024/"
            "DRPForMaya.mll",
        ),
        # github matiascodesal/maya-glTF issue #16.
        (
            "arnold",
            "// Error: file: /Applications/Autodesk/maya2018/scripts/others/pluginWin.mel line "
            '317: Plug-in, "/Users/Shared/Autodesk/maya/plug-ins/glTFExport.py", was not found '
            "on MAYA_PLUG_IN_PATH. //",
        ),
        # A scene's requires of another renderer: harmless for the renderer that renders.
        ("redshift", '// Error: Plug-in, "mtoa", was not found on MAYA_PLUG_IN_PATH. //'),
        # github ynput/OpenPype PR #4854: one V-Ray sub-plug-in library failing; V-Ray renders on.
        (
            "vray",
            "# Error: file: d:/PROJECTS/templates/lookdev/template_v001.ma line 7: V-Ray : Error "
            'loading plugin library "C:\\Program Files\\Chaos Group\\V-Ray\\Maya 2023 for x64\\'
            'maya_vray\\vrayplugins\\vray_BRDFAL.dll": [loadLibEx] 127: LoadLibrary failed (127): '
            "The specified procedure could not be found.",
        ),
        # aws-deadline/deadline-cloud-for-maya PR #299: MtoA's optional procedurals.
        (
            "arnold",
            "STDOUT: 00:00:00   453MB WARNING |  unable to load dynamic library: dlopen(/"
            "Applications/Autodesk/Arnold/mtoa/2024/procedurals/xgenSpline_procedural.dylib, "
            "0x0005): Library not loaded: @rpath/libAdskSeExpr.dylib",
        ),
    ],
)
def test_other_plugins_failing_is_not_fatal(profile: str, line: str) -> None:
    fatal, events = _fatal(profile, line)
    assert fatal is None, line
    assert events and events[0].kind in (EventKind.ERROR, EventKind.WARNING)


@pytest.mark.parametrize(
    ("profile", "line"),
    [
        # aws-deadline/deadline-cloud-for-maya PR #214 (Arnold in a batch render).
        (
            "arnold",
            "ADAPTOR_OUTPUT: STDOUT: 00:34:55  5452MB ERROR   |  aborting render because this is "
            "a batch render and abort_on_license_fail option is enabled",
        ),
        # aws-deadline/deadline-cloud-for-maya PR #480 (Redshift aborts, Maya exits 0).
        ("redshift", "[Redshift] Maxon licensing error: ..."),
        # aws-deadline/deadline-cloud-for-3ds-max issue #238 (the same V-Ray core).
        (
            "vray",
            "ERR: [03840] [04108] [V-Ray] Could not obtain a license (-88): -88: <Cloud-Licensing> "
            "Chaos Unified Login is not running",
        ),
    ],
)
def test_real_licence_failures_are_fatal_and_not_retryable(profile: str, line: str) -> None:
    fatal, _ = _fatal(profile, line)
    assert fatal is not None and fatal.deterministic, line


def test_real_vray_progress_lines() -> None:
    # aws-deadline/deadline-cloud-samples PR #287 (V-Ray 7 for Maya).
    lines = [
        "V-Ray: V-Ray 7 for Maya, update 4 DR2 version 7.40.04",
        "V-Ray: 72 plugin(s) loaded successfully",
        'V-Ray: Successfully written image file "/tmp/job/output/vray_spheres.0001.exr"',
        "V-Ray: Total frame time  0h  0m  1.6s",
    ]
    events = list(iter_events(get_profile("vray").new_parser(), lines))
    assert [(e.kind, e.frame, e.path) for e in events] == [
        (EventKind.IMAGE_WRITTEN, 1, "/tmp/job/output/vray_spheres.0001.exr"),
        (EventKind.FRAME_FINISHED, None, None),  # no frame-start line came before
    ]


def test_the_arnold_banner_is_no_event() -> None:
    # aws-deadline/deadline-cloud-samples PR #121.
    line = (
        "STDOUT: 00:00:03   833MB         | Arnold 7.4.0.0 [516ade3d] linux x86_64 clang-15.0.7 "
        "oiio-2.6.3 rlm-14.2.5 optix-8.0.0 2025/02/04 21:52:37"
    )
    assert list(iter_events(get_profile("arnold").new_parser(), [line])) == []
