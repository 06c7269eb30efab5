"""Writes site/known_patterns.py: the regular expression pathspec makes of each pattern the
presets and the config's defaults write, so that a run on them need not import pathspec.

    python -m klm_lint.site.pattern_table > klm_lint/site/known_patterns.py

tests/site/test_patterns.py fails when the table is not what this writes.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pathspec

from klm_lint.config.defaults import CONFIG, GENERATORCONFIG
from klm_lint.config.preset import load_preset, preset_names

PATTERN_KEYS = ("include", "exclude", "list-pages")

HEADER = '''"""What pathspec's GitIgnoreSpec makes of the patterns the presets and the config's
defaults write: each pattern → the regular expression a path matches (None: the line is no
pattern), for patterns that match paths (not `!negated` ones). Written by `python -m
klm_lint.site.pattern_table` from the presets and pathspec (do not edit;
tests/site/test_patterns.py fails when it is out of date)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.lazy import lazy_pattern

if TYPE_CHECKING:
    import re

KNOWN: dict[str, re.Pattern[str] | None] = {
'''


def _written(data: Any, found: list[str]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in PATTERN_KEYS and isinstance(value, list):
                found.extend(item for item in value if isinstance(item, str))
            else:
                _written(value, found)
    elif isinstance(data, list):
        for item in data:
            _written(item, found)


def known_lines() -> list[str]:
    """The patterns, each `{content}` written once per content folder of the preset (and of
    the config's default)."""
    defaults = {key: value for _name, key, value in (*CONFIG, *GENERATORCONFIG)}
    lines: list[str] = []
    for key in PATTERN_KEYS:
        lines.extend(defaults.get(key, []))
    for name in preset_names():
        preset = load_preset(name)
        written: list[str] = []
        _written(preset, written)
        folders = {*preset.get("content", []), *defaults["content"]}
        for line in written:
            if "{content}" in line:
                lines.extend(line.replace("{content}", folder.strip("/")) for folder in folders)
            else:
                lines.append(line)
    return sorted(set(lines))


def render() -> str:
    rows = []
    for line in known_lines():
        (pattern,) = pathspec.GitIgnoreSpec.from_lines([line]).patterns
        if pattern.include is False:
            continue
        regex = None if pattern.include is None or pattern.regex is None else pattern.regex.pattern
        value = "None" if regex is None else f"lazy_pattern({json.dumps(regex)})"
        rows.append(f"    {json.dumps(line)}: {value},")
    return HEADER + "\n".join(rows) + "\n}\n"


if __name__ == "__main__":
    sys.stdout.write(render())
