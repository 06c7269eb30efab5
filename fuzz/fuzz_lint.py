"""Fuzz the loader and every rule with atheris (coverage-guided): each input is linted as a post
of a small site, and a KLM000, a finding outside the file, an unsafe message or a slow file
stops the fuzzer with the input saved as crash-<hash>. See fuzz/README.md to run it."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports():
    import klm_lint  # noqa: F401 - instrumented for coverage before the rest imports it
    from tests.invariants import Sandbox

SANDBOX = Sandbox(Path(tempfile.mkdtemp(prefix="klm-lint-fuzz-")), seconds=5.0)


def test_one_input(data: bytes) -> None:
    SANDBOX.lint(data, "post.mdx" if len(data) % 2 else "post.md")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
