"""A single-pass scanner of an MDX content body: tags, comments, code and images with offsets.

The site compiles every body as MDX. The scanner finds what the checks need without building a
syntax tree: JSX/HTML tags and their attributes, HTML and JSX comments, fenced code blocks and
inline code spans, and Markdown images. Each character is looked at a bounded number of times
(plus logarithmic look-ups), nothing recurses, and no input makes it raise.
"""

from __future__ import annotations

import itertools
from array import array
from bisect import bisect_left, bisect_right
from typing import Literal, NamedTuple

from klm_lint.lazy import lazy_pattern
from klm_lint.records import value_record


@value_record
class Attribute:
    name: str
    """Empty for a spread, `{...props}`."""
    start: int
    end: int
    value: str | None
    """A string literal's content; None when bare (`<X open>`) or an expression."""
    value_start: int
    value_end: int
    """The value literal with its quotes or braces; both the end of the name when bare."""
    expression: bool


@value_record
class Tag:
    name: str
    """As written, `Foo.Bar` included; empty for the fragments `<>` and `</>`."""
    kind: Literal["open", "close", "self"]
    start: int
    end: int
    """After the ">", or where scanning stopped when the tag is incomplete."""
    name_start: int
    name_end: int
    attributes: tuple[Attribute, ...]
    complete: bool
    """False when the tag never reaches its ">"."""


@value_record
class Comment:
    start: int
    end: int
    text: str
    """The inside, stripped."""
    kind: Literal["html", "jsx"]


@value_record
class Image:
    alt: str
    src: str
    """The destination without <> or title; for a reference image the definition's destination,
    empty when the reference is undefined."""
    start: int
    end: int
    src_start: int
    src_end: int
    """The destination text; for a reference image, in the definition (an empty range at the
    reference label when undefined)."""
    alt_start: int
    alt_end: int


@value_record
class Link:
    src: str
    """The destination as written, without <> or title."""
    start: int
    end: int
    """The destination text."""
    kind: Literal["inline", "definition"]
    """An inline link `[text](src)`, or a reference definition `[label]: src` (the reference
    links and images that use it point to its destination)."""


@value_record
class BodyScan:
    tags: tuple[Tag, ...]
    comments: tuple[Comment, ...]
    code: tuple[tuple[int, int], ...]
    """(start, end) of fenced code blocks (fence run to closing fence run) and inline code."""
    images: tuple[Image, ...]
    links: tuple[Link, ...] = ()
    """Inline links and reference definitions, in text order (not images)."""


def scan_body(text: str, start: int = 0, end: int | None = None) -> BodyScan:
    """Scan text[start:end]; every offset in the result is an offset into text."""
    size = len(text)
    start = max(0, min(start, size))
    end = size if end is None else max(start, min(end, size))
    if not any(text.find(char, start, end) >= 0 for char in _MAY_START_SOMETHING):
        return _NOTHING
    return _Scanner(text, start, end).scan()


_MAY_START_SOMETHING = "<{`[~\\"
"""Every tag, comment, expression, code span or fence, image and reference definition starts
with one of these: a body with none of them (plain prose) has nothing to find."""
_NOTHING = BodyScan((), (), (), ())


# Container prefixes before a line's content: indentation, blockquote markers, list markers.
_PREFIX = r"(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*"
_MARKED_LINE = _PREFIX + r"(?:(?P<fence>`{3,}(?!`)|~{3,}(?!~))(?P<info>[^\r\n]*)|(?P<ref>\[))"
_BLANK_LINE = _PREFIX + r"(?=[\r\n]|\Z)"
_FIRST_MARKED_LINE = lazy_pattern(_MARKED_LINE)
_NEWLINE = r"(?:\r\n|\r(?!\n)|\n)"
_MARKED_LINES = lazy_pattern(_NEWLINE + "(?P<line>" + _MARKED_LINE + ")")
_FIRST_BLANK_LINE = lazy_pattern(_BLANK_LINE)
_BLANK_LINES = lazy_pattern(_NEWLINE + "(?P<line>" + _BLANK_LINE + ")")
# The same for a body without CR, which is most: a pattern that starts with one character is
# searched for far faster than one that starts with a choice.
_MARKED_LF_LINES = lazy_pattern("\n(?P<line>" + _MARKED_LINE + ")")
_BLANK_LF_LINES = lazy_pattern("\n(?P<line>" + _BLANK_LINE + ")")

