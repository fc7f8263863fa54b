"""Log lines in the format each renderer prints in a Maya batch render.

The line shapes come from the public samples and parser regexes collected in
``reference/maya-render-facts.md`` section 3 (CGRU parsers, Deadline ``MayaCmd.py``, AWS Deadline
Cloud's Maya adaptor). The stand-in prints them so the engine's renderer profiles parse the same
text they will meet in production. Lines no source shows verbatim are kept neutral (they avoid
words such as ``Rendering ... frame N``, ``% done`` or ``Error:`` that a real parser keys on).
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

#: Redshift renders in buckets ("blocks") of this many pixels a side.
REDSHIFT_BLOCK_PX: int = 128
#: Maya's default resolution when -x/-y are absent.
DEFAULT_WIDTH_PX: int = 640
DEFAULT_HEIGHT_PX: int = 480
#: Block lines printed per Redshift frame (a real log prints one per block; a sample is enough).
REDSHIFT_BLOCK_LINES: int = 6
#: Progress steps per frame for percentage-based renderers.
PERCENT_STEPS: tuple[int, ...] = (0, 20, 40, 60, 80, 100)
SW_PERCENT_STEPS: tuple[int, ...] = (25, 50, 75, 100)

UNSET: str = "<unset>"


@dataclass(frozen=True)
class DeviceView:
    """The CUDA devices a render process sees, from its environment.

    Attributes:
        cuda_visible_devices: ``CUDA_VISIBLE_DEVICES`` as inherited (``None`` when unset).
        cuda_device_order: ``CUDA_DEVICE_ORDER`` as inherited (``None`` when unset).
        devices: One description per visible device, in CUDA ordinal order.
    """

    cuda_visible_devices: str | None
    cuda_device_order: str | None
    devices: tuple[str, ...]

    def env_text(self) -> str:
        """Return the mask as log lines show it.

        Returns:
            ``CUDA_VISIBLE_DEVICES=<value>``, with ``<unset>`` when the variable is unset.
        """
        value = UNSET if self.cuda_visible_devices is None else self.cuda_visible_devices
        return f"CUDA_VISIBLE_DEVICES={value}"


def visible_devices(
    cuda_visible_devices: str | None, cuda_device_order: str | None, wanted: int
) -> DeviceView:
    """Work out which devices a CUDA program would see, the way the CUDA driver reads the mask.

    The stand-in has no GPU: with the variable unset it pretends to see ``wanted`` virtual
    devices. With it set, entries are taken in order and the first invalid one hides itself and
    every later one (NVIDIA: ``0,2,-1,1`` shows only 0 and 2); an empty value shows none.

    Args:
        cuda_visible_devices: The variable's value, or ``None`` when unset.
        cuda_device_order: ``CUDA_DEVICE_ORDER`` (only reported).
        wanted: Devices to pretend when the variable is unset (at least one).

    Returns:
        The device view.
    """
    if cuda_visible_devices is None:
        devices = tuple(f"LRC STAND-IN virtual GPU {index}" for index in range(max(1, wanted)))
        return DeviceView(None, cuda_device_order, devices)
    found: list[str] = []
    for raw in cuda_visible_devices.split(","):
        entry = raw.strip()
        if entry.isdigit():
            found.append(f"LRC STAND-IN virtual GPU (host index {entry})")
        elif entry.startswith(("GPU-", "MIG-")) and len(entry) > 4:
            found.append(f"LRC STAND-IN virtual GPU {entry}")
        else:
            break
    return DeviceView(cuda_visible_devices, cuda_device_order, tuple(found))


@dataclass(frozen=True)
class RenderContext:
    """Facts a renderer's start-up lines mention.

    Attributes:
        devices: The CUDA devices the process sees.
        gpu_ordinals: Ordinals the render uses (Redshift ``-gpu``), or ``None`` for all.
        use_gpu: Whether the renderer renders on GPU in this run.
        threads: CPU threads the renderer uses.
        width: Image width in pixels.
        height: Image height in pixels.
    """

    devices: DeviceView
    gpu_ordinals: tuple[int, ...] | None
    use_gpu: bool
    threads: int
    width: int = DEFAULT_WIDTH_PX
    height: int = DEFAULT_HEIGHT_PX

    def used_ordinals(self) -> tuple[int, ...]:
        """Return the GPU ordinals this render uses.

        Returns:
            The chosen ordinals, or every visible ordinal when none were chosen.
        """
        if self.gpu_ordinals is not None:
            return self.gpu_ordinals
        return tuple(range(len(self.devices.devices)))


class RendererLog:
    """Maya Software style lines; the base for every renderer's lines.

    Args:
        ctx: The run's devices, threads and resolution.
        clock: Monotonic clock (seconds); Arnold stamps lines with the time since start.
    """

    #: Maya plug-in whose loading is announced at start-up ("" for built-in renderers).
    plugin: str = ""

    def __init__(self, ctx: RenderContext, clock: Callable[[], float] = time.monotonic) -> None:
        self.ctx = ctx
        self._clock = clock
        self._t0 = clock()

    def startup(self) -> list[str]:
        """Lines printed while the renderer initialises.

        Returns:
            Log lines, in order.
        """
        return [
            f"// Maya Software: {self.ctx.threads} render threads ({self.ctx.devices.env_text()}) //"
        ]

    def device_failure(self) -> list[str] | None:
        """Lines for a GPU selection the renderer refuses (the process then exits 1).

        Returns:
            The failure lines, or None when the renderer accepts the devices it sees.
        """
        return None

    def licence_failure(self) -> list[str]:
        """The renderer's licence-failure lines (the process then exits 1).

        Returns:
            Log lines, in order.
        """
        return ["Maya: License was not obtained"]

    def plugin_load_failure(self) -> list[str]:
        """Lines of Maya failing to load the renderer's plug-in ([] for built-in renderers).

        The shape is a real Windows log (deadline-cloud-for-maya issue #291, Redshift for Maya
        2025): Maya's error, the OS reason, the plug-in name, then the Python re-raise.
        """
        if not self.plugin:
            return []
        path = f"C:/ProgramData/LRC-STAND-IN/Plugins/Maya/2025/nt-x86-64/{self.plugin}.mll"
        return [
            f"Error: line 1: Unable to dynamically load : {path}",
            "# The specified module could not be found.",
            f"#  ({self.plugin})",
            f"# RuntimeError: Unable to dynamically load : {path}",
        ]

    def frame_begin(self, frame: int, index: int, total: int, path: Path) -> list[str]:
        """Lines when a frame starts.

        Args:
            frame: The scene frame.
            index: 1-based position of the frame within the layer's frames.
            total: Number of frames in the layer.
            path: The image the frame will write.

        Returns:
            Log lines, in order.
        """
        return [f"Starting Rendering {path}.", "Constructing shading groups."]

    def frame_progress(self, frame: int, path: Path) -> list[str]:
        """The progress lines of one frame, printed spread over the frame time.

        Args:
            frame: The scene frame.
            path: The image the frame will write.

        Returns:
            Log lines, in order; a crash fault fires halfway through them.
        """
        lines = ["Rendering current frame.", f"Frame triangle count: {760 + frame % 7}"]
        lines += [
            f"// Result: Percentage of rendering done: {pct} ({path}) //"
            for pct in SW_PERCENT_STEPS
        ]
        return lines

    def frame_written(self, frame: int, path: Path, elapsed_s: float) -> list[str]:
        """Lines after the frame's image is written.

        Args:
            frame: The scene frame.
            path: The image written.
            elapsed_s: Seconds the frame took.

        Returns:
            Log lines, in order (the last names the image where the renderer does).
        """
        clock = time.strftime("%H:%M:%S", time.gmtime(elapsed_s))
        return [
            "Postprocessing rendering result.",
            f"Time For Frame Render (hh:mm:ss): {clock}",
            f"Finished Rendering {path}.",
        ]

    def cuda_error(self, frame: int) -> list[str]:
        """Lines for a GPU failure in the middle of a frame (the process then exits 1).

        Args:
            frame: The scene frame that failed.

        Returns:
            Log lines, in order.
        """
        return ["// Error: Graphics device failure: CUDA_ERROR_UNKNOWN (999) //"]

    def finish(self) -> list[str]:
        """Renderer lines after the last frame of the run.

        Returns:
            Log lines, in order (often none).
        """
        return []

    def _elapsed_s(self) -> float:
        """Seconds since this log started."""
        return self._clock() - self._t0


class RedshiftLog(RendererLog):
    """Redshift for Maya lines (CGRU ``parsers/redshift.py`` samples, Deadline's C4D handlers)."""

    plugin = "redshift4maya"

    def startup(self) -> list[str]:
        """Redshift's banner and the GPUs it will use (``Using GPU i: ...``)."""
        lines = [
            "[Redshift] Redshift for Maya (LRC STAND-IN imitation)",
            "[Redshift] Version: 3.5.19, stand-in build",
            "[Redshift] Initializing Redshift...",
            f"[Redshift] {self.ctx.devices.env_text()}, "
            f"CUDA_DEVICE_ORDER={self.ctx.devices.cuda_device_order or UNSET}",
        ]
        for ordinal in self.ctx.used_ordinals():
            if ordinal < len(self.ctx.devices.devices):
                lines.append(
                    f"[Redshift] Using GPU {ordinal}: {self.ctx.devices.devices[ordinal]} "
                    f"({self.ctx.devices.env_text()})"
                )
        lines += [
            "[Redshift] Redshift Initialized",
            "[Redshift] Loading Redshift procedural extensions...",
        ]
        return lines

    def device_failure(self) -> list[str] | None:
        """No visible device, or a ``-gpu`` ordinal past the visible ones."""
        if not self.ctx.devices.devices:
            return [
                f"[Redshift] {self.ctx.devices.env_text()} leaves no CUDA device visible",
                "[Redshift] No devices found. Aborting rendering.",
            ]
        for ordinal in self.ctx.used_ordinals():
            if ordinal >= len(self.ctx.devices.devices):
                # Deadline matches this exact tail: "...mel line \d+: Invalid device id: (\d+)$".
                return [
                    "// Error: file: redshift4maya/common/scripts/redshiftSelectCudaDevices.mel "
                    f"line 41: Invalid device id: {ordinal}"
                ]
        return None

    def licence_failure(self) -> list[str]:
        """Redshift's RLM licence error."""
        return ["Error: [Redshift] License error: (RLM) All licenses in use (-22) //"]

    def frame_begin(self, frame: int, index: int, total: int, path: Path) -> list[str]:
        """``Rendering frame N (i/total)...`` and scene preparation."""
        return [
            f"[Redshift] Rendering frame {frame} ({index}/{total})...",
            "[Redshift] \tPreparing ray tracing hierarchy for meshes",
            "[Redshift] \tAllocating VRAM for device 0",
        ]

    def frame_progress(self, frame: int, path: Path) -> list[str]:
        """A sample of ``Block i/N (x,y) rendered by GPU g in Nms`` lines, partly out of order."""
        cols = max(1, -(-self.ctx.width // REDSHIFT_BLOCK_PX))
        rows = max(1, -(-self.ctx.height // REDSHIFT_BLOCK_PX))
        total = cols * rows
        rng = random.Random(frame)
        numbers = sorted({max(1, round(total * k / REDSHIFT_BLOCK_LINES)) for k in range(1, 7)})
        if len(numbers) > 3:
            # Blocks finish out of order across GPUs; parsers must keep the highest number seen.
            numbers[1], numbers[2] = numbers[2], numbers[1]
        gpus = self.ctx.used_ordinals() or (0,)
        lines = []
        for position, number in enumerate(numbers):
            gpu = gpus[position % len(gpus)]
            x, y = rng.randrange(cols), rng.randrange(rows)
            lines.append(
                f"[Redshift] Block {number}/{total} ({x},{y}) rendered by GPU {gpu} "
                f"in {rng.randint(1, 40)}ms"
            )
        return lines

    def frame_written(self, frame: int, path: Path, elapsed_s: float) -> list[str]:
        """``Saving: <path>`` and ``Frame done - total time for frame N``."""
        used = len(self.ctx.used_ordinals() or (0,))
        return [
            f"[Redshift] Rendering time: {elapsed_s:.2f}s ({used} GPU(s) used)",
            f"[Redshift] Saving: {path}",
            f"[Redshift] Frame done - total time for frame {frame}: {elapsed_s:.2f}s",
        ]

    def cuda_error(self, frame: int) -> list[str]:
        """A CUDA failure, then Redshift's abort line."""
        return [
            "[Redshift] CUDA error: CUDA_ERROR_UNKNOWN (999) in cuCtxSynchronize, device 0",
            "[Redshift] Rendering was internally aborted",
        ]


class ArnoldLog(RendererLog):
    """MtoA / Arnold lines (``HH:MM:SS  NNNMB LEVEL | message``; CGRU and arnold-usd samples)."""

    plugin = "mtoa"

    def _line(self, message: str, level: str = "") -> str:
        """Format one Arnold log line, stamped with the time since start and a memory figure."""
        elapsed = int(self._elapsed_s())
        stamp = f"{elapsed // 3600:02d}:{elapsed % 3600 // 60:02d}:{elapsed % 60:02d}"
        memory_mb = 98 + min(400, int(self._elapsed_s() * 40))
        return f"{stamp} {memory_mb:>5}MB {level:<7} | {message}"

    def startup(self) -> list[str]:
        """Arnold's banner and its devices."""
        lines = [
            self._line(f"log started {time.strftime('%a %b %d %H:%M:%S %Y')}"),
            self._line("Arnold 7.2.5.1 [LRC STAND-IN imitation] MtoA 5.3.5.1"),
            self._line(
                f"[mtoa] {self.ctx.devices.env_text()}, "
                f"CUDA_DEVICE_ORDER={self.ctx.devices.cuda_device_order or UNSET}"
            ),
        ]
        if self.ctx.use_gpu:
            for ordinal in self.ctx.used_ordinals():
                if ordinal < len(self.ctx.devices.devices):
                    lines.append(
                        self._line(
                            f" GPU {ordinal}: {self.ctx.devices.devices[ordinal]} @ 1770MHz "
                            f"(compute 8.6) with 24576MB ({self.ctx.devices.env_text()})"
                        )
                    )
            lines.append(self._line("[gpu] using 1 device(s) for rendering"))
        else:
            lines.append(self._line(f"using {self.ctx.threads} threads"))
        return lines

    def licence_failure(self) -> list[str]:
        """The licence error and MtoA's abort-on-licence-fail line."""
        return [
            self._line("[license] no license available for Arnold (all licenses in use)", "ERROR"),
            self._line(
                "aborting render because this is a batch render and abort_on_license_fail "
                "option is enabled",
                "ERROR",
            ),
        ]

    def frame_begin(self, frame: int, index: int, total: int, path: Path) -> list[str]:
        """Bucket workers start (MtoA prints no frame-start line; parsers count 100% lines)."""
        return [self._line("starting 16 bucket workers of size 64x64 ...")]

    def frame_progress(self, frame: int, path: Path) -> list[str]:
        """``|     0% done - 12 rays/pixel`` ... ``|   100% done``."""
        return [
            self._line(f"{pct:>5}% done - {12 + pct // 10} rays/pixel") for pct in PERCENT_STEPS
        ]

    def frame_written(self, frame: int, path: Path, elapsed_s: float) -> list[str]:
        """``render done in m:ss.mmm`` and ``[driver_exr] writing file `<path>'``."""
        minutes, seconds = divmod(elapsed_s, 60.0)
        driver = {"jpg": "jpeg", "tif": "tiff"}.get(
            path.suffix.lstrip("."), path.suffix.lstrip(".")
        )
        return [
            self._line(f"render done in {int(minutes)}:{seconds:06.3f}"),
            self._line(f"[driver_{driver or 'exr'}] writing file `{path}'"),
        ]

    def cuda_error(self, frame: int) -> list[str]:
        """A GPU error then MtoA's failed-batch line."""
        return [
            self._line(
                "[gpu] CUDA_ERROR_UNKNOWN (999): unknown error in cuCtxSynchronize", "ERROR"
            ),
            self._line("[mtoa] Failed batch render", "ERROR"),
        ]


class VRayLog(RendererLog):
    """V-Ray for Maya lines (Deadline ``MayaCmd.py`` V-Ray handlers, CGRU ``vray.py``)."""

    plugin = "vrayformaya"

    def startup(self) -> list[str]:
        """V-Ray's banner."""
        return [
            "V-Ray for Maya version 6.20.01 (LRC STAND-IN imitation)",
            f"V-Ray: {self.ctx.devices.env_text()}, "
            f"CUDA_DEVICE_ORDER={self.ctx.devices.cuda_device_order or UNSET}",
            f"V-Ray: Using {self.ctx.threads} render threads",
        ]

    def licence_failure(self) -> list[str]:
        """V-Ray's licence error."""
        return ["V-Ray error: Could not obtain a license (the license server did not answer)"]

    def frame_begin(self, frame: int, index: int, total: int, path: Path) -> list[str]:
        """``V-Ray: Updating frame at time N`` and the prepasses."""
        return [
            f"V-Ray: Updating frame at time {frame}",
            "V-Ray: Preparing scene for rendering...",
            "V-Ray: Building light cache...",
            "V-Ray: Rendering image...",
        ]

    def frame_progress(self, frame: int, path: Path) -> list[str]:
        """``V-Ray:   0%`` ... ``V-Ray: 100%``."""
        return [f"V-Ray: {pct:>3}%" for pct in PERCENT_STEPS]

    def frame_written(self, frame: int, path: Path, elapsed_s: float) -> list[str]:
        """``Successfully written image file "<path>"`` and ``V-Ray: Total frame time``."""
        return [
            f'V-Ray: Successfully written image file "{path}"',
            f"V-Ray: Total frame time {elapsed_s:.1f} s",
        ]

    def cuda_error(self, frame: int) -> list[str]:
        """A GPU failure (``V-Ray error:`` is fatal to Deadline)."""
        return ["V-Ray error: CUDA_ERROR_UNKNOWN (999) in cuStreamSynchronize, rendering aborted"]

    def finish(self) -> list[str]:
        """``V-Ray: Render complete``."""
        return ["V-Ray: Render complete"]


def renderer_log(
    renderer: str, ctx: RenderContext, clock: Callable[[], float] = time.monotonic
) -> RendererLog:
    """Return the log-line maker for a ``Render -r`` value.

    Args:
        renderer: ``redshift``, ``arnold``, ``vray``; anything else prints Maya Software lines.
        ctx: The run's devices, threads and resolution.
        clock: Monotonic clock in seconds.

    Returns:
        A fresh :class:`RendererLog`.
    """
    kinds: dict[str, type[RendererLog]] = {
        "redshift": RedshiftLog,
        "arnold": ArnoldLog,
        "vray": VRayLog,
    }
    return kinds.get(renderer, RendererLog)(ctx, clock)


def noise_lines(scene: str) -> Sequence[str]:
    """Harmless lines real scenes print (warnings, non-fatal errors); nothing here is fatal.

    Args:
        scene: The scene path, quoted in the warning like Maya does.

    Returns:
        Three lines; none matches a fatal pattern of Deadline or the engine's profiles.
    """
    return (
        f"// Warning: file: {scene} line 212: Unrecognized node type 'fooNode'; preserving node "
        "information during this session. //",
        "// Error: line 1: setAttr: The attribute 'pCube1.translateX' is locked //",
        f"// Warning: Texture file {os.path.join('sourceimages', 'missing.tx')} not found. //",
    )
