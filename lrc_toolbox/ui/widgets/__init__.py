"""Panels of the Batch Render dialog, one module each (system, configuration, logs, buttons)."""

from __future__ import annotations
