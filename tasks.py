"""invoke tasks: the one front door for people (``invoke --list``).

Pelican's usual tasks (build, rebuild, regenerate, serve, reserve, preview, livereload,
publish) plus ours (ingest, check, test). Every build goes through briefsite's
all-or-nothing build: content is checked first, and ``output/`` is replaced only when the
whole site was written.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
CONFIG = {
    "settings_base": ROOT / "pelicanconf.py",
    "settings_publish": ROOT / "publishconf.py",
    "deploy_path": ROOT / "output",
    "host": "localhost",
    "port": 8000,
}


def _cli(*args: str) -> None:
    """Run a briefsite command in this process; exit like it on failure."""
    from briefsite.cli import main

    code = main(["--root", str(ROOT), *args])
    if code:
        sys.exit(code)


@task
def clean(c):
    """Remove generated files: output/, dist/ and the build cache."""
    shutil.rmtree(CONFIG["deploy_path"], ignore_errors=True)
    shutil.rmtree(ROOT / "dist", ignore_errors=True)
    shutil.rmtree(ROOT / "cache", ignore_errors=True)


@task
def build(c):
    """Development build into output/ (root-relative links)."""
    _cli("build")


@task
def rebuild(c):
    """`clean`, then `build`."""
    clean(c)
    build(c)


@task
def preview(c):
    """Production build (publishconf.py: absolute URLs in feeds and sitemap)."""
    _cli("build", "--production")


@task
def publish(c):
    """Production build, ready to upload: output/ is the whole site."""
    preview(c)
    print(f"output/ is ready to publish (built {dt.datetime.now():%Y-%m-%d %H:%M})")


def _rebuild_quietly() -> None:
    from briefsite.cli import main

    main(["--root", str(ROOT), "build"])  # errors are printed; the last good site stays


@task
def regenerate(c):
    """Rebuild whenever content, theme or settings change (Ctrl-C to stop)."""
    from watchfiles import watch

    from briefsite.content.paths import ProjectPaths

    _rebuild_quietly()
    for _ in watch(*ProjectPaths(ROOT).build_inputs()):
        _rebuild_quietly()


@task
def serve(c):
    """Serve output/ at http://localhost:8000/ (Ctrl-C to stop); a missing page gets 404.html."""
    from briefsite.site.server import make_server

    server = make_server(CONFIG["deploy_path"], CONFIG["host"], CONFIG["port"])
    sys.stderr.write("Serving at http://{host}:{port}/ ...\n".format(**CONFIG))
    server.serve_forever()


@task
def reserve(c):
    """`build`, then `serve`."""
    build(c)
    serve(c)


@task
def livereload(c):
    """Build, serve, and on every change rewrite the pages it touches and reload the browser."""
    _cli("live", "--host", CONFIG["host"], "--port", str(CONFIG["port"]))


@task(
    help={
        "generate": "only write a synthetic corpus of N bulletins (under .bench/)",
        "sizes": "corpus sizes to measure, comma-separated (default 250,1000,2000,4000)",
        "large": "also measure 8,000 bulletins",
        "repeats": "rounds per size; the median is kept (default 3)",
    }
)
def bench(c, generate=0, sizes="250,1000,2000,4000", large=False, repeats=3):
    """Benchmark: briefsite vs plain Pelican vs Hugo; prints figures, writes bench-results.json."""
    from briefsite.bench.run import main

    args = [
        "--sizes",
        sizes,
        "--repeats",
        str(repeats),
        "--workdir",
        str(ROOT / ".bench"),
        "--output",
        str(ROOT / "bench-results.json"),
    ]
    args += ["--generate", str(generate)] if generate else []
    args += ["--large"] if large else []
    sys.exit(main(args))


@task
def lighthouse(c):
    """Lighthouse scores (performance, accessibility, best practices, SEO) per page kind."""
    c.run(f"{sys.executable} {ROOT / 'tools' / 'lighthouse.py'}")


@task
def export(c):
    """Offline copy for file:// (USB sticks, intranets): dist/<site>-offline.zip."""
    _cli("export")


