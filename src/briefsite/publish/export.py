"""The offline copy: the whole site as a zip that works from a USB stick (``file://``).

A browser opening files from disk does not turn ``experts/wu-zhiqiang/`` into
``experts/wu-zhiqiang/index.html`` and resolves ``/experts/...`` against the file system
root. So the export builds the production site with the offline search (see ``search``),
rewrites every link in the HTML to a relative path that names its file, checks the result
the way ``file://`` resolves links, and zips it with fixed timestamps so the same content
gives the same zip. Feeds keep their absolute URLs: a feed reader needs them.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pelican.settings import read_settings

from ..content.paths import ProjectPaths
from ..errors import BriefsiteError
from ..site.build import build_site
from ..text import slugify
from .linkcheck import broken_links

_LINK = re.compile(r'(?P<attribute>\b(?:href|src|action))="(?P<url>[^"]*)"')
# Zip entries need a date; the newest bulletin's would do, but a constant is simpler and
# just as reproducible (1980-01-01 is the earliest a zip can hold).
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class ExportReport:
    zip_path: Path
    files: int
    bytes: int


def relative_url(url: str, page: str, siteurl: str) -> str:
    """``url`` as a link that works from the file ``page`` (a path inside the site).

    Root-absolute and own-site absolute links become relative; links to folders name their
    ``index.html``; fragments and queries are kept; other sites are left alone.
    """
    if siteurl and url.startswith(siteurl):
        url = "/" + url[len(siteurl) :].lstrip("/")
    if not url.startswith("/") or url.startswith("//"):
        return url
    path, _, rest = url.partition("#")
    path, _, query = path.partition("?")
    suffix = (f"?{query}" if query else "") + (f"#{rest}" if rest else "")
    target = PurePosixPath(path.lstrip("/"))
    if path.endswith("/") or not target.suffix:
        target = target / "index.html"
    relative = os.path.relpath(target.as_posix(), PurePosixPath(page).parent.as_posix() or ".")
    return relative + suffix


def make_relative(site: Path, siteurl: str) -> None:
    """Rewrite the links of every HTML page of ``site`` for ``file://``."""
    for html_file in sorted(site.rglob("*.html")):
        page = html_file.relative_to(site).as_posix()
        text = html_file.read_text(encoding="utf-8")
        html_file.write_text(_LINK.sub(_rewriter(page, siteurl), text), encoding="utf-8")


def _rewriter(page: str, siteurl: str):
    def rewrite(match: re.Match[str]) -> str:
        return f'{match["attribute"]}="{relative_url(match["url"], page, siteurl)}"'

    return rewrite


def write_zip(folder: Path, zip_path: Path) -> int:
    """Zip ``folder`` under its own name, in sorted order with fixed dates."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(
                f"{folder.name}/{path.relative_to(folder).as_posix()}", _ZIP_DATE
            )
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return len(files)


def export_site(paths: ProjectPaths, settings_file: Path, dist: Path | None = None) -> ExportReport:
    settings = read_settings(str(settings_file))
    name = f"{slugify(settings['SITENAME'])}-offline"
    dist = dist or paths.root / "dist"
    with tempfile.TemporaryDirectory(prefix="briefsite-export-") as scratch:
        # 1. The production site, with the offline search instead of Pagefind.
        site = Path(scratch) / name
        build_site(paths, settings_file, output=str(site), BRIEFSITE_OFFLINE=True)
        # 2. Links that name their files, checked as file:// resolves them.
        make_relative(site, settings["SITEURL"])
        broken = broken_links(site, siteurl=settings["SITEURL"], file_urls=True)
        if broken:
            listing = "\n".join(link.format() for link in broken[:20])
            raise BriefsiteError(f"the offline copy has {len(broken)} broken link(s):\n{listing}")
        # 3. The zip, written beside and moved into place so a failed export leaves no half zip.
        zip_path = dist / f"{name}.zip"
        partial = Path(scratch) / f"{name}.zip"
        files = write_zip(site, partial)
        dist.mkdir(parents=True, exist_ok=True)
        shutil.move(partial, zip_path)
    return ExportReport(zip_path, files, zip_path.stat().st_size)
