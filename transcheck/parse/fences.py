"""The language of a code fence, read from its info string as site generators read it.

VitePress, Docusaurus, Hugo and kramdown write more than a language after the backticks: line
highlights (``js {1,3}``, ``vue{4}``), a file title (``vue [App.vue]``, ``jsx src/App.js active``)
and processors (``ts twoslash``). The language is the leading run of name characters.
"""

from __future__ import annotations

import re

_LANGUAGE = re.compile(r"[\w+#.-]*")


def fence_language(info: str) -> str:
    """The lower-cased language of a fence info string (``vue-html{2}`` -> ``vue-html``)."""
    match = _LANGUAGE.match(info.strip())
    return match.group(0).lower().rstrip(".") if match else ""


_PARTS = re.compile(r"[-+]")


def language_names(language: str) -> list[str]:
    """The names a language may be known by, most specific first: the whole name, then its
    parts from the last (``angular-html`` -> html, ``html+django`` -> django, html), as docs
    sites name a framework's flavour of a language (Angular's ``angular-ts``)."""
    name = language.strip().lower()
    if "-" not in name and "+" not in name:
        return [name]
    return [name, *[part for part in reversed(_PARTS.split(name)) if part]]
