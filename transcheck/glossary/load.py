"""Loading and validating glossary YAML; every problem names the file and the line.

Validation walks the YAML node tree (not the constructed data) so that duplicate keys, which a
plain YAML load silently drops, and the line of every key and list item are known.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from transcheck.config import ConfigError
from transcheck.glossary.matcher import korean_key
from transcheck.glossary.model import Entry, Glossary, Policy
from transcheck.parse.source import read_named_file
from transcheck.records import record
from transcheck.safeyaml import compose, construct, describe

DEFAULT_KEYS = ("policy", "keep_english", "first_mention")
TOP_KEYS = ("language", *DEFAULT_KEYS, "terms")
ENTRY_KEYS = (
    "term",
    "forms",
    "pattern",
    "ko",
    "preferred",
    "forbidden",
    "keep_english",
    "case_sensitive",
    "policy",
    "first_mention",
    "note",
    "unless",
    "context",
)
POLICIES = tuple(policy.value for policy in Policy)


@record(slots=True)
class Problem:
    """One validation error: file, 1-based line (None when unknown) and what is wrong."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.message}"
            if self.line
            else f"{self.path}: {self.message}"
        )


class GlossaryError(ConfigError):
    """A glossary that cannot be used; carries every problem found, one per line of text."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        super().__init__(first.path, "", first.message, first.line)
        self.problems = problems
        self.args = ("\n".join(str(problem) for problem in problems),)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by the problems, so an error met in a worker process reaches the parent."""
        return (GlossaryError, (self.problems,))


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


