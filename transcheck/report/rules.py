"""``transcheck rules``: every rule's code, name, default severity and one-line summary, as a
text listing, JSON, or the Markdown table the README shows."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from transcheck.checks import Rule


def render_text(rules: tuple[Rule, ...]) -> str:
    """One aligned line per rule; rules that are off by default say so."""
    return "".join(
        f"{r.code}  {r.name:<24} {r.severity.value:<8} {r.summary}"
        f"{'' if r.enabled else ' (off by default)'}\n"
        for r in rules
    )


def render_json(rules: tuple[Rule, ...]) -> str:
    """A JSON list of {code, name, severity, summary, enabled}."""
    listing = [
        {
            "code": r.code,
            "name": r.name,
            "severity": r.severity.value,
            "summary": r.summary,
            "enabled": r.enabled,
        }
        for r in rules
    ]
    return json.dumps(listing, ensure_ascii=False, indent=2) + "\n"


def render_markdown(rules: tuple[Rule, ...]) -> str:
    """A GitHub Markdown table (pipes in summaries escaped)."""
    lines = ["| Code | Name | Severity | What it reports |", "|---|---|---|---|"]
    for r in rules:
        summary = r.summary.replace("|", "\\|") + ("" if r.enabled else " (off by default)")
        lines.append(f"| {r.code} | `{r.name}` | {r.severity.value} | {summary} |")
    return "\n".join(lines) + "\n"


FORMATS: Mapping[str, Callable[[tuple[Rule, ...]], str]] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
}
