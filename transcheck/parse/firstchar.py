"""Block and inline rules asked only where they can start.

markdown-it tries every enabled rule in turn at each line (block) or offset (inline) until one
succeeds, and almost every rule first tests one character: ``#`` for a heading, ``[`` for a
link, and so on. On a 238-page docs site 220,000 of 238,000 block rule calls and 195,000 of
235,000 inline rule calls failed that first test. Our parsers look up, per character, the rules
that can start on it and ask only those, in the ruler's order: the first rule to succeed is the
one markdown-it finds, so the tokens are the same. The same goes for the chains of rules that
may end a paragraph, list, block quote or reference on the lines that follow it (30,000 calls on
that site, 70% of them failing at the first character): each chain is one rule asking only the
terminators that can start on the line's first character (``FirstCharRuler``).

The tables below list each rule's possible first characters (for block rules, the first
non-blank character of the line); a rule missing from them is asked everywhere, so a new plugin
stays correct. The inline ``text`` rule starts on any character but the parser's terminators;
where it is the first rule to ask (most offsets), the tokenizer runs its few lines itself rather
than calling it (24,000 calls on that site). A character no table lists (a letter, a Hangul
syllable: thousands of distinct ones on a Korean site) starts the same rules as any other, so
their list is made once. Skipping a token inside a link's label (``skipToken``, which asks the
rules in validation mode) asks only the rules that can start there too.

After tokenizing, markdown-it runs its post-processing rules on every run: pairing emphasis and
strikethrough delimiters, turning them into tags, then joining the text tokens of those left
unpaired (and counting levels again). Delimiters start only on ``*``, ``_`` and ``~``; a run
without them (four in five on that site) has nothing for those rules to do, so they are run only
on a run holding one of their characters (``POST_MARKERS``).
"""

from __future__ import annotations

import re
from typing import Any, Generic, TypeVar

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.parser_inline import ParserInline
from markdown_it.ruler import Ruler
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline import text as TEXT_RULE
from markdown_it.token import Token
from markdown_it.utils import EnvType

from transcheck.parse.linemarks import LineMarkedState

# Front matter tests the file's first character, not the line's (in a list item on line 0,
# "- `---", it starts on a backtick), and says no below line 0: it is asked on line 0 only.
FIRST_LINE_ONLY = frozenset({"front_matter"})
BLOCK_STARTS = {
    "hugo_front_matter": "+-",  # +++, or --- after blank lines
    "math_block": "$",
    "container_admonition": ":",
    "container_blocks": "/",  # MkDocs /// tip
    "admonition": "!?",  # MkDocs !!! note, ??? note
    "code_include": "{",  # MkDocs {* file *}
    "tab": "=",  # MkDocs === "Tab"
    "fence": "`~",
    "prose_box": "`~",  # a fence of prose (see boxes)
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "footnote_def": "[",
    "reference": "[",
    "mdx_esm": "ie",  # import, export
    "jsx_block": "<",
    "html_block": "<",
    "heading": "#",
    "mdx_flow_expression": "{",
    "liquid_line": "{",  # a line of {% tags %} only
    "liquid_highlight": "{",  # {% highlight lang %} code
    "shortcode_line": "{",  # a line of {{< shortcodes >}} only
    "merge_conflict": "<",  # <<<<<<<
}
INLINE_STARTS = {
    "linkify": ":",
    "newline": "\n",
    "escape": "\\",
    "backticks": "`",
    "strikethrough": "~",
    "emphasis": "*_",
    "link": "[",
    "image": "!",
    "autolink": "<",
    "html_inline": "<",
    "entity": "&",
    "footnote_ref": "[",
    "math_inline": "$",
    "liquid": "{",
    "kramdown": "{",
    "shortcode": "{",
    "mdx_expression": "{",
}

# The post-processing rules that act only on delimiters, with the characters those start on.
POST_MARKERS = {
    "balance_pairs": "*_~",
    "strikethrough": "~",
    "emphasis": "*_",
    "fragments_join": "*_~",
}

Rule = TypeVar("Rule")
Terminators = re.Pattern[str] | None  # the inline ``text`` rule's stop characters


