"""Where a link in a document leads, within one tree of documents (one language side).

Static sites serve ``chapter.md`` at ``chapter/``, so ``../other`` written in ``chapter.md`` means
the sibling file ``other.md``; plain relative file links work too. A link resolves when either
reading finds a document of the tree (``x``, ``x.md``, ``x/index.md``, Hugo's ``x/_index.md``,
``x.html`` -> ``x.md``) or a route its front matter gives (``permalink``, ``slug``, ``url``,
``aliases``). Links to other sites and to assets (images, PDFs) are not judged.

Site routing: a site-absolute path (``/guide/x``) is read under the URL ``roots`` the tree is
served at (``/`` unless configured; a path under no root leaves the tree), after a leading locale
segment (``/ko/guide/x``); one into a first folder the tree lacks leads to a part of the site
that was not checked, unless the roots are not configured and the path without its first folder
reaches a page of the tree: a tree served under one folder (a Hugo site's ``content/ko/docs``
checked alone, its pages at ``/ko/docs/…``), so ``/docs/tasks/`` is ``tasks/_index.md`` with no
config (a path that reaches no page that way is still not judged). An absolute URL of the site
itself (``site_url``) is its path; a path matching a configured route glob (``/api/*``) is a
page the site generates.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterator, Mapping, Sequence
from enum import StrEnum
from fnmatch import fnmatchcase
from pathlib import Path
from urllib.parse import unquote, urlsplit

from transcheck.lazy import compiled
from transcheck.model import Document
from transcheck.records import record
from transcheck.urlforms import is_locale, split_url

PAGE_SUFFIXES = ("", ".md", ".markdown", ".mdx", ".html", ".htm")
_DOC_SUFFIXES = (".md", ".markdown", ".mdx")
PERMALINK_WINDOW = 8192  # bytes of a file's start where its front matter names a permalink
# A route key at a line's start (after spaces): the first line, or after a newline. A search
# for the newline runs at C speed where a multi-line ``^`` was tried at every byte (4x faster).
_ROUTE_KEY = rb"\s*(?:permalink|slug|url|aliases)\s*[:=]"
_FIRST_ROUTE_KEY = compiled(_ROUTE_KEY)
_LATER_ROUTE_KEY = compiled(rb"\n" + _ROUTE_KEY)


class Status(StrEnum):
    """The outcome of resolving one link."""

    EXTERNAL = "external"  # another site, mailto:, …
    FRAGMENT = "fragment"  # ``#id`` in the same page
    ASSET = "asset"  # an image, a PDF: not a page
    OUTSIDE = "outside"  # leaves the tree; cannot be judged
    FOUND = "found"
    ROUTE = "route"  # a page the site generates (config ``links.routes``): not a file
    MISSING = "missing"


@record(slots=True)
class Resolution:
    """The outcome and, when found, the target file relative to the tree root."""

    status: Status
    target: str | None = None


def normalize_fragment(fragment: str) -> str:
    """Percent-decoded fragment, so ``#%EB%B6%80%EB%A1%9D`` equals ``#부록``."""
    return unquote(fragment)


