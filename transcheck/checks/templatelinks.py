"""Template calls that stand for links, shared by the link rules and markup-mismatch.

A site whose templates make links (``{{jsxref("Statements/var", "var")}}``,
``{{htmlattrxref("class")}}``) lets a translator write the link itself instead:
``[`var`](/ko/docs/Web/JavaScript/Reference/Statements/var)``. The two are one reference, so
neither the call nor the link is missing or extra. A call stands for a site-relative link of the
other side of the aligned section when its first argument is a path (no spaces) that the link's
path, or path and fragment, ends with, compared without case; a link that the call's own side
also has (the same URL) is that link's counterpart instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from transcheck.checks.registry import PairContext
from transcheck.model import CodeSpan, Link, Markup, Section
from transcheck.records import record
from transcheck.urlforms import url_form


@record
class StandIns:
    """Ids of the links and template calls that stand for each other across the two sides."""

    links: frozenset[int]
    templates: frozenset[int]
    # (text, line) of those links' labels (`class` in [`class`](…)) and of the code spans a
    # call of the other side shows (`align` for {{htmlattrdef("align")}})
    labels: frozenset[tuple[str, int]]


def reaches(tag: Markup, url: str) -> bool:
    """Whether template call ``tag`` names the page or anchor the site-relative ``url`` reaches."""
    if tag.kind != "template" or not tag.attrs or tag.attrs[0][0]:
        return False
    wanted = tag.attrs[0][1].strip().strip("/").casefold()
    form = url_form(url)
    if not wanted or " " in wanted or form.host or not form.path.startswith("/"):
        return False
    target = form.path.casefold() + (f"/{form.fragment.casefold()}" if form.fragment else "")
    return target.endswith("/" + wanted)


def stand_ins(ctx: PairContext) -> StandIns:
    """The links and calls of every aligned section pair that stand for each other."""

    def compute() -> StandIns:
        links: set[int] = set()
        templates: set[int] = set()
        labels: set[tuple[str, int]] = set()
        for pair in ctx.alignment.matched:
            assert pair.source is not None and pair.target is not None
            if not (_calls_any(pair.source) or _calls_any(pair.target)):
                continue  # no template call on either side (most sections): nothing stands in
            for calls, other in ((pair.source, pair.target), (pair.target, pair.source)):
                for tag, link in _match(calls, other, links, templates):
                    labels.update((word.casefold(), link.line) for word in _shown(tag))
            for span in _spans(pair.target, pair.source, templates):
                labels.add((span.text.casefold(), span.line))
        return StandIns(frozenset(links), frozenset(templates), frozenset(labels))

    return ctx.cached("template-links", compute)  # type: ignore[no-any-return]


_KIND = attrgetter("kind")


def _calls_any(section: Section) -> bool:
    """Whether a section holds a template call, told at C speed from its gathered tags: a pair
    of sections with none has no call to match with a link and no call showing a code span."""
    return "template" in map(_KIND, section.markup)


def _shown(tag: Markup) -> list[str]:
    """The words a template call shows: its first argument's last path part, and the others."""
    return [tag.attrs[0][1].rsplit("/", 1)[-1], *(v for _, v in tag.attrs[1:])]


def _spans(calls: Section, other: Section, templates: set[int]) -> list[CodeSpan]:
    """English code spans that a template call of the Korean section shows, each used once:
    MDN's ``{{htmlattrdef("align")}}`` and ``{{jsxref("NaN")}}`` render `align` and `NaN`, so
    a translation keeping the call where the English now writes the span is one reference,
    neither a missing span nor an extra call. Not the other way: an English call the Korean
    writes as a bare span may have lost the link the call makes. A span the Korean also writes
    is that span's counterpart instead, and the label of a link is the link's (see
    ``_match``)."""
    tags = [
        tag
        for tag in calls.markup
        if tag.kind == "template" and tag.attrs and not tag.attrs[0][0] and id(tag) not in templates
    ]
    if not tags:
        return []
    labels = {(_bare(link.text), link.line) for link in other.links}  # the link judges those
    spans = [
        span
        for block in other.blocks
        for span in block.code_spans
        if (_bare(span.text), span.line) not in labels
    ]
    own = {_bare(span.text) for block in calls.blocks for span in block.code_spans}
    found: list[CodeSpan] = []
    for tag in tags:
        words = {_bare(word) for word in _shown(tag)} - own
        span = next((s for s in spans if _bare(s.text) in words and s not in found), None)
        if span is not None:
            templates.add(id(tag))
            found.append(span)
    return found


def _bare(text: str) -> str:
    """A span or call word without the angle brackets of an element name, compared without
    case: `<p>` is ``htmlelement("p")``."""
    return text.strip().strip("<>").casefold()


def _match(
    calls: Section, other: Section, links: set[int], templates: set[int]
) -> list[tuple[Markup, Link]]:
    """Pair the template calls of ``calls`` with links of ``other``, each used once."""
    if not any(tag.kind == "template" for tag in calls.markup):
        return []  # most sections of most sites: no call, no link forms to work out
    own: Sequence[Link] = calls.links
    own_forms = {url_form(link.url) for link in own}  # a link this side has itself is no stand-in
    found_pairs: list[tuple[Markup, Link]] = []
    for tag in calls.markup:
        if tag.kind != "template" or any(reaches(tag, link.url) for link in own):
            continue
        found = next(
            (
                link
                for link in other.links
                if id(link) not in links
                and reaches(tag, link.url)
                and url_form(link.url) not in own_forms
            ),
            None,
        )
        if found is not None:
            links.add(id(found))
            templates.add(id(tag))
            found_pairs.append((tag, found))
    return found_pairs
