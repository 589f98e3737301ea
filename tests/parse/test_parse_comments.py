"""HTML comments with their lines: from raw HTML blocks and inline HTML, never from code."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcheck.model import Comment
from transcheck.parse import parse_markdown
from transcheck.parse.comments import collect_comments
from transcheck.parse.dialects import DIALECTS
from transcheck.parse.parsers import markdown

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

TEXT = """---
title: 제목
---
# 제목 <!-- in-heading -->

문단 <!-- transcheck-disable
TC201 --> 계속.

<!-- transcheck-enable -->

| a | b |
|---|---|
| x <!-- cell --> | y |

```html
<!-- fenced -->
```

    <!-- indented -->

- 항목 `<!-- inline code -->` <!-- item -->

<div>
<p>글</p>
<!-- inner --><!-- second -->
</div>
"""


def test_comments_and_their_lines() -> None:
    comments = parse_markdown(TEXT, "ko/x.md").comments
    assert comments == (
        Comment(4, 4, " in-heading "),
        Comment(6, 7, " transcheck-disable\nTC201 "),
        Comment(9, 9, " transcheck-enable "),
        Comment(13, 13, " cell "),
        Comment(21, 21, " item "),
        Comment(25, 25, " inner "),
        Comment(25, 25, " second "),
    )


def test_no_comments_in_plain_text() -> None:
    assert parse_markdown("# T\n\n<b>bold</b> and `<!-- x -->`\n", "x.md").comments == ()


COMMENT_PIECES = [
    *"\n `|<>", "a", "# ", "- ", "> ", "<!--", "-->", "<!-- c -->", "{/*", "*/}", "{/* d */}",
    "/*", "<div>\n", "```\n", "    ", "| a |\n|---|\n", "[l](/u)", "## T {/*id*/}", "\n\n",
]  # fmt: skip


@given(st.lists(st.sampled_from(COMMENT_PIECES), max_size=20).map("".join))
def test_walk_hands_over_every_token_that_may_hold_a_comment(text: str) -> None:
    """The comments found in the tokens the walk hands over are those of all block tokens."""
    for dialect in DIALECTS:
        expected = collect_comments(markdown(dialect).parse(text))
        assert parse_markdown(text, "x.md", dialect=dialect).comments == expected


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_walk_hands_over_every_comment_on_corpus() -> None:
    for path in sorted(CORPUS.glob("*/*/**/*.md")):
        text = path.read_text(encoding="utf-8")
        document = parse_markdown(text, str(path))
        expected = collect_comments(markdown(document.dialect).parse(text))
        assert document.comments == expected
