"""Image rule (TC206): figures and images keep their paths; captions and alt text may change."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path

from transcheck.checks.edits import rewrite_link
from transcheck.checks.inorder import match_in_order
from transcheck.checks.linkmatch import english_place, korean_place, same_file
from transcheck.checks.registry import Example, Hit, PairContext, rule
from transcheck.checks.structure import describe
from transcheck.findings import Severity
from transcheck.fixes import Fix, Safety
from transcheck.lazy import compiled
from transcheck.model import Link


def _lost_one(english: str, korean: str) -> bool:
    """Whether ``korean`` is ``english`` with exactly one character left out."""
    return len(korean) == len(english) - 1 and any(
        english[:at] + english[at + 1 :] == korean for at in range(len(english))
    )


def _exists(ctx: PairContext, url: str) -> bool:
    """Whether a relative image path names a file beside the Korean page or under its tree."""
    root = ctx.target_index.root
    if root is None or "://" in url or url.startswith(("data:", "{")):
        return False
    folder = posixpath.dirname(ctx.target_rel)
    place = url.lstrip("/") if url.startswith("/") else posixpath.join(folder, url)
    return (Path(root) / place).is_file()


# A language token in a path (``shot-en.png``, ``img/en/shot.png``, ``shot.en-US.png``), which a
# localized image writes in Korean (``shot-ko.png``): the same picture, taken of the Korean UI
_ENGLISH_TOKEN = compiled(r"(?<![A-Za-z0-9])en(?:[-_](?:us|US))?(?![A-Za-z0-9])")
_KOREAN_TOKEN = compiled(r"(?<![A-Za-z0-9])ko(?:[-_](?:kr|KR))?(?![A-Za-z0-9])")
_HASH = compiled(r"\.[0-9a-f]{16,}(?=\.)")  # a content hash a tool adds to a file name
_KOREAN_SUFFIX = compiled(r"[.\-_]ko(?:[-_](?:kr|KR))?(?=\.[A-Za-z0-9]+\Z)")


def _localized(english: str, korean: str) -> bool:
    """Whether the Korean image path is the English one with its language token made Korean."""
    marked = _ENGLISH_TOKEN().sub("\0", english)
    return marked != english and marked == _KOREAN_TOKEN().sub("\0", korean)


def _translated_copy(ctx: PairContext, english: str, korean: str) -> bool:
    """Whether the Korean image is a localized copy named for the English one with a Korean
    token added, wherever it is kept, and the file is there (``shot-ko.png``; Co-op
    Translator's ``translated_images/shot.<hash>.ko.png`` for ``imgs/shot.png``, with the
    content hash it adds). A path naming no file is a slip, reported as any other."""
    name = _HASH().sub("", posixpath.basename(korean.split("?", 1)[0]))
    unmarked = _KOREAN_SUFFIX().sub("", name)
    return (
        unmarked != name
        and unmarked == posixpath.basename(english.split("?", 1)[0])
        and _exists(ctx, korean)
    )


def _same_image(ctx: PairContext, english: str, korean: str) -> bool:
    """Whether two image paths show one image: the same file, or its localized copy."""
    return (
        same_file(ctx, english, korean)
        or _localized(english, korean)
        or _translated_copy(ctx, english, korean)
    )


def _path_fix(ctx: PairContext, en: Link, ko: Link) -> Fix | None:
    """The fix writing the English path: safe when the Korean path is the English one with a
    character lost (a slip), unsafe otherwise; none when the Korean path names a file that
    exists (a localized image, on purpose)."""
    if _lost_one(en.url, ko.url):
        return rewrite_link(ctx, ko, en.url, Safety.SAFE)
    if _exists(ctx, ko.url):
        return None
    return rewrite_link(ctx, ko, en.url, Safety.UNSAFE)


@rule(
    "TC206",
    "image-mismatch",
    Severity.ERROR,
    example=Example(
        en="""\
            # Chips

            {% include figure.liquid path="assets/img/tpu-chip.png" caption="A TPU chip." %}
            """,
        ko="""\
            # 칩

            {% include figure.liquid path="assets/img/tpu-chip-ko.png" caption="TPU 칩." %}
            """,
    ),
)
def image_mismatch(ctx: PairContext) -> Iterator[Hit]:
    """An image or figure path differs between aligned sections (captions may be translated).

    Bad:  en `{% include figure.liquid path="assets/img/tpu-chip.png" … %}` ↔
          ko `{% include figure.liquid path="assets/img/tpu-chip-ko.png" … %}` (no such file).
    Good: the same path, with a Korean caption, or a localized copy whose path swaps the
    language token (`shot-en.png` ↔ `shot-ko.png`, `img/en/` ↔ `img/ko/`), or an existing file
    named for the English one with a Korean token added (`shot.png` ↔ `shot-ko.png`, a tool's
    `translated_images/shot.<hash>.ko.png`).
    A missing image is reported at the Korean block that translates the English block around
    it, or where it would be inserted.
    `--fix` writes the English path when the Korean one lost a character (safe); another path
    is an unsafe fix, and none is offered when the Korean path names an existing file (an image
    localized on purpose).
    """
    for pair in ctx.alignment.matched:
        assert pair.source is not None and pair.target is not None
        if not (pair.source.images or pair.target.images):
            continue  # no image on either side (most sections): nothing to pair
        _, missing, extra = match_in_order(
            pair.source.images, pair.target.images, lambda en, ko: _same_image(ctx, en.url, ko.url)
        )
        while missing and extra:
            en, ko = missing.pop(0), extra.pop(0)
            yield Hit(
                f"the Korean image path {ko.url!r} should be {en.url!r} as in English "
                "(translate the caption or alt text, keep the path)",
                ctx.at_source(en.line),
                ctx.at_target(ko.line),
                fix=_path_fix(ctx, en, ko),
            )
        for en in missing:
            yield Hit(
                f"the English image {en.url!r} is missing from the Korean section "
                f"{describe(pair.target)!r}: include it with the same path and a translated "
                "caption",
                ctx.at_source(en.line),
                ctx.at_target(korean_place(ctx, pair.source, pair.target, en.line)),
            )
        for ko in extra:
            yield Hit(
                f"the Korean image {ko.url!r} is not in the English section "
                f"{describe(pair.source)!r}: remove it unless the addition is intended",
                ctx.at_source(english_place(ctx, pair.source, ko.line)),
                ctx.at_target(ko.line),
            )
