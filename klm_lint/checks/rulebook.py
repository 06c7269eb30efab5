"""The rule book: one Markdown page per rule (`rules/KLM103.md`), shipped inside the package."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from klm_lint.checks.names import rule_named, suggestion
from klm_lint.errors import UsageError

_PACKAGED = Path(__file__).parent.parent / "rulebook_pages"
_SOURCE = Path(__file__).parent.parent.parent / "rules"
_FENCE = re.compile(r"(?P<fence>`{3,}(?!`)|~{3,}(?!~))(?P<info>.*)")
_SECTION = re.compile(r"^## +(?P<title>\S(?:[^\n]*\S)?)[ \t]*$", re.M)


@dataclass(frozen=True, slots=True)
class Block:
    """A fenced block of a page: its language, attributes (path=…, encoding=…) and content."""

    language: str
    attributes: dict[str, str]
    content: str


@dataclass(frozen=True, slots=True)
class RulePage:
    code: str
    name: str
    severity: str
    summary: str
    fix: str
    body: str

    def section(self, title: str) -> str:
        matches = list(_SECTION.finditer(self.body))
        for index, match in enumerate(matches):
            if match["title"].lower() == title.lower():
                end = matches[index + 1].start() if index + 1 < len(matches) else len(self.body)
                return self.body[match.end() : end].strip("\n")
        return ""

    def blocks(self, title: str) -> list[Block]:
        """The fenced blocks of a section; a fence without its closing line is no block."""
        lines = self.section(title).split("\n")
        closings: dict[str, list[int]] = {}
        for number, line in enumerate(lines):
            closings.setdefault(line.rstrip(" \t"), []).append(number)
        blocks = []
        index = 0
        while index < len(lines):
            opening = _FENCE.match(lines[index])
            index += 1
            if opening is None:
                continue
            candidates = closings.get(opening["fence"], [])
            found = bisect.bisect_left(candidates, index)
            if found < len(candidates):
                closing = candidates[found]
                content = "".join(line + "\n" for line in lines[index:closing])
                blocks.append(_block(opening["info"], content))
                index = closing + 1
        return blocks


def pages_folder() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE


def load_page(code: str) -> RulePage:
    """The page of a rule, given by code (KLM104) or name (draft-flag)."""
    rule = rule_named(code)
    path = pages_folder() / f"{rule.code if rule else code.upper()}.md"
    if rule is None or not path.is_file():
        meant = suggestion(code)
        hint = f": did you mean {meant}?" if meant else ""
        raise UsageError(f"no rule {code!r}{hint} (klm-lint --list-rules shows them all)")
    return _parse(path)


def all_pages() -> list[RulePage]:
    return [_parse(path) for path in sorted(pages_folder().glob("KLM*.md"))]


def _parse(path: Path) -> RulePage:
    text = path.read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    meta = yaml.safe_load(header)
    return RulePage(
        code=str(meta["code"]),
        name=str(meta["name"]),
        severity=str(meta["severity"]),
        summary=str(meta["summary"]),
        fix=str(meta.get("fix", "none")),
        body=body.strip("\n"),
    )


def _block(info: str, content: str) -> Block:
    words = info.split()
    language = words[0] if words and "=" not in words[0] else ""
    attributes = dict(word.split("=", 1) for word in words if "=" in word)
    return Block(language, attributes, content)
