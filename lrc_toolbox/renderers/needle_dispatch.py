"""Find which of many substrings ("needles") a line holds, with one C-level regex call.

:class:`NeedleDispatch` is what keeps :meth:`~lrc_toolbox.renderers.base.LogParser.feed` cheap:
instead of testing every rule's needle, one ``findall`` over a trie-shaped alternation of all
needles says which ones occur, and a plan precomputed per needle names the few items to try.

Why the scan looks for *keys*, not whole needles: ``re`` tries the alternation at every position
whose character can start a needle, and a needle starting with ``r`` or ``o`` makes it stop at
almost every character of an ordinary log line. So each needle is represented by its *key*: the
suffix that starts at its rarest character in render logs (``FLEXlm error`` -> ``EXlm error``). A
line that holds the needle holds the key; the plan then re-checks the whole needle with ``in``.

Why the result is complete: ``findall`` reports non-overlapping keys, longest first at each
position. A key it did not report either starts where a longer reported key starts (so it is a
prefix of that key) or starts inside a reported key (so it is a substring of it, or a suffix of
the reported key begins it). Each key's plan therefore includes the items of every key related to
it that way, and the ``needle in line`` check settles those "maybe" cases exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

#: Characters ordered from present in most lines to present in fewest, in Maya/renderer logs
#: (Redshift, Arnold, V-Ray and Maya Software lines: per-line presence, measured on the benchmark
#: logs of ``scripts/bench_log_parsing.py`` and rounded by hand). Unlisted characters (``E``,
#: ``K``, ``Q``, ``Y``, ``q``...) count as the rarest.
COMMON_LOG_CHARS = " eo0123456789:irdnts/myhRalcf[]g.B|()Pupxb-GNFIUV,kMO%jvAzw_DTC\"XH=SL'W`"

#: Shortest key taken from a longer needle: shorter keys would hit ordinary lines too often.
MIN_KEY_CHARS = 3

#: Distinct multi-key combinations whose merged plan is remembered; logs repeat few combinations.
MAX_COMBO_PLANS = 1024

_RANK: dict[str, int] = {char: rank for rank, char in enumerate(COMMON_LOG_CHARS)}
_RAREST_RANK = len(COMMON_LOG_CHARS)


def scan_key(needle: str) -> str:
    """Return the suffix of ``needle`` that starts at its rarest character.

    Args:
        needle: A non-empty needle.

    Returns:
        The key (the needle itself when it is :data:`MIN_KEY_CHARS` long or shorter). Ties go to
        the earliest position, which gives the longest key.
    """
    last_start = max(len(needle) - MIN_KEY_CHARS, 0)
    best = 0
    best_rank = -1
    for start in range(last_start + 1):
        rank = _RANK.get(needle[start], _RAREST_RANK)
        if rank > best_rank:
            best, best_rank = start, rank
    return needle[best:]


def trie_alternation(words: Iterable[str]) -> str:
    """Return a regex source matching any of ``words``, factored as a trie, longest first.

    ``re`` checks one literal per alternative, so sharing prefixes (``Cannot load``/``Cannot
    open``) makes it test each distinct first character once at each position.

    Args:
        words: Non-empty literal strings.

    Returns:
        The regex source (no capturing groups, so ``findall`` returns the matched text).
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            # A word ends here; the optional tail is greedy, so a longer word wins.
            return ("(?:" + body + ")?") if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return build(trie)


def may_co_occur(found: str, other: str) -> bool:
    """Whether ``other`` can be in a line where the scan reported ``found`` but not ``other``.

    Args:
        found: A key the scan reported.
        other: Another key.

    Returns:
        True when ``other`` is a substring of ``found`` or a suffix of ``found`` begins ``other``.
    """
    if other in found:
        return True
    return any(other.startswith(found[start:]) for start in range(1, len(found)))


def _find_nothing(line: str) -> list[str]:
    """``findall`` stand-in when there are no needles."""
    return []


class NeedleDispatch(Generic[T]):
    """Items (rules) indexed by their needles, for "which items can match this line?".

    Attributes:
        findall: ``findall(line)`` returns the keys found in the line (usually none or one).
        plans: For each key, the items worth trying when the scan reports that key, in the
            original order. Check ``needle_of(item) in line`` before trying an item.
        always: Items with an empty needle: tried on every line (slow; avoid).
    """

    def __init__(self, items: Sequence[T], needle_of: Callable[[T], str]) -> None:
        """Index ``items``.

        Args:
            items: Items in priority order (first match wins for the caller).
            needle_of: Returns an item's needle ("" for "always try").
        """
        self._order = {id(item): index for index, item in enumerate(items)}
        self.always: tuple[T, ...] = tuple(item for item in items if not needle_of(item))
        keys_of: dict[str, list[T]] = {}
        for item in items:
            needle = needle_of(item)
            if needle:
                keys_of.setdefault(scan_key(needle), []).append(item)
        keys = sorted(keys_of, key=len, reverse=True)
        self.findall: Callable[[str], list[str]] = (
            re.compile(trie_alternation(keys)).findall if keys else _find_nothing
        )
        self.plans: dict[str, tuple[T, ...]] = {}
        for key in keys:
            related = [
                item for other in keys if may_co_occur(key, other) for item in keys_of[other]
            ]
            self.plans[key] = self._in_order([*related, *self.always])
        self._combo_plans: dict[tuple[str, ...], tuple[T, ...]] = {}

    def _in_order(self, items: Iterable[T]) -> tuple[T, ...]:
        """Deduplicate ``items`` and sort them back into priority order."""
        unique = {id(item): item for item in items}
        return tuple(sorted(unique.values(), key=lambda item: self._order[id(item)]))

    def plan_for(self, hits: list[str]) -> tuple[T, ...]:
        """Return the items to try for a line where the scan reported several keys.

        Args:
            hits: What :attr:`findall` returned (two or more keys, repeats allowed).

        Returns:
            The union of those keys' plans, in priority order.
        """
        # Parsers of one profile share this object across reader threads. The cache is only
        # ever filled with the same value for the same key, so a race costs a recomputation.
        combo = tuple(sorted(set(hits)))
        plan = self._combo_plans.get(combo)
        if plan is None:
            plan = self._in_order(item for key in combo for item in self.plans[key])
            if len(self._combo_plans) < MAX_COMBO_PLANS:
                self._combo_plans[combo] = plan
        return plan
