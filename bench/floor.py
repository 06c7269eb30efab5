"""The floor: what any front-matter linter must do at least, timed against klm-lint.

Read every content file, split off its front matter, and compose the YAML with libyaml's C
loader. Nothing is checked and nothing is reported.

    python bench/floor.py SITE/content
"""

from __future__ import annotations

import os
import sys

import yaml


def floor(folder: str) -> int:
    count = 0
    for directory, _, names in os.walk(folder):
        for name in names:
            if not name.endswith((".md", ".mdx")):
                continue
            with open(os.path.join(directory, name), encoding="utf-8") as handle:
                text = handle.read()
            if text.startswith("---\n"):
                end = text.find("\n---", 3)
                yaml.compose(text[4:end], Loader=yaml.CSafeLoader)
                count += 1
    return count


if __name__ == "__main__":
    print(floor(sys.argv[1]))
