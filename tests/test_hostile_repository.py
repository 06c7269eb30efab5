"""A hostile repository: a pull request can change posts, data files, links and the config
itself. Whatever it holds, klm-lint reads only inside the project, never hangs, never reads a
file whole past its limit, writes only its own files, and shows nothing that steers a terminal
or a CI log.

Runs that could hang or fill the memory if a guard failed run in a subprocess with a timeout
and a memory limit.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import resource
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from klm_lint.errors import ConfigError
from tests.cache_files import numbers, read_cache, resealed
from tests.conftest import GOOD_POST

if TYPE_CHECKING:
    from collections.abc import Iterator

    from tests.conftest import SiteBuilder

MEMORY_LIMIT = 1024**3
"""A run in these tests that needs more than this has read something it should not have."""
AUTHORS = '[{"name": "Abdullah Al Shifat", "avatar": "/images/author/abdullah.jpg"}]\n'
FIXABLE = GOOD_POST.replace("draft: false", 'draft: "false"')


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def klm_lint(*args: str, cwd: Path, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """The command, in a subprocess that may not hang or take more than 1 GiB."""
    environment = {**os.environ, "NO_COLOR": "1"}
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "klm_lint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=timeout,
        preexec_fn=_limited,
    )


def klm_lint_here(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command, run in this process (for runs that cannot hang however they fail)."""
    from klm_lint.cli import main

    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main(list(args))
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 0
    finally:
        os.chdir(previous)
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def one_line_error(result: subprocess.CompletedProcess[str], *parts: str) -> str:
    """The run ended with exit 2 and one line on stderr holding every part."""
    assert result.returncode == 2, (result.returncode, result.stdout[-2000:], result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("klm-lint: error: "), lines[0]
    assert "internal error" not in lines[0], lines[0]
    for part in parts:
        assert part in lines[0], (part, lines[0])
    return lines[0]


def config_error(site: SiteBuilder, *paths: str) -> str:
    """The message of the ConfigError a run in the site raises."""
    with pytest.raises(ConfigError) as raised:
        site.run(*paths)
    message = raised.value.message
    assert "\n" not in message
    return message


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the project, with a file that must never be read or written."""
    folder = tmp_path_factory.mktemp("outside")
    (folder / "secret.md").write_text(GOOD_POST.replace("Community engagement.", "SECRET"))
    (folder / "authors.json").write_text(AUTHORS)
    (folder / "target.txt").write_text("untouched\n")
    return folder


# 1. Every file the config names is read through the guard: regular, capped, in the project.


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom"])
def test_an_authors_file_that_is_a_device_is_refused(site: SiteBuilder, target: str) -> None:
    site.post(GOOD_POST)
    site.config('authors = "data/authors.json"\n')
    (site.root / "data").mkdir()
    os.symlink(target, site.root / "data" / "authors.json")
    started = time.monotonic()
    result = klm_lint(cwd=site.root)
    one_line_error(result, "authors: 'data/authors.json'", "a link that leads outside the project")
    assert time.monotonic() - started < 20


def test_an_authors_file_that_is_a_fifo_does_not_hang(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    site.config('authors = "data/authors.json"\n')
    (site.root / "data").mkdir()
    os.mkfifo(site.root / "data" / "authors.json")
    result = klm_lint(cwd=site.root, timeout=20)
    one_line_error(result, "authors: cannot read data/authors.json (not a regular file)")


def test_an_authors_file_over_the_limit_is_not_read(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    site.config('authors = "authors.yaml"\n')
    with (site.root / "authors.yaml").open("wb") as handle:
        handle.write(b"- name: Abdullah Al Shifat\n")
        handle.truncate(4 * 1024**3)
    result = klm_lint(cwd=site.root)
    one_line_error(result, "authors.yaml", "larger than the limit of 1,048,576 bytes")


def test_an_authors_file_linked_out_of_the_project_is_refused(
    site: SiteBuilder, outside: Path
) -> None:
    site.post(GOOD_POST)
    site.config('authors = "authors.json"\n')
    os.symlink(outside / "authors.json", site.root / "authors.json")
    assert "a link that leads outside the project" in config_error(site)
    (site.root / "data").symlink_to(outside)
    site.config('authors = "data/authors.json"\n')
    assert "goes through a link that leads outside the project" in config_error(site)


def test_an_authors_file_linked_inside_the_project_is_read(site: SiteBuilder) -> None:
    site.post(GOOD_POST.replace("Abdullah Al Shifat", "Someone Else"))
    site.write("data/real.json", AUTHORS)
    os.symlink("real.json", site.root / "data" / "authors.json")
    site.config('authors = "data/authors.json"\n')
    assert "KLM403" in site.codes()


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("/etc/passwd.json", "is an absolute path"),
        ("../outside/authors.json", "leads out of the project"),
        ("data/../../authors.json", "leads out of the project"),
        ("C:\\\\authors.json", "is an absolute path"),
        ("data/\\u0000.json", "NUL character"),
    ],
)
def test_an_authors_file_outside_the_project_is_refused(
    site: SiteBuilder, value: str, says: str
) -> None:
    site.post(GOOD_POST)
    site.config(f'authors = "{value}"\n')
    message = config_error(site)
    assert message.startswith(f"{site.root / 'klm-lint.toml'}: authors: "), message
    assert says in message


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("authors.json", "[" * 100_000 + "]" * 100_000),
        ("authors.yaml", "[" * 3000 + "]" * 3000),
        ("authors.toml", "authors = " + "[" * 3000 + "]" * 3000),
        ("authors.json", '[{"name": "\\udc00"}]'),
    ],
)
def test_hostile_authors_data_is_a_config_error(site: SiteBuilder, name: str, content: str) -> None:
    site.post(GOOD_POST)
    site.write(name, content)
    site.config(f'authors = "{name}"\n')
    result = klm_lint_here(cwd=site.root)
    one_line_error(result, name)


@pytest.mark.parametrize("target", ["/dev/zero", "fifo", "outside"])
@pytest.mark.parametrize("name", ["klm-lint.toml", "pyproject.toml"])
def test_a_config_file_that_is_not_a_regular_file_of_the_project_is_refused(
    site: SiteBuilder, outside: Path, target: str, name: str
) -> None:
    site.post(GOOD_POST)
    config = site.root / name
    if target == "fifo":
        os.mkfifo(config)
    elif target == "outside":
        (outside / name).write_text('[tool.klm-lint]\ncontent = ["content"]\n')
        os.symlink(outside / name, config)
    else:
        os.symlink(target, config)
    result = klm_lint(cwd=site.root, timeout=20)
    expected = "not a regular file" if target == "fifo" else "a link that leads outside the project"
    one_line_error(result, name, expected)


def test_a_config_file_over_the_limit_is_refused(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    with (site.root / "klm-lint.toml").open("wb") as handle:
        handle.write(b"# comment\n")
        handle.truncate(4 * 1024**3)
    one_line_error(klm_lint(cwd=site.root), "klm-lint.toml", "larger than the limit")


def test_a_config_that_nests_too_deeply_is_a_config_error(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    site.config("content = " + "[" * 5000 + "]" * 5000 + "\n")
    one_line_error(klm_lint_here(cwd=site.root), "klm-lint.toml", "nests too deeply")


NAMED_FILES = {
    "schema": '[collections.posts]\nschema = "{path}"\n',
    "ref": (
        "[collections.posts.fields]\n"
        'categories = {{ type = "list", items = {{ type = "string", ref = "{path}" }} }}\n'
    ),
}


@pytest.mark.parametrize("key", sorted(NAMED_FILES))
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "outside", "absolute", "climbs"])
def test_schema_and_data_files_go_through_the_guard(
    site: SiteBuilder, outside: Path, key: str, kind: str
) -> None:
    """Every file the config names, not only the authors file."""
    site.post(GOOD_POST)
    suffix = ".toml" if key == "schema" else ".yaml"
    (site.root / "data").mkdir()
    path = site.root / "data" / f"named{suffix}"
    (outside / f"named{suffix}").write_text("- a\n" if key == "ref" else "[fields]\n")
    value = f"data/named{suffix}"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "/dev/zero":
        os.symlink(kind, path)
    elif kind == "outside":
        os.symlink(outside / f"named{suffix}", path)
    elif kind == "absolute":
        value = str(outside / f"named{suffix}")
    else:
        value = f"../{outside.name}/named{suffix}"
    site.config(NAMED_FILES[key].format(path=value))
    says = {
        "fifo": "not a regular file",
        "/dev/zero": "a link that leads outside the project",
        "outside": "a link that leads outside the project",
        "absolute": "is an absolute path",
        "climbs": "leads out of the project",
    }[kind]
    run = klm_lint if kind in ("fifo", "/dev/zero") else klm_lint_here
    one_line_error(run(cwd=site.root), key, says)


@pytest.mark.parametrize("kind", ["bad-pattern", "fifo", "/dev/zero", "outside"])
def test_gitignore_files_go_through_the_guard(site: SiteBuilder, outside: Path, kind: str) -> None:
    """git would skip a line it cannot read, and read no .gitignore that is not a regular file
    of the work tree: a .gitignore that hides every post must not be taken from outside."""
    subprocess.run(["git", "init", "-q"], cwd=site.root, check=True)
    site.post(FIXABLE)
    ignore = site.root / "content" / ".gitignore"
    if kind == "bad-pattern":
        ignore.write_text("!\nnothing-here.md\n")
    elif kind == "fifo":
        os.mkfifo(ignore)
    elif kind == "/dev/zero":
        os.symlink(kind, ignore)
    else:
        (outside / "ignore").write_text("*.md\n")
        os.symlink(outside / "ignore", ignore)
    run = klm_lint if kind in ("fifo", "/dev/zero") else klm_lint_here
    result = run("--format", "concise", cwd=site.root)
    assert result.returncode == 1, result.stderr
    assert "content/posts/post.md:8:8: KLM104" in result.stdout


# 2. The site summary escapes what it shows, as every report does.

HOSTILE_TITLE = (
    '"Spring \\u001b]8;;https://evil.example\\u0007link\\u001b]8;;\\u0007\\n'
    '::error file=.github/workflows/x.yml::forged\\n::add-mask::x \\u202eTXT.exe\\u001b[2J"'
)
HOSTILE_AUTHOR = '"Jane\\n::warning::forged \\u001b[31mred\\u202e"'


@pytest.mark.parametrize("output_format", ["concise", "full", "json"])
def test_the_site_summary_escapes_titles_and_authors(site: SiteBuilder, output_format: str) -> None:
    post = GOOD_POST.replace("Community engagement.", HOSTILE_TITLE).replace(
        "Abdullah Al Shifat", HOSTILE_AUTHOR
    )
    site.post(post.replace("draft: false", "draft: true"), "draft.md")
    site.post(post.replace("2022-04-04", "2099-04-04").replace("/images/post", "/x"), "later.md")
    result = klm_lint_here(
        "--statistics", "--format", output_format, "--now", "2024-01-01", cwd=site.root
    )
    assert result.returncode in (0, 1), result.stderr
    for forbidden in ("\x1b", "\x07", "\u202e"):
        assert forbidden not in result.stdout
    assert not [line for line in result.stdout.splitlines() if line.lstrip().startswith("::")]
    if output_format == "full":
        return  # a table, whose cells wrap
    shown = json.loads(result.stdout)["overview"] if output_format == "json" else result.stdout
    assert "␛]8;;https://evil.example␇link" in str(shown)
    assert "␊::error file=.github/workflows/x.yml::forged␊::add-mask::x" in str(shown)
    assert "Jane ::warning::forged ␛[31mred�" in str(shown)


def test_errors_show_config_values_as_pictures(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    site.config('static = ["\\u001b]8;;https://evil.example\\u0007x\\n::error::forged"]\n')
    result = klm_lint_here(cwd=site.root)
    line = one_line_error(result, "static")
    assert "\x1b" not in line and "\x07" not in line
    assert "␛]8;;https:/evil.example␇x␊::error::forged/" in line


# 3. --diff shows body lines as pictures where they would steer the terminal.


def test_the_diff_escapes_the_lines_it_shows(site: SiteBuilder) -> None:
    body = "Clear \x1b[2J the screen, \x1b]8;;https://evil.example\x07a link\x1b]8;;\x07.\n"
    site.post(FIXABLE + body.replace("screen,", "screen, \u202egnp.exe"))
    result = klm_lint_here("--diff", cwd=site.root)
    assert result.returncode == 1, result.stderr
    for forbidden in ("\x1b", "\x07", "\u202e"):
        assert forbidden not in result.stdout
    assert '-draft: "false"\n+draft: false\n' in result.stdout
    shown = " Clear ␛[2J the screen, �gnp.exe ␛]8;;https://evil.example␇a link␛]8;;␇.\n"
    assert shown in result.stdout
    assert "content/posts/post.md: the diff shows control characters as pictures" in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        FIXABLE,
        FIXABLE.replace("\n", "\r\n"),
        FIXABLE.rstrip("\n"),
        FIXABLE.replace("\n", "\r\n").rstrip("\r\n"),
        FIXABLE + "A line with a tab\tand naïve → ✓ text.\n",
        FIXABLE + "A line separator \u2028 and a paragraph separator \u2029 inside.\n",
    ],
    ids=["lf", "crlf", "no-final-newline", "crlf-no-final-newline", "tab", "u2028"],
)
def test_the_diff_applies_to_the_file(site: SiteBuilder, text: str) -> None:
    """What git apply makes of the diff is exactly what --fix writes."""
    post = site.post(text.encode("utf-8"))
    subprocess.run(["git", "init", "-q"], cwd=site.root, check=True)
    result = subprocess.run(
        [sys.executable, "-m", "klm_lint", "--diff"], cwd=site.root, capture_output=True, timeout=60
    )
    assert result.returncode == 1, result.stderr
    assert b"diff shows control characters" not in result.stderr
    (site.root / "fix.diff").write_bytes(result.stdout)
    applied = subprocess.run(["git", "apply", "fix.diff"], cwd=site.root, capture_output=True)
    assert applied.returncode == 0, (applied.stderr, result.stdout)
    by_patch = post.read_bytes()
    post.write_bytes(text.encode("utf-8"))
    assert klm_lint_here("--fix", cwd=site.root).returncode == 0
    assert by_patch == post.read_bytes()
    assert b"draft: false" in by_patch


# 4. Workers of the process pool die with the parent.

POOL_SCRIPT = """
import os, sys, time
from klm_lint.engine import pool

pool.use_prctl = {use_prctl}
folder = sys.argv[1]

parent = os.getpid()

def wait(item):
    if os.getpid() != parent:
        with open(os.path.join(folder, f"worker-{{os.getpid()}}"), "w") as handle:
            handle.write("started")
    time.sleep(120)
    return item

list(pool.map_shared(wait, list(range(4)), 3))
"""


def _alive(pid: int) -> bool:
    """Whether the process exists and is not a zombie (a dead child not yet reaped)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:  # pragma: no cover - no /proc
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


@pytest.mark.parametrize("use_prctl", [True, False], ids=["prctl", "watching-thread"])
def test_workers_exit_when_the_parent_is_killed(tmp_path: Path, use_prctl: bool) -> None:
    script = tmp_path / "pool_run.py"
    script.write_text(POOL_SCRIPT.format(use_prctl=use_prctl))
    parent = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path)],
        cwd=Path(__file__).parent.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
            workers = [int(p.name.split("-")[1]) for p in tmp_path.glob("worker-*")]
        assert len(workers) == 2, "the workers did not start"
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 5
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if _alive(pid)], "orphaned workers still run"
    finally:
        parent.kill()
        parent.wait(10)
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


