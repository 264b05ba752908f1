"""A seeded fuzz run of ``briefsite ingest`` and ``briefsite check`` on hostile input.

    python3 tools/fuzz.py [--seed 1] [--ingest 300] [--check 300] [--timeout 20] [--json FILE]

Each input runs in its own process (``python3 -m briefsite``) on a private copy of the
project, so a hang or a crash is seen as the user would see it. It counts, per command:
tracebacks, runs past the timeout, exit codes other than 0 and 1, failures without a
message, partial writes (a failed ingest that changed the project), ingest outputs that
``check`` rejects, and check errors that do not name their file as ``path:line:col``. It also
times ingest of a 5 MB text and check of a bulletin with a 10 MB body. Figures, not a test:
the property-based suite (``tests/test_hostile_input.py``) is the test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from briefsite.content.bulletin_reader import BULLETIN_FIELDS  # noqa: E402 (after the path)

PARTS = ("content", "sources", "themes", "pelicanconf.py", "publishconf.py")
SOURCES = sorted((ROOT / "sources").glob("*.txt"))
BULLETINS = sorted((ROOT / "content" / "bulletins").glob("*.md"))
EDITOR_DATE = {"001_3bcdff61747226ea.txt": "2024-07-31"}
DIAGNOSTIC = re.compile(r"^content/\S.*?:\d+:\d+: (?:error|warning): ")
CONTROLS = [chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127, *range(128, 160))]
INVISIBLE = ["\u200b", "\ufeff", "\u200e", "\u2060", "\u00ad", "\u3164", "\u2028"]
WRONG_VALUES = [
    "~",
    "[]",
    "{}",
    "[a, [b, [c]]]",
    "{file: {file: x}}",
    "123",
    "-5",
    "1.5e400",
    "0x" + "f" * 5000,
    "9" * 5000,
    "true",
    "2021-02-30",
    '"' + "x" * 200_000 + '"',
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!python/object:os.system x",
    "&a [*a]",
    "*nowhere",
    "{2021-06-16: {}, 3.5: y, ~: z, true: 1}",
    "[" * 999 + "]" * 999,
    "'unclosed",
    "{a: 1, a: 2}",
    "|\n  block\n  text",
    '"\\x7f\\x85\\u200b"',
]
FIELDS = list(BULLETIN_FIELDS)  # every field of the front-matter


# --- raw texts for ingest ------------------------------------------------------------------


def _mutate_text(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 8)):
        where = rng.randrange(len(text) + 1)
        kind = rng.choice(["control", "invisible", "delete", "repeat", "colon", "char", "line"])
        if kind == "control":
            insert = "".join(rng.choice(CONTROLS) for _ in range(rng.randint(1, 5)))
        elif kind == "invisible":
            insert = "".join(rng.choice(INVISIBLE) for _ in range(rng.randint(1, 5)))
        elif kind == "delete":
            text = text[:where] + text[where + rng.randint(1, 400) :]
            continue
        elif kind == "repeat":
            insert = text[where : where + rng.randint(1, 300)] * rng.randint(2, 50)
        elif kind == "colon":
            insert = rng.choice([": {", '"', "'", "---\n", "\n---\n", "#", "*", "&a ", "\\", "]"])
        elif kind == "char":
            insert = chr(rng.randrange(0x20, 0x3000))
        else:
            insert = "\n" + "Aa " * rng.randint(100, 20_000) + "\n"
        text = text[:where] + insert + text[where:]
    return text


def raw_input(rng: random.Random, index: int) -> tuple[str, str, bytes, list[str]]:
    """(kind, file name, bytes, extra arguments) of one raw text."""
    kind = [
        "bytes",
        "mutated",
        "mutated",
        "mutated",
        "encodings",
        "huge-line",
        "many-lines",
        "controls",
        "invisible",
        "file-name",
    ][index % 10]
    source = rng.choice(SOURCES)
    args = ["--date", EDITOR_DATE[source.name]] if source.name in EDITOR_DATE else []
    text = source.read_text(encoding="utf-8")
    name = f"fuzz-{index}.txt"
    if kind == "bytes":
        return kind, name, rng.randbytes(rng.randint(0, 4000)), []
    if kind == "mutated":
        return kind, name, _mutate_text(rng, text).encode("utf-8"), args
    if kind == "encodings":
        cut = rng.randrange(len(text))
        encoding = rng.choice(["latin-1", "gb18030", "utf-16", "cp1252", "shift_jis"])
        tail = text[cut:].encode(encoding, errors="replace")
        return kind, name, text[:cut].encode("utf-8") + tail, args
    if kind == "huge-line":
        words = ["Aa", "Bb-Cc", "of", "and", "urban", "Dr.", "said", "G60", "River", "x" * 50]
        line = " ".join(rng.choice(words) for _ in range(rng.randint(20_000, 60_000)))
        return kind, name, (text[:2000] + "\n" + line + "\n" + text[2000:]).encode(), args
    if kind == "many-lines":
        lines = "\n".join(rng.choice(["a b", "x", "Dr. y", "and", "w,"]) for _ in range(200_000))
        return kind, name, (text[:1500] + "\n" + lines + "\n" + text[1500:]).encode(), args
    if kind == "controls":
        mixed = "".join(c + rng.choice(CONTROLS) if rng.random() < 0.05 else c for c in text)
        return kind, name, mixed.encode("utf-8"), args
    if kind == "invisible":
        invisible = "".join(rng.choice(INVISIBLE) for _ in range(rng.randint(1, 300)))
        return kind, name, (invisible + "\n\n" + invisible).encode("utf-8"), []
    odd = rng.choice(["a: {b}", "x #y", 'q"uote', "s p a c e", "ü-日本", "yes", "[x]", "- z", "&a"])
    return kind, f"{odd}-{index}.txt", text.encode("utf-8"), args


# --- bulletins for check -------------------------------------------------------------------


def bulletin_input(rng: random.Random, index: int) -> tuple[str, str]:
    """(kind, text) of one bulletin, a real one broken in one of several ways."""
    text = rng.choice(BULLETINS).read_text(encoding="utf-8")
    front, _, body = text[4:].partition("\n---\n")
    lines = front.split("\n")
    kind = ["wrong-type", "wrong-type", "bytes", "alias-bomb", "duplicate", "nesting", "mixed"][
        index % 7
    ]
    if kind == "wrong-type":
        for _ in range(rng.randint(1, 3)):
            field = rng.choice(FIELDS)
            value = rng.choice(WRONG_VALUES)
            lines = [line for line in lines if not line.startswith(f"{field}:")]
            lines.insert(rng.randrange(len(lines) + 1), f"{field}: {value}")
    elif kind == "bytes":
        front = _mutate_text(rng, front)
        return kind, f"---\n{front}\n---\n{body}"
    elif kind == "alias-bomb":
        depth = rng.randint(2, 12)
        bomb = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        bomb += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, depth)]
        lines += bomb if rng.random() < 0.5 else ["regions: &r [*r]", "source: &s {file: *s}"]
    elif kind == "duplicate":
        lines += [rng.choice(lines) for _ in range(rng.randint(1, 20))]
    elif kind == "nesting":
        depth = rng.randint(10, 5000)
        lines.append(f"speakers: {'[' * depth}{']' * depth}")
        lines.append("regions:" + "".join(f"\n{'  ' * i}- " for i in range(min(depth, 800))))
    else:
        lines.append(f"source: {{file: x.txt, 2021-06-16: {{}}, 3.5: y, {rng.random()}: [1]}}")
        lines.append("speakers: [{id: wu-zhiqiang, 1: 2, ~: 3, 2.5: [x], true: {}}]")
    return kind, "---\n" + "\n".join(lines) + "\n---\n" + body


# --- running ---------------------------------------------------------------------------------


def run(project: Path, timeout: float, *args: str) -> tuple[int | None, str, str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "briefsite", "--root", str(project), *args]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return None, "", "", time.perf_counter() - started
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - started


def snapshot(project: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(project)): p.read_bytes()
        for part in ("content", "sources")
        for p in (project / part).rglob("*")
        if p.is_file()
    }


def _count_run(
    tally: Counter, command: str, kind: str, code: int | None, seconds: float, output: str
) -> str:
    """Count one run of ``command`` and return what any run may do wrong, or ''."""
    tally[f"{command} runs"] += 1
    tally[f"{command} exit {code}"] += 1
    key = f"{command} max seconds ({kind})"
    tally[key] = max(tally[key], round(seconds, 2))
    if code is None:
        return "hang"
    if "Traceback" in output:
        return "traceback"
    if code not in (0, 1):
        return "bad exit code"
    return ""


def fuzz_ingest(project: Path, rng: random.Random, count: int, timeout: float, tally: Counter):
    incoming = project.parent / "incoming"
    incoming.mkdir(exist_ok=True)
    for index in range(count):
        kind, name, data, args = raw_input(rng, index)
        raw = incoming / name
        raw.write_bytes(data)
        before = snapshot(project)
        code, _, err, seconds = run(project, timeout, "ingest", str(raw), "--force", *args)
        problem = _count_run(tally, "ingest", kind, code, seconds, err)
        if problem:
            pass  # a hang, a traceback or a bad exit code says enough
        elif code == 1 and "Error: " not in err:
            problem = "failed without a message"
        elif code == 1 and snapshot(project) != before:
            problem = "partial write"
        elif code == 0:
            after = snapshot(project)
            written = [p for p, data in after.items() if before.get(p) != data]
            bulletin = next((p for p in written if p.endswith(".md")), "")
            if not bulletin:
                problem = "exit 0 without a bulletin"
            else:
                check_code, check_out, _, _ = run(project, timeout, "check", bulletin)
                if check_code != 0:
                    problem = "check rejects what ingest wrote"
                    err = check_out
            for path in written:  # back as it was, for the next input
                if path in before:
                    (project / path).write_bytes(before[path])
                else:
                    (project / path).unlink()
        if problem:
            tally[f"ingest {problem}"] += 1
            print(f"ingest {kind} #{index} ({name}): {problem}\n{err[-600:]}", file=sys.stderr)
        raw.unlink()


def fuzz_check(project: Path, rng: random.Random, count: int, timeout: float, tally: Counter):
    for index in range(count):
        kind, text = bulletin_input(rng, index)
        target = project / "content" / "bulletins" / f"fuzz-{index}.md"
        target.write_text(text, encoding="utf-8", errors="surrogatepass")
        code, out, err, seconds = run(project, timeout, "check", str(target))
        problem = _count_run(tally, "check", kind, code, seconds, out + err)
        if problem:
            pass  # a hang, a traceback or a bad exit code says enough
        elif code == 1 and "check failed" not in out:
            problem = "failed without a message"
        else:
            own = ("    hint:", "check ")
            lines = [ln for ln in out.splitlines() if ln and not ln.startswith(own)]
            if any(not DIAGNOSTIC.match(line) for line in lines):
                problem = "a message without path:line:col"
        if problem:
            tally[f"check {problem}"] += 1
            print(f"check {kind} #{index}: {problem}\n{(out + err)[-600:]}", file=sys.stderr)
        target.unlink()


def timings(project: Path, timeout: float) -> dict[str, object]:
    """Ingest of a 5 MB text and check of a bulletin with a 10 MB body."""
    figures: dict[str, object] = {}
    big = project.parent / "five-megabytes.txt"
    text = SOURCES[0].read_text(encoding="utf-8")
    big.write_text(text + "\n" + "short line of text\n" * (5_000_000 // 19), encoding="utf-8")
    code, _, err, seconds = run(project, 60, "ingest", str(big), "--stdout")
    figures["ingest 5 MB"] = {"exit": code, "seconds": round(seconds, 2), "message": err[:200]}
    target = project / "content" / "bulletins" / "ten-megabytes.md"
    bulletin = BULLETINS[0].read_text(encoding="utf-8")
    target.write_text(bulletin + "A sentence of body text. " * (10_000_000 // 25), "utf-8")
    code, out, _, seconds = run(project, 60, "check", str(target))
    figures["check 10 MB body"] = {"exit": code, "seconds": round(seconds, 2), "message": out[:200]}
    target.unlink()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ingest", type=int, default=300, help="raw texts to ingest")
    parser.add_argument("--check", type=int, default=300, help="bulletins to check")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds before a hang")
    parser.add_argument("--json", help="write the figures to this file too")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    tally: Counter = Counter()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        project.mkdir()
        for part in PARTS:
            source = ROOT / part
            copy = shutil.copytree if source.is_dir() else shutil.copy
            copy(source, project / part)
        started = time.perf_counter()
        fuzz_ingest(project, rng, args.ingest, args.timeout, tally)
        fuzz_check(project, rng, args.check, args.timeout, tally)
        figures = {"seed": args.seed, "counts": dict(sorted(tally.items()))}
        figures["fuzz seconds"] = round(time.perf_counter() - started, 1)
        figures["timings"] = timings(project, args.timeout)
    report = json.dumps(figures, indent=2, ensure_ascii=False)
    print(report)
    if args.json:
        Path(args.json).write_text(report + "\n", encoding="utf-8")
    bad = [k for k in tally if not re.search(r"runs|exit [01]$|seconds", k)]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
