"""Reports byte for byte: klm-lint's output in every format on the examples and a generated site.

    python bench/reports.py --save DIR      # write every report to DIR (a reference)
    python bench/reports.py --compare DIR   # run again and compare with DIR, byte for byte
    python bench/reports.py --check         # compare with the digests in bench/reports.sha256
    python bench/reports.py --update        # write those digests afresh (a change meant it)

The generated site is the benchmark's (10,000 posts, seed 1; --posts changes it). Runs use a
fixed --now and a fixed terminal width, so the same code gives the same bytes on any machine.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIGESTS = HERE / "reports.sha256"
NOW = "2024-06-01T00:00:00Z"
RUNS: dict[str, list[str]] = {
    "full": ["--format", "full"],
    "concise": ["--format", "concise"],
    "json": ["--format", "json"],
    "json-lines": ["--format", "json-lines"],
    "github": ["--format", "github"],
    "sarif": ["--format", "sarif"],
    "junit": ["--format", "junit"],
    "gitlab": ["--format", "gitlab"],
    "rdjson": ["--format", "rdjson"],
    "statistics-json": ["--format", "json", "--statistics"],
    "statistics-concise": ["--format", "concise", "--statistics"],
    "diff": ["--diff", "--unsafe-fixes"],
}
"""Each report by name, and the options that make it."""


def sites(posts: int, scratch: Path) -> dict[str, tuple[Path, list[str]]]:
    """Each site by name: the folder to run in and the paths to lint."""
    generated = scratch / f"site-{posts}"
    if not generated.exists():
        generate(generated, posts)
    return {
        "examples-site": (ROOT / "examples" / "site", ["content"]),
        "examples-broken": (ROOT / "examples" / "broken", ["content"]),
        f"generated-{posts}": (generated, ["content"]),
    }


def run_all(posts: int, scratch: Path) -> dict[str, bytes]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "CI")
    }
    environment["COLUMNS"] = "100"
    outputs: dict[str, bytes] = {}
    for site_name, (folder, paths) in sites(posts, scratch).items():
        for run_name, options in RUNS.items():
            command = [sys.executable, "-m", "klm_lint", *options, "--now", NOW, *paths]
            done = subprocess.run(
                command, cwd=folder, env=environment, capture_output=True, check=False
            )
            outputs[f"{site_name}.{run_name}"] = (
                done.stdout
                + b"\n--- stderr ---\n"
                + done.stderr
                + f"\nexit {done.returncode}\n".encode()
            )
    return outputs


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, metavar="DIR")
    action.add_argument("--compare", type=Path, metavar="DIR")
    action.add_argument("--check", action="store_true")
    action.add_argument("--update", action="store_true")
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="Keep the generated site in this folder.")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        scratch = arguments.keep or Path(temporary)
        scratch.mkdir(parents=True, exist_ok=True)
        outputs = run_all(arguments.posts, scratch)
    if arguments.save is not None:
        arguments.save.mkdir(parents=True, exist_ok=True)
        for name, data in outputs.items():
            (arguments.save / name).write_bytes(data)
        print(f"Saved {len(outputs)} reports to {arguments.save}.")
        return 0
    if arguments.update:
        lines = [f"{digest(data)}  {name}\n" for name, data in sorted(outputs.items())]
        DIGESTS.write_text("".join(lines), encoding="utf-8")
        print(f"Wrote {len(lines)} digests to {DIGESTS}.")
        return 0
    differing = []
    if arguments.check:
        known = dict(
            reversed(line.split("  ", 1))  # type: ignore[misc]
            for line in DIGESTS.read_text(encoding="utf-8").splitlines()
            if line.strip()
        )
        for name, data in sorted(outputs.items()):
            if known.get(name) != digest(data):
                differing.append(name)
        missing = sorted(set(known) - set(outputs))
        differing += missing
    else:
        for name, data in sorted(outputs.items()):
            reference = arguments.compare / name
            before = reference.read_bytes() if reference.exists() else b""
            if before != data:
                differing.append(name)
                lines = difflib.unified_diff(
                    before.decode("utf-8", "replace").splitlines(),
                    data.decode("utf-8", "replace").splitlines(),
                    f"before/{name}",
                    f"after/{name}",
                    lineterm="",
                    n=1,
                )
                print("\n".join(list(lines)[:40]))
    if differing:
        print(f"{len(differing)} of {len(outputs)} reports differ: {', '.join(differing)}")
        return 1
    print(f"All {len(outputs)} reports are byte for byte the same.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
