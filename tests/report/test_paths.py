"""File names with spaces, Unicode, leading dashes, shell metacharacters and control characters
come out right in every report format (every format registered in klm_lint.report.FORMATS, so a
new format is checked as soon as it exists), and nothing in a name is ever run."""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

import pytest

from klm_lint.report import FORMATS
from tests.conftest import GOOD_POST

if TYPE_CHECKING:
    from collections.abc import Callable

    from tests.conftest import SiteBuilder

BAD_POST = GOOD_POST.replace("draft: false", 'draft: "false"')

NAMES = {
    "with space.md": "with space.md",
    "ünïcödé 日本語 🎉.md": "ünïcödé 日本語 🎉.md",
    "-leading-dash.md": "-leading-dash.md",
    "--version.md": "--version.md",
    "$(touch pwned).md": "$(touch pwned).md",
    "`touch pwned`.md": "`touch pwned`.md",
    "a;b&c|d>e<f.md": "a;b&c|d>e<f.md",
    "quote'single\"double.md": "quote'single\"double.md",
    "percent%25%3A, comma: colon.md": "percent%25%3A, comma: colon.md",
    "back\\slash #hash *star? [x].md": "back\\slash #hash *star? [x].md",
    "::error file=x::injected.md": "::error file=x::injected.md",
    "new\nline\tand\x1b[31mescape.md": "new\u240aline\u2409and\u241b[31mescape.md",
}
"""Each file name and how reports show it: control characters as their pictures."""


def _github(stdout: str) -> list[str]:
    paths = []
    for line in stdout.splitlines():
        if line.startswith(("::error ", "::warning ")):
            properties = line.split(" ", 1)[1].split("::", 1)[0]
            for item in properties.split(","):
                key, _, value = item.partition("=")
                if key == "file":
                    unescaped = value.replace("%2C", ",").replace("%3A", ":")
                    paths.append(unescaped.replace("%0A", "\n").replace("%0D", "\r"))
    return [path.replace("%25", "%") for path in paths]


def _sarif(stdout: str) -> list[str]:
    results = json.loads(stdout)["runs"][0]["results"]
    return [
        unquote(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        for result in results
    ]


def _junit(stdout: str) -> list[str]:
    root = ET.fromstring(stdout)
    return [
        case.get("file", "") for case in root.iter("testcase") if case.find("failure") is not None
    ]


def _lines_before(marker: str) -> Callable[[str], list[str]]:
    def paths(stdout: str) -> list[str]:
        return [line.split(marker, 1)[0] for line in stdout.splitlines() if marker in line]

    return paths


READERS: dict[str, Callable[[str], list[str]]] = {
    "json": lambda stdout: [finding["path"] for finding in json.loads(stdout)["findings"]],
    "json-lines": lambda stdout: [json.loads(line)["path"] for line in stdout.splitlines()],
    "sarif": _sarif,
    "github": _github,
    "junit": _junit,
    "concise": _lines_before(":8:8: KLM104"),
}
"""How to read back the path of each finding from a format's output."""


def _written_somehow(shown: str, stdout: str) -> bool:
    """For a format without a reader: the path appears, as is or escaped the usual ways."""
    forms = {
        shown,
        json.dumps(shown)[1:-1],
        json.dumps(shown, ensure_ascii=False)[1:-1],
        quote(shown, safe="/"),
        html.escape(shown),
        html.escape(shown, quote=False),
    }
    return any(form in stdout for form in forms)


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_odd_file_names_in_every_format(site: SiteBuilder, output_format: str) -> None:
    folder = site.root / "content" / "posts"
    for name in NAMES:
        site.post(BAD_POST, name)
    result = subprocess.run(
        [sys.executable, "-m", "klm_lint", "--format", output_format, "--", *NAMES],
        cwd=folder,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"},
        check=False,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert not (folder / "pwned").exists() and not (site.root / "pwned").exists()
    shown = sorted(NAMES.values())
    reader = READERS.get(output_format)
    if reader is not None:
        drafts = [path for path in reader(result.stdout) if path in NAMES.values()]
        assert sorted(set(drafts)) == shown, result.stdout[:2000]
    else:
        missing = [name for name in shown if not _written_somehow(name, result.stdout)]
        assert missing == [], result.stdout[:2000]
