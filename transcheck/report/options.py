"""What a format may need besides the report: color, the repository root, where English read
from a git revision comes from, a base URL for links, and where the full report is."""

from __future__ import annotations

import os
from pathlib import Path

from transcheck.records import record


@record
class RenderOptions:
    """Presentation settings shared by all formats (formats compute no findings)."""

    color: bool = False
    repo_root: Path | None = None  # SARIF, GitHub, rdjson and Markdown paths are relative to it
    source_rev: str | None = None  # English paths shown as ``REV:path`` come from this revision
    link_base: str | None = None  # markdown: URL prefix that turns "ko/x.md:14" into a link
    full_report: str | None = None  # github: where the complete report is (files or a URL)

    def revision_of(self, path: str) -> str | None:
        """The revision a displayed path was read from (``REV:path``), None for work-tree files."""
        if self.source_rev is not None and path.startswith(f"{self.source_rev}:"):
            return self.source_rev
        return None

    def repo_path(self, path: str) -> str:
        """``path`` relative to the repository root, POSIX style (``REV:path`` loses its
        revision; a path outside the root stays absolute). Baselines key findings by it too."""
        revision = self.revision_of(path)
        if revision is not None:
            return path[len(revision) + 1 :]
        if self.repo_root is None:
            return path
        # realpath, not Path.resolve(): a symlink loop (reported as unreadable) stays as written
        # instead of raising RuntimeError here, after every pair was checked
        absolute = Path(os.path.realpath(path))
        try:
            return absolute.relative_to(self.repo_root.resolve()).as_posix()
        except ValueError:
            return absolute.as_posix()


PLAIN = RenderOptions()  # no color, paths as shown, no links: the default of every format
