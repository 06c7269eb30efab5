"""Schemas a site already declares for its CMS or its generator, read as schemas of the schema
language: a collection's `schema = "decap:blog"`.

`KIND:NAME` names one schema of a source: `sitepins:posts` (`.sitepins/schema/posts.json`),
`decap:blog` (the folder collection `blog` of Decap CMS's `admin/config.yml`),
`frontmatter:post` (the content type `post` of Front Matter CMS's `frontmatter.json`) and
`astro:blog` (the JSON Schema Astro generates in `.astro/collections/blog.schema.json`). Decap
and Front Matter configs kept elsewhere are named with the file: `decap:cms/config.yml#blog`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klm_lint.errors import ConfigError
from klm_lint.records import value_record

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path
    from typing import Protocol

    class _Source(Protocol):  # a Protocol class costs a run's start-up: only mypy needs it
        def read(self, root: Path, name: str, where: str) -> Declared: ...

        def find(self, root: Path, problems: list[str]) -> list[Declared]: ...


Raw = dict[str, Any]

SOURCES: dict[str, str] = {
    "astro": "Astro",
    "decap": "Decap CMS",
    "frontmatter": "Front Matter CMS",
    "sitepins": "Sitepins",
}
"""Each source's prefix, and its name for messages."""
MAX_VALUES = 100_000
"""The most values a source file may hold (a real CMS config holds a few thousand)."""
MAX_FIELDS = 10_000
"""The most fields a declared schema may have, once field groups and references that repeat
others are expanded."""


@value_record
class Declared:
    """One schema a site declares, in the schema language."""

    reference: str
    """How a collection names it: `decap:blog`."""
    raw: Raw
    """The schema: its `fields` and `unknown`, in the schema language."""
    file: str
    """The file it was read from, relative to the project root."""
    what: str
    """What it is in that file: `the Decap CMS collection "blog"`."""
    include: tuple[str, ...] = ()
    """Where its files are, when the source says (gitignore-style, from the project root)."""
    ignored: tuple[str, ...] = ()
    """What the schema language cannot say, and was left out."""

    @property
    def origin(self) -> str:
        """Where it comes from, for --show-settings: `static/admin/config.yml, the Decap CMS
        collection "blog" (ignored: widget color-picker)`."""
        left_out = f" (ignored: {', '.join(self.ignored)})" if self.ignored else ""
        return f"{self.file}, {self.what}{left_out}"


def is_declared(name: str) -> bool:
    """Whether a collection's schema names a declared schema (`decap:blog`)."""
    kind, colon, rest = name.partition(":")
    return bool(colon) and kind in SOURCES and bool(rest)


def read_declared(root: Path, name: str, where: str) -> Declared:
    """The declared schema `KIND:NAME` (`where`: the config key that names it, for errors)."""
    kind, _colon, rest = name.partition(":")
    return _module(kind).read(root, rest, where)


def find_declared(root: Path) -> tuple[list[Declared], list[str]]:
    """Every schema the project declares in the places its sources keep them, and a line for
    each file that is there but cannot be read."""
    found: list[Declared] = []
    problems: list[str] = []
    for kind in SOURCES:
        try:
            found += _module(kind).find(root, problems)
        except ConfigError as error:
            problems.append(error.message)
    return found, problems


def gathered(makers: Iterable[Callable[[], Declared]], problems: list[str]) -> list[Declared]:
    """The schemas each maker reads; a line in `problems` for each that cannot be read, so that
    one broken schema of a source hides none of the others."""
    found: list[Declared] = []
    for make in makers:
        try:
            found.append(make())
        except ConfigError as error:
            problems.append(error.message)
    return found


def read_source(root: Path, relative: str, where: str, describes: str) -> object:
    """The data of a file a declared schema is read from (`describes`: what it is, for syntax
    errors, `the Decap CMS config`): every such read goes through here, and so through the
    guard (a regular file in the project, no link out of it, at most 1 MiB)."""
    from klm_lint.site.data_files import read_data_file

    data = read_data_file(root, relative, where, describes=describes)
    _bounded(data, relative, describes)
    return data


def _bounded(data: object, relative: str, describes: str) -> None:
    """A ConfigError when the data holds more than MAX_VALUES values, counted as a tree: YAML
    aliases can make a small file stand for billions of fields (or an endless loop of them)."""
    count = 0
    stack = [data]
    while stack:
        node = stack.pop()
        count += 1
        if count > MAX_VALUES:
            raise ConfigError(
                f"{relative}: {describes} holds more than {MAX_VALUES:,} values once its YAML "
                "aliases are expanded (no CMS config is that large); klm-lint does not read it"
            )
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def source_folder(root: Path, relative: str) -> Path | None:
    """The folder a source keeps its files in (`.sitepins/schema`), when the project has one; a
    ConfigError when it leads out of the project through a link (it is never listed)."""
    from klm_lint.files import ProjectRoot

    folder = root / relative
    try:
        if not folder.is_dir():
            return None
        outside = ProjectRoot.at(root).leads_out(folder)
    except (OSError, ValueError):
        return None
    if outside:
        raise ConfigError(
            f"{relative} goes through a link that leads outside the project ({root}); klm-lint "
            "does not follow it"
        )
    return folder


def safe_relative(text: str, where: str) -> str:
    """A path inside the project, as written in a schema's name; a ConfigError otherwise."""
    parts = text.split("/")
    if (
        not text
        or "\\" in text
        or text.startswith("/")
        or ":" in parts[0]
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise ConfigError(
            f"{where}: {text!r} is not a path inside the project; write it from the project "
            "root, with / between folders"
        )
    return text


def unknown_name(where: str, kind: str, name: str, known: list[str], file: str) -> ConfigError:
    """The error for a name the file does not define, with the names it does."""
    import difflib

    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f" (did you mean {kind}:{close[0]}?)" if close else ""
    listed = ", ".join(f"{kind}:{each}" for each in known) or "none"
    return ConfigError(f"{where}: {file} declares no {name!r}{hint}; it declares {listed}")


def field_spec(kind: str, **keys: Any) -> Raw:
    """A field of the schema language: its type and the keys that are set."""
    spec: Raw = {"type": kind}
    spec.update((key, value) for key, value in keys.items() if value is not None)
    return spec


def list_of(items: Raw, **keys: Any) -> Raw:
    return field_spec("list", items=items, **keys)


def _module(kind: str) -> _Source:
    from klm_lint.site.declared import astro, decap, frontmatter, sitepins

    modules: dict[str, _Source] = {
        "astro": astro,
        "decap": decap,
        "frontmatter": frontmatter,
        "sitepins": sitepins,
    }
    return modules[kind]