class _Table(Generic[Rule]):
    """Per character, the enabled rules of one ruler that can start on it, in the ruler's order;
    filled as characters are met, and made anew when the ruler's rules or the terminators change."""

    def __init__(self, starts: dict[str, str], chain: str = "") -> None:
        """``starts``: rule name -> the characters it can start on; ``chain``: the ruler's
        chain whose rules are asked (``paragraph``: those that may end a paragraph), or
        ``""`` for all its rules."""
        self._starts = starts
        self._chain = chain
        self._listed = frozenset("".join(starts.values()))  # the characters some rule starts on
        self._key: tuple[object, object] = (None, None)
        self._rules: dict[str, list[Rule]] = {}
        self._first: dict[str, list[Rule]] = {}  # on the file's first line
        self._unlisted: dict[bool, list[Rule]] = {}  # by whether the text rule starts there

    def current(self, ruler: Ruler[Any], terminators: Terminators) -> dict[str, list[Rule]]:
        """The table for ``ruler``'s current rules (``terminators``: the inline ``text`` rule's)."""
        key = (ruler.getRules(""), terminators)
        if key[0] is not self._key[0] or key[1] is not self._key[1]:
            self._key, self._rules, self._first, self._unlisted = key, {}, {}, {}
        return self._rules

    def first_line_rules(self, ruler: Ruler[Any], char: str) -> list[Rule]:
        """``rules_for`` on the file's first line (``current`` called before), remembered."""
        found = self._first.get(char)
        if found is None:
            found = self._first[char] = self.rules_for(ruler, char, None, first_line=True)
        return found

    def rules_for(
        self, ruler: Ruler[Any], char: str, terminators: Terminators, first_line: bool = False
    ) -> list[Rule]:
        """The enabled rules of ``ruler``, in order, that can start on ``char`` (all of them for
        ``""``, past the end of the text); remembered in the current table, except those of the
        file's first line (``first_line``, where the rules of ``FIRST_LINE_ONLY`` are asked too).
        A character no table lists (a Hangul syllable, a letter) starts the rules every other
        such character starts: their list is made once and shared.
        """
        starts, chain = self._starts, self._chain
        text = terminators is not None and terminators.match(char) is None
        unlisted = bool(char) and not first_line and char not in self._listed
        if unlisted and text in self._unlisted:
            found = self._rules[char] = self._unlisted[text]
            return found
        found = [
            rule.fn
            for rule in ruler.__rules__
            if rule.enabled
            and (not chain or chain in rule.alt)
            and (
                not char  # past the end of the text: ask every rule
                or (rule.name in FIRST_LINE_ONLY and first_line)
                or (
                    rule.name not in FIRST_LINE_ONLY
                    and (text if rule.name == "text" else char in starts.get(rule.name, char))
                )  # an unlisted rule "starts" on every character
            )
        ]
        if not first_line:
            self._rules[char] = found
        if unlisted:
            self._unlisted[text] = found
        return found


