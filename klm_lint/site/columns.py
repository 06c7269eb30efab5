"""The index cache's columns: one fact (or one key, or the files' stamps) for every file, in a
form JSON holds and reads back quickly, and type-checked as a whole when read.

Numbers are kept as the bytes of a machine-integer array, base64-encoded in one JSON string
(the cache's identity names the byte order), so that reading ten thousand of them makes one
object, not ten thousand; flags as one string of 0s and 1s; texts as a JSON list of strings;
keys (JSON texts themselves) as their texts between tabs, which a JSON text never holds.
Nothing in a column is ever run: a damaged or hostile one is refused, never trusted.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from array import array
from typing import TYPE_CHECKING, Any, cast

from klm_lint.site.facts import Value

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterator

    from klm_lint.site.facts import FactKind

_NONE = type(None)


class Refused(ValueError):
    """A column that is not what its kind holds."""


def numbers(raw: Any, length: int) -> array[int]:
    """A column of integers from its JSON form (a base64 string of 64-bit integers)."""
    if type(raw) is not str:
        raise Refused("numbers")
    try:
        data = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        raise Refused("numbers") from None
    if len(data) != 8 * length:
        raise Refused("numbers")
    column = array("q")
    column.frombytes(data)
    return column


def numbers_json(column: array[int] | list[int]) -> str:
    data = column if isinstance(column, array) else array("q", column)
    # Base64 letters (A-Z, a-z, 0-9, +, /, =) need no escaping in a JSON string.
    return '"' + base64.b64encode(data.tobytes()).decode("ascii") + '"'


def typed(raw: Any, types: set[type], length: int | None = None) -> list[Any]:
    """A JSON list whose items are all of these types (checked at C speed)."""
    if type(raw) is not list or (length is not None and len(raw) != length):
        raise Refused("column")
    if not set(map(type, raw)) <= types:
        raise Refused("column")
    return raw


class Column:
    """One fact for every row, as read: each row made a value only when asked for."""

    __slots__ = ("_at_text", "at", "kind", "texts")

    def __init__(
        self, kind: FactKind, texts: Any, at: array[int] | None = None, at_text: str | None = None
    ) -> None:
        self.kind = kind
        self.texts = texts
        """None for a column refused; else per row: text (str), flag ("0"/"1" in one
        string), moment (ISO text or None), words (a list of str), value (its text, or None
        when there is no value)."""
        self.at = at
        """For values: line, start and end of each row, three numbers per row (once `ready`)."""
        self._at_text = at_text

    def ready(self) -> bool:
        """Whether the column can be used whole: for values, their positions are read from
        their text when first needed (a rule that counts texts needs none); a column whose
        positions are not numbers is refused then. False for a column refused."""
        if self._at_text is not None:
            try:
                self.at = numbers(self._at_text, 3 * len(self.texts))
            except Refused:
                self.texts = None
            self._at_text = None
        return self.texts is not None

    def value(self, row: int) -> Any:
        kind = self.kind
        if kind == "value":
            text = self.texts[row]
            if text is None:
                return None
            at = self.at
            assert at is not None
            base = 3 * row
            return Value(text, at[base], at[base + 1], at[base + 2])
        if kind == "flag":
            return self.texts[row] == "1"
        if kind == "words":
            return tuple(self.texts[row])
        if kind == "moment":
            text = self.texts[row]
            return None if text is None else dt.datetime.fromisoformat(text)
        return self.texts[row]


def refused_column(kind: FactKind) -> Column:
    """What a column that is not what its kind holds stands for: nothing (each post that
    needs it is read again)."""
    return Column(kind, None)


NOTHING: dict[str, Any] = {"text": "", "flag": False, "words": (), "value": None, "moment": None}
"""Each kind's value for a post that has none."""


def parse_column(kind: FactKind, raw: Any, count: int) -> Column:
    """A fact's column from its JSON form; Refused when it is not one."""
    if kind == "text":
        return Column(kind, typed(raw, {str}, count))
    if kind == "flag":
        if type(raw) is not str or len(raw) != count or raw.strip("01"):
            raise Refused("flags")
        return Column(kind, raw)
    if kind == "words":
        rows = typed(raw, {list}, count)
        for row in rows:
            typed(row, {str})
        return Column(kind, rows)
    if kind == "moment":
        rows = typed(raw, {str, _NONE}, count)
        for text in rows:
            if text is not None:
                try:
                    moment = dt.datetime.fromisoformat(text)
                except ValueError:
                    raise Refused("moment") from None
                if moment.tzinfo is None:
                    raise Refused("moment")
        return Column(kind, rows)
    if type(raw) is not list or len(raw) != 2:
        raise Refused("values")
    # Three 8-byte numbers a row: 32 base64 characters, read when first needed.
    if type(raw[1]) is not str or len(raw[1]) != 32 * count:
        raise Refused("values")
    return Column(kind, typed(raw[0], {str, _NONE}, count), at_text=raw[1])


class ColumnWriter:
    """A fact's column being written: values of whole posts, or rows copied from a column."""

    __slots__ = ("at", "kind", "texts")

    def __init__(self, kind: FactKind) -> None:
        self.kind = kind
        self.texts: list[Any] = []
        self.at: array[int] = array("q")

    def add(self, value: Any) -> None:
        kind = self.kind
        if kind == "value":
            if value is None:
                self.texts.append(None)
                self.at.extend((0, 0, 0))
            else:
                self.texts.append(value.text)
                self.at.extend((value.line, value.start, value.end))
        elif kind == "flag":
            self.texts.append("1" if value else "0")
        elif kind == "moment":
            self.texts.append(None if value is None else value.isoformat())
        else:
            self.texts.append(value)

    def extend(self, values: list[Any]) -> None:
        """add() of each value (None where the kind's value is a value: no value), a column at
        a time. Texts and words are kept as they are (JSON writes a tuple as a list)."""
        kind = self.kind
        texts = self.texts
        if kind == "value":
            places = array("q", bytes(24 * len(values)))
            if set(map(type, values)) <= _ONLY_NONE:  # a key no post has, as many keys are
                texts.extend(values)
                self.at.extend(places)
                return
            texts.extend([None if value is None else value.text for value in values])
            # Three numbers a value, each kind of number taken in one pass (0 for no value).
            places[0::3] = array("q", [0 if value is None else value.line for value in values])
            places[1::3] = array("q", [0 if value is None else value.start for value in values])
            places[2::3] = array("q", [0 if value is None else value.end for value in values])
            self.at.extend(places)
        elif kind == "flag":
            texts.extend(["1" if value else "0" for value in values])
        elif kind == "moment":
            texts.extend([None if value is None else value.isoformat() for value in values])
        else:
            texts.extend(values)

    def copy(self, column: Column, row: int) -> None:
        assert column.texts is not None
        self.texts.append(column.texts[row])
        if self.kind == "value":
            assert column.at is not None
            self.at.extend(column.at[3 * row : 3 * row + 3])

    def none(self) -> None:
        """A row of a file that is no post."""
        self.add(NOTHING[self.kind])

    def json(self) -> str:
        return "".join(self.pieces())

    def pieces(self) -> Iterator[str]:
        """json(), a few thousand rows at a time (a large site's column is megabytes)."""
        if self.kind == "flag":
            yield json.dumps("".join(self.texts))
            return
        if self.kind == "value":
            yield "["
        yield from json_pieces(self.texts)
        if self.kind == "value":
            yield f",{numbers_json(self.at)}]"


PIECE = 4096


def json_pieces(items: list[Any]) -> Iterator[str]:
    """The list in JSON (no spaces, not escaped to ASCII), a few thousand items at a time."""
    if len(items) <= PIECE:
        yield json.dumps(items, ensure_ascii=False, separators=(",", ":"))
        return
    yield "["
    for at in range(0, len(items), PIECE):
        if at:
            yield ","
        yield json.dumps(items[at : at + PIECE], ensure_ascii=False, separators=(",", ":"))[1:-1]
    yield "]"


class KeyPieces:
    """A column of keys as its line holds it, made a few thousand keys at a time: the pieces
    of the line (texts between tabs), never a list of every key's text."""

    __slots__ = ("pieces",)

    def __init__(self) -> None:
        self.pieces: list[str] = []

    def add(self, texts: list[str | None]) -> bool:
        """The next keys' texts ("" for None); False when one holds a tab or line break (a
        key's JSON text never does: they are escaped)."""
        if not texts:
            return True
        piece = "\t".join([text or "" for text in texts])
        if "\n" in piece or "\r" in piece or piece.count("\t") != len(texts) - 1:
            return False
        if self.pieces:
            self.pieces.append("\t")
        self.pieces.append(piece)
        return True


def key_texts(raw: bytes, count: int) -> list[str]:
    """A column of keys from its line (KeyPieces), "" where the key is None: cut apart in one
    step, which reading it as JSON (a list of texts that are JSON themselves, their quotes
    escaped) is not."""
    if count == 0:
        if raw:
            raise Refused("keys")
        return []
    try:
        texts = raw.decode("utf-8").split("\t")
    except UnicodeDecodeError:
        raise Refused("keys") from None
    if len(texts) != count:
        raise Refused("keys")
    return texts


def key_text(key: Hashable | None) -> str | bool | None:
    """A key as its column keeps it: JSON text, one text per key, so that equal keys have equal
    texts (strings, and tuples of strings and None, only); None for None; False for a key
    the column cannot keep."""
    if key is None:
        return None
    try:
        return _text(key)
    except TypeError:
        return False


def key_texts_of(keys: list[Hashable | None]) -> list[str | bool | None]:
    """key_text of each key; a column of strings and None (most keys) at C speed."""
    kinds = set(map(type, keys))
    string = _string
    if kinds <= _STRING_OR_NONE:
        return [None if key is None else string(cast("str", key)) for key in keys]
    if kinds <= _TUPLE_OR_NONE:
        try:  # tuples of strings, as _text writes them (anything else is left to it)
            return [
                None if key is None else "[" + ",".join(map(string, cast("tuple[str]", key))) + "]"
                for key in keys
            ]
        except TypeError:
            pass
    return list(map(key_text, keys))


_STRING_OR_NONE = frozenset((str, _NONE))
_ONLY_NONE = frozenset((_NONE,))
_TUPLE_OR_NONE = frozenset((tuple, _NONE))


def _text(key: object) -> str:
    """json.dumps of the key (tuples as lists, no spaces), quicker for the small keys rules
    group by; TypeError for a key of anything but strings, None and tuples."""
    if type(key) is str:
        return _string(key)
    if key is None:
        return "null"
    if type(key) is tuple:
        try:
            # Most keys are tuples of strings, which the C encoder takes (it refuses the rest).
            return "[" + ",".join(map(_string, key)) + "]"
        except TypeError:
            return "[" + ",".join(map(_text, key)) + "]"
    raise TypeError("not a key")


_string = getattr(json.encoder, "c_encode_basestring", None) or json.encoder.encode_basestring


def key_value(text: str) -> Hashable:
    """A key back from its text (lists back to tuples); ValueError when it is not one."""
    return _hashable(json.loads(text))


def _hashable(value: Any) -> Hashable:
    if value is None or type(value) is str:
        return value
    if type(value) is list:
        return tuple(_hashable(item) for item in value)
    raise ValueError("not a key")
