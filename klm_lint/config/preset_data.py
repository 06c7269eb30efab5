# ruff: noqa: E501 - the presets' texts as they write them

"""The presets, as tomllib reads config/presets/NAME.toml: written by `python -m
klm_lint.config.preset_table` from them (do not edit; tests/config/test_preset_data.py fails
when it is out of date)."""

from __future__ import annotations

from typing import Any

PRESET_DATA: dict[str, dict[str, Any]] = {
    "astro": {
        "content": ["src/content", "src/pages"],
        "static": ["public"],
        "include": ["*.md", "*.mdx", "*.markdown", "*.mdoc"],
        "exclude": ["src/pages/**/_*", "src/pages/**/_*/"],
        "mdx": False,
        "components": ["Fragment"],
        "generator": {
            "yaml": "js-yaml-4",
            "front-matter": "optional",
            "front-matter-after-blank-lines": True,
            "dates": "js-date",
            "future": "shown",
            "draft-values": "boolean",
            "publish-date-keys": ["pubDate", "date", "publishDate"],
            "list-pages": ["_index.md", "-index.md"],
            "relative-assets": ["file"],
            "asset-aliases": {"/src/": "src"},
            "urls": "astro",
            "routes": {"src/pages": "/"},
            "internal-links": True,
        },
        "collections": {
            "posts": {
                "include": ["src/content/blog/**", "src/content/posts/**", "src/content/post/**"],
                "schema": "post",
            },
            "entries": {"include": ["src/content/**"], "schema": "entry"},
            "pages": {"include": ["src/pages/**"], "schema": "page"},
        },
        "schemas": {
            "entry": {
                "description": "An entry of a content collection: Astro requires nothing unless the collection's own schema does.",
                "unknown": "allow",
                "fields": {
                    "title": {"type": "any"},
                    "description": {"type": "any"},
                    "draft": {
                        "type": "boolean",
                        "role": "draft",
                        "impact": "the collection's schema (z.boolean()) rejects it and the build fails",
                    },
                    "date": {
                        "type": "date-or-datetime",
                        "impact": "the collection's date field cannot read it, and the build fails",
                    },
                    "pubDate": {
                        "type": "date-or-datetime",
                        "impact": "the collection's date field cannot read it, and the build fails",
                    },
                    "updatedDate": {
                        "type": "date-or-datetime",
                        "impact": "the collection's date field cannot read it, and the build fails",
                    },
                    "heroImage": {
                        "type": "asset",
                        "impact": "the build fails (image() cannot find the file), or the page shows a broken image",
                    },
                },
            },
            "post": {
                "extends": "entry",
                "description": "A blog post: an entry whose title, description and author the site's lists compare.",
                "unknown": "allow",
            },
            "page": {
                "description": "A Markdown page of src/pages: Astro reads its layout and passes the rest to it.",
                "unknown": "allow",
                "fields": {
                    "layout": {
                        "type": "string",
                        "impact": "Astro cannot find the page's layout and the build fails",
                    }
                },
            },
        },
    },
    "docusaurus": {
        "content": ["docs", "blog", "src/pages", "versioned_docs"],
        "static": ["static"],
        "include": ["*.md", "*.mdx"],
        "exclude": ["_*", "*.test.*", "__tests__/"],
        "mdx": True,
        "components": ["Head", "Details"],
        "generator": {
            "yaml": "js-yaml-4",
            "front-matter": "optional",
            "dates": "docusaurus",
            "date-from-path": "^blog/.*(\\d{4}[-/]\\d{1,2}[-/]\\d{1,2})[-/]?[^/]*?(?:/index)?\\.mdx?$",
            "future": "shown",
            "draft-values": "boolean-or-text",
            "publish-date-keys": ["date"],
            "list-pages": [],
            "mdx-fences": ["mdx-code-block"],
            "relative-assets": ["file"],
            "asset-aliases": {"@site/": "."},
            "urls": "docusaurus",
            "routes": {
                "docs": "/docs/",
                "blog": "/blog/",
                "src/pages": "/",
                "versioned_docs": "/docs/",
            },
            "internal-links": False,
        },
        "collections": {
            "blog": {"include": ["blog/**"], "schema": "blog-post", "compare": True},
            "docs": {"include": ["docs/**", "versioned_docs/**", "i18n/**"], "schema": "doc"},
            "pages": {"include": ["src/pages/**"], "schema": "page"},
        },
        "schemas": {
            "page": {
                "description": "A Markdown page of src/pages (the pages plugin's front matter).",
                "unknown": "allow",
                "fields": {
                    "title": {"type": "any"},
                    "description": {"type": "any"},
                    "slug": {
                        "type": "string",
                        "impact": "Docusaurus cannot give the page an address and the build fails",
                    },
                    "keywords": {
                        "type": "list",
                        "items": "string",
                        "impact": "Docusaurus rejects the front matter and the build fails",
                    },
                    "image": {
                        "type": "asset",
                        "impact": "the page's social card shows a broken image (a ./ path that does not exist fails the build)",
                    },
                    "draft": {
                        "type": "boolean",
                        "role": "draft",
                        "impact": "Docusaurus rejects it and the build fails",
                    },
                    "unlisted": {
                        "type": "boolean",
                        "role": "draft",
                        "impact": "Docusaurus rejects it and the build fails",
                    },
                    "hide_table_of_contents": {
                        "type": "boolean",
                        "impact": "Docusaurus rejects it and the build fails",
                    },
                },
            },
            "doc": {
                "extends": "page",
                "description": "A doc (the docs plugin's front matter).",
                "unknown": "allow",
                "fields": {
                    "id": {"type": "any"},
                    "sidebar_label": {"type": "any"},
                    "sidebar_position": {
                        "type": "number",
                        "impact": "Docusaurus rejects it and the build fails",
                    },
                    "hide_title": {
                        "type": "boolean",
                        "impact": "Docusaurus rejects it and the build fails",
                    },
                    "pagination_next": {
                        "type": "string",
                        "nullable": True,
                        "impact": "Docusaurus cannot link the next page and the build fails",
                    },
                    "pagination_prev": {
                        "type": "string",
                        "nullable": True,
                        "impact": "Docusaurus cannot link the previous page and the build fails",
                    },
                    "tags": {
                        "type": "list",
                        "items": "any",
                        "impact": "Docusaurus rejects the front matter and the build fails",
                    },
                },
            },
            "blog-post": {
                "extends": "doc",
                "description": "A blog post (the blog plugin's front matter): dated, compared with the other posts.",
                "unknown": "allow",
                "fields": {
                    "date": {
                        "type": "date-or-datetime",
                        "impact": 'Docusaurus rejects it ("date" must be a valid date) and the build fails',
                    },
                    "authors": {"type": "any"},
                },
            },
        },
    },
    "eleventy": {
        "content": ["src", "content"],
        "static": ["src", "content", "public", "static", "."],
        "include": ["*.md"],
        "exclude": ["_includes/", "_layouts/", "_data/", "_site/", "node_modules/"],
        "mdx": False,
        "generator": {
            "yaml": "js-yaml-4",
            "front-matter": "optional",
            "code-front-matter": ["js", "javascript"],
            "dates": "luxon",
            "date-from-path": "(\\d{4}-\\d{2}-\\d{2})",
            "future": "shown",
            "draft-values": "js-truthy",
            "publish-date-keys": ["date"],
            "list-pages": [],
            "relative-assets": ["file", "page-url"],
            "templates": True,
            "urls": "eleventy",
            "internal-links": True,
        },
        "collections": {
            "posts": {"include": ["{content}/posts/**", "{content}/blog/**"], "schema": "post"},
            "pages": {"include": ["{content}/**"], "schema": "page"},
        },
        "schemas": {
            "page": {
                "description": "A template's front matter: Eleventy itself requires nothing.",
                "unknown": "allow",
                "fields": {
                    "date": {
                        "type": "date-or-datetime",
                        "impact": "Eleventy stops the build (the date is invalid)",
                    },
                    "draft": {
                        "type": "boolean",
                        "role": "draft",
                        "impact": "the site's drafts filter reads it as true and leaves the page out",
                    },
                    "eleventyExcludeFromCollections": {
                        "type": "boolean",
                        "impact": "Eleventy reads it for truthiness, so the page may be left out of its collections",
                    },
                },
            },
            "post": {
                "extends": "page",
                "description": "A blog post: a page the whole-site rules compare with the other posts.",
                "unknown": "allow",
            },
        },
    },
    "hugo": {
        "content": ["content"],
        "static": ["static"],
        "include": ["*.md", "*.markdown", "*.mdown"],
        "mdx": False,
        "generator": {
            "yaml": "go-yaml",
            "front-matter": "optional",
            "front-matter-after-blank-lines": True,
            "dates": "go",
            "future": "hidden",
            "draft-values": "go-bool",
            "publish-date-keys": ["publishDate", "pubdate", "published", "date"],
            "expiry-date-keys": ["expiryDate", "unpublishdate"],
            "list-pages": ["_index.*"],
            "leaf-bundles": True,
            "relative-assets": ["bundle", "page-url"],
            "templates": True,
            "urls": "hugo",
            "internal-links": True,
        },
        "collections": {
            "lists": {"include": ["content/**/_index.*"], "schema": "list"},
            "posts": {
                "include": ["content/posts/**", "content/post/**", "content/blog/**"],
                "schema": "post",
            },
            "pages": {"include": ["content/**"], "schema": "page"},
        },
        "schemas": {
            "page": {
                "description": "A page: Hugo requires nothing, but it reads its dates, flags and address keys.",
                "unknown": "allow",
                "fields": {
                    "date": {
                        "type": "date-or-datetime",
                        "impact": "Hugo cannot parse it, logs an error and fails the build",
                    },
                    "lastmod": {
                        "type": "date-or-datetime",
                        "impact": "Hugo cannot parse it, logs an error and fails the build",
                    },
                    "publishDate": {
                        "type": "date-or-datetime",
                        "impact": "Hugo cannot parse it, logs an error and fails the build",
                    },
                    "expiryDate": {
                        "type": "date-or-datetime",
                        "impact": "Hugo cannot parse it, logs an error and fails the build",
                    },
                    "published": {
                        "type": "date-or-datetime",
                        "impact": "Hugo reads published as a publication date, cannot parse it, and fails the build",
                    },
                    "draft": {
                        "type": "boolean",
                        "role": "draft",
                        "impact": "Hugo reads it as false and publishes the page",
                    },
                    "url": {"type": "string", "impact": "the page gets no address of its own"},
                    "slug": {"type": "any"},
                    "params": {
                        "type": "object",
                        "unknown": "allow",
                        "impact": "Hugo stops the build: params must be a mapping",
                    },
                    "build": {
                        "type": "object",
                        "unknown": "allow",
                        "impact": "Hugo stops the build: build must be a mapping",
                    },
                    "_build": {
                        "type": "any",
                        "deprecated": "use build: Hugo 0.145 deprecated _build, and from 0.160 on it stops the build",
                    },
                },
            },
            "post": {
                "extends": "page",
                "description": "A blog post: a page the whole-site rules compare with the other posts.",
                "unknown": "allow",
            },
            "list": {
                "extends": "page",
                "description": "A list page (_index.md): the home page, a section or a taxonomy's list.",
                "unknown": "allow",
            },
        },
    },
    "jekyll": {
        "content": ["."],
        "static": ["."],
        "include": ["*.md", "*.markdown"],
        "exclude": [
            "_*",
            "!_posts/",
            "!_drafts/",
            ".*",
            "#*",
            "~*",
            "*~",
            "vendor/",
            "node_modules/",
            "Gemfile",
            "Gemfile.lock",
        ],
        "mdx": False,
        "generator": {
            "yaml": "safe-yaml",
            "front-matter": "marks-pages",
            "dates": "ruby",
            "date-from-path": "(?:^|/)_posts/(?:.*/)?(\\d{2,4}-\\d{1,2}-\\d{1,2})-[^/]+$",
            "future": "posts-hidden",
            "draft-key": "",
            "published-key": "published",
            "draft-folders": ["_drafts"],
            "publish-date-keys": ["date"],
            "list-pages": [],
            "relative-assets": ["page-url"],
            "templates": True,
            "urls": "jekyll",
            "permalink": "date",
            "internal-links": False,
        },
        "collections": {
            "posts": {"include": ["**/_posts/**", "**/_drafts/**"], "schema": "post"},
            "pages": {"include": ["**"], "schema": "page"},
        },
        "schemas": {
            "page": {
                "description": "A page: Jekyll requires nothing, and never reads a page's date.",
                "unknown": "allow",
                "fields": {
                    "published": {
                        "type": "boolean",
                        "role": "published",
                        "impact": "Jekyll publishes the page",
                    },
                    "permalink": {
                        "type": "string",
                        "nullable": True,
                        "impact": "Jekyll cannot give the page its address",
                    },
                    "draft": {"type": "boolean", "role": "draft"},
                },
            },
            "post": {
                "description": "A post: dated by its file name unless its front matter says otherwise.",
                "unknown": "allow",
                "fields": {
                    "date": {
                        "type": "date-or-datetime",
                        "impact": "Jekyll cannot read it as a date and stops the build",
                    },
                    "published": {
                        "type": "boolean",
                        "role": "published",
                        "impact": "Jekyll publishes the post",
                    },
                    "permalink": {
                        "type": "string",
                        "nullable": True,
                        "impact": "Jekyll cannot give the post its address",
                    },
                    "slug": {"type": "any"},
                    "draft": {"type": "boolean", "role": "draft"},
                },
            },
        },
    },
    "nextjs": {
        "content": ["content"],
        "static": ["public", "static"],
        "generator": {
            "yaml": "js-yaml-3",
            "front-matter": "required",
            "front-matter-after-blank-lines": False,
            "dates": "iso",
            "date-from-path": "",
            "future": "hidden",
            "draft-key": "draft",
            "draft-values": "js-truthy",
            "published-key": "",
            "draft-folders": [],
            "publish-date-keys": ["date"],
            "expiry-date-keys": [],
            "list-pages": ["_index.md", "_index.mdx"],
            "relative-assets": [],
            "asset-aliases": {},
            "base-url": "",
            "templates": False,
            "urls": "nextjs",
            "permalink": "",
            "routes": {},
            "internal-links": True,
        },
        "collections": {
            "posts": {
                "include": [
                    "content/posts/**",
                    "content/blog/**",
                    "{content}/posts/**",
                    "{content}/blog/**",
                ],
                "exclude": ["_*"],
                "schema": "post",
            },
            "pages": {"include": ["{content}/**"], "schema": "page"},
        },
        "schemas": {
            "post": {
                "description": "A blog post: its card, its page and its byline.",
                "unknown": "warning",
                "fields": {
                    "title": {
                        "type": "string",
                        "required": True,
                        "impact": "the post's card and page have no heading",
                    },
                    "description": {
                        "type": "string",
                        "impact": "search results and link previews get no summary",
                    },
                    "meta_title": {
                        "type": "string",
                        "impact": "the browser tab and search results lose the title",
                    },
                    "image": {"type": "asset", "impact": "the post's card shows a broken image"},
                    "author": {
                        "type": "object",
                        "required": True,
                        "unknown": "warning",
                        "impact": "the post shows no byline",
                        "fields": {
                            "name": {
                                "type": "string",
                                "required": True,
                                "impact": "the post's byline is blank",
                            },
                            "avatar": {
                                "type": "asset",
                                "impact": "the byline shows a broken avatar picture",
                            },
                        },
                    },
                    "date": {
                        "type": "date-or-datetime",
                        "required": True,
                        "impact": "the site cannot date or sort the post and hides it",
                    },
                    "lastmod": {
                        "type": "date-or-datetime",
                        "impact": "the site cannot show when the post was last updated",
                    },
                    "draft": {
                        "type": "boolean",
                        "role": "draft",
                        "required": True,
                        "impact": "the site publishes posts that have no draft flag, so an unfinished post can go live",
                    },
                    "categories": {
                        "type": "list",
                        "items": "string",
                        "nullable": True,
                        "impact": "the site cannot list the post under its categories",
                    },
                    "tags": {
                        "type": "list",
                        "items": "string",
                        "nullable": True,
                        "impact": "the site cannot list the post under its tags",
                    },
                    "url": {"type": "string", "impact": "the post gets no address of its own"},
                },
            },
            "page": {
                "description": "A page: home, about, contact and the theme's other pages, which carry sections of their own.",
                "unknown": "allow",
                "fields": {
                    "title": {
                        "type": "string",
                        "required": True,
                        "impact": "the page has no heading",
                    },
                    "meta_title": {
                        "type": "string",
                        "impact": "the browser tab and search results lose the title",
                    },
                    "description": {
                        "type": "string",
                        "impact": "search results and link previews get no summary",
                    },
                    "image": {"type": "asset", "impact": "the page shows a broken image"},
                    "layout": {
                        "type": "string",
                        "impact": "the site cannot pick the page's layout",
                    },
                    "draft": {
                        "type": "boolean",
                        "role": "draft",
                        "impact": "the site cannot tell whether to publish the page",
                    },
                },
            },
        },
    },
    "zola": {
        "content": ["content"],
        "static": ["static"],
        "include": ["*.md"],
        "mdx": False,
        "generator": {
            "yaml": "serde-yaml",
            "front-matter": "required",
            "front-matter-after-blank-lines": True,
            "dates": "zola",
            "date-from-path": "(?:^|/)(\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01]))(?:\\s?[_-][^/]*)?(?:/index(?:\\.[A-Za-z-]+)?)?\\.md$",
            "future": "shown",
            "draft-values": "boolean",
            "publish-date-keys": ["date"],
            "list-pages": ["_index.md", "_index.*.md"],
            "relative-assets": ["bundle", "page-url"],
            "templates": True,
            "urls": "zola",
            "internal-links": True,
        },
        "collections": {
            "sections": {
                "include": ["content/**/_index.md", "content/**/_index.*.md"],
                "schema": "section",
            },
            "posts": {"include": ["content/blog/**", "content/posts/**"], "schema": "post"},
            "pages": {"include": ["content/**"], "schema": "page"},
        },
        "schemas": {
            "page": {
                "description": "A page: every key is optional, and Zola ignores the ones it does not know.",
                "unknown": "warning",
                "fields": {
                    "title": {
                        "type": "string",
                        "impact": "Zola cannot read the front matter and the build fails",
                    },
                    "description": {
                        "type": "string",
                        "impact": "Zola cannot read the front matter and the build fails",
                    },
                    "date": {
                        "type": "date-or-datetime",
                        "impact": "Zola cannot parse it (Unable to parse datetime) and the build fails",
                    },
                    "updated": {
                        "type": "date-or-datetime",
                        "impact": "Zola cannot parse it (Unable to parse datetime) and the build fails",
                    },
                    "draft": {
                        "type": "boolean",
                        "role": "draft",
                        "impact": "Zola cannot read the front matter and the build fails",
                    },
                    "render": {
                        "type": "boolean",
                        "impact": "Zola cannot read the front matter and the build fails",
                    },
                    "in_search_index": {
                        "type": "boolean",
                        "impact": "Zola cannot read the front matter and the build fails",
                    },
                    "slug": {
                        "type": "string",
                        "impact": "Zola cannot read the front matter and the build fails",
                    },
                    "path": {
                        "type": "string",
                        "impact": "Zola cannot read the front matter and the build fails",
                    },
                    "template": {
                        "type": "string",
                        "impact": "Zola cannot read the front matter and the build fails",
                    },
                    "weight": {
                        "type": "integer",
                        "impact": "Zola cannot read the front matter and the build fails",
                    },
                    "aliases": {
                        "type": "list",
                        "items": "string",
                        "impact": "Zola cannot read the front matter and the build fails",
                    },
                    "authors": {
                        "type": "list",
                        "items": "string",
                        "impact": "Zola cannot read the front matter and the build fails",
                    },
                    "taxonomies": {
                        "type": "map",
                        "items": {"type": "list", "items": "string"},
                        "impact": "Zola cannot read the front matter and the build fails",
                    },
                    "extra": {
                        "type": "object",
                        "unknown": "allow",
                        "impact": "Zola cannot read the front matter and the build fails",
                    },
                },
            },
            "post": {
                "extends": "page",
                "description": "A blog post: a page the whole-site rules compare with the other posts.",
                "unknown": "warning",
            },
            "section": {
                "description": "A section (_index.md): Zola stops the build on a key it does not know.",
                "unknown": "error",
                "fields": {
                    "title": {
                        "type": "string",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "description": {
                        "type": "string",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "draft": {
                        "type": "boolean",
                        "role": "draft",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "sort_by": {
                        "type": "enum",
                        "values": [
                            "date",
                            "update_date",
                            "title",
                            "title_bytes",
                            "weight",
                            "slug",
                            "permalink",
                            "none",
                        ],
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "weight": {
                        "type": "integer",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "paginate_by": {
                        "type": "integer",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "paginate_path": {
                        "type": "string",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "paginate_reversed": {
                        "type": "boolean",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "insert_anchor_links": {
                        "type": "enum",
                        "values": ["left", "right", "heading", "none"],
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "in_search_index": {
                        "type": "boolean",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "render": {
                        "type": "boolean",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "transparent": {
                        "type": "boolean",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "generate_feeds": {
                        "type": "boolean",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "generate_feed": {
                        "type": "boolean",
                        "deprecated": "use generate_feeds: Zola 0.19 renamed it",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "template": {
                        "type": "string",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "page_template": {
                        "type": "string",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "redirect_to": {
                        "type": "string",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "aliases": {
                        "type": "list",
                        "items": "string",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                    "extra": {
                        "type": "object",
                        "unknown": "allow",
                        "impact": "Zola cannot read the section and the build fails",
                    },
                },
            },
        },
    },
}
