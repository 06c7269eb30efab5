"""Generate a site shaped like the Kids Lives Matter site, of any size, for benchmarks.

    python bench/generate.py OUT --posts 10000 [--body-size 1500] [--defects 0.03] [--seed 1]

Posts have the site's front matter (title, image, author with name and avatar, date, draft,
categories, tags), bodies with paragraphs, components, a code fence now and then and horizontal
rules, and images that exist under public/. A few percent of the posts carry a defect that a
rule reports: a quoted draft flag, a date in words, a missing image, an unclosed component.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

AUTHORS = [
    ("Abdullah Al Shifat", "/images/author/abdullah.jpg"),
    ("Sarah Rahman", "/images/author/sarah.jpg"),
    ("Maya Chowdhury", "/images/author/maya.jpg"),
    ("Tanvir Hasan", "/images/author/tanvir.jpg"),
]
CATEGORIES = ["Education", "Health", "Community", "Volunteers", "Reports"]
WORDS = [
    *("children", "families", "community", "school", "health", "volunteers", "program"),
    *("donation", "village", "teacher", "books", "uniforms", "nutrition", "clinic"),
    *("future", "hope", "learning", "support", "district", "camp", "season"),
]
IMAGES = 300
DEFECTS = ("draft-string", "date-words", "missing-image", "unclosed-component")


def paragraph(rng: random.Random, size: int) -> str:
    words: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words).capitalize() + "."


def body(rng: random.Random, size: int, defect: str | None) -> str:
    parts: list[str] = []
    written = 0
    while written < size:
        roll = rng.random()
        if roll < 0.15:
            block = '<Blockquote name="A volunteer">\n' + paragraph(rng, 120) + "\n</Blockquote>"
        elif roll < 0.25:
            block = '<Notice type="info">\n' + paragraph(rng, 80) + "\n</Notice>"
        elif roll < 0.30:
            block = "```html\n<ul>\n  <li>" + paragraph(rng, 40) + "</li>\n</ul>\n```"
        elif roll < 0.35:
            block = "---"
        elif roll < 0.40:
            block = f"![A photo from the camp](/images/posts/photo-{rng.randrange(IMAGES)}.jpg)"
        else:
            block = paragraph(rng, rng.randrange(200, 600))
        parts.append(block)
        written += len(block) + 2
    if defect == "unclosed-component":
        parts.insert(len(parts) // 2, '<Notice type="warning">')
    return "\n\n".join(parts) + "\n"


def post(rng: random.Random, index: int, body_size: int, defect: str | None) -> str:
    name, avatar = rng.choice(AUTHORS)
    image = f"/images/posts/photo-{rng.randrange(IMAGES)}.jpg"
    if defect == "missing-image":
        image = f"/images/posts/missing-{index}.jpg"
    date = f"{rng.randrange(2015, 2025)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    if defect == "date-words":
        date = f"April {rng.randrange(1, 29)}, 2022"
    draft = '"false"' if defect == "draft-string" else rng.choice(["false"] * 9 + ["true"])
    tags = ", ".join(rng.sample(WORDS, 3))
    return (
        "---\n"
        f"title: Post {index}, {paragraph(rng, 30)}\n"
        f"image: {image}\n"
        "author:\n"
        f"  name: {name}\n"
        f"  avatar: {avatar}\n"
        f"date: {date}T05:00:00Z\n"
        f"draft: {draft}\n"
        f"categories: [{rng.choice(CATEGORIES)}]\n"
        f"tags: [{tags}]\n"
        "---\n" + body(rng, body_size, defect)
    )


def generate(
    root: Path, posts: int, body_size: int = 1500, defects: float = 0.03, seed: int = 1
) -> Path:
    rng = random.Random(seed)
    (root / "content" / "posts").mkdir(parents=True, exist_ok=True)
    (root / "public" / "images" / "posts").mkdir(parents=True, exist_ok=True)
    (root / "public" / "images" / "author").mkdir(parents=True, exist_ok=True)
    (root / "package.json").write_text('{"name": "generated-site", "private": true}\n')
    for index in range(IMAGES):
        (root / "public" / "images" / "posts" / f"photo-{index}.jpg").write_bytes(b"\xff\xd8\xff")
    for _, avatar in AUTHORS:
        (root / "public" / avatar.lstrip("/")).write_bytes(b"\xff\xd8\xff")
    for index in range(posts):
        defect = rng.choice(DEFECTS) if rng.random() < defects else None
        text = post(rng, index, body_size, defect)
        (root / "content" / "posts" / f"post-{index:05d}.md").write_text(text, encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--body-size", type=int, default=1500)
    parser.add_argument("--defects", type=float, default=0.03)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    generate(arguments.out, arguments.posts, arguments.body_size, arguments.defects, arguments.seed)


if __name__ == "__main__":
    main()
