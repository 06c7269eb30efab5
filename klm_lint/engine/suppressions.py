"""Inline suppressions: comments that silence a rule for a key, a stretch of body, or a file.

Front matter (YAML and TOML comments):
    image: /images/legacy.jpg  # klm-lint: ignore[KLM201] moved to the CDN
    # klm-lint: ignore-file[KLM105]
Body (HTML comments in Markdown, JSX comments in MDX):
    <!-- klm-lint-disable KLM301 --> … <!-- klm-lint-enable KLM301 -->
    {/* klm-lint-disable-next-line KLM301 */}

A suppression that silences nothing is reported itself (KLM900), with a fix that removes it. A
word in a suppression that names no rule (a typo: KLM1O1, date-fromat) is KLM901, with a
did-you-mean and no fix: removing it would hide the typo instead of correcting it.
`silencing` writes the comment that silences one finding (the editor's "ignore here").
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Literal

from klm_lint.checks.loading import UNKNOWN_SUPPRESSION, UNUSED_SUPPRESSION
from klm_lint.checks.names import is_prefix, suggestion
from klm_lint.findings import Applicability, Edit, Fix
from klm_lint.lazy import lazy_pattern
from klm_lint.load.nodes import iter_mappings, iter_scalars
from klm_lint.records import mutable_record, value_record

if TYPE_CHECKING:
    from collections.abc import Iterable

    from klm_lint.findings import Finding
    from klm_lint.load.document import Document, FrontMatter
    from klm_lint.load.nodes import Mapping

_FRONT = lazy_pattern(r"#[ \t]*klm-lint:[ \t]*(ignore-file|ignore)\b(?:\[([^\]\r\n]*)\])?")
_BODY = lazy_pattern(r"klm-lint-(disable-next-line|disable|enable)\b([^\r\n]*)")
_CODE = lazy_pattern(r"[A-Za-z0-9-]+")
_EVERY_LINE = 1 << 30

Kind = Literal["key", "file", "range", "next-line", "enable"]
""""enable" closes ranges; it is kept only to report the unknown rules it names."""


@value_record
class Suppression:
    kind: Kind
    first_line: int
    last_line: int
    codes: tuple[str, ...] | None
    """The codes it names (rule names resolved to codes), in order; None: every rule."""
    unused: Finding
    """KLM900 for the whole comment, when nothing it names is used."""
    unused_codes: dict[str, Finding]
    """KLM900 for one code of its list, when the others are used."""
    unknown: tuple[Finding, ...] = ()
    """KLM901 for each word of its list that names no rule."""

    def covers(self, finding: Finding) -> bool:
        if not self.first_line <= finding.span.line <= self.last_line:
            return False
        return self.codes is None or finding.code in self.codes


@mutable_record
class _Found:
    """A suppression comment as the document shows it, before its KLM900 findings are made."""

    kind: Kind
    first_line: int
    last_line: int
    codes: dict[str, tuple[int, int]] | None
    start: int
    end: int
    removal: tuple[int, int]
    unknown: list[tuple[int, int]]
    """Where each word that names no rule is."""

    def made(self, doc: Document) -> Suppression:
        """The suppression, with the findings that report it unused (made here, where the
        document is, so that applying it needs only the findings)."""
        fix = _removal_fix(doc, self.removal, "Remove the unused suppression")
        unknown = tuple(_unknown(doc, start, end, self.kind) for start, end in self.unknown)
        if self.codes is None:
            message = (
                "this suppression silences nothing: no finding is where it applies. Remove it."
            )
            whole = UNUSED_SUPPRESSION.at(doc, self.start, self.end, message, fix)
            return Suppression(self.kind, self.first_line, self.last_line, None, whole, {})
        listed = ", ".join(self.codes)
        message = (
            f"this suppression of {listed} silences nothing: no such finding is where it "
            "applies. Remove it."
        )
        whole = UNUSED_SUPPRESSION.at(doc, self.start, self.end, message, fix)
        each: dict[str, Finding] = {}
        if len(self.codes) > 1 or unknown:
            for code, (start, end) in self.codes.items():
                message = (
                    f"{doc.text[start:end]} in this suppression silences nothing: no such "
                    "finding is where it applies. Remove it from the list."
                )
                item = _removal_fix(doc, _list_item(doc.text, start, end), f"Remove {code}")
                each[code] = UNUSED_SUPPRESSION.at(doc, start, end, message, item)
        codes = tuple(self.codes)
        return Suppression(self.kind, self.first_line, self.last_line, codes, whole, each, unknown)


def _unknown(doc: Document, start: int, end: int, kind: Kind) -> Finding:
    word = doc.text[start:end]
    meant = suggestion(word)
    if is_prefix(word):
        correct = "A suppression takes whole codes or names, not prefixes: list each rule."
    elif meant:
        correct = f"Did you mean {meant}?"
    else:
        correct = "klm-lint --list-rules shows every rule."
    effect = (
        "this comment turns nothing back on"
        if kind == "enable"
        else "this suppression silences nothing"
    )
    message = (
        f"{word} is not a klm-lint rule, so {effect} for it. {correct} Correct it to the rule's "
        "code or name."
    )
    return UNKNOWN_SUPPRESSION.at(doc, start, end, message)


def find(doc: Document, names: dict[str, str]) -> tuple[Suppression, ...]:
    """Every suppression in the document. `names` maps rule names and codes to codes."""
    return tuple(found.made(doc) for found in (*_front_matter(doc, names), *_body(doc, names)))


def apply(
    findings: list[Finding],
    suppressions: Iterable[Suppression],
    enabled: Iterable[str],
    known: Iterable[str],
    hidden: Iterable[str] = (),
) -> tuple[list[Finding], list[Finding]]:
    """The findings no suppression covers, and the suppressions' own findings: KLM900 for each
    unused suppression, KLM901 for each word that names no rule.

    A code counts as unused only when its rule ran (is enabled); and not when its rule had
    findings past the cap (`hidden`), which might be the ones silenced."""
    listed = list(suppressions)
    used: list[set[str]] = [set() for _ in listed]
    kept: list[Finding] = []
    for finding in findings:
        covered = False
        for number, suppression in enumerate(listed):
            if suppression.covers(finding):
                used[number].add(finding.code)
                covered = True
        if not covered:
            kept.append(finding)
    active, rules, unlisted = set(enabled), set(known), set(hidden)
    unused = [
        finding
        for suppression, codes in zip(listed, used, strict=True)
        for finding in (
            *_unused(suppression, codes | unlisted, active, rules),
            *suppression.unknown,
        )
    ]
    return kept, unused


def _unused(
    suppression: Suppression, used: set[str], enabled: set[str], known: set[str]
) -> list[Finding]:
    if suppression.codes is None:
        return [] if used else [suppression.unused]
    stale = [
        code for code in suppression.codes if code not in used and code in enabled and code in known
    ]
    if not stale:
        return []
    if len(stale) == len(suppression.codes) and not suppression.unknown:
        return [suppression.unused]
    return [suppression.unused_codes[code] for code in stale]


def _removal_fix(doc: Document, span: tuple[int, int], description: str) -> Fix:
    return Fix(Applicability.SAFE, description, (doc.edit(span[0], span[1], ""),))


def _list_item(text: str, start: int, end: int) -> tuple[int, int]:
    """An item of a code list with the separator that joins it to its neighbour."""
    after = end
    while after < len(text) and text[after] in ", \t":
        after += 1
    if after < len(text) and text[after] not in "]\r\n-*}":
        return start, after
    before = start
    while before > 0 and text[before - 1] in ", \t":
        before -= 1
    return before, end


def _codes(
    text: str, offset: int, names: dict[str, str]
) -> tuple[dict[str, tuple[int, int]], list[tuple[int, int]]]:
    """The codes a list names, each with where it is written, and where the words are that
    name no rule."""
    codes: dict[str, tuple[int, int]] = {}
    unknown: list[tuple[int, int]] = []
    for match in _CODE.finditer(text):
        word = match.group()
        where = (offset + match.start(), offset + match.end())
        code = names.get(word.upper()) or names.get(word.lower())
        if code is None:
            unknown.append(where)
        else:
            codes.setdefault(code, where)
    return codes, unknown


def _front_matter(doc: Document, names: dict[str, str]) -> list[_Found]:
    front = doc.front_matter
    if front is None or front.format == "json":
        return []
    block = doc.text[front.start : front.end]
    if "klm-lint" not in block:
        return []
    scalars = sorted((node.start, node.end) for node in iter_scalars(front.root))
    starts = [start for start, _ in scalars]
    key_lines = _key_lines(doc, front.root)
    found: list[_Found] = []
    for match in _FRONT.finditer(block):
        at = front.start + match.start()
        index = bisect.bisect_right(starts, at) - 1
        if index >= 0 and scalars[index][0] <= at < scalars[index][1]:
            continue
        line, _ = doc.lines.position(at)
        comment_end = doc.lines.line_end(line)
        codes: dict[str, tuple[int, int]] | None = None
        unknown: list[tuple[int, int]] = []
        if match.group(2) is not None:
            codes, unknown = _codes(match.group(2), front.start + match.start(2), names)
        removal = (_whitespace_before(doc.text, at, doc.lines.line_start(line)), comment_end)
        if removal[0] == doc.lines.line_start(line):
            removal = (removal[0], doc.lines.line_start(line + 1))
        if match.group(1) == "ignore-file":
            found.append(_Found("file", 1, _EVERY_LINE, codes, at, comment_end, removal, unknown))
        else:
            last = key_lines.get(line, line)
            found.append(_Found("key", line, last, codes, at, comment_end, removal, unknown))
    return found


def _whitespace_before(text: str, offset: int, floor: int) -> int:
    while offset > floor and text[offset - 1] in " \t":
        offset -= 1
    return offset


def _key_lines(doc: Document, root: Mapping) -> dict[int, int]:
    """For each line holding a key: the last line of that key's value."""
    lines: dict[int, int] = {}
    for mapping in iter_mappings(root):
        for entry in mapping.entries:
            key_line, _ = doc.lines.position(entry.key.start)
            value_end = max(entry.value.end - 1, entry.key.end)
            last_line, _ = doc.lines.position(value_end)
            lines[key_line] = max(key_line, last_line)
    return lines


