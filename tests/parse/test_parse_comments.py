"""HTML comments with their lines: from raw HTML blocks and inline HTML, never from code."""

from __future__ import annotations

from transcheck.model import Comment
from transcheck.parse import parse_markdown

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