_ESCAPE = r"\\[!-/:-@\[-`{-~]"
_SPECIAL = lazy_pattern(_ESCAPE + r"|<(?=!--|/?[^\W\d_]|/?>)|[{`]|!\[|\]\(")
_SPECIAL_NO_EXPRESSIONS = lazy_pattern(_ESCAPE + r"|<(?=!--|/?[^\W\d_]|/?>)|`|!\[|\]\(")
_SPECIAL_CHARS = "\\<{`!]"
"""The characters a match of _SPECIAL starts with; _SPECIAL_NO_EXPRESSIONS has all but {."""

_BACKTICKS = lazy_pattern(r"`+")
_WHITESPACE = lazy_pattern(r"\s*")
_TAG_NAME = lazy_pattern(r"[^\W\d_][\w.:-]*")
_ATTRIBUTE_NAME = lazy_pattern(r"(?:[^\W\d]|\$)[\w$:-]*")

_JS_SPECIAL = lazy_pattern(r"[{}'\"`]|//|/\*")
_JS_STRING = {
    "'": lazy_pattern(r"'(?:[^'\\\r\n]|\\(?:\r\n|[\s\S]))*'?"),
    '"': lazy_pattern(r'"(?:[^"\\\r\n]|\\(?:\r\n|[\s\S]))*"?'),
}
_TEMPLATE_SPECIAL = lazy_pattern(r"\\[\s\S]?|`|\$\{")
_JS_LINE_END = lazy_pattern(r"[\r\n\u2028\u2029]")

_BRACKET = lazy_pattern(r"\\[\\\[\]]|[\[\]]")
_LABEL = lazy_pattern(r"\[((?:[^\\\[\]]|\\[\s\S]){0,999})\]")
_INLINE_WHITESPACE = lazy_pattern(r"[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?")
_ANGLE_DESTINATION = lazy_pattern(r"<(?:[^<>\\\r\n]|\\[^\r\n])*>")
_SIMPLE_DESTINATION = lazy_pattern(r"[^\s()\\\x00-\x1f\x7f]*")
_DESTINATION_RUN = lazy_pattern(r"[^\s\x00-\x1f\x7f]*")
_RUN_BREAKS = lazy_pattern(r"[\s\x00-\x1f\x7f]+")
_DESTINATION_PARENTHESIS = lazy_pattern(_ESCAPE + r"|([()])")
_TITLE = {
    '"': lazy_pattern(r'"(?:[^"\\]|\\[\s\S])*"'),
    "'": lazy_pattern(r"'(?:[^'\\]|\\[\s\S])*'"),
    "(": lazy_pattern(r"\((?:[^()\\]|\\[\s\S])*\)"),
}
_MAX_DESTINATION_PARENS = 32
_MAX_LABEL = 999
"""The longest reference label; a longer [text] is no shortcut reference."""
_DEFINITION = lazy_pattern(
    r"\[(?P<label>(?:[^\\\[\]\r\n]|\\[^\r\n]){1,999})\]:[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?"
    r"(?:<(?P<angle>(?:[^<>\\\r\n]|\\[^\r\n])*)>|(?P<plain>[^\s<]\S*))"
    r"(?:[ \t]+(?:\"(?:[^\"\\\r\n]|\\[^\r\n])*\"|'(?:[^'\\\r\n]|\\[^\r\n])*'"
    r"|\((?:[^()\\\r\n]|\\[^\r\n])*\)))?"
    r"[ \t]*(?=[\r\n]|\Z)"
)


class _LineEvent(NamedTuple):
    """A line the main loop must look at if it reaches the line's start: a fence or a `[`."""

    line: int
    at: int
    length: int
    char: str


