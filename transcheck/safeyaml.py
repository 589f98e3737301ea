"""YAML from untrusted files (front matter of a pull request, configs, glossaries), loaded safely.

The one way transcheck reads YAML. Only plain data is built, and every way PyYAML can fail ends
as a SafeYamlError (a ``yaml.MarkedYAMLError``) with the line of the problem:

- a document longer than MAX_CHARS, or nested deeper than MAX_DEPTH (PyYAML's composer recurses
  and would hit Python's recursion limit), is refused before it is composed;
- a control character (PyYAML's ReaderError, which has no line) gets its line;
- a tag other than plain YAML data (``!!python/object``, ``!custom``) is refused at its node, in
  every file kind, instead of being ignored or constructed;
- a value its tag cannot build (``date: 2025-02-30``, ``!!int abc``) is refused at its node
  (PyYAML raises a bare ValueError there);
- a document whose aliases would expand past MAX_NODES nodes ("billion laughs") is refused
  before anything walks it: PyYAML shares aliased nodes, but every consumer that walks the tree
  would not.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

MAX_NODES = 100_000
MAX_DEPTH = 100
MAX_CHARS = 5_000_000

# libyaml's loader when PyYAML was built with it (ten times faster); the same nodes and marks.
FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_SHORT = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ, _MERGE = (_SHORT + name for name in ("str", "map", "seq", "merge"))

# The tags of plain YAML data: what SafeLoader resolves and builds, and the merge key ``<<``.
_DATA_TAGS = frozenset(
    {tag for tag in yaml.SafeLoader.yaml_constructors if tag is not None} | {_MERGE}
)
# What PyYAML's constructors raise, unmarked, for a value its tag cannot build.
_BUILD_ERRORS = (ValueError, TypeError, KeyError, AttributeError, OverflowError)
# Scalar tags whose built value is final (hashable, no further building): ``_build`` handles these.
_BUILT_SCALARS = frozenset(
    _SHORT + name for name in ("str", "int", "float", "bool", "null", "timestamp", "binary")
)


class SafeYamlError(yaml.MarkedYAMLError):
    """YAML transcheck refuses: the problem, and where it is (``problem_mark``, 0-based)."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem=problem, problem_mark=mark)


class YamlBombError(SafeYamlError):
    """A document whose aliases expand past MAX_NODES nodes."""

    def __init__(self, mark: Any) -> None:
        super().__init__(
            f"aliases expand to more than {MAX_NODES} nodes or refer to themselves (a YAML "
            "bomb?); refused",
            mark,
        )


def _mark_at(text: str, position: int) -> yaml.Mark:
    """A mark for character ``position`` of ``text``."""
    line = text.count("\n", 0, position)
    column = position - (text.rfind("\n", 0, position) + 1)
    return yaml.Mark("<yaml>", position, line, column, None, None)  # type: ignore[arg-type]


def _short(tag: str) -> str:
    return "!!" + tag[len(_SHORT) :] if tag.startswith(_SHORT) else tag


