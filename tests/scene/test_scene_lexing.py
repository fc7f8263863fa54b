"""Tests for lrc_toolbox.scene.lexing: the streaming statement scanner and the tokenizer."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scene_fixtures import EXAMPLE_SCENE

from lrc_toolbox.scene import iter_statements, split_statements, tokenize


# --------------------------------------------------------------------------------------------------
# Statement splitter and tokenizer
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('a "x;y";b;', ['a "x;y"', "b"]),
        ('a "q\\"; still";b;', ['a "q\\"; still"', "b"]),
        ('a "ends in backslash\\\\";b;', ['a "ends in backslash\\\\"', "b"]),
        ("a // comment; not a split\n b;", ["a \n b"]),
        ('a "http://x/y";', ['a "http://x/y"']),
        ("setAttr .sx 1 / 2;", ["setAttr .sx 1 / 2"]),
        (";;  ;a;", ["a"]),
        ("// only a comment", []),
        ("a\r\n\t\t b;\r\n", ["a\r\n\t\t b"]),
        ("unterminated", ["unterminated"]),
    ],
)
def test_split_statements_edge_cases(text: str, expected: list[str]) -> None:
    assert split_statements(text) == expected


def test_statement_offsets_and_lead() -> None:
    data = b'createNode renderLayer -n "a";\n\tsetAttr ".rndr" no;\n// c\n\tx;'
    stmts = list(iter_statements(io.BytesIO(data)))
    assert [s.head for s in stmts] == ["createNode", "setAttr", "x"]
    second = stmts[1]
    assert data[second.start : second.end] == b'setAttr ".rndr" no;'
    assert data[second.lead : second.end] == b'\n\tsetAttr ".rndr" no;'
    assert data[stmts[2].lead : stmts[2].start] == b"\n\t"  # the comment is not part of it
    assert all(s.complete for s in stmts)


def test_tiny_blocks_give_the_same_statements() -> None:
    data = EXAMPLE_SCENE.read_bytes()
    big = [(s.start, s.end, s.lead, s.text) for s in iter_statements(io.BytesIO(data))]
    tiny = [
        (s.start, s.end, s.lead, s.text) for s in iter_statements(io.BytesIO(data), block_size=16)
    ]
    assert tiny == big
    assert len(big) > 300


def test_tokenize() -> None:
    words = tokenize('setAttr -k on ".ifp" -type "string" ("a\\"b" + "c\\\\d");')
    assert [w.text for w in words] == [
        "setAttr",
        "-k",
        "on",
        ".ifp",
        "-type",
        "string",
        "(",
        'a"b',
        "+",
        "c\\d",
        ");",
    ]
    assert [w.quoted for w in words[:4]] == [False, False, False, True]
    assert tokenize('a "unterminated') == [("a", False), ("unterminated", True)]
    assert tokenize("") == []


# --------------------------------------------------------------------------------------------------
# Property tests
# --------------------------------------------------------------------------------------------------
def _mel_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_BARE_WORD = st.text(alphabet="abcXYZ019._-:[]()+=<>|", min_size=1, max_size=8)
# Characters that matter to the splitter: ';', quotes, backslashes, slashes (and "//").
_STRING_BODY = st.text(alphabet='ab ;"\\/\n\t{}$()é', max_size=14)
# A word is (source text, string body or None for a bare word).
_WORD = st.one_of(
    _BARE_WORD.map(lambda w: (w, None)), _STRING_BODY.map(lambda b: (_mel_string(b), b))
)
_GAP = st.sampled_from([" ", "\t", "\n\t\t ", "  "])
_STATEMENT = st.tuples(_BARE_WORD, st.lists(st.tuples(_GAP, _WORD), max_size=6)).map(
    lambda t: (
        t[0] + "".join(gap + word[0] for gap, word in t[1]),
        [word[1] for _, word in t[1] if word[1] is not None],
    )
)
_SEPARATOR = st.sampled_from([";\n", ";", ";\n\t", '; // note; with "quote\n', ";\n// x;\n"])


@settings(max_examples=300, deadline=None)
@given(
    statements=st.lists(st.tuples(_STATEMENT, _SEPARATOR), max_size=8),
    block=st.sampled_from([16, 17, 31, 4096]),
)
def test_semicolons_inside_strings_never_split(
    statements: list[tuple[tuple[str, list[str]], str]], block: int
) -> None:
    text = "".join(stmt + sep for (stmt, _), sep in statements)
    data = text.encode("utf-8")
    got = [s.text for s in iter_statements(io.BytesIO(data), block_size=block)]
    assert got == [stmt for (stmt, _), _ in statements]
    for stmt, bodies in (pair for pair, _ in statements):
        assert [w.text for w in tokenize(stmt) if w.quoted] == bodies


@settings(max_examples=200, deadline=None)
@given(body=_STRING_BODY)
def test_tokenize_round_trips_string_literals(body: str) -> None:
    words = tokenize(f"setAttr {_mel_string(body)} x")
    assert words == [("setAttr", False), (body, True), ("x", False)]