class FirstCharParserInline(ParserInline):
    """markdown-it's inline parser, asking at each offset only the rules that can start there,
    and after tokenizing only the post-processing rules a run has delimiters for."""

    _table: _Table[Any] | None = None
    _post: tuple[object, dict[tuple[bool, ...], list[Any]]] = (None, {})
    _listed: tuple[tuple[object, object, object], bool] = ((None, None, None), False)

    def first_stop(self, src: str) -> int | None:
        """Where the ``text`` rule's first terminator is in ``src`` (its length when there is
        none), handed to ``tokenize`` so it does not search for it again; or None when ``src``
        is plain, tokenizing to one text token holding all of it: it holds none of the
        terminators (a quarter of the runs on a docs site, a plain sentence), and every enabled
        rule but ``text`` is listed in ``INLINE_STARTS``, starting only on terminators, and
        every post-processing rule in ``POST_MARKERS``, whose characters are terminators too.
        A rule missing from those tables (a new plugin's) turns plain runs off, and the answer
        is made anew when either ruler's rules or the terminators change."""
        terminators = self.terminator_re
        found = terminators.search(src)
        if found is not None:
            return found.start()  # most runs: one search, the rule tables not looked at
        if not src:
            return 0
        key = (self.ruler.getRules(""), self.ruler2.getRules(""), terminators)
        known, listed = self._listed
        if any(new is not old for new, old in zip(key, known, strict=True)):
            listed = all(
                rule.name == "text"
                or (
                    rule.name in INLINE_STARTS
                    and all(terminators.match(c) for c in INLINE_STARTS[rule.name])
                )
                for rule in self.ruler.__rules__
                if rule.enabled
            ) and all(
                rule.name in POST_MARKERS
                and all(terminators.match(c) for c in POST_MARKERS[rule.name])
                for rule in self.ruler2.__rules__
                if rule.enabled
            )
            self._listed = (key, listed)
        return None if listed else len(src)

    def post_rules(self, src: str) -> list[Any]:
        """The post-processing rules (``ruler2``) to run on the run ``src``, in order: those of
        ``POST_MARKERS`` only when ``src`` holds one of their characters."""
        rules = self.ruler2.getRules("")
        key, by_markers = self._post
        if key is not rules:  # the rules changed: start again
            by_markers = {}
            self._post = (rules, by_markers)
        held = ("*" in src, "_" in src, "~" in src)
        found = by_markers.get(held)
        if found is None:
            found = by_markers[held] = [
                rule.fn
                for rule in self.ruler2.__rules__
                if rule.enabled
                and (
                    rule.name not in POST_MARKERS
                    or any(char in src for char in POST_MARKERS[rule.name])
                )
            ]
        return found

    def tokenize(self, state: StateInline, first_stop: int = -1) -> None:
        """Tokenize as ``ParserInline.tokenize`` does, with fewer rules asked at each offset;
        ``first_stop``, when not -1, is where the ``text`` rule's first terminator at or after
        ``state.pos`` is (the end when none), as the caller found it (see ``first_stop``)."""
        if self._table is None:
            self._table = _Table(INLINE_STARTS)
        table = self._table
        by_char = table.current(self.ruler, self.terminator_re)
        end = state.posMax
        max_nesting = state.md.options["maxNesting"]
        src = state.src
        stops = state.md.inline.terminator_re  # the text rule's
        known = state.pos if first_stop >= 0 else -1  # where ``first_stop`` was found from
        while state.pos < end:
            pos = state.pos
            ok = False
            if state.level < max_nesting:
                char = src[pos]
                rules = by_char.get(char)
                if rules is None:
                    rules = table.rules_for(self.ruler, char, self.terminator_re)
                if rules and rules[0] is TEXT_RULE:  # most offsets: the text rule, run here
                    if pos == known:  # the first offset (offsets only grow)
                        stop = first_stop
                    else:
                        found = stops.search(src, pos)
                        stop = found.start() if found else end
                    if stop != pos:  # else the rule says no, as on a terminator
                        state._pending_buffer.append(src[pos:stop])  # append_pending's own
                        state.pos = stop
                        if stop >= end:
                            break
                        continue
                for rule in rules:
                    ok = rule(state, False)
                    if ok:
                        if state.pos <= pos:
                            raise RuntimeError("inline rule didn't increment state.pos")
                        break
            if ok:
                if state.pos >= end:
                    break
                continue
            state.append_pending(src[state.pos])
            state.pos += 1
        if state._pending_buffer or state._pending:  # pending text (see ``positions``)
            state.pushPending()

    def skipToken(self, state: StateInline) -> None:
        """Skip one token as ``ParserInline.skipToken`` does (inside a link's label), asking in
        validation mode only the rules that can start at the offset."""
        pos = state.pos
        cache = state.cache
        if pos in cache:
            state.pos = cache[pos]
            return
        ok = False
        if state.level < state.md.options["maxNesting"]:
            if self._table is None:
                self._table = _Table(INLINE_STARTS)
            table = self._table
            char = state.src[pos]
            rules = table.current(self.ruler, self.terminator_re).get(char)
            if rules is None:
                rules = table.rules_for(self.ruler, char, self.terminator_re)
            for rule in rules:
                state.level += 1  # as markdown-it does, to bound the nesting
                ok = rule(state, True)
                state.level -= 1
                if ok:
                    if state.pos <= pos:
                        raise RuntimeError("inline rule didn't increment state.pos")
                    break
        else:
            state.pos = state.posMax  # too deep: the rest of the run is skipped
        if not ok:
            state.pos += 1
        cache[pos] = state.pos


