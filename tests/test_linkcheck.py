"""The link checker itself: it must find what is broken, in both ways of resolving links."""

from briefsite.cli import main
from briefsite.publish.linkcheck import broken_links


def make_site(root, pages: dict[str, str]):
    for name, html in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return root


def reasons(found):
    return [link.format() for link in found]


def test_server_mode_finds_missing_pages_and_anchors(tmp_path):
    site = make_site(
        tmp_path,
        {
            "a/index.html": '<p id="here">x</p>',
            "index.html": '<a href="/a/">ok</a><a href="/a/#here">ok</a><a href="a/">ok</a>'
            '<a href="/b/">bad</a><a href="/a/#gone">bad</a><img src="/logo.png">'
            '<a href="https://elsewhere.example/">other site</a><a href="#top">bad</a>',
        },
    )
    assert reasons(broken_links(site)) == [
        "index.html: /b/ (no such file)",
        "index.html: /a/#gone (no element #gone)",
        "index.html: /logo.png (no such file)",
        "index.html: #top (no element #top)",
    ]


def test_file_mode_refuses_folders_and_root_absolute_links(tmp_path):
    site = make_site(
        tmp_path,
        {
            "a/index.html": '<p id="here">x</p>',
            "index.html": '<a href="a/index.html#here">ok</a><a href="a/">folder</a>'
            '<a href="/a/index.html">root</a><a href="https://s.example/a/">absolute</a>',
        },
    )
    assert reasons(broken_links(site, siteurl="https://s.example", file_urls=True)) == [
        "index.html: a/ (a folder is not a page)",
        "index.html: /a/index.html (root-absolute link leaves the copy)",
        "index.html: https://s.example/a/ (absolute link in an offline copy)",
    ]


def test_links_command_exit_codes(tmp_path, capsys):
    site = make_site(tmp_path, {"index.html": '<a href="/missing/">x</a>'})
    assert main(["links", str(site)]) == 1
    assert capsys.readouterr().out == (
        "index.html: /missing/ (no such file)\nlinks failed: 1 page(s), 1 broken link(s)\n"
    )
    (site / "missing").mkdir()
    (site / "missing" / "index.html").write_text("ok", encoding="utf-8")
    assert main(["links", str(site)]) == 0