# 5. The cache lives in a folder of its own, in the project, that klm-lint makes.


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("{outside}/cache", "is an absolute path"),
        ("../../..", "leads out of the project"),
        (".", "is the project root"),
        ("", "is the project root"),
        ("content/..", "is the project root"),
        ("content/posts", "in or around the content folder content/"),
        ("content/.cache", "in or around the content folder content/"),
        ("public/cache", "in or around the static folder public/"),
        ("static", "in or around the static folder static/"),
    ],
)
def test_a_cache_dir_outside_a_folder_of_its_own_is_refused(
    site: SiteBuilder, outside: Path, value: str, says: str
) -> None:
    site.post(GOOD_POST)
    value = value.format(outside=outside)
    site.config(f'cache = true\ncache-dir = "{value}"\n')
    result = klm_lint_here("content/posts/post.md", cwd=site.root)
    one_line_error(result, f"cache-dir: {value!r}", says)
    assert not (outside / "cache").exists()
    assert not (site.root / "content" / "posts" / ".gitignore").exists()
    assert not list(site.root.rglob("index-*.json"))


def _cache_run(site: SiteBuilder) -> subprocess.CompletedProcess[str]:
    return klm_lint_here("--cache", "--format", "concise", "content/posts/post.md", cwd=site.root)


