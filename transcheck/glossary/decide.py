"""Which rendering of a term is right, and how a split is told: one finding per (file, term,
rendering) and one line per term for the whole tree.

The right rendering is the glossary's preferred one (its first listed) when the policy is
``preferred``, or when the tree uses it at all; otherwise (advisory terms: learned from the tree,
or from the shipped default glossary the project did not name; or a preferred rendering nobody
uses) the one used in most files, then most often. An advisory term is reported in a file only
where the file uses the other rendering at least twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

from transcheck.counted import plural
from transcheck.findings import Finding
from transcheck.glossary.matcher import Kind
from transcheck.glossary.model import Entry, Glossary, Policy
from transcheck.records import record

CODE = "TC303"
TREE_MARK = "Across the tree: "  # what the text and html summaries quote from each finding
MAX_LINES = 6  # other lines named in a finding
MIN_ADVISED = 2  # uses a rendering needs in a file to be reported there, for an advisory term

Rendering = tuple[str, Kind]


@record(slots=True)
class Use:
    """One use of a term in a Korean file, with the English line it translates."""

    term: str
    rendering: str
    kind: Kind
    path: str
    line: int
    source_path: str
    source_line: int


def label(rendering: Rendering) -> str:
    """How a rendering reads in messages: 샤딩, or ``kept in English``."""
    return "kept in English" if rendering[1] is Kind.ENGLISH else rendering[0]


def _write(rendering: Rendering) -> str:
    """What a writer does with a rendering, as a verb phrase: ``write 샤딩`` or ``keep it in
    English`` (so a message never reads "write kept in English")."""
    return "keep it in English" if rendering[1] is Kind.ENGLISH else f"write {rendering[0]}"


def _others(count: int, here: bool) -> str:
    """``, as 3 other files do`` / ``, as 1 other file does`` / ``, which no file uses yet``
    (nothing when only this file uses it)."""
    if count == 0:
        return "" if here else ", which no file uses yet"
    return f", as {plural(count, 'other file')} {'does' if count == 1 else 'do'}"


@record
class Decision:
    """A term the tree renders more than one way: the right rendering, why, and every use."""

    entry: Entry
    right: Rendering
    basis: str
    uses: dict[Rendering, list[Use]]

    def files(self, rendering: Rendering) -> set[str]:
        """The files using ``rendering``."""
        return {use.path for use in self.uses.get(rendering, [])}

    def tree(self) -> str:
        """``inference: 추론 21× in 8 files, kept in English 40× in 5 files`` (most files first)."""
        return f"{self.entry.term}: {spread(self.uses)}"


def by_rendering(uses: Iterable[Use]) -> dict[Rendering, list[Use]]:
    """A term's uses by their rendering."""
    found: dict[Rendering, list[Use]] = defaultdict(list)
    for use in uses:
        found[(use.rendering, use.kind)].append(use)
    return dict(found)


def spread(uses: Mapping[Rendering, Sequence[Use]]) -> str:
    """``추론 21× in 8 files, kept in English 40× in 5 files``: a term's renderings, most files
    first."""

    def files(rendering: Rendering) -> int:
        return len({use.path for use in uses[rendering]})

    order = sorted(uses, key=lambda r: (-files(r), -len(uses[r]), r[0]))
    return ", ".join(f"{label(r)} {len(uses[r])}× in {plural(files(r), 'file')}" for r in order)


def _preferred(glossary: Glossary, entry: Entry) -> Rendering | None:
    if entry.advisory:
        return None
    preferred = glossary.preferred_of(entry)
    english = preferred == entry.term and preferred not in entry.ko
    return (entry.term, Kind.ENGLISH) if english else (preferred, Kind.KOREAN)


def decide(glossary: Glossary, entry: Entry, uses: Iterable[Use]) -> Decision | None:
    """The decision for one term, or None when the tree is consistent about it."""
    renderings = by_rendering(uses)
    preferred = _preferred(glossary, entry)
    strict = glossary.policy_of(entry) is Policy.PREFERRED and preferred is not None
    if len(renderings) < 2 and not (strict and preferred not in renderings):
        return None
    if preferred is not None and (strict or preferred in renderings):
        right, basis = preferred, f"the glossary prefers {label(preferred)}"
    else:
        right = max(
            renderings,
            key=lambda r: (len({u.path for u in renderings[r]}), len(renderings[r])),
        )
        files = len({u.path for u in renderings[right]})
        basis = f"most {'files' if files > 1 else 'uses'} {_write(right)}"
    return Decision(entry, right, basis, renderings)


def findings(decision: Decision) -> Iterator[tuple[Use, str, str]]:
    """(first use, message, identity) for each file and rendering other than the right one."""
    right = decision.right
    term = decision.entry.term
    others = len(decision.files(right))
    for rendering, uses in sorted(decision.uses.items(), key=lambda item: item[0][0]):
        if rendering == right:
            continue
        by_file: dict[str, list[Use]] = defaultdict(list)
        for use in uses:
            by_file[use.path].append(use)
        for path, here in sorted(by_file.items()):
            if decision.entry.advisory and len(here) < MIN_ADVISED:
                continue
            here.sort(key=lambda use: use.line)
            lines = sorted({use.line for use in here[1:]} - {here[0].line})
            more = ", ".join(map(str, lines[:MAX_LINES])) + (
                ", …" if len(lines) > MAX_LINES else ""
            )
            also = f"; also line{'s' if len(lines) > 1 else ''} {more}" if more else ""
            mixed = [u for u in decision.uses.get(right, []) if u.path == path]
            beside = f"; this file also has {label(right)} {len(mixed)}×" if mixed else ""
            elsewhere = others - (1 if mixed else 0)
            message = (
                f"{term!r} is {label(rendering)} here ({len(here)}× in this file{also}); "
                f"{decision.basis}{_others(elsewhere, bool(mixed))}{beside}. "
                f"{TREE_MARK}{decision.tree()}"
            )
            yield here[0], message, f"{term}\0{rendering[0]}\0{rendering[1].value}"


def tree_summary(found: Iterable[Finding]) -> list[str]:
    """One line per term that glossary-inconsistent reported, in term order: what each finding
    carries after TREE_MARK."""
    lines: dict[str, str] = {}
    for finding in found:
        if finding.code == CODE and TREE_MARK in finding.message:
            term = finding.identity.split("\0", 1)[0]
            lines.setdefault(term, finding.message.split(TREE_MARK, 1)[1])
    return [lines[term] for term in sorted(lines)]
