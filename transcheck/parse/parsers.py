"""One configured markdown-it parser per dialect (built once each).

Every dialect reads CommonMark with GFM tables, strikethrough, bare-URL autolinks, task lists and
footnotes (kramdown, Hugo's Goldmark and MDX with remark-gfm all have them), YAML (``---``) or
TOML (``+++``) front matter, ``$``/``$$`` math and git merge conflicts left in the text (see
``conflicts``); inline tokens carry source offsets, and a heading's explicit id is cut off its
source before inline parsing (see ``headings`` and ``_parse_runs``). On top of that:

- jekyll: Liquid tags and kramdown attribute lists;
- hugo: shortcodes;
- mdx: JSX component blocks, ``import``/``export`` lines, ``{expressions}``, and no indented
  code;
- jekyll, mdx and gfm: ``:::note`` boxes (Docusaurus, VitePress; a VitePress page reads as
  Jekyll or GFM by its marks);
- mkdocs: ``!!! note`` admonitions, ``/// tip`` blocks, ``=== "Tab"`` tabs, ``{* file *}`` code
  includes and attribute lists (``{.internal-link target=_blank}``);
- gfm: an attribute list right after a link alone (alerts ``> [!NOTE]`` are read in every
  dialect, see ``walker``).

markdown-it's block rules log "entering <rule>" at debug level on every attempt, on every line
(140,000 calls on a 238-page site, half a microsecond each even with logging off: a tenth of the
parse). Our parsers run copies of those rules whose ``LOGGER`` drops the message; markdown-it's
own functions, and any other parser in the process, still log.

Footnote definitions stay where they are written (not moved to the end), so they belong to the
section they are written in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import OptionsDict
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.front_matter.index import _front_matter_rule
from mdit_py_plugins.tasklists import tasklists_plugin

from transcheck.parse.autolinks import lighten
from transcheck.parse.boxes import prose_box_plugin
from transcheck.parse.conflicts import conflict_plugin
from transcheck.parse.destinations import link_helpers
from transcheck.parse.dialects import GFM, HUGO, JEKYLL, MDX, MKDOCS
from transcheck.parse.dollars import use_math_inline_rule
from transcheck.parse.firstchar import FirstCharParserBlock, FirstCharRuler
from transcheck.parse.headings import cut_explicit_id
from transcheck.parse.kramdown import attr_list_plugin, attributes_plugin, link_attr_list_plugin
from transcheck.parse.liquid import liquid_plugin
from transcheck.parse.mdx import mdx_plugin
from transcheck.parse.mkdocs import mkdocs_plugin
from transcheck.parse.positions import stamp_run, stamped, track_positions
from transcheck.parse.shortcodes import shortcode_plugin
from transcheck.parse.tomlfront import hugo_front_matter_plugin
from transcheck.parse.unlogged import unlogged

ADMONITION = "admonition"  # container token name: container_admonition_open / _close


def _any_params(params: str, *args: Any) -> bool:
    """Docusaurus admonitions: any ``:::type`` opens one."""
    return bool(params.strip())


RUNS = "transcheck_runs"  # key in the env: the inline runs of the text parsed last


def _parse_runs(state: StateCore) -> None:
    """markdown-it's inline core rule (each inline run parsed, in order), which first cuts a
    heading's explicit id off its run (see ``headings``) and keeps the runs in the env for the
    core rules after it (see ``_on_runs``): one walk over the block tokens, not one per rule."""
    tokens = state.tokens
    md, env = state.md, state.env
    runs = []
    for index, token in enumerate(tokens):
        if token.type == "inline":
            if index and tokens[index - 1].type == "heading_open":
                cut_explicit_id(token)
            if token.children is None:
                token.children = []
            md.inline.parse(token.content, md, env, token.children)
            runs.append(token)
    env[RUNS] = runs


# The core rules that may sit between "inline" and "text_join": none of them adds an inline
# run, so the runs "inline" kept are all the runs there are when linkify and text-join run.
_RUNS_FOLLOWERS = frozenset({"github-tasklists", "linkify", "replacements", "smartquotes"})


def check_runs_followers(md: MarkdownIt) -> None:
    """Raise ``ValueError`` naming any core rule of ``md`` between "inline" and "text_join"
    outside ``_RUNS_FOLLOWERS``: one that adds inline runs (mdit_py_plugins' ``footnote_tail``
    with ``move_to_end``) would have them skipped silently by the rules handed the kept runs."""
    names = [rule.name for rule in md.core.ruler.__rules__]
    between = names[names.index("inline") + 1 : names.index("text_join")]
    unknown = [name for name in between if name not in _RUNS_FOLLOWERS]
    if unknown:
        raise ValueError(
            f"core rule(s) {', '.join(unknown)} between inline and text_join may add inline runs"
            " that linkify and text_join, handed only the runs the inline rule kept, would skip"
        )


def _on_runs(
    md: MarkdownIt,
    name: str,
    markers: tuple[str, str],
    picks: Callable[[Token], bool] | None = None,
    after: Callable[[Token], None] | None = None,
) -> None:
    """Replace the core rule ``name`` of ``md`` by itself handed only the inline runs, among
    those the inline core rule kept, whose source holds one of the two ``markers`` (tested
    without a call per run) and that ``picks`` chooses (``after`` then called on each)."""
    ruler = md.core.ruler
    core = _rule_fn(ruler, name)
    first, second = markers

    def rule(state: StateCore) -> None:
        runs = [
            token for token in state.env[RUNS] if first in token.content or second in token.content
        ]
        if picks is not None:
            runs = [token for token in runs if picks(token)]
        if runs:
            core(StateCore(state.src, state.md, state.env, runs))
            if after is not None:
                for run in runs:
                    after(run)

    ruler.at(name, rule)


# linkify's core rule walks every child of each inline run whose source holds "//" or "@",
# though most such runs hold them only in a link destination; it can only change a text token
# that holds one (see ``autolinks``): it is handed only the runs that have such a token (and the
# links it made, which have no offset yet, are stamped).
_LINKIFY_MARKERS = ("//", "@")  # linkify's own pretest


def _linkify_candidate(run: Token) -> bool:
    """Whether a run holding "//" or "@" has a text token holding one (see above)."""
    return any(
        child.type == "text" and ("//" in child.content or "@" in child.content)
        for child in run.children or ()
    )


# markdown-it's text-join core rule walks every child of every inline run to turn the
# ``text_special`` tokens of escapes (``\*``) and entities (``&amp;``) into text joined with
# the text beside them. Only a run holding "\" or "&" has such a token (the delimiter rules
# already joined their own text tokens, see ``firstchar``): it is handed only those runs.
_ESCAPE_MARKERS = ("\\", "&")


def _tasks_only_with_boxes(md: MarkdownIt) -> None:
    """The task-list core rule walks every token of the file for a list item whose text starts
    with ``[ ]``, ``[x]`` or ``[X]``: run it only on a text that holds one (and stamp the
    checkboxes it made)."""
    tasks = stamped(_rule_fn(md.core.ruler, "github-tasklists"))
    md.core.ruler.at("github-tasklists", _when_holding(tasks, ("[ ]", "[x]", "[X]")))


class _Options(OptionsDict):
    """markdown-it's options, whose ``get`` (asked by its rules on every inline run: 21,000
    times on vue-docs) is the dictionary's own rather than the Mapping mixin's two calls."""

    def get(self, key: str, default: Any = None) -> Any:
        """The option ``key``, or ``default`` when unset."""
        return self._options.get(key, default)


def _rule_fn(ruler: Any, name: str) -> Any:
    """The function of ``ruler``'s rule ``name``."""
    return next(rule.fn for rule in ruler.__rules__ if rule.name == name)