class LinkIndex:
    """Resolves links of the documents of one tree and gives the documents they point to.

    With ``root`` None (text checked in memory) links to other pages are not judged.
    """

    def __init__(
        self,
        root: Path | None,
        documents: Mapping[str, Document],
        load: Callable[[str], Document | None],
        files: Sequence[str] = (),
        routes: Sequence[str] = (),
        roots: Sequence[str] = ("/",),
        site_url: str = "",
    ) -> None:
        """``files`` lists every Markdown file of the tree (read lazily through ``load``);
        without it, the tree is the documents given. ``routes``, ``roots`` and ``site_url``
        describe the site's routing (see the module docstring)."""
        self.root = root
        self.routes = tuple(routes)
        self.roots = tuple(sorted(roots, key=len, reverse=True))
        self.infer_root = self.roots == ("/",)  # roots not configured: see the module docstring
        self.site = urlsplit(site_url) if site_url else None
        self._documents = dict(documents)
        self._load = load
        self._files = tuple(files) or tuple(self._documents)
        self._permalinks: dict[str, str] | None = None
        # What the disk and the resolution of a link said once: the tree does not change during
        # a run, and the rules of every pair ask about the same files and links again.
        self._on_disk: dict[str, bool] = {}
        self._folders: dict[str, bool] = {}  # whether a first folder of a path is on disk
        # A URL that is no relative path (another site, a site path, a fragment) means the
        # same in every page: resolved once by the URL alone.
        self._anywhere: dict[str, Resolution] = {}
        self._resolved: dict[tuple[str, str], Resolution] = {}  # a relative path, by page
        # The same, by what a resolution depends on (see _page_part): every page of a folder
        # resolving ``../api`` shares one resolution.
        self._shared: dict[tuple[str, str, str], Resolution] = {}

    def document(self, rel: str) -> Document | None:
        """The document at ``rel``: one given, else what ``load`` gives (which keeps what it
        parsed as long as it sees fit)."""
        given = self._documents.get(rel)
        return given if given is not None else self._load(rel)

    def has(self, rel: str) -> bool:
        """Whether the tree holds a document at ``rel`` (read or not), a relative path as
        resolving makes them (normalized, no trailing slash)."""
        if rel in self._documents:
            return True
        if self.root is None:
            return False
        found = self._on_disk.get(rel)
        if found is None:
            # the joined string, not a Path: the system reads a normalized path as pathlib
            # would, without a Path built for each file asked about
            found = self._on_disk[rel] = os.path.isfile(os.path.join(self.root, rel))
        return found

    def known(self) -> tuple[str, ...]:
        """Every Markdown file of the tree, read or not."""
        return self._files

    def _permalink_map(self) -> dict[str, str]:
        """Permalink -> file over every document of the tree; read on the first absolute link,
        so a run (or a worker process) without one never reads files it does not check."""
        if self._permalinks is None:
            self._permalinks = {}
            for rel in self._files:
                if rel not in self._documents and not self._may_have_permalink(rel):
                    continue
                document = self.document(rel)
                for route in document.routes if document is not None else ():
                    self._permalinks.setdefault(_page_key(route), rel)
        return self._permalinks

    def _may_have_permalink(self, rel: str) -> bool:
        """Whether the file's start may give a route (``permalink``, ``slug``, ``url``,
        ``aliases``): a file that does not is not parsed just to learn that it has none (a site
        of hundreds of pages has few or none)."""
        if self.root is None:
            return True
        try:
            with (self.root / rel).open("rb") as handle:
                start = handle.read(PERMALINK_WINDOW)
            return has_route_key(start)
        except OSError:
            return True  # let the load report it

    def _existing(self, joined: str) -> str | None:
        """The first file of the tree a path may name (see ``_candidates``), or None."""
        for candidate in _candidates(joined):
            if self.has(candidate):
                return candidate
        return None

    def _own_path(self, url: str) -> str | None:
        """The path of a URL of this site (site-relative, or absolute on ``site_url``)."""
        parts = split_url(url)  # split once with url_form's (the block alignment's keys)
        if not (parts.scheme or parts.netloc):
            return unquote(parts.path)
        site = self.site
        if site is None or parts.scheme not in ("http", "https"):
            return None
        host = parts.netloc.lower().removeprefix("www.")
        base = site.path.rstrip("/")
        if host != site.netloc.lower().removeprefix("www.") or not parts.path.startswith(base):
            return None
        return unquote(parts.path[len(base) :]) or "/"

    def _under_roots(self, path: str) -> list[str]:
        """A site-absolute path relative to the tree root, read under each root that holds it
        (with and without a leading locale segment); empty when it is under no root."""
        first, _, rest = path.lstrip("/").partition("/")
        candidates = [path, "/" + rest] if is_locale(first) else [path]
        return [
            candidate[len(root) :]
            for candidate in candidates
            for root in self.roots
            if (candidate.rstrip("/") + "/").startswith(root)
        ]

    def resolve(self, from_rel: str, url: str) -> Resolution:
        """Resolve ``url`` written in the document at ``from_rel`` (once per run, and once for
        every page it means the same in)."""
        resolution = self._anywhere.get(url)
        if resolution is None:
            resolution = self._resolved.get((from_rel, url))
        if resolution is None:
            own = self._own_path(url)
            if not own or own.startswith("/"):
                resolution = self._anywhere[url] = self._resolve(own, ("", ""))
                return resolution
            part = _page_part(from_rel, own)
            key = (*part, url)
            resolution = self._shared.get(key)
            if resolution is None:
                resolution = self._shared[key] = self._resolve(own, part)
            self._resolved[from_rel, url] = resolution
        return resolution

    def _resolve(self, own: str | None, part: tuple[str, str]) -> Resolution:
        """``resolve``, worked out from what its cache key holds (``own`` is the URL's path on
        this site, ``part`` the folder and page name it is resolved from)."""
        if own is None:
            return Resolution(Status.EXTERNAL)
        path = own
        if not path:
            return Resolution(Status.FRAGMENT)
        if posixpath.splitext(path.rstrip("/"))[1].lower() not in PAGE_SUFFIXES:
            return Resolution(Status.ASSET)
        if self.root is None:
            return Resolution(Status.OUTSIDE)  # no tree on disk: other pages cannot be judged
        resolved = self._resolve_path(path, part)
        if resolved.status is Status.MISSING and self._is_route(part[0], path):
            return Resolution(Status.ROUTE)
        return resolved

    def _is_route(self, folder: str, path: str) -> bool:
        """Whether a path that reaches no file is a route the site generates (``links.routes``);
        a relative path is read from the linking page's ``folder``."""
        if not path.startswith("/"):
            path = "/" + posixpath.normpath(posixpath.join(folder, path))
        return any(fnmatchcase(path.rstrip("/") or "/", glob.rstrip("/")) for glob in self.routes)

    def _reaches_in(self, inner: str) -> bool:
        """Whether a path from the tree root starts inside the tree: a page at the root, or a
        path whose first folder is a folder or page of the tree. A site-absolute link into a
        folder the tree lacks leads to a part of the site that was not checked (one chapter
        folder checked alone)."""
        first, _, rest = inner.strip("/").partition("/")
        if not rest or self.root is None:
            return True  # a page at the root: judged
        folder = self._folders.get(first)
        if folder is None:
            folder = self._folders[first] = (self.root / first).is_dir()
        return folder or self._existing(first) is not None

    def _resolve_path(self, path: str, part: tuple[str, str]) -> Resolution:
        if path.startswith("/"):
            by_permalink = self._permalink_map().get(_page_key(path))
            if by_permalink:
                return Resolution(Status.FOUND, by_permalink)
            joins = [("", inner) for inner in self._under_roots(path) if self._reaches_in(inner)]
        else:
            folder, stem = part
            bases = [folder, f"{folder}/{stem}"] if stem else [folder]
            joins = [(base.lstrip("/"), path) for base in bases]
        inside = False
        file_style = _file_style(path)
        for base, relative in joins:
            joined = posixpath.normpath(posixpath.join(base, relative.lstrip("/")))
            if joined == ".." or joined.startswith("../"):
                continue
            if file_style and not self._reaches_in(joined):
                continue  # a file in a folder the tree lacks: the site's other part (../std/)
            inside = True
            found = self._existing("" if joined == "." else joined.rstrip("/"))
            if found:
                return Resolution(Status.FOUND, found)
        if not inside and path.startswith("/") and self.infer_root:
            found = self._under_folder(path)
            if found:
                return Resolution(Status.FOUND, found)
        return Resolution(Status.MISSING if inside else Status.OUTSIDE)

    def _under_folder(self, path: str) -> str | None:
        """The page a site path reaches when the tree is served under one folder: the path
        (after a locale segment) without its first folder, when that reaches into the tree and
        finds a page (``/docs/tasks/x`` -> ``tasks/x.md``)."""
        segments = [s for s in path.split("/") if s]
        if segments and is_locale(segments[0]):
            segments = segments[1:]
        inner = posixpath.normpath("/".join(segments[1:])) if len(segments) > 1 else ""
        if not inner or inner.startswith("..") or not self._reaches_in(inner):
            return None
        return self._existing(inner)