def test_a_folder_that_is_not_klm_lints_is_not_used(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    site.post(GOOD_POST, "other.md")
    site.write("docs/guide.txt", "the team's notes\n")
    site.config('cache-dir = "docs"\n')
    result = _cache_run(site)
    assert result.returncode == 0, result.stderr
    assert "KLM402" in result.stdout
    assert "the index cache was not used: docs/ is not a folder of klm-lint's own" in result.stderr
    assert sorted(path.name for path in (site.root / "docs").iterdir()) == ["guide.txt"]


@pytest.mark.parametrize("dangling", [True, False])
def test_a_linked_gitignore_in_the_cache_folder_is_not_followed(
    site: SiteBuilder, outside: Path, dangling: bool
) -> None:
    site.post(GOOD_POST)
    (site.root / ".klm-lint-cache").mkdir()
    target = outside / ("created-by-klm-lint" if dangling else "target.txt")
    os.symlink(target, site.root / ".klm-lint-cache" / ".gitignore")
    result = _cache_run(site)
    assert result.returncode == 0, result.stderr
    assert "the index cache was not used" in result.stderr
    assert not (outside / "created-by-klm-lint").exists()
    assert (outside / "target.txt").read_text() == "untouched\n"
    assert not list((site.root / ".klm-lint-cache").glob("index-*"))


@pytest.mark.parametrize("link", [".klm-lint-cache", "build"])
def test_links_on_the_way_to_the_cache_are_not_followed(
    site: SiteBuilder, outside: Path, link: str
) -> None:
    site.post(GOOD_POST)
    inside = site.root / "elsewhere"
    inside.mkdir()
    os.symlink(inside, site.root / link)
    if link == "build":
        site.config('cache-dir = "build/cache"\n')
    result = _cache_run(site)
    assert result.returncode == 0, result.stderr
    assert "is a link, which klm-lint does not follow" in result.stderr
    assert list(inside.iterdir()) == []


def test_the_cache_folder_made_by_klm_lint_is_used_again(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    site.config('cache-dir = "build/lint/cache"\n')
    assert _cache_run(site).stderr == ""
    cache = site.root / "build" / "lint" / "cache"
    assert (cache / ".gitignore").read_text().endswith("\n*\n")
    assert _cache_run(site).stderr == ""


# 6. At most 100 findings of a rule in a file; the 101st says how many more.


def test_findings_are_capped_per_rule_and_file(site: SiteBuilder) -> None:
    site.post(GOOD_POST + "<Blockquote>\n" * 250)
    findings = site.lint()
    assert len(findings) == 202
    for code in ("KLM301", "KLM302"):
        mine = [finding for finding in findings if finding.code == code]
        assert len(mine) == 101
        assert f"This and 149 more {code} findings in this file are not listed" in (
            mine[-1].message
        )
        assert mine[-1].span.line == mine[-2].span.line + 1


def test_a_capped_rule_reports_no_unused_suppression(site: SiteBuilder) -> None:
    body = "<Blockquote>\n" * 150 + "<!-- klm-lint-disable-next-line KLM302 -->\n<Blockquote>\n"
    site.post(GOOD_POST + body)
    codes = site.codes(select=["KLM302", "KLM900"])
    assert codes == ["KLM302"] * 101


def test_findings_past_the_cap_take_no_memory(site: SiteBuilder) -> None:
    """5,000 findings would take over 2 MB more than a rule that finds nothing in the same
    file; past the cap they take nothing."""
    import tracemalloc

    site.post(GOOD_POST + "<Blockquote>" * 5000 + "\n")
    site.lint(select=["KLM303"])

    def peak(rule: str) -> tuple[int, int]:
        tracemalloc.start()
        try:
            found = len(site.lint(select=[rule]))
            return found, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    (none, without), (capped, with_findings) = peak("KLM303"), peak("KLM302")
    assert (none, capped) == (0, 101)
    assert with_findings - without < 512 * 1024, with_findings - without


# 7. A stale cache never hides a whole-site finding.


def _aged(path: Path, seconds: int = 3600) -> Path:
    moment = time.time_ns() - seconds * 10**9
    os.utime(path, ns=(moment, moment))
    return path


def test_an_edit_that_keeps_size_and_mtime_is_seen(site: SiteBuilder) -> None:
    _aged(site.post(GOOD_POST.replace("Community engagement.", "Camp"), "a.md"))
    other = _aged(site.post(GOOD_POST.replace("Community engagement.", "Clin"), "b.md"))
    result = klm_lint_here("--cache", "--format", "concise", "content/posts/a.md", cwd=site.root)
    assert "KLM402" not in result.stdout
    before = other.stat()
    other.write_text(other.read_text().replace("Clin", "Camp"))
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (other.stat().st_size, other.stat().st_mtime_ns) == (
        before.st_size,
        before.st_mtime_ns,
    )
    result = klm_lint_here("--cache", "--format", "concise", "content/posts/a.md", cwd=site.root)
    assert "KLM402" in result.stdout, result.stdout


def test_a_file_modified_just_before_the_run_is_not_cached(site: SiteBuilder) -> None:
    _aged(site.post(GOOD_POST.replace("Community engagement.", "Camp"), "a.md"))
    _aged(site.post(GOOD_POST.replace("Community engagement.", "Clinic"), "b.md"))
    site.post(GOOD_POST.replace("Community engagement.", "School"), "c.md")
    assert klm_lint_here("--cache", "content/posts/a.md", cwd=site.root).returncode == 0
    [cache] = (site.root / ".klm-lint-cache").glob("index-*.json")
    data = read_cache(cache)
    stamps = numbers(data["stamps"])
    kept = sorted(Path(key).name for row, key in enumerate(data["files"]) if stamps[3 * row] >= 0)
    assert kept == ["a.md", "b.md"], "c.md is listed with a stamp no file has: read next time"


# 8. --fix and links, hard links, read-only files, owners.


def test_fix_follows_a_link_in_the_project_and_keeps_it(site: SiteBuilder) -> None:
    target = site.write("shared/post.md", FIXABLE)
    link = site.root / "content" / "posts" / "post.md"
    link.parent.mkdir(parents=True)
    os.symlink("../../shared/post.md", link)
    result = klm_lint_here("--fix", "content", cwd=site.root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert link.is_symlink()
    assert target.read_text() == GOOD_POST


def test_fix_does_not_touch_a_file_linked_out_of_the_project(
    site: SiteBuilder, outside: Path
) -> None:
    (outside / "post.md").write_text(FIXABLE)
    (site.root / "content" / "posts").mkdir(parents=True)
    os.symlink(outside / "post.md", site.root / "content" / "posts" / "post.md")
    result = klm_lint_here("--fix", "--format", "concise", "content", cwd=site.root)
    assert result.returncode == 1
    assert "KLM006 cannot read content/posts/post.md (a link that leads outside the project" in (
        result.stdout
    )
    assert (outside / "post.md").read_text() == FIXABLE


def test_fix_keeps_hard_links(site: SiteBuilder) -> None:
    post = site.post(FIXABLE)
    twin = site.root / "twin.md"
    os.link(post, twin)
    result = klm_lint_here("--fix", "--format", "concise", "content", cwd=site.root)
    assert result.returncode == 1
    assert "KLM104" in result.stdout
    assert "fixes not applied, because it has 1 other hard link, which a fix would cut" in (
        result.stderr
    )
    assert post.stat().st_ino == twin.stat().st_ino
    assert post.read_text() == FIXABLE


def test_fix_does_not_write_a_read_only_file(site: SiteBuilder) -> None:
    post = site.post(FIXABLE)
    post.chmod(0o444)
    result = klm_lint_here("--fix", "--format", "concise", "content", cwd=site.root)
    assert result.returncode == 1
    assert "fixes not applied, because it is read-only" in result.stderr
    assert post.read_text() == FIXABLE
    assert stat.S_IMODE(post.stat().st_mode) == 0o444


def test_fix_keeps_the_owner(site: SiteBuilder) -> None:
    post = site.post(FIXABLE)
    owner = (65534, 65534) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    os.chown(post, *owner)
    post.chmod(0o664)
    result = klm_lint_here("--fix", "content", cwd=site.root)
    assert result.returncode == 0, result.stderr
    info = post.stat()
    assert (info.st_uid, info.st_gid) == owner
    assert stat.S_IMODE(info.st_mode) == 0o664
    assert post.read_text() == GOOD_POST


# 9. A closed standard output is a one-line error.


def test_a_closed_stdout_is_a_one_line_error(site: SiteBuilder) -> None:
    site.post(GOOD_POST)
    result = subprocess.run(
        f"exec {sys.executable} -m klm_lint content >&-",
        shell=True,
        cwd=site.root,
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    one_line_error(result, "standard output is closed")


# 10. Static roots and content folders stay in the project.


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("static", "/etc", "is an absolute path"),
        ("static", "../..", "leads out of the project"),
        ("static", "public/../../x", "leads out of the project"),
        ("static", "linked", "goes through a link that leads outside the project"),
        ("content", "/etc", "is an absolute path"),
        ("content", "../", "leads out of the project"),
        ("content", "linked", "goes through a link that leads outside the project"),
    ],
)
def test_config_folders_stay_in_the_project(
    site: SiteBuilder, outside: Path, key: str, value: str, says: str
) -> None:
    site.post(GOOD_POST)
    os.symlink(outside, site.root / "linked")
    site.config(f'{key} = ["{value}"]\n')
    message = config_error(site)
    assert message.startswith(f"{site.root / 'klm-lint.toml'}: {key}: {value!r}"), message
    assert says in message


def test_the_static_roots_are_never_left(site: SiteBuilder) -> None:
    site.config('static = ["/etc"]\n')
    site.post(GOOD_POST.replace("/images/post.jpg", "/passwd").replace("/images/author/6", "/x"))
    result = klm_lint_here("--format", "concise", cwd=site.root)
    one_line_error(result, "static: '/etc' is an absolute path")


def test_links_out_of_the_project_in_content_are_not_followed(
    site: SiteBuilder, outside: Path
) -> None:
    site.post(GOOD_POST)
    posts = site.root / "content" / "posts"
    os.symlink(outside / "secret.md", posts / "linked.md")
    os.symlink(outside, posts / "folder")
    os.symlink("/", posts / "root")
    result = klm_lint("--format", "concise", cwd=site.root)
    assert result.returncode == 1
    assert "SECRET" not in result.stdout
    for name in ("linked.md", "folder", "root"):
        assert f"KLM006 cannot read content/posts/{name} (a link that leads outside the " in (
            result.stdout
        )
    named = klm_lint("--format", "concise", "content/posts/linked.md", cwd=site.root)
    assert "SECRET" not in named.stdout
    assert "KLM006" in named.stdout


# The baseline: its path and its content.


@pytest.mark.parametrize("kind", ["/dev/zero", "fifo", "outside", "huge"])
def test_a_baseline_that_is_not_a_regular_file_of_the_project_is_refused(
    site: SiteBuilder, outside: Path, kind: str
) -> None:
    site.post(GOOD_POST)
    baseline = site.root / "baseline.json"
    if kind == "fifo":
        os.mkfifo(baseline)
    elif kind == "outside":
        (outside / "baseline.json").write_text('{"findings": []}')
        os.symlink(outside / "baseline.json", baseline)
    elif kind == "huge":
        with baseline.open("wb") as handle:
            handle.write(b'{"findings": [')
            handle.truncate(8 * 1024**3)
    else:
        os.symlink(kind, baseline)
    result = klm_lint("--baseline", "baseline.json", cwd=site.root, timeout=20)
    says = {
        "fifo": "not a regular file",
        "/dev/zero": "a link that leads outside the project",
        "outside": "a link that leads outside the project",
        "huge": "larger than the limit of 67,108,864 bytes",
    }[kind]
    one_line_error(result, "baseline.json: cannot read the baseline", says)


@pytest.mark.parametrize(
    "content",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"findings": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"findings": 5}',
        '{"findings": [{"path": "a"}]}',
        '{"findings": [[1, 2, 3]]}',
        '{"findings": [{"path": ' + "[" * 50_000 + "]" * 50_000 + ', "code": 1, '
        '"fingerprint": 2}]}',
        '"\\ud800"',
        "\udcff\udcfe",
        "",
    ],
)
def test_a_hostile_baseline_is_a_one_line_error(site: SiteBuilder, content: str) -> None:
    site.post(GOOD_POST)
    (site.root / "baseline.json").write_bytes(content.encode("utf-8", "surrogateescape"))
    result = klm_lint_here("--baseline", "baseline.json", cwd=site.root)
    one_line_error(result, "baseline.json: not a klm-lint baseline")