@task(
    help={
        "source": "the bulletin as received: .txt, .md, .html (a saved page), .docx or .pdf",
        "stdout": "print the Markdown instead of writing content/bulletins/",
        "date": "date of publication (YYYY-MM-DD) when the text lacks a full date",
        "title": "the bulletin's title, when the text does not start with it",
        "publisher": "who published the bulletin, when the text does not say",
        "speaker": "NAME=ID: which expert a name shared by namesakes means (repeatable)",
        "update_registry": "add unknown experts to content/registry/experts.yaml (regions are "
        "only proposed, for the editor to complete)",
        "force": "replace an existing, different bulletin file",
    },
    iterable=["speaker"],
)
def ingest(
    c,
    source,
    stdout=False,
    date=None,
    title=None,
    publisher=None,
    speaker=None,
    update_registry=False,
    force=False,
):
    """Normalise a raw bulletin into content/bulletins/ (Markdown + YAML front-matter)."""
    args = ["ingest", source]
    args += ["--stdout"] if stdout else []
    args += ["--date", date] if date else []
    args += ["--title", title] if title else []
    args += ["--publisher", publisher] if publisher else []
    for item in speaker or []:
        args += ["--speaker", item]
    args += ["--update-registry"] if update_registry else []
    args += ["--force"] if force else []
    _cli(*args)


@task(
    help={
        "details": "list every missed, extra and wrong-role speaker",
        "corpus": "another labelled folder, e.g. tests/fixtures/corpus-heldout",
    }
)
def eval_ingest(c, details=False, corpus=""):
    """Precision, recall and F1 of ingest's speakers, roles and regions on the labelled corpus."""
    from briefsite.ingest.evaluate import main

    args = ["--root", str(ROOT), *(["--details"] if details else [])]
    sys.exit(main(args + (["--corpus", corpus] if corpus else [])))
DATABASE = ROOT / "dist" / "agglomeration-briefs.db"


@task
def data(c):
    """Build, then the open data of output/data/ as SQLite: dist/agglomeration-briefs.db."""
    from briefsite.site.open_data import FOLDER, write_sqlite

    build(c)
    write_sqlite(CONFIG["deploy_path"] / FOLDER, DATABASE)
    print(f"wrote {DATABASE.relative_to(ROOT)} (serve it with: invoke datasette)")


@task(help={"port": "port on localhost (default 8001)"})
def datasette(c, port=8001):
    """Serve the open data with Datasette at http://localhost:8001/ (`data` first if needed)."""
    if not DATABASE.exists():
        data(c)
    c.run(
        f"{sys.executable} -m datasette serve {DATABASE} --host 127.0.0.1 --port {int(port)}",
        pty=False,
    )


@task(help={"strict": "fail on warnings too", "format": "text (default) or github"})
def check(c, strict=False, format="text"):
    """Validate every bulletin and registry; exit 1 on any error."""
    _cli("check", *(["--strict"] if strict else []), "--format", format)


# Tools the browser tests and the publishing gates need: command -> Debian package.
_DEBIAN_TOOLS = {"chromium": "chromium", "java": "default-jre-headless", "faketime": "faketime"}


def _ensure_test_tools(c) -> None:
    """Install what the browser tests and gates need where we can (root on Debian; npm)."""
    missing = [package for command, package in _DEBIAN_TOOLS.items() if not shutil.which(command)]
    if missing and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installing Debian packages for the browser tests and gates: {' '.join(missing)}")
        packages = " ".join(missing)
        c.run(
            f"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
            f"{packages}",
            warn=True,
        )
    if not (ROOT / "node_modules").is_dir() and shutil.which("npm"):
        c.run(f"npm ci --no-audit --no-fund --prefix {ROOT}", warn=True)
    for command, package in _DEBIAN_TOOLS.items():
        if not shutil.which(command):
            print(
                f"NOTICE: {command} is not installed: the tests that need it will be skipped "
                f"(apt-get install {package})."
            )
    if not (ROOT / "node_modules").is_dir():
        print(
            "NOTICE: the HTML and accessibility checkers are not installed: those gates will "
            "be skipped (npm ci)."
        )


@task(help={"k": "only tests whose name matches this expression"})
def test(c, k=""):
    """Run the test suite (ruff, then pytest, with the browser tests in Debian's Chromium)."""
    _ensure_test_tools(c)
    c.run(f"{sys.executable} -m ruff check src tests tasks.py pelicanconf.py publishconf.py")
    selection = f" -k {k!r}" if k else ""
    c.run(f"{sys.executable} -m pytest{selection}", pty=False, env={**os.environ})
