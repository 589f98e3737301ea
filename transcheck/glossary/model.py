"""The glossary as data: one Entry per English term, and a Glossary of entries with its defaults.

Entries are frozen and hashable, so matches and counts can key on them directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from enum import StrEnum

from transcheck.records import cached_property, record


class Policy(StrEnum):
    """What counts as consistent: one accepted rendering (any), or only the preferred one."""

    CONSISTENT = "consistent"
    PREFERRED = "preferred"


@record(eq=True)
class Entry:
    """One English term: its English forms, accepted/preferred/forbidden Korean renderings, flags.

    ``policy``, ``keep_english`` and ``first_mention`` are None when the glossary default applies.
    """

    term: str
    forms: tuple[str, ...] = ()  # other English forms; plurals are generated
    pattern: str | None = None  # an English regex used instead of term + forms
    ko: tuple[str, ...] = ()
    preferred: str | None = None
    forbidden: tuple[str, ...] = ()
    keep_english: bool | None = None
    case_sensitive: bool = False
    policy: Policy | None = None
    first_mention: bool | None = None
    note: str = ""
    origin: str = ""  # "file:line" where the entry is defined, for messages
    unless: tuple[
        str, ...
    ] = ()  # English phrases holding the word in another sense (pay attention)
    context: tuple[str, ...] = ()  # words one of which the text must hold for this sense to count
    # Advice rather than a team's decision (learned from the tree, or the shipped default glossary
    # the project did not name): its first rendering does not outweigh the tree's majority.
    advisory: bool = False

    def __hash__(self) -> int:
        """Hash of the term and where it is defined (equal entries have both equal): entries
        key dicts on every match, and the generated hash of every field was a cost there."""
        return hash((self.term, self.origin))

    @property
    def key(self) -> str:
        """The identity used for duplicates and merging: the term, case-folded unless sensitive."""
        return self.term if self.case_sensitive else self.term.casefold()

    @property
    def english_forms(self) -> tuple[str, ...]:
        """The term and its listed forms, in order, without repeats."""
        return tuple(dict.fromkeys((self.term, *self.forms)))


@record
class Glossary:
    """Entries in file order, with the defaults entries fall back to; see glossary/README.md."""

    entries: tuple[Entry, ...] = ()
    policy: Policy = Policy.CONSISTENT
    keep_english: bool = True
    first_mention: bool = True
    sources: tuple[str, ...] = ()
    explicit: frozenset[str] = frozenset()  # defaults the file set itself (these win on merge)

    @cached_property
    def by_key(self) -> Mapping[str, Entry]:
        """Entries by their key (case-folded term)."""
        return {entry.key: entry for entry in self.entries}

    def find(self, term: str) -> Entry | None:
        """The entry for an English term, or None."""
        return self.by_key.get(term) or self.by_key.get(term.casefold())

    def policy_of(self, entry: Entry) -> Policy:
        """The entry's policy, or the glossary's."""
        return entry.policy or self.policy

    def keeps_english(self, entry: Entry) -> bool:
        """Whether the English word kept in Korean text is an accepted rendering of ``entry``."""
        return self.keep_english if entry.keep_english is None else entry.keep_english

    def wants_first_mention(self, entry: Entry) -> bool:
        """Whether glossary-first-mention applies to ``entry`` (when the rule runs at all)."""
        wanted = self.first_mention if entry.first_mention is None else entry.first_mention
        return wanted and bool(entry.ko)

    def preferred_of(self, entry: Entry) -> str:
        """The preferred rendering: the one named, else the first accepted, else the term."""
        if entry.preferred:
            return entry.preferred
        return entry.ko[0] if entry.ko else entry.term

    def merged(self, later: Glossary) -> Glossary:
        """This glossary overlaid by ``later``: its entries replace same-term entries, the
        defaults it sets win, and new terms are appended."""
        replaced = {entry.key: entry for entry in later.entries}
        entries = [replaced.pop(entry.key, entry) for entry in self.entries]
        entries += [entry for entry in later.entries if entry.key in replaced]
        defaults = {name: getattr(later, name) for name in later.explicit}
        return replace(
            self,
            entries=tuple(entries),
            sources=(*self.sources, *later.sources),
            explicit=self.explicit | later.explicit,
            **defaults,
        )