@pytest.mark.parametrize("option", ["--write-baseline", "--output-file"])
def test_reports_are_not_written_through_a_link_out_of_the_project(
    site: SiteBuilder, outside: Path, option: str
) -> None:
    site.post(GOOD_POST)
    os.symlink(outside / "target.txt", site.root / "out.json")
    result = klm_lint_here(option, "out.json", cwd=site.root)
    one_line_error(result, "out.json", "a link that leads outside the project")
    assert (outside / "target.txt").read_text() == "untouched\n"


# The cache: damaged, enormous, or not a file.


@pytest.fixture
def cached(site: SiteBuilder) -> Iterator[tuple[SiteBuilder, Path, str]]:
    """A site with a warm cache: its file, and the report of a run on a.md."""
    _aged(site.post(GOOD_POST.replace("Community engagement.", "Camp"), "a.md"))
    _aged(site.post(GOOD_POST.replace("Community engagement.", "Camp"), "b.md"))
    first = klm_lint_here("--cache", "--format", "concise", "content/posts/a.md", cwd=site.root)
    assert "KLM402" in first.stdout
    [cache] = (site.root / ".klm-lint-cache").glob("index-*.json")
    yield site, cache, first.stdout


def _hidden_title(cache: Path) -> str:
    """The cache, forged so that b.md has another title (the title and the key the title rule
    groups posts by): trusting it would hide KLM402."""
    forged = cache.read_text().replace('"Camp"', '"Forged"')
    assert ':camp"' in forged, "the key: its collection and language, then the text"
    return resealed(forged.replace(':camp"', ':forged"'))


