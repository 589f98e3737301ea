"""Loading glossaries: every validation error names the file and the line; merging; the
shipped glossary is valid and large enough."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from transcheck.glossary import GlossaryError, Policy, load_glossaries, read_glossary, shipped_path
from transcheck.safeyaml import FAST_LOADER, load_node


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    return [str(p) for p in read_glossary(path)[1]]


def test_unknown_key_names_file_line_and_valid_keys(tmp_path: Path) -> None:
    path = write(tmp_path, "g.yaml", "terms:\n  - term: kernel\n    ko: [커널]\n    kor: [커늘]\n")
    [message] = problems(path)
    assert message.startswith(f"{path}:4: unknown key 'kor' in a term entry; valid keys: term,")


def test_unknown_top_level_key(tmp_path: Path) -> None:
    path = write(tmp_path, "g.yaml", "policy: consistent\nterm: []\nterms: []\n")
    assert problems(path)[0].startswith(f"{path}:2: unknown key 'term' in the top level")


def test_duplicate_term_names_both_lines(tmp_path: Path) -> None:
    text = "terms:\n  - term: kernel\n    ko: [커널]\n  - term: Kernel\n    ko: [커널]\n"
    path = write(tmp_path, "g.yaml", text)
    assert problems(path) == [f"{path}:4: duplicate term 'Kernel' (first at line 2)"]


def test_duplicate_key_within_an_entry(tmp_path: Path) -> None:
    path = write(tmp_path, "g.yaml", "terms:\n  - term: kernel\n    ko: [커널]\n    ko: [커늘]\n")
    assert problems(path) == [f"{path}:4: duplicate key 'ko' in a term entry"]


def test_bad_regex(tmp_path: Path) -> None:
    text = "terms:\n  - term: flops\n    pattern: 'FLOPs(/s'\n    ko: [플롭스]\n"
    path = write(tmp_path, "g.yaml", text)
    [message] = problems(path)
    assert message.startswith(f"{path}:3: pattern of 'flops' is not a valid regex: ")


def test_rendering_both_accepted_and_forbidden(tmp_path: Path) -> None:
    text = "terms:\n  - term: roofline\n    ko: [루프라인]\n    forbidden:\n      - 루프 라인\n"
    path = write(tmp_path, "g.yaml", text)
    assert problems(path) == [
        f"{path}:5: rendering '루프 라인' of 'roofline' is both accepted (ko) and forbidden"
    ]


def test_preferred_must_be_accepted_and_types_are_checked(tmp_path: Path) -> None:
    text = (
        "policy: strict\n"
        "terms:\n"
        "  - term: latency\n"
        "    ko: [지연 시간]\n"
        "    preferred: 레이턴시\n"
        "  - term: kernel\n"
        "    keep_english: maybe\n"
        "  - ko: [커널]\n"
    )
    path = write(tmp_path, "g.yaml", text)
    assert problems(path) == [
        f"{path}:1: policy must be one of consistent, preferred (got 'strict')",
        f"{path}:5: preferred '레이턴시' of 'latency' is not one of its accepted renderings (ko)",
        f"{path}:7: keep_english must be true or false (got 'maybe')",
        f"{path}:8: a term entry needs the key 'term'",
    ]


def test_invalid_yaml_has_a_line(tmp_path: Path) -> None:
    path = write(tmp_path, "g.yaml", "terms:\n  - term: [kernel\n")
    [message] = problems(path)
    assert message.startswith(f"{path}:3: invalid YAML")


def test_load_raises_with_every_problem_of_every_file(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", "terms:\n  - term: a\n    bad: 1\n")
    second = write(tmp_path, "b.yaml", "terms:\n  - term: b\n    pattern: '('\n")
    with pytest.raises(GlossaryError) as raised:
        load_glossaries([first, second])
    lines = str(raised.value).splitlines()
    assert [line.split(": ")[0] for line in lines] == [f"{first}:3", f"{second}:3"]


def test_later_glossary_wins_per_term_and_for_the_defaults_it_sets(tmp_path: Path) -> None:
    base = write(
        tmp_path,
        "base.yaml",
        "keep_english: false\nterms:\n  - term: kernel\n    ko: [커널]\n"
        "  - term: latency\n    ko: [지연]\n",
    )
    project = write(
        tmp_path,
        "project.yaml",
        "policy: preferred\nterms:\n  - term: Latency\n    ko: [지연 시간]\n"
        "  - term: roofline\n    ko: [루프라인]\n",
    )
    merged = load_glossaries([base, project])
    assert [(e.term, e.ko) for e in merged.entries] == [
        ("kernel", ("커널",)),
        ("Latency", ("지연 시간",)),
        ("roofline", ("루프라인",)),
    ]
    assert merged.policy is Policy.PREFERRED
    assert merged.keep_english is False  # set by the base, not reset by the project


def test_shipped_glossaries_are_valid_and_cover_their_vocabulary() -> None:
    general, found = read_glossary(shipped_path())
    assert found == []
    for term in ("component", "function", "parameter", "argument", "property", "cache", "server"):
        assert general.find(term) is not None
    glossary, found = read_glossary(shipped_path("ko-ml"))
    assert found == []
    terms = {entry.term for entry in glossary.entries}
    assert len(terms) >= 40
    for term in ("inference", "kernel", "sharding", "shard", "bandwidth", "latency", "throughput",
                 "roofline", "arithmetic intensity", "matmul", "data parallelism",
                 "model parallelism", "pipeline", "collective", "accelerator"):  # fmt: skip
        assert term in terms


def _shape(node: yaml.Node) -> list[tuple[str, int, int, object]]:
    """Every node of a tree in document order: tag, line, column and (scalars) value."""
    found = [(node.tag, node.start_mark.line, node.start_mark.column, None)]
    if isinstance(node, yaml.ScalarNode):
        return [(*found[0][:3], node.value)]
    children = (
        [c for pair in node.value for c in pair]
        if isinstance(node, yaml.MappingNode)
        else node.value
    )
    return found + [shape for child in children for shape in _shape(child)]


def test_shipped_glossaries_read_the_same_with_libyaml_as_in_pure_python() -> None:
    # Glossaries are composed by libyaml when PyYAML has it (the shipped one is read by every
    # check); its nodes, lines and data must be the ones the pure-Python loader gives.
    for name in ("ko", "ko-ml"):
        text = shipped_path(name).read_text(encoding="utf-8")
        fast_node, fast_data = load_node(text, FAST_LOADER)
        node, data = load_node(text)
        assert fast_node is not None and node is not None
        assert _shape(fast_node) == _shape(node)
        assert fast_data == data
