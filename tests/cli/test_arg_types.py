"""The CLI's argument types: one line naming what was expected, values passed on as typed."""

from __future__ import annotations

import argparse
import math

import pytest

from lrc_toolbox.cli.arg_types import at_least_one, chunk_size, days, seconds, whole_number


def test_values_pass_as_typed_and_ranges_are_left_to_the_planner() -> None:
    assert whole_number("-3") == -3  # the planner says what range renders-per-GPU takes
    assert seconds("inf") == math.inf and seconds("0.5") == 0.5
    assert chunk_size("AUTO ") is None and chunk_size("9") == 9
    assert at_least_one("20") == 20 and days("0") == 0.0


@pytest.mark.parametrize(
    ("convert", "text", "message"),
    [
        (whole_number, "two", "'two' is not a whole number"),
        (at_least_one, "0", "must be at least 1 (got 0)"),
        (at_least_one, "-1", "must be at least 1 (got -1)"),
        (seconds, "soon", "'soon' is not a number of seconds"),
        (days, "nan", "must be 0 or more days (got nan)"),
        (days, "-2", "must be 0 or more days (got -2)"),
        (chunk_size, "big", "'big' is not 'auto' or a number of frames"),
    ],
)
def test_bad_text_is_one_line_naming_what_was_expected(convert, text, message) -> None:
    with pytest.raises(
        argparse.ArgumentTypeError, match=f"^{message}$".replace("(", r"\(").replace(")", r"\)")
    ):
        convert(text)
