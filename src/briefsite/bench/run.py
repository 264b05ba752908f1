"""``invoke bench``: briefsite against plain Pelican and Hugo on the same synthetic corpus.

For each corpus size the tools run in turn, round after round (A B C A B C ...), so that
the machine's drift touches them all alike; the figure kept is each tool's median. Every run
is a separate process, timed by the wall clock and by the CPU time of its whole process tree,
with its peak memory taken as the largest proportional set size (PSS) of that tree, sampled
from /proc every 200 ms: briefsite's workers and the Pagefind binary count, pages they share
are counted once.
Prints a table and writes ``bench-results.json``.
"""

from __future__ import annotations

import json
import math
import os
import queue
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from .corpus import Corpus, generate

# briefsite: full build, nothing cached; briefsite-edit: one bulletin edited while
# ``briefsite live`` (``invoke livereload``) serves the site, timed until the served page
# shows the edit; briefsite-rebuild: ``briefsite build`` after an edit, with its caches.
TOOLS = ("briefsite", "pelican", "hugo", "check", "briefsite-edit", "briefsite-rebuild")


@dataclass(frozen=True)
class Run:
    n: int
    tool: str
    wall_s: float
    pages: int  # pages written (for briefsite-edit: files rewritten by the update)
    peak_rss_mb: float
    # briefsite-edit: from the save until every page was rewritten, and until the search
    # index had the edit too (wall_s: until the served bulletin page showed it)
    complete_s: float | None = None
    search_s: float | None = None
    # the median over rounds of this run's time / plain Pelican's in the same round: the
    # machine's drift between rounds cancels out (the ratio of the medians is printed too)
    paired_vs_pelican: float | None = None
    cpu_s: float | None = None  # user + system time of the whole process tree


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


# Reading a process's PSS makes the kernel walk its page tables: for a 1.5 GB Pagefind every
# 20 ms, that took 40% of a core from the build being measured (and more from a tool that
# uses both cores than from one that uses one). Memory grows over seconds; 200 ms sees it.
SAMPLE_EVERY_S = 0.2


class PeakMemory:
    """Samples the peak memory of a process tree in a thread, every ``SAMPLE_EVERY_S``."""

    def __init__(self, pid: int) -> None:
        self.peak_kb = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(pid,), daemon=True)
        self._thread.start()

    def _sample(self, pid: int) -> None:
        while not self._done.is_set():
            self.peak_kb = max(self.peak_kb, _tree_memory_kb(pid))
            self._done.wait(SAMPLE_EVERY_S)

    def stop(self) -> float:
        """Stop sampling; the peak in MiB."""
        self._done.set()
        self._thread.join()
        return self.peak_kb / 1024


