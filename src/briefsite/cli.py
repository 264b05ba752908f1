"""The command line: ``briefsite ingest|check|build|live|export|links``. The only module
that prints.

``tasks.py`` (invoke) calls these same functions; this entry point is for editors without
invoke (``python -m briefsite ...``). Bad input ends in ``Error: ...`` and exit 1, never a
traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import traceback
from pathlib import Path

from .content.check import check_project
from .content.model import Expert, Region, SourceRef
from .content.paths import ProjectPaths
from .content.registry_reader import read_registry
from .errors import BriefsiteError, ContentError, Diagnostic, Severity, SourceError


def _print_diagnostics(diagnostics: list[Diagnostic], github: bool = False) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.format_github() if github else diagnostic.format())


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest_file
    from .ingest.readback import check_result
    from .ingest.source import extract_source

    paths = ProjectPaths(Path(args.root))
    source = Path(args.source)
    registry, problems = read_registry(paths)
    if any(p.severity is Severity.ERROR for p in problems):
        raise ContentError(problems)
    result = ingest_file(
        source,
        registry,
        date=args.date,
        speaker_ids=dict(args.speaker),
        title=args.title or "",
        publisher=args.publisher,
        model=_nlp_model(paths),
    )
    out = sys.stderr if args.stdout else sys.stdout
    if result.new_experts and not args.update_registry and not args.stdout:
        # a bulletin naming them would fail check until they are in the registry
        _print_people(result, sys.stderr)
        _print_proposals(result, sys.stderr)
        ids = ", ".join(e.id for e in result.new_experts)
        raise SourceError(
            str(source),
            f"{len(result.new_experts)} speaker(s) not in the registry yet ({ids}); nothing "
            "was written",
            "check each is a new person (not a new spelling of a known one: then add the "
            "spelling to their aliases), then rerun with --update-registry to add them",
        )
    target = check_result(result, registry, paths)  # before anything is written

    if args.stdout:
        sys.stdout.write(result.markdown)
    else:
        markdown = result.markdown.encode("utf-8")
        if target.exists() and target.read_bytes() != markdown and not args.force:
            raise SourceError(
                str(target),
                "a different bulletin with this name exists already",
                "compare them; pass --force to replace it with the new ingest",
            )
        kept = paths.sources / source.name
        if not kept.exists():
            _write_atomically(kept, source.read_bytes())
            print(f"kept the file as received as {paths.display(kept)}")
        text_file = SourceRef(source.name).text_file
        if text_file:  # a PDF, Word document or web page: the site offers its text too
            extracted = extract_source(source).text.encode("utf-8")
            _write_atomically(paths.sources / text_file, extracted)
            print(f"kept the text extracted from it as {paths.display(paths.sources / text_file)}")
        _write_atomically(target, markdown)
        print(f"wrote {paths.display(target)}")
        print(f"  speakers: {', '.join(s.id for s in result.speakers) or '(none found)'}")
        print(f"  regions:  {', '.join(result.regions) or '(none found)'}")
        print(f"  themes:   {', '.join(result.themes) or '(none found)'}")

    _print_people(result, out)
    for warning in result.warnings:
        print(f"warning: {warning}", file=out)
    if args.update_registry and result.new_experts:
        from .content.registry_edit import add_entries

        added = add_entries(paths, "experts", result.new_experts)
        if added:
            print(f"added to content/registry/experts.yaml: {', '.join(added)}", file=out)
    _print_proposals(result, out, experts=not args.update_registry)
    return 0


def _print_proposals(result, out, experts: bool = True) -> None:
    """Entries for the registries, to paste: experts (``--update-registry`` adds them) and
    regions (never added by ingest: a region's country is not in the text)."""
    if experts and result.new_experts:
        print(
            "\nnot in the registry yet (add to content/registry/experts.yaml, or rerun with "
            "--update-registry):",
            file=out,
        )
        for expert in result.new_experts:
            print(_proposal_yaml(expert), file=out)
    if result.new_regions:
        print(
            "\npossible regions not in the registry (ingest does not add regions: if one is "
            "a real region, add it to content/registry/regions.yaml with its country, then "
            "add its id to the bulletin's 'regions:'):",
            file=out,
        )
        for region in result.new_regions:
            print(_proposal_yaml(region), file=out)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write a whole file or none of it: a temporary file beside it, then renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _nlp_model(paths: ProjectPaths) -> str:
    """The language model the project names (``BRIEFSITE_NLP_MODEL`` in pelicanconf.py)."""
    from .ingest.language import DEFAULT_MODEL

    settings_file = paths.root / "pelicanconf.py"
    if not settings_file.is_file():
        return DEFAULT_MODEL
    import logging

    from pelican.settings import read_settings

    # Pelican warns about feeds when it reads development settings; not the editor's concern
    logging.getLogger("pelican.settings").setLevel(logging.ERROR)
    return read_settings(str(settings_file)).get("BRIEFSITE_NLP_MODEL", DEFAULT_MODEL)


def _print_people(result, out) -> None:
    """For the editor's review: each speaker with the evidence that made them one, and
    the persons seen but not counted, with why."""
    print("\nspeakers, and why:", file=out)
    for person in (p for p in result.people if p.counted):
        expert_id = result.expert_ids.get(person.name, "")
        role = f", {person.role}" if person.role else ", (no role stated)"
        print(f"  {expert_id}: {person.name}{role}", file=out)
        sentence = " ".join(person.evidence.sentence.split())
        sentence = sentence if len(sentence) <= 160 else sentence[:157] + "..."
        print(f'      {person.evidence.construction}: "{sentence}"', file=out)
    seen = [p for p in result.people if not p.counted]
    if seen:
        print("not counted as speakers:", file=out)
        for person in seen:
            print(f"  {person.name}: {person.not_counted}", file=out)


def _proposal_yaml(entity: Expert | Region) -> str:
    """A registry entry to paste, with only the facts the text gave."""
    lines = [f"- id: {entity.id}", f"  name: {entity.name}"]
    if isinstance(entity, Expert):
        lines.append(f"  family_name: {entity.family_name}")
    else:
        lines += [f"  kind: {entity.kind}", "  country:   # fill in: the text does not say"]
    lines.append(f"  aliases: [{', '.join(entity.aliases)}]")
    return "\n" + "\n".join(lines)


def cmd_check(args: argparse.Namespace) -> int:
    paths = ProjectPaths(Path(args.root))
    report = check_project(paths)
    github = args.format == "github"
    diagnostics = report.diagnostics
    if args.files:  # e.g. from pre-commit: report on these files and on the registries
        wanted = {paths.display(Path(f)) for f in args.files}
        diagnostics = [
            d for d in diagnostics if d.path in wanted or d.path.startswith("content/registry/")
        ]
    _print_diagnostics(diagnostics, github)
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    failed = errors > 0 or (args.strict and warnings > 0)
    if not github:
        status = "failed" if failed else "ok"
        print(
            f"check {status}: {report.files} bulletin(s), {errors} error(s), {warnings} warning(s)"
        )
    return 1 if failed else 0


def cmd_build(args: argparse.Namespace) -> int:
    from .site.build import build_site

    paths = ProjectPaths(Path(args.root))
    settings_file = "publishconf.py" if args.production else "pelicanconf.py"
    report = build_site(paths, paths.root / settings_file, output=args.output)
    _print_diagnostics(report.warnings)
    print(f"built {report.pages} page(s) into {args.output or 'output'}/ in {report.seconds:.2f} s")
    return 0


def cmd_live(args: argparse.Namespace) -> int:
    from .site.live import LiveSite, Update, serve

    paths = ProjectPaths(Path(args.root))
    site = LiveSite(paths, paths.root / "pelicanconf.py", paths.root / (args.output or "output"))
    print(f"building {paths.display(site.output)}/ ...", flush=True)
    try:
        site.build()
    except ContentError as error:  # serve the last good site; the next save builds again
        _print_diagnostics(error.diagnostics)

    def updated(update: Update) -> None:
        what = "full build" if update.full else f"{len(update.written)} file(s) rewritten"
        removed = f", {len(update.removed)} removed" if update.removed else ""
        print(f"updated in {update.seconds:.2f} s: {what}{removed}", flush=True)

    def failed(error: Exception) -> None:
        if isinstance(error, ContentError):
            _print_diagnostics(error.diagnostics)
            message = (
                f"{len(error.diagnostics)} problem(s) in the content; the site was not changed"
            )
        elif isinstance(error, BriefsiteError):
            message = f"{error}; the site was not changed"
        else:  # a bug: say where, and build in full at the next change
            traceback.print_exception(error)
            message = f"the update failed ({error!r}); the next change builds the site in full"
        print(f"Error: {message}", file=sys.stderr, flush=True)

    def ready() -> None:
        print(f"serving http://{args.host}:{args.port}/ (Ctrl-C to stop)", flush=True)

    site.on_search_done = lambda seconds: print(
        f"search index updated in {seconds:.2f} s", flush=True
    )
    serve(site, args.host, args.port, on_ready=ready, on_update=updated, on_error=failed)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .publish.export import export_site

    paths = ProjectPaths(Path(args.root))
    report = export_site(
        paths, paths.root / "publishconf.py", dist=Path(args.dist) if args.dist else None
    )
    print(
        f"wrote {paths.display(report.zip_path)}: {report.files} files, "
        f"{report.bytes / 1024:.0f} KiB; unzip it anywhere and open index.html"
    )
    return 0


def cmd_links(args: argparse.Namespace) -> int:
    from .publish.linkcheck import broken_links

    broken = broken_links(Path(args.site), siteurl=args.siteurl, file_urls=args.file_urls)
    for link in broken:
        print(link.format())
    pages = sum(1 for _ in Path(args.site).rglob("*.html"))
    print(f"links {'failed' if broken else 'ok'}: {pages} page(s), {len(broken)} broken link(s)")
    return 1 if broken else 0


def _speaker(text: str) -> tuple[str, str]:
    name, equals, expert_id = text.partition("=")
    if not (equals and name.strip() and expert_id.strip()):
        raise argparse.ArgumentTypeError(f"'{text}' is not NAME=ID, e.g. \"Wang Jun=wang-jun\"")
    return name.strip(), expert_id.strip()


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date as YYYY-MM-DD") from None


DESCRIPTION = (
    "briefsite: the policy-bulletin website. Ingest a bulletin as received, check the "
    "content, build the site, serve it while you edit, export an offline copy, and check "
    "its links."
)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="briefsite",
        description=DESCRIPTION,
        epilog="'briefsite COMMAND --help' explains one command. The same commands run as "
        "invoke tasks: './run --list'.",
    )
    main.add_argument("--root", default=".", help="the project folder (default: here)")
    commands = main.add_subparsers(
        dest="command", required=True, title="commands", metavar="COMMAND"
    )

    ingest = commands.add_parser(
        "ingest", help="turn a bulletin as received into content/bulletins/NAME.md"
    )
    ingest.add_argument(
        "source", help="the bulletin as received: .txt, .md, .html (a saved page), .docx or .pdf"
    )
    ingest.add_argument("--stdout", action="store_true", help="print the Markdown, write nothing")
    ingest.add_argument("--date", type=_date, help="date of publication, when the text lacks it")
    ingest.add_argument(
        "--title", help="the bulletin's title, when the text does not start with it"
    )
    ingest.add_argument(
        "--speaker",
        action="append",
        default=[],
        type=_speaker,
        metavar="NAME=ID",
        help="which expert a shared name means (namesakes)",
    )
    ingest.add_argument("--publisher", default="", help="who published it, when the text lacks it")
    ingest.add_argument(
        "--update-registry",
        action="store_true",
        help="add unknown experts to content/registry/experts.yaml (regions are only proposed)",
    )
    ingest.add_argument("--force", action="store_true", help="replace a different existing file")
    ingest.set_defaults(run=cmd_ingest)

    check = commands.add_parser("check", help="validate all bulletins and registries")
    check.add_argument("files", nargs="*", help="report only on these files (and the registries)")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.add_argument("--format", choices=["text", "github"], default="text")
    check.set_defaults(run=cmd_check)

    build = commands.add_parser("build", help="build the site with Pelican")
    build.add_argument("--production", action="store_true", help="use publishconf.py")
    build.add_argument("--output", help="output folder (default: from the settings)")
    build.set_defaults(run=cmd_build)
    live = commands.add_parser("live", help="build, serve, and update on every change")
    live.add_argument("--host", default="localhost")
    live.add_argument("--port", type=int, default=8000)
    live.add_argument("--output", help="output folder (default: output)")
    live.set_defaults(run=cmd_live)

    export = commands.add_parser("export", help="offline copy: dist/<site>-offline.zip")
    export.add_argument("--dist", help="where to write the zip (default: dist/)")
    export.set_defaults(run=cmd_export)

    links = commands.add_parser("links", help="check every internal link of a built site")
    links.add_argument("site", nargs="?", default="output", help="the built site (default: output)")
    links.add_argument("--siteurl", default="", help="absolute links to this URL are internal")
    links.add_argument(
        "--file-urls", action="store_true", help="resolve as file:// does: a folder is not a page"
    )
    links.set_defaults(run=cmd_links)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except ContentError as error:
        _print_diagnostics(error.diagnostics, getattr(args, "format", "") == "github")
        errors = sum(d.severity is Severity.ERROR for d in error.diagnostics)
        print(f"Error: {errors} problem(s) in the content; nothing was built", file=sys.stderr)
        return 1
    except BriefsiteError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
