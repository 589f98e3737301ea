"""The site's own URL, read from the site generator's config beside the checked tree.

An absolute link to the site itself (``https://vuejs.org/guide/x``) is the same link as the
site-relative ``/guide/x`` (see ``urlforms``). When the config does not name the site
(``links.site_url``), it is read from the first generator config found in the tree's folder or
the three above it (a Hugo site's ``content/ko/docs`` is three below its ``hugo.toml``): Jekyll
``_config.yml`` (``url`` + ``baseurl``), Hugo ``hugo.toml`` / ``config.toml`` / ``hugo.yaml`` /
``config.yaml`` (``baseURL``), Docusaurus ``docusaurus.config.js``/``.ts`` (``url`` +
``baseUrl``), VitePress ``.vitepress/config.*`` (the sitemap's ``hostname`` + ``base``).
Nothing found gives "".
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from transcheck.safeyaml import load_node

LEVELS = 4  # the tree's folder and the three above it
_JS_VALUE = r"""\b{key}\s*:\s*['"`]([^'"`]+)['"`]"""


def _mapping(path: Path) -> dict[str, Any]:
    """A YAML or TOML config as a mapping ({} when it cannot be read)."""
    import tomllib  # a site's TOML config only

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else load_node(text)[1]
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _join(url: object, base: object) -> str:
    """``url`` with a ``base`` path, when ``url`` is an http(s) URL; else ""."""
    if not isinstance(url, str) or not re.match(r"https?://[^/\s]+", url):
        return ""
    path = base.strip("/") if isinstance(base, str) else ""
    return url.rstrip("/") + (f"/{path}" if path else "")


def _read(folder: Path) -> str:
    """The site URL a generator config in ``folder`` names, or ""."""
    jekyll = folder / "_config.yml"
    if jekyll.is_file():
        data = _mapping(jekyll)
        return _join(data.get("url"), data.get("baseurl"))
    for name in ("hugo.toml", "config.toml", "hugo.yaml", "config.yaml"):
        if (folder / name).is_file():
            return _join(_mapping(folder / name).get("baseURL"), "")
    scripts = {
        "docusaurus.config.js": ("url", "baseUrl"),
        "docusaurus.config.ts": ("url", "baseUrl"),
        ".vitepress/config.js": ("hostname", "base"),
        ".vitepress/config.ts": ("hostname", "base"),
        ".vitepress/config.mts": ("hostname", "base"),
    }
    for name, (url_key, base_key) in scripts.items():
        path = folder / name
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                return ""
            url = re.search(_JS_VALUE.format(key=url_key), text)
            base = re.search(_JS_VALUE.format(key=base_key), text)
            return _join(url.group(1) if url else None, base.group(1) if base else "")
    return ""


def discover_site_url(root: Path) -> str:
    """The site URL of the generator config nearest the tree root (see module docstring)."""
    folder = root.resolve() if root.is_dir() else root.resolve().parent
    for _ in range(LEVELS):
        found = _read(folder)
        if found:
            return found
        if folder.parent == folder:
            break
        folder = folder.parent
    return ""
