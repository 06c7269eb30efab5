"""Finding the front-matter block: its format and exact offsets.

python-frontmatter's handlers name the formats and their delimiters; its own split works on
regular expressions over the whole text and loses offsets, so the block is located here line by
line, the way the site's reader (gray-matter) does: the opening delimiter must be the very first
line, and the block ends at the first line that is the closing delimiter.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar, Literal

from frontmatter.default_handlers import BaseHandler, JSONHandler, YAMLHandler

from klm_lint.lazy import lazy_pattern
from klm_lint.load.dialects import DEFAULT_DIALECT, YamlDialect
from klm_lint.load.syntax import FrontMatterError
from klm_lint.load.yaml_tree import Reading, read_yaml
from klm_lint.records import value_record

if TYPE_CHECKING:
    from collections.abc import Collection

    from klm_lint.load.nodes import Mapping
    from klm_lint.load.text import LineIndex

Format = Literal["yaml", "toml", "json"]


def _syntax_error(error: FrontMatterError, language: str) -> FrontMatterError:
    """A parser's complaint, put in the terms every KLM002 message uses."""
    if error.message.startswith("the "):
        return error
    problem = error.message.removeprefix(f"invalid {language}: ").rstrip(".")
    return FrontMatterError(
        f"the front matter is not valid {language}: {problem}. The site's build fails on this "
        "file.",
        error.start,
        error.end,
    )


class YamlFormat(YAMLHandler):
    name: ClassVar[Format] = "yaml"

    @staticmethod
    def parse(text: str, start: int, end: int, dialect: YamlDialect = DEFAULT_DIALECT) -> Mapping:
        return read_yaml(text, start, end, dialect=dialect).root

    @staticmethod
    def read(text: str, start: int, end: int, dialect: YamlDialect = DEFAULT_DIALECT) -> Reading:
        return read_yaml(text, start, end, dialect=dialect)


class TomlFormat(BaseHandler):
    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"
    name: ClassVar[Format] = "toml"

    @staticmethod
    def parse(text: str, start: int, end: int, dialect: YamlDialect = DEFAULT_DIALECT) -> Mapping:
        from klm_lint.load.toml_tree import parse_toml

        try:
            return parse_toml(text, start, end)
        except FrontMatterError as error:
            raise _syntax_error(error, "TOML") from None

    @classmethod
    def read(
        cls, text: str, start: int, end: int, dialect: YamlDialect = DEFAULT_DIALECT
    ) -> Reading:
        return Reading(cls.parse(text, start, end))


class JsonFormat(JSONHandler):
    START_DELIMITER = "{"
    END_DELIMITER = "}"
    name: ClassVar[Format] = "json"

    @staticmethod
    def parse(text: str, start: int, end: int, dialect: YamlDialect = DEFAULT_DIALECT) -> Mapping:
        from klm_lint.load.json_tree import parse_json

        try:
            return parse_json(text, start, end)
        except FrontMatterError as error:
            raise _syntax_error(error, "JSON") from None

    @classmethod
    def read(
        cls, text: str, start: int, end: int, dialect: YamlDialect = DEFAULT_DIALECT
    ) -> Reading:
        return Reading(cls.parse(text, start, end))


FormatHandler = YamlFormat | TomlFormat | JsonFormat
FORMATS: dict[str, FormatHandler] = {
    "yaml": YamlFormat(),
    "yml": YamlFormat(),
    "toml": TomlFormat(),
    "json": JsonFormat(),
}

_OPENING = lazy_pattern(r"(---|\+\+\+|\{)[ \t]*(?:([A-Za-z]+)[ \t]*)?(?:\r\n?|\n|$)")
_CLOSING = {
    closer: re.compile(
        r"(?:\r\n|\r(?!\n)|\n)(?P<line>" + re.escape(closer) + r"[ \t]*)(?P<end>\r\n|\r|\n|\Z)"
    )
    for closer in ("---", "+++", "}")
}
"""A line break, then a line that is the closing delimiter (trailing blanks allowed) and its own
line break; CRLF, CR and LF end lines."""


