"""The build cache: what cached work is keyed by."""

from briefsite import cache


def test_an_upgrade_of_the_markdown_library_invalidates_cached_bodies(monkeypatch):
    before = cache._code_fingerprint()
    real = cache.version
    monkeypatch.setattr(
        cache, "version", lambda name: "99.0" if name == "markdown-it-py" else real(name)
    )
    assert cache._code_fingerprint() != before


def test_cache_keys_depend_on_this_code(monkeypatch):
    key = cache.digest("a bulletin's bytes")
    monkeypatch.setattr(cache, "_CODE", b"another version of briefsite")
    assert cache.digest("a bulletin's bytes") != key
