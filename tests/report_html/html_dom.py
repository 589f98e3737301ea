"""A tiny DOM of an HTML page built with the standard parser, so tests can ask which element
holds which text: by id, by tag and class, and an element's text as a browser would show it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {"meta", "input", "br", "img", "col", "link", "hr", "wbr", "source"}


@dataclass
class Element:
    """One element: its tag, attributes, and children (elements and text strings)."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        """The element's class names."""
        return set(self.attrs.get("class", "").split())

    def walk(self) -> Iterator[Element]:
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.walk()

    def find_all(self, tag: str, cls: str | None = None) -> list[Element]:
        """Elements inside (or being) this one with ``tag`` and, when given, class ``cls``."""
        return [e for e in self.walk() if e.tag == tag and (cls is None or cls in e.classes)]

    def ids(self) -> dict[str, Element]:
        """Every element inside with an id, by id."""
        return {e.attrs["id"]: e for e in self.walk() if "id" in e.attrs}

    def by_id(self, ident: str) -> Element:
        """The element with id ``ident`` (KeyError when there is none)."""
        return self.ids()[ident]

    def text(self) -> str:
        """All text inside, concatenated (entities decoded)."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def own_text(self) -> str:
        """Only the text directly inside this element (a source line without its findings)."""
        return "".join(c for c in self.children if isinstance(c, str))


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return
        raise AssertionError(f"</{tag}> closes nothing")

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Element:
    """The page as a tree; every element must be closed (the report writes them all closed)."""
    builder = _Builder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], f"unclosed: {[e.tag for e in builder.stack[1:]]}"
    return builder.root
