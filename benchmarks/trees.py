"""Large trees for speed and size measurements: a corpus replicated under distinct names, its
code blocks optionally multiplied (a code-heavy site), written into a folder the caller owns."""

from __future__ import annotations

import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
BOOK = SHARED / "scaling-book"
VUE = SHARED / "vue-docs"
SUFFIXES = (".md", ".mdx", ".markdown")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def multiply_code(text: str, factor: int) -> str:
    """``text`` with the body of every fenced code block repeated ``factor`` times."""
    if factor == 1:
        return text
    out: list[str] = []
    body: list[str] = []
    fence = ""
    for line in text.splitlines(keepends=True):
        opened = _FENCE.match(line)
        if not fence:
            out.append(line)
            fence = opened.group(1) if opened else ""
        elif opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
            out.extend(body * factor)
            out.append(line)
            body, fence = [], ""
        else:
            body.append(line)
    return "".join(out + body)


def documents(corpus: Path, side: str) -> list[Path]:
    """The Markdown files of one side of ``corpus``, relative to it, in order."""
    root = corpus / side
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.suffix in SUFFIXES)


def replicate(corpus: Path, target: Path, copies: int, code: int = 1) -> int:
    """Write ``corpus``'s en/ and ko/ ``copies`` times into ``target`` (copy k of a file gets
    the suffix ``-rk``; other files are left out), each code block's body ``code`` times;
    return the bytes written."""
    total = 0
    for side in ("en", "ko"):
        for relative in documents(corpus, side):
            text = multiply_code((corpus / side / relative).read_text(encoding="utf-8"), code)
            data = text.encode("utf-8")
            for copy in range(copies):
                name = relative if copy == 0 else relative.with_stem(f"{relative.stem}-r{copy}")
                path = target / side / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                total += len(data)
    return total
