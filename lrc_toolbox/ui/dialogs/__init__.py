"""Dialogs of the render manager: the Batch Render dialog and its Active Renders panel."""

from __future__ import annotations
