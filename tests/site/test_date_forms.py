"""Each generator's date reading, on the forms its documentation and source name (cited in
docs/presets/): what it reads as written passes, what it rolls over is a warning, what stops
its build is an error."""

from __future__ import annotations

import datetime as dt

import pytest

from klm_lint.load.nodes import Scalar
from klm_lint.load.toml_tree import parse_toml
from klm_lint.load.yaml_tree import parse_yaml
from klm_lint.site.date_forms import js_parse, judge, judge_path_date, luxon_reads, text_moment


def yaml_value(text: str) -> Scalar:
    node = parse_yaml(f"d: {text}\n", 0, len(text) + 4).entries[0].value
    assert isinstance(node, Scalar)
    return node


def toml_value(text: str) -> Scalar:
    node = parse_toml(f"d = {text}\n", 0, len(text) + 5).entries[0].value
    assert isinstance(node, Scalar)
    return node


def level(reader: str, text: str, fmt: str = "yaml") -> str:
    node = toml_value(text) if fmt == "toml" else yaml_value(text)
    verdict = judge(node, reader, "date-or-datetime", fmt)  # type: ignore[arg-type]
    return "ok" if verdict is None else verdict.level


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-21", "ok"),
        ("2024-03-21 04:00:00 +0000", "ok"),
        ("2024-03-21 04:05:06 -0800", "ok"),
        ("2024-03-21T04:05:06+05:30", "ok"),
        ("2024-01-10 9:05:00 +0000", "ok"),
        ("2024-03-21 04:05", "ok"),
        ("2024-3-1", "ok"),
        ("2024/03/21", "ok"),
        ("20240321", "ok"),
        ("21 Mar 2024", "ok"),
        ("March 21, 2024", "ok"),
        ('"Thu, 21 Mar 2024 04:05:06 GMT"', "ok"),
        ("21/03/2024", "ok"),
        ("2023-01-29 18:30:22 2023 -0800", "ok"),
        ("2024-02-30", "warning"),
        ("2023-02-29", "warning"),
        ("2024-13-01", "error"),
        ("2024-02-32", "error"),
        ("03/21/2024", "error"),
        ("nope", "error"),
        ("'2024'", "error"),
        ("2024-03", "error"),
        ("2024-03-21 25:00:00", "error"),
        ("true", "error"),
    ],
)
def test_jekyll_reads_dates_as_rubys_time_parse_does(text: str, expected: str) -> None:
    assert level("ruby", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-21", "ok"),
        ("2024-03-21T04:05:06", "ok"),
        ("2024-03-21T04:05:06Z", "ok"),
        ("2024-03-21T04:05:06.123-07:00", "ok"),
        ("2024-03-21T04:05:06-0700", "ok"),
        ("2024-03-21 04:05:06", "ok"),
        ("2024-03-21 04:05:06 -07:00", "ok"),
        ("2024-03-21 04:05:06 -0700", "ok"),
        ("'21 Mar 2024'", "ok"),
        ("'Thu, 21 Mar 2024 04:05:06 GMT'", "ok"),
        ("2024-03-21T04:05", "error"),
        ("2024-3-21", "error"),
        ("2024/03/21", "error"),
        ("'March 21, 2024'", "error"),
        ("2024-03-21t04:05:06z", "error"),
        ("2024-03-21T04:05:06+02", "error"),
        ("2024-02-30", "error"),
        ("2024-13-01", "error"),
        ("2024-03-21T25:00:00", "error"),
        ("2024", "warning"),
        ("3:04PM", "warning"),
        ("false", "error"),
    ],
)
def test_hugo_reads_dates_in_casts_layouts_only(text: str, expected: str) -> None:
    assert level("go", text) == expected


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("2024-03-21", "toml", "ok"),
        ("2024-03-21T10:00:00Z", "toml", "ok"),
        ("10:00:00", "toml", "error"),
        ('"2024-03-21"', "toml", "ok"),
        ('"2024/03/21"', "toml", "error"),
        ("2001-12-14 21:59:43.10 -5", "yaml", "ok"),
        ("2023-7-1", "yaml", "ok"),
        ("2024-03-21T10:00", "yaml", "ok"),
        ("2024-03-21T10:00:00-0400", "yaml", "error"),
        ("2024-02-30", "yaml", "error"),
        ("2024-03-21T24:00:00", "yaml", "error"),
        ("20240321", "yaml", "error"),
    ],
)
def test_zola_reads_toml_dates_and_yaml_timestamps_on_a_real_calendar(
    text: str, fmt: str, expected: str
) -> None:
    assert level("zola", text, fmt) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-07-01", "ok"),
        ("2023-07-01T10:00:00Z", "ok"),
        ("2023-07-01 10:00:00 +02:00", "ok"),
        ("2023-7-1T10:00:00Z", "ok"),
        ("2023-07-01T10:00:00-0400", "ok"),
        ("'2023-07-01'", "ok"),
        ("'2023'", "ok"),
        ("'2023-07'", "ok"),
        ("'2023-W26'", "ok"),
        ("'2023-182'", "ok"),
        ("'20230701T100000Z'", "ok"),
        ("2023-07-01T10:00", "ok"),
        ("'2023-07-01T10:00:00+02:00[Europe/Paris]'", "ok"),
        ("Last Modified", "ok"),
        ("git Created", "ok"),
        ("false", "ok"),
        ("2023-02-30", "warning"),
        ("2023-13-01", "warning"),
        ("2023-07-01T25:00:00Z", "warning"),
        ("'2023-07-01 10:00:00'", "error"),
        ("2023-7-1", "error"),
        ("'2023-02-30'", "error"),
        ("July 1, 2023", "error"),
        ("2023/07/01", "error"),
        ("20230701", "error"),
        ("2023", "error"),
        ("true", "error"),
    ],
)
def test_eleventy_reads_yaml_dates_and_iso_text_as_luxon_does(text: str, expected: str) -> None:
    assert level("luxon", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-05", "ok"),
        ("2024-01-05T10:00:00+02:00", "ok"),
        ("'2024-01-05'", "ok"),
        ("'January 5, 2024'", "ok"),
        ("'2024/01/05'", "ok"),
        ("1704448800000", "ok"),
        ("'2024-01-05T10:00:00Z'", "error"),
        ("'2024-01-05T10:00:00+02:00'", "error"),
        ("2024-01-05T10:00Z", "error"),
        ("someday", "error"),
        ("2024-02-30", "warning"),
    ],
)
def test_docusaurus_reads_dates_and_adds_a_z_to_text(text: str, expected: str) -> None:
    assert level("docusaurus", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-05", "ok"),
        ("'Jul 08 2022'", "ok"),
        ("'2024/01/05'", "ok"),
        ("'01/05/2024'", "ok"),
        ("2024-02-30", "warning"),
        ("2024-13-01", "warning"),
        ("'2024-02-31'", "warning"),
        ("'2024-13-01'", "error"),
        ("someday", "error"),
    ],
)
def test_astro_reads_yaml_dates_and_text_javascript_reads(text: str, expected: str) -> None:
    assert level("js-date", text) == expected