def _body(doc: Document, names: dict[str, str]) -> list[_Found]:
    if "klm-lint-" not in doc.text[doc.body_start :]:
        return []
    found: list[_Found] = []
    open_ranges: list[_Found] = []
    for comment in doc.body_scan.comments:
        match = _BODY.match(comment.text)
        if match is None:
            continue
        line, _ = doc.lines.position(comment.start)
        end_line, _ = doc.lines.position(max(comment.end - 1, comment.start))
        offset = doc.text.find(match.group(2), comment.start, comment.end) if match.group(2) else -1
        codes: dict[str, tuple[int, int]] | None = None
        unknown: list[tuple[int, int]] = []
        if match.group(2).strip():
            codes, unknown = _codes(match.group(2), offset, names)
        removal = _comment_removal(doc, comment.start, comment.end)
        verb = match.group(1)
        if verb == "disable-next-line":
            found.append(
                _Found(
                    "next-line",
                    end_line + 1,
                    end_line + 1,
                    codes,
                    comment.start,
                    comment.end,
                    removal,
                    unknown,
                )
            )
        elif verb == "disable":
            suppression = _Found(
                "range", line, _EVERY_LINE, codes, comment.start, comment.end, removal, unknown
            )
            found.append(suppression)
            open_ranges.append(suppression)
        else:
            _close_ranges(open_ranges, codes, line)
            if unknown:
                found.append(
                    _Found("enable", 0, -1, {}, comment.start, comment.end, removal, unknown)
                )
    return found


