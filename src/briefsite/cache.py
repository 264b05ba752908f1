"""Work that does not change between builds, kept on disk in ``cache/``.

Entries are keyed by a hash of everything they depend on (the file's bytes, the registries,
the settings that matter, this code and the libraries that render), so a stale entry is never
found, only unused. Unused entries are dropped when the cache is saved, so it does not grow
without end. The cache is a speed-up only: deleting ``cache/`` changes nothing but the time
a build takes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from importlib.metadata import version
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


def _code_fingerprint() -> bytes:
    """This package's source and the versions of the libraries whose output we cache: after
    an upgrade or a code change, nothing cached by the old code is found."""
    hasher = hashlib.sha256()
    package = Path(__file__).parent
    for source in sorted(package.rglob("*.py")):
        hasher.update(source.relative_to(package).as_posix().encode())
        hasher.update(source.read_bytes())
    for library in ("markdown-it-py", "mdit-py-plugins", "pelican", "pyyaml"):
        hasher.update(f"{library}={version(library)}".encode())
    return hasher.digest()


_CODE = _code_fingerprint()


def digest(*parts: object) -> str:
    """A key for the given values (bytes, strings or anything picklable)."""
    hasher = hashlib.sha256(_CODE)
    for part in parts:
        data = part if isinstance(part, bytes) else pickle.dumps(part, protocol=5)
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


class DiskCache:
    """A dict of key -> value loaded from and saved to one pickle file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.persist = True  # False: ``save`` keeps the entries in memory only
        self._entries: dict[str, Any] = {}
        self._used: set[str] = set()
        self._changed = False
        self._file_keys: dict[Path, tuple[tuple, str]] = {}
        try:
            with path.open("rb") as stream:
                self._entries = pickle.load(stream)
        except FileNotFoundError:
            pass
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as error:
            logger.warning("ignoring unreadable cache %s (%s)", path, error)

    def get(self, key: str) -> Any:
        if key in self._entries:
            self._used.add(key)
        return self._entries.get(key)

    def put(self, key: str, value: Any) -> None:
        self._entries[key] = value
        self._used.add(key)
        self._changed = True

    def file_key(self, path: Path, *parts: object) -> str:
        """``digest(path's bytes, *parts)``; while this cache lives, a file whose size and
        modification time are as before is not read again (as Pelican's own cache does)."""
        stat = path.stat()
        signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino, parts)
        known = self._file_keys.get(path)
        if known is not None and known[0] == signature:
            return known[1]
        key = digest(path.read_bytes(), *parts)
        self._file_keys[path] = (signature, key)
        return key

    def save(self) -> None:
        """Forget the entries this build did not use; write the rest (atomically) if
        anything changed."""
        if not self.persist:
            self._entries = {key: self._entries[key] for key in self._used}
            self._used, self._changed = set(), False
            return
        if not self._changed and self._used == set(self._entries):
            return
        kept = {key: self._entries[key] for key in self._used}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(f".partial-{os.getpid()}")
        with partial.open("wb") as stream:
            pickle.dump(kept, stream, protocol=5)
        partial.replace(self.path)
