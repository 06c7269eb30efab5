"""The benchmark: klm-lint against the floor script, on the same generated site, in one run.

    python bench/run.py                  # 10,000 posts: throughput, start-up, memory
    python bench/run.py --scaling        # also 1k/10k/50k posts and 1 KiB..1 MiB bodies

Every timing is the median of several runs of a fresh process. The table it prints is the one
in the README's "Performance" section.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

HERE = Path(__file__).resolve().parent
KLM_LINT = [sys.executable, "-m", "klm_lint"]
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
"""As an installed tool runs: with its compiled bytecode cached, as pip installs it."""


def timed(command: list[str], cwd: Path, repeat: int) -> tuple[float, int]:
    """Median wall time in seconds and the largest peak RSS (KiB) over `repeat` runs."""
    times: list[float] = []
    peak = 0
    for _ in range(repeat):
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=ENVIRONMENT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - started)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed with status {status}")
        peak = max(peak, usage.ru_maxrss)
    return statistics.median(times), peak


def site(root: Path, posts: int, body_size: int = 1500) -> Path:
    folder = root / f"site-{posts}-{body_size}"
    if not folder.exists():
        generate(folder, posts, body_size)
    return folder


def throughput(root: Path, posts: int, repeat: int, jobs: list[str]) -> list[tuple[str, str]]:
    folder = site(root, posts)
    floor, _ = timed([sys.executable, str(HERE / "floor.py"), "content"], folder, repeat)
    rows = [(f"floor script, {posts:,} posts", f"{floor:.2f} s")]
    for job in jobs:
        seconds, rss = timed([*KLM_LINT, "content", "-f", "json", *job.split()], folder, repeat)
        label = f"klm-lint {job or '(default jobs)'}".strip()
        rows.append(
            (
                f"{label}, {posts:,} posts",
                f"{seconds:.2f} s ({seconds / floor:.2f}x floor, peak RSS {rss / 1024:.0f} MiB)",
            )
        )
    return rows


def startup(root: Path, repeat: int) -> list[tuple[str, str]]:
    """What the pre-commit hook costs for one staged post: on a 1,000-post site (the target),
    and on a 10,000-post one, where the whole-site index weighs."""
    one = "content/posts/post-00000.md"
    small = site(root, 1_000)
    python, _ = timed([sys.executable, "-c", "import yaml"], small, repeat)
    stack, _ = timed([sys.executable, str(HERE / "stack.py")], small, repeat)

    def row(label: str, seconds: float) -> tuple[str, str]:
        return label, f"{seconds * 1000:.0f} ms ({(seconds - python) * 1000:+.0f} ms)"

    rows = [
        ('python -c "import yaml"', f"{python * 1000:.0f} ms"),
        row("a typer app with one option (`bench/stack.py`)", stack),
    ]
    for posts in (1_000, 10_000):
        folder = site(root, posts)
        runs = [
            ("", ""),
            (" --ignore KLM401,KLM402,KLM403,KLM405", "--ignore KLM401,KLM402,KLM403,KLM405"),
            (" --cache (warm)", "--cache"),
        ]
        for label, options in runs:
            command = [*KLM_LINT, one, *options.split()]
            if options == "--cache":
                subprocess.run(command, cwd=folder, env=ENVIRONMENT, capture_output=True)
            seconds, _ = timed(command, folder, repeat)
            rows.append(row(f"klm-lint {one}{label}, {posts:,}-post site", seconds))
        shutil.rmtree(folder / ".klm-lint-cache", ignore_errors=True)
    return rows


def scaling(root: Path, repeat: int) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for posts in (1_000, 10_000, 50_000):
        seconds, rss = timed([*KLM_LINT, "content", "-f", "json"], site(root, posts), repeat)
        rows.append(
            (
                f"{posts:,} posts",
                f"{seconds:.2f} s, {seconds / posts * 1e6:.0f} µs/post, "
                f"peak RSS {rss / 1024:.0f} MiB",
            )
        )
    for size in (1024, 64 * 1024, 1024 * 1024):
        folder = site(root, 50, size)
        seconds, _ = timed([*KLM_LINT, "content", "-f", "json"], folder, repeat)
        megabytes = 50 * size / 2**20
        rows.append(
            (
                f"50 posts of {size // 1024:,} KiB",
                f"{seconds:.2f} s, {seconds / megabytes:.3f} s/MiB",
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scaling", action="store_true")
    parser.add_argument("--keep", type=Path, help="Keep the generated sites in this folder.")
    arguments = parser.parse_args()
    root = arguments.keep or Path(tempfile.mkdtemp(prefix="klm-lint-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run([*KLM_LINT, "--version"], env=ENVIRONMENT, check=True, capture_output=True)
    try:
        rows = throughput(root, arguments.posts, arguments.repeat, ["", "--jobs 1"])
        rows += startup(root, arguments.repeat * 2)
        if arguments.scaling:
            rows += scaling(root, max(1, arguments.repeat // 2))
    finally:
        if arguments.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print()
    print("| Measurement | Result |")
    print("| --- | --- |")
    for label, value in rows:
        print(f"| {label} | {value} |")


if __name__ == "__main__":
    main()
