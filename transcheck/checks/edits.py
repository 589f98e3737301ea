"""The fixes rules declare, built once here so every rule writes them the same way: a link's
URL rewritten where it is written, a formula's ``$`` delimiters doubled.

Each returns None when the edit cannot be placed exactly (see fixes.model): the finding then
stays without a fix.
"""

from __future__ import annotations

from transcheck.checks.registry import PairContext
from transcheck.fixes import Fix, Replacement, Safety
from transcheck.model import Link, Math


def url_line(link: Link) -> int:
    """The line where a link's URL is written: a reference link's definition, else its own."""
    return link.definition_line or link.line


def rewrite_link(ctx: PairContext, link: Link, url: str, safety: Safety) -> Fix | None:
    """A fix writing ``url`` in place of the Korean link's URL."""
    return ctx.fix(f"write {url!r}", safety, Replacement(url_line(link), link.url, url))


def double_dollars(ctx: PairContext, formula: Math) -> Fix | None:
    """A fix writing a Korean ``$…$`` formula as ``$$…$$`` (delimiter repair: safe)."""
    old = f"${formula.text}$"
    return ctx.fix(
        "write $$…$$ as in English", Safety.SAFE, Replacement(formula.line, old, f"${old}$", False)
    )
