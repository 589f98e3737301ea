"""Configuration: discovery (walk up to transcheck.yaml / [tool.transcheck]) and validation.

Every error names the file and the key (and the line, for YAML), and an unknown key lists the
valid ones, so a typo in CI fails loudly instead of silently checking something else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

import yaml

from transcheck.findings import Severity
from transcheck.lazy import compiled
from transcheck.parse.dialects import AUTO, DIALECT_SETTINGS
from transcheck.parse.slugs import SLUG_STYLES
from transcheck.parse.source import DEFAULT_FILE_BYTES, read_named_file
from transcheck.records import record
from transcheck.safeyaml import describe, load_node

# Options of rule families, declared with their defaults; a value must have the default's type.
# A family adds its group here, and the config key of the same name becomes valid. ``limits``
# bounds what one input may cost: bytes read per file, seconds spent on one pair.
RULE_OPTIONS: dict[str, dict[str, Any]] = {
    "limits": {"file_bytes": DEFAULT_FILE_BYTES, "pair_seconds": 60.0},
    # ``transcheck lsp``: the URL of a rule's documentation, with {code} and {name} (empty: the
    # README's rules section); the git revision of the English of an in-place translation
    # (``check --source-rev``; empty: the English is a tree of the work tree)
    "editor": {"rule_docs": "", "source_rev": ""},
}

CONFIG_NAMES = (".transcheck.yaml", "transcheck.yaml", ".transcheck.yml", "transcheck.yml")
FAIL_ON = ("error", "warning", "info", "never")


class ConfigError(Exception):
    """A configuration problem, located by file, key and (when known) line."""

    def __init__(self, path: str, key: str, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")
        self.path = path
        self.key = key
        self.message = message
        self.line = line

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by the constructor's arguments, so an error met in a worker reaches the CLI."""
        return (type(self), (self.path, self.key, self.message, self.line))


@record(eq=True)
class LinkRewrite:
    """A regex over English link URLs and its replacement: what the Korean link should be."""

    pattern: re.Pattern[str]
    replace: str

    def apply(self, url: str) -> str:
        """The URL with this rule applied."""
        return self.pattern.sub(self.replace, url)


@record(eq=True)
class PairPattern:
    """Where the Korean file of an English file lives: templates with {path}, {dir}, {stem}."""

    source: str
    target: str


@record(eq=True)
class Config:
    """Validated settings; defaults apply when no config file exists."""

    path: str | None = None
    slug_style: str = "github"
    dialect: str = AUTO  # auto (per file, see parse.dialects), jekyll, hugo, mdx or gfm
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: str = "error"
    link_rewrites: tuple[LinkRewrite, ...] = ()
    link_routes: tuple[str, ...] = ()  # globs of routes the site generates (not files)
    link_roots: tuple[str, ...] = ("/",)  # URL paths at which each checked tree is served
    site_url: str = ""  # the site's own URL: absolute links to it are site-relative paths
    pairing: tuple[PairPattern, ...] = ()
    extensions: tuple[str, ...] = (".md", ".markdown", ".mdx")
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    lines: Mapping[str, int] = field(default_factory=dict)  # dotted key -> line, for errors

    def error(self, key: str, message: str) -> ConfigError:
        """An error about ``key`` (``select.2``) of this config, at its line or its parent's."""
        return ConfigError(self.path or "command line", key, message, _line_of(self.lines, key))

    def option(self, group: str, name: str) -> Any:
        """A rule family's option (``untranslated.allow_headings``), or its declared default."""
        return self.options.get(group, {}).get(name, RULE_OPTIONS[group][name])

    def rewrite_link(self, url: str) -> str:
        """An English URL as the Korean side is expected to write it."""
        for rule in self.link_rewrites:
            url = rule.apply(url)
        return url


class _Source:
    """Raw config data plus a way to find the line of a dotted key, for error messages."""

    def __init__(self, path: str, data: Mapping[str, Any], lines: Mapping[str, int]) -> None:
        self.path = path
        self.data = data
        self.lines = lines

    def error(self, key: str, message: str) -> ConfigError:
        """An error about ``key``, located at its line when known."""
        return ConfigError(self.path, key, message, _line_of(self.lines, key))


