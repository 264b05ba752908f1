"""Gate: the same commit builds the same bytes, in another folder and at another time."""

import filecmp
import os
import shutil
import subprocess
import sys

from ..conftest import copy_project, require


def tree(folder) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def build(project, settings: str, *, clock: str | None = None) -> None:
    command = [sys.executable, "-m", "briefsite", "--root", str(project), "build"]
    if settings == "publishconf.py":
        command.append("--production")
    if clock:
        command = ["faketime", clock, *command]
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, "TZ": "UTC"})


def test_two_builds_in_different_folders_at_different_times_are_identical(tmp_path):
    require(shutil.which("faketime") is not None, "faketime (apt-get install faketime)")
    first = copy_project(tmp_path / "here").root
    second = copy_project(tmp_path / "elsewhere" / "later").root
    build(first, "publishconf.py")
    build(second, "publishconf.py", clock="2031-05-01 12:00:00")
    one, two = first / "output", second / "output"
    files = tree(one)
    assert files == tree(two)
    assert any(f.startswith("pagefind/filter/") for f in files), "the search index is included"
    _, mismatch, errors = filecmp.cmpfiles(one, two, files, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_the_gate_notices_a_clock_in_the_output(tmp_path):
    """If a template printed the build time, the comparison above would fail: show it does."""
    require(shutil.which("faketime") is not None, "faketime (apt-get install faketime)")
    first = copy_project(tmp_path / "a").root
    second = copy_project(tmp_path / "b").root
    for project in (first, second):
        base = project / "themes" / "briefsite" / "templates" / "base.html"
        base.write_text(
            base.read_text(encoding="utf-8").replace("</footer>", "<p>{{ now }}</p></footer>"),
            encoding="utf-8",
        )
        conf = project / "pelicanconf.py"
        conf.write_text(
            conf.read_text(encoding="utf-8")
            + "\nimport datetime\nJINJA_GLOBALS = {'now': datetime.datetime.now()}\n",
            encoding="utf-8",
        )
    build(first, "pelicanconf.py")
    build(second, "pelicanconf.py", clock="2031-05-01 12:00:00")
    _, mismatch, _ = filecmp.cmpfiles(
        first / "output", second / "output", ["index.html"], shallow=False
    )
    assert mismatch == ["index.html"]
