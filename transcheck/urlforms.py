"""Equivalent spellings of one URL: what a Korean page may write for its English source's link.

Two URLs are the same link when they differ only by

- a locale token: a path segment (``/en/``, ``/en-US/``, ``/ko/``, ``/ko-kr/``, a site's own
  ``/ko/`` prefix), the first label of the host (``en.wikipedia.org`` ↔ ``ko.wikipedia.org``) or
  a query value (``hl=en`` ↔ ``hl=ko``, ``lang=``, ``locale=``);
- a trivial spelling: ``http`` ↔ ``https``, ``www.``, the host's case, a trailing slash (a
  bare host's too), ``x.html`` ↔ ``x``, ``x/index.html`` ↔ ``x/``, percent-encoding; and, for a
  link without a host, the Markdown source of the page: ``x.md`` ↔ ``x``, ``x/index.md`` ↔
  ``x/`` (MkDocs, VitePress and Docusaurus pages link to either);
- a Korean community edition on a ``.kr`` domain (``router.vuejs.kr`` ↔ ``router.vuejs.org``),
  the same path and query;
- the site's own absolute URL (``https://site.org/x``) ↔ the site-relative path ``/x``; when the
  site's URL is not known, any absolute URL whose path, query and fragment are those of a
  site-relative path (not the root alone): a translator who makes ``/docs/x`` absolute writes
  the site's own host, not another site with the same path.

When the host's locale label was switched (a wiki in another language), the page title is
translated too, so only the host and the path before the title (``/wiki/``) are compared.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

from transcheck.records import record

_LOCALE = re.compile(r"(?i)(?:en|ko|kr)(?:[-_][a-z]{2,4})?")
_LOCALE_PARAMS = frozenset({"hl", "lang", "language", "locale", "lc", "setlang", "uselang"})
_PAGE_SUFFIXES = (".html", ".htm")
_KR = ".kr"  # Korea's top-level domain, where Korean communities host their editions
_SOURCE_SUFFIXES = (".md", ".mdx", ".markdown")  # a page's Markdown file, linked without a host


@record(slots=True, eq=True)
class UrlForm:
    """A URL reduced to what identifies the page it reaches."""

    scheme: str  # "web" for http(s) and site-relative paths, else the scheme (mailto, ftp…)
    host: str  # lowercased, no ``www.``, no locale label; "" for a site-relative URL
    path: str  # no locale segments, no trailing slash, no ``.html``
    query: tuple[tuple[str, str], ...]  # locale parameters left out
    fragment: str  # percent-decoded
    host_locale: str  # the locale label the host carried ("" for none)


def is_locale(token: str) -> bool:
    """Whether a path segment or host label is a locale: ``en``, ``en-US``, ``ko_KR``."""
    return _LOCALE.fullmatch(token) is not None


def _host(netloc: str) -> tuple[str, str]:
    host = netloc.rsplit("@", 1)[-1].split(":", 1)[0].lower().removeprefix("www.")
    first, _, rest = host.partition(".")
    if rest and "." in rest and is_locale(first):
        return rest, first.split("-")[0].split("_")[0]
    return host, ""


def _path(path: str, suffixes: tuple[str, ...] = _PAGE_SUFFIXES) -> str:
    segments = [s for s in unquote(path).split("/") if not is_locale(s)]
    joined = "/".join(segments)
    if path.startswith("/") and not joined.startswith("/"):
        joined = "/" + joined
    if joined and not joined.startswith("/"):
        joined = posixpath.normpath(joined)
    for suffix in suffixes:
        if joined.endswith(suffix):
            joined = joined[: -len(suffix)]
            if joined.endswith("/index") or joined == "index":
                joined = joined[: -len("index")]
    return joined.rstrip("/") or ("/" if path.startswith("/") else "")


@lru_cache(maxsize=8192)
def split_url(url: str) -> SplitResult:
    """``urlsplit``, remembered for as many URLs as their forms are: the link index resolving a
    URL splits it again after ``url_form`` did (urllib's own cache keeps the last 128)."""
    return urlsplit(url)


def url_form(url: str, site_url: str = "") -> UrlForm:
    """The form of ``url``; with ``site_url``, an absolute URL of that site becomes the same
    site-relative path a page of the site would write. Worked out once per URL: the link
    matching of a section compares each link with several of the other side."""
    return _url_form(url, site_url)  # one cache key however the caller passes the site


@lru_cache(maxsize=8192)
def _url_form(url: str, site_url: str) -> UrlForm:
    """``url_form`` worked out."""
    parts = split_url(url.strip())
    scheme = parts.scheme.lower()
    if scheme and scheme not in ("http", "https"):
        return UrlForm(scheme, "", unquote(url.strip()), (), "", "")
    host, locale = _host(parts.netloc) if parts.netloc else ("", "")
    path = parts.path or ("/" if host else "")  # ``https://site.dev`` is ``https://site.dev/``
    if site_url and host:
        site = urlsplit(site_url)
        site_host, _ = _host(site.netloc)
        base = site.path.rstrip("/")
        if host == site_host and (path == base or path.startswith(base + "/")):
            host, locale, path = "", "", path[len(base) :] or "/"
    query = tuple(
        sorted(
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not (key.lower() in _LOCALE_PARAMS and is_locale(value))
        )
    )
    suffixes = _PAGE_SUFFIXES if host else _PAGE_SUFFIXES + _SOURCE_SUFFIXES
    return UrlForm("web", host, _path(path, suffixes), query, unquote(parts.fragment), locale)


@lru_cache(maxsize=4096)
def link_key(url: str) -> str:
    """One string per link up to locale tokens and trivial spellings, for aligning blocks by
    the links they share (``/en-US/docs/x`` and ``/ko/docs/x`` have one key)."""
    form = url_form(url)
    if form.scheme != "web":
        return url.strip()
    query = "&".join(f"{key}={value}" for key, value in form.query)
    return (
        f"{form.host}{form.path}{'?' + query if query else ''}"
        f"{'#' + form.fragment if form.fragment else ''}"
    )


def same_link(english: str, korean: str, site_url: str = "") -> bool:
    """Whether two URLs reach the same resource, up to locale tokens and trivial spellings."""
    en, ko = url_form(english, site_url), url_form(korean, site_url)
    if en == ko:
        return True
    if not site_url and _made_absolute(en, ko):
        return True
    if en.host_locale != ko.host_locale and en.host and en.host == ko.host:
        # another language edition of the same site: the title is translated, compare the rest
        return posixpath.dirname(en.path) == posixpath.dirname(ko.path) and en.query == ko.query
    return _korean_edition(en, ko)


def _korean_edition(en: UrlForm, ko: UrlForm) -> bool:
    """Whether the Korean URL is the Korean community edition of the English project's site on
    a ``.kr`` domain (``router.vuejs.kr`` for ``router.vuejs.org``): the same host but for its
    last label, a project's subdomain (three labels or more: ``nodejs.kr`` or ``github.kr`` for
    a whole site may be anyone's), the same path and query; the fragment may name a translated
    heading."""
    if not (ko.host.endswith(_KR) and en.host and not en.host.endswith(_KR)):
        return False
    site, _, _ = ko.host.rpartition(".")
    same_site = site.count(".") >= 1 and site == en.host.rpartition(".")[0]
    return same_site and (en.path, en.query) == (ko.path, ko.query)


def _made_absolute(en: UrlForm, ko: UrlForm) -> bool:
    """Whether one side is a site-relative path (beyond ``/``) and the other the same path,
    query and fragment on some host: the link was made absolute (or relative). A page-relative
    path that climbs out of its folder (``../``) and keeps two segments or more counts as the
    end of the absolute one (the Rust book's ``../std/collections/index.html``, which the
    Korean book writes on doc.rust-lang.org)."""
    relative, absolute = (en, ko) if not en.host else (ko, en)
    if (
        relative.host
        or not absolute.host
        or not relative.scheme == absolute.scheme == "web"
        or (relative.query, relative.fragment) != (absolute.query, absolute.fragment)
    ):
        return False
    if relative.path.startswith("/"):
        return relative.path != "/" and relative.path == absolute.path
    if not relative.path.startswith("../"):
        return False  # relative to the page: where it leads depends on the page's address
    inner = posixpath.normpath(relative.path).lstrip("./")
    return inner.count("/") >= 1 and absolute.path.endswith("/" + inner)


def path_locale(url: str) -> str:
    """The locale segment of a site-relative URL's path (``ko`` in ``/ko/docs/x``), or ""."""
    if urlsplit(url).netloc or not url.startswith("/"):
        return ""
    return next((s for s in url.split("/")[1:3] if is_locale(s)), "")


def in_locale(url: str, locale: str) -> str:
    """``url`` with its path locale segment written as ``locale`` (``/en-US/docs/x`` with
    ``ko`` is ``/ko/docs/x``); other URLs as they are."""
    found = path_locale(url)
    if not found or not locale:
        return url
    return url.replace(f"/{found}/", f"/{locale}/", 1)
