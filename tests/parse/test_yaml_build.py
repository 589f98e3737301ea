"""The one-walk build of checked YAML (``safeyaml._build``) against PyYAML's SafeConstructor."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from transcheck.safeyaml import FAST_LOADER, SafeYamlError, load_node, load_node_fast

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
_FRONT = re.compile(r"---\n(.*?)\n---\n", re.S)

CRAFTED = [
    "title: Hello\ncount: 3\nratio: 0.5\non: yes\nnothing: ~\nwhen: 2024-02-29\n",
    "at: 2024-02-29 10:30:00+09:00\nbin: !!binary aGVsbG8=\nhex: 0x1F\nold: 1:30\n",
    "a: &x {k: [1, 2, {deep: true}]}\nb: *x\nc: [*x, *x]\n",
    "dup: 1\nother: 2\ndup: 3\n",
    "- one\n- - nested\n  - two\n- k: v\n  k2: [a, b]\n",
    "1: int key\n2.5: float key\nnull: null key\ntrue: bool key\n2024-01-01: date key\n",
    "base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n",
    "set: !!set {a, b}\nomap: !!omap [a: 1, b: 2]\npairs: !!pairs [a: 1, a: 2]\n",
    "str: !!str 123\nint: !!int '42'\nfloat: !!float '1e3'\n",
    "empty:\nlist: []\nmap: {}\n",
    "plain scalar document",
    "[a, b, [c, d]]",
]


def _constructed(text: str) -> Any:
    """What PyYAML's own SafeConstructor builds of ``text``."""
    return yaml.load(text, Loader=yaml.SafeLoader)


def _front_matters() -> list[str]:
    """The YAML front matter of every page of both shared corpora."""
    found = []
    for page in sorted(CORPUS.glob("*/*/**/*.md")):
        match = _FRONT.match(page.read_text(encoding="utf-8"))
        if match:
            found.append(match.group(1))
    return found


@pytest.mark.parametrize("text", CRAFTED)
def test_crafted_documents_build_as_the_constructor_builds_them(text: str) -> None:
    for loader in (FAST_LOADER, yaml.SafeLoader):
        built = load_node(text, loader)[1]
        assert built == _constructed(text)
        assert type(built) is type(_constructed(text))


def test_an_aliased_collection_is_one_shared_object() -> None:
    data = load_node_fast("a: &x [1, 2]\nb: *x\n")[1]
    assert data["a"] is data["b"]


def test_every_corpus_front_matter_builds_as_the_constructor_builds_it() -> None:
    texts = _front_matters()
    assert len(texts) > 50  # both corpora were read
    for text in texts:
        assert load_node_fast(text)[1] == _constructed(text), text[:80]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("key: !!map scalar\n", "expected a mapping node"),
        ("key: !!seq scalar\n", "expected a sequence node"),
        ("key: !!str {a: 1}\n", "expected a scalar node"),
        ("? [complex, key]\n: value\n", "unhashable"),
        ("? {complex: key}\n: value\n", "unhashable"),
    ],
)
def test_a_collection_the_build_cannot_make_still_fails_at_its_node(
    text: str, problem: str
) -> None:
    with pytest.raises((SafeYamlError, yaml.constructor.ConstructorError)) as caught:
        load_node_fast(text)
    assert problem in str(caught.value)
