"""``StrEnum``: a member is its value for equality, hashing, JSON, SQLite and formatting."""

from __future__ import annotations

import json
import sqlite3

from lrc_toolbox.utils.str_enum import StrEnum


class Colour(StrEnum):
    RED = "red"
    DARK_BLUE = "dark blue"


def test_a_member_is_its_value_everywhere_text_goes() -> None:
    assert Colour.RED == "red" and hash(Colour.RED) == hash("red")
    assert {"red": 1}[Colour.RED] == 1
    assert str(Colour.RED) == f"{Colour.RED}" == "red"
    assert format(Colour.RED, "") == "red"
    assert f"{Colour.DARK_BLUE:>10}" == " dark blue"
    assert json.dumps({"c": Colour.RED}) == '{"c": "red"}'
    with sqlite3.connect(":memory:") as conn:
        assert conn.execute("SELECT ?", (Colour.DARK_BLUE,)).fetchone() == ("dark blue",)
    assert Colour("red") is Colour.RED
