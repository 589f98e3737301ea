"""Which dialect a file is read as, and why; and that the choice changes how it is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcheck.parse import parse_markdown
from transcheck.parse.dialects import DialectChoice, choose_dialect

MDX_MARK = "an MDX import/export line or JSX component"
MKDOCS_MARK = "an MkDocs admonition, block or code include"
CASES = [
    ("a.md", "{{< note >}}\n", "jekyll", "jekyll", "set by the config: dialect: jekyll"),
    ("docs/a.MDX", "# A\n", "auto", "mdx", "the file name ends in .mdx"),
    ("a.md", "+++\nt = 1\n+++\n", "auto", "hugo", "TOML front matter (+++) is read by Hugo only"),
    (
        "a.md",
        "---\nlayout: x\n---\n",
        "auto",
        "jekyll",
        "front-matter key layout is Jekyll/kramdown's",
    ),
    ("a.md", "---\nweight: 3\n---\n", "auto", "hugo", "front-matter key weight is Hugo's"),
    ("a.md", "\n \n---\nweight: 3\n---\n", "auto", "hugo", "front-matter key weight is Hugo's"),
    ("a.md", "\n+++\nt = 1\n+++\n", "auto", "hugo", "TOML front matter (+++) is read by Hugo only"),
    (
        "a.md",
        "---\nsidebar_label: x\n---\n",
        "auto",
        "mdx",
        "front-matter key sidebar_label is MDX's",
    ),
    ("a.md", "# A\n\ntext\n\n{{% tab %}}\n", "auto", "hugo", "line 5 has a Hugo shortcode ('{{%')"),
    ("a.md", "---\nt: x\n---\n\n{% raw %}\n", "auto", "jekyll", "line 5 has a Liquid tag ('{%')"),
    ("a.md", "Intro.\n\nimport X from './x'\n", "auto", "mdx", f"line 3 has {MDX_MARK} ('import')"),
    ("a.md", "Intro.\n\n  <Note>\n", "auto", "mdx", f"line 3 has {MDX_MARK} ('<Note>')"),
    (
        "a.md",
        "Intro.\n\n!!! note\n    Body.\n",
        "auto",
        "mkdocs",
        f"line 3 has {MKDOCS_MARK} ('!!! note')",
    ),
    (
        "a.md",
        "Intro.\n\n/// tip | 팁\n",
        "auto",
        "mkdocs",
        f"line 3 has {MKDOCS_MARK} ('/// tip | 팁')",
    ),
    (
        "a.md",
        "{* ../src/app.py hl[2] *}\n",
        "auto",
        "mkdocs",
        f"line 1 has {MKDOCS_MARK} ('{{* ../src/app.py hl[2] *}}')",
    ),
    (
        "a.md",
        "Text, <b>bold</b>.\n",
        "auto",
        "gfm",
        "no dialect marks (front matter, shortcodes, Liquid, JSX, MkDocs)",
    ),
]


@pytest.mark.parametrize(("path", "text", "configured", "name", "reason"), CASES)
def test_choose_dialect(path: str, text: str, configured: str, name: str, reason: str) -> None:
    assert choose_dialect(path, text, configured) == DialectChoice(name, reason)


def test_the_earliest_body_mark_wins() -> None:
    text = "Use {% raw %} here.\n\n{{< note >}}\n"
    assert choose_dialect("a.md", text).name == "jekyll"
    assert choose_dialect("a.md", text[text.index("{{<") :]).name == "hugo"


def test_an_mkdocs_mark_outranks_the_code_lines_that_look_like_mdx() -> None:
    """A MkDocs page's Python and TypeScript code has ``import`` lines and ``<Tag>`` lines."""
    text = "```python\nimport os\n```\n\n/// warning\nCareful.\n///\n"
    assert choose_dialect("a.md", text).name == "mkdocs"
    assert choose_dialect("a.md", text.replace("/// warning", "Careful")).name == "gfm"


def test_mdx_lines_inside_fenced_code_are_code() -> None:
    """A Markdown page's JavaScript example imports and its transcript shows ``<Enter>``: no MDX;
    an ``import`` line after the code is."""
    code = "Intro.\n\n```js\nimport a from 'b'\n<Enter to run>\n```\n"
    assert choose_dialect("a.md", code).name == "gfm"
    mdx = choose_dialect("a.md", code + "import X from './x'\n\n<X />\n")
    assert (mdx.name, mdx.reason) == (
        "mdx",
        "line 7 has an MDX import/export line or JSX component ('import')",
    )


@pytest.mark.parametrize(
    "line",
    [
        "/// Returns the sum of both numbers",  # a Rust doc comment
        '/// <reference types="vite/client" />',  # a TypeScript directive
        "!!!",
        "{*emphasis*}",
    ],
)
def test_triple_slash_comments_and_other_lookalikes_are_not_mkdocs_marks(line: str) -> None:
    assert choose_dialect("a.md", f"Intro.\n\n```\n{line}\n```\n").name == "gfm"


@pytest.mark.parametrize(
    "code",
    [
        "/// note",  # a Rust doc comment that reads like a block
        "/// let f = |x| x + 1;",
        '  === "x";',  # JavaScript
        "!!! note",
        "{* a Smarty comment *}",
    ],
)
def test_block_openers_inside_fenced_code_are_code_not_mkdocs_marks(code: str) -> None:
    text = f"import X from 'y'\n\n<Tabs>\n\n```\n{code}\n```\n"
    assert choose_dialect("a.md", text).name == "mdx"
    assert choose_dialect("a.md", text.replace("```", "~~~")).name == "mdx"


