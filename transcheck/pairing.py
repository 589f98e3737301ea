"""Which Korean file translates which English file: a file pair, or two trees walked together.

Trees pair by relative path unless config gives templates such as ``{stem}.md`` ->
``{stem}-kr.md`` (a template with no ``/`` applies to file names in every folder) or
``docs/{path}`` -> ``ko/docs/{path}``. The English side may also be read from a git revision
(``pair_revision``), as in-place translations need: their English lives in the upstream commit.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
import re
from pathlib import Path

from transcheck import gitrepo
from transcheck.config import Config, PairPattern
from transcheck.hangul import HANGUL
from transcheck.parse.source import InputError, broken_symlink, read_limited
from transcheck.records import record

DEFAULT_PATTERN = PairPattern("{path}", "{path}")


class PairingError(Exception):
    """The paths given cannot be paired (a usage error, exit code 2)."""


@record
class GitSource:
    """Where a tree read from git comes from: the revision as given, the repository, and the
    tree's folder relative to the repository root (files are exported to a scratch folder)."""

    rev: str
    repo: Path
    folder: str

    def display(self, rel: str) -> str:
        """``REV:path`` with the path relative to the repository root, as ``git show`` takes."""
        return f"{self.rev}:{posixpath.join(self.folder, rel) if rel else self.folder or '.'}"


@record
class Tree:
    """One side's root and the Markdown files under it, as POSIX paths relative to the root."""

    root: Path
    files: tuple[str, ...]
    git: GitSource | None = None  # set when the files were read from a git revision
    # (working directory, rel) -> display: a run shows each file's path several times per pair
    # (parsing, context, guard, report), and each display_path is a few pathlib operations
    _shown: dict[tuple[str, str], str] = dataclasses.field(
        default_factory=dict, init=False, repr=False
    )

    def display(self, rel: str) -> str:
        """The path to show for a file of this tree: relative to cwd when below it, or
        ``REV:path`` for a tree read from git."""
        if self.git is not None:
            return self.git.display(rel)
        key = (os.getcwd(), rel)
        shown = self._shown.get(key)
        if shown is None:
            path = self.root / rel if rel else self.root
            shown = self._shown[key] = display_path(path)
        return shown


@record(eq=True)
class FilePair:
    """An English file and its Korean file; one side is None when the other has no counterpart."""

    source: str | None  # relative to the source tree root
    target: str | None  # relative to the target tree root


@record
class Pairing:
    """The result of pairing two paths: both trees and the pairs, in a stable order."""

    source: Tree
    target: Tree
    pairs: tuple[FilePair, ...]


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it is below it, else as absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def _unreadable_folder(error: OSError) -> None:
    """A folder of a tree that cannot be listed stops the run: skipping it would report its
    chapters as untranslated."""
    where = display_path(Path(error.filename)) if error.filename else "a folder"
    raise PairingError(f"{where}: cannot read this folder: {error.strerror or error}")


