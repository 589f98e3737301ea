"""Real git repositories in temp folders for the tests of git-aware modes."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(root: Path, *args: str) -> str:
    """Run git in ``root`` with a fixed identity and no user config; return stdout."""
    return subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.com", *args],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"},
    ).stdout


def write(root: Path, files: dict[str, str]) -> None:
    """Write ``files`` (relative path -> text) below ``root``."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def commit(root: Path, files: dict[str, str], message: str) -> str:
    """Write ``files``, commit everything, and return the new commit id."""
    write(root, files)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


def init(root: Path) -> Path:
    """An empty repository on branch main (the folder is made when missing)."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    return root


def in_place_fork(root: Path, english: str, korean: str, upstream: str) -> None:
    """A fork on main that translated x.md and y.md of upstream's first commit in place
    (``english`` -> ``korean``); branch upstream then changed x.md to ``upstream``."""
    init(root)
    commit(root, {"x.md": english, "y.md": english}, "upstream 1")
    git(root, "branch", "upstream")
    commit(root, {"x.md": korean, "y.md": korean}, "translate in place")
    git(root, "checkout", "-q", "upstream")
    commit(root, {"x.md": upstream}, "upstream 2")
    git(root, "checkout", "-q", "main")
