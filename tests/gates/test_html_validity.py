"""Gate: the W3C Nu HTML Checker (vnu.jar from npm's vnu-jar) finds no error on any page."""

import json
import shutil
import subprocess

import pytest

from ..conftest import NODE_MODULES, require

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="session")
def vnu():
    require(
        VNU.is_file() and shutil.which("java") is not None,
        "the Nu HTML Checker (npm ci) or Java (apt-get install default-jre-headless)",
    )

    def check(target) -> list[dict]:
        result = subprocess.run(
            [
                "java",
                "-jar",
                str(VNU),
                "--errors-only",
                "--skip-non-html",
                "--format",
                "json",
                str(target),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        return json.loads(result.stderr or '{"messages": []}')["messages"]

    return check


def test_every_page_of_the_site_is_valid(vnu, built_site):
    assert vnu(built_site) == []


def test_every_page_of_the_offline_copy_is_valid(vnu, offline_copy):
    assert vnu(offline_copy) == []


def test_the_gate_fails_on_an_unescaped_lt_and_an_image_without_alt(vnu, tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
        '<body><p>a < b</p><img src="x.png"></body></html>',
        encoding="utf-8",
    )
    messages = [m["message"] for m in vnu(broken)]
    assert len(messages) == 2
    assert messages[0].startswith("Bad character “ ” after “<”. Probable cause: Unescaped “<”.")
    assert messages[1].startswith("An “img” element must have an “alt” attribute")