def measure(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Run ``command``; return its wall time (s), its process tree's CPU time (s) and peak
    memory (MiB)."""
    # children's CPU time reaches us when we wait for the command (theirs when it waited
    # for them); the live server, our other child, is not waited for meanwhile
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    memory = PeakMemory(process.pid)
    _, errors = process.communicate()
    wall = time.perf_counter() - started
    peak = memory.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{errors.decode()[-2000:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, peak


class LiveServer:
    """``briefsite live`` serving its own copy of a corpus (so that the other tools' edits do
    not reach it), for timing an edit from the save to the moment the served page shows it."""

    def __init__(self, corpus: Corpus) -> None:
        self.root = corpus.root.parent / "live"
        shutil.rmtree(self.root, ignore_errors=True)
        shutil.copytree(corpus.root, self.root, ignore=shutil.ignore_patterns("output*", "cache"))
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        command = [sys.executable, "-m", "briefsite", "--root", str(self.root), "live"]
        command += ["--host", "127.0.0.1", "--port", str(self.port)]
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()  # (when read, line)
        threading.Thread(target=self._read, daemon=True).start()
        self._wait_for("serving", timeout=1800)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put((time.perf_counter(), line))

    def _wait_for(self, text: str, timeout: float) -> tuple[float, str]:
        """The next line with ``text``, and when it was printed."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                when, line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise RuntimeError(f"briefsite live: no '{text}' in {timeout:.0f} s") from None
            if text in line:
                return when, line
            if line.startswith("Error"):
                raise RuntimeError(f"briefsite live: {line}")

    def _served(self, url: str) -> str:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def edit(self, n: int, round_number: int) -> Run:
        target = _edit_target(self.root, round_number)
        url = f"http://127.0.0.1:{self.port}/bulletins/{target.stem}/"
        marker = f"Edited live in round {round_number}."
        while not self.lines.empty():  # what earlier edits printed
            self.lines.get()
        memory = PeakMemory(self.process.pid)
        started = time.perf_counter()
        target.write_text(
            target.read_text(encoding="utf-8").rstrip("\n") + f" {marker}\n", encoding="utf-8"
        )
        while marker not in self._served(url):
            if time.perf_counter() - started > 600:
                raise RuntimeError(f"briefsite live: the edit of {target.name} never showed")
            time.sleep(0.005)
        visible = time.perf_counter() - started
        complete, line = self._wait_for("updated in", 60)
        rewritten = int(line.split(": ")[1].split()[0])
        searched, _ = self._wait_for("search index updated", 600)
        return Run(
            n,
            "briefsite-edit",
            visible,
            rewritten,
            memory.stop(),
            round(complete - started, 3),
            round(searched - started, 3),
        )

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def _edit_target(root: Path, round_number: int) -> Path:
    bulletins = sorted((root / "content" / "bulletins").glob("*.md"))
    return bulletins[(round_number * 7919) % len(bulletins)]


def _edit(corpus: Corpus, round_number: int) -> Path:
    """Change one word in one bulletin's body, as an editor would."""
    target = _edit_target(corpus.root, round_number)
    text = target.read_text(encoding="utf-8")
    target.write_text(text.rstrip("\n") + f" Edited in round {round_number}.\n", encoding="utf-8")
    return target


def run_tool(tool: str, corpus: Corpus, round_number: int, live: LiveServer | None) -> Run:
    if tool == "briefsite-edit":
        assert live is not None
        return live.edit(corpus.bulletins, round_number)
    briefsite = [sys.executable, "-m", "briefsite", "--root", str(corpus.root)]
    pelican = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output"]
    site, pelican_site, hugo_site = (
        corpus.root / "output",
        corpus.pelican / "output",
        corpus.hugo / "public",
    )
    # the command, where it runs, what is removed first, where its pages are counted
    command, cwd, removed, pages_in = {
        # a cold build: nothing cached
        "briefsite": ([*briefsite, "build"], corpus.root, [corpus.root / "cache", site], site),
        "briefsite-rebuild": ([*briefsite, "build"], corpus.root, [], site),
        "check": ([*briefsite, "check"], corpus.root, [], None),
        "pelican": ([*pelican, "-q"], corpus.pelican, [pelican_site], pelican_site),
        "hugo": (["hugo", "--quiet"], corpus.hugo, [hugo_site], hugo_site),
    }[tool]
    if tool == "briefsite-rebuild":
        _edit(corpus, round_number)
    for folder in removed:
        shutil.rmtree(folder, ignore_errors=True)
    wall, cpu, rss = measure(command, cwd)
    pages = _pages(pages_in) if pages_in else 0
    return Run(corpus.bulletins, tool, wall, pages, rss, cpu_s=cpu)


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
        live = LiveServer(corpus)  # its first (full) build is not timed
        samples: dict[str, list[Run]] = {tool: [] for tool in tools}
        try:
            for round_number in range(repeats):
                for tool in tools:  # alternating: every round runs every tool once
                    samples[tool].append(run_tool(tool, corpus, round_number, live))
                    print(
                        f"  n={n} round {round_number + 1}/{repeats} {tool}: "
                        f"{samples[tool][-1].wall_s:.2f} s",
                        file=sys.stderr,
                        flush=True,
                    )
        finally:
            live.stop()
        for tool, found in samples.items():
            completes = [r.complete_s for r in found if r.complete_s is not None]
            searches = [r.search_s for r in found if r.search_s is not None]
            cpus = [r.cpu_s for r in found if r.cpu_s is not None]
            paired = [r.wall_s / p.wall_s for r, p in zip(found, samples["pelican"], strict=True)]
            runs.append(
                Run(
                    n,
                    tool,
                    round(statistics.median(r.wall_s for r in found), 3),
                    found[-1].pages,
                    round(max(r.peak_rss_mb for r in found), 1),
                    round(statistics.median(completes), 3) if completes else None,
                    round(statistics.median(searches), 3) if searches else None,
                    round(statistics.median(paired), 3),
                    round(statistics.median(cpus), 2) if cpus else None,
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
        f"{'n':>6} {'tool':<18} {'wall s':>8} {'cpu s':>7} {'pages':>7} {'pages/s':>8} "
        f"{'peak MB':>8} {'vs pelican':>10} {'paired':>7} {'vs hugo':>8} {'complete s':>10} "
        f"{'search s':>9}"
    ]
    for run in results["runs"]:
        pelican, hugo = by.get((run["n"], "pelican")), by.get((run["n"], "hugo"))
        rate = f"{run['pages'] / run['wall_s']:.0f}" if run["pages"] else "-"
        vs_pelican = f"{run['wall_s'] / pelican['wall_s']:.2f}" if pelican else "-"
        vs_hugo = f"{run['wall_s'] / hugo['wall_s']:.2f}" if hugo else "-"
        search = f"{run['search_s']:.2f}" if run.get("search_s") is not None else "-"
        complete = f"{run['complete_s']:.2f}" if run.get("complete_s") is not None else "-"
        cpu = f"{run['cpu_s']:.1f}" if run.get("cpu_s") is not None else "-"
        lines.append(
            f"{run['n']:>6} {run['tool']:<18} {run['wall_s']:>8.2f} {cpu:>7} {run['pages']:>7} "
            f"{rate:>8} {run['peak_rss_mb']:>8.0f} {vs_pelican:>10} "
            f"{run['paired_vs_pelican']:>7.2f} {vs_hugo:>8} {complete:>10} {search:>9}"
        )
    lines.append(f"scaling exponent of the full build: {results['scaling_exponent']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="briefsite-bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="250,1000,2000,4000", help="corpus sizes, comma-separated"
    )
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