def _close_ranges(
    open_ranges: list[_Found], codes: dict[str, tuple[int, int]] | None, line: int
) -> None:
    for suppression in list(open_ranges):
        if codes is None or suppression.codes is None or set(suppression.codes) <= set(codes):
            suppression.last_line = line
            open_ranges.remove(suppression)


def _comment_removal(doc: Document, start: int, end: int) -> tuple[int, int]:
    line, _ = doc.lines.position(start)
    end_line, _ = doc.lines.position(end)
    line_start, line_end = doc.lines.line_start(line), doc.lines.line_end(end_line)
    alone = not doc.text[line_start:start].strip() and not doc.text[end:line_end].strip()
    if alone:
        return line_start, doc.lines.line_start(
            end_line + 1
        ) if end_line < doc.lines.line_count else line_end
    return _whitespace_before(doc.text, start, line_start), end


@value_record
class Silencing:
    """The comment that silences a rule where one of its findings is."""

    edit: Edit
    whole_file: bool
    """The finding's line holds no key (the front matter's delimiter, a comment): the comment
    silences the rule in the whole file."""


def silencing(doc: Document, code: str, line: int) -> Silencing | None:
    """The suppression comment, as `find` reads it, that silences `code` on `line`: on the
    line of the front-matter key whose value holds it (`# klm-lint: ignore[CODE]`), on a line
    of its own before a body line (`<!-- klm-lint-disable-next-line CODE -->`, a JSX comment
    in .mdx files), or for the whole file on a front-matter line that no key holds
    (`# klm-lint: ignore-file[CODE]`). A comment already there gets the code added to its
    list. None where no comment can go (JSON front matter, a value that goes on past the
    key's line)."""
    front = doc.front_matter
    if front is None or doc.lines.line_start(line) >= doc.body_start:
        return _before_body_line(doc, code, line)
    if front.format == "json":
        return None
    covering = [key for key, last in _key_lines(doc, front.root).items() if key <= line <= last]
    if covering:
        edit = _on_key_line(doc, front, max(covering), code)
        return None if edit is None else Silencing(edit, False)
    return Silencing(_file_wide(doc, front, code), True)


