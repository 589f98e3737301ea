"""Config discovery (walking up from the working directory) and validation errors that name the
file, the key and the line."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from transcheck.config import (
    RULE_OPTIONS,
    Config,
    ConfigError,
    _may_hold_our_table,
    discover,
    load_config,
)
from transcheck.findings import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return caught.value


# --- discovery ---------------------------------------------------------------------------------


def test_no_config_anywhere_gives_defaults(chdir_tmp: Path) -> None:
    config = load_config()
    assert config == Config()
    assert config.slug_style == "github"
    assert config.fail_on == "error"


@pytest.mark.parametrize("name", [".transcheck.yaml", "transcheck.yaml"])
def test_yaml_config_found_from_a_subfolder(chdir_tmp: Path, name: str) -> None:
    config_file = write(chdir_tmp / name, "slug_style: kramdown\n")
    deep = chdir_tmp / "docs" / "ko" / "part"
    deep.mkdir(parents=True)
    assert discover(deep) == config_file
    config = load_config(start=deep)
    assert config.slug_style == "kramdown"
    assert config.path == str(config_file)


def test_pyproject_tool_table_is_found(chdir_tmp: Path) -> None:
    text = '[project]\nname = "x"\n\n[tool.transcheck]\nfail_on = "warning"\n'
    write(chdir_tmp / "pyproject.toml", text)
    (chdir_tmp / "sub").mkdir()
    config = load_config(start=chdir_tmp / "sub")
    assert config.fail_on == "warning"


def test_pyproject_without_our_table_is_passed_over(chdir_tmp: Path) -> None:
    outer = write(chdir_tmp / "transcheck.yaml", "fail_on: info\n")
    write(chdir_tmp / "inner" / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert discover(chdir_tmp / "inner") == outer
    assert load_config(start=chdir_tmp / "inner").fail_on == "info"


def test_nearest_config_wins_and_yaml_beats_pyproject_in_one_folder(chdir_tmp: Path) -> None:
    write(chdir_tmp / "transcheck.yaml", "fail_on: info\n")
    inner = chdir_tmp / "inner"
    write(inner / "pyproject.toml", '[tool.transcheck]\nfail_on = "never"\n')
    assert load_config(start=inner).fail_on == "never"
    near = write(inner / ".transcheck.yaml", "fail_on: warning\n")
    assert discover(inner) == near
    assert load_config(start=inner).fail_on == "warning"


def test_discovery_defaults_to_the_working_directory(chdir_tmp: Path) -> None:
    write(chdir_tmp / "transcheck.yaml", "select: [TC2]\n")
    assert load_config().select == ("TC2",)


def test_named_config_overrides_discovery(chdir_tmp: Path) -> None:
    write(chdir_tmp / "transcheck.yaml", "fail_on: info\n")
    named = write(chdir_tmp / "ci" / "strict.yaml", "fail_on: warning\n")
    assert load_config(named).fail_on == "warning"


def test_named_config_that_does_not_exist(chdir_tmp: Path) -> None:
    error = error_of(chdir_tmp / "missing.yaml")
    assert str(error) == f"{chdir_tmp / 'missing.yaml'}: config file not found"


# --- what a valid config gives ------------------------------------------------------------------


def test_full_yaml_config(chdir_tmp: Path) -> None:
    path = write(
        chdir_tmp / "transcheck.yaml",
        "slug_style: kramdown\n"
        "select: [TC1, link-missing]\n"
        "ignore: TC104, TC105\n"
        "severity:\n"
        "  TC102: error\n"
        "  link-extra: info\n"
        "fail_on: warning\n"
        "links:\n"
        "  rewrite:\n"
        "    - pattern: '^\\.\\./([a-z-]+)$'\n"
        "      replace: '../\\1-kr'\n"
        "pairing:\n"
        "  - source: '{stem}.md'\n"
        "    target: '{stem}-kr.md'\n"
        "extensions: [md, .markdown]\n",
    )
    config = load_config(path)
    assert config.select == ("TC1", "link-missing")
    assert config.ignore == ("TC104", "TC105")
    assert dict(config.severity) == {"TC102": Severity.ERROR, "link-extra": Severity.INFO}
    assert config.fail_on == "warning"
    assert config.rewrite_link("../roofline") == "../roofline-kr"
    assert config.rewrite_link("../roofline#x") == "../roofline#x"
    assert config.rewrite_link("https://example.com") == "https://example.com"
    assert [(p.source, p.target) for p in config.pairing] == [("{stem}.md", "{stem}-kr.md")]
    assert config.extensions == (".md", ".markdown")


# Every way TOML writes a key path: a header, a dotted key, an inline table; each part bare,
# "basic" or 'literal', with or without spaces around the dots.
_PARTS = {
    "tool": ("tool", '"tool"', "'tool'", '"\\u0074ool"'),
    "transcheck": ("transcheck", '"transcheck"', "'transcheck'", '"trans\\u0063heck"'),
    "other": ("project", "ruff", '"transcheck.glossary"', "scripts", "x"),
}


@st.composite
def _keys(draw: st.DrawFn) -> str:
    names = draw(st.lists(st.sampled_from(("tool", "transcheck", "other")), min_size=1, max_size=3))
    dot = draw(st.sampled_from((".", " . ", "\t.")))
    return dot.join(draw(st.sampled_from(_PARTS[name])) for name in names)


@st.composite
def _toml_lines(draw: st.DrawFn) -> str:
    key, inner = draw(_keys()), draw(_keys())
    value = draw(st.sampled_from(('"transcheck"', "1", '"tool.transcheck"', "[]")))
    return draw(
        st.sampled_from(
            (
                f"[{key}]",
                f"[[{key}]]",
                f"[ {key} ]",
                f"{key} = {value}",
                f"  {key}={value}",
                f"{key} = {{ {inner} = {value} }}",
                f"# [{key}]",
                f"name = {value}",
            )
        )
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(_toml_lines(), min_size=1, max_size=6))
@example(["[tool]", "transcheck = 1"])
@example(["[ 'tool' ]", '  "transcheck" . x=1'])
@example(["tool = { transcheck = { x = 1 } }"])
@example(['"tool" = { "transcheck" = 1 }'])
def test_a_pyproject_passed_over_unparsed_never_holds_our_table(lines: list[str]) -> None:
    # The cheap test before tomllib may say "maybe" wrongly, never "no" wrongly.
    text = "\n".join(lines) + "\n"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return
    tool = data.get("tool")
    if isinstance(tool, dict) and "transcheck" in tool:
        assert _may_hold_our_table(text)


def test_a_project_pyproject_naming_us_only_in_values_is_not_parsed() -> None:
    text = (
        '[project]\nname = "transcheck"\n\n[project.scripts]\ntranscheck = "transcheck.cli:main"\n'
        '\n[tool.setuptools.package-data]\n"transcheck.glossary" = ["data/*.yaml"]\n'
        '\n[tool.mypy]\npackages = ["transcheck"]\n'
    )
    assert not _may_hold_our_table(text)
    assert "transcheck" not in tomllib.loads(text)["tool"]
    for ours in (
        "[ tool . 'transcheck' ]",
        "tool.transcheck.fail_on = 'info'",
        "[tool]\ntranscheck = {}",
    ):
        assert _may_hold_our_table(text + ours + "\n")


def test_a_discovered_pyproject_that_cannot_be_ours_is_passed_over_even_broken(
    chdir_tmp: Path,
) -> None:
    outer = write(chdir_tmp / "transcheck.yaml", "fail_on: info\n")
    write(chdir_tmp / "inner" / "pyproject.toml", "[tool.ruff\nline-length = 100\n")
    assert discover(chdir_tmp / "inner") == outer
    named = write(chdir_tmp / "named" / "pyproject.toml", "[tool.ruff\n")
    assert "cannot read" in str(error_of(named))


def test_pyproject_tables_and_array_of_tables(chdir_tmp: Path) -> None:
    path = write(
        chdir_tmp / "pyproject.toml",
        "[tool.transcheck]\n"
        'select = ["TC2"]\n'
        "\n"
        "[tool.transcheck.severity]\n"
        '"link-extra" = "error"\n'
        "\n"
        "[[tool.transcheck.links.rewrite]]\n"
        'pattern = "^\\\\.\\\\./(.+)$"\n'
        'replace = "../\\\\1-kr"\n',
    )
    config = load_config(path)
    assert config.select == ("TC2",)
    assert dict(config.severity) == {"link-extra": Severity.ERROR}
    assert config.rewrite_link("../tpus") == "../tpus-kr"


def test_empty_yaml_file_is_the_defaults(chdir_tmp: Path) -> None:
    path = write(chdir_tmp / "transcheck.yaml", "# nothing configured yet\n")
    assert load_config(path) == Config(path=str(path))


# --- errors name file, key and line -------------------------------------------------------------


def test_unknown_key_lists_the_valid_keys(chdir_tmp: Path) -> None:
    path = write(chdir_tmp / "transcheck.yaml", "fail_on: error\nslugstyle: github\n")
    error = error_of(path)
    assert (error.path, error.key, error.line) == (str(path), "slugstyle", 2)
    own = ["dialect", "extensions", "fail_on", "ignore", "links", "pairing", "select", "severity"]
    valid = ", ".join(sorted([*own, "slug_style", *RULE_OPTIONS]))
    assert str(error) == f"{path}:2: slugstyle: unknown key; valid keys: {valid}"


def test_bad_regex_in_link_rewrite(chdir_tmp: Path) -> None:
    path = write(
        chdir_tmp / "transcheck.yaml",
        "links:\n  rewrite:\n    - pattern: '^../(x'\n      replace: 'y'\n",
    )
    error = error_of(path)
    assert (error.key, error.line) == ("links.rewrite.0.pattern", 3)
    assert str(error).startswith(f"{path}:3: links.rewrite.0.pattern: bad regex: ")
    assert "missing )" in str(error)


def test_rewrite_entry_needs_pattern_and_replace(chdir_tmp: Path) -> None:
    path = write(
        chdir_tmp / "transcheck.yaml",
        "links:\n  rewrite:\n    - pattern: 'a'\n      replace: 'b'\n    - pattern: 'c'\n",
    )
    error = error_of(path)
    assert (error.key, error.line) == ("links.rewrite.1", 5)


def test_links_routes_roots_and_site_url(chdir_tmp: Path) -> None:
    text = (
        "links:\n  routes: ['/blog/*', /api/**]\n  roots: [/docs, /]\n"
        "  site_url: https://kubernetes.io/\n"
    )
    config = load_config(write(chdir_tmp / "transcheck.yaml", text))
    assert config.link_routes == ("/blog/*", "/api/**")
    assert config.link_roots == ("/docs/", "/")
    assert config.site_url == "https://kubernetes.io"
    assert config.link_rewrites == ()


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ("links:\n  roots: [docs]\n", "links.roots", "starting with /"),
        ("links:\n  site_url: kubernetes.io\n", "links.site_url", "http(s) URL"),
        ("links:\n  routes: 3\n", "links.routes", "list of route globs"),
    ],
)
def test_bad_link_settings_name_their_key(chdir_tmp: Path, text: str, key: str, words: str) -> None:
    error = error_of(write(chdir_tmp / "transcheck.yaml", text))
    assert (error.key, error.line) == (key, 2)
    assert words in str(error)


def test_unknown_key_under_links(chdir_tmp: Path) -> None:
    path = write(chdir_tmp / "transcheck.yaml", "links:\n  rewrites: []\n")
    error = error_of(path)
    assert (error.key, error.line) == ("links.rewrites", 2)
    assert str(error).endswith("unknown key; valid keys: rewrite, roots, routes, site_url")


def test_bad_severity_value(chdir_tmp: Path) -> None:
    path = write(chdir_tmp / "transcheck.yaml", "severity:\n  TC201: fatal\n")
    error = error_of(path)
    assert str(error) == (
        f"{path}:2: severity.TC201: must be one of info, warning, error (got 'fatal')"
    )


def test_bad_slug_style_and_fail_on(chdir_tmp: Path) -> None:
    path = write(chdir_tmp / "transcheck.yaml", "\nslug_style: jekyll\n")
    assert str(error_of(path)) == (
        f"{path}:2: slug_style: must be one of github, kramdown, mdn, vitepress (got 'jekyll')"
    )
    path.write_text("fail_on: fatal\n", encoding="utf-8")
    assert error_of(path).line == 1


def test_select_must_be_a_list_of_strings(chdir_tmp: Path) -> None:
    path = write(chdir_tmp / "transcheck.yaml", "select:\n  TC1: true\n")
    assert str(error_of(path)) == f"{path}:1: select: must be a list of rule codes or names"


def test_pairing_templates_are_validated(chdir_tmp: Path) -> None:
    path = write(
        chdir_tmp / "transcheck.yaml",
        "pairing:\n  - source: 'docs/{path}'\n    target: 'ko/docs/{stem}.md'\n",
    )
    error = error_of(path)
    assert (error.key, error.line) == ("pairing.0", 2)
    assert "same placeholders" in str(error)
    path.write_text("pairing:\n  - source: 'a.md'\n    target: 'b.md'\n", encoding="utf-8")
    assert "need a placeholder" in str(error_of(path))


def test_invalid_yaml_names_the_line(chdir_tmp: Path) -> None:
    path = write(chdir_tmp / "transcheck.yaml", "select: [TC1\nignore: [TC2]\n")
    error = error_of(path)
    assert error.path == str(path)
    assert error.line == 2
    assert "invalid YAML" in str(error)


def test_top_level_must_be_a_mapping(chdir_tmp: Path) -> None:
    path = write(chdir_tmp / "transcheck.yaml", "- TC1\n- TC2\n")
    assert str(error_of(path)) == f"{path}: the top level must be a mapping of keys"


def test_pyproject_errors_name_the_line(chdir_tmp: Path) -> None:
    path = write(
        chdir_tmp / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.transcheck]\nselect = ["TC1"]\nslugs = "github"\n',
    )
    error = error_of(path)
    assert (error.path, error.key, error.line) == (str(path), "slugs", 6)


def test_pyproject_bad_regex_in_array_of_tables(chdir_tmp: Path) -> None:
    path = write(
        chdir_tmp / "pyproject.toml",
        "[tool.transcheck]\n"
        'fail_on = "error"\n'
        "[[tool.transcheck.links.rewrite]]\n"
        'pattern = "a"\n'
        'replace = "b"\n'
        "[[tool.transcheck.links.rewrite]]\n"
        'pattern = "(unclosed"\n'
        'replace = "b"\n',
    )
    error = error_of(path)
    assert (error.key, error.line) == ("links.rewrite.1.pattern", 7)


def test_pyproject_that_does_not_parse(chdir_tmp: Path) -> None:
    path = write(chdir_tmp / "pyproject.toml", "[tool.transcheck\n")
    error = error_of(path)
    assert error.path == str(path)
    assert "cannot read" in str(error)


def test_named_pyproject_without_our_table(chdir_tmp: Path) -> None:
    path = write(chdir_tmp / "pyproject.toml", "[tool.ruff]\n")
    assert str(error_of(path)) == f"{path}: tool.transcheck: no [tool.transcheck] table"


# --- rule option groups (RULE_OPTIONS) ----------------------------------------------------------


@pytest.fixture
def option_group(monkeypatch: pytest.MonkeyPatch) -> str:
    """Declare an option group the way a rule family does."""
    monkeypatch.setitem(
        RULE_OPTIONS, "demo_family", {"threshold": 0.5, "enabled": True, "words": ()}
    )
    return "demo_family"


def test_option_group_defaults_and_values(chdir_tmp: Path, option_group: str) -> None:
    path = write(chdir_tmp / "transcheck.yaml", "demo_family:\n  threshold: 1\n  words: [a, b]\n")
    config = load_config(path)
    assert config.option(option_group, "threshold") == 1
    assert config.option(option_group, "words") == ("a", "b")
    assert config.option(option_group, "enabled") is True
    assert Config().option(option_group, "threshold") == 0.5


def test_option_group_is_a_valid_top_level_key(chdir_tmp: Path, option_group: str) -> None:
    path = write(chdir_tmp / "transcheck.yaml", "nope: 1\n")
    assert "demo_family" in str(error_of(path)).split("valid keys: ")[1]


def test_option_group_unknown_option(chdir_tmp: Path, option_group: str) -> None:
    path = write(chdir_tmp / "transcheck.yaml", "demo_family:\n  threshold: 0.2\n  treshold: 1\n")
    assert str(error_of(path)) == (
        f"{path}:3: demo_family.treshold: unknown key; valid keys: enabled, threshold, words"
    )


def test_option_group_wrong_type(chdir_tmp: Path, option_group: str) -> None:
    path = write(chdir_tmp / "transcheck.yaml", "demo_family:\n  enabled: 'yes'\n")
    assert str(error_of(path)) == f"{path}:2: demo_family.enabled: must be a bool (got 'yes')"


def test_option_group_must_be_a_mapping(chdir_tmp: Path, option_group: str) -> None:
    path = write(chdir_tmp / "transcheck.yaml", "demo_family: 3\n")
    error = error_of(path)
    assert (error.key, error.line) == ("demo_family", 1)
    assert "enabled, threshold, words" in str(error)
