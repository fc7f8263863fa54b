"""The engine: pure Python (no Maya, no Qt). Detection, planning, scheduling, process management."""
