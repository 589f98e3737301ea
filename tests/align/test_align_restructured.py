"""Sections the English renamed, moved, split into subsections or cut from a page, as reference
sites (MDN's ``## Examples`` > ``### Setting opacity`` > ``#### HTML``) rewrite their pages while
an older translation keeps the old structure."""

from __future__ import annotations

from align_sample import line_of

from transcheck.align import Alignment, align_sections
from transcheck.api import check_pair
from transcheck.config import Config
from transcheck.parse import parse_markdown

STRUCTURE = Config(select=("TC1",))

OPACITY_EN = """# opacity

The `opacity` property sets how opaque an element is.

## Syntax

```css
opacity: 0.9;
opacity: 90%;
```

### Values

- `<alpha-value>`: a number from `0.0` to `1.0`.

## Description

A value other than `1` places the element in a new [stacking context](/docs/stacking).

## Examples

### Setting opacity

#### HTML

```html
<div class="light">You can barely see this.</div>
<div class="heavy">This is very easy to see.</div>
```

#### CSS

```css
.light {
  opacity: 0.2; /* Barely see the text */
}
.heavy {
  opacity: 0.9; /* See the text clearly */
}
```

## Specifications

{{Specifications}}
"""

# The older translation: no syntax example, the examples before the description and each
# example in one section (its code comments translated).
OPACITY_KO = """# opacity

`opacity` 속성은 요소의 불투명도를 설정합니다.

## 구문

### 값

- `<alpha-value>`: `0.0` 이상 `1.0` 이하의 숫자.

## 예제

### 기본 예제

```css
.light {
  opacity: 0.2; /* 겨우 보임 */
}
.heavy {
  opacity: 0.9; /* 뚜렷하게 보임 */
}
```

```html
<div class="light">You can barely see this.</div>
<div class="heavy">This is very easy to see.</div>
```

## 설명

값이 `1`이 아니면 요소를 새로운 [쌓임 맥락](/docs/stacking)에 배치합니다.

## 명세

{{Specifications}}
"""


def align(en: str, ko: str) -> Alignment:
    return align_sections(parse_markdown(en, "en.md"), parse_markdown(ko, "ko.md"))


def titles(alignment: Alignment) -> set[tuple[str, str]]:
    return {
        (p.source.title, p.target.title)
        for p in alignment.matched
        if p.source is not None and p.target is not None and not p.source.is_preamble
    }


def structure(en: str, ko: str) -> list[tuple[str, int | None, int | None, str]]:
    return [
        (f.code, f.source.line, f.target.line, f.message) for f in check_pair(en, ko, STRUCTURE)
    ]


def test_renamed_moved_section_pairs_through_the_content_of_its_subsections() -> None:
    """'## Examples' has no text of its own, only subsections: it pairs with '## 예제' through
    them, although it stands elsewhere; '## Syntax' pairs with '## 구문' through '### 값'."""
    pairs = titles(align(OPACITY_EN, OPACITY_KO))
    assert {
        ("Syntax", "구문"),
        ("Values", "값"),
        ("Examples", "예제"),
        ("Setting opacity", "기본 예제"),
        ("Description", "설명"),
        ("Specifications", "명세"),
    } <= pairs


def test_subsections_the_korean_keeps_in_one_section_are_one_finding_at_their_korean_text() -> None:
    found = structure(OPACITY_EN, OPACITY_KO)
    assert [code for code, *_ in found] == ["TC101", "TC104"]
    _, en_line, ko_line, message = found[0]
    # at '#### HTML' and the Korean html block, where its heading belongs
    assert (en_line, ko_line) == (line_of(OPACITY_EN, "#### HTML"), line_of(OPACITY_KO, "```html"))
    assert "'#### HTML', '#### CSS' of '### Setting opacity' have no Korean headings" in message
    assert "the Korean '### 기본 예제' translates their text without them" in message
    # no block of the example is missing on one side and extra on the other
    content = check_pair(OPACITY_EN, OPACITY_KO, Config(select=("TC1", "TC5")))
    assert {f.code for f in content} == {"TC101", "TC104", "TC502"}  # TC502: the syntax block


def test_a_subsection_whose_text_the_korean_lacks_is_still_missing() -> None:
    result = '#### Result\n\n{{EmbedLiveSample("Setting_opacity", 640, 105)}}\n\n## Spec'
    english = OPACITY_EN.replace("## Spec", result)
    found = structure(english, OPACITY_KO)
    assert (
        "TC101",
        line_of(english, "#### Result"),
        line_of(OPACITY_KO, "## 명세"),
        "English section '#### Result' has no Korean translation: translate it and insert it "
        "before '## 명세'",
    ) in found
    assert "'#### HTML', '#### CSS' of '### Setting opacity'" in found[0][3]


def test_a_missing_section_and_its_subsections_are_one_finding() -> None:
    start = OPACITY_KO.index("## 예제")
    dropped = OPACITY_KO[:start] + OPACITY_KO[OPACITY_KO.index("## 설명") :]
    found = structure(OPACITY_EN, dropped)
    assert [(c, en) for c, en, _, _ in found] == [("TC101", line_of(OPACITY_EN, "## Examples"))]
    assert (
        "English section '## Examples' and its 3 subsections ('### Setting opacity', "
        "'#### HTML', '#### CSS') have no Korean translation: translate them and insert them "
        "before '## 명세'"
    ) in found[0][3]