def expanded_size(node: yaml.Node, limit: int = MAX_NODES) -> int:
    """How many nodes the tree has once every alias is expanded, counting up to ``limit + 1``."""
    sizes: dict[int, int] = {}

    def size(current: yaml.Node, depth: int) -> int:
        key = id(current)
        if key in sizes:
            return sizes[key]
        if depth > MAX_DEPTH:
            return limit + 1
        sizes[key] = limit + 1  # a cycle counts as too large
        total = 1
        for child in _children(current):
            total += size(child, depth + 1)
            if total > limit:
                break
        sizes[key] = min(total, limit + 1)
        return sizes[key]

    return size(node, 0)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _nodes(root: yaml.Node) -> Iterator[yaml.Node]:
    """Every distinct node of the tree, each once (aliases share nodes), without recursion."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        stack.extend(reversed(_children(node)))


def _check_depth(text: str, loader_class: type[yaml.SafeLoader]) -> None:
    """Refuse nesting deeper than MAX_DEPTH, from the parser's events (which do not recurse)."""
    loader = loader_class(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()  # type: ignore[no-untyped-call]
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise SafeYamlError(
                        f"nested more than {MAX_DEPTH} levels deep; refused", event.start_mark
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()


def _check_values(root: yaml.Node) -> dict[int, Any] | None:
    """Refuse any tag that is not plain data, and any scalar its tag cannot build.

    Returns the non-string scalars built on the way, by node id, when every node is a mapping,
    sequence or scalar of its own kind with scalar keys only (what ``_build`` makes, as the
    constructor would); None when some node needs the constructor itself (a set, an ordered map,
    a merge key, a collection as a key).
    """
    constructor = yaml.SafeLoader("")
    scalars: dict[int, Any] | None = {}
    try:
        for node in _nodes(root):
            tag = node.tag
            if tag not in _DATA_TAGS:
                raise SafeYamlError(
                    f"the tag {_short(tag)!r} is not plain YAML data; refused", node.start_mark
                )
            if isinstance(node, yaml.ScalarNode):
                if tag != _STR and tag != _MERGE:  # a merge key is the mapping's to build
                    try:
                        value = constructor.construct_object(node)
                    except _BUILD_ERRORS as error:
                        raise SafeYamlError(
                            f"{node.value!r} is not a valid {_short(tag)} ({error})",
                            node.start_mark,
                        ) from None
                    if scalars is not None:
                        scalars[id(node)] = value
                if tag not in _BUILT_SCALARS:
                    scalars = None
            elif isinstance(node, yaml.MappingNode):
                if tag != _MAP or not all(
                    isinstance(key, yaml.ScalarNode) and key.tag in _BUILT_SCALARS
                    for key, _ in node.value
                ):
                    scalars = None
            elif tag != _SEQ:
                scalars = None
    finally:
        constructor.dispose()
    return scalars


def _build(root: yaml.Node, scalars: dict[int, Any]) -> Any:
    """The plain data of a tree ``_check_values`` built the scalars of: what SafeConstructor
    makes of it (later duplicate keys win, an aliased node is one shared object), in one walk."""
    built: dict[int, Any] = {}

    def build(node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return node.value if node.tag == _STR else scalars[id(node)]
        data = built.get(id(node))
        if data is None:
            if isinstance(node, yaml.MappingNode):
                data = built[id(node)] = {}
                for key, value in node.value:
                    data[build(key)] = build(value)
            else:
                data = built[id(node)] = [build(child) for child in node.value]
        return data

    return build(root)


def load_node(
    text: str, loader_class: type[yaml.SafeLoader] = yaml.SafeLoader
) -> tuple[yaml.Node | None, Any]:
    """The root node of one YAML document (for key lines) and the plain data it constructs,
    checked as the module says. Raises yaml.YAMLError, always with a ``problem_mark`` when the
    place is known, for anything refused."""
    if len(text) > MAX_CHARS:
        raise SafeYamlError(f"longer than {MAX_CHARS} characters; refused", None)
    try:
        _check_depth(text, loader_class)
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as error:
        where = _mark_at(text, error.position)
        character = error.character
        shown = f"U+{character:04X}" if isinstance(character, int) else repr(character)
        raise SafeYamlError(f"{error.reason} ({shown})", where) from None
    if node is None:
        return None, None
    if expanded_size(node) > MAX_NODES:
        raise YamlBombError(node.start_mark)
    scalars = _check_values(node)
    return node, construct(node) if scalars is None else _build(node, scalars)


def load_node_fast(text: str) -> tuple[yaml.Node | None, Any]:
    """``load_node`` with libyaml when PyYAML has it (ten times faster: the shipped glossary
    took ~25 ms of every check's start-up in pure Python); a document it refuses is read again
    with the pure-Python loader, whose messages are the same wherever the tool runs (libyaml
    words them differently; it also refuses what libyaml cannot encode, a lone surrogate)."""
    try:
        return load_node(text, FAST_LOADER)
    except (yaml.YAMLError, UnicodeEncodeError):
        return load_node(text)


def compose(text: str) -> yaml.Node | None:
    """The root node of one YAML document (None when empty) that load_node accepts, for
    readers that walk the nodes themselves (and construct them with ``construct``)."""
    return load_node_fast(text)[0]


def construct(node: yaml.Node, constructor: yaml.SafeLoader | None = None) -> Any:
    """The plain data of a node that ``load_node`` checked (a collection whose tag needs another
    shape, such as ``!!omap`` over a scalar list, raises a marked ConstructorError)."""
    own = constructor or yaml.SafeLoader("")
    try:
        return own.construct_object(node, deep=True)
    except _BUILD_ERRORS as error:
        raise SafeYamlError(
            f"cannot be read as {_short(node.tag)} ({error})", node.start_mark
        ) from None
    finally:
        if constructor is None:
            own.dispose()


def describe(error: yaml.YAMLError, first_line: int = 1) -> tuple[str, int | None]:
    """A one-line message for a YAML error and the file line of the problem, the document
    starting at file line ``first_line``.

    PyYAML marks the problem where it noticed it (often the line after an unclosed ``[``) and the
    context where the construct began; the message names both lines when they differ.
    """
    if not isinstance(error, yaml.MarkedYAMLError):
        return "invalid YAML: " + " ".join(str(error).split()), None
    problem = error.problem_mark or error.context_mark
    line = first_line + problem.line if problem is not None else None
    message = f"invalid YAML: {error.problem or error.context or 'syntax error'}"
    if error.problem and error.context and error.context_mark is not None:
        context_line = first_line + error.context_mark.line
        if context_line != line:
            message += f" ({error.context} at line {context_line})"
    return " ".join(message.split()), line
