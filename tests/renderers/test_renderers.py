"""Tests for the renderer profiles: argv, environment, log rules, registry and the needle dispatch.

Log excerpts use the real line formats collected in ``shared/reference/maya-render-facts.md``
section 3 (Redshift blocks, Arnold timestamped progress, Maya Software ``// Result:`` lines, V-Ray
``Successfully written image file``).
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lrc_toolbox.renderers import (
    EventKind,
    InvalidInvocationError,
    LogEvent,
    LogParser,
    RendererProfile,
    RenderInvocation,
    UnknownRendererError,
    frame_from_image_path,
    get_profile,
    iter_events,
    profile_names,
)
from lrc_toolbox.renderers.base import line_rule
from lrc_toolbox.renderers.maya_common import MAYA_CORE_ENV
from lrc_toolbox.renderers.needle_dispatch import NeedleDispatch, scan_key

REPO_ROOT = Path(__file__).resolve().parents[2]
ALL_PROFILES = ("redshift", "arnold", "vray", "sw", "hw2", "file")


def _inv(**overrides: object) -> RenderInvocation:
    """A minimal invocation, overridden per test."""
    values: dict[str, object] = {
        "render_exe": "/usr/autodesk/maya2024/bin/Render",
        "scene_file": "/tmp/lrc/shot_010.ma",
        "layers": (),
        "start": 1,
        "end": 10,
    }
    values.update(overrides)
    return RenderInvocation(**values)  # type: ignore[arg-type]


def _events(profile: str, text: str) -> list[LogEvent]:
    """Parse a multi-line excerpt with a fresh parser of ``profile``."""
    return list(iter_events(get_profile(profile).new_parser(), text.splitlines()))


def _one(profile: str, line: str) -> LogEvent:
    """The single event a line produces (fails if it produces none or several)."""
    events = get_profile(profile).new_parser().feed(line)
    assert len(events) == 1, f"{line!r} gave {events!r}"
    return events[0]


def _reference_parser(profile: RendererProfile) -> LogParser:
    """A parser that tries every rule on every line (empty needles): the slow, obvious reference."""
    return LogParser([dataclasses.replace(rule, needle="") for rule in profile.rules])


# --------------------------------------------------------------------------------------------
# argv
# --------------------------------------------------------------------------------------------


def test_redshift_full_argv_layout_pinned() -> None:
    inv = _inv(
        layers=("rs_bg", "rs_fg"),
        start=1001,
        end=1010,
        by=2,
        output_dir="/proj/images",
        image_prefix="<RenderLayer>/shot",
        project_dir="/proj",
        camera="shotCam",
        skip_existing=True,
        extra_args=("-x", "1920"),
    )
    assert get_profile("redshift").build_argv(inv) == [
        "/usr/autodesk/maya2024/bin/Render",
        "-r",
        "redshift",
        "-gpu",
        "{0}",
        "-s",
        "1001",
        "-e",
        "1010",
        "-b",
        "2",
        "-rl",
        "rs_bg,rs_fg",
        "-rd",
        "/proj/images",
        "-im",
        "<RenderLayer>/shot",
        "-proj",
        "/proj",
        "-cam",
        "shotCam",
        "-skipExistingFrames",
        "true",
        "-x",
        "1920",
        "/tmp/lrc/shot_010.ma",
    ]


def test_redshift_unpinned_has_no_gpu_flag_and_ignores_threads() -> None:
    argv = get_profile("redshift").build_argv(_inv(gpu_pinned=False, threads=8))
    assert "-gpu" not in argv
    assert "8" not in argv
    assert argv[:3] == ["/usr/autodesk/maya2024/bin/Render", "-r", "redshift"]


def test_arnold_pinned_selects_device_zero_and_info_verbosity() -> None:
    argv = get_profile("arnold").build_argv(_inv(threads=12))
    assert argv[:16] == [
        "/usr/autodesk/maya2024/bin/Render",
        "-r",
        "arnold",
        "-ai:lve",
        "2",
        "-ai:device",
        "1",
        "-ai:manGpuSel",
        "true",
        "-ai:gpu",
        "0",
        "-ai:threads",
        "12",
        "-s",
        "1",
        "-e",
    ]


def test_arnold_unpinned_keeps_verbosity_only() -> None:
    argv = get_profile("arnold").build_argv(_inv(gpu_pinned=False))
    assert argv[3:5] == ["-ai:lve", "2"]
    assert "-ai:device" not in argv
    assert "-ai:gpu" not in argv
    assert "-ai:threads" not in argv


@pytest.mark.parametrize(
    ("profile", "threads_flag"),
    [("sw", "-n"), ("vray", "-threads"), ("arnold", "-ai:threads")],
)
def test_thread_flags(profile: str, threads_flag: str) -> None:
    argv = get_profile(profile).build_argv(_inv(threads=6))
    index = argv.index(threads_flag)
    assert argv[index + 1] == "6"
    assert index < argv.index("-s")
    assert threads_flag not in get_profile(profile).build_argv(_inv(threads=None))


@pytest.mark.parametrize("profile", ["hw2", "file", "redshift"])
def test_profiles_without_thread_flag_ignore_threads(profile: str) -> None:
    with_threads = get_profile(profile).build_argv(_inv(threads=6))
    assert with_threads == get_profile(profile).build_argv(_inv())


@pytest.mark.parametrize("profile", ["vray", "sw", "hw2", "file"])
def test_profiles_without_gpu_flag_add_nothing_when_pinned(profile: str) -> None:
    pinned = get_profile(profile).build_argv(_inv(gpu_pinned=True))
    assert pinned == get_profile(profile).build_argv(_inv(gpu_pinned=False))
    assert pinned[3] == "-s"


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_argv_every_item_is_str_and_scene_is_last(profile: str) -> None:
    argv = get_profile(profile).build_argv(
        _inv(layers=("defaultRenderLayer",), threads=4, camera="cam", skip_existing=True)
    )
    assert all(isinstance(item, str) for item in argv)
    assert argv[-1] == "/tmp/lrc/shot_010.ma"
    assert argv[1:3] == ["-r", get_profile(profile).render_flag]
    assert argv[argv.index("-rl") + 1] == "defaultRenderLayer"


def test_empty_layers_omit_rl_and_optional_flags_are_omitted() -> None:
    argv = get_profile("sw").build_argv(_inv(output_dir="", camera=None))
    assert argv == [
        "/usr/autodesk/maya2024/bin/Render",
        "-r",
        "sw",
        "-s",
        "1",
        "-e",
        "10",
        "-b",
        "1",
        "/tmp/lrc/shot_010.ma",
    ]


def test_values_with_spaces_and_quotes_stay_one_item() -> None:
    inv = _inv(
        render_exe=r"C:\Program Files\Autodesk\Maya2024\bin\Render.exe",
        scene_file=r"D:\shots\my shot\it's \"final\".ma",
        output_dir="/proj/my images",
        image_prefix='name with "quotes"',
        camera="cam 1",
        extra_args=("-preRender", 'print "hello world";', "-x", "1920"),
    )
    argv = get_profile("redshift").build_argv(inv)
    assert argv[0] == r"C:\Program Files\Autodesk\Maya2024\bin\Render.exe"
    assert argv[-1] == r"D:\shots\my shot\it's \"final\".ma"
    assert argv[argv.index("-rd") + 1] == "/proj/my images"
    assert argv[argv.index("-im") + 1] == 'name with "quotes"'
    assert argv[argv.index("-cam") + 1] == "cam 1"
    # Extra args keep their order and stay separate items, just before the scene.
    assert argv[-5:-1] == ["-preRender", 'print "hello world";', "-x", "1920"]


def test_negative_frames_are_passed_as_numbers() -> None:
    argv = get_profile("sw").build_argv(_inv(start=-5, end=-1))
    assert argv[argv.index("-s") + 1] == "-5"
    assert argv[argv.index("-e") + 1] == "-1"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"render_exe": ""}, "render_exe"),
        ({"scene_file": "  "}, "scene_file"),
        ({"start": 10, "end": 1}, "before start"),
        ({"by": 0}, "at least 1"),
        ({"start": 1.5}, "integer"),
        ({"end": True}, "integer"),
        ({"layers": ("rs_a,rs_b",)}, "without commas"),
        ({"layers": ("",)}, "layer name"),
        ({"layers": "rs_a"}, "sequence of layer names"),
        ({"threads": 0}, "threads"),
        ({"extra_args": ("-x", 1920)}, "must be a string"),
        ({"extra_args": "-x 1920"}, "separate arguments"),
        ({"camera": 3}, "camera"),
    ],
)
def test_invalid_invocations_raise_one_clear_value_error(
    overrides: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInvocationError, match=message) as info:
        get_profile("arnold").build_argv(_inv(**overrides))
    assert isinstance(info.value, ValueError)


# --------------------------------------------------------------------------------------------
# environment and profile data
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_every_profile_turns_maya_crash_reporting_off(profile: str) -> None:
    env = get_profile(profile).environment()
    assert env["MAYA_DEBUG_ENABLE_CRASH_REPORTING"] == "0"
    assert env["MAYA_DISABLE_CIP"] == "1"
    assert env["MAYA_DISABLE_CER"] == "1"
    assert env["MAYA_DISABLE_CLIC_IPM"] == "1"
    assert all(isinstance(value, str) for value in env.values())


def test_redshift_adds_force_quit_and_others_do_not() -> None:
    assert get_profile("redshift").environment()["REDSHIFT_FORCEQUITONINTERNALERROR"] == "1"
    for name in ("arnold", "vray", "sw", "hw2"):
        assert "REDSHIFT_FORCEQUITONINTERNALERROR" not in get_profile(name).environment()
    assert get_profile("sw").environment() == MAYA_CORE_ENV


def test_environment_returns_a_copy() -> None:
    profile = get_profile("redshift")
    env = profile.environment()
    env["MAYA_DISABLE_CIP"] = "0"
    assert profile.environment()["MAYA_DISABLE_CIP"] == "1"


@pytest.mark.parametrize(
    ("profile", "uses_gpu", "plugin", "flag"),
    [
        ("redshift", True, "redshift4maya", "redshift"),
        ("arnold", True, "mtoa", "arnold"),
        ("vray", True, "vrayformaya", "vray"),
        ("sw", False, "", "sw"),
        ("hw2", False, "", "hw2"),
        ("file", True, "", "file"),
    ],
)
def test_profile_data(profile: str, uses_gpu: bool, plugin: str, flag: str) -> None:
    found = get_profile(profile)
    assert found.name == profile
    assert found.uses_gpu is uses_gpu
    assert found.maya_plugin == plugin
    assert found.render_flag == flag
    assert found.label


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_rule_tables_put_every_fatal_rule_before_any_error_rule(profile: str) -> None:
    kinds = [rule.kind for rule in get_profile(profile).rules]
    last_fatal = max(index for index, kind in enumerate(kinds) if kind is EventKind.FATAL)
    first_error = min(index for index, kind in enumerate(kinds) if kind is EventKind.ERROR)
    assert last_fatal < first_error


# --------------------------------------------------------------------------------------------
# Maya-core rules (every profile)
# --------------------------------------------------------------------------------------------

DETERMINISTIC_FATAL_LINES = [
    "Usage: Render [options] filename",
    "Usage: /usr/autodesk/maya2024/bin/Render [options] filename",
    'FLEXlm error: -15,570. System Error: 10035 "WinSock: Operation would block"',
    "Maya: License was not obtained",
    "// Error: could not get a license //",
    "Error: Could not obtain a license",
    "// Error: Cannot load scene /proj/scenes/missing.ma. Please check the scene name. //",
    "// Error: Could not open file. : /proj/scenes/missing.ma //",
    "// Error: Scene was not loaded properly, please check the scene name //",
    "// Error: This scene does not have any renderable cameras. //",
    "No renderable cameras found. Aborting render",
    "// Error: Camera shotCam does not exist //",
    "// Error: Cannot open project /nowhere/project //",
    "// Error: Graphics card capabilities are insufficient for rendering. //",
    "// Error: file: /proj/scenes/shot.ma line 1: The scene contains legacy render layers and"
    " Maya uses render setup. //",
]

TRANSIENT_FATAL_LINES = [
    "// Fatal Error. Attempting to save in /usr/tmp/user.20240122.1000.ma",
    "// Error: An exception has occurred, rendering aborted. //",
    "CUDA error: CUDA_ERROR_UNKNOWN (999) in cuCtxCreate",
    "Failed to init the CUDA driver API",
]


@pytest.mark.parametrize("profile", ALL_PROFILES)
@pytest.mark.parametrize("line", DETERMINISTIC_FATAL_LINES)
def test_core_deterministic_fatal_lines(profile: str, line: str) -> None:
    event = _one(profile, line)
    assert event.kind is EventKind.FATAL
    assert event.deterministic is True
    assert event.reason is not None
    assert line.strip() in event.reason


@pytest.mark.parametrize("profile", ALL_PROFILES)
@pytest.mark.parametrize("line", TRANSIENT_FATAL_LINES)
def test_core_transient_fatal_lines(profile: str, line: str) -> None:
    event = _one(profile, line)
    assert event.kind is EventKind.FATAL
    assert event.deterministic is False
    assert event.reason == line.strip()


def test_usage_reason_says_what_happened() -> None:
    event = _one("sw", "Usage: Render [options] filename\n")
    assert event.reason == (
        "Render rejected its command line (it printed its usage text): "
        "Usage: Render [options] filename"
    )
    assert event.line == "Usage: Render [options] filename"


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_harmless_error_is_error_not_fatal(profile: str) -> None:
    event = _one(profile, "// Error: some plugin noise //")
    assert event.kind is EventKind.ERROR
    assert event.deterministic is False
    assert event.reason is None


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_warning_lines(profile: str) -> None:
    line = "// Warning: file: /proj/shot.ma line 7: Unrecognized node type 'xgmPalette'. //"
    assert _one(profile, line).kind is EventKind.WARNING


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_memory_usage_statistics_are_not_a_usage_error(profile: str) -> None:
    assert get_profile(profile).new_parser().feed("Memory Usage: 1024 MB for Render") == []


MAYA_SOFTWARE_LOG = """\
File read in  0.52 seconds.
Starting Rendering /home/x/images/untitled.0003.iff.
Constructing shading groups.
Rendering current frame.
Frame triangle count: 760
// Result: Percentage of rendering done: 5 (/home/x/images/untitled.0003.iff) //
[PROGRESS] Percentage of rendering done: 40
Percentage of rendering done: 95
Postprocessing rendering result.
Time For Frame Render (hh:mm:ss): 00:00:00
Finished Rendering /home/x/images/untitled.0003.iff.
"""


@pytest.mark.parametrize("profile", ["sw", "hw2", "file"])
def test_maya_software_log(profile: str) -> None:
    events = _events(profile, MAYA_SOFTWARE_LOG)
    assert [(e.kind, e.frame, e.percent, e.path) for e in events] == [
        (EventKind.FRAME_STARTED, 3, None, "/home/x/images/untitled.0003.iff"),
        (EventKind.PROGRESS, 3, 5.0, None),
        (EventKind.PROGRESS, 3, 40.0, None),
        (EventKind.PROGRESS, 3, 95.0, None),
        (EventKind.IMAGE_WRITTEN, 3, None, "/home/x/images/untitled.0003.iff"),
    ]


def test_progress_percent_lines_and_finished_without_frame() -> None:
    parser = get_profile("sw").new_parser()
    assert parser.feed("[PROGRESS] 55 percent")[0].percent == 55.0
    event = parser.feed(
        "Finished Rendering /home/jason/maya/projects/default/images/tmp/untitled.iff."
    )[0]
    assert event.kind is EventKind.IMAGE_WRITTEN
    assert event.path == "/home/jason/maya/projects/default/images/tmp/untitled.iff"
    assert event.frame is None  # no number in the name and no frame started yet


# --------------------------------------------------------------------------------------------
# Redshift
# --------------------------------------------------------------------------------------------

REDSHIFT_LOG = """\
Redshift for Maya 2024
INFO : [Redshift] Detected 2 CUDA devices
Rendering frame 1001 (1/2)
INFO : [Redshift] Preparing ray tracing hierarchy for meshes
INFO : [Redshift] Block 2/8 (1,0) rendered by GPU 1 in 12ms
INFO : [Redshift] Block 1/8 (0,0) rendered by GPU 0 in 2ms
INFO : [Redshift] Block 4/8 (3,0) rendered by GPU 1 in 9ms
       [Redshift] Block 3/8 (2,0) rendered by GPU 0 in 12ms
