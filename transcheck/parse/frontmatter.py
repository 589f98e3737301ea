"""YAML front matter: data, the line of each top-level key, and errors at their lines."""

from __future__ import annotations

from collections.abc import Iterable

import yaml

from transcheck.lazy import compiled
from transcheck.model import FrontMatter, Link, LinkKind
from transcheck.parse.conflicts import first_marker
from transcheck.safeyaml import describe, load_node_fast


def url_links(data: dict[str, object], key_lines: dict[str, int]) -> tuple[Link, ...]:
    """Top-level ``*_url`` keys with a string value: page links the layout renders."""
    links = []
    for key, value in data.items():
        if key.endswith("_url") and isinstance(value, str) and value.strip():
            links.append(Link(value.strip(), key_lines.get(key, 1), LinkKind.FRONT_MATTER, key))
    return tuple(links)


def parse_front_matter(content: str, first_line: int, last_line: int) -> FrontMatter:
    """Parse the YAML between the fences; ``first_line`` is the line of the opening ``---``."""
    body_start = first_line + 1
    try:
        node, data = load_node_fast(content)
    except yaml.YAMLError as error:
        marker = first_marker(content)
        if marker is not None:  # the cause, wherever YAML stumbled
            offset, text = marker
            return FrontMatter(
                first_line, last_line, error=f"{CONFLICT} {text!r}", error_line=body_start + offset
            )
        message, line = describe(error, body_start)
        return FrontMatter(first_line, last_line, error=message, error_line=line or first_line)
    if data is None:
        return FrontMatter(first_line, last_line)
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return FrontMatter(
            first_line, last_line, error="front matter is not a mapping", error_line=body_start
        )
    key_lines = {str(key.value): body_start + key.start_mark.line for key, _ in _pairs(node.value)}
    clean = {str(key): value for key, value in data.items()}
    return FrontMatter(first_line, last_line, clean, key_lines, url_links(clean, key_lines))


CONFLICT = "it holds the git merge-conflict marker"


def _pairs(
    items: Iterable[tuple[yaml.Node, yaml.Node]],
) -> Iterable[tuple[yaml.ScalarNode, yaml.Node]]:
    """The key/value node pairs of a mapping whose key is a plain scalar."""
    for key, value in items:
        if isinstance(key, yaml.ScalarNode):
            yield key, value


YAML_KEY = r"[ \t]*[A-Za-z_][\w-]*[ \t]*:"  # a line opening with a top-level key
_UNCLOSED = compiled(rf"---[ \t]*\n{YAML_KEY}")


def unclosed_front_matter(text: str, line_count: int) -> FrontMatter | None:
    """Front matter that opens (``---`` then a ``key:`` line) but never closes, or None.

    Jekyll does not render such a page at all, so it is reported rather than read as a thematic
    break and a paragraph.
    """
    if not _UNCLOSED().match(text):
        return None
    return FrontMatter(
        1, line_count, error="front matter is not closed: no '---' line ends it", error_line=1
    )
