"""Command-line fronts over the engine (``lrc-batch-render``)."""