class FirstCharParserBlock(ParserBlock):
    """markdown-it's block parser, asking at each line only the rules that can start there
    (its line marks found by ``linemarks``)."""

    _table: _Table[Any] | None = None

    def parse(
        self, src: str, md: MarkdownIt, env: EnvType, outTokens: list[Token]
    ) -> list[Token] | None:
        """Push the block tokens of ``src`` into ``outTokens`` (as ``ParserBlock.parse``)."""
        if not src:
            return None
        state = LineMarkedState(src, md, env, outTokens)
        self.tokenize(state, state.line, state.lineMax)
        return state.tokens

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        """Tokenize as ``ParserBlock.tokenize`` does, with fewer rules asked at each line."""
        if self._table is None:
            self._table = _Table(BLOCK_STARTS)
        table = self._table
        by_char = table.current(self.ruler, None)
        src = state.src
        line = startLine
        max_nesting = state.md.options.maxNesting
        has_empty_lines = False
        while line < endLine:
            state.line = line = state.skipEmptyLines(line)
            if line >= endLine:
                break
            if state.sCount[line] < state.blkIndent:
                break  # the end of a nested call (block quotes, lists)
            if state.level >= max_nesting:
                state.line = endLine
                break
            start = state.bMarks[line] + state.tShift[line]
            char = src[start] if start < len(src) else ""
            rules = by_char.get(char) if line else table.first_line_rules(self.ruler, char)
            if rules is None:
                rules = table.rules_for(self.ruler, char, None)
            ok = False
            for rule in rules:
                ok = rule(state, line, endLine, False)
                if ok:
                    if state.line <= line:
                        raise RuntimeError("block rule didn't increment state.line")
                    break
            if not ok:
                raise RuntimeError("none of the block rules matched")
            state.tight = not has_empty_lines
            line = state.line
            # state.isEmpty(line - 1) and state.isEmpty(line), without the method calls
            begins, shifts, ends = state.bMarks, state.tShift, state.eMarks
            if (line - 1) < endLine and begins[line - 1] + shifts[line - 1] >= ends[line - 1]:
                has_empty_lines = True  # a paragraph may take one blank line after it
            if line < endLine and begins[line] + shifts[line] >= ends[line]:
                has_empty_lines = True
                line += 1
                state.line = line


def _terminator(ruler: Ruler[Any], chain: str) -> Any:
    """The rules of ``chain`` (those that may end a paragraph, a list…) asked as one rule, as
    the block rules ask them on each following line: only those that can start on the line's
    first character, in order; True when one of them starts there."""
    table: _Table[Any] = _Table(BLOCK_STARTS, chain)
    by_char = table.current(ruler, None)

    def terminates(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        start = state.bMarks[line] + state.tShift[line]
        src = state.src
        char = src[start] if start < len(src) else ""
        rules = by_char.get(char)
        if rules is None:
            rules = table.rules_for(ruler, char, None)
        for rule in rules:  # noqa: SIM110 (a loop: no generator made on every line)
            if rule(state, line, end, silent):
                return True
        return False

    return terminates


class FirstCharRuler(Ruler[Any]):
    """The block ruler, whose chains of terminators (``getRules("paragraph")``) are each one
    rule asking only the terminators that can start on a line's first character."""

    def __compile__(self) -> None:
        """Compile the chains as markdown-it does, then make each chain of terminators one
        rule (made anew whenever the rules change, as the chains are)."""
        super().__compile__()
        assert self.__cache__ is not None
        for chain, rules in self.__cache__.items():
            if chain and rules:
                self.__cache__[chain] = [_terminator(self, chain)]
