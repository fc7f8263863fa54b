"""Per-layer overrides of the render settings, read from a ``.ma`` and resolved the way Maya does.

Two systems store them (see ``docs/research/maya_facts.md`` section 4, whose evidence is
deadline-cloud-for-maya's Maya-saved ``layers.ma`` with the values real Maya computed for it):

**Render Setup** (Maya 2016.5+). A layer's children are collections, a collection's children are
overrides or child collections; every child names its parent with
``connectAttr "<parent>.lit" "<child>.pls"`` and its place among its siblings with
``connectAttr "<previous>.nxt" "<child>.prv"``. A render-settings override is an
``absUniqueOverride`` / ``relUniqueOverride`` node::

    createNode relUniqueOverride -n "endFrame2";
        setAttr ".atr" -type "string" "endFrame";            // attribute
        setAttr ".tgName" -type "string" "defaultRenderGlobals";
        setAttr ".mul" 1;                                    // relative: multiply ...
        setAttr ".ofs" 10;                                   // ... and offset

Maya's own ``applyOverride`` docstring gives the maths: absolute ``out = enabled ? attrValue :
original``; relative ``out = enabled ? original * multiply + offset : original``; and
``enabled.py``: ``enabled = selfEnabled (.sen, default on) and parentEnabled``. Overrides apply in
the layer's order (collections in order, overrides in order inside them), each on the result of
the one before.

**Legacy render layers**. A layer node keeps its adjustments as ``setAttr ".adjs[i].val" ...``
plus ``connectAttr ":defaultRenderGlobals.ren" "<layer>.adjs[i].plg"``.

:class:`OverrideGraph` collects those statements while the reader streams the file and gives, per
layer, the overrides in the order Maya applies them (:class:`LayerOverride`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lrc_toolbox.scene.lexing import Word

__all__ = ["LayerOverride", "OverrideGraph", "override_value"]

_TRUE_WORDS = frozenset({"yes", "on", "true"})
_FALSE_WORDS = frozenset({"no", "off", "false"})


def override_value(values: list[Word]) -> str | float | bool | None:
    """The value a ``setAttr`` assigns, typed: a string, a bool word, or a number.

    Args:
        values: The value words of a ``setAttr`` (flags removed).

    Returns:
        ``"mayaSoftware"``, ``True``, ``20.0``..., or None when there is no readable value.
    """
    if not values:
        return None
    first = values[0]
    if first.quoted:
        return first.text
    if first.text == "(":  # ("a" + "b") string concatenation
        return "".join(w.text for w in values if w.quoted)
    word = first.text.lower()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    try:
        number = float(first.text)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


@dataclass(frozen=True)
class LayerOverride:
    """One override of one layer, as saved.

    Attributes:
        node: The override node (``endFrame2``) or, for a legacy adjustment, ``<layer>.adjs[i]``.
        target: The overridden node (``defaultRenderGlobals``, ``defaultResolution``, a camera
            shape for a legacy adjustment), or ``None`` for a collection override whose objects a
            selector chooses.
        attribute: The overridden attribute as written (``endFrame``, ``ren``, ``renderable``).
        kind: ``"absolute"``, ``"relative"`` (Render Setup) or ``"legacy"`` (an adjustment).
        value: The absolute value (``attrValue`` / ``.adjs[i].val``), or None when not saved.
        multiply: Relative overrides: the multiplier (Maya's default 1).
        offset: Relative overrides: the offset (Maya's default 0).
        enabled: The override and every collection above it are enabled.
        node_type: The override's node type (``absUniqueOverride``, ``absOverride``...).
        collection: The Render Setup collection holding it (its selector picks the objects a
            non-unique override changes), or None.
    """

    node: str
    target: str | None
    attribute: str
    kind: str
    value: str | float | bool | None = None
    multiply: float = 1.0
    offset: float = 0.0
    enabled: bool = True
    node_type: str = ""
    collection: str | None = None

    def describe(self) -> str:
        """``defaultRenderGlobals.endFrame = original*1 + 10 (relative override endFrame2)``."""
        where = f" in collection {self.collection}" if self.collection else ""
        state = ", disabled" if not self.enabled else ""
        if not self.attribute:  # shader, material, connection overrides: no single attribute
            return f"{self.node_type or 'override'} {self.node}{where}{state}"
        plug = f"{self.target}.{self.attribute}" if self.target else self.attribute
        if self.kind == "relative":
            what = f"original*{self.multiply:g} + {self.offset:g}"
        else:
            what = _show(self.value)
        return f"{plug} = {what} ({self.kind} override {self.node}{where}{state})"


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, float):
        return f"{value:g}"
    if value is None:
        return "(Maya's default value)"
    return repr(value)


@dataclass
class _Node:
    node_type: str
    order: int
    attrs: dict[str, object] = field(default_factory=dict)


#: setAttr names on override/collection nodes, short and long, to the short name we keep.
_OVERRIDE_ATTRS = {
    "atr": "atr",
    "attribute": "atr",
    "tgName": "tgName",
    "targetNodeName": "tgName",
    "atv": "atv",
    "attrValue": "atv",
    "mul": "mul",
    "multiply": "mul",
    "ofs": "ofs",
    "offset": "ofs",
    "sen": "sen",
    "selfEnabled": "sen",
}


class OverrideGraph:
    """The Render Setup tree and legacy adjustments of one file, filled statement by statement."""

    def __init__(self) -> None:
        self._nodes: dict[str, _Node] = {}
        self._parent: dict[str, str] = {}
        self._previous: dict[str, str] = {}
        self._adjust_values: dict[tuple[str, int], list[Word]] = {}
        self._adjust_plugs: dict[tuple[str, int], tuple[str, str]] = {}

    # -- filling ----------------------------------------------------------------------------------
    def add_node(self, name: str, node_type: str) -> None:
        """A ``createNode`` of a collection or override node."""
        self._nodes.setdefault(name, _Node(node_type, len(self._nodes)))

    def is_tree_node(self, name: str) -> bool:
        """True for a collection or override node created in this file."""
        return name in self._nodes

    @property
    def has_overrides(self) -> bool:
        """True when the file has any override node or legacy adjustment."""
        return bool(self._adjust_plugs) or any(
            node.node_type.endswith("Override") for node in self._nodes.values()
        )

    def set_attr(self, name: str, attr: str, values: list[Word]) -> None:
        """A ``setAttr`` on a collection or override node."""
        key = _OVERRIDE_ATTRS.get(attr)
        node = self._nodes.get(name)
        if key is None or node is None:
            return
        value = override_value(values)
        if value is not None:
            node.attrs[key] = value

    def connect(self, src_node: str, src_attr: str, dst_node: str, dst_attr: str) -> None:
        """A ``connectAttr`` that may describe the tree or a legacy adjustment."""
        if dst_attr in ("pls", "parentList") or dst_attr.startswith(("pls[", "parentList[")):
            if src_attr in ("lit", "listItems"):
                self._parent.setdefault(dst_node, src_node)
        elif dst_attr in ("prv", "previous"):
            if src_attr in ("nxt", "next"):
                self._previous[dst_node] = src_node
        else:
            index = _adjustment_index(dst_attr, ("plg", "plug"))
            if index is not None:
                self._adjust_plugs[(dst_node, index)] = (src_node, src_attr)

    def set_adjustment_value(self, layer_node: str, attr: str, values: list[Word]) -> bool:
        """A ``setAttr ".adjs[i].val"`` on a render layer; True when it was one."""
        index = _adjustment_index(attr, ("val", "value"))
        if index is None:
            return False
        self._adjust_values[(layer_node, index)] = values
        return True

    # -- reading ----------------------------------------------------------------------------------
    def render_setup_overrides(self, rs_layer: str) -> list[LayerOverride]:
        """The overrides under a Render Setup layer, in the order Maya applies them."""
        found: list[LayerOverride] = []
        self._walk(rs_layer, True, found, depth=0, collection=None)
        return found

    def legacy_adjustments(self, layer_node: str) -> list[LayerOverride]:
        """The adjustments saved on a legacy ``renderLayer`` node, by index."""
        found = []
        for (node, index), (target, attr) in sorted(self._adjust_plugs.items()):
            if node != layer_node:
                continue
            values = self._adjust_values.get((node, index), [])
            found.append(
                LayerOverride(
                    node=f"{node}.adjs[{index}]",
                    target=target,
                    attribute=attr,
                    kind="legacy",
                    value=override_value(values),
                    node_type="renderLayer adjustment",
                )
            )
        return found

    def _children(self, parent: str) -> list[str]:
        """``parent``'s children in sibling order (``.prv`` chain; file order where it breaks)."""
        kids = [name for name, par in self._parent.items() if par == parent]
        kids.sort(key=lambda name: self._nodes[name].order if name in self._nodes else -1)
        kid_set = set(kids)
        ordered: list[str] = []
        placed: set[str] = set()
        following = {self._previous[k]: k for k in kids if self._previous.get(k) in kid_set}
        for start in kids:
            if start in placed or self._previous.get(start) in kid_set:
                continue
            node: str | None = start
            while node is not None and node not in placed:
                ordered.append(node)
                placed.add(node)
                node = following.get(node)
        ordered += [k for k in kids if k not in placed]  # a cycle: keep file order
        return ordered

    def _walk(
        self,
        parent: str,
        enabled: bool,
        found: list[LayerOverride],
        depth: int,
        collection: str | None,
    ) -> None:
        if depth > 64:  # a malformed file with a parent cycle
            return
        for child in self._children(parent):
            node = self._nodes.get(child)
            if node is None:
                continue
            on = enabled and node.attrs.get("sen", True) not in (False,)  # "no" or 0
            if node.node_type.endswith("Override"):
                found.append(_override(child, node, on, collection))
            else:
                self._walk(child, on, found, depth + 1, child)


def _override(name: str, node: _Node, enabled: bool, collection: str | None) -> LayerOverride:
    attrs = node.attrs
    relative = node.node_type.startswith("rel")
    target = attrs.get("tgName")
    mul = attrs.get("mul", 1.0)
    ofs = attrs.get("ofs", 0.0)
    return LayerOverride(
        node=name,
        target=str(target) if target is not None else None,
        attribute=str(attrs.get("atr", "")),
        kind="relative" if relative else "absolute",
        value=None if relative else attrs.get("atv"),  # type: ignore[arg-type]
        multiply=float(mul) if isinstance(mul, (int, float)) else 1.0,
        offset=float(ofs) if isinstance(ofs, (int, float)) else 0.0,
        enabled=enabled,
        node_type=node.node_type,
        collection=collection,
    )


def _adjustment_index(attr: str, leaves: tuple[str, ...]) -> int | None:
    """``adjs[3].plg`` -> 3 (for leaves ``plg``/``plug``), else None."""
    head, dot, leaf = attr.partition("].")
    if not dot or leaf not in leaves:
        return None
    name, bracket, index = head.partition("[")
    if not bracket or name not in ("adjs", "adjustments"):
        return None
    try:
        return int(index)
    except ValueError:
        return None
