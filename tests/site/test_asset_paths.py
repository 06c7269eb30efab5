"""Where asset paths resolve under each generator's rules: the static folders, beside the file,
beside a bundle's index, at the page's address, through an alias, under a base URL."""

from __future__ import annotations

from pathlib import Path

from klm_lint.config.model import Config
from klm_lint.load.document import Document, load_text
from klm_lint.site.site import Site


def make(root: Path, files: list[str], preset: str, **generator: object) -> Site:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    data: dict[str, object] = {"preset": preset}
    if generator:
        data["generator"] = generator
    return Site(root, Config.model_validate(data))


def doc(site_path: str) -> Document:
    loaded = load_text(b"---\ntitle: T\n---\n", Path(site_path), site_path, site_path, 10**6)
    assert isinstance(loaded, Document)
    return loaded


def status(site: Site, value: str, site_path: str, *, body: bool = True) -> str:
    resolution = site.resolve_asset(value, doc(site_path), body=body)
    return "skipped" if resolution is None else resolution.status


def test_the_kml_theme_resolves_from_the_static_folders_only(tmp_path: Path) -> None:
    site = make(tmp_path, ["public/images/a.jpg", "content/posts/b.jpg"], "nextjs")
    assert status(site, "/images/a.jpg", "content/posts/p.md") == "found"
    assert status(site, "b.jpg", "content/posts/p.md") == "invalid"
    assert site.resolve_asset("b.jpg", doc("content/posts/p.md"), body=True) == (
        site.static.resolve("b.jpg")
    )


def test_astro_and_docusaurus_resolve_relative_paths_beside_the_file(tmp_path: Path) -> None:
    astro = make(
        tmp_path / "a",
        ["src/content/blog/d.png", "src/assets/hero.jpg", "public/favicon.svg"],
        "astro",
    )
    assert status(astro, "./d.png", "src/content/blog/p.md") == "found"
    assert status(astro, "d.png", "src/content/blog/p.md") == "found"
    assert status(astro, "../../assets/hero.jpg", "src/content/blog/p.md") == "found"
    assert status(astro, "/src/assets/hero.jpg", "src/content/blog/p.md") == "found"
    assert status(astro, "/favicon.svg", "src/content/blog/p.md") == "found"
    assert status(astro, "./missing.png", "src/content/blog/p.md") == "missing"
    assert status(astro, "../../../../../x.png", "src/content/blog/p.md") == "invalid"
    docusaurus = make(tmp_path / "d", ["static/img/logo.png"], "docusaurus")
    assert status(docusaurus, "@site/static/img/logo.png", "docs/intro.md") == "found"
    assert status(docusaurus, "pathname:///raw.html", "docs/intro.md") == "skipped"


def test_hugo_and_zola_bundles_keep_their_files_beside_the_index(tmp_path: Path) -> None:
    hugo = make(
        tmp_path / "h",
        ["content/posts/trip/beach.jpg", "static/posts/plain/pic.png", "content/posts/x.jpg"],
        "hugo",
    )
    assert status(hugo, "beach.jpg", "content/posts/trip/index.md") == "found"
    assert status(hugo, "beach.jpg", "content/posts/trip/notes.md") == "missing"
    assert status(hugo, "pic.png", "content/posts/plain.md") == "found"
    assert status(hugo, "../x.jpg", "content/posts/trip/index.md") == "found"
    resolution = hugo.resolve_asset("gone.png", doc("content/posts/trip/index.md"), body=True)
    assert resolution is not None
    assert resolution.where == (
        "in content/posts/trip/, beside the post or at the post's address, /posts/trip/"
    )
    zola = make(tmp_path / "z", ["content/blog/_index/x.png", "content/blog/s.png"], "zola")
    assert status(zola, "s.png", "content/blog/_index.md") == "found"


def test_jekyll_resolves_relative_paths_at_the_pages_address(tmp_path: Path) -> None:
    site = make(tmp_path, ["assets/a.png", "2024/03/21/local.png"], "jekyll")
    assert status(site, "/assets/a.png", "_posts/2024-03-21-x.md") == "found"
    assert status(site, "local.png", "_posts/2024-03-21-x.md") == "found"
    assert status(site, "../../../assets/a.png", "_posts/2024-03-21-x.md") == "found"
    assert status(site, "a.png", "about.md") == "missing"
    assert status(site, "{{ site.baseurl }}/assets/a.png", "about.md") == "skipped"
    assert status(site, "{% link assets/a.png %}", "about.md") == "skipped"


def test_a_base_url_is_part_of_body_paths_only(tmp_path: Path) -> None:
    site = make(tmp_path, ["assets/a.png"], "jekyll", **{"base-url": "/blog/"})
    assert status(site, "/blog/assets/a.png", "about.md") == "found"
    assert status(site, "/blog/assets/b.png", "about.md") == "missing"
    assert status(site, "/assets/a.png", "about.md") == "invalid"
    assert status(site, "/assets/a.png", "about.md", body=False) == "found"
    assert status(site, "/blog", "about.md") == "invalid"


def test_a_case_mismatch_keeps_a_relative_path_relative(tmp_path: Path) -> None:
    site = make(tmp_path, ["src/content/blog/Photo.PNG"], "astro")
    resolution = site.resolve_asset("./photo.png", doc("src/content/blog/p.md"), body=True)
    assert resolution is not None
    assert (resolution.status, resolution.real) == ("case-mismatch", "./Photo.PNG")