def _when_holding(rule: Callable[[StateCore], None], markers: Iterable[str]) -> Any:
    """The core rule ``rule``, run only on a source that holds one of ``markers``."""

    def post(state: StateCore) -> None:
        for marker in markers:
            if marker in state.src:
                rule(state)
                return

    return post


def _normalize_only_with_cr_or_nul(md: MarkdownIt) -> None:
    """markdown-it's first core rule copies the whole text, replacing each CR, CRLF and line
    feed by a line feed and each NUL by U+FFFD: a copy equal to the text unless it holds a CR
    or a NUL (``parse_markdown`` has replaced CR and CRLF already). Run it only on such a text."""
    ruler = md.core.ruler
    ruler.at("normalize", _when_holding(_rule_fn(ruler, "normalize"), ("\r", "\0")))


def _setext_only_below_marks(md: MarkdownIt) -> None:
    """markdown-it's setext heading rule, asked at the first line of every paragraph, walks the
    lines below it (asking the terminators on each) for a ``---`` or ``===`` underline, and then
    the paragraph rule walks them again. An underline's first non-blank character is ``-`` or
    ``=``: without such a line before the next blank one the rule fails, so it is asked only
    when there is one. Failing, it leaves the parent type ``paragraph`` (which the list rule
    reads), and so does its stand-in."""
    setext = _rule_fn(md.block.ruler, "lheading")

    def lheading(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if state.is_code_block(start):
            return False
        src, begins, shifts, ends = state.src, state.bMarks, state.tShift, state.eMarks
        line = start + 1
        while line < end:
            first = begins[line] + shifts[line]
            if first >= ends[line]:
                break  # a blank line: the paragraph ends above it
            if src[first] in "-=":
                return bool(setext(state, start, end, silent))
            line += 1
        state.parentType = "paragraph"
        return False

    md.block.ruler.at("lheading", lheading)


def _unlogged_block_rules(md: MarkdownIt) -> None:
    """Replace each block rule of ``md`` that logs through its module's ``LOGGER`` with a copy
    that logs nowhere (see ``unlogged``)."""
    ruler = md.block.ruler
    for rule in ruler.__rules__:
        copy = unlogged(rule.fn)
        if copy is not rule.fn:
            ruler.at(rule.name, copy, {"alt": rule.alt})


@cache
def markdown(dialect: str = JEKYLL) -> MarkdownIt:
    """The parser for ``dialect`` (see the module docstring for what each one reads)."""
    md = MarkdownIt("commonmark", {"store_labels": True, "linkify": True})
    _normalize_only_with_cr_or_nul(md)
    md.enable(["table", "strikethrough", "linkify"])
    if md.linkify is not None:
        md.linkify.set({"fuzzy_link": False})  # "file.md" in prose is not a link
        lighten(md.linkify)  # linkify-it's costly patterns compiled only for a text they may match
        _on_runs(md, "linkify", _LINKIFY_MARKERS, _linkify_candidate, stamp_run)
    md.use(front_matter_plugin)
    # Front matter starts on the first line only, so it never ends a paragraph, list, quote or
    # reference definition (the plugin's rule says no below line 0): don't ask it on every line.
    md.block.ruler.at("front_matter", _front_matter_rule, {"alt": []})
    md.use(hugo_front_matter_plugin)
    md.use(dollarmath_plugin, double_inline=True, allow_space=False, allow_digits=False)
    use_math_inline_rule(md)
    md.use(footnote_plugin, inline=False, move_to_end=False)
    md.use(tasklists_plugin)
    _tasks_only_with_boxes(md)
    md.use(conflict_plugin)
    md.use(prose_box_plugin)
    _on_runs(md, "text_join", _ESCAPE_MARKERS)
    if dialect in (JEKYLL, GFM, MDX):  # VitePress and Docusaurus ::: boxes (not MkDocs' ::: x.y)
        md.use(container_plugin, ADMONITION, validate=_any_params)
    if dialect == JEKYLL:
        md.use(liquid_plugin)
        md.use(attributes_plugin)
    elif dialect == HUGO:
        md.use(shortcode_plugin)
    elif dialect == MDX:
        md.use(mdx_plugin)
    elif dialect == MKDOCS:
        md.use(mkdocs_plugin)
        md.use(attr_list_plugin)
    elif dialect == GFM:
        md.use(link_attr_list_plugin)
    md.core.ruler.at("inline", _parse_runs)
    check_runs_followers(md)
    track_positions(md)
    md.block.__class__ = FirstCharParserBlock
    md.block.ruler.__class__ = FirstCharRuler
    _unlogged_block_rules(md)
    _setext_only_below_marks(md)
    # Keep URLs as written: percent-encoding them would hide the anchor a translator typed.
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.options.__class__ = _Options
    md.helpers = link_helpers()  # the same helpers with a faster destination parser
    return md