ABBR_EN = """# abbr

The `<abbr>` element represents an abbreviation.

## Usage notes

### Typical use cases

Use the element to mark up an abbreviation, as the
[HTML standard](https://html.spec.whatwg.org/#the-abbr-element) says.

### Grammar considerations

In languages with [grammatical number](https://en.wikipedia.org/wiki/Grammatical_number),
use the same number in the `title` attribute as in the text.

## Default styling

Browsers display it inline and some add a dotted underline.

## Accessibility

Spelling out the acronym or abbreviation in full the first time it is used on a page is
beneficial for helping people understand it, especially if the content is technical or
industry jargon.

Only include a `title` if expanding the abbreviation in the text is not possible.

## Specifications

{{Specifications}}
"""

ABBR_KO = """# abbr

`<abbr>` 요소는 준말을 나타냅니다.

## 사용 일람

### 많이 쓰이는 곳

[HTML 표준](https://html.spec.whatwg.org/#the-abbr-element)대로 준말을 표시할 때 사용합니다.

### 문법 고려사항

수량이 문법에 영향을 미치는 언어의 경우, 텍스트와 `title` 특성의 내용이 같은 형태를 따르도록 하세요.

## 기본 스타일

모든 브라우저는 기본적으로 인라인으로 렌더링하며, 일부는 점선 밑줄을 추가합니다.

## 명세

{{Specifications}}
"""


def test_a_weak_shared_token_does_not_pull_a_section_away_from_its_place() -> None:
    """'## Accessibility' shares the inline code `title` with '### 문법 고려사항', but
    '### Grammar considerations', in its place, fits it better: Accessibility is the one missing,
    not Grammar and Default styling with an extra '## 기본 스타일'."""
    assert {("Grammar considerations", "문법 고려사항"), ("Default styling", "기본 스타일")} <= (
        titles(align(ABBR_EN, ABBR_KO))
    )
    found = structure(ABBR_EN, ABBR_KO)
    assert [(c, en) for c, en, _, _ in found] == [("TC101", line_of(ABBR_EN, "## Accessibility"))]


def test_an_example_whose_html_text_is_translated_is_still_the_same_example() -> None:
    """Text between tags is what a translator translates in HTML code: the Korean html block
    still stands for '#### HTML' (code-string-translated tells it, as information)."""
    korean = OPACITY_KO.replace("You can barely see this.", "겨우 보이는 글").replace(
        "This is very easy to see.", "쉽게 보이는 글"
    )
    found = check_pair(OPACITY_EN, korean, Config(select=("TC1", "TC5")))
    split = [f for f in found if f.code == "TC101"]
    assert len(split) == 1
    assert "'#### HTML', '#### CSS' of '### Setting opacity' have no Korean headings" in (
        split[0].message
    )
    assert {f.code for f in found} == {"TC101", "TC104", "TC502", "TC505"}


def test_a_subsection_missing_under_a_split_one_is_its_own_finding() -> None:
    notes = "##### Notes\n\nSee [browser support](/docs/support) first.\n\n## Specifications"
    english = OPACITY_EN.replace("## Specifications", notes)
    found = structure(english, OPACITY_KO)
    assert [(c, en) for c, en, _, m in found if "'##### Notes'" in m] == [
        ("TC101", line_of(english, "##### Notes"))
    ]
    assert "'#### HTML', '#### CSS' of '### Setting opacity'" in found[0][3]


REPL_EN = """# How to use the REPL

## What is the REPL?

The REPL runs JavaScript one line at a time in a terminal.

## How to use the REPL

The `node` command runs our scripts:

```bash
node script.js
```

Run `node` alone to start a session, then type `.help`.

### Dot commands

- `.help`: shows the dot commands.
- `.exit`: leaves the session.
"""

REPL_KO = """# REPL 사용 방법

`node` 명령어는 스크립트를 실행합니다:

```bash
node script.js
```

`node`만 실행하면 세션이 시작되고, `.help`를 입력할 수 있습니다.

### Dot 명령어

- `.help`: 점 명령어를 보여줍니다.
- `.exit`: 세션을 끝냅니다.
"""


def test_a_title_the_english_repeats_over_its_old_text_pairs_by_its_level() -> None:
    """The English page now opens with '## What is …' and moved its text under a '## How to
    use …' that repeats the title: the Korean title still translates the English title (their
    sections compared whole, in length and shape too), and the two new headings are missing."""
    assert ("How to use the REPL", "REPL 사용 방법") in titles(align(REPL_EN, REPL_KO))
    found = structure(REPL_EN, REPL_KO)
    assert [f[0] for f in found if f[0] == "TC103"] == []
    assert any(
        f[0] == "TC101" and "'## How to use the REPL'" in f[3] and "no Korean heading" in f[3]
        for f in found
    ), found
    assert any(f[0] == "TC101" and "'## What is the REPL?' has no Korean" in f[3] for f in found)
