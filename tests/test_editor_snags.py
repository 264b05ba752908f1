"""The snags a new editor hit following the README and CONTRIBUTING, each retried here as
they met it: the command's own output, exit code and files."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from briefsite.cli import main

from .conftest import ROOT, copy_project


def check(paths, capsys, *args: str) -> tuple[int, list[str]]:
    code = main(["--root", str(paths.root), "check", *args])
    return code, capsys.readouterr().out.splitlines()


def test_help_describes_the_tool_and_lists_all_six_commands():
    result = subprocess.run(
        [sys.executable, "-m", "briefsite", "--help"], capture_output=True, text=True, check=True
    )
    text = " ".join(result.stdout.split())
    assert "briefsite: the policy-bulletin website. Ingest a bulletin as received" in text
    assert "The only module that prints" not in text
    listed = [
        line.split()[0]
        for line in result.stdout.split("commands:")[1].splitlines()
        if line.startswith("    ") and line.split()
    ]
    assert listed == ["ingest", "check", "build", "live", "export", "links"]


def test_serve_answers_a_missing_page_with_404_html(tmp_path):
    from briefsite.site.server import make_server

    (tmp_path / "404.html").write_text("<h1>Page not found</h1>", encoding="utf-8")
    (tmp_path / "bulletins" / "known").mkdir(parents=True)
    (tmp_path / "bulletins" / "known" / "index.html").write_text("<h1>Known</h1>", "utf-8")
    server = make_server(tmp_path, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with urllib.request.urlopen(f"{base}/bulletins/known/") as response:
            assert (response.status, response.read()) == (200, b"<h1>Known</h1>")
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{base}/bulletins/no-such-bulletin/")
        assert missing.value.code == 404
        assert missing.value.read() == b"<h1>Page not found</h1>"
        assert missing.value.headers["Content-Type"] == "text/html; charset=utf-8"
    finally:
        server.shutdown()
        server.server_close()


def test_invoke_serve_uses_the_server_with_404(monkeypatch):
    import tasks
    from briefsite.site import server

    made = []

    class Stop(Exception):
        pass

    def fake(root, host, port):
        made.append((Path(root), host, port))
        raise Stop

    monkeypatch.setattr(server, "make_server", fake)
    with pytest.raises(Stop):
        tasks.serve.body(None)
    assert made == [(ROOT / "output", "localhost", 8000)]


def test_a_tab_in_the_front_matter_is_named_as_such(tmp_path, capsys):
    paths = copy_project(tmp_path / "p")
    bulletin = sorted(paths.bulletins.glob("*.md"))[0]
    text = bulletin.read_text(encoding="utf-8")
    bulletin.write_text(text.replace("\n  - {id:", "\n\t- {id:", 1), encoding="utf-8")
    line = text[: text.index("\n  - {id:") + 1].count("\n") + 1
    code, out = check(paths, capsys)
    assert code == 1
    assert out[0] == (
        f"content/bulletins/{bulletin.name}:{line}:1: error: YAML syntax: a tab character at "
        f"line {line}, column 1: indent with spaces"
    )


def test_the_count_is_of_every_bulletin_checked_including_a_broken_one(tmp_path, capsys):
    paths = copy_project(tmp_path / "p")
    (paths.bulletins / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n", "utf-8")
    code, out = check(paths, capsys)
    assert code == 1
    assert out[-1] == "check failed: 5 bulletin(s), 1 error(s), 0 warning(s)"


def test_a_speaker_without_a_role_warns_and_fails_strict(tmp_path, capsys):
    paths = copy_project(tmp_path / "p")
    bulletin = paths.bulletins / "shaping-new-engines-and-new-strengths-in-development.md"
    text = bulletin.read_text(encoding="utf-8")
    start = text.index("  - {id: sun-dong, role:")
    end = text.index("\n", start)
    bulletin.write_text(text[:start] + "  - {id: sun-dong}" + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 1
    assert check(paths, capsys)[0] == 0
    code, out = check(paths, capsys, "--strict")
    assert code == 1
    assert out == [
        f"content/bulletins/{bulletin.name}:{line}:5: warning: speaker 'sun-dong' has no role",
        '    hint: add the role this bulletin gives them: role: "..."',
        "check failed: 4 bulletin(s), 0 error(s), 1 warning(s)",
    ]


def test_the_real_content_passes_check_strict(capsys):
    from briefsite.content.paths import ProjectPaths

    code, out = check(ProjectPaths(ROOT), capsys, "--strict")
    assert (code, out[-1]) == (0, "check ok: 4 bulletin(s), 0 error(s), 0 warning(s)")


@pytest.mark.parametrize(
    "save",
    [
        pytest.param(["sed", "-i", "s/A sentence/One sentence/"], id="sed-i"),
        pytest.param("rename", id="temporary-file-renamed"),
        pytest.param("backup", id="backup-file-beside"),
    ],
)
def test_livereload_updates_a_bulletin_saved_through_a_temporary_file(tmp_path, save):
    """The changes as watchfiles reports them for each way of saving, then the update."""
    from watchfiles import watch

    from briefsite.bench.corpus import generate
    from briefsite.content.paths import ProjectPaths
    from briefsite.site.live import LiveSite

    paths = ProjectPaths(generate(tmp_path / "corpus", 12, seed=3).root)
    site = LiveSite(paths, paths.root / "pelicanconf.py", tmp_path / "served")
    site.build()
    bulletin = sorted(paths.bulletins.glob("*.md"))[2]
    bulletin.write_text(bulletin.read_text("utf-8").rstrip("\n") + " A sentence.\n", "utf-8")
    site.update([bulletin])

    reported: list[Path] = []
    ready, stop = threading.Event(), threading.Event()

    def follow() -> None:
        for changes in watch(
            paths.bulletins, stop_event=stop, rust_timeout=100, yield_on_timeout=True
        ):
            ready.set()
            reported.extend(Path(p) for _, p in changes)

    watcher = threading.Thread(target=follow, daemon=True)
    watcher.start()
    assert ready.wait(10)
    new_text = bulletin.read_text("utf-8").replace("A sentence", "One sentence")
    if save == "rename":  # gedit: write .goutputstream-XXXXXX, rename it over the file
        temporary = paths.bulletins / ".goutputstream-7Q2WZ1"
        temporary.write_text(new_text, "utf-8")
        temporary.replace(bulletin)
    elif save == "backup":  # emacs/vim: keep the old file as NAME.md~, write the new one
        (paths.bulletins / f"{bulletin.name}~").write_bytes(bulletin.read_bytes())
        bulletin.write_text(new_text, "utf-8")
    else:
        subprocess.run([*save, str(bulletin)], check=True)
    time.sleep(1.0)
    stop.set()
    watcher.join(5)

    assert bulletin.resolve() in {p.resolve() for p in reported}
    if save != "backup":  # watchfiles itself leaves out NAME.md~; it reports the others
        assert len({p.name for p in reported}) > 1, reported
    changed = site.relevant(reported)
    assert [p.resolve() for p in changed] == [bulletin.resolve()]
    update = site.update(reported)
    assert not update.full
    assert any(name.endswith("/index.html") for name in update.written)
