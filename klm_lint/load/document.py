"""A content file, loaded once: text, front matter as a node tree, body, and positions."""

from __future__ import annotations

import codecs
from pathlib import PurePath
from typing import TYPE_CHECKING, TypeVar

from klm_lint.findings import Edit, Span
from klm_lint.load.dialects import DEFAULT_DIALECT
from klm_lint.load.split import CodeBlock, Misplaced, UnknownLanguage, locate
from klm_lint.load.syntax import FrontMatterError
from klm_lint.load.text import Decoded, EncodingProblem, LineIndex, decode
from klm_lint.records import field, value_record

T = TypeVar("T")
C = TypeVar("C")
_MISSING = object()

if TYPE_CHECKING:
    from collections.abc import Callable, Collection
    from pathlib import Path

    from klm_lint.load.dialects import YamlDialect
    from klm_lint.load.mdx import BodyScan
    from klm_lint.load.nodes import Mapping
    from klm_lint.load.split import Format
    from klm_lint.load.yaml_build import Note


@value_record
class FrontMatter:
    format: Format
    start: int
    """Offset of the first character inside the block (after the opening delimiter's line)."""
    end: int
    """Offset where the block's content ends (the closing delimiter's line starts there)."""
    root: Mapping
    dialect: YamlDialect = DEFAULT_DIALECT
    """The YAML reader the site's build uses (for YAML front matter)."""
    notes: tuple[Note, ...] = ()
    """What the site's reader reads but other common YAML readers refuse (KLM007)."""


@value_record
class Document:
    path: Path | str
    """The file's path as given (a file the run loads only for the site's index: as text)."""
    display_path: str
    """The path shown to users: relative to the working directory, with / separators."""
    site_path: str
    """The path relative to the project root, with / separators ("" when outside the root)."""
    text: str
    bom: bool
    lines: LineIndex
    front_matter: FrontMatter | None
    body_start: int
    misplaced_delimiter: int = 0
    """The line of a front-matter delimiter that is not on line 1 (0: none)."""
    _derived: dict[object, object] = field(default_factory=dict, compare=False, repr=False)

    def derived(self, compute: Callable[[Document, C], T], context: C) -> T:
        """compute(self, context), computed once and shared by the checks that need it (the
        context, such as the site, is the same for every check of a document)."""
        known = self._derived.get(compute, _MISSING)
        if known is _MISSING:
            known = self._derived[compute] = compute(self, context)
        value: T = known  # type: ignore[assignment]
        return value

    @property
    def body_scan(self) -> BodyScan:
        """The body's tags, comments, code and images, scanned once for all body rules."""
        return self.derived(_scan, None)

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @property
    def is_mdx(self) -> bool:
        path = self.path if isinstance(self.path, PurePath) else PurePath(self.path)
        return path.suffix.lower() == ".mdx"

    def span(self, start: int, end: int) -> Span:
        return self.lines.span(start, end)

    def edit(self, start: int, end: int, replacement: str) -> Edit:
        line, column = self.lines.position(start)
        end_line, end_column = self.lines.position(end)
        return Edit(start, end, replacement, Span(line, column, end_line, end_column))

    @property
    def newline(self) -> str:
        """The file's line ending (of its first line), for inserted lines."""
        first = self.lines.line_end(1)
        return (
            "\r\n" if self.text.startswith("\r\n", first) else self.text[first : first + 1] or "\n"
        )


def _scan(doc: Document, _context: None) -> BodyScan:
    from klm_lint.load.mdx import scan_body

    return scan_body(doc.text, doc.body_start)


@value_record
class LoadProblem:
    """Why a file could not be loaded as a document, and where."""

    code: str
    span: Span
    message: str
    source_line: str = ""


def load_text(
    raw: bytes,
    path: Path | str,
    display_path: str,
    site_path: str,
    max_front_matter: int,
    *,
    yaml_dialect: YamlDialect = DEFAULT_DIALECT,
    after_blank_lines: bool = False,
    code_languages: Collection[str] = (),
) -> Document | LoadProblem:
    """The file loaded, or why it cannot be; YAML front matter is read as `yaml_dialect`'s
    reader reads it; with after_blank_lines, the front matter may follow blank lines; front
    matter in one of code_languages (run as code by the generator) is not read: the document
    has no front-matter data and its body starts after the block."""
    decoded = decode(raw)
    if not isinstance(decoded, Decoded):
        return LoadProblem("KLM003", _encoding_span(raw, decoded), decoded.message)
    text = decoded.text
    lines = LineIndex(text)
    located = locate(
        text, lines, after_blank_lines=after_blank_lines, code_languages=code_languages
    )
    if isinstance(located, CodeBlock) and located.closed:
        return Document(path, display_path, site_path, text, decoded.bom, lines, None, located.end)
    if isinstance(located, CodeBlock):
        return _problem(
            lines,
            "KLM002",
            0,
            lines.line_end(1),
            f"the {located.language} front matter is never closed: no line with --- follows the "
            "opening one, so the site reads the whole file as code and the build fails. Add --- "
            "on its own line after the front matter.",
        )
    if located is None or isinstance(located, Misplaced):
        misplaced = located.line if isinstance(located, Misplaced) else 0
        return Document(path, display_path, site_path, text, decoded.bom, lines, None, 0, misplaced)
    if isinstance(located, UnknownLanguage):
        return _problem(
            lines,
            "KLM002",
            3,
            located.end,
            f"the front matter is marked as {located.language!r}, which the site cannot read; "
            "the build fails on this file. Use --- for YAML, +++ for TOML, or ---json.",
        )
    if not located.closed:
        closer = {"toml": "+++", "json": "}"}.get(located.handler.name, "---")
        return _problem(
            lines,
            "KLM002",
            0,
            lines.line_end(1),
            f"the front matter is never closed: no line with {closer} follows the opening one, "
            "so the site reads the whole file as front matter and the build fails. Add "
            f"{closer} on its own line after the last key.",
        )
    size = located.content_end - located.content_start
    if size > max_front_matter:
        return _problem(
            lines,
            "KLM005",
            0,
            lines.line_end(1),
            f"the front matter is {size:,} characters long, more than the limit of "
            f"{max_front_matter:,}; it was not checked. Move long content into the body, or "
            "raise max-front-matter-size in the config.",
        )
    try:
        reading = located.handler.read(
            text, located.content_start, located.content_end, yaml_dialect
        )
    except FrontMatterError as error:
        return _problem(lines, "KLM002", error.start, error.end, error.message)
    front_matter = FrontMatter(
        located.handler.name,
        located.content_start,
        located.content_end,
        reading.root,
        yaml_dialect,
        reading.notes,
    )
    return Document(
        path,
        display_path,
        site_path,
        text,
        decoded.bom,
        lines,
        front_matter,
        located.end,
    )


def _encoding_span(raw: bytes, problem: EncodingProblem) -> Span:
    """The character at the problem's place, in the file as positions count it (undecodable
    bytes as U+FFFD); an empty span where its line has no character there (a binary file
    whose first line is empty)."""
    body = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    line = LineIndex(body.decode("utf-8", errors="replace")).line_text(problem.line)
    end = problem.column + 1 if problem.column <= len(line) else problem.column
    return Span(problem.line, problem.column, problem.line, end)


def _problem(lines: LineIndex, code: str, start: int, end: int, message: str) -> LoadProblem:
    span = lines.span(start, end)
    return LoadProblem(code, span, message, lines.excerpt(span.line))
