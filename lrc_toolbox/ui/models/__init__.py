"""Qt item models of the Batch Render dialog."""

from __future__ import annotations
