"""Problems reported to people, and the exceptions that carry them.

Who raises what:

- ``SourceError``: ingest, when a raw bulletin cannot be read or normalised (empty, binary,
  no title, no date). One problem, one message; the command line prints it and exits 1.
- ``ContentError``: ``invoke check`` and the build, when bulletins or registries break a rule.
  It carries every ``Diagnostic`` found in one pass, so an editor fixes them all at once.

Anything else that escapes is our bug and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place, printed compiler-style: ``path:line:col: error: message``."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    hint: str = ""

    def format(self) -> str:
        message, hint = _one_line(self.message), _one_line(self.hint)
        text = f"{self.path}:{self.line}:{self.column}: {self.severity}: {message}"
        return f"{text}\n    hint: {hint}" if hint else text

    def format_github(self) -> str:
        """A GitHub Actions workflow command, shown as an annotation on the pull request."""
        kind = "error" if self.severity is Severity.ERROR else "warning"
        message = f"{self.message} (hint: {self.hint})" if self.hint else self.message
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.path},line={self.line},col={self.column}::{message}"


def _one_line(text: str) -> str:
    """A message quoting the input stays on its line: line ends and controls are escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


class BriefsiteError(Exception):
    """Base of the errors that are about the input, not about our code."""


class SourceError(BriefsiteError):
    """A raw bulletin that ingest cannot turn into Markdown."""

    def __init__(self, path: str, message: str, hint: str = "") -> None:
        super().__init__(f"{path}: {message}" + (f"\n    hint: {hint}" if hint else ""))
        self.path = path
        self.message = message
        self.hint = hint


class ContentError(BriefsiteError):
    """Content or registries that break the rules; carries all diagnostics of one pass."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics)
        errors = [d for d in self.diagnostics if d.severity is Severity.ERROR]
        summary = f"{len(errors)} error(s) in the content"
        super().__init__("\n".join([summary, *(d.format() for d in errors)]))
