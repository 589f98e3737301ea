"""The parse layer: the only code that imports markdown-it. Markdown file -> Document."""

from transcheck.parse.document import parse_markdown
from transcheck.parse.slugs import SLUG_STYLES, Slugger
from transcheck.parse.source import (
    InputError,
    decode_markdown,
    read_limited,
    read_markdown,
    unsaved_texts,
)

__all__ = [
    "SLUG_STYLES",
    "InputError",
    "Slugger",
    "decode_markdown",
    "parse_markdown",
    "read_limited",
    "read_markdown",
    "unsaved_texts",
]
