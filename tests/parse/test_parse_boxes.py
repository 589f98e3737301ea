"""Box fences: the languages that keep a fence code are those the code rules know, and more."""

from __future__ import annotations

from transcheck.checks import codecomments
from transcheck.parse.boxes import CODE_LANGUAGES
from transcheck.parse.document import parse_markdown


def test_every_language_the_code_rules_read_keeps_its_fence_code() -> None:
    """A fence the code rules would scan as code (codecomments' languages) is never a box."""
    named = {name for name in codecomments._BY_LANGUAGE if name}
    assert named - CODE_LANGUAGES == set()


def test_haskell_fence_of_sentences_stays_code() -> None:
    """A Haskell fence whose line reads like a sentence stays a code block."""
    text = "# T\n\n```haskell\nmap over the list and keep every value that is even\n```\n"
    blocks = [b.kind.name for s in parse_markdown(text, "x.md").sections for b in s.blocks]
    assert blocks == ["HEADING", "CODE"]