def test_only_lines_python_markdown_reads_as_admonitions_are_marks() -> None:
    """``!!! Warning: text`` is a paragraph for Python-Markdown (a title must be quoted)."""
    assert choose_dialect("a.md", "# T\n\n!!! Warning: this deletes data\n").name == "gfm"
    document = parse_markdown(
        "# T\n\n!!! Warning: this deletes [data](/d)\n", "a.md", dialect="mkdocs"
    )
    assert [link.url for link in document.sections[-1].links] == ["/d"]
    titled = parse_markdown('# T\n\n!!! note inline end "Use a | b"\n    Body.\n', "a.md")
    assert titled.dialect == "mkdocs"
    assert "Use a | b" in [block.text for block in titled.sections[-1].blocks]


def test_the_document_records_its_dialect_and_the_config_overrides_the_guess() -> None:
    text = "---\nlayout: post\n---\n\nSee {{< param x >}} and {% raw %}.\n"
    jekyll = parse_markdown(text, "a.md")
    hugo = parse_markdown(text, "a.md", dialect="hugo")
    assert (jekyll.dialect, hugo.dialect) == ("jekyll", "hugo")
    assert [m.kind for m in jekyll.sections[0].markup] == ["liquid"]
    assert [m.kind for m in hugo.sections[0].markup] == ["shortcode"]
    assert jekyll.sections[0].blocks[0].text == "See {{< param x >}} and ."
    assert hugo.sections[0].blocks[0].text == "See and {% raw %}."


def test_unclosed_toml_front_matter_is_reported_at_line_one() -> None:
    document = parse_markdown("+++\ntitle = 'x'\n\nBody.\n", "a.md")
    assert document.front_matter is not None
    assert document.front_matter.error == "front matter is not closed: no '+++' line ends it"
    assert (document.front_matter.line, document.front_matter.error_line) == (1, 1)


@pytest.mark.parametrize("fence", ["---", "+++"])
def test_front_matter_after_blank_lines_is_read_as_hugo_reads_it(fence: str) -> None:
    """A translated page may open with a blank line before its front matter (Hugo skips it): the
    front matter is still data at its own lines, not a rule and a setext heading."""
    key = "title: 소개" if fence == "---" else "title = '소개'"
    document = parse_markdown(f"\n\n{fence}\n{key}\n{fence}\n\n# 소개\n", "a.md")
    assert document.front_matter is not None
    assert (document.front_matter.line, document.front_matter.end_line) == (3, 5)
    assert document.front_matter.data == {"title": "소개"}
    assert [(s.title, s.line) for s in document.sections if not s.is_preamble] == [("소개", 7)]


@pytest.mark.parametrize("text", ["\n---\nSome text\n---\n", "# A\n\n---\ntitle: x\n---\n"])
def test_a_rule_after_blank_lines_or_below_text_is_no_front_matter(text: str) -> None:
    """Front matter after blank lines opens with a key; below other text it is none at all."""
    assert parse_markdown(text, "a.md").front_matter is None


def test_every_corpus_chapter_reads_as_jekyll_and_the_readme_as_gfm(corpus: Path) -> None:
    for path in sorted(corpus.glob("*/*.md")):
        expected = "gfm" if path.name == "README.md" else "jekyll"
        assert choose_dialect(str(path), path.read_text(encoding="utf-8")).name == expected, path


def test_indented_text_of_a_hugo_template_shortcode_is_a_paragraph_not_code() -> None:
    text = (
        "{{< note >}}\n"
        "    Run `minikube start` locally,\n"
        "    then open the dashboard.\n"
        "{{< /note >}}\n"
        "\n"
        "{{% note %}}\n"
        "    kubectl get pods\n"
        "{{% /note %}}\n"
        "\n"
        "Text.\n"
        "\n"
        "    kubectl get nodes\n"
    )
    blocks = parse_markdown(text, "a.md", dialect="hugo").sections[0].blocks
    shown = [(b.kind.value, b.line, b.end_line, b.text) for b in blocks if b.text]
    assert [(s.text, s.line) for s in blocks[1].code_spans] == [("minikube start", 2)]
    assert shown == [
        ("paragraph", 2, 3, "Run locally, then open the dashboard."),
        ("code", 7, 7, "kubectl get pods\n"),
        ("paragraph", 10, 10, "Text."),
        ("code", 12, 12, "kubectl get nodes\n"),
    ]


def test_an_attribute_list_is_read_after_a_span_or_at_a_line_end_not_inside_a_sentence() -> None:
    """Python-Markdown's attr_list applies ``{…}`` to the element before it or to its block."""
    text = (
        "# T\n\n!!! note\n    x\n\n"
        "f-string {name=} here, dict {a=1, b=2}.\n\n"
        "See [docs](/x){.internal-link target=_blank} now.\n"
    )
    blocks = parse_markdown(text, "a.md").sections[-1].blocks
    assert [block.text for block in blocks[-2:]] == [
        "f-string {name=} here, dict {a=1, b=2}.",
        "See docs now.",
    ]


def test_front_matter_with_a_lone_surrogate_is_a_marked_error_not_an_exception() -> None:
    """libyaml cannot encode a lone surrogate (text from the API, not from a file): the
    pure-Python loader refuses it with its line, as for any other bad character."""
    document = parse_markdown("---\ntitle: a\udcff\n---\n\nBody.\n", "a.md")
    assert document.front_matter is not None
    assert document.front_matter.error_line == 2
    assert "U+DCFF" in (document.front_matter.error or "")