@value_record
class Block:
    handler: FormatHandler
    content_start: int
    content_end: int
    end: int
    """Where the body starts: after the closing delimiter's line."""
    closed: bool


@value_record
class UnknownLanguage:
    language: str
    end: int


@value_record
class CodeBlock:
    """Front matter in a language the generator runs as code (Eleventy's `---js`): its data
    cannot be read without running it."""

    language: str
    end: int
    """Where the body starts: after the closing delimiter's line."""
    closed: bool


@value_record
class Misplaced:
    """A delimiter that would open front matter if it were on the first line."""

    line: int


def locate(
    text: str,
    lines: LineIndex,
    *,
    after_blank_lines: bool = False,
    code_languages: Collection[str] = (),
) -> Block | CodeBlock | UnknownLanguage | Misplaced | None:
    """The front-matter block; with after_blank_lines, lines holding only whitespace may come
    before it (Hugo, Zola and Astro skip them); code_languages are the languages the generator
    runs as code after a `---` line."""
    start = 0
    if after_blank_lines:
        stripped = text.lstrip(" \t\r\n")
        if stripped[:3] in ("---", "+++"):
            start = len(text) - len(stripped)
            start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
            if text[start : start + 3] not in ("---", "+++"):
                start = 0
    match = _OPENING.match(text, start)
    if match is None or text.startswith("----", start):
        return _misplaced(text, lines)
    delimiter, language = match.group(1), (match.group(2) or "").lower()
    if delimiter == "{":
        if language:
            return None
        return _find_close(text, FORMATS["json"], match.start(), match.end(), closer="}")
    if delimiter == "+++":
        if language:
            return UnknownLanguage(language, match.end(2))
        return _find_close(text, FORMATS["toml"], match.end(), match.end(), closer="+++")
    handler = FORMATS.get(language or "yaml")
    if handler is None and language in code_languages:
        block = _find_close(text, FORMATS["yaml"], match.end(), match.end(), closer="---")
        return CodeBlock(language, block.end, block.closed)
    if handler is None:
        return UnknownLanguage(language, match.end(2))
    return _find_close(text, handler, match.end(), match.end(), closer="---")


def _find_close(
    text: str, handler: FormatHandler, content_start: int, opening_end: int, closer: str
) -> Block:
    """The block up to the first closing line after the opening line (which ends at
    opening_end, after its line break)."""
    first_break = opening_end - (2 if text.endswith("\r\n", 0, opening_end) else 1)
    found = closing_line(text, max(first_break, 0), closer)
    if found is None or first_break < 0 or text[first_break] not in "\r\n":
        return Block(handler, content_start, len(text), len(text), closed=False)
    if closer == "}":
        return Block(handler, content_start, found.end("line"), found.end(), closed=True)
    return Block(handler, content_start, found.start("line"), found.end(), closed=True)


def closing_line(text: str, start: int, closer: str) -> re.Match[str] | None:
    """`_CLOSING[closer].search(text, start)`, quicker where no CR comes before the closing
    line (most files): only a LF followed by the closer can start a match there, and str.find
    finds those."""
    pattern = _CLOSING[closer]
    carriage = text.find("\r", start)
    probe = "\n" + closer
    at = text.find(probe, start)
    while at >= 0 and (carriage < 0 or at < carriage):
        found = pattern.match(text, at)
        if found is not None:
            return found
        at = text.find(probe, at + 1)
    if carriage < 0:
        return None
    return pattern.search(text, start)


def _misplaced(text: str, lines: LineIndex) -> Misplaced | None:
    stripped = text.lstrip(" \t\r\n")
    if stripped[:3] in ("---", "+++") and stripped[3:4] != stripped[:1]:
        line, _ = lines.position(len(text) - len(stripped))
        if line > 1:
            return Misplaced(line)
    return None