def walk_markdown(root: Path, extensions: tuple[str, ...]) -> tuple[str, ...]:
    """Markdown files under ``root`` (hidden folders skipped, links to folders not followed);
    a PairingError for a folder that cannot be listed."""
    found: list[str] = []
    for folder, dirs, files in os.walk(root, onerror=_unreadable_folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
        base = Path(folder).relative_to(root)
        for name in sorted(files):
            if name.endswith(extensions) and not name.startswith("."):
                found.append((base / name).as_posix())
    return tuple(sorted(found))


def _template_regex(template: str) -> re.Pattern[str]:
    """A regex for a template; ``{path}`` spans folders, ``{dir}`` is a folder prefix."""
    parts = re.split(r"(\{path\}|\{dir\}|\{stem\})", template)
    groups = {
        "{path}": r"(?P<path>.+)",
        "{dir}": r"(?P<dir>(?:[^/]+/)*)",
        "{stem}": r"(?P<stem>[^/]+?)",
    }
    body = "".join(groups.get(part, re.escape(part)) for part in parts)
    if "/" not in template:
        body = r"(?P<_folder>(?:[^/]+/)*)" + body
    return re.compile(body + r"\Z", re.DOTALL)  # a file name may hold a newline


def _apply(pattern: PairPattern, rel: str, forward: bool) -> str | None:
    """Map a path through one template, English to Korean when ``forward``, else back."""
    src, dst = (pattern.source, pattern.target) if forward else (pattern.target, pattern.source)
    match = _template_regex(src).match(rel)
    if match is None:
        return None
    values = match.groupdict()
    result = dst
    for name in ("path", "dir", "stem"):
        if values.get(name) is not None:
            result = result.replace(f"{{{name}}}", values[name])
    return (values.get("_folder") or "") + result


def pair_trees(
    source_root: Path,
    target_root: Path,
    patterns: tuple[PairPattern, ...],
    extensions: tuple[str, ...],
) -> Pairing:
    """Pair the Markdown files of two trees (which may be the same folder) by the templates.

    A file that a target template matches is Korean, even in a shared folder; an English file
    without its Korean file pairs with None, and so does a Korean file without its source.
    """
    patterns = patterns or (DEFAULT_PATTERN,)
    source_files = walk_markdown(source_root, extensions)
    same_root = source_root.resolve() == target_root.resolve()
    if same_root and patterns == (DEFAULT_PATTERN,):
        raise PairingError(
            f"{display_path(source_root)} is given as both sides; configure pairing templates "
            "(such as {stem}.md -> {stem}-kr.md) to pair files within one folder"
        )
    target_files = source_files if same_root else walk_markdown(target_root, extensions)
    if not same_root:
        source_files = _without_translations(source_files, source_root, target_root)
    is_target = {
        rel for rel in target_files if any(_apply(p, rel, False) is not None for p in patterns)
    }
    claimed: set[str] = set()
    pairs: list[FilePair] = []
    for rel in source_files:
        if same_root and rel in is_target:
            continue
        mapped = next((m for p in patterns if (m := _apply(p, rel, True)) is not None), None)
        if mapped is None:
            continue
        if mapped in is_target:
            claimed.add(mapped)
            pairs.append(FilePair(rel, mapped))
        else:
            pairs.append(FilePair(rel, None))
    pairs.extend(FilePair(None, rel) for rel in sorted(is_target - claimed))
    return Pairing(Tree(source_root, source_files), Tree(target_root, target_files), tuple(pairs))


# A folder named for a language: ja, zh, zh-cn, pt-BR, zh_Hant (an ISO 639 code, a region or
# script after it)
_LOCALE = re.compile(r"[a-z]{2,3}(?:[-_](?:[A-Za-z]{2}|[A-Z][a-z]{3}|\d{3}))?")


def _without_translations(
    source_files: tuple[str, ...], source_root: Path, target_root: Path
) -> tuple[str, ...]:
    """The English files without the translations a site keeps inside its English folder
    (VitePress' and MkDocs' ``docs/ko/guide/x.md`` beside ``docs/guide/x.md``): the Korean
    folder, and the folders beside it named for a language whose files mirror English ones
    (``docs/ja/guide/x.md``); a folder of content named like a language (``ml/``) holds no
    such mirror and stays."""
    try:
        inside = target_root.resolve().relative_to(source_root.resolve()).as_posix()
    except ValueError:
        return source_files  # two separate trees: the usual layout
    parent, _, korean = inside.rpartition("/")
    prefix = f"{parent}/" if parent else ""

    def folder(rel: str) -> tuple[str, str]:
        """The folder beside the Korean one that holds ``rel``, and its path inside it."""
        if not rel.startswith(prefix):
            return "", ""
        head, _, tail = rel[len(prefix) :].partition("/")
        return (head, tail) if tail and (head == korean or _LOCALE.fullmatch(head)) else ("", "")

    held: dict[str, list[str]] = {}
    rest = set()
    for rel in source_files:
        head, tail = folder(rel)
        if head:
            held.setdefault(head, []).append(prefix + tail)
        else:
            rest.add(rel)
    left_out = {
        head
        for head, mirrored in held.items()
        if head == korean or 2 * sum(rel in rest for rel in mirrored) >= len(mirrored)
    }
    return tuple(rel for rel in source_files if folder(rel)[0] not in left_out)


def _kind(path: Path) -> str:
    """'a folder' or 'a file', for messages."""
    return "a folder" if path.is_dir() else "a file"


def pair_paths(
    source: Path, target: Path, patterns: tuple[PairPattern, ...], extensions: tuple[str, ...]
) -> Pairing:
    """Pair two files, or two folders; anything else is a PairingError naming the path."""
    for path in (source, target):
        if path.is_symlink() and not path.exists():
            raise PairingError(f"{display_path(path)}: {broken_symlink(path)}")
        if not path.exists():
            raise PairingError(f"{display_path(path)}: no such file or folder")
    if source.is_dir() != target.is_dir():
        raise PairingError(
            f"give two files or two folders: {display_path(source)} is {_kind(source)}, "
            f"{display_path(target)} is {_kind(target)}"
        )
    if not source.is_dir():
        return Pairing(
            Tree(source.parent, (source.name,)),
            Tree(target.parent, (target.name,)),
            (FilePair(source.name, target.name),),
        )
    return _checked(pair_trees(source, target, patterns, extensions), extensions)


def _checked(pairing: Pairing, extensions: tuple[str, ...]) -> Pairing:
    """``pairing`` if both trees hold Markdown files and at least one English file has its
    Korean file, else a PairingError."""
    for tree in (pairing.source, pairing.target):
        if not tree.files:
            raise PairingError(
                f"{tree.display('')}: no Markdown files ({', '.join(extensions)}) in this folder"
            )
    if not pairing.pairs:
        raise PairingError(
            f"no file of {pairing.source.display('')} matches a pairing template source"
        )
    if not any(pair.source is not None and pair.target is not None for pair in pairing.pairs):
        raise PairingError(
            f"no file of {pairing.source.display('')} has a Korean file in "
            f"{pairing.target.display('')} (such as {pairing.source.files[0]} and "
            f"{pairing.target.files[0]}): files pair by their path inside each folder; check "
            "the folders, or configure `pairing:` templates for another layout"
        )
    return pairing


SAMPLE_PAIRS, SAMPLE_CHARS = 8, 50_000
_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script
# Hangul here is syllables and compatibility jamo (ㄱ-ㆎ): the letters HANGUL finds but the
# conjoining jamo and the two unassigned code points closing the compatibility block, counted
# apart rather than with a class of their own (see transcheck.hangul).
_NOT_COUNTED = re.compile("[\u1100-\u11ff\u3130\u318f]")


_HANGUL_FLOOR = 0.02  # a Korean side with less Hangul among its letters may be the English


def _hangul(text: str) -> int:
    """How many Hangul syllables and compatibility jamo ``text`` holds."""
    return len(HANGUL.findall(text)) - len(_NOT_COUNTED.findall(text))


def _hangul_share(text: str) -> float:
    """The share of Hangul among the letters of ``text`` (0 without letters)."""
    letters = len(_LETTER.findall(text))
    return _hangul(text) / letters if letters else 0.0


def _hangul_floor(text: str) -> float:
    """The share of Hangul among all characters of ``text``: never more than _hangul_share."""
    return _hangul(text) / len(text) if text else 0.0


def _sample(tree: Tree, names: list[str], limit: int) -> str:
    """The start of some files of a tree (a file that cannot be read is left out here; the
    check reports it)."""
    texts = []
    for rel in names:
        try:
            data = read_limited(tree.root / rel, tree.display(rel), tree.root, limit)
        except InputError:
            continue
        texts.append(data[:SAMPLE_CHARS].decode("utf-8", "replace"))
    return "".join(texts)


def check_direction(pairing: Pairing, limit: int = 0) -> None:
    """A PairingError when the arguments look swapped: the English side is largely Hangul and
    the Korean side has next to none (judged on a few paired files, read under the limit)."""
    both = [pair for pair in pairing.pairs if pair.source and pair.target][:SAMPLE_PAIRS]
    korean_text = _sample(pairing.target, [p.target or "" for p in both], limit)
    # The usual case, told without counting letters nor reading the English side: letters
    # are at most every character, so Hangul's share of the characters is a floor of its share
    # of the letters.
    if _hangul_floor(korean_text) >= _HANGUL_FLOOR:
        return
    korean = _hangul_share(korean_text)
    if korean >= _HANGUL_FLOOR:
        return
    english = _hangul_share(_sample(pairing.source, [p.source or "" for p in both], limit))
    if english >= 0.15:
        raise PairingError(
            f"the arguments look swapped: the English side {pairing.source.display('')} is "
            f"{english:.0%} Hangul and the Korean side {pairing.target.display('')} "
            f"{korean:.0%}; give the English source first: `transcheck check EN KO`"
        )


def repo_folder(repo: Path, path: Path) -> str:
    """``path`` (which need not exist) relative to the repository root, POSIX style; '' for the
    root itself; a PairingError when it lies outside the repository."""
    absolute = Path(os.path.abspath(path)).resolve()
    try:
        rel = absolute.relative_to(repo.resolve()).as_posix()
    except ValueError:
        raise PairingError(f"{display_path(path)} is outside the git repository {repo}") from None
    return "" if rel == "." else rel


def pair_revision(
    rev: str,
    source: Path,
    target: Path,
    patterns: tuple[PairPattern, ...],
    extensions: tuple[str, ...],
    scratch: Path,
) -> Pairing:
    """Pair the English ``source`` as it is at git revision ``rev`` with the Korean ``target``
    of the work tree. ``source`` may be the same folder as ``target`` (an in-place translation
    whose English is the upstream commit). The English files are exported below ``scratch``."""
    if not target.exists():
        raise PairingError(f"{display_path(target)}: no such file or folder")
    try:
        repo = gitrepo.repo_root(target)
        commit = gitrepo.resolve(repo, rev)
    except gitrepo.GitError as error:
        raise PairingError(f"--source-rev {rev}: {error}") from None
    folder = repo_folder(repo, source)
    kind = gitrepo.object_type(repo, commit, folder)
    if kind not in ("tree", "blob"):
        raise PairingError(f"{rev}:{folder}: no such file or folder at this revision")
    if (kind == "tree") != target.is_dir():
        raise PairingError(
            f"give two files or two folders: {rev}:{folder} is "
            f"{'a folder' if kind == 'tree' else 'a file'}, {display_path(target)} is "
            f"{_kind(target)}"
        )
    suffixes = extensions if kind == "tree" else (posixpath.basename(folder),)
    gitrepo.export(repo, commit, folder, scratch, suffixes)
    exported = scratch.joinpath(*folder.split("/")) if folder else scratch
    if kind == "blob":
        parent = posixpath.dirname(folder)
        return Pairing(
            Tree(exported.parent, (exported.name,), GitSource(rev, repo, parent)),
            Tree(target.parent, (target.name,)),
            (FilePair(exported.name, target.name),),
        )
    exported.mkdir(parents=True, exist_ok=True)
    pairing = pair_trees(exported, target, patterns, extensions)
    english = dataclasses.replace(pairing.source, git=GitSource(rev, repo, folder))
    return _checked(dataclasses.replace(pairing, source=english), extensions)


def pair_sides(
    source: Path, target: Path, config: Config, source_rev: str | None, scratch: Path
) -> Pairing:
    """Pair from the work tree, or with the English side at ``source_rev`` (see pair_revision);
    a PairingError when the two sides look swapped."""
    if source_rev is None:
        pairing = pair_paths(source, target, config.pairing, config.extensions)
    else:
        pairing = pair_revision(
            source_rev, source, target, config.pairing, config.extensions, scratch
        )
    check_direction(pairing, int(config.option("limits", "file_bytes")))
    return pairing
