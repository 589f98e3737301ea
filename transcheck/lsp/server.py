"""``transcheck lsp``: the language server (stdio) on pygls.

A Markdown file of a paired tree is checked when opened, changed (after a pause in typing) and
saved, on its unsaved text; its tree is indexed once in the background for the cross-chapter
rules, so a keystroke never waits for it. Checks run one at a time in a worker thread; the event
loop only converts and publishes. Hover and go to definition on a Korean line give the aligned
English block and the glossary terms of the line.
"""

from __future__ import annotations

import asyncio
import gc
import os
import time
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from transcheck.config import ConfigError, load_config
from transcheck.live import LiveCheck, LiveTree
from transcheck.lsp import convert
from transcheck.lsp.trees import Roots, guess_roots
from transcheck.pairing import PairingError

DEBOUNCE_SECONDS = 0.3


def _version() -> str:
    """The installed package's version ('0' for a bare checkout)."""
    try:
        return version("transcheck")
    except PackageNotFoundError:
        return "0"


class TranscheckServer(LanguageServer):
    """The server's state: the trees met so far, the last check of each open file."""

    def __init__(self, roots: Roots | None = None) -> None:
        super().__init__("transcheck", _version())
        self.roots = roots  # set by `--source/--target` or the client's initializationOptions
        self.trees: dict[Roots, LiveTree] = {}
        self.open: set[str] = set()  # uris of the open files
        self.checks: dict[str, LiveCheck] = {}  # uri -> last published check
        self.pending: dict[str, int] = {}  # uri -> the version waiting for its pause
        self.checker = ThreadPoolExecutor(1, thread_name_prefix="transcheck-check")
        self.indexer = ThreadPoolExecutor(1, thread_name_prefix="transcheck-index")

    def configure(self, root: str | None, options: Any) -> None:
        """Take the trees from the client's ``initializationOptions`` (``source``, ``target``,
        relative to the workspace root), unless the command line named them."""
        if self.roots is not None or not isinstance(options, dict):
            return
        source, target = options.get("source"), options.get("target")
        if isinstance(source, str) and isinstance(target, str):
            base = Path(root or os.getcwd())
            self.roots = Roots((base / source).absolute(), (base / target).absolute())

    def tree_of(self, path: Path) -> LiveTree | None:
        """The tree ``path`` belongs to, paired and indexed (in the background) on first use;
        None (and a message to the user) when it belongs to none or cannot be paired."""
        roots = self.roots if self.roots and self.roots.holds(path) else guess_roots(path)
        if roots is None:
            return None
        if roots not in self.trees:
            root = self.workspace.root_path
            try:
                config = load_config(None, start=Path(root) if root else roots.target)
                self.trees[roots] = LiveTree(roots.source, roots.target, config)
            except (ConfigError, PairingError) as error:
                self.complain(error)
                return None
            asyncio.get_running_loop().create_task(self.index(self.trees[roots]))
        return self.trees[roots]

    def complain(self, error: Exception) -> None:
        """Show the user why files are not checked (a config or pairing error)."""
        message = f"transcheck: {error}"
        self.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Error, message=message)
        )

    async def index(self, tree: LiveTree) -> None:
        """Index a tree in the background, then check its open files again (with the
        cross-chapter findings now known)."""
        started = time.perf_counter()
        try:
            await asyncio.get_running_loop().run_in_executor(self.indexer, tree.index)
        except ConfigError as error:
            self.complain(error)
            return
        seconds = time.perf_counter() - started
        # the indexed trees live as long as the server: keep the garbage collector from walking
        # them again at every check (measured: 619 -> 313 ms per change on a 74 KB chapter)
        gc.freeze()
        message = (
            f"transcheck: indexed {len(tree.pairing.pairs)} file pairs of "
            f"{tree.pairing.target.root} in {seconds:.1f} s"
        )
        self.window_log_message(
            types.LogMessageParams(type=types.MessageType.Info, message=message)
        )
        await self.recheck(tree)

    async def recheck(self, tree: LiveTree) -> None:
        """Check again every open file of ``tree``."""
        for uri in list(self.open):
            if self.tree_of(Path(to_fs_path(uri) or "")) is tree:
                await self.check(uri)

    async def check(self, uri: str) -> None:
        """Check a file on its current text and publish its diagnostics (unless it changed
        again meanwhile: the newer text's check publishes)."""
        path = Path(to_fs_path(uri) or "")
        tree = self.tree_of(path)
        if tree is None:
            return
        document = self.workspace.get_text_document(uri)
        text, at = document.source, document.version
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(self.checker, tree.check, path, text)
        except ConfigError as error:  # a glossary the config names is broken, for instance
            self.complain(error)
            return
        if uri not in self.open or self.workspace.get_text_document(uri).version != at:
            return
        if result is None:
            return
        self.checks[uri] = result
        template = str(tree.config.option("editor", "rule_docs"))
        lines = convert.editor_lines(text)
        diagnostics = [convert.diagnostic(f, result, lines, template) for f in result.findings]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=at)
        )

    async def changed(self, uri: str, at: int | None) -> None:
        """Check after a pause in typing: only the last version of a burst is checked."""
        self.pending[uri] = at or 0
        await asyncio.sleep(DEBOUNCE_SECONDS)
        if self.pending.get(uri) == (at or 0):
            del self.pending[uri]
            await self.check(uri)

    async def saved(self, path: Path) -> None:
        """A file was saved or changed on disk: its tree reads it again, and open files of the
        tree are checked again."""
        tree = self.tree_of(path)
        if tree is not None:
            await asyncio.get_running_loop().run_in_executor(self.indexer, tree.saved_change, path)
            await self.recheck(tree)

    def at(self, uri: str, position: types.Position) -> tuple[LiveCheck, int] | None:
        """The last check of a Korean file and the 1-based line at ``position``."""
        check = self.checks.get(uri)
        return (check, position.line + 1) if check is not None and check.korean else None


