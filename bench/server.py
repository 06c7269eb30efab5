"""The language server's speed on a large site, driven as an editor drives it.

    python bench/server.py                      # a generated site of 10,000 posts
    python bench/server.py --posts 1000 --changes 50 --keep /tmp/benchsites

Starts `klm-lint server` on a generated site (bench/generate.py), waits until it has read
the site's posts (its whole-site index), opens one post, then changes it again and again, and
times each change from the moment it is sent to the moment its diagnostics arrive: half the
changes edit the body, half the title (which the whole-site rules compare). The times include
the server's debounce (it waits that long after a change before linting). For comparison, it
also times `Workspace.lint_text` on the same post in this process, without the protocol.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

if TYPE_CHECKING:
    from collections.abc import Callable


class Timer:
    """Diagnostics as they arrive, by document version."""

    def __init__(self, client: LanguageClient) -> None:
        self.arrived: dict[int, float] = {}
        self.logs: list[str] = []
        self.event = asyncio.Event()

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            if params.version is not None:
                self.arrived[params.version] = time.perf_counter()
                self.event.set()

        @client.feature(types.WINDOW_LOG_MESSAGE)
        def logged(params: types.LogMessageParams) -> None:
            self.logs.append(params.message)
            self.event.set()

        @client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            return None

    async def until(self, done: Callable[[], bool]) -> None:
        while not done():
            self.event.clear()
            await asyncio.wait_for(self.event.wait(), timeout=120)


async def drive(root: Path, changes: int) -> dict[str, float]:
    client = LanguageClient("klm-lint-bench", "1")
    timer = Timer(client)
    await client.start_io(sys.executable, "-m", "klm_lint", "server")
    started = time.perf_counter()
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(root.as_uri(), root.name)],
        )
    )
    client.initialized(types.InitializedParams())
    await timer.until(lambda: any("read the posts" in log for log in timer.logs))
    indexed = time.perf_counter() - started
    path = root / "content" / "posts" / "post-00000.md"
    text = path.read_text(encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text))
    )
    await timer.until(lambda: 1 in timer.arrived)
    title = text.split("title: ", 1)[1].split("\n", 1)[0]
    body: list[float] = []
    titled: list[float] = []
    for version in range(2, changes + 2):
        if version % 2:
            changed = text.replace(f"title: {title}", f"title: {title} {version}")
        else:
            changed = text + f"\nOne more line, number {version}.\n"
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version, uri),
                [types.TextDocumentContentChangeWholeDocument(changed)],
            )
        )
        await timer.until(lambda version=version: version in timer.arrived)
        (titled if version % 2 else body).append(timer.arrived[version] - sent)
        await asyncio.sleep(0.1)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    every = body + titled
    return {
        "index": indexed,
        "median": statistics.median(every),
        "p90": statistics.quantiles(every, n=10)[-1],
        "max": max(every),
        "body": statistics.median(body),
        "title": statistics.median(titled),
    }


def in_process(root: Path, repeat: int) -> float:
    """The median time of Workspace.lint_text on one post, its index already built."""
    from klm_lint.workspace import Workspace

    workspace = Workspace(root)
    workspace.build_index()
    path = root / "content" / "posts" / "post-00000.md"
    text = path.read_text(encoding="utf-8")
    times = []
    for number in range(repeat):
        changed = text + f"\nOne more line, number {number}.\n"
        started = time.perf_counter()
        workspace.lint_text(path, changed)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=40)
    parser.add_argument("--keep", type=Path, help="Keep the generated site in this folder.")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = (arguments.keep or Path(temporary)) / f"site-{arguments.posts}-1500"
        if not folder.exists():
            generate(folder, arguments.posts)
        found = asyncio.run(drive(folder.resolve(), arguments.changes))
        alone = in_process(folder.resolve(), arguments.changes)
    milliseconds = {key: value * 1000 for key, value in found.items()}
    print(f"site: {arguments.posts:,} posts; {arguments.changes} changes")
    print(f"index built in the background: {found['index']:.2f} s after initialize")
    print(
        "change → diagnostics (debounce included): "
        f"median {milliseconds['median']:.1f} ms, 90th percentile {milliseconds['p90']:.1f} ms, "
        f"max {milliseconds['max']:.1f} ms"
    )
    print(
        f"  body edits: median {milliseconds['body']:.1f} ms; "
        f"title edits: median {milliseconds['title']:.1f} ms"
    )
    print(f"Workspace.lint_text alone, in process: median {alone * 1000:.1f} ms")


if __name__ == "__main__":
    main()
