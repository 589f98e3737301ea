"""The glossary rules on real files: TC301 missing, TC302 forbidden, TC303 inconsistent (across
files and within one, majority and preferred), TC304 first mention; exact lines on both sides."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from transcheck.api import check_paths
from transcheck.config import Config, ConfigError
from transcheck.findings import Finding

GLOSSARY = """\
terms:
  - term: sharding
    forms: [sharded]
    ko: [샤딩]
    forbidden: [쉐어딩]
  - term: kernel
    ko: [커널]
    keep_english: false
  - term: latency
    ko: [지연 시간, 지연]
    preferred: 지연 시간
    policy: preferred
  - term: bandwidth
    ko: [대역폭]
"""

EN_A = """\
# Sharding

Sharding splits arrays. The kernel is fast.

## Latency

Bandwidth and latency.
"""

KO_A = """\
# 샤딩

샤딩(sharding)은 배열을 나눕니다. 샤딩된 배열은 sharding을 거칩니다. 빠릅니다.

## 지연

대역폭과 지연입니다.
"""

EN_B = """\
# More sharding

A sharded array
is split. The kernel runs. Bandwidth.
"""

KO_B = """\
# 더 알아보기

샤딩된 배열은
sharding으로 나뉘고 쉐어딩됩니다. kernel을 실행합니다. 대역폭.
"""


def tree(root: Path, files: dict[str, str]) -> Path:
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def trees(tmp_path: Path) -> tuple[Path, Path, Config]:
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    en = tree(tmp_path / "en", {"a.md": EN_A, "b.md": EN_B})
    ko = tree(tmp_path / "ko", {"a.md": KO_A, "b.md": KO_B})
    options = {"glossary": {"files": (str(glossary),), "shipped": False}}
    return en, ko, Config(select=("TC3",), options=options)


def findings(en: Path, ko: Path, config: Config, code: str) -> list[Finding]:
    return [f for f in check_paths(en, ko, config).findings if f.code == code]


def places(found: list[Finding]) -> list[tuple[str | None, int | None, str | None, int | None]]:
    def name(path: str | None) -> str | None:
        return None if path is None else "/".join(Path(path).parts[-2:])

    return [(name(f.source.path), f.source.line, name(f.target.path), f.target.line) for f in found]


def test_no_glossary_no_findings(trees: tuple[Path, Path, Config]) -> None:
    en, ko, config = trees
    assert check_paths(en, ko, dataclasses.replace(config, options={})).findings == ()


def test_missing_reports_the_english_line_and_its_aligned_korean_block(
    trees: tuple[Path, Path, Config],
) -> None:
    en, ko, config = trees
    found = findings(en, ko, config, "TC301")
    # a.md: the Korean paragraph at line 3 drops "kernel"; b.md's heading drops "sharding"; b.md
    # keeps "kernel" in English, which this glossary does not accept: forbidden, not missing.
    assert places(found) == [("en/a.md", 3, "ko/a.md", 3), ("en/b.md", 1, "ko/b.md", 1)]
    assert found[0].message == (
        "'kernel' has no rendering in the aligned Korean text (accepted: 커널)"
    )


def test_missing_is_off_without_a_project_glossary(trees: tuple[Path, Path, Config]) -> None:
    en, ko, _ = trees
    assert findings(en, ko, Config(), "TC301") == []


def test_forbidden_rendering_and_english_not_accepted(trees: tuple[Path, Path, Config]) -> None:
    en, ko, config = trees
    found = findings(en, ko, config, "TC302")
    assert places(found) == [(None, None, "ko/b.md", 4), (None, None, "ko/b.md", 4)]
    assert "'쉐어딩됩니다' uses the forbidden rendering '쉐어딩'; write 샤딩" in found[1].message
    assert "'kernel' keeps 'kernel' in English" in found[0].message


def test_inconsistent_reports_once_per_file_and_rendering_with_the_tree(
    trees: tuple[Path, Path, Config],
) -> None:
    en, ko, config = trees
    found = [f for f in findings(en, ko, config, "TC303") if "'sharding'" in f.message]
    # 샤딩 4× (a.md 3: heading, gloss, 샤딩된; b.md 1) against 'sharding' kept 2× (a.md line 3,
    # b.md line 4 of a paragraph that starts on line 3): the gloss 샤딩(sharding) counts as 샤딩.
    assert places(found) == [("en/a.md", 3, "ko/a.md", 3), ("en/b.md", 3, "ko/b.md", 4)]
    assert found[0].message == (
        "'sharding' is kept in English here (1× in this file); the glossary prefers 샤딩, as 1 "
        "other file does; this file also has 샤딩 3×. Across the tree: sharding: 샤딩 4× in "
        "2 files, kept in English 2× in 2 files"
    )


def test_preferred_policy_reports_every_other_rendering(trees: tuple[Path, Path, Config]) -> None:
    en, ko, config = trees
    found = [f for f in findings(en, ko, config, "TC303") if "'latency'" in f.message]
    # policy preferred: 지연 is reported although no file writes 지연 시간; once, naming line 7
    assert places(found) == [("en/a.md", 5, "ko/a.md", 5)]
    assert "'latency' is 지연 here (2× in this file; also line 7)" in found[0].message
    assert "the glossary prefers 지연 시간, which no file uses yet" in found[0].message


def test_global_policy_option_overrides_the_glossary(trees: tuple[Path, Path, Config]) -> None:
    en, ko, config = trees
    options = {"glossary": {**config.options["glossary"], "policy": "preferred"}}
    found = findings(en, ko, dataclasses.replace(config, options=options), "TC303")
    sharding = [f for f in found if "'sharding'" in f.message]
    assert places(sharding) == [("en/a.md", 3, "ko/a.md", 3), ("en/b.md", 3, "ko/b.md", 4)]
    assert "the glossary prefers 샤딩" in sharding[0].message


def test_first_mention_is_off_by_default_and_checks_glosses(
    trees: tuple[Path, Path, Config],
) -> None:
    en, ko, config = trees
    assert findings(en, ko, config, "TC304") == []
    selected = dataclasses.replace(config, select=("TC304",))
    found = findings(en, ko, selected, "TC304")
    messages = [(Path(f.target.path or "").name, f.target.line, f.message) for f in found]
    assert messages == [
        ("a.md", 1, "first use of 'sharding' in this file should read 샤딩(sharding)"),
        ("a.md", 3, "'sharding' is glossed again; only its first use needs (sharding)"),
        ("a.md", 3, "'sharding': after the first use write 샤딩, not English"),
        ("a.md", 5, "first use of 'latency' in this file should read 지연 시간(latency)"),
        ("a.md", 7, "first use of 'bandwidth' in this file should read 대역폭(bandwidth)"),
        ("b.md", 3, "first use of 'sharding' in this file should read 샤딩(sharding)"),
        ("b.md", 4, "'sharding': after the first use write 샤딩, not English"),
        ("b.md", 4, "first use of 'bandwidth' in this file should read 대역폭(bandwidth)"),
    ]


def test_a_bad_glossary_is_a_config_error_naming_file_and_line(tmp_path: Path) -> None:
    glossary = tmp_path / "bad.yaml"
    glossary.write_text("terms:\n  - term: x\n    ko: [엑스]\n    typo: 1\n", encoding="utf-8")
    en = tree(tmp_path / "en", {"a.md": EN_A})
    ko = tree(tmp_path / "ko", {"a.md": KO_A})
    config = Config(options={"glossary": {"files": (str(glossary),), "shipped": False}})
    with pytest.raises(ConfigError, match=rf"^{glossary}:4: unknown key 'typo'"):
        check_paths(en, ko, config)


def test_a_rendering_of_another_word_of_the_sentence_is_no_use_of_the_term(tmp_path: Path) -> None:
    # c.md: 설정 renders "settings" beside 구성 for "configurations"; d.md: 속성 renders the
    # "attributes" of the same sentence, 프로퍼티 its "property". Neither is a second rendering.
    # ("# C" and its paragraph twice: an advisory term needs two uses in a file.)
    en = tree(
        tmp_path / "en",
        {
            "a.md": "# A\n\nUse it for configuration.\n\nThis property is read-only.\n",
            "b.md": "# B\n\nThe configuration is read at start.\n\nThe property is set.\n",
            "c.md": "# C\n\nIt is common to use them for configurations or settings.\n" * 2,
            "d.md": "# D\n\nIt is a read-only property that returns the class attributes.\n" * 2,
            "e.md": "# E\n\nRead the configuration, then change the configuration.\n" * 2,
        },
    )
    ko = tree(
        tmp_path / "ko",
        {
            "a.md": "# 가\n\n구성에 사용합니다.\n\n이 프로퍼티는 읽기 전용입니다.\n",
            "b.md": "# 나\n\n구성은 시작할 때 읽힙니다.\n\n프로퍼티가 설정됩니다.\n",
            "c.md": "# 다\n\n구성이나 설정에 사용하는 것이 일반적입니다.\n" * 2,
            "d.md": "# 라\n\n클래스 속성을 반환하는 읽기 전용 프로퍼티입니다.\n" * 2,
            "e.md": "# 마\n\n설정을 읽은 다음 설정을 바꿉니다.\n" * 2,
        },
    )
    # e.md renders each "configuration" as 설정 where a.md and b.md write 구성: still reported
    found = findings(en, ko, Config(select=("TC303",)), "TC303")
    assert places(found) == [("en/e.md", 3, "ko/e.md", 3)]
    assert found[0].message.startswith(
        "'configuration' is 설정 here (4× in this file; also line 6)"
    )


def test_a_term_kept_in_english_as_the_page_api_name_is_no_rendering(tmp_path: Path) -> None:
    # c.md documents the `key` attribute and `effectScope()`: key and effect scope kept in
    # English there name the API. d.md keeps "key" in English in prose: still reported.
    needs = "Each item needs a unique key.\n\nThe key must be a string.\n"
    keys = "각 항목에는 고유한 키가 필요합니다.\n\n키는 문자열이어야 합니다.\n"
    en = tree(
        tmp_path / "en",
        {
            "a.md": f"# A\n\n{needs}\nEach scope ends.\n",
            "b.md": f"# B\n\n{needs}\nEach scope ends.\n",
            "c.md": "# Attributes\n\n## key\n\nWithout keys, Vue reuses elements.\n\n"
            "With keys, Vue reorders elements.\n\n## effectScope()\n\n"
            "It returns the current scope.\n\nIt stops the scope.\n",
            "d.md": f"# D\n\n{needs}",
        },
    )
    ko = tree(
        tmp_path / "ko",
        {
            "a.md": f"# 가\n\n{keys}\n각 스코프가 끝납니다.\n",
            "b.md": f"# 나\n\n{keys}\n각 스코프가 끝납니다.\n",
            "c.md": "# 속성\n\n## key\n\nkey가 없으면 Vue는 요소를 재사용합니다.\n\n"
            "key가 있으면 Vue는 요소를 재정렬합니다.\n\n## effectScope()\n\n"
            "현재 effect scope를 반환합니다.\n\n해당 effect scope를 중지합니다.\n",
            "d.md": "# 라\n\n각 항목에는 고유한 key가 필요합니다.\n\nkey는 문자열이어야 합니다.\n",
        },
    )
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text("terms:\n  - term: key\n    ko: [키]\n  - term: scope\n    ko: [스코프]\n")
    options = {"glossary": {"files": (str(glossary),), "shipped": False}}
    found = findings(en, ko, Config(select=("TC303",), options=options), "TC303")
    assert places(found) == [("en/d.md", 3, "ko/d.md", 3)]
    assert found[0].message.startswith("'key' is kept in English here (2× in this file")


def _one_finding(tmp_path: Path, pages: dict[str, tuple[str, str]], line: int, says: str) -> None:
    """The tree of ``pages`` (name: English, Korean), with a.md twice (as b.md), has one TC303
    finding: at ``line`` of c.md, its message starting with ``says``."""
    pages = {**pages, "b": pages["a"]}
    en = tree(tmp_path / "en", {f"{name}.md": english for name, (english, _) in pages.items()})
    ko = tree(tmp_path / "ko", {f"{name}.md": korean for name, (_, korean) in pages.items()})
    found = findings(en, ko, Config(select=("TC303",)), "TC303")
    assert places(found) == [("en/c.md", line, "ko/c.md", line)]
    assert found[0].message.startswith(says)


def test_code_names_the_api_only_in_its_section_and_letter_case(tmp_path: Path) -> None:
    # `Object` (the class) names no generic "object" kept in English in the other paragraphs
    a = (
        "# Objects\n\nCreate an object with two fields and pass it to the store.\n\n"
        "Each object keeps its own copy of the data you give it.\n",
        "# 객체\n\n두 필드를 가진 객체를 만들어 스토어에 전달합니다.\n\n"
        "각 객체는 여러분이 준 데이터의 사본을 따로 가집니다.\n",
    )
    c = (
        "# Options\n\nEvery value on this page inherits from `Object` in the end.\n\n"
        "Pass an object to the function to configure how it renders the list.\n\n"
        "The object may also hold a callback that runs after each render.\n",
        "# 옵션\n\n이 페이지의 모든 값은 결국 `Object`를 상속합니다.\n\n"
        "목록을 렌더링하는 방식을 설정하려면 함수에 object를 전달합니다.\n\n"
        "object에는 렌더링할 때마다 실행되는 콜백도 넣을 수 있습니다.\n",
    )
    _one_finding(tmp_path, {"a": a, "c": c}, 5, "'object' is kept in English here (2× in this")


def test_a_noun_written_for_a_pronoun_in_another_rendering_counts(tmp_path: Path) -> None:
    # "The configuration … It …" -> 구성은 … 이 설정은 …: 설정 translates the term (the noun
    # written for "it"), unlike 구성이나 설정 for "configurations or settings"
    a = (
        "# Setup\n\nThe configuration file lives in the project root folder.\n\n"
        "Edit the configuration before you start the server.\n",
        "# 설치\n\n구성 파일은 프로젝트 루트 폴더에 있습니다.\n\n"
        "서버를 시작하기 전에 구성을 수정합니다.\n",
    )
    c = (
        "# Loading\n\nThe configuration is loaded when the app starts. "
        "It can be changed later at run time.\n\n"
        "The configuration is validated first. "
        "It must hold a valid port number and host name.\n",
        "# 로딩\n\n구성은 앱이 시작될 때 로드됩니다. "
        "이 설정은 나중에 실행 중에 바꿀 수 있습니다.\n\n"
        "구성은 먼저 검증됩니다. 이 설정에는 올바른 포트 번호와 호스트 이름이 있어야 합니다.\n",
    )
    _one_finding(tmp_path, {"a": a, "c": c}, 3, "'configuration' is 설정 here (2× in this file")


def test_a_term_kept_emphasized_or_quoted_as_its_english_writes_it_is_a_name(
    tmp_path: Path,
) -> None:
    # c.md keeps the words its English emphasizes or quotes (**pending callbacks**,
    # *dependencies*, "callback queue"): the name being defined, not a rendering decision;
    # "callback" kept in English where the English does not mark it (lines 8, 10 and 12, the
    # last emphasized in Korean only) is still reported
    a = (
        "# Timers\n\nThe callback runs once the timer expires.\n\n"
        "Each callback receives the timer as its argument.\n",
        "# 타이머\n\n콜백은 타이머가 만료되면 실행됩니다.\n\n각 콜백은 타이머를 인자로 받습니다.\n",
    )
    c = (
        "# Phases\n\n- **pending callbacks**: executes I/O callbacks deferred to the next loop.\n"
        "- *dependencies*: the callback packages your app needs.\n\n"
        'Each phase has a "callback queue" to run.\n\n'
        "The callback of a timer runs in the timers phase.\n\n"
        "A callback may schedule another timer.\n\n"
        "The callback must return quickly.\n",
        "# 단계\n\n- **pending callbacks**: 다음 루프로 연기된 I/O 콜백을 실행합니다.\n"
        "- *dependencies*: 앱에 필요한 콜백 패키지입니다.\n\n"
        '각 단계에는 실행할 "callback queue"가 있습니다.\n\n'
        "타이머의 callback은 timers 단계에서 실행됩니다.\n\n"
        "callback은 다른 타이머를 예약할 수 있습니다.\n\n"
        "**callback**은 빨리 반환해야 합니다.\n",
    )
    _one_finding(tmp_path, {"a": a, "c": c}, 8, "'callback' is kept in English here (3× in")