INFO : [Redshift] Block 6/8 (1,1) rendered by GPU 0 in 5ms
INFO : [Redshift] Block 5/8 (0,1) rendered by GPU 1 in 5ms
INFO : [Redshift] Block 8/8 (3,1) rendered by GPU 0 in 5ms
INFO : [Redshift] Block 7/8 (2,1) rendered by GPU 1 in 5ms
INFO : [Redshift] Saving: /proj/images/rs_beauty/shot.1001.exr
Rendering frame 1002 (2/2)
INFO : [Redshift] Block 3/8 (2,0) rendered by GPU 1 in 12ms
INFO : [Redshift] Block 1/8 (0,0) rendered by GPU 0 in 2ms
INFO : [Redshift] Saved file '/proj/images/rs_beauty/shot.1002.exr' in 0.05s
"""


@pytest.mark.parametrize("profile", ["redshift", "file"])
def test_redshift_blocks_out_of_order_give_monotonic_max_and_reset(profile: str) -> None:
    events = _events(profile, REDSHIFT_LOG)
    assert [(e.kind, e.frame, e.percent, e.path) for e in events] == [
        (EventKind.FRAME_STARTED, 1001, None, None),
        (EventKind.PROGRESS, 1001, 25.0, None),  # block 2 first; block 1 later adds nothing
        (EventKind.PROGRESS, 1001, 50.0, None),
        (EventKind.PROGRESS, 1001, 75.0, None),  # block 6 (block 3 and 5 came late)
        (EventKind.PROGRESS, 1001, 100.0, None),
        (EventKind.IMAGE_WRITTEN, 1001, None, "/proj/images/rs_beauty/shot.1001.exr"),
        (EventKind.FRAME_STARTED, 1002, None, None),
        (EventKind.PROGRESS, 1002, 37.5, None),  # reset at the new frame
        (EventKind.IMAGE_WRITTEN, 1002, None, "/proj/images/rs_beauty/shot.1002.exr"),
    ]


def test_redshift_percent_never_decreases_within_a_frame() -> None:
    parser = get_profile("redshift").new_parser()
    parser.feed("Rendering frame 1 (1/1)")
    order = [5, 3, 9, 1, 2, 12, 11, 40, 39, 38, 100, 77, 135]
    percents = []
    for block in order:
        for event in parser.feed(f"[Redshift] Block {block}/135 (0,0) rendered by GPU 0 in 2ms"):
            percents.append(event.percent)
    assert percents == sorted(percents)
    assert percents[-1] == 100.0
    assert all(p is not None and 0 < p <= 100 for p in percents)


def test_redshift_block_count_change_restarts_progress() -> None:
    parser = get_profile("redshift").new_parser()
    assert parser.feed("Block 90/100 (0,0) rendered by GPU 0 in 2ms")[0].percent == 90.0
    # A different frame size: the next layer started without a frame line we recognised.
    assert parser.feed("Block 1/10 (0,0) rendered by GPU 0 in 2ms")[0].percent == 10.0


@pytest.mark.parametrize(
    ("line", "frame"),
    [
        ("Rendering frame 12", 12),
        ("Rendering frame 12 (3/10)", 12),
        ("[Redshift] Rendering frame 7...", 7),
        ("Rendering layer 'rs_bg', frame 1001 (1/10)", 1001),
        ("Rendering frame -3 (1/1)", -3),
    ],
)
def test_redshift_frame_started_forms(line: str, frame: int) -> None:
    parser = get_profile("redshift").new_parser()
    event = parser.feed(line)[0]
    assert event.kind is EventKind.FRAME_STARTED
    assert event.frame == frame
    assert parser.current_frame == frame


def test_redshift_image_without_frame_number_uses_current_frame_and_crlf() -> None:
    parser = get_profile("redshift").new_parser()
    parser.feed("Rendering frame 42 (1/1)\r\n")
    event = parser.feed("Saving: C:\\proj\\images\\beauty.exr\r\n")[0]
    assert event.kind is EventKind.IMAGE_WRITTEN
    assert event.path == "C:\\proj\\images\\beauty.exr"
    assert event.frame == 42
    assert event.line == "Saving: C:\\proj\\images\\beauty.exr"


def test_redshift_skipping_frame_is_a_warning() -> None:
    event = _one("redshift", "[Redshift] Skipping frame 12 (output file exists)")
    assert event.kind is EventKind.WARNING
    assert event.frame == 12
    assert event.reason is not None and event.reason.startswith("frame skipped")


@pytest.mark.parametrize(
    ("line", "deterministic"),
    [
        ("Error: [Redshift] License error: (RLM) All licenses in use (-22) //", True),
        ("[Redshift] Maxon licensing error: no valid entitlement", True),
        ("Maxon license error: Unable to acquire", True),
        ('// Error: line 1: Cannot find procedure "rsPreference". //', True),
        ("[Redshift] Frame rendering aborted.", False),
        ("[Redshift] Rendering was internally aborted", False),
        ("[Redshift] No devices found. Aborting rendering.", False),
        ("Error an illegal memory access was encountered", False),
        ("// Error: file: redshiftSelectCudaDevices.mel line 12: Invalid device id: 3", False),
    ],
)
def test_redshift_fatal_lines(line: str, deterministic: bool) -> None:
    event = _one("redshift", line)
    assert event.kind is EventKind.FATAL
    assert event.deterministic is deterministic
    assert event.reason is not None and line.strip() in event.reason


def test_redshift_plugin_missing_reason_is_clean() -> None:
    event = _one("redshift", '// Error: Cannot find procedure "rsPreference". //')
    assert event.reason is not None
    assert event.reason.startswith("Redshift plug-in (redshift4maya) is not loaded")


# --------------------------------------------------------------------------------------------
# Arnold
# --------------------------------------------------------------------------------------------

ARNOLD_LOG = """\
00:00:00    92MB         | log started Mon Jan 22 10:00:00 2024
00:00:00   100MB         |  GPU 0: Quadro RTX 6000 @ 1770MHz (compute 7.5) with 24575MB
00:00:02   267MB         | starting 32 bucket workers of size 64x64 ...
|     0% done - 37 rays/pixel
00:00:12  1234MB  |  45% done - 23 rays/pixel
12:34:56      32MB   |   90% done - 23 rays/pixel
00:00:14  1234MB         |  100% done - 23 rays/pixel
        | render done in 0:00.006
        | [driver_exr] writing file `C:/Users/blairs/untitled.arnold_rendersettings1.0049.exr'
00:00:02   288MB ERROR   |  [texturesys] /materials/wood: ImageInput::create() called with no filename
00:00:02   288MB WARNING |  [mtoa] unsupported attribute
"""


@pytest.mark.parametrize("profile", ["arnold", "file"])
def test_arnold_log(profile: str) -> None:
    events = _events(profile, ARNOLD_LOG)
    assert [(e.kind, e.frame, e.percent, e.path) for e in events] == [
        (EventKind.PROGRESS, None, 0.0, None),
        (EventKind.PROGRESS, None, 45.0, None),
        (EventKind.PROGRESS, None, 90.0, None),
        (EventKind.PROGRESS, None, 100.0, None),
        (EventKind.FRAME_FINISHED, None, None, None),
        (
            EventKind.IMAGE_WRITTEN,
            49,
            None,
            "C:/Users/blairs/untitled.arnold_rendersettings1.0049.exr",
        ),
        (EventKind.ERROR, None, None, None),
        (EventKind.WARNING, None, None, None),
    ]


@pytest.mark.parametrize(
    ("line", "deterministic"),
    [
        ("// Error: [mtoa] Failed batch render //", False),
        ('// Error: Plug-in, "mtoa", was not found on MAYA_PLUG_IN_PATH. //', True),
        (
            "00:00:01   120MB ERROR   | aborting render because the abort_on_license_fail "
            "option was enabled",
            True,
        ),
        (
            "00:00:01   120MB ERROR   | aborting render because this is a batch render and "
            "abort_on_license_fail option is enabled",
            True,
        ),
    ],
)
def test_arnold_fatal_lines(line: str, deterministic: bool) -> None:
    event = _one("arnold", line)
    assert event.kind is EventKind.FATAL
    assert event.deterministic is deterministic


# --------------------------------------------------------------------------------------------
# V-Ray
# --------------------------------------------------------------------------------------------

VRAY_LOG = """\
V-Ray for Maya version 6.10.06
[2024/Jan/22|10:00:00] V-Ray: Updating frame at time 12
[2024/Jan/22|10:00:01] V-Ray: Building light cache...
[2024/Jan/22|10:00:02] V-Ray: Rendering image...
[2024/Jan/22|10:00:02] V-Ray: Rendering image...:  25.00% [ 0h  0m  1.6s] [ 0h  0m  4.9s est]
V-Ray:  60%
80 % completed
[2024/Jan/22|10:00:09] Successfully written image file "/proj/images/beauty/shot.0012.exr"
[2024/Jan/22|10:00:09] V-Ray: Total frame time 7.2s
"""


@pytest.mark.parametrize("profile", ["vray", "file"])
def test_vray_log(profile: str) -> None:
    events = _events(profile, VRAY_LOG)
    assert [(e.kind, e.frame, e.percent, e.path) for e in events] == [
        (EventKind.FRAME_STARTED, 12, None, None),
        (EventKind.FRAME_STARTED, 12, None, None),
        (EventKind.PROGRESS, 12, 25.0, None),
        (EventKind.PROGRESS, 12, 60.0, None),
        (EventKind.PROGRESS, 12, 80.0, None),
        (EventKind.IMAGE_WRITTEN, 12, None, "/proj/images/beauty/shot.0012.exr"),
        (EventKind.FRAME_FINISHED, 12, None, None),
    ]


@pytest.mark.parametrize(
    ("line", "deterministic"),
    [
        ("V-Ray error: Could not allocate GPU memory", False),
        ("error: Could not obtain a license", True),
    ],
)
def test_vray_fatal_lines(line: str, deterministic: bool) -> None:
    event = _one("vray", line)
    assert event.kind is EventKind.FATAL
    assert event.deterministic is deterministic


# --------------------------------------------------------------------------------------------
# frame numbers in image names
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "frame"),
    [
        ("/proj/images/name.0049.exr", 49),
        ("/proj/images/name_0049.exr", 49),
        ("/proj/images/name.-005.exr", -5),
        ("/proj/images/name.0049.beauty.exr", 49),
        ("C:\\proj\\images\\shot_010.1001.tif", 1001),
        ("/home/x/images/untitled.iff.0003", 3),
        ("/home/x/images/untitled.0003", 3),
        ("/proj/images/0007.png", 7),
        ("/home/x/images/untitled.iff", None),
        ("/proj/images/render_v2.exr", None),
        ("/proj/images/name.exr", None),
    ],
)
def test_frame_from_image_path(path: str, frame: int | None) -> None:
    assert frame_from_image_path(path) == frame


# --------------------------------------------------------------------------------------------
# registry
# --------------------------------------------------------------------------------------------


def test_profile_names() -> None:
    names = profile_names()
    assert sorted(names) == sorted(ALL_PROFILES)
    assert len(names) == len(set(names))
    for name in names:
        assert get_profile(name).name == name


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("mayaSoftware", "sw"),
        ("MAYASOFTWARE", "sw"),
        ("mayaHardware2", "hw2"),
        ("vray", "vray"),
        ("V-Ray", "vray"),
        ("Redshift", "redshift"),
        (" arnold ", "arnold"),
        ("mtoa", "arnold"),
        ("FILE", "file"),
    ],
)
def test_get_profile_aliases_are_case_insensitive(alias: str, name: str) -> None:
    assert get_profile(alias).name == name


@pytest.mark.parametrize("bad", ["renderman", "", "sw2", None, 3])
def test_unknown_renderer_lists_known_names(bad: object) -> None:
    with pytest.raises(UnknownRendererError) as info:
        get_profile(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    for name in ALL_PROFILES:
        assert name in str(info.value)
    assert repr(bad) in str(info.value)


# --------------------------------------------------------------------------------------------
# the needle dispatch gives exactly what trying every rule gives
# --------------------------------------------------------------------------------------------

ALL_EXCERPTS = (
    MAYA_SOFTWARE_LOG
    + REDSHIFT_LOG
    + ARNOLD_LOG
    + VRAY_LOG
    + "\n".join(DETERMINISTIC_FATAL_LINES + TRANSIENT_FATAL_LINES)
)


@pytest.mark.parametrize("profile", ALL_PROFILES)
def test_dispatch_matches_trying_every_rule_on_the_excerpts(profile: str) -> None:
    lines = ALL_EXCERPTS.splitlines()
    fast = list(iter_events(get_profile(profile).new_parser(), lines))
    slow = list(iter_events(_reference_parser(get_profile(profile)), lines))
    assert fast == slow


def _needle_fragments() -> list[str]:
    """Needles, keys and pieces of them: the text most likely to trip a wrong dispatch."""
    fragments = {"INFO : [Redshift] ", "// Error: ", " //", "| ", "12", "/8 ", "(0,0) "}
    for name in ALL_PROFILES:
        for rule in get_profile(name).rules:
            needle = rule.needle
            fragments.update({needle, scan_key(needle), needle[: len(needle) // 2]})
            fragments.add(needle[len(needle) // 2 :])
    return sorted(fragment for fragment in fragments if fragment)


@settings(max_examples=300, deadline=None)
@given(
    profile=st.sampled_from(ALL_PROFILES),
    parts=st.lists(
        st.one_of(st.sampled_from(_needle_fragments()), st.text(max_size=6)), max_size=8
    ),
)
def test_dispatch_matches_trying_every_rule_on_generated_lines(
    profile: str, parts: list[str]
) -> None:
    line = "".join(parts)
    found = get_profile(profile)
    assert found.new_parser().feed(line) == _reference_parser(found).feed(line)


@settings(max_examples=300, deadline=None)
@given(
    needles=st.lists(
        st.text(alphabet="abcXY :", min_size=1, max_size=6), min_size=1, max_size=8, unique=True
    ),
    line=st.text(alphabet="abcXY :", max_size=30),
)
def test_needle_dispatch_never_misses_a_present_needle(needles: list[str], line: str) -> None:
    dispatch = NeedleDispatch(needles, lambda needle: needle)
    hits = dispatch.findall(line)
    if not hits:
        candidates: tuple[str, ...] = ()
    elif len(hits) == 1:
        candidates = dispatch.plans[hits[0]]
    else:
        candidates = dispatch.plan_for(hits)
    present = [needle for needle in needles if needle in line]
    assert set(present) <= set(candidates)
    # Plans keep the original (priority) order.
    order = [needles.index(needle) for needle in candidates]
    assert order == sorted(order)


def test_needle_keys_start_at_a_rare_character() -> None:
    # "Q" is not in COMMON_LOG_CHARS (rarest); keys are suffixes of at least 3 characters.
    assert scan_key("render Quality") == "Quality"
    assert scan_key("ab") == "ab"
    for needle in ("FLEXlm error", "Block ", "Usage: ", "render done"):
        key = scan_key(needle)
        assert needle.endswith(key)
        assert len(key) >= 3


def test_line_rule_rejects_a_bad_pattern() -> None:
    with pytest.raises(ValueError, match="invalid line rule pattern"):
        line_rule(EventKind.ERROR, "(unclosed", "unclosed")


# --------------------------------------------------------------------------------------------
# layering and the benchmark script
# --------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_renderers_import_without_maya_or_qt() -> None:
    code = (
        "import sys\n"
        "for name in ('maya', 'maya.cmds', 'Qt', 'PySide2', 'PySide6'):\n"
        "    sys.modules[name] = None\n"
        "import lrc_toolbox.renderers as r\n"
        "print(','.join(r.profile_names()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert sorted(result.stdout.strip().split(",")) == sorted(ALL_PROFILES)


@pytest.mark.slow
def test_bench_script_runs_and_reports_every_profile() -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "scripts" / "bench_log_parsing.py"),
            "--runs",
            "1",
            "--scale",
            "0.002",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    rows = {row["profile"]: row for row in payload["results"]}
    assert set(rows) == {"redshift", "file (Redshift log)", "arnold", "vray", "sw"}
    for row in rows.values():
        assert row["lines"] > 0
        assert row["events"] > 0
        assert row["lines_per_s"] > 0
