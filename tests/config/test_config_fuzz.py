"""A fuzz target for the config: random TOML for klm-lint.toml (keys klm-lint knows and keys it
does not, paths that climb out, absolute paths, links, FIFOs, devices, odd types and broken
TOML) never gives a traceback, a hang, or a read or write outside the project.

Every file operation Python reports (audit hooks: open, scandir, listdir, mkdir, rename, …) is
checked against the project; the only other places a run may touch are Python's own and
klm-lint's (modules imported on first use, the rule book).
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import klm_lint
from klm_lint.api import LintOptions, lint
from klm_lint.cli import main
from klm_lint.load.text import printable
from tests.conftest import GOOD_POST

if TYPE_CHECKING:
    from collections.abc import Iterator

_EVENTS = {
    "open",
    "os.scandir",
    "os.listdir",
    "os.mkdir",
    "os.rename",
    "os.remove",
    "os.rmdir",
    "os.symlink",
    "os.link",
    "os.chmod",
    "os.chown",
    "os.utime",
    "os.truncate",
}
_SEEN: list[tuple[str, str, int]] | None = None
"""While a run is watched: each file operation, its path and flags."""


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if _SEEN is None or event not in _EVENTS or not args:
        return
    path = args[0]
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if isinstance(path, os.PathLike):
        path = os.fspath(path)
    if isinstance(path, str):
        flags = args[2] if event == "open" and len(args) > 2 and isinstance(args[2], int) else 0
        _SEEN.append((event, path, flags))


sys.addaudithook(_hook)

PATHS = [
    "",
    ".",
    "..",
    "../..",
    "/",
    "/etc",
    "/etc/passwd",
    "/dev/zero",
    "~",
    "content",
    "content/",
    "content/posts",
    "content/..",
    "content/../..",
    "public",
    "static",
    "linked",
    "linked/secret.md",
    "zero",
    "fifo",
    "data/authors.json",
    "data/categories.yaml",
    "schemas/event.toml",
    "schemas/post.schema.json",
    "linked/schema.toml",
    "fifo.toml",
    ".klm-lint-cache",
    "build/cache",
    "C:\\Windows",
    "\\\\server\\share",
    "a\x00b",
    "%2e%2e/%2e%2e",
    "x" * 300,
    "*",
    "**",
    "{content}/**",
    "!content",
]
TYPES = ["string", "boolean", "integer", "number", "date", "datetime", "asset", "url", "email"]
TYPES += ["slug", "enum", "list", "object", "map", "any", "string-list", "mapping", "bogus"]

texts = st.sampled_from(PATHS) | st.text(max_size=12)
names = st.sampled_from(["posts", "pages", "post", "page", "title", "x", "Notice"]) | st.text(
    max_size=6
)
scalars = st.one_of(
    texts,
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(names, inner, max_size=4),
    max_leaves=12,
)
field_specs = st.sampled_from(TYPES) | st.fixed_dictionaries(
    {},
    optional={
        "type": st.sampled_from(TYPES),
        "required": st.booleans(),
        "ref": texts,
        "ref-key": texts,
        "values": st.lists(texts, max_size=3),
        "pattern": st.sampled_from(["^a", "(a+)+$", "[", "(?=x)", ""]) | st.text(max_size=8),
        "max-length": st.integers(-5, 100) | values,
        "items": st.sampled_from(TYPES),
        "extends": names,
        "severity": st.sampled_from(["error", "warning", "info"]),
        "deprecated": st.booleans() | texts,
        "fields": st.dictionaries(names, st.sampled_from(TYPES), max_size=2),
    },
)
collections = st.fixed_dictionaries(
    {},
    optional={
        "include": st.lists(texts, max_size=3),
        "exclude": st.lists(texts, max_size=2),
        "schema": st.sampled_from(["post", "page", "missing"]) | texts,
        "compare": st.booleans(),
        "required": st.lists(texts, max_size=2),
        "fields": st.dictionaries(names, field_specs, max_size=3),
    },
)
PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "content": st.lists(texts, max_size=3),
    "static": st.lists(texts, max_size=3),
    "include": st.lists(texts, max_size=3),
    "exclude": st.lists(texts, max_size=3),
    "select": st.lists(st.sampled_from(["ALL", "KLM1", "KLM104", "draft-flag", "X"]), max_size=3),
    "ignore": st.lists(st.sampled_from(["KLM105", "KLM2", "nope"]), max_size=3),
    "severity": st.dictionaries(
        st.sampled_from(["KLM104", "KLM105", "x"]), st.sampled_from(["error", "warning", "no"])
    ),
    "per-file-ignores": st.dictionaries(texts, st.lists(texts, max_size=2), max_size=2),
    "collections": st.dictionaries(names, collections, max_size=3),
    "schemas": st.dictionaries(
        names,
        st.fixed_dictionaries(
            {},
            optional={
                "extends": names,
                "unknown": st.sampled_from(["error", "warning", "allow", "x"]),
                "fields": st.dictionaries(names, field_specs, max_size=3),
            },
        ),
        max_size=2,
    ),
    "components": st.dictionaries(names, st.dictionaries(names, values, max_size=2), max_size=2)
    | st.lists(names, max_size=3),
    "mdx": st.booleans(),
    "authors": texts,
    "date-order": st.sampled_from(["month-first", "day-first", "x"]),
    "max-file-size": st.integers(-1, 2**70),
    "max-front-matter-size": st.integers(-1, 2**70),
    "cache": st.booleans(),
    "cache-dir": texts,
}


@st.composite
def configs(draw: st.DrawFn) -> str:
    chosen = draw(st.lists(st.sampled_from(sorted(PLAUSIBLE)), max_size=6, unique=True))
    table: dict[str, Any] = {
        key: draw(PLAUSIBLE[key] if draw(st.integers(0, 4)) else values) for key in chosen
    }
    if draw(st.integers(0, 4)) == 0:  # a key klm-lint does not know
        table.update(draw(st.dictionaries(names, values, max_size=2)))
    text = "".join(f"{_key(key)} = {_value(value)}\n" for key, value in table.items())
    if draw(st.integers(0, 9)) == 0:  # broken TOML now and then
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(max_size=4)) + text[at + draw(st.integers(0, 3)) :]
    return text


def _key(key: str) -> str:
    return _string(key)


def _string(text: str) -> str:
    escaped = []
    for character in text:
        if character in '"\\':
            escaped.append("\\" + character)
        elif ord(character) < 0x20 or ord(character) == 0x7F:
            escaped.append(f"\\u{ord(character):04x}")
        else:
            escaped.append(character)
    return '"' + "".join(escaped) + '"'


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"


class Hang(Exception):
    pass


def _alarm(_signal: int, _frame: object) -> None:
    raise Hang("the run took more than 10 seconds")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A small site with links out of it, a FIFO and a device, and a folder outside it."""
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.md").write_text(GOOD_POST)
    (outside / "schema.toml").write_text("[fields]\n")
    root = tmp_path_factory.mktemp("project")
    (root / "package.json").write_text("{}\n")
    files = {
        "content/posts/a.md": GOOD_POST,
        "content/posts/b.mdx": GOOD_POST.replace("draft: false", 'draft: "no"')
        + '<Notice type="warn">\n',
        "content/about.md": "---\ntitle: About\n---\n",
        "public/images/author/6.jpg": "x",
        "public/images/author/abdullah.jpg": "x",
        "data/authors.json": '[{"name": "Abdullah Al Shifat"}]',
        "data/categories.yaml": "- news\n",
        "schemas/event.toml": "[fields]\ntitle = 'string'\n",
        "schemas/post.schema.json": '{"type": "object", "properties": {"title": {}}}',
    }
    for relative, content in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(content)
    os.symlink(outside, root / "linked")
    os.symlink("/dev/zero", root / "zero")
    os.mkfifo(root / "fifo")
    os.mkfifo(root / "fifo.toml")
    lint([root / "content"], LintOptions(cache=True, statistics=True))  # imports what runs use
    yield root, outside


