"""Where a file's asset paths resolve, the way its generator serves them.

Paths from the site root (`/images/x.jpg`) are looked up in the static folders, after the base
URL the site is served under; relative paths, where the generator allows them, beside the file
(Astro, Docusaurus), beside a page bundle's index file (Hugo, Zola), or under the page's own
address (Jekyll, and Hugo's and Zola's plain pages); aliases (`@site/`) from their folder. With
the KLM theme's settings (no relative paths, no base URL, no aliases) this is exactly the static
folders' lookup.
"""

from __future__ import annotations

import os
import posixpath
from typing import TYPE_CHECKING

from klm_lint.files import ProjectRoot, Refused, read_regular
from klm_lint.lazy import lazy_pattern
from klm_lint.load.document import Document, load_text
from klm_lint.site.static import Resolution, StaticRoots, screen

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from klm_lint.config.model import Config
    from klm_lint.site.urls import Address

_BUNDLE_NAMES = ("index", "_index")
_BUNDLE_FILE = lazy_pattern(r"^_?index(?:\.[A-Za-z_-]+)?\.(?:md|markdown|mdown)$")


class AssetResolver:
    def __init__(
        self,
        root: Path,
        config: Config,
        static: StaticRoots,
        address: Callable[[Document], Address | None],
        noun: Callable[[Document], str],
        named: Callable[[str, str], str],
    ) -> None:
        self.config = config
        self.static = static
        self.address = address
        self.noun = noun
        generator = config.generator
        self.plain = not (
            generator.relative_assets
            or generator.asset_aliases
            or generator.base_url.strip("/")
            or generator.templates
        )
        """Only the static folders: the KLM theme's way, and the cached lookup."""
        self.project = StaticRoots(root, ["."])
        self.content = [named("content", folder) for folder in config.content]
        folders = [named("static", folder) for folder in config.static] + self.content
        self.by_address = StaticRoots(root, folders)
        """A page's own address is served from the static folders, and from the content
        folders where bundles publish their files beside their pages."""
        self.base = "/" + generator.base_url.strip("/") if generator.base_url.strip("/") else ""
        self.root = root
        self.project_root = ProjectRoot.at(root)
        self._bundles: dict[str, str] | None = None
        self.aliases = {
            prefix: StaticRoots(root, [named("generator.asset-aliases", folder)])
            for prefix, folder in generator.asset_aliases.items()
        }

    def resolve(self, value: str, doc: Document, *, body: bool) -> Resolution | None:
        if self.plain:
            return self.static.resolve(value)
        generator = self.config.generator
        if generator.templates and ("{{" in value or "{%" in value):
            return None
        for prefix, roots in self.aliases.items():
            if value.startswith(prefix):
                found = roots.lookup_path("/" + value[len(prefix) :].split("?")[0].split("#")[0])
                return _located(found, value, f"in {_folder(generator.asset_aliases[prefix])}")
        screened = screen(value)
        if not isinstance(screened, str):
            return screened
        if screened.startswith("/"):
            return self._from_root(value, screened, body=body)
        if not generator.relative_assets:
            return self.static.resolve(value)
        return self._relative(value, screened, doc)

    def _from_root(self, value: str, path: str, *, body: bool) -> Resolution:
        base = self.base
        if base and (path == base or path.startswith(base + "/")):
            inside = self.static.resolve(value[len(base) :] or "/")
            return inside or Resolution("invalid", reason="names no file of the site")
        if base and body:
            return Resolution(
                "invalid",
                reason=f"starts from the server's root, outside {base}/ where the site is served",
                advice=f"Write {base}{path}.",
            )
        resolution = self.static.resolve(value)
        assert resolution is not None
        return resolution

    def _relative(self, value: str, path: str, doc: Document) -> Resolution:
        generator = self.config.generator
        folder = posixpath.dirname(doc.site_path)
        base = folder.split("/") if folder else []
        tried: list[str] = []
        mismatch: Resolution | None = None
        invalid: Resolution | None = None
        for way in generator.relative_assets:
            if way == "bundle" and not _is_bundle(doc.site_path):
                continue
            if way in ("file", "bundle"):
                found = self.project.lookup_path(path, base)
                where = f"in {_folder(folder)}, beside the {self.noun(doc)}"
            else:
                address = self.address(doc)
                if address is None or not address.url.startswith("/"):
                    continue
                url = address.url
                directory = url if url.endswith("/") else posixpath.dirname(url) + "/"
                # The browser resolves it, and stops .. at the server's root.
                target = posixpath.normpath(posixpath.join(directory, path))
                found = self.by_address.lookup_path(target)
                if found.status == "invalid":
                    found = Resolution("missing")
                if found.status == "missing" and "bundle" in generator.relative_assets:
                    found = self.in_bundle(target) or found
                where = f"at the {self.noun(doc)}'s address, {directory}"
            if found.status == "found":
                return found
            # The browser resolves the path against the page's address: a path that leaves
            # the bundle's folder may still name a file published there.
            if found.status == "invalid" and invalid is None:
                invalid = _located(found, value, where)
            if found.status == "case-mismatch" and mismatch is None:
                mismatch = _located(found, value, where)
            tried.append(where)
        if invalid is not None:
            return invalid
        if mismatch is not None:
            return mismatch
        if not tried:
            return self.static.resolve(value) or Resolution("missing")
        return Resolution("missing", where=" or ".join(tried))

    def in_bundle(self, url: str) -> Resolution | None:
        """The file a URL names among the files a page bundle publishes beside its page, at
        the bundle page's address (`../other-post/figure.svg` from a sibling post)."""
        folder, name = posixpath.split(url)
        bundle = self.bundles().get(folder.rstrip("/") + "/")
        if bundle is None or not name:
            return None
        found = self.project.lookup_path(name, bundle.split("/") if bundle else [])
        return found if found.status == "found" else None

    def bundles(self) -> dict[str, str]:
        """Each page bundle's address -> its folder (from the project root), read once, on
        the first relative path not found otherwise."""
        if self._bundles is None:
            self._bundles = {}
            for folder in self.content:
                self._scan(folder.strip("/"))
        return self._bundles

    def _scan(self, folder: str) -> None:
        assert self._bundles is not None
        top = self.root / folder if folder not in ("", ".") else self.root
        for current, folders, files in os.walk(top):
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            for name in sorted(files):
                if not _BUNDLE_FILE.match(name):
                    continue
                site_path = posixpath.relpath(
                    posixpath.join(os.fspath(current).replace(os.sep, "/"), name),
                    os.fspath(self.root).replace(os.sep, "/"),
                )
                doc = self._load(site_path)
                address = self.address(doc) if doc is not None else None
                if address is not None and address.url.startswith("/"):
                    url = address.url if address.url.endswith("/") else address.url + "/"
                    self._bundles.setdefault(url, posixpath.dirname(site_path))

    def _load(self, site_path: str) -> Document | None:
        """The bundle's index file, read through the guard as content files are (no link
        followed out of the project, never past the file size limit)."""
        path = self.root / site_path
        try:
            raw, _info = read_regular(path, self.config.max_file_size, self.project_root)
        except Refused:
            return None
        generator = self.config.generator
        loaded = load_text(
            raw,
            path,
            site_path,
            site_path,
            self.config.max_front_matter_size,
            yaml_dialect=generator.yaml,
            after_blank_lines=generator.front_matter_after_blank_lines,
        )
        return loaded if isinstance(loaded, Document) else None


def _located(found: Resolution, value: str, where: str) -> Resolution:
    """The resolution, saying where it looked, with a case mismatch's real path written as
    the value is (relative stays relative)."""
    real = found.real
    if found.status == "case-mismatch":
        real = _as_written(value, found.real)
    return Resolution(found.status, real, found.reason, where, found.advice)


def _as_written(value: str, real: str) -> str:
    """The value with its file and folder names replaced by the real ones, from the end."""
    written = value.split("/")
    actual = real.strip("/").split("/")
    for index in range(len(written) - 1, -1, -1):
        if written[index] in ("", ".", "..") or not actual:
            continue
        written[index] = actual.pop()
    return "/".join(written)


def _is_bundle(site_path: str) -> bool:
    stem = posixpath.basename(site_path).split(".", 1)[0]
    return stem in _BUNDLE_NAMES


def _folder(folder: str) -> str:
    folder = folder.strip("/")
    return f"{folder}/" if folder and folder != "." else "the project's top folder"