def _line_of(lines: Mapping[str, int], key: str) -> int | None:
    """The line of dotted ``key``, else of its nearest parent (list items given as one string)."""
    while key:
        if key in lines:
            return lines[key]
        key = key.rpartition(".")[0]
    return None


def _key_lines(node: yaml.Node | None, prefix: str = "") -> dict[str, int]:
    """Dotted key -> 1-based line for every mapping key and list item in a YAML node tree."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = f"{prefix}{key.value}"
            lines[name] = key.start_mark.line + 1
            lines.update(_key_lines(value, name + "."))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            name = f"{prefix}{index}"
            lines[name] = item.start_mark.line + 1
            lines.update(_key_lines(item, name + "."))
    return lines


def _load_yaml(path: Path) -> _Source:
    display = str(path)
    try:
        text = read_named_file(path)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(display, "", f"cannot read: {error}") from None
    try:
        node, data = load_node(text)
    except yaml.YAMLError as error:
        message, line = describe(error)
        raise ConfigError(display, "", message, line) from None
    if node is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(display, "", "the top level must be a mapping of keys")
    return _Source(display, data, _key_lines(node))


_TOML_TABLE = compiled(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = compiled(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""")
_TOOL = "tool.transcheck"


def _toml_key_lines(text: str) -> dict[str, int]:
    """Dotted key (below [tool.transcheck]) -> 1-based line, by scanning table headers and
    ``key =`` lines; tomllib gives no positions. Keys inside multi-line values are not seen."""
    lines: dict[str, int] = {}
    table: str | None = None
    counts: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TOML_TABLE().match(line)
        if header:
            name = header.group(2).replace('"', "").replace("'", "")
            if name != _TOOL and not name.startswith(_TOOL + "."):
                table = None
                continue
            table = name[len(_TOOL) + 1 :]
            if table:
                lines.setdefault(table, number)
            if header.group(1) == "[[":
                index = counts.get(table, 0)
                counts[table] = index + 1
                table = f"{table}.{index}"
                lines[table] = number
            continue
        key = _TOML_KEY().match(line)
        if key and table is not None:
            name = key.group(1).strip("\"'")
            lines[f"{table}.{name}" if table else name] = number
    return lines


# The ways TOML writes a key under tool.transcheck: a header or dotted key "tool.transcheck" (each
# part bare or quoted, whitespace around the dot), a "transcheck" key in a [tool] table, or a
# "tool = {...}" inline table. Without any of these, and without a \u or \U escape in a quoted
# key (which could spell either name), a file cannot hold our table.
_TOOL_KEY = r"""(?:tool|"tool"|'tool')"""
_OUR_KEY = r"""(?:transcheck|"transcheck"|'transcheck')"""
_OUR_PATH = compiled(rf"{_TOOL_KEY}\s*\.\s*{_OUR_KEY}|^\s*{_TOOL_KEY}\s*=", re.MULTILINE)
_TOOL_TABLE = compiled(rf"^\s*\[\[?\s*{_TOOL_KEY}\s*\]", re.MULTILINE)
_OUR_KEY_LINE = compiled(rf"^\s*{_OUR_KEY}\s*[.=]", re.MULTILINE)


def _may_hold_our_table(text: str) -> bool:
    """False only when the TOML ``text`` cannot define tool.transcheck (see ``_OUR_PATH``), so
    that a project's pyproject.toml which does not configure us is not parsed: importing tomllib
    costs a check more (~28 M instructions) than all the rest of finding its config."""
    if "\\u" in text or "\\U" in text:
        return True
    if "transcheck" not in text:
        return False
    if _OUR_PATH().search(text):
        return True
    return bool(_TOOL_TABLE().search(text) and _OUR_KEY_LINE().search(text))