def _allowed() -> list[str]:
    package = Path(klm_lint.__file__).resolve().parent
    places = {sys.prefix, sys.base_prefix, sys.exec_prefix, str(package.parent)}
    return [os.path.realpath(place) for place in places]


def _outside(seen: list[tuple[str, str, int]], root: Path) -> list[tuple[str, str]]:
    allowed = [os.path.realpath(root), *_allowed()]
    wrong = []
    for operation, path, flags in seen:
        if operation == "open" and flags & getattr(os, "O_NOFOLLOW", 0):
            folder, name = os.path.split(os.path.abspath(path))
            real = os.path.join(os.path.realpath(folder), name)
        else:
            real = os.path.realpath(path)
        if not any(real == place or real.startswith(place + os.sep) for place in allowed):
            wrong.append((operation, path))
    return wrong


@settings(
    max_examples=int(os.environ.get("KLM_FUZZ_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=configs())
def test_random_configs_fail_cleanly_and_stay_in_the_project(
    project: tuple[Path, Path], text: str
) -> None:
    global _SEEN
    root, outside = project
    (root / "klm-lint.toml").write_text(text, encoding="utf-8")
    previous_directory = os.getcwd()
    previous_handler = signal.signal(signal.SIGALRM, _alarm)
    seen: list[tuple[str, str, int]] = []
    out, err = io.StringIO(), io.StringIO()
    code: object = None
    os.chdir(root)
    signal.setitimer(signal.ITIMER_REAL, 10)
    _SEEN = seen
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(["--format", "concise", "content"])
    except SystemExit as done:
        code = done.code
    finally:
        _SEEN = None
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        os.chdir(previous_directory)
    event(f"exit {code}")
    assert code in (0, 1, 2), (code, err.getvalue())
    if code == 2:
        lines = err.getvalue().splitlines()
        assert len(lines) == 1 and lines[0].startswith("klm-lint: error: "), err.getvalue()
        assert "internal error" not in lines[0], lines[0]
        assert printable(lines[0]) == lines[0], lines[0]
    assert "KLM000" not in out.getvalue(), out.getvalue()
    assert _outside(seen, root) == [], text
    assert sorted(path.name for path in outside.iterdir()) == ["schema.toml", "secret.md"]


def test_the_watch_sees_reads_outside(project: tuple[Path, Path]) -> None:
    """The control: the audit hook does see a read outside the project."""
    global _SEEN
    root, outside = project
    seen: list[tuple[str, str, int]] = []
    _SEEN = seen
    try:
        (outside / "secret.md").read_text()
        list(os.scandir(root / "linked"))
    finally:
        _SEEN = None
    assert [operation for operation, _path in _outside(seen, root)] == ["open", "os.scandir"]
