"""The benchmark: klm-lint against the floor script and the start-up of its stack, on generated
sites of 10,000 and 50,000 posts, in one run. It prints the table of the README's "Performance"
section, with each target beside its measurement.

    python bench/run.py                  # everything the targets need
    python bench/run.py --scaling        # also 1,000 posts and 1 KiB..1 MiB bodies

Every timing is the median of several runs of a fresh process, the commands compared taking
turns (round after round), so that a machine busy with other work slows them alike; the spread
(lowest to highest) is printed beside each median. Peak memory is measured in runs of its own,
after the timed ones (sampling slows a run): that of all the run's processes together, their
proportional set sizes (PSS: each shared page counted once, split among the processes that
share it) summed and sampled every 5 ms from /proc; where /proc is not there, the peak resident
size of the largest process.
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
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

HERE = Path(__file__).resolve().parent
KLM_LINT = [sys.executable, "-m", "klm_lint"]
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
"""As an installed tool runs: with its compiled bytecode cached, as pip installs it."""
ONE_POST = "content/posts/post-00000.md"
CACHE = ".klm-lint-cache"


@dataclass
class Command:
    label: str
    argv: list[str]
    cwd: Path
    before: str = ""
    """"cold": the cache folder is removed before each run; "warm": it is kept (a first run,
    not timed, writes it)."""
    memory: bool = False
    times: list[float] = field(default_factory=list)
    peak: int = 0
    """KiB."""


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            kids = [int(word) for word in handle.read().split()]
    except OSError:
        return []
    found = list(kids)
    for kid in kids:
        found += _children(kid)
    return found


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _sampled(pid: int, done: threading.Event, peak: list[int]) -> None:
    while not done.is_set():
        total = sum(_pss(each) for each in (pid, *_children(pid)))
        peak[0] = max(peak[0], total)
        done.wait(0.005)


def run_once(command: Command, *, sampled: bool = False) -> None:
    """One run: timed, or (sampled) for its peak memory alone."""
    if command.before == "cold":
        shutil.rmtree(command.cwd / CACHE, ignore_errors=True)
    started = time.perf_counter()
    process = subprocess.Popen(
        command.argv,
        cwd=command.cwd,
        env=ENVIRONMENT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    peak = [0]
    done = threading.Event()
    sampler = None
    if sampled and os.path.exists(f"/proc/{process.pid}/smaps_rollup"):
        sampler = threading.Thread(target=_sampled, args=(process.pid, done, peak), daemon=True)
        sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    done.set()
    if sampler is not None:
        sampler.join()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command.argv)} failed with status {status}")
    if sampled:
        command.peak = max(command.peak, peak[0] or usage.ru_maxrss)
    else:
        command.times.append(elapsed)


def measure(commands: list[Command], repeat: int) -> None:
    """Each command `repeat` times, taking turns."""
    for command in commands:
        if command.before == "warm":
            subprocess.run(command.argv, cwd=command.cwd, env=ENVIRONMENT, capture_output=True)
            time.sleep(2.1)  # files modified in the 2 s before a run are not kept in the cache
            subprocess.run(command.argv, cwd=command.cwd, env=ENVIRONMENT, capture_output=True)
    for _ in range(repeat):
        for command in commands:
            run_once(command)
    for command in commands:
        if command.memory:
            run_once(command, sampled=True)


def median(command: Command) -> float:
    return statistics.median(command.times)


def spread(command: Command, unit: float = 1.0, digits: int = 2) -> str:
    low, high = min(command.times) * unit, max(command.times) * unit
    return f"{low:.{digits}f}–{high:.{digits}f}"


def site(root: Path, posts: int, body_size: int = 1500) -> Path:
    folder = root / f"site-{posts}-{body_size}"
    if not folder.exists():
        generate(folder, posts, body_size)
        # The cache keeps no file modified in the two seconds before a run.
        past = time.time_ns() - 60 * 10**9
        for path in (folder / "content" / "posts").iterdir():
            os.utime(path, ns=(past, past))
    return folder


def full_runs(root: Path, repeat: int, sizes: list[int]) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for posts in sizes:
        folder = site(root, posts)
        floor = Command("floor", [sys.executable, str(HERE / "floor.py"), "content"], folder)
        default = Command("default", [*KLM_LINT, "content", "-f", "json"], folder, memory=True)
        single = Command("j1", [*KLM_LINT, "content", "-f", "json", "-j1"], folder, memory=True)
        commands = [floor, default, single]
        measure(commands, repeat)
        base = median(floor)
        rows.append((f"floor script, {posts:,} posts", f"{base:.2f} s ({spread(floor)})", ""))
        for command, name in (
            (default, "klm-lint (default: one process per core)"),
            (single, "klm-lint `--jobs 1`"),
        ):
            seconds = median(command)
            target = ""
            if command is default and posts == 10_000:
                target = "≤ 3.0× the floor (stretch: 2.5×)"
            if command is default and posts == 50_000:
                target = "≤ 90 MiB for all processes"
            rows.append(
                (
                    f"{name}, {posts:,} posts",
                    f"{seconds:.2f} s ({spread(command)}) = **{seconds / base:.2f}× the floor**, "
                    f"peak memory {command.peak / 1024:.0f} MiB",
                    target,
                )
            )
    return rows


def one_post(root: Path, repeat: int) -> list[tuple[str, str, str]]:
    """What the pre-commit hook costs for one staged post: start-up on a one-post site, against
    `import yaml` and the command-line stack alone; and one post of the 10,000-post site, with
    the cache (warm) and without it (cold)."""
    tiny = root / "site-tiny"
    if not tiny.exists():
        generate(tiny, 1)
        past = time.time_ns() - 60 * 10**9
        os.utime(tiny / ONE_POST, ns=(past, past))
    big = site(root, 10_000)
    python = Command("yaml", [sys.executable, "-c", "import yaml"], tiny)
    stack = Command("stack", [sys.executable, str(HERE / "stack.py")], tiny)
    alone = Command("tiny", [*KLM_LINT, ONE_POST], tiny, before="warm")
    warm = Command("warm", [*KLM_LINT, ONE_POST], big, before="warm")
    cold = Command("cold", [*KLM_LINT, ONE_POST], big, before="cold")
    measure([python, stack, alone, warm, cold], repeat)
    base = median(python)

    def shown(command: Command) -> str:
        seconds = median(command)
        return (
            f"{seconds * 1000:.0f} ms ({spread(command, 1000, 0)}) = `import yaml` "
            f"{(seconds - base) * 1000:+.0f} ms"
        )

    return [
        ('`python -c "import yaml"`', f"{base * 1000:.0f} ms ({spread(python, 1000, 0)})", ""),
        ("a typer app with one option (`bench/stack.py`)", shown(stack), ""),
        (f"`klm-lint {ONE_POST}`, a one-post site", shown(alone), "≤ `import yaml` + 70 ms"),
        (f"`klm-lint {ONE_POST}`, 10,000-post site, cache warm", shown(warm), "≤ 150 ms"),
        ("the same, no cache yet (cold)", shown(cold), "≤ 500 ms"),
    ]


def scaling(root: Path, repeat: int) -> list[tuple[str, str, str]]:
    rows = full_runs(root, repeat, [1_000])
    for size in (1024, 64 * 1024, 1024 * 1024):
        folder = site(root, 50, size)
        command = Command("big", [*KLM_LINT, "content", "-f", "json"], folder)
        measure([command], repeat)
        megabytes = 50 * size / 2**20
        seconds = median(command)
        rows.append(
            (
                f"50 posts of {size // 1024:,} KiB",
                f"{seconds:.2f} s, {seconds / megabytes:.3f} s/MiB",
                "",
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scaling", action="store_true")
    parser.add_argument("--keep", type=Path, help="Keep the generated sites in this folder.")
    arguments = parser.parse_args()
    root = arguments.keep or Path(tempfile.mkdtemp(prefix="klm-lint-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run([*KLM_LINT, "--version"], env=ENVIRONMENT, check=True, capture_output=True)
    try:
        rows = one_post(root, arguments.repeat * 2)
        rows += full_runs(root, arguments.repeat, [10_000, 50_000])
        if arguments.scaling:
            rows += scaling(root, max(1, arguments.repeat // 2))
    finally:
        if arguments.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print()
    print("| Measurement | Result (median; lowest–highest) | Target |")
    print("| --- | --- | --- |")
    for label, value, target in rows:
        print(f"| {label} | {value} | {target} |")


if __name__ == "__main__":
    main()
