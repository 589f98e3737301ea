"""One finding for what a page says the same way on several lines (shared by the rules that
group: markup-mismatch, code-block-missing, code-block-extra)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from transcheck.checks.registry import Hit
from transcheck.counted import elsewhere


def said_once(said: dict[tuple[str, bool], list[Hit]]) -> Iterator[Hit]:
    """Hits with the same message on several lines of a page (the English writing <dfn> where
    the Korean keeps <abbr>; a `{{Non-standard_Inline}}` badge on four rows the Korean lacks;
    four MkDocs tabs' code blocks the English replaced by one include) as one finding at the
    first line, naming the others: one change through a page is one thing to sync. Keyed by
    message and whether the lines to name are Korean (something only the Korean has), or by
    what a message says in every section (``{.x} is missing``: the first section's words are
    shown); hits all on one line are left as they are (the rule may count them)."""
    for (message, korean), same in said.items():
        lines = list(dict.fromkeys((hit.target if korean else hit.source).line for hit in same))
        if len(lines) == 1:
            yield from same
            continue
        first = same[0]
        more = elsewhere([line or 0 for line in lines[1:]], "Korean" if korean else "English")
        yield Hit(first.message + more, first.source, first.target, identity=message)


def by_message(hits: Iterable[Hit], korean: bool) -> Iterator[Hit]:
    """``said_once`` over hits of one kind: grouped by message, in the order first said."""
    said: dict[tuple[str, bool], list[Hit]] = {}
    for hit in hits:
        said.setdefault((hit.message, korean), []).append(hit)
    yield from said_once(said)
