"""Task ranges for Open Job Description, written compactly: range expressions, not lists.

A step's tasks are its chunks. Each chunk is ``Render -s Start -e End -b Step``, so a step has
two INT task parameters, ``Start`` and ``End``, zipped together (``combination: "(Start, End)"``),
and one ``Step`` for the whole step, written literally in the command. Each parameter's range is
an OpenJD ``<IntRangeExpr>`` string (``"1-5991:10"``), which the 2023-09 template schema accepts
in place of a list (spec ``wiki/2023-09-Template-Schemas.md`` section 3.4.1.1.1, quoted in the
research notes ``docs/research/farm_facts.md`` section 3): a 6,000-frame layer is a few
characters instead of three lists of 6,000 numbers, and the 1,024-item cap of literal lists does
not apply. (The ``RANGE_EXPR`` *job parameter* type would need the ``EXPR`` extension, whose
support by Deadline Cloud is not verified; a literal range expression needs no extension.)

Why zipping sorted expressions pairs the right numbers: a layer's chunks are disjoint frame
intervals in frame order, so both their starts and their ends increase strictly in the same
order, and an ``<IntRangeExpr>`` lists its values sorted. A range expression may not repeat a
value, which is why ``Step`` cannot be a third zipped parameter: chunks are grouped by step
instead (one OpenJD step per group; usually one per layer, since a single-frame chunk renders the
same with any ``-b`` and joins any group).

Expressions never let two of their elements' spans overlap (OpenJD rejects ``1-10:4,10-15``):
each element is written from its first to its last actual value, and the values are sorted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lrc_toolbox.farm.job_description import FarmChunk, FarmLayer

__all__ = ["ChunkGroup", "chunk_groups", "range_expression"]

#: Shortest arithmetic run written as ``a-b:s`` (two values read shorter as ``a,b``).
MIN_STEPPED_ELEMENT_VALUES: int = 3


@dataclass(frozen=True)
class ChunkGroup:
    """The chunks of one layer that share a frame step: one OpenJD step.

    Attributes:
        step: ``Render -b`` for every chunk of the group.
        chunks: The chunks, in frame order.
    """

    step: int
    chunks: tuple[FarmChunk, ...]

    @property
    def starts(self) -> str:
        """The ``Start`` task parameter's range expression."""
        return range_expression([chunk.run.start for chunk in self.chunks])

    @property
    def ends(self) -> str:
        """The ``End`` task parameter's range expression."""
        return range_expression([chunk.run.end for chunk in self.chunks])


def range_expression(values: Sequence[int]) -> str:
    """An OpenJD ``<IntRangeExpr>`` for exactly these values.

    Consecutive values with a constant difference become one element (``1-100``, ``1-96:5``);
    the longest such run from the left is taken each time.

    Args:
        values: Distinct integers in increasing order (at least one).

    Returns:
        E.g. ``"1-10,20,30-90:30"``.

    Raises:
        ValueError: The values are empty, not increasing, or repeat.
    """
    if not values:
        raise ValueError("a range expression needs at least one value")
    if any(b <= a for a, b in zip(values, values[1:], strict=False)):
        raise ValueError("range expression values must be distinct and increasing")
    parts: list[str] = []
    i, count = 0, len(values)
    while i < count:
        j = i
        if i + 1 < count:
            step = values[i + 1] - values[i]
            j = i + 1
            while j + 1 < count and values[j + 1] - values[j] == step:
                j += 1
            if j - i + 1 < MIN_STEPPED_ELEMENT_VALUES and step != 1:
                j = i  # two values far apart: "a,b" is shorter than "a-b:s"
        parts.append(_element(values[i], values[j], values[i + 1] - values[i] if j > i else 1))
        i = j + 1
    return ",".join(parts)


def _element(first: int, last: int, step: int) -> str:
    if first == last:
        return str(first)
    if step == 1:
        return f"{first}-{last}"
    return f"{first}-{last}:{step}"


def chunk_groups(layer: FarmLayer) -> list[ChunkGroup]:
    """A layer's chunks grouped by their ``-b`` step, in order of their first frame.

    Single-frame chunks render the same with any step, so they join the layer's first group
    (or form a step-1 group when the layer has nothing else).

    Args:
        layer: The farm layer.

    Returns:
        One group per distinct step of the layer's multi-frame chunks (at least one group).
    """
    by_step: dict[int, list[FarmChunk]] = {}
    singles: list[FarmChunk] = []
    for chunk in layer.chunks:
        if len(chunk.run) > 1:
            by_step.setdefault(chunk.run.step, []).append(chunk)
        else:
            singles.append(chunk)
    if not by_step:
        by_step[1] = []
    first = min(by_step, key=lambda step: by_step[step][0].run.start if by_step[step] else 0)
    by_step[first] = by_step[first] + singles
    groups = [
        ChunkGroup(step, tuple(sorted(chunks, key=lambda chunk: chunk.run.start)))
        for step, chunks in by_step.items()
    ]
    return sorted(groups, key=lambda group: group.chunks[0].run.start)
