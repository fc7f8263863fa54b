"""The exit codes of ``lrc-batch-render``, declared once for every sub-command.

The CLI's callers (shell scripts, farm wrappers, CI jobs) branch on these numbers, so they are part
of the command's contract: 0 every requested frame has a verified image (or the sub-command did what
was asked); 1 some frames failed; 2 invalid input or environment (one line on stderr, nothing
launched); 130 interrupted (Ctrl-C or SIGTERM, after every render process tree was stopped); 129
hangup (SIGHUP: the terminal was closed; handled like SIGTERM).
"""

from __future__ import annotations

__all__ = ["EXIT_FRAMES_FAILED", "EXIT_HANGUP", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE"]

#: Success: every requested frame was verified, or a job command did what it was asked.
EXIT_OK: int = 0

#: The job ran but some frames have no verified image (or the engine itself failed).
EXIT_FRAMES_FAILED: int = 1

#: Invalid input or environment: one line on stderr, nothing launched, no temp file left.
EXIT_USAGE: int = 2

#: Interrupted by Ctrl-C or SIGTERM (128 + SIGINT, the shell's convention).
EXIT_INTERRUPTED: int = 130

#: The terminal was closed (SIGHUP, 128 + 1): every render tree was stopped and the job recorded
#: as cancelled, exactly as for SIGTERM.
EXIT_HANGUP: int = 129