def _on_key_line(doc: Document, front: FrontMatter, line: int, code: str) -> Edit | None:
    start, end = doc.lines.line_start(line), doc.lines.line_end(line)
    scalars = [(node.start, node.end) for node in iter_scalars(front.root)]
    for match in _FRONT.finditer(doc.text, start, end):
        if any(first <= match.start() < last for first, last in scalars):
            continue
        if match.group(1) == "ignore":
            listed = match.group(2)
            if listed is None:
                return None
            return doc.edit(match.end(2), match.end(2), f", {code}" if listed.strip() else code)
    if any(first < end < last for first, last in scalars):
        return None
    return doc.edit(end, end, f"  # klm-lint: ignore[{code}]")


def _file_wide(doc: Document, front: FrontMatter, code: str) -> Edit:
    for match in _FRONT.finditer(doc.text, front.start, front.end):
        if match.group(1) == "ignore-file" and match.group(2) is not None:
            return doc.edit(match.end(2), match.end(2), f", {code}" if match.group(2) else code)
    return doc.edit(front.start, front.start, f"# klm-lint: ignore-file[{code}]{doc.newline}")


def _before_body_line(doc: Document, code: str, line: int) -> Silencing | None:
    start = doc.lines.line_start(line)
    for comment in doc.body_scan.comments:
        match = _BODY.match(comment.text)
        end_line, _ = doc.lines.position(max(comment.end - 1, comment.start))
        if match is None or match.group(1) != "disable-next-line" or end_line != line - 1:
            continue
        listed = match.group(2).strip()
        if not listed:
            return None
        at = doc.text.find(listed, comment.start, comment.end) + len(listed)
        return Silencing(doc.edit(at, at, f", {code}"), False)
    text = doc.lines.line_text(line)
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    words = f"klm-lint-disable-next-line {code}"
    written = f"{{/* {words} */}}" if doc.is_mdx else f"<!-- {words} -->"
    return Silencing(doc.edit(start, start, f"{indent}{written}{doc.newline}"), False)
