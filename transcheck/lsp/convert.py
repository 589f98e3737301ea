"""Findings and aligned blocks as the Language Server Protocol shows them: diagnostics with
ranges, rule links and the English location; hover text; the English line to jump to."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from lsprotocol import types

from transcheck.chapterview import TermUse
from transcheck.findings import Finding, Severity
from transcheck.fixes.apply import fixable, plan_file
from transcheck.live import Aligned, LinkTarget, LiveCheck

SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
README = Path(__file__).resolve().parents[2] / "README.md"


def rule_docs(template: str, finding: Finding) -> str | None:
    """The URL of a finding's rule documentation: the configured template (``{code}``,
    ``{name}``), else the README's rules section when the README is at hand."""
    if template:
        return template.replace("{code}", finding.code).replace("{name}", finding.rule)
    return f"{README.as_uri()}#rules" if README.is_file() else None


def editor_lines(text: str) -> list[str]:
    """A text's lines as the editor and the parser count them (CR LF, CR or LF; not the other
    breaks ``str.splitlines`` knows), unnormalized, so columns match the editor's."""
    return re.split(r"\r\n|\r|\n", text)


def line_range(line: int | None, lines: Sequence[str]) -> types.Range:
    """The whole of 1-based ``line`` (the first line for a finding about the whole file)."""
    row = max((line or 1) - 1, 0)
    text = lines[row] if row < len(lines) else ""
    end = len(text.rstrip("\r\n").encode("utf-16-le")) // 2  # LSP columns count UTF-16 units
    return types.Range(
        start=types.Position(line=row, character=0), end=types.Position(line=row, character=end)
    )


def diagnostic(
    finding: Finding, check: LiveCheck, lines: Sequence[str], template: str
) -> types.Diagnostic:
    """One finding in the edited file; the other side's location is related information. An
    English file's findings are shown at information severity: the English is not what the
    translator fixes."""
    here, there = (
        (finding.target, finding.source) if check.korean else (finding.source, finding.target)
    )
    related = None
    if there.path is not None:
        row = max((there.line or 1) - 1, 0)
        start, end = (
            types.Position(line=row, character=0),
            types.Position(line=row + 1, character=0),
        )
        where = types.Location(
            uri=check.file(there.path).as_uri(), range=types.Range(start=start, end=end)
        )
        related = [
            types.DiagnosticRelatedInformation(
                location=where, message=f"{'English' if check.korean else 'Korean'}: {there}"
            )
        ]
    href = rule_docs(template, finding)
    return types.Diagnostic(
        range=line_range(here.line, lines),
        message=finding.message,
        severity=SEVERITIES[finding.severity]
        if check.korean
        else types.DiagnosticSeverity.Information,
        code=finding.code,
        code_description=types.CodeDescription(href=href) if href else None,
        source=f"transcheck {finding.rule}",
        related_information=related,
    )


def hover(
    aligned: Aligned | None, terms: Sequence[TermUse], elsewhere: Callable[[str], str | None]
) -> types.Hover | None:
    """The English block a Korean line translates, as written, with its file and lines; and
    the glossary terms the line uses, with the rendering it uses and how the other files of
    the tree render them (``elsewhere``, by term)."""
    parts = []
    if aligned is not None:
        span = (
            f"{aligned.line}"
            if aligned.end_line == aligned.line
            else (f"{aligned.line}-{aligned.end_line}")
        )
        longest = max((len(run) for run in re.findall(r"`+", aligned.text)), default=0)
        fence = "`" * max(3, longest + 1)
        parts.append(
            f"**English** `{aligned.display}:{span}`\n\n{fence}markdown\n{aligned.text}\n{fence}"
        )
    unique = dict.fromkeys((term.term, term.rendering) for term in terms)
    if unique:
        rows = "\n".join(
            f"- `{term}` → {rendering}" + (f" (other files: {spread})" if spread else "")
            for term, rendering in unique
            for spread in (elsewhere(term),)
        )
        parts.append(f"**Glossary**\n\n{rows}")
    if not parts:
        return None
    value = "\n\n".join(parts)
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=value))


def definition(aligned: Aligned) -> types.Location:
    """The start of the English block a Korean line translates."""
    start = types.Position(line=aligned.line - 1, character=0)
    return types.Location(uri=aligned.path.as_uri(), range=types.Range(start=start, end=start))


def document_links(targets: Sequence[LinkTarget], lines: Sequence[str]) -> list[types.DocumentLink]:
    """Each link's URL on its line (the first place it is written there), to its target line."""
    found = []
    for target in targets:
        text = lines[target.line - 1] if target.line <= len(lines) else ""
        column = text.find(target.url)
        if not target.url or column < 0:
            continue
        start = len(text[:column].encode("utf-16-le")) // 2
        end = start + len(target.url.encode("utf-16-le")) // 2
        where = types.Range(
            start=types.Position(line=target.line - 1, character=start),
            end=types.Position(line=target.line - 1, character=end),
        )
        uri = f"{target.path.as_uri()}#L{target.target_line}"
        found.append(
            types.DocumentLink(range=where, target=uri, tooltip=f"line {target.target_line}")
        )
    return found


def _position(line: int, column: int, lines: Sequence[str]) -> types.Position:
    """A fix's place (1-based line, 1-based column in code points of the line) in UTF-16 units."""
    text = lines[line - 1] if line <= len(lines) else ""
    return types.Position(line=line - 1, character=len(text[: column - 1].encode("utf-16-le")) // 2)


def quick_fix(
    uri: str, finding: Finding, check: LiveCheck, lines: Sequence[str], template: str
) -> types.CodeAction | None:
    """The fix of one finding as a quick fix on its diagnostic (None without a fix)."""
    fix = finding.fix
    if fix is None:
        return None
    edits = [
        types.TextEdit(
            range=types.Range(
                start=_position(edit.line, edit.column, lines),
                end=_position(edit.end_line, edit.end_column, lines),
            ),
            new_text=edit.text,
        )
        for edit in fix.edits
    ]
    return types.CodeAction(
        title=f"{fix.description} ({finding.code})" + ("" if fix.safe else " [unsafe: check it]"),
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic(finding, check, lines, template)],
        edit=types.WorkspaceEdit(changes={uri: edits}),
        is_preferred=fix.safe,
    )


FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.transcheck"


def fix_all(uri: str, check: LiveCheck, lines: Sequence[str]) -> types.CodeAction | None:
    """Every safe fix of the file at once, taken as ``--fix`` takes them (in order, a fix
    overlapping one already taken left for later), as one edit of the whole text; None when
    no safe fix applies."""
    safe = fixable(check.findings, False)
    planned = plan_file(str(check.path), safe, check.text.encode("utf-8"))
    if not planned.changed:
        return None
    end = _position(len(lines), len(lines[-1]) + 1, lines)
    whole = types.Range(start=types.Position(line=0, character=0), end=end)
    edit = types.TextEdit(range=whole, new_text=planned.after)
    return types.CodeAction(
        title=f"Fix all safe transcheck findings of this file ({len(planned.fixed)})",
        kind=FIX_ALL,
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )
