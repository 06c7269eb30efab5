"""js-yaml's reading of plain scalars: a text written like a date is read as the whole chain of
js-yaml's types reads it (no number is written with a dash after four digits)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from klm_lint.load import yaml_scalars

if TYPE_CHECKING:
    from klm_lint.load.nodes import ScalarValue

_DATES = st.builds(
    lambda year, month, day, time, tail: f"{year}-{month}-{day}{time}{tail}",
    st.sampled_from(["2019", "0123", "1999", "2٠١٩", "0000", "9999"]),
    st.sampled_from(["03", "3", "13", "00", "x"]),
    st.sampled_from(["07", "7", "31", "32"]),
    st.sampled_from(["", "T05:00:00Z", " 5:00:00", "t05:00:00.5+02:00", "T05:00", "T25:61:00"]),
    st.sampled_from(["", "Z", " ", "-", "e5", ":30"]),
)
_DATE_LIKE = _DATES | st.builds(
    lambda year, rest: year + rest,
    st.sampled_from(["2019", "0123", "1999", "2٠١٩", "0000", "9999"]),
    st.text(alphabet="-0123456789:.eE+_ TtZz", max_size=24),
)


def _chain(text: str, version: int) -> ScalarValue:
    """What js-yaml reads, type by type (the reader without its shortcut for dates)."""
    int_of = yaml_scalars._js3_int if version == 3 else yaml_scalars._js4_int
    float_of = yaml_scalars._js3_float if version == 3 else yaml_scalars._js4_float
    for read in (int_of, float_of, yaml_scalars.js_timestamp):
        value = read(text)
        if value is not None:
            return value
    return text


@settings(max_examples=400, deadline=None)
@given(_DATE_LIKE)
def test_a_text_written_like_a_date_is_read_as_every_type_would_read_it(text: str) -> None:
    assert yaml_scalars.js_yaml_3(text) == _chain(text, 3)
    assert yaml_scalars.js_yaml_4(text) == _chain(text, 4)
