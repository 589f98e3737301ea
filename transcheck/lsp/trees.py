"""Which English and Korean trees an edited file belongs to: the folders the editor's settings
name, else the nearest folder above the file named as a locale (``ko``, ``ko-KR``, ``en``, …)
with a sibling named as the other language, the layout of most translated sites."""

from __future__ import annotations

from pathlib import Path

from transcheck.records import record

KOREAN = frozenset({"ko", "ko-kr", "ko_kr", "kr", "korean"})
ENGLISH = frozenset({"en", "en-us", "en_us", "en-gb", "english"})


@record(eq=True)
class Roots:
    """The English tree and the Korean tree checked together; ``rev``: the git revision the
    English is read from (``check --source-rev``), None for the work tree."""

    source: Path
    target: Path
    rev: str | None = None

    def holds(self, path: Path) -> bool:
        """Whether ``path`` lies in either tree."""
        return path.is_relative_to(self.source) or path.is_relative_to(self.target)


def _sibling(folder: Path, names: frozenset[str]) -> Path | None:
    """The folder next to ``folder`` whose name (any case) is one of ``names``."""
    try:
        entries = sorted(folder.parent.iterdir())
    except OSError:
        return None
    return next((e for e in entries if e.is_dir() and e.name.lower() in names), None)


def guess_roots(path: Path) -> Roots | None:
    """The trees of ``path`` by the locale folders above it; None when none is found."""
    for folder in path.parents:
        name = folder.name.lower()
        if name in KOREAN and (english := _sibling(folder, ENGLISH)) is not None:
            return Roots(english, folder)
        if name in ENGLISH and (korean := _sibling(folder, KOREAN)) is not None:
            return Roots(folder, korean)
    return None
