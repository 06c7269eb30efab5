"""The YAML corpus of tests/load/yaml_corpus.json: what each site's YAML reader makes of a front
matter, and how far klm-lint agrees with it.

    python bench/yaml_corpus.py build RESEARCH_DIR   # write tests/load/yaml_corpus.json
    python bench/yaml_corpus.py agreement            # klm-lint against each reader, counted

RESEARCH_DIR holds suite.json, extras.json and scalars.json: every single-document case of the
yaml-test-suite (data branch 6ad3d2c) whose top level is a mapping, hand-written front matters
aimed at the readers' differences, and the scalars of yaml-test-schema (0276b88) plus more, each
run through the real readers: gray-matter 4.0.3 with js-yaml 3.15.2, js-yaml 4.3.2 behind
Astro's front-matter regex, Psych 4.0.3 (Ruby 3.1, libyaml 0.2.5) the way Debian's Jekyll calls
it, and SafeYAML 1.0.5 the way upstream Jekyll does. Cases whose text holds a line of its own
that ends a front matter (--- or ...) are left out: the sites' splitters cut them short. The
records of Hugo (go-yaml) and Zola (serde-yaml) come from bench/yaml_hugo_zola.py, which runs
them on this corpus; `build` keeps them.

`agreement` runs klm-lint's loader on every case with each dialect (or, on a version without
dialects, its one reading) and counts the cases where it says what the reader says: the verdict
(the front matter loads, or "the build fails": KLM002, or a duplicate key the dialect's reader
rejects) and, for the scalars, the value.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT / "tests" / "load" / "yaml_corpus.json"
READERS = {
    "js-yaml-3": "gray_matter",
    "js-yaml-4": "js_yaml4",
    "psych": "psych",
    "safe-yaml": "safe_yaml",
}
"""klm-lint's dialect names and the research's names of the readers that were run."""
MEASURED = ("go-yaml", "serde-yaml")
"""Readers measured by bench/yaml_hugo_zola.py (Hugo, Zola): `build` keeps their records."""


def _outcome(verdict: dict[str, Any]) -> dict[str, Any]:
    if verdict["ok"]:
        return {"ok": True, "value": verdict["value"]}
    reason = verdict.get("reason") or verdict.get("problem") or verdict.get("message", "")
    return {"ok": False, "error": reason}


def _scalar_outcome(value: dict[str, Any]) -> dict[str, Any]:
    if not value["ok"]:
        return _outcome(value)
    return {"ok": True, "type": value["type"], "value": value["value"]}


def build(research: Path) -> dict[str, Any]:
    cases = []
    for name in ("suite", "extras"):
        for case in json.loads((research / f"{name}.json").read_text("utf-8")):
            if not case["embeddable"]:
                continue
            verdicts = case["verdicts"]
            cases.append(
                {
                    "id": case["id"],
                    "yaml": case["yaml"],
                    "libyaml": verdicts["libyaml"]["ok"],
                    "expect": {d: _outcome(verdicts[key]) for d, key in READERS.items()},
                }
            )
    scalars = [
        {
            "id": scalar["id"],
            "text": scalar["text"],
            "expect": {d: _scalar_outcome(scalar["values"][key]) for d, key in READERS.items()},
        }
        for scalar in json.loads((research / "scalars.json").read_text("utf-8"))
    ]
    corpus: dict[str, Any] = {"cases": cases, "scalars": scalars}
    if CORPUS.exists():
        _keep_measured(corpus, json.loads(CORPUS.read_text("utf-8")))
    return corpus


def _keep_measured(corpus: dict[str, Any], old: dict[str, Any]) -> None:
    for name in ("cases", "scalars"):
        records = {entry["id"]: entry["expect"] for entry in old[name]}
        for entry in corpus[name]:
            kept = records.get(entry["id"], {})
            entry["expect"].update({d: kept[d] for d in MEASURED if d in kept})
    if "readers" in old:
        corpus["readers"] = old["readers"]


def _load(text: str, dialect: str) -> Any:
    from klm_lint.load import document

    raw = ("---\n" + text + ("" if text.endswith("\n") or not text else "\n") + "---\nb\n").encode()
    try:
        return document.load_text(raw, Path("p.md"), "p.md", "p.md", 10**7, yaml_dialect=dialect)
    except TypeError:  # klm-lint before dialects: one reading for every site
        return document.load_text(raw, Path("p.md"), "p.md", "p.md", 10**7)


def _duplicates_fail(loaded: Any) -> bool:
    """KLM004 says the build fails: where the dialect's reader rejects a repeated key (before
    dialects: any key written twice, for every site)."""
    try:
        from klm_lint.checks.frontmatter import fatal_duplicates
    except ImportError:
        from klm_lint.load.document import LoadProblem
        from klm_lint.load.nodes import iter_mappings

        front = None if isinstance(loaded, LoadProblem) else loaded.front_matter
        return front is not None and any(
            len({entry.key.text for entry in mapping.entries}) != len(mapping.entries)
            for mapping in iter_mappings(front.root)
        )
    from klm_lint.load.document import LoadProblem

    return not isinstance(loaded, LoadProblem) and bool(fatal_duplicates(loaded))


def agreement() -> None:
    sys.path.append(str(ROOT))  # after PYTHONPATH, which may name another klm-lint to count
    import klm_lint
    from tests.load.yaml_expect import case_agrees, fails, scalar_agrees

    corpus = json.loads(CORPUS.read_text("utf-8"))
    cases, scalars = corpus["cases"], corpus["scalars"]
    print(f"klm-lint from {Path(klm_lint.__file__).parent.parent}")
    print(f"{'dialect':<10} {'verdicts':>9} {'trees':>6} {'scalars':>8}")
    for dialect in (*READERS, *MEASURED):
        verdicts = trees = values = 0
        for case in cases:
            loaded = _load(case["yaml"], dialect)
            expect = case["expect"][dialect]
            duplicates = _duplicates_fail(loaded)
            verdicts += fails(loaded, duplicates) != expect["ok"]
            trees += case_agrees(loaded, expect, dialect, duplicates)
        for scalar in scalars:
            loaded = _load(f"key: {scalar['text']}\n", dialect)
            values += scalar_agrees(loaded, scalar["expect"][dialect], dialect)
        print(f"{dialect:<10} {verdicts:>5}/{len(cases)} {trees:>6} {values:>4}/{len(scalars)}")
    print("verdicts: klm-lint fails exactly where the reader fails; trees: the verdicts agree and,")
    print(
        "where both read it, klm-lint's tree is the reader's; scalars: `key: <scalar>`, the same."
    )


def _dump(corpus: dict[str, Any]) -> str:
    """One case a line, so that a change to the corpus reads as a diff of the cases it touches."""
    lines = ["{"]
    for index, (name, entries) in enumerate(corpus.items()):
        lines.append(f'"{name}": [')
        lines.extend(
            json.dumps(entry, ensure_ascii=True, separators=(",", ":"))
            + ("," if number < len(entries) - 1 else "")
            for number, entry in enumerate(entries)
        )
        lines.append("]" + ("," if index < len(corpus) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    built = commands.add_parser("build")
    built.add_argument("research", type=Path)
    commands.add_parser("agreement")
    args = parser.parse_args()
    if args.command == "build":
        corpus = build(args.research)
        CORPUS.write_text(_dump(corpus), "utf-8")
        print(f"{CORPUS}: {len(corpus['cases'])} cases, {len(corpus['scalars'])} scalars")
    else:
        agreement()


if __name__ == "__main__":
    main()
