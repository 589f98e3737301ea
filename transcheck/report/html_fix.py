"""A finding's fix in the html report: each touched Korean line before and after, the replaced
text struck out and the new text marked (escaped like every other text of the page)."""

from __future__ import annotations

from html import escape

from transcheck.fixes import Fix


def _marked(text: str, spans: list[tuple[int, int, str]], tag: str) -> str:
    """``text`` escaped, with each ``(start, end, new)`` 0-based span wrapped in ``tag``:
    ``del`` wraps the replaced text, ``ins`` writes ``new`` in its place."""
    parts, at = [], 0
    for start, end, new in spans:
        shown = text[start:end] if tag == "del" else new
        parts += [escape(text[at:start]), f"<{tag}>{escape(shown)}</{tag}>"]
        at = end
    parts.append(escape(text[at:]))
    return "".join(parts)


def fix_html(fix: Fix) -> str:
    """The fix as a small before/after block with its description and safety."""
    rows = []
    for number, text in fix.before:
        spans = sorted(
            (e.column - 1, e.end_column - 1, e.text) for e in fix.edits if e.line == number
        )
        rows.append(
            f'<div class="before">{number} − {_marked(text, spans, "del")}</div>'
            f'<div class="after">{number} + {_marked(text, spans, "ins")}</div>'
        )
    return (
        f'<div class="fix {fix.safety.value}"><span class="what">fix ({fix.safety.value}): '
        f"{escape(fix.description)}</span>{''.join(rows)}</div>"
    )
