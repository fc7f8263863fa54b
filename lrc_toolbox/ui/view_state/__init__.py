"""What the Batch Render dialog shows, as plain data: no Qt in this package.

The widgets, table models and presenters (which import Qt) only display what these modules
compute, so the rules are tested without a display and the folder layout says which files need
Qt: nothing under ``view_state/`` imports it, directly or through another module
(``tests/ui/test_view_state_is_qt_free.py`` reads the imports to check).

* :mod:`.formatting`: durations, sizes, timestamps, GPU labels, plurals;
* :mod:`.frame_check`: the frame field's verdict (frames, or the exact bad part);
* :mod:`.render_rows`: the Active Renders rows (the current job's), kept from engine events and
  status; :mod:`.row_state`: a row's state; :mod:`.status_words`: honest status words;
* :mod:`.frame_map`, :mod:`.frame_map_geometry`, :mod:`.frame_words`, :mod:`.frame_logs`: the frame
  map's cells, where they sit, what a frame's hover text says, and a frame's log lines;
* :mod:`.job_header`: the job's name, state, bar, counts and ETA above Active Renders;
* :mod:`.gpu_names`: one name per GPU (index and model); :mod:`.dialog_words`: engine messages
  in the dialog's words (its fields, never CLI flags);
* :mod:`.log_buffer`: bounded log lines per task, and the Logs panel's filter;
* :mod:`.event_coalescer`: the engine-thread side of the event bridge (batches, coalescing);
* :mod:`.job_history`: History rows and job details from the engine's stored jobs;
* :mod:`.history_columns`: what each History table column shows and sorts by;
* :mod:`.messages`: the message bar's texts (end of job, orphaned job offer, job started);
* :mod:`.request_gate`: at most one background read in flight, the latest one asked for next.
"""

from __future__ import annotations