def _load_pyproject(path: Path, named: bool = False) -> _Source | None:
    """The [tool.transcheck] table of the pyproject.toml ``path``, or None without one. Unless
    the file is ``named`` (``--config``), one that cannot hold the table is passed over without
    parsing it: a project's pyproject.toml that does not configure us never fails a check."""
    try:
        text = read_named_file(path, "utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), "", f"cannot read: {error}") from None
    if not named and not _may_hold_our_table(text):
        return None
    import tomllib  # a pyproject config only

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(str(path), "", f"cannot read: {error}") from None
    section = data.get("tool", {}).get("transcheck")
    if section is None:
        return None
    if not isinstance(section, dict):
        raise ConfigError(str(path), _TOOL, "must be a table")
    return _Source(str(path), section, _toml_key_lines(text))


def discover(start: Path) -> Path | None:
    """The nearest config file at or above ``start``: a YAML file or a pyproject.toml using us."""
    found = _discover(start)
    return found[0] if found else None


def _discover(start: Path) -> tuple[Path, _Source | None] | None:
    """``discover``'s file, with its table when it is a pyproject.toml (read once, not again
    by ``load_config``)."""
    for folder in (start.resolve(), *start.resolve().parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name, None
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and (source := _load_pyproject(pyproject)) is not None:
            return pyproject, source
    return None


def _string_list(source: _Source, key: str, value: Any, what: str = "strings") -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise source.error(key, f"must be a list of {what}")
    return tuple(value)


def _choice(source: _Source, key: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise source.error(key, f"must be one of {', '.join(choices)} (got {value!r})")
    return str(value)


def _severities(source: _Source, key: str, value: Any) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise source.error(key, "must map rule codes or names to error, warning or info")
    levels = tuple(level.value for level in Severity)
    return {
        str(rule): Severity(_choice(source, f"{key}.{rule}", level, levels))
        for rule, level in value.items()
    }


def _rewrites(source: _Source, key: str, value: Any) -> tuple[LinkRewrite, ...]:
    if not isinstance(value, list):
        raise source.error(key, "must be a list of {pattern, replace} entries")
    rules = []
    for index, entry in enumerate(value):
        where = f"{key}.{index}"
        if not isinstance(entry, dict) or set(entry) != {"pattern", "replace"}:
            raise source.error(where, "each entry needs exactly the keys pattern and replace")
        try:
            pattern = re.compile(str(entry["pattern"]))
        except re.error as error:
            raise source.error(f"{where}.pattern", f"bad regex: {error}") from None
        rules.append(LinkRewrite(pattern, str(entry["replace"])))
    return tuple(rules)


_PLACEHOLDER = compiled(r"\{(path|dir|stem)\}")


def _pairing(source: _Source, key: str, value: Any) -> tuple[PairPattern, ...]:
    if not isinstance(value, list):
        raise source.error(key, "must be a list of {source, target} templates")
    patterns = []
    for index, entry in enumerate(value):
        where = f"{key}.{index}"
        if not isinstance(entry, dict) or set(entry) != {"source", "target"}:
            raise source.error(where, "each entry needs exactly the keys source and target")
        src, tgt = str(entry["source"]), str(entry["target"])
        if set(_PLACEHOLDER().findall(src)) != set(_PLACEHOLDER().findall(tgt)):
            raise source.error(where, "source and target must use the same placeholders")
        if not _PLACEHOLDER().search(src):
            raise source.error(where, "templates need a placeholder: {path}, {dir} or {stem}")
        patterns.append(PairPattern(src, tgt))
    return tuple(patterns)


def _extensions(source: _Source, key: str, value: Any) -> tuple[str, ...]:
    items = _string_list(source, key, value, "file extensions")
    return tuple(item if item.startswith(".") else f".{item}" for item in items)


def _roots(source: _Source, key: str, value: Any) -> tuple[str, ...]:
    roots = _string_list(source, key, value, "URL paths such as /docs/")
    if not all(root.startswith("/") for root in roots):
        raise source.error(key, "each root is a URL path starting with /")
    return tuple(root.rstrip("/") + "/" for root in roots)


def _site_url(source: _Source, key: str, value: Any) -> str:
    if not isinstance(value, str) or not re.match(r"https?://[^/\s]+", value):
        raise source.error(
            key, f"must be an http(s) URL such as https://example.org (got {value!r})"
        )
    return value.rstrip("/")


_LINK_KEYS: dict[str, tuple[str, Callable[[_Source, str, Any], Any]]] = {
    "rewrite": ("link_rewrites", _rewrites),
    "routes": ("link_routes", lambda s, k, v: _string_list(s, k, v, "route globs")),
    "roots": ("link_roots", _roots),
    "site_url": ("site_url", _site_url),
}

_KEYS: dict[str, Callable[[_Source, str, Any], tuple[str, Any]]] = {
    "slug_style": lambda s, k, v: ("slug_style", _choice(s, k, v, SLUG_STYLES)),
    "dialect": lambda s, k, v: ("dialect", _choice(s, k, v, DIALECT_SETTINGS)),
    "select": lambda s, k, v: ("select", _string_list(s, k, v, "rule codes or names")),
    "ignore": lambda s, k, v: ("ignore", _string_list(s, k, v, "rule codes or names")),
    "severity": lambda s, k, v: ("severity", _severities(s, k, v)),
    "fail_on": lambda s, k, v: ("fail_on", _choice(s, k, v, FAIL_ON)),
    "links": lambda s, k, v: ("", _links(s, k, v)),
    "pairing": lambda s, k, v: ("pairing", _pairing(s, k, v)),
    "extensions": lambda s, k, v: ("extensions", _extensions(s, k, v)),
}


def _unknown(source: _Source, key: str, valid: Mapping[str, object]) -> ConfigError:
    return source.error(key, f"unknown key; valid keys: {', '.join(sorted(valid))}")


def _links(source: _Source, key: str, value: Any) -> dict[str, Any]:
    """The ``links:`` mapping: several Config fields at once."""
    if not isinstance(value, dict):
        raise source.error(key, "must be a mapping (rewrite, routes, roots, site_url)")
    settings = {}
    for name, setting in value.items():
        if name not in _LINK_KEYS:
            raise _unknown(source, f"{key}.{name}", _LINK_KEYS)
        field_name, parse = _LINK_KEYS[name]
        settings[field_name] = parse(source, f"{key}.{name}", setting)
    return settings


def _option_group(source: _Source, key: str, value: Any) -> dict[str, Any]:
    declared = RULE_OPTIONS[key]
    if isinstance(value, list) and "files" in declared:
        value = {"files": value}  # `glossary: [ko, ko-ml]` is short for `glossary: {files: …}`
    if not isinstance(value, dict):
        raise source.error(key, f"must be a mapping of options: {', '.join(sorted(declared))}")
    parsed: dict[str, Any] = {}
    for name, setting in value.items():
        where = f"{key}.{name}"
        if name not in declared:
            raise _unknown(source, where, declared)
        default = declared[name]
        if isinstance(default, (list, tuple)):
            parsed[name] = _string_list(source, where, setting)
        elif type(setting) is not type(default) and not (
            isinstance(default, float) and type(setting) is int
        ):
            raise source.error(where, f"must be a {type(default).__name__} (got {setting!r})")
        else:
            parsed[name] = setting
    return parsed


def _build(source: _Source) -> Config:
    # The rule families declare their option groups when imported: import them all before the
    # keys are checked, whichever command loads the config (the command line imports lazily).
    import transcheck.checks  # noqa: F401

    settings: dict[str, Any] = {"path": source.path}
    options: dict[str, dict[str, Any]] = {}
    for key, value in source.data.items():
        key = str(key)
        if key in RULE_OPTIONS:
            options[key] = _option_group(source, key, value)
            continue
        parser = _KEYS.get(key)
        if parser is None:
            raise _unknown(source, key, {**_KEYS, **RULE_OPTIONS})
        name, parsed = parser(source, key, value)
        if name:
            settings[name] = parsed
        else:
            settings.update(parsed)  # a mapping that sets several fields (links)
    return Config(**settings, options=options, lines=source.lines)


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Load ``path``, or the config discovered from ``start`` (default: cwd), or the defaults."""
    if path is None:
        found = _discover(start or Path.cwd())
        if found is None:
            return Config()
        path, discovered = found
        if discovered is not None:
            return _build(discovered)
    if not path.is_file():
        raise ConfigError(str(path), "", "config file not found")
    if path.name == "pyproject.toml":
        source = _load_pyproject(path, named=True)
        if source is None:
            raise ConfigError(str(path), "tool.transcheck", "no [tool.transcheck] table")
    else:
        source = _load_yaml(path)
    return _build(source)