class _Reader:
    """Validates one file's node tree, collecting problems instead of stopping at the first."""

    def __init__(self, path: str, loader: yaml.SafeLoader) -> None:
        self.path = path
        self.loader = loader
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node | None, message: str) -> None:
        self.problems.append(Problem(self.path, _line(node) if node is not None else None, message))

    def mapping(self, node: yaml.Node, valid: tuple[str, ...], what: str) -> dict[str, yaml.Node]:
        """Key -> value node of a mapping, reporting duplicate and unknown keys."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} must be a mapping")
            return {}
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in found:
                self.problem(key_node, f"duplicate key {key!r} in {what}")
            elif key not in valid:
                self.problem(
                    key_node, f"unknown key {key!r} in {what}; valid keys: {', '.join(valid)}"
                )
            else:
                found[key] = value_node
        return found

    def value(self, node: yaml.Node) -> Any:
        return construct(node, self.loader)

    def string(self, node: yaml.Node, key: str) -> str | None:
        value = self.value(node)
        if not isinstance(value, str) or not value.strip():
            self.problem(node, f"{key} must be a non-empty string")
            return None
        return value.strip()

    def flag(self, node: yaml.Node, key: str) -> bool | None:
        value = self.value(node)
        if not isinstance(value, bool):
            self.problem(node, f"{key} must be true or false (got {value!r})")
            return None
        return value

    def policy(self, node: yaml.Node) -> Policy | None:
        value = self.value(node)
        if value not in POLICIES:
            self.problem(node, f"policy must be one of {', '.join(POLICIES)} (got {value!r})")
            return None
        return Policy(value)

    def strings(self, node: yaml.Node, key: str) -> list[tuple[str, yaml.Node]]:
        """A list of non-empty strings (a single string is a list of one), with item nodes."""
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        result = []
        for item in items:
            text = self.string(item, f"each item of {key}")
            if text is not None:
                result.append((text, item))
        return result


def _entry(reader: _Reader, node: yaml.Node) -> Entry | None:
    """One term mapping -> Entry, or None when it has problems (which are recorded)."""
    before = len(reader.problems)
    fields = reader.mapping(node, ENTRY_KEYS, "a term entry")
    if "term" not in fields:
        if isinstance(node, yaml.MappingNode):
            reader.problem(node, "a term entry needs the key 'term'")
        return None
    term = reader.string(fields["term"], "term")
    values: dict[str, Any] = {}
    listed: dict[str, list[tuple[str, yaml.Node]]] = {
        key: reader.strings(fields[key], key)
        for key in ("forms", "ko", "forbidden", "unless", "context")
        if key in fields
    }
    for key, items in listed.items():
        values[key] = tuple(dict.fromkeys(text for text, _ in items))
    simple: dict[str, Callable[[yaml.Node], Any]] = {
        "pattern": lambda n: reader.string(n, "pattern"),
        "preferred": lambda n: reader.string(n, "preferred"),
        "note": lambda n: reader.string(n, "note"),
        "keep_english": lambda n: reader.flag(n, "keep_english"),
        "case_sensitive": lambda n: reader.flag(n, "case_sensitive"),
        "first_mention": lambda n: reader.flag(n, "first_mention"),
        "policy": reader.policy,
    }
    for key, parse in simple.items():
        if key in fields:
            values[key] = parse(fields[key])
    accepted = {korean_key(text) for text in values.get("ko", ())}
    for text, item in listed.get("forbidden", []):
        if korean_key(text) in accepted:
            reader.problem(
                item, f"rendering {text!r} of {term!r} is both accepted (ko) and forbidden"
            )
    pattern = values.get("pattern")
    if pattern is not None:
        try:
            compiled = re.compile(pattern)
        except re.error as error:
            reader.problem(fields["pattern"], f"pattern of {term!r} is not a valid regex: {error}")
        else:
            if compiled.match(""):
                reader.problem(fields["pattern"], f"pattern of {term!r} matches the empty string")
    if len(reader.problems) > before or term is None:
        return None
    entry = Entry(
        term=term,
        origin=f"{reader.path}:{_line(node)}",
        **{k: v for k, v in values.items() if v is not None},
    )
    preferred = entry.preferred
    keeps = entry.keep_english is not False
    if preferred is not None and preferred not in entry.ko and not (preferred == term and keeps):
        reader.problem(
            fields["preferred"],
            f"preferred {preferred!r} of {term!r} is not one of its accepted renderings (ko)",
        )
    if not entry.ko and entry.keep_english is False:
        reader.problem(node, f"{term!r} has no accepted rendering: give ko, or keep_english: true")
    return entry if len(reader.problems) == before else None


def parse_glossary(text: str, path: str) -> tuple[Glossary, list[Problem]]:
    """Parse and validate one glossary; the result holds the entries that had no problem."""
    try:
        root = compose(text)
    except yaml.YAMLError as error:
        message, line = describe(error)
        return Glossary(sources=(path,)), [Problem(path, line, message)]
    if root is None:
        return Glossary(sources=(path,)), [Problem(path, None, "the file is empty")]
    constructor = yaml.SafeLoader("")
    reader = _Reader(path, constructor)
    try:
        top = reader.mapping(root, TOP_KEYS, "the top level")
        defaults: dict[str, Any] = {}
        if "policy" in top:
            defaults["policy"] = reader.policy(top["policy"])
        for key in ("keep_english", "first_mention"):
            if key in top:
                defaults[key] = reader.flag(top[key], key)
        if "language" in top:
            reader.string(top["language"], "language")
        entries = _entries(reader, top.get("terms"), root)
    except yaml.YAMLError as error:
        message, line = describe(error)
        return Glossary(sources=(path,)), [Problem(path, line, message)]
    finally:
        constructor.dispose()
    defaults = {key: value for key, value in defaults.items() if value is not None}
    glossary = Glossary(
        entries=tuple(entries),
        sources=(path,),
        explicit=frozenset(defaults),
        **defaults,
    )
    return glossary, reader.problems


def _entries(reader: _Reader, node: yaml.Node | None, root: yaml.Node) -> list[Entry]:
    if node is None:
        reader.problem(root, "the key 'terms' (a list of term entries) is missing")
        return []
    if not isinstance(node, yaml.SequenceNode):
        reader.problem(node, "terms must be a list of term entries")
        return []
    entries: list[Entry] = []
    first_line: dict[str, int] = {}
    for item in node.value:
        entry = _entry(reader, item)
        if entry is None:
            continue
        if entry.key in first_line:
            reader.problem(
                item, f"duplicate term {entry.term!r} (first at line {first_line[entry.key]})"
            )
            continue
        first_line[entry.key] = _line(item)
        entries.append(entry)
    return entries


def read_glossary(path: Path) -> tuple[Glossary, list[Problem]]:
    """Read and validate one glossary file."""
    display = str(path)
    try:
        text = read_named_file(path)
    except (OSError, UnicodeDecodeError) as error:
        return Glossary(sources=(display,)), [Problem(display, None, f"cannot read: {error}")]
    return parse_glossary(text, display)


def load_glossaries(paths: Iterable[Path]) -> Glossary:
    """Read, validate and merge glossary files in order (a later file wins per term).

    Raises GlossaryError listing every problem of every file.
    """
    merged = Glossary()
    problems: list[Problem] = []
    for path in paths:
        glossary, found = read_glossary(path)
        problems += found
        merged = merged.merged(glossary)
    if problems:
        raise GlossaryError(problems)
    return merged