def _kind(kind: object) -> str:
    """A code action kind as its string (an enum member's value)."""
    return str(getattr(kind, "value", kind))


def build(roots: Roots | None = None) -> TranscheckServer:
    """The server with its features registered."""
    server = TranscheckServer(roots)

    @server.feature(types.INITIALIZE)
    def initialize(ls: TranscheckServer, params: types.InitializeParams) -> None:
        ls.configure(ls.workspace.root_path, params.initialization_options)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: TranscheckServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.open.add(params.text_document.uri)
        await ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: TranscheckServer, params: types.DidChangeTextDocumentParams) -> None:
        await ls.changed(params.text_document.uri, params.text_document.version)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: TranscheckServer, params: types.DidSaveTextDocumentParams) -> None:
        await ls.saved(Path(to_fs_path(params.text_document.uri) or ""))

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: TranscheckServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.open.discard(params.text_document.uri)
        ls.checks.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched(ls: TranscheckServer, params: types.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            await ls.saved(Path(to_fs_path(change.uri) or ""))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: TranscheckServer, params: types.HoverParams) -> types.Hover | None:
        found = ls.at(params.text_document.uri, params.position)
        if found is None:
            return None
        check, line = found
        return convert.hover(check.aligned(line), check.terms(line))

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: TranscheckServer, params: types.DefinitionParams) -> types.Location | None:
        found = ls.at(params.text_document.uri, params.position)
        aligned = found[0].aligned(found[1]) if found is not None else None
        return convert.definition(aligned) if aligned is not None else None

    kinds: list[types.CodeActionKind | str] = [types.CodeActionKind.QuickFix, convert.FIX_ALL]

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=kinds)
    )
    def actions(ls: TranscheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        check = ls.checks.get(uri)
        if check is None or not check.korean:
            return []
        lines = convert.editor_lines(check.text)
        rows = range(params.range.start.line + 1, params.range.end.line + 2)
        template = str(check.run.config.option("editor", "rule_docs"))
        found = [
            convert.quick_fix(uri, f, check, lines, template)
            for f in check.findings
            if f.target.line in rows
        ]
        found.append(convert.fix_all(uri, check, lines))
        only = params.context.only
        return [
            action
            for action in found
            if action is not None
            and (not only or any(_kind(action.kind).startswith(_kind(kind)) for kind in only))
        ]

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_LINK)
    def links(ls: TranscheckServer, params: types.DocumentLinkParams) -> list[types.DocumentLink]:
        check = ls.checks.get(params.text_document.uri)
        if check is None or not check.korean:
            return []
        return convert.document_links(check.links(), convert.editor_lines(check.text))

    return server


def serve(roots: Roots | None = None) -> None:
    """Run the server on stdin/stdout until the client exits."""
    build(roots).start_io()
