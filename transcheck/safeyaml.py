"""YAML from untrusted files (front matter of a pull request, configs, glossaries), loaded safely.

Only plain data is built (``SafeLoader``: a ``!!python/object`` tag is refused), and a document
whose aliases would expand past MAX_NODES nodes ("billion laughs") is refused before anything
walks it: PyYAML shares aliased nodes, but every consumer that walks the tree would not.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_NODES = 100_000

# libyaml's loader when PyYAML was built with it (ten times faster); the same nodes and marks.
FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlBombError(yaml.MarkedYAMLError):
    """A document whose aliases expand past MAX_NODES nodes."""

    def __init__(self, mark: yaml.Mark | None) -> None:
        super().__init__(
            problem=f"aliases expand to more than {MAX_NODES} nodes (a YAML bomb?); refused",
            problem_mark=mark,
        )


def expanded_size(node: yaml.Node, limit: int = MAX_NODES) -> int:
    """How many nodes the tree has once every alias is expanded, counting up to ``limit + 1``."""
    sizes: dict[int, int] = {}

    def size(current: yaml.Node, depth: int) -> int:
        key = id(current)
        if key in sizes:
            return sizes[key]
        if depth > 1000:
            return limit + 1
        sizes[key] = limit + 1  # a cycle counts as too large
        total = 1
        if isinstance(current, yaml.MappingNode):
            children = [child for pair in current.value for child in pair]
        elif isinstance(current, yaml.SequenceNode):
            children = list(current.value)
        else:
            children = []
        for child in children:
            total += size(child, depth + 1)
            if total > limit:
                break
        sizes[key] = min(total, limit + 1)
        return sizes[key]

    return size(node, 0)


def load_node(
    text: str, loader_class: type[yaml.SafeLoader] = yaml.SafeLoader
) -> tuple[yaml.Node | None, Any]:
    """The root node of one YAML document (for key lines) and the data it constructs.

    Raises yaml.YAMLError (with ``problem_mark`` where known) for bad YAML, unsafe tags and bombs.
    """
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        if expanded_size(node) > MAX_NODES:
            raise YamlBombError(node.start_mark)
        return node, loader.construct_document(node)
    finally:
        loader.dispose()
