"""``invoke serve``: Pelican's development server, answering a missing page with the site's
own ``404.html`` and status 404 (Pelican's handler sends an empty reply)."""

from __future__ import annotations

from http import HTTPStatus
from pathlib import Path

from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer


class SiteRequestHandler(ComplexHTTPRequestHandler):
    """Pelican's handler (``/bulletins/x/`` finds ``index.html``), with a real 404."""

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def _serve(self, head: bool) -> None:
        original = self.path.split("?", 1)[0]
        found = self.get_path_that_exists(original)
        if found:
            self.path = found
            (super().do_HEAD if head else super().do_GET)()
            return
        page = Path(self.base_path) / "404.html"
        if not page.is_file():
            self.send_error(HTTPStatus.NOT_FOUND, "no such page (and no 404.html in the site)")
            return
        body = page.read_bytes()
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)


class SiteServer(RootedHTTPServer):
    allow_reuse_address = True


def make_server(root: Path, host: str, port: int) -> SiteServer:
    """A server of the built site in ``root`` (``serve_forever`` to run it)."""
    return SiteServer(str(root), (host, port), SiteRequestHandler)