class _DestinationRun:
    """The parentheses in a run of text without whitespace, for finding in logarithmic time where
    a link destination starting in the run ends: at its first unbalanced ")", or at the end of
    the run if balanced there. Nesting deeper than 32 is no destination, as in micromark.
    """

    __slots__ = ("by_depth", "depths", "end", "positions", "sorted_depths", "start")

    def __init__(self, text: str, start: int, end: int) -> None:
        run = _DESTINATION_RUN.match(text, start, end)
        self.start = start
        self.end = run.end() if run else start
        tokens = _DESTINATION_PARENTHESIS.finditer(text, start, self.end)
        parentheses = [token for token in tokens if token.lastindex]
        self.positions = [token.start() for token in parentheses]
        steps = [1 if token.group(1) == "(" else -1 for token in parentheses]
        after = list(itertools.accumulate(steps))
        self.depths = [0, *after]
        """The depth before each parenthesis, and after the last."""
        self.by_depth = sorted(range(len(after)), key=after.__getitem__)
        """Indices of the parentheses ordered by the depth they lead to, then by position."""
        self.sorted_depths = [after[index] for index in self.by_depth]

    def destination_end(self, at: int) -> int:
        index = bisect_left(self.positions, at)
        base = self.depths[index]
        closing = self._first_reaching(base - 1, index)
        too_deep = self._first_reaching(base + _MAX_DESTINATION_PARENS + 1, index)
        if too_deep < closing:
            return -1
        if closing < self.end:
            return closing
        return self.end if self.depths[-1] == base else -1

    def _first_reaching(self, depth: int, index: int) -> int:
        """The first parenthesis from the index-th on after which the depth is `depth`."""
        low = bisect_left(self.sorted_depths, depth)
        high = bisect_right(self.sorted_depths, depth, low)
        found = bisect_left(self.by_depth, index, low, high)
        return self.positions[self.by_depth[found]] if found < high else self.end


class _PendingImage(NamedTuple):
    start: int
    end: int
    alt_start: int
    alt_end: int
    src_start: int
    src_end: int
    label: str | None
    """None for an inline image."""
    shortcut: bool


def _normalize_label(label: str) -> str:
    return " ".join(label.split()).casefold()