def _candidates(joined: str) -> Iterator[str]:
    """The files a path may name, in the order they are tried: itself, an ``.html`` page's
    Markdown source, the path with a Markdown suffix, its folder's index (Hugo's ``_index``
    too) or README. Made one at a time: most paths are found among the first few."""
    yield joined
    stem, suffix = posixpath.splitext(joined)
    if suffix in (".html", ".htm"):
        yield from (stem + s for s in _DOC_SUFFIXES)
    yield from (joined + s for s in _DOC_SUFFIXES)
    folder = posixpath.join(joined, "")  # "x/" (joined as posixpath.join would), "" for ""
    yield from (f"{folder}index{s}" for s in _DOC_SUFFIXES)
    yield from (f"{folder}_index{s}" for s in _DOC_SUFFIXES)  # Hugo
    yield f"{folder}README.md"


def has_route_key(start: bytes) -> bool:
    """Whether a line of ``start`` begins (after spaces) with a route key and ``:`` or ``=``."""
    return (
        _FIRST_ROUTE_KEY().match(start) is not None or _LATER_ROUTE_KEY().search(start) is not None
    )


def _page_part(from_rel: str, own: str) -> tuple[str, str]:
    """What of the page a relative path is written in its resolution depends on: the page's
    folder, and its name unless it is the folder's index (``_resolve_path`` reads a relative
    path from those alone)."""
    stem = posixpath.splitext(posixpath.basename(from_rel))[0]
    if _file_style(own):
        stem = ""  # a link to x.html: the site serves pages as files, read from the folder
    return posixpath.dirname(from_rel), "" if stem.lower() in ("index", "readme") else stem


def _file_style(path: str) -> bool:
    """Whether a URL path names a page as a file (``ch14-02-x.html``, mdBook's and Sphinx's
    links), not as a folder (``../x/``), so it is read from the linking page's folder."""
    return path.split("#", 1)[0].lower().endswith((".html", ".htm"))


def _page_key(url_path: str) -> str:
    """A URL path reduced for permalink comparison: no slashes at the ends, no ``.html``."""
    key = url_path.strip("/")
    for suffix in (".html", ".htm"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return key
