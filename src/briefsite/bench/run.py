"""``invoke bench``: briefsite against plain Pelican and Hugo on the same synthetic corpus.

For each corpus size the tools run in turn, round after round (A B C A B C ...), so that
the machine's drift touches them all alike; the figure kept is each tool's median. Every run
is a separate process, timed by the wall clock, with its peak memory taken as the largest
proportional set size (PSS) of its whole process tree, sampled from /proc every 20 ms:
briefsite's workers and the Pagefind binary count, pages they share are counted once.
Prints a table and writes ``bench-results.json``.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .corpus import Corpus, generate

TOOLS = ("briefsite", "pelican", "hugo", "check", "briefsite-edit")


@dataclass(frozen=True)
class Run:
    n: int
    tool: str
    wall_s: float
    pages: int
    peak_rss_mb: float


def _pss_kb(pid: int) -> int:
    """Proportional set size: resident memory with pages shared by N processes counted 1/N.

    Forked workers share their parent's pages copy-on-write; adding up plain RSS would count
    those pages once per worker.
    """
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            for line in rollup:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree_memory_kb(root: int) -> int:
    """Memory of ``root`` and all its descendants (PSS), in KiB."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                parents[int(entry.name)] = int(stat.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _pss_kb(pid)
        stack += [child for child, parent in parents.items() if parent == pid]
    return total


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Run ``command``; return its wall time (s) and its process tree's peak RSS (MiB)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_memory_kb(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{errors.decode()[-2000:]}")
    return wall, peak / 1024


def _pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def _edit(corpus: Corpus, round_number: int) -> Path:
    """Change one word in one bulletin's body, as an editor would."""
    bulletins = sorted((corpus.root / "content" / "bulletins").glob("*.md"))
    target = bulletins[(round_number * 7919) % len(bulletins)]
    text = target.read_text(encoding="utf-8")
    target.write_text(text.rstrip("\n") + f" Edited in round {round_number}.\n", encoding="utf-8")
    return target


def run_tool(tool: str, corpus: Corpus, round_number: int) -> Run:
    python = sys.executable
    root = corpus.root
    if tool == "briefsite":
        shutil.rmtree(root / "output", ignore_errors=True)
        shutil.rmtree(root / "cache", ignore_errors=True)  # a cold build: nothing cached
        wall, rss = measure([python, "-m", "briefsite", "--root", str(root), "build"], root)
        return Run(corpus.bulletins, tool, wall, _pages(root / "output"), rss)
    if tool == "briefsite-edit":
        _edit(corpus, round_number)
        wall, rss = measure([python, "-m", "briefsite", "--root", str(root), "build"], root)
        return Run(corpus.bulletins, tool, wall, _pages(root / "output"), rss)
    if tool == "check":
        wall, rss = measure([python, "-m", "briefsite", "--root", str(root), "check"], root)
        return Run(corpus.bulletins, tool, wall, 0, rss)
    if tool == "pelican":
        shutil.rmtree(corpus.pelican / "output", ignore_errors=True)
        command = [python, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output", "-q"]
        wall, rss = measure(command, corpus.pelican)
        return Run(corpus.bulletins, tool, wall, _pages(corpus.pelican / "output"), rss)
    if tool == "hugo":
        shutil.rmtree(corpus.hugo / "public", ignore_errors=True)
        wall, rss = measure(["hugo", "--quiet"], corpus.hugo)
        return Run(corpus.bulletins, tool, wall, _pages(corpus.hugo / "public"), rss)
    raise ValueError(tool)


def scaling_exponent(points: list[tuple[int, float]]) -> float:
    """The slope of log(time) against log(n): 1.0 is linear."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    numerator = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return numerator / sum((x - mean_x) ** 2 for x in xs)


def benchmark(sizes: list[int], repeats: int, workdir: Path, seed: int = 1) -> dict:
    tools = [t for t in TOOLS if t != "hugo" or shutil.which("hugo")]
    runs: list[Run] = []
    for n in sizes:
        corpus = generate(workdir / f"n{n}", n, seed)
        samples: dict[str, list[Run]] = {tool: [] for tool in tools}
        for round_number in range(repeats):
            for tool in tools:  # alternating: every round runs every tool once
                samples[tool].append(run_tool(tool, corpus, round_number))
                print(
                    f"  n={n} round {round_number + 1}/{repeats} {tool}: "
                    f"{samples[tool][-1].wall_s:.2f} s",
                    file=sys.stderr,
                    flush=True,
                )
        for tool, found in samples.items():
            runs.append(
                Run(
                    n,
                    tool,
                    round(statistics.median(r.wall_s for r in found), 3),
                    found[-1].pages,
                    round(max(r.peak_rss_mb for r in found), 1),
                )
            )
    full = [(r.n, r.wall_s) for r in runs if r.tool == "briefsite"]
    exponent = round(scaling_exponent(full), 3) if len(full) > 1 else None
    return {
        "runs": [asdict(r) for r in runs],
        "scaling_exponent": exponent,
        "repeats": repeats,
        "cpus": os.cpu_count(),
        "seed": seed,
    }


def table(results: dict) -> str:
    by = {(r["n"], r["tool"]): r for r in results["runs"]}
    lines = [
        f"{'n':>6} {'tool':<15} {'wall s':>8} {'pages':>7} {'pages/s':>8} {'peak MB':>8} "
        f"{'vs pelican':>10} {'vs hugo':>8}"
    ]
    for run in results["runs"]:
        pelican, hugo = by.get((run["n"], "pelican")), by.get((run["n"], "hugo"))
        rate = f"{run['pages'] / run['wall_s']:.0f}" if run["pages"] else "-"
        vs_pelican = f"{run['wall_s'] / pelican['wall_s']:.2f}" if pelican else "-"
        vs_hugo = f"{run['wall_s'] / hugo['wall_s']:.2f}" if hugo else "-"
        lines.append(
            f"{run['n']:>6} {run['tool']:<15} {run['wall_s']:>8.2f} {run['pages']:>7} "
            f"{rate:>8} {run['peak_rss_mb']:>8.0f} {vs_pelican:>10} {vs_hugo:>8}"
        )
    lines.append(f"scaling exponent of the full build: {results['scaling_exponent']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="briefsite-bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,1000,4000", help="corpus sizes, comma-separated")
    parser.add_argument("--large", action="store_true", help="add 8000 bulletins")
    parser.add_argument("--repeats", type=int, default=3, help="rounds per size (median kept)")
    parser.add_argument("--generate", type=int, metavar="N", help="only write a corpus of N")
    parser.add_argument("--workdir", default=".bench", help="where corpora are generated")
    parser.add_argument("--output", default="bench-results.json")
    args = parser.parse_args(argv)
    workdir = Path(args.workdir).resolve()
    if args.generate:
        corpus = generate(workdir / f"n{args.generate}", args.generate)
        print(
            f"wrote {corpus.bulletins} bulletins, {corpus.experts} experts, {corpus.regions} "
            f"regions, {corpus.themes} themes under {corpus.root.parent}"
        )
        return 0
    sizes = [int(s) for s in args.sizes.split(",")] + ([8000] if args.large else [])
    results = benchmark(sizes, args.repeats, workdir)
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