class _Scanner:
    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.tags: list[Tag] = []
        self.comments: list[Comment] = []
        self.code: list[tuple[int, int]] = []
        self.images: list[_PendingImage] = []
        self.links: list[Link] = []
        self.definitions: dict[str, tuple[str, int, int]] = {}
        self.events: list[_LineEvent] = []
        self.closers: dict[str, list[_LineEvent]] = {"`": [], "~": []}
        self.closer_lines: dict[str, list[int]] = {"`": [], "~": []}
        self.fence_lines: list[int] = []
        self.boundaries: list[int] | None = None
        """Starts of lines that end a paragraph: blank lines and fence lines."""
        self.boundary_cursor = 0
        self.special = _SPECIAL
        self.special_chars = _SPECIAL_CHARS
        self.next_from = dict.fromkeys(_SPECIAL_CHARS, end + 1)
        self.next_at = dict.fromkeys(_SPECIAL_CHARS, end)
        """Where each special character was last searched for from, and found (end: not)."""
        self.lf_only = text.find("\r", start, end) < 0
        self.expressions = True
        self.tags_blocked_until = start
        self.runs: dict[int, list[int]] | None = None
        self.run_cursors: dict[int, int] = {}
        self.brackets_from = start
        self.brackets_until = start
        self.bracket_pairs: dict[int, int] = {}
        self.destination_runs: dict[int, _DestinationRun] = {}
        self.run_starts: array[int] | None = None

    def scan(self) -> BodyScan:
        self._index_lines()
        events = self.events
        next_event = 0
        i = self.start
        while i < self.end:
            while next_event < len(events) and events[next_event].line < i:
                next_event += 1
            limit = events[next_event].line if next_event < len(events) else self.end
            if limit == i:
                i = self._line_event(events[next_event])
                next_event += 1
                continue
            found = self._next_special(i, limit)
            i = limit if found < 0 else self._dispatch(found)
        return BodyScan(
            tuple(self.tags),
            tuple(self.comments),
            tuple(self.code),
            self._resolve_images(),
            self._all_links(),
        )

    def _next_special(self, i: int, limit: int) -> int:
        """Where self.special first matches in text[i:limit], or -1.

        Each character a match can start with is looked for on its own (far faster than the
        pattern's search), and found again only once scanning has passed it.
        """
        text, end, special = self.text, self.end, self.special
        next_from, next_at = self.next_from, self.next_at
        while True:
            best = limit
            for char in self.special_chars:
                at = next_at[char]
                if not next_from[char] <= i <= at:
                    found = text.find(char, i, end)
                    at = end if found < 0 else found
                    next_from[char], next_at[char] = i, at
                if at < best:
                    best = at
            if best >= limit:
                return -1
            if special.match(text, best, limit):
                return best
            i = best + 1

    def _index_lines(self) -> None:
        text, start, end = self.text, self.start, self.end
        first = _FIRST_MARKED_LINE.match(text, start, end)
        lines = (_MARKED_LF_LINES if self.lf_only else _MARKED_LINES).finditer(text, start, end)
        for line in itertools.chain([first] if first else [], lines):
            line_start = line.start("line") if line.re is not _FIRST_MARKED_LINE else line.start()
            if line.group("ref") is not None:
                self.events.append(_LineEvent(line_start, line.start("ref"), 0, "["))
            else:
                run, info = line.group("fence"), line.group("info")
                char = run[0]
                if char == "`" and "`" in info:
                    continue
                event = _LineEvent(line_start, line.start("fence"), len(run), char)
                self.fence_lines.append(event.line)
                self.events.append(event)
                if not info.strip():
                    self.closers[char].append(event)
                    self.closer_lines[char].append(event.line)

    def _line_event(self, event: _LineEvent) -> int:
        if event.char == "[":
            return self._definition(event)
        return self._fence(event)

    def _dispatch(self, at: int) -> int:
        char = self.text[at]
        if char == "\\":
            return at + 2
        if char == "`":
            return self._code_span(at)
        if char == "{":
            return self._expression(at)
        if char == "!":
            return self._image(at)
        if char == "]":
            return self._link(at)
        if self.text.startswith("<!--", at, self.end):
            return self._html_comment(at)
        return self._tag(at)

    def _char(self, at: int) -> str:
        return self.text[at] if self.start <= at < self.end else ""

    def _skip_inline_whitespace(self, at: int) -> int:
        found = _INLINE_WHITESPACE.match(self.text, at, self.end)
        return found.end() if found else at

    def _next_boundary(self, at: int) -> int:
        """The start of the first paragraph-ending line after `at`, or the end of the body."""
        boundaries = self.boundaries
        if boundaries is None:
            text, start, end = self.text, self.start, self.end
            first = [start] if _FIRST_BLANK_LINE.match(text, start, end) else []
            pattern = _BLANK_LF_LINES if self.lf_only else _BLANK_LINES
            blank = [line.start("line") for line in pattern.finditer(text, start, end)]
            boundaries = self.boundaries = sorted(first + blank + self.fence_lines)
        low = self.boundary_cursor
        if low and boundaries[low - 1] > at:
            low = 0
        index = bisect_right(boundaries, at, low)
        self.boundary_cursor = index
        return boundaries[index] if index < len(boundaries) else self.end

    # Fenced code

    def _fence(self, opening: _LineEvent) -> int:
        closers = self.closers[opening.char]
        index = bisect_right(self.closer_lines[opening.char], opening.line)
        while index < len(closers) and closers[index].length < opening.length:
            index += 1
        if index == len(closers):
            self.code.append((opening.at, self.end))
            return self.end
        closing = closers[index]
        self.code.append((opening.at, closing.at + closing.length))
        return closing.at + closing.length

    # Inline code

    def _code_span(self, at: int) -> int:
        run = _BACKTICKS.match(self.text, at, self.end)
        after = run.end() if run else at + 1
        length = after - at
        closing = self._closing_run(length, after)
        if closing < 0:
            return after
        self.code.append((at, closing + length))
        return closing + length

    def _closing_run(self, length: int, after: int) -> int:
        if self.runs is None:
            self.runs = {}
            for run in _BACKTICKS.finditer(self.text, self.start, self.end):
                self.runs.setdefault(run.end() - run.start(), []).append(run.start())
        starts = self.runs.get(length)
        if not starts:
            return -1
        low = self.run_cursors.get(length, 0)
        if low and starts[low - 1] >= after:
            low = 0
        index = bisect_left(starts, after, low)
        self.run_cursors[length] = index
        if index == len(starts) or starts[index] >= self._next_boundary(after):
            return -1
        return starts[index]

    # Comments and expressions

    def _html_comment(self, at: int) -> int:
        inside = at + 4
        if self.text.startswith(">", inside, self.end):
            inside_end, end = inside, inside + 1
        elif self.text.startswith("->", inside, self.end):
            inside_end, end = inside, inside + 2
        else:
            close = self.text.find("-->", inside, self.end)
            inside_end, end = (self.end, self.end) if close < 0 else (close, close + 3)
        self.comments.append(Comment(at, end, self.text[inside:inside_end].strip(), "html"))
        return end

    def _expression(self, at: int) -> int:
        end = self._skip_expression(at)
        if end < 0:
            return at + 1
        inside = self.text[at + 1 : end - 1].strip()
        if inside.startswith("/*") and inside.find("*/", 2) == len(inside) - 2:
            self.comments.append(Comment(at, end, inside[2:-2].strip(), "jsx"))
        return end

    def _skip_expression(self, at: int) -> int:
        """The end of the JS expression whose "{" is at `at`, or -1 when it never closes.

        After the first unclosed expression no more expressions start, so the body is scanned
        to its end at most once looking for a closing brace.
        """
        if not self.expressions:
            return -1
        text, end = self.text, self.end
        frames = ["{"]  # "{": JS code inside braces; "`": a template literal.
        i = at + 1
        while frames:
            if frames[-1] == "{":
                found = _JS_SPECIAL.search(text, i, end)
                if found is None:
                    break
                token, i = found.group(), found.end()
                if token == "{":
                    frames.append("{")
                elif token == "}":
                    frames.pop()
                elif token == "`":
                    frames.append("`")
                elif token == "//":
                    line_end = _JS_LINE_END.search(text, i, end)
                    i = line_end.start() if line_end else end
                elif token == "/*":
                    close = text.find("*/", i, end)
                    if close < 0:
                        break
                    i = close + 2
                else:
                    string = _JS_STRING[token].match(text, found.start(), end)
                    i = string.end() if string else i
            else:
                found = _TEMPLATE_SPECIAL.search(text, i, end)
                if found is None:
                    break
                token, i = found.group(), found.end()
                if token == "`":
                    frames.pop()
                elif token == "${":
                    frames.append("{")
        if frames:
            self.expressions = False
            self.special = _SPECIAL_NO_EXPRESSIONS
            self.special_chars = _SPECIAL_CHARS.replace("{", "")
            return -1
        return i

    # Tags

    def _tag(self, at: int) -> int:
        if at < self.tags_blocked_until:
            return at + 1
        if at - 2 >= self.start and self.text.startswith("](", at - 2):
            link = self._resource(at - 1)
            if link is not None:
                return link[0]
        tag = self._parse_tag(at)
        if not isinstance(tag, int) and not tag.complete and tag.end < self.end:
            self.tags_blocked_until = tag.end
        if isinstance(tag, int):
            # Tags starting inside a malformed tag's attribute values are not tried; this keeps
            # scanning linear on nested malformed tags.
            self.tags_blocked_until = tag
            return at + 1
        self.tags.append(tag)
        return tag.end

    def _parse_tag(self, at: int) -> Tag | int:
        """The tag whose "<" is at `at`, or the offset where it turned out not to be a tag."""
        text, end = self.text, self.end
        i = at + 1
        kind: Literal["open", "close", "self"] = "open"
        if text.startswith("/", i, end):
            kind = "close"
            i += 1
        name = _TAG_NAME.match(text, i, end)
        if name is None:
            if text.startswith(">", i, end):
                return Tag("", kind, at, i + 1, i, i, (), True)
            return i
        name_start, name_end = i, name.end()
        attributes: list[Attribute] = []
        complete = False
        i = name_end

        def broken(stop: int) -> Tag | int:
            # A name and a space, then something that cannot go on a tag: MDX reads this as an
            # unfinished tag (and fails there), not as text.
            if kind == "open" and name_end < end and text[name_end] in " \t\r\n":
                return Tag(
                    name.group(), kind, at, stop, name_start, name_end, tuple(attributes), False
                )
            return stop

        while True:
            space = _WHITESPACE.match(text, i, end)
            i = space.end() if space else i
            if i >= end:
                break
            char = text[i]
            if char == ">":
                i += 1
                complete = True
                break
            if kind == "close":
                return i
            if char == "/":
                space = _WHITESPACE.match(text, i + 1, end)
                i = space.end() if space else i + 1
                if i >= end:
                    break
                if text[i] != ">":
                    return broken(i)
                kind = "self"
                i += 1
                complete = True
                break
            if char == "{":
                expression_end = self._skip_expression(i)
                if expression_end < 0:
                    return broken(i)
                attributes.append(Attribute("", i, expression_end, None, i, expression_end, True))
                i = expression_end
                continue
            attribute = self._attribute(i)
            if isinstance(attribute, int):
                if attribute < end:
                    return broken(attribute)
                i = end
                break
            attributes.append(attribute)
            i = attribute.end
        return Tag(name.group(), kind, at, i, name_start, name_end, tuple(attributes), complete)

    def _attribute(self, at: int) -> Attribute | int:
        """The attribute at `at`, or where it turned out not to be one (the end of the body when
        the body ends inside it)."""
        text, end = self.text, self.end
        name = _ATTRIBUTE_NAME.match(text, at, end)
        if name is None:
            return at
        name_end = name.end()
        space = _WHITESPACE.match(text, name_end, end)
        equals = space.end() if space else name_end
        if not text.startswith("=", equals, end):
            return Attribute(name.group(), at, name_end, None, name_end, name_end, False)
        space = _WHITESPACE.match(text, equals + 1, end)
        value = space.end() if space else equals + 1
        quote = text[value] if value < end else ""
        if quote == '"' or quote == "'":
            close = text.find(quote, value + 1, end)
            if close < 0:
                return end
            literal = text[value + 1 : close]
            return Attribute(name.group(), at, close + 1, literal, value, close + 1, False)
        if quote == "{":
            value_end = self._skip_expression(value)
            if value_end < 0:
                return value
            return Attribute(name.group(), at, value_end, None, value, value_end, True)
        return value if quote else end

    # Images and reference definitions

    def _image(self, at: int) -> int:
        close = self._matching_bracket(at + 1)
        if close < 0:
            return at + 2
        alt_start, after = at + 2, close + 1
        follower = self._char(after)
        if follower == "(":
            resource = self._resource(after)
            if resource is not None:
                end, src_start, src_end = resource
                self.images.append(
                    _PendingImage(at, end, alt_start, close, src_start, src_end, None, False)
                )
                return end
        elif follower == "[":
            label = _LABEL.match(self.text, after, self.end)
            if label is not None and (not label.group(1) or label.group(1).strip()):
                label_start = label.start(1) if label.group(1) else alt_start
                reference = label.group(1) or self.text[alt_start:close]
                self.images.append(
                    _PendingImage(
                        at,
                        label.end(),
                        alt_start,
                        close,
                        label_start,
                        label_start,
                        reference,
                        False,
                    )
                )
                return label.end()
        if close - alt_start <= _MAX_LABEL:
            self.images.append(
                _PendingImage(
                    at,
                    after,
                    alt_start,
                    close,
                    alt_start,
                    alt_start,
                    self.text[alt_start:close],
                    True,
                )
            )
        # A shortcut reference is only an image if defined, so its text is scanned as usual.
        return at + 2

    def _link(self, at: int) -> int:
        """An inline link's destination, when the "](" at `at` is followed by one. Scanning goes
        on after the "]" as before: only the destination is recorded."""
        resource = self._resource(at + 1)
        if resource is not None:
            _end, src_start, src_end = resource
            self.links.append(Link(self.text[src_start:src_end], src_start, src_end, "inline"))
        return at + 1

    def _all_links(self) -> tuple[Link, ...]:
        definitions = [
            Link(src, start, end, "definition") for src, start, end in self.definitions.values()
        ]
        if not definitions:
            return tuple(self.links)
        return tuple(sorted([*self.links, *definitions], key=lambda link: link.start))

    def _matching_bracket(self, at: int) -> int:
        """The "]" closing the "[" at `at` within its paragraph, or -1.

        Brackets are paired lazily, one paragraph at a time from the first image in it on.
        """
        if not self.brackets_from <= at < self.brackets_until:
            paragraph_end = self._next_boundary(at)
            open_brackets: list[int] = []
            for token in _BRACKET.finditer(self.text, at, paragraph_end):
                if token.group() == "[":
                    open_brackets.append(token.start())
                elif token.group() == "]" and open_brackets:
                    self.bracket_pairs[open_brackets.pop()] = token.start()
            self.brackets_from, self.brackets_until = at, paragraph_end
        return self.bracket_pairs.get(at, -1)

    def _resource(self, at: int) -> tuple[int, int, int] | None:
        """Parse `(destination "title")` at `at`: its end and the destination's range."""
        text = self.text
        i = self._skip_inline_whitespace(at + 1)
        if self._char(i) == "<":
            angle = _ANGLE_DESTINATION.match(text, i, self.end)
            if angle is None:
                return None
            src_start, src_end, i = i + 1, angle.end() - 1, angle.end()
        else:
            src_start = i
            i = src_end = self._plain_destination_end(i)
            if i < 0:
                return None
        after = self._skip_inline_whitespace(i)
        title = _TITLE.get(self._char(after)) if after > i else None
        if title is not None:
            title_match = title.match(text, after, self._next_boundary(after))
            if title_match is None:
                return None
            after = self._skip_inline_whitespace(title_match.end())
        if self._char(after) != ")":
            return None
        return after + 1, src_start, src_end

    def _plain_destination_end(self, at: int) -> int:
        simple = _SIMPLE_DESTINATION.match(self.text, at, self.end)
        simple_end = simple.end() if simple else at
        if not self.text.startswith(("(", "\\"), simple_end, self.end):
            return simple_end
        start = self._run_start(at)
        run = self.destination_runs.get(start)
        if run is None:
            run = self.destination_runs[start] = _DestinationRun(self.text, start, self.end)
        return run.destination_end(at)

    def _run_start(self, at: int) -> int:
        """The start of the run of text without whitespace that `at` is in. Each run is indexed
        once, whichever of its destinations comes first, so scanning stays linear."""
        if self.run_starts is None:
            breaks = _RUN_BREAKS.finditer(self.text, self.start, self.end)
            self.run_starts = array("q", (found.end() for found in breaks))
        index = bisect_right(self.run_starts, at)
        return self.run_starts[index - 1] if index else self.start

    def _definition(self, event: _LineEvent) -> int:
        definition = _DEFINITION.match(self.text, event.at, self.end)
        if definition is None:
            return event.line
        label = definition.group("label")
        if not label.strip() or label.startswith("^"):
            return event.line
        key = _normalize_label(label)
        if key not in self.definitions:
            group = "angle" if definition.group("angle") is not None else "plain"
            start, end = definition.span(group)
            self.definitions[key] = (self.text[start:end], start, end)
        return definition.end()

    def _resolve_images(self) -> tuple[Image, ...]:
        images: list[Image] = []
        for pending in self.images:
            alt = self.text[pending.alt_start : pending.alt_end]
            src_start, src_end = pending.src_start, pending.src_end
            src = self.text[src_start:src_end]
            if pending.label is not None:
                definition = self.definitions.get(_normalize_label(pending.label))
                if definition is not None:
                    src, src_start, src_end = definition
                elif pending.shortcut:
                    continue
                else:
                    src = ""
            images.append(
                Image(
                    alt,
                    src,
                    pending.start,
                    pending.end,
                    src_start,
                    src_end,
                    pending.alt_start,
                    pending.alt_end,
                )
            )
        return tuple(images)
