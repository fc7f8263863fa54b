"""Models of how each farm engine turns what we export into rendered frames (for assertions).

Each function follows the engine's documented behaviour, independently of the exporter code:

* Deadline 10: a job's ``Frames`` list is cut in order into tasks of ``ChunkSize`` frames, and the
  MayaCmd plugin renders each task as ``Render -s <first> -e <last> -b 1`` (MayaCmd.py,
  ``RenderArgument``). Deadline's ``a-bxN`` steps by N from a and never adds b. The CommandLine
  plugin replaces ``<STARTFRAME>``/``<ENDFRAME>`` in its ``Arguments`` with a task's first and last
  frame (CommandLine.py, ``GetRenderArguments``). MayaCmd's Redshift GPU choice follows
  MayaCmd.py's ``RenderArgument`` (``applemin/Deadline_Development`` @ ``75ccfeaf``, lines
  370-401, quoted in ``docs/research/farm_facts.md`` section 5).
* OpenCue: Cuebot makes a frame for every chunk-th frame of the layer's range (fileseq syntax) and
  replaces ``#FRAME_START#``/``#FRAME_END#`` with that chunk's first and last frame
  (``DispatchSupportService``); the range is read with pycue's own ``FileSequence``.
* ``subprocess.list2cmdline`` output is split back with the Microsoft C runtime rules .NET uses.
"""

from __future__ import annotations

import re

# A scene with odd layer names must not let any of them run as code, anywhere.
ODD_LAYERS = [
    "MY LAYER; $(touch PWNED) 'q'",
    'ünï "dq" `touch PWNED2` & | > x',
    "a{{b}}c %PATH% $HOME \\ back",
]

FRAME_CASES = [
    "1-100x5",
    "1,10-20,50",
    "-5--1,3",
    "1-10x4",
    "7",
    "1-3,5-9x2,20-22",
    "1-37",
]


def deadline_frame_list(text: str) -> list[int]:
    """Frames of a Deadline frame list (``1-96x5,100``), in the order Deadline lists them."""
    frames: list[int] = []
    for part in text.split(","):
        match = re.fullmatch(r"(-?\d+)(?:-(-?\d+)(?:x(\d+))?)?", part.strip())
        assert match, f"not a Deadline frame list part: {part!r}"
        start = int(match.group(1))
        end = int(match.group(2)) if match.group(2) is not None else start
        step = int(match.group(3) or 1)
        frames += list(range(start, end + 1, step))
    return frames


def deadline_mayacmd_tasks(frames_text: str, chunk_size: int) -> list[list[int]]:
    """Frames each MayaCmd task renders: every frame from its first to its last (``-b 1``)."""
    frames = deadline_frame_list(frames_text)
    tasks = [frames[i : i + chunk_size] for i in range(0, len(frames), chunk_size)]
    return [list(range(task[0], task[-1] + 1)) for task in tasks]


def deadline_commandline_tasks(
    frames_text: str, chunk_size: int, arguments: str
) -> list[list[int]]:
    """Frames each CommandLine task's ``Render`` renders: its first to last frame by ``-b``."""
    frames = deadline_frame_list(frames_text)
    words = split_windows_args(arguments)
    assert words[words.index("-s") + 1] == "<STARTFRAME>"
    assert words[words.index("-e") + 1] == "<ENDFRAME>"
    by = int(words[words.index("-b") + 1])
    tasks = [frames[i : i + chunk_size] for i in range(0, len(frames), chunk_size)]
    return [list(range(task[0], task[-1] + 1, by)) for task in tasks]


def mayacmd_redshift_gpu_flag(
    plugin_info: dict[str, str], thread: int, affinity: list[int] | None
) -> str | None:
    """The ``-gpu {...}`` MayaCmd adds for Redshift in concurrent-task slot ``thread``.

    ``affinity`` is the worker's GPU affinity when it overrides it (None: it does not).
    """
    per_task = int(plugin_info.get("GPUsPerTask", "0") or 0)
    select = plugin_info.get("GPUsSelectDevices", "")
    if per_task == 0 and select != "":
        return "-gpu {" + select + "}"
    if per_task > 0:
        ids = range(thread * per_task, thread * per_task + per_task)
        return "-gpu {" + ",".join(str(i) for i in ids) + "}"
    if affinity is not None:
        return "-gpu {" + ",".join(str(i) for i in affinity) + "}"
    return None


def cuebot_chunks(frame_range: str, chunk_size: int) -> list[tuple[int, int]]:
    """(``#FRAME_START#``, ``#FRAME_END#``) of every frame Cuebot dispatches for a layer."""
    import FileSequence  # pycue's own frame-set parser

    frames = list(FileSequence.FrameSet(frame_range))
    return [
        (frames[i], frames[min(i + chunk_size, len(frames)) - 1])
        for i in range(0, len(frames), chunk_size)
    ]


def split_windows_args(line: str) -> list[str]:
    """Split a command line with the Microsoft C runtime rules (what .NET does with arguments)."""
    args: list[str] = []
    current: list[str] = []
    in_quotes = False
    has_arg = False
    i = 0
    while i < len(line):
        char = line[i]
        if char == "\\":
            slashes = 0
            while i < len(line) and line[i] == "\\":
                slashes += 1
                i += 1
            if i < len(line) and line[i] == '"':
                current.append("\\" * (slashes // 2))
                if slashes % 2:
                    current.append('"')
                    i += 1
            else:
                current.append("\\" * slashes)
            has_arg = True
            continue
        if char == '"':
            in_quotes = not in_quotes
            has_arg = True
        elif char in " \t" and not in_quotes:
            if has_arg:
                args.append("".join(current))
                current, has_arg = [], False
        else:
            current.append(char)
            has_arg = True
        i += 1
    if has_arg:
        args.append("".join(current))
    return args
