"""A real LSP client (pygls') talking to ``python -m transcheck lsp`` over stdio, for the tests
and benchmarks/bench_lsp.py: open and edit files, wait for published diagnostics."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parents[2]
Wanted = Callable[[list[types.Diagnostic]], bool]


class Session:
    """One client connected to one server process."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.versions: dict[str, int] = {}
        self.published: list[tuple[float, types.PublishDiagnosticsParams]] = []
        self.arrived = asyncio.Event()
        self.logged: list[str] = []
        self.registered: list[types.Registration] = []  # what the server asked to be told of
        self.pid = client._server.pid if client._server else None  # for its memory

        @client.feature(types.WINDOW_LOG_MESSAGE)
        def log(params: types.LogMessageParams) -> None:
            self.logged.append(params.message)
            self.arrived.set()

        @client.feature(types.WINDOW_SHOW_MESSAGE)
        def show(params: types.ShowMessageParams) -> None:
            self.logged.append(params.message)
            self.arrived.set()

        @client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            self.registered.extend(params.registrations)
            self.arrived.set()

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(params: types.PublishDiagnosticsParams) -> None:
            self.published.append((time.perf_counter(), params))
            self.arrived.set()

    def open(self, path: Path) -> str:
        """Open a file with its saved text; its uri."""
        uri = path.as_uri()
        self.versions[uri] = 1
        item = types.TextDocumentItem(
            uri=uri, language_id="markdown", version=1, text=path.read_text(encoding="utf-8")
        )
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        return uri

    def change(self, uri: str, text: str) -> int:
        """Replace an open file's text (unsaved); the new version."""
        self.versions[uri] += 1
        version = self.versions[uri]
        change = types.TextDocumentContentChangeWholeDocument(text=text)
        document = types.VersionedTextDocumentIdentifier(uri=uri, version=version)
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(text_document=document, content_changes=[change])
        )
        return version

    def on_disk(self, changes: dict[Path, types.FileChangeType]) -> None:
        """Tell the server that files were created, changed or deleted on disk."""
        events = [types.FileEvent(uri=path.as_uri(), type=kind) for path, kind in changes.items()]
        self.client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(changes=events)
        )

    async def _until(self, found: Callable[[], Any], timeout: float, what: str) -> Any:
        """The first non-None result of ``found``, tried whenever the server sends something;
        TimeoutError after ``timeout`` seconds."""
        deadline = time.perf_counter() + timeout
        while True:
            self.arrived.clear()
            result = found()
            if result is not None:
                return result
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"no {what} in {timeout} s")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.arrived.wait(), left)

    async def diagnostics(
        self, uri: str, wanted: Wanted, timeout: float = 60.0, version: int | None = None
    ) -> tuple[float, list[types.Diagnostic]]:
        """The first diagnostics published for ``uri`` (for ``version``, when given) that
        ``wanted`` accepts, with the time they arrived."""

        def found() -> tuple[float, list[types.Diagnostic]] | None:
            for arrived, params in self.published:
                if params.uri != uri or (version is not None and params.version != version):
                    continue
                if wanted(params.diagnostics):
                    return arrived, params.diagnostics
            return None

        result: tuple[float, list[types.Diagnostic]] = await self._until(
            found, timeout, f"wanted diagnostics for {uri}"
        )
        return result

    async def logged_line(self, text: str, timeout: float = 120.0) -> str:
        """The first message the server logged or showed holding ``text``."""
        line: str = await self._until(
            lambda: next((m for m in self.logged if text in m), None), timeout, repr(text)
        )
        return line

    async def hover(self, uri: str, line: int) -> types.Hover | None:
        """Hover at the start of 0-based ``line``."""
        params = types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=0),
        )
        return await self.client.text_document_hover_async(params)

    async def actions(
        self, uri: str, line: int, only: list[str] | None = None
    ) -> list[types.CodeAction]:
        """The code actions offered on 0-based ``line`` (of the kinds ``only`` names)."""
        where = types.Range(
            start=types.Position(line=line, character=0),
            end=types.Position(line=line, character=0),
        )
        params = types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=where,
            context=types.CodeActionContext(diagnostics=[], only=list(only) if only else None),
        )
        found = await self.client.text_document_code_action_async(params) or []
        return [action for action in found if isinstance(action, types.CodeAction)]

    async def links(self, uri: str) -> list[types.DocumentLink]:
        """The document links of an open file."""
        params = types.DocumentLinkParams(text_document=types.TextDocumentIdentifier(uri=uri))
        return await self.client.text_document_document_link_async(params) or []

    async def definition(self, uri: str, line: int) -> Any:
        """Go to definition from the start of 0-based ``line``."""
        params = types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=0),
        )
        return await self.client.text_document_definition_async(params)


@asynccontextmanager
async def session(
    root: Path,
    *arguments: str,
    capabilities: types.ClientCapabilities | None = None,
    options: dict[str, str] | None = None,
) -> AsyncIterator[Session]:
    """A server started on ``root`` (its working directory and workspace), initialized; the
    client declares ``capabilities`` (none by default) and sends ``options`` as its
    initializationOptions."""
    client = LanguageClient("transcheck-tests", "1")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    await client.start_io(sys.executable, "-m", "transcheck", "lsp", *arguments, cwd=root, env=env)
    started = Session(client)
    await client.initialize_async(
        types.InitializeParams(
            capabilities=capabilities or types.ClientCapabilities(),
            initialization_options=options,
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        )
    )
    client.initialized(types.InitializedParams())
    try:
        yield started
    finally:
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()


def applied(text: str, action: types.CodeAction, uri: str) -> str:
    """``text`` with the edits of ``action`` on ``uri`` made, as an editor makes them (UTF-16
    positions, later edits first)."""
    assert action.edit is not None and action.edit.changes is not None
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = line.encode("utf-16-le")[: position.character * 2]
        return before + len(units.decode("utf-16-le"))

    edits = sorted(
        action.edit.changes[uri],
        key=lambda e: (e.range.start.line, e.range.start.character),
        reverse=True,
    )
    for edit in edits:
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text
