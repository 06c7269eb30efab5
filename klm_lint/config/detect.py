"""Which preset a project needs, told by the files its generator keeps at the project root.

`detect_preset(root)` looks, in this order, for:
1. a generator's own config file: `astro.config.*`, `docusaurus.config.*`, `eleventy.config.*`
   or `.eleventy.js`, `hugo.toml|yaml|json` (or `config/_default/hugo.*`), `zola.toml`,
   Jekyll's `_config.yml|yaml|toml`;
2. the dependencies and dev dependencies of `package.json`: `astro`, `@docusaurus/core`,
   `@11ty/eleventy`, `next`;
3. a `config.toml|yaml|json` with a top-level `baseURL` (Hugo) or `base_url` (Zola).

The first one found decides. Nothing found: None (the caller uses the default preset).
"""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING, Any

from klm_lint.files import NAMED_FILE_LIMIT, ProjectRoot, Refused, read_regular
from klm_lint.lazy import lazy_pattern
from klm_lint.records import value_record

if TYPE_CHECKING:
    from pathlib import Path


@value_record
class Detection:
    """A preset and why: `Detection("hugo", "hugo.toml is Hugo's config file")`."""

    name: str
    reason: str
    """What was found, as a clause: "package.json depends on astro"."""


_JS_EXTENSIONS = ("js", "mjs", "cjs", "ts", "mts", "cts")

_CONFIG_FILES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("astro", tuple(f"astro.config.{ext}" for ext in _JS_EXTENSIONS)),
    ("docusaurus", tuple(f"docusaurus.config.{ext}" for ext in _JS_EXTENSIONS)),
    (
        "eleventy",
        (".eleventy.js", *(f"eleventy.config.{ext}" for ext in _JS_EXTENSIONS)),
    ),
    (
        "hugo",
        (
            "hugo.toml",
            "hugo.yaml",
            "hugo.yml",
            "hugo.json",
            "config/_default/hugo.toml",
            "config/_default/hugo.yaml",
            "config/_default/hugo.json",
        ),
    ),
    ("zola", ("zola.toml",)),
    ("jekyll", ("_config.yml", "_config.yaml", "_config.toml")),
)
MARKER_FILES: tuple[str, ...] = tuple(
    file for _name, files in _CONFIG_FILES for file in files if "/" not in file
)
"""Files that mark a project's root: its generator keeps them there."""
_GENERATOR_NAMES = {
    "astro": "Astro",
    "docusaurus": "Docusaurus",
    "eleventy": "Eleventy",
    "hugo": "Hugo",
    "zola": "Zola",
    "jekyll": "Jekyll",
}
_DEPENDENCIES = (
    ("astro", "astro"),
    ("@docusaurus/core", "docusaurus"),
    ("@11ty/eleventy", "eleventy"),
    ("next", "nextjs"),
)
_BASE_URL_LINE = lazy_pattern(r"""^["']?(baseURL|base_url)["']?\s*[:=]""", re.IGNORECASE | re.M)


def detect_preset(root: Path) -> Detection | None:
    """The preset the project at `root` needs, and why; None when nothing tells."""
    for name, files in _CONFIG_FILES:
        for file in files:
            if (root / file).is_file():
                return Detection(name, f"{file} is {_GENERATOR_NAMES[name]}'s config file")
    project = ProjectRoot.at(root)
    dependencies = _dependencies(root / "package.json", project)
    for package, name in _DEPENDENCIES:
        if package in dependencies:
            return Detection(name, f"package.json depends on {package}")
    for file in ("config.toml", "config.yaml", "config.yml", "config.json"):
        key = _base_url_key(root / file, project)
        if key == "base_url" and file == "config.toml":
            return Detection("zola", f"{file} sets base_url, as Zola's config does")
        if key is not None and key.lower() == "baseurl":
            return Detection("hugo", f"{file} sets {key}, as Hugo's config does")
    return None


def _read(path: Path, project: ProjectRoot) -> str | None:
    """The file's text, read through the guard (a regular file of the project, of a size a
    config file has); None when it cannot be read so."""
    try:
        raw, _info = read_regular(path, NAMED_FILE_LIMIT, project)
        return raw.decode("utf-8")
    except (Refused, UnicodeDecodeError):
        return None


def _dependencies(package_json: Path, project: ProjectRoot) -> set[str]:
    """The names in dependencies and devDependencies; none when the file is missing or not
    a JSON object (the build reports that, not klm-lint)."""
    text = _read(package_json, project)
    if text is None:
        return set()
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return set()
    if not isinstance(data, dict):
        return set()
    names: set[str] = set()
    for table in ("dependencies", "devDependencies"):
        listed = data.get(table)
        if isinstance(listed, dict):
            names.update(str(key) for key in listed)
    return names


def _base_url_key(config: Path, project: ProjectRoot) -> str | None:
    """`baseURL` (any case) or `base_url` when the file sets it at its top level."""
    text = _read(config, project)
    if text is None:
        return None
    if config.suffix == ".toml":
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib

        try:
            data: Any = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, RecursionError):
            return None
        keys = [key for key in data if key.lower() in ("baseurl", "base_url")]
        return keys[0] if keys else None
    if config.suffix == ".json":
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return None
        if not isinstance(data, dict):
            return None
        keys = [key for key in data if key.lower() in ("baseurl", "base_url")]
        return keys[0] if keys else None
    found = _BASE_URL_LINE.search(text)
    return found.group(1) if found else None