@pytest.mark.parametrize(
    "damage",
    [
        "random",
        "nested",
        "huge-number",
        "wrong-types",
        "sparse",
        "dev-zero",
        "fifo",
        "outside",
    ],
)
def test_a_damaged_or_enormous_cache_is_ignored(
    cached: tuple[SiteBuilder, Path, str], outside: Path, damage: str
) -> None:
    site, cache, expected = cached
    forged = _hidden_title(cache)
    cache.unlink()
    if damage == "random":
        cache.write_bytes(os.urandom(100_000))
    elif damage == "nested":
        cache.write_text("[" * 200_000 + "]" * 200_000)
    elif damage == "huge-number":
        cache.write_text(re.sub(r'"format":\d+', '"format":' + "9" * 5000, forged))
    elif damage == "wrong-types":
        lines = forged.split("\n")
        lines[1 + json.loads(lines[0])["sections"].index("stamps")] = "[[]]"
        cache.write_text(resealed("\n".join(lines)))
    elif damage == "sparse":
        with cache.open("wb") as handle:
            handle.write(forged.encode())
            handle.truncate(8 * 1024**3)
    elif damage == "dev-zero":
        os.symlink("/dev/zero", cache)
    elif damage == "fifo":
        os.mkfifo(cache)
    else:
        (outside / "index.json").write_text(forged)
        os.symlink(outside / "index.json", cache)
    run = klm_lint if damage in ("sparse", "dev-zero", "fifo") else klm_lint_here
    result = run("--cache", "--format", "concise", "content/posts/a.md", cwd=site.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected


def test_the_forged_cache_is_trusted_when_well_formed(
    cached: tuple[SiteBuilder, Path, str],
) -> None:
    """The control for the test above: a well-formed record does stand for the post, which is
    why --changed-since runs on untrusted pull requests should not use --cache (see README)."""
    site, cache, _expected = cached
    cache.write_text(_hidden_title(cache))
    result = klm_lint_here("--cache", "--format", "concise", "content/posts/a.md", cwd=site.root)
    assert "KLM402" not in result.stdout
