"""What blocks share across translation: links up to their locale, and which page a template
call names. List items a translator reordered pair as moved, not as one missing and one extra."""

from __future__ import annotations

import random

from transcheck.align.blockscore import markup_tokens
from transcheck.api import check_pair
from transcheck.config import Config
from transcheck.model import Markup

CLOSURE_EN = """# Closure

A **closure** binds names lexically.

## See also

- [Closure in JavaScript](/en-US/docs/Web/JavaScript/Closures)
- [Closure](https://en.wikipedia.org/wiki/Closure_(computer_programming)) on Wikipedia
"""

CLOSURE_KO = """# 클로저

**클로저**는 이름을 어휘적으로 묶습니다.

## 같이 보기

- 위키백과의 [클로저](https://en.wikipedia.org/wiki/Closure_(computer_programming))
- MDN의 [클로저](/ko/docs/Web/JavaScript/Closures)
"""


def findings(en: str, ko: str) -> list[tuple[str, int | None, int | None]]:
    return [(f.code, f.source.line, f.target.line) for f in check_pair(en, ko, Config())]


def test_swapped_list_items_whose_links_differ_by_locale_are_not_missing_and_extra() -> None:
    assert findings(CLOSURE_EN, CLOSURE_KO) == []


def test_a_list_item_dropped_after_the_swap_is_still_missing() -> None:
    dropped = CLOSURE_KO.replace("- MDN의 [클로저](/ko/docs/Web/JavaScript/Closures)\n", "")
    assert findings(CLOSURE_EN, dropped) == [("TC109", 7, 7)]


SEE_ALSO_EN = """# at()

## See also

- {{jsxref("Array")}}
- {{jsxref("Array.prototype.findIndex()")}}
- {{jsxref("Array.prototype.indexOf()")}}
"""

# An older list: two other pages, each with a gloss
SEE_ALSO_KO = """# at()

## 같이 보기

- {{jsxref("Array.prototype.find()")}} – 판별식을 사용해 값을 반환합니다.
- {{jsxref("Array.prototype.includes()")}} – 값이 배열에 존재하는지 판별합니다.
- {{jsxref("Array.prototype.indexOf()")}} – 주어진 요소의 인덱스를 반환합니다.
"""


def test_template_calls_naming_other_pages_are_other_items() -> None:
    """By position the first items would read as ``Array`` changed to ``find()``; the page a
    call names tells the items apart: two English calls are missing, two Korean items extra."""
    found = check_pair(SEE_ALSO_EN, SEE_ALSO_KO, Config())
    assert [(f.code, f.source.line, f.target.line) for f in found] == [
        ("TC108", 5, 5),
        ("TC604", 5, 7),
        ("TC604", 6, 7),
    ]
    assert not [f for f in found if "changed" in f.message]


GAINED_EN = """# querySelector()

The method **`querySelector()`** returns the first element that matches, or `null`.

The matching is done using depth-first pre-order traversal of the document's nodes.

If the specified selector matches an ID used more than once, the first element is returned.

## Syntax

Call it on a document.
"""

GAINED_KO = """# querySelector()

**`querySelector()`** 메서드는 일치하는 첫 번째 요소를 반환합니다. 없으면 `null`을 반환합니다.

> [!NOTE]
> 탐색은 깊이우선depth-first 전위pre-order순회로 진행합니다.

## 구문

문서에서 호출합니다.
"""


def test_a_paragraph_the_english_gained_next_to_a_translated_one_is_the_missing_one() -> None:
    """The Korean note keeps 'depth-first' and 'pre-order': it translates the second English
    paragraph, and the third, which the English gained since, is the one missing."""
    found = findings(GAINED_EN, GAINED_KO)
    assert ("TC107", 7, 6) in found
    assert [code for code, _, _ in found if code in ("TC107", "TC704")] == ["TC107"]


def test_a_tag_is_named_by_its_first_naming_attribute_as_markup_attr_reads_it() -> None:
    names = ["path", "key", "src", "id", "class"]
    values = ["", "a", "b"]
    generator = random.Random(15)
    for _ in range(500):
        attrs = tuple(
            (generator.choice(names), generator.choice(values))
            for _ in range(generator.randint(0, 5))
        )
        tag = Markup("html", "x", attrs, 1)
        key = tag.attr("path") or tag.attr("key") or tag.attr("src") or tag.attr("id") or ""
        assert markup_tokens(tag)[0] == f"H:html:x:{key}"
