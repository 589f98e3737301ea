"""Heading ids as the sites that render Markdown compute them.

``github`` (default): GitHub's algorithm (github-slugger), which is also what Jekyll's kramdown
produces with ``input: GFM`` (``generate_gfm_header_id``). It reads the heading's *rendered* text
(prose, code and math content; no URLs, tags or image alt), lower-cases it, drops every character
that is not a letter, mark, decimal or letter number, ``_``, ``-`` or space (Korean letters are
kept; punctuation, emoji and ``²`` dropped) and turns spaces into ``-``. A known difference left
alone: kramdown first turns ``--`` into an en dash, which it then drops, where GitHub keeps ``--``.

``kramdown``: plain kramdown (``auto_id_stripping`` off, its default), which reads the heading's
*source* (so a link's URL counts), drops everything up to the first ASCII letter, then every
character but ASCII letters, digits, spaces and ``-``, and falls back to ``section``.

``mdn``: MDN's renderer (yari, now rari's ``anchorize``): the heading's text lower-cased, each
space turned into ``_`` and the characters ``<>"$#%&+,/:;=?@[]^`{|}~')(\\`` dropped, so
'Escaping attribute values' is ``escaping_attribute_values`` and '특수 문자 이스케이프' is
``특수_문자_이스케이프``; repeats are numbered ``_2``, ``_3``.

``vitepress``: VitePress and VuePress 2 (``@mdit-vue``'s ``slugify``): the heading's text
decomposed (NFKD) without its combining accents, each run of white space and ASCII punctuation
(``.``, ``/``, ``@``, ``'``, ``(`` …) turned into one ``-``, trimmed of ``-``, a leading digit
prefixed with ``_``, lower-cased: '``preview.host``' is ``preview-host`` where GitHub writes
``previewhost``.

GitHub, kramdown and VitePress number repeats ``-1``, ``-2`` in document order. Explicit ids
(``{#id}``) are not counted: no renderer counts them, so a generated id may repeat an explicit
one, as on the page.

A page is read with the configured style, except that a page in the ``github`` style whose own
in-page links reach its headings by MDN ids more often than by GitHub ids is read with MDN ids
(``site_style``): an MDN page (English or translated) links ``#escaping_attribute_values``. A page
read in the ``github`` style with no mark of its generator (GFM: not Docusaurus' MDX, Jekyll,
MkDocs or Hugo, which make their own ids) also answers to the VitePress id of each heading whose
id it generates (``other_ids``): nothing in such a page says which of the two its site renders,
and a VitePress translation team writes ``{#preview-host}`` for the English '``preview.host``'.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence

from transcheck.lazy import compiled

SLUG_STYLES = ("github", "kramdown", "mdn", "vitepress")


def _keep_github(ch: str) -> bool:
    r"""Whether GitHub keeps a character in an id: letters, marks, decimal and letter numbers,
    connector punctuation (``_``), ``-`` and space. Other numbers (``²``, ``½``) go, as in both
    github-slugger and kramdown's ``\p{Word}``."""
    if ch in " -":
        return True
    category = unicodedata.category(ch)
    return category[0] in "LM" or category in ("Nd", "Nl", "Pc")


def github_slug(text: str) -> str:
    """The id GitHub (and kramdown's GFM parser) gives a heading, before de-duplication."""
    lowered = text.strip().lower().replace("\t", " ")
    return "".join(ch for ch in lowered if _keep_github(ch)).replace(" ", "-")


_KRAMDOWN_LEADING = compiled(r"^[^a-zA-Z]+")
_KRAMDOWN_DROP = compiled(r"[^a-zA-Z0-9 -]")


def kramdown_slug(text: str) -> str:
    """The id plain kramdown gives a heading, before de-duplication."""
    slug = _KRAMDOWN_LEADING().sub("", text.strip())
    slug = _KRAMDOWN_DROP().sub("", slug).replace(" ", "-").lower()
    return slug or "section"


_MDN_DROP = compiled(r"[<>\"$#%&+,/:;=?@\[\]^`{|}~')(\\]")


def mdn_slug(text: str) -> str:
    """The id MDN's renderer gives a heading, before de-duplication."""
    return _MDN_DROP().sub("", text.strip().lower().replace(" ", "_")) or "sect1"


_VITEPRESS_COMBINING = compiled(r"[\u0300-\u036f]")
_VITEPRESS_CONTROL = compiled(r"[\u0000-\u001f]")
_VITEPRESS_SPECIAL = compiled(r"""[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:"'“”‘’<>,.?/]+""")
_VITEPRESS_DIGIT = compiled(r"^(\d)")


def vitepress_slug(text: str) -> str:
    """The id VitePress (``@mdit-vue/shared``'s ``slugify``) gives a heading, before
    de-duplication; NFC again, as transcheck reads text (Korean is written NFC)."""
    slug = _VITEPRESS_COMBINING().sub("", unicodedata.normalize("NFKD", text))
    slug = _VITEPRESS_SPECIAL().sub("-", _VITEPRESS_CONTROL().sub("", slug)).strip("-")
    return unicodedata.normalize("NFC", _VITEPRESS_DIGIT().sub(r"_\1", slug).lower())


# style -> (base slug function, whether it reads the heading's source rather than its text,
# the separator and first number of a repeat)
_STYLES: dict[str, tuple[Callable[[str], str], bool, str, int]] = {
    "github": (github_slug, False, "-", 1),
    "kramdown": (kramdown_slug, True, "-", 1),
    "mdn": (mdn_slug, False, "_", 2),
    "vitepress": (vitepress_slug, False, "-", 1),
}


class Slugger:
    """Hands out unique heading ids for one document, in document order."""

    def __init__(self, style: str = "github") -> None:
        """A slugger for one document; ``style`` is one of ``SLUG_STYLES``."""
        if style not in _STYLES:
            raise ValueError(f"unknown slug style {style!r}; valid: {', '.join(SLUG_STYLES)}")
        self._base, self._from_source, self._separator, first = _STYLES[style]
        self._first = first - 1
        self._seen: dict[str, int] = {}

    def slug(self, text: str, source: str | None = None) -> str:
        """A unique id for a heading with rendered ``text`` and Markdown ``source``.

        The ``kramdown`` style reads ``source`` when given; ``github`` always reads ``text``.
        """
        base = self._base(source if self._from_source and source is not None else text)
        if base not in self._seen:
            self._seen[base] = self._first
            return base
        count = self._seen[base]
        while True:
            count += 1
            candidate = f"{base}{self._separator}{count}"
            if candidate not in self._seen:
                self._seen[base] = count
                self._seen[candidate] = self._first
                return candidate


def site_style(titles: Sequence[str], fragments: Iterable[str]) -> str:
    """``mdn`` when in-page ``fragments`` reach the headings ``titles`` (in document order) by
    MDN ids more often than by GitHub ids, else ``github``."""
    github, mdn = Slugger("github"), Slugger("mdn")
    github_ids = {github.slug(title) for title in titles}
    mdn_ids = {mdn.slug(title) for title in titles}
    votes = 0
    for fragment in fragments:
        votes += (fragment in mdn_ids) - (fragment in github_ids)
    return "mdn" if votes > 0 else "github"


def other_ids(titles: Sequence[str], ids: Sequence[str]) -> dict[int, str]:
    """The VitePress ids of headings ``titles`` (in document order, their GitHub ``ids``),
    where they differ: by position in ``titles``."""
    slugger = Slugger("vitepress")
    found: dict[int, str] = {}
    for at, (title, github) in enumerate(zip(titles, ids, strict=True)):
        other = slugger.slug(title)
        if other != github:
            found[at] = other
    return found
