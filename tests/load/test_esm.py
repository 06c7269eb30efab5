"""The names an MDX body's import and export lines bring in."""

from __future__ import annotations

import pytest

from klm_lint.load.esm import imported_names
from klm_lint.load.mdx import scan_body


def names(body: str) -> set[str]:
    return imported_names(body, 0, scan_body(body).code)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('import Chart from "./Chart"\n', {"Chart"}),
        ("import Chart from './Chart';\n", {"Chart"}),
        ('import { A, B as C } from "x"\n', {"A", "C"}),
        ('import {\n  A,\n  B as C,\n} from "x"\n', {"A", "C"}),
        ('import D, { E } from "x"\n', {"D", "E"}),
        ('import * as Icons from "x"\n', {"Icons"}),
        ('import D, * as NS from "x"\n', {"D", "NS"}),
        ('import type { T } from "x"\n', {"T"}),
        ('import { type T, U } from "x"\n', {"T", "U"}),
        ('import "./styles.css"\n', set()),
        ("export const Badge = () => null\n", {"Badge"}),
        ("export function Card() {}\nexport class Box {}\n", {"Card", "Box"}),
        ("export default function Layout() {}\n", {"Layout"}),
        ('import A from "a"\nimport B from "b"\n\nText\n', {"A", "B"}),
    ],
)
def test_names(body: str, expected: set[str]) -> None:
    assert names(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        '```js\nimport Chart from "x"\n```\n',
        "~~~\nexport const Badge = 1\n~~~\n",
        'We import Chart from "x" in prose.\n',
        'Text\n  import Chart from "x"\n',
        "importance matters\n",
    ],
)
def test_lines_that_are_not_module_statements(body: str) -> None:
    assert names(body) == set()


def test_a_statement_ends_at_a_blank_line() -> None:
    assert names('import A from "a"\n\nimport B from "b"\n') == {"A", "B"}
    assert names("export const A = 1\n\nconst B = 2\n") == {"A"}
