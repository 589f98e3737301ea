"""linkify-it lightened (``parse.autolinks``) answers as linkify-it itself does, with fuzzy links
off and texts without "//" and "@" refused before it is asked (what the parsers ran before)."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from transcheck.parse.autolinks import lighten


def _linkify() -> Any:
    linkify = MarkdownIt("commonmark", {"linkify": True}).linkify
    linkify.set({"fuzzy_link": False})
    return linkify


PLAIN, LIGHT = _linkify(), _linkify()
lighten(LIGHT)

PIECES = [
    *"@:/.aZ\"()<>-_#?!,;= \n\t", "//", "K", "ſ", "ı", "İ", "한", "\u3000", "｜", "x", "1", "user",
    "mailto:", "MAILTO:", "http://", "HTTPS://", "ftp://", "https:", "www.", ".com", ".org", ".рф",
    "e.com/p", "192.168.0.1", "localhost", "xn--p1ai", "&#64;", "a@b.co", "@click", "b@", "@x.io",
]  # fmt: skip


def _link(match: Any) -> tuple[str, int, int, str, str, str]:
    return (match.schema, match.index, match.last_index, match.raw, match.text, match.url)


def _links(found: Any) -> list[tuple[str, int, int, str, str, str]] | None:
    return None if found is None else [_link(match) for match in found]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
@example("The @click handler")
@example("Mail a@b.com or see https://x.org/p.")
@example("mailto:K@b.co")
@example("\u212a@b.co, \u017f@b.co")
@example('say a"@b.co')
@example("a//b.com and x@y")
@example("see //example.com/x")
def test_lightened_linkify_answers_as_linkify_it(text: str) -> None:
    candidate = "//" in text or "@" in text
    assert LIGHT.pretest(text) == (candidate and PLAIN.pretest(text))
    assert LIGHT.test(text) == (candidate and PLAIN.test(text))
    assert _links(LIGHT.match(text)) == _links(PLAIN.match(text))