def test_the_kind_of_a_date_field_still_counts() -> None:
    node = yaml_value("2024-03-21")
    verdict = judge(node, "go", "datetime", "yaml")
    assert verdict is not None
    assert verdict.reason == "has no time of day, and the site needs one"


def test_a_rollover_says_the_day_the_generator_shows() -> None:
    verdict = judge(yaml_value("2024-02-30"), "ruby", "date", "yaml")
    assert verdict is not None
    assert verdict.level == "warning"
    assert verdict.effect is not None
    assert "2024-03-01" in verdict.effect
    js = judge(yaml_value("2024-01-05T25:61:61"), "luxon", "datetime", "yaml")
    assert js is not None
    assert js.effect is not None
    assert "2024-01-06 02:02:01" in js.effect


@pytest.mark.parametrize(
    ("text", "reader", "expected"),
    [
        ("2024-03-21", "ruby", None),
        ("2024-02-31", "ruby", "warning"),
        ("2024-13-01", "ruby", "error"),
        ("24-03-21", "ruby", None),
        ("2024/02/30", "docusaurus", "warning"),
        ("2024-00-10", "docusaurus", "error"),
        ("2023-02-30", "luxon", "warning"),
        ("2023-02-30", "zola", "warning"),
    ],
)
def test_dates_in_file_names(text: str, reader: str, expected: str | None) -> None:
    verdict = judge_path_date(text, reader)  # type: ignore[arg-type]
    assert (verdict.level if verdict else None) == expected


def test_javascript_and_text_moments() -> None:
    assert js_parse("2024") == (2024, 1, 1)
    assert js_parse("Thu, 21 Mar 2024 04:05:06 GMT") == (2024, 3, 21)
    assert js_parse("2024-13-01") is None
    assert luxon_reads("2024-W53-7") is True
    assert luxon_reads("2023-366") is False
    assert text_moment("2024-03-21 04:00:00 +0000") == dt.datetime(
        2024, 3, 21, tzinfo=dt.timezone.utc
    )
    assert text_moment("2024-03-21T04:00:00Z") == dt.datetime(
        2024, 3, 21, 4, tzinfo=dt.timezone.utc
    )
    assert text_moment("2024-02-30") is None
