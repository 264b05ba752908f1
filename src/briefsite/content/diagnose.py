"""Collecting problems at their file, line and column, and the hints that go with them.

Shared by the registry reader and the bulletin reader, so that every message reads alike.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from ..errors import Diagnostic, Severity
from ..text import is_blank, slugify
from . import yamldoc

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YAML_HINT = (
    "check the indentation and quoting on this line; text containing ': ' or starting "
    "with a quote must be put in double quotes"
)


MAX_PROBLEMS = 100  # per file: past this, a file is broken throughout and more is noise


class Collector:
    """Diagnostics for one file, positioned through its YAML document.

    At most ``MAX_PROBLEMS`` are kept, then one closing error says so; loops over a file's
    items ask ``full`` to stop early (a list of 100,000 unknown ids would otherwise cost a
    did-you-mean search each).
    """

    def __init__(self, path: str, document: yamldoc.YamlDocument | None = None) -> None:
        self.path = path
        self.document = document
        self.diagnostics: list[Diagnostic] = []

    @property
    def full(self) -> bool:
        return len(self.diagnostics) >= MAX_PROBLEMS

    def at(self, line: int, column: int, message: str, hint: str = "", *, warning=False) -> None:
        if self.full:
            return
        severity = Severity.WARNING if warning else Severity.ERROR
        self.diagnostics.append(Diagnostic(self.path, line, column, severity, message, hint))
        if self.full:
            self.diagnostics.append(
                Diagnostic(
                    self.path,
                    line,
                    column,
                    Severity.ERROR,
                    f"more than {MAX_PROBLEMS} problems in this file; the rest are not shown",
                    "fix these first, then run the check again",
                )
            )

    def yaml_error(self, error: yamldoc.YamlSyntaxError) -> None:
        """A YAML text that cannot be read, or is refused (aliases, depth, long numbers)."""
        if isinstance(error, yamldoc.YamlRefused):
            self.at(error.line, error.column, error.message, error.hint)
        else:
            self.at(error.line, error.column, f"YAML syntax: {error.message}", YAML_HINT)

    def field(
        self, path: tuple[str | int, ...], message: str, hint: str = "", *, key=False, **kw: Any
    ) -> None:
        """A problem with the value at ``path`` (or with the key itself, ``key=True``)."""
        line, column = self.document.where(*path, key=key) if self.document else (1, 1)
        self.at(line, column, message, hint, **kw)


# --- reading files -----------------------------------------------------------------------


def read_text(path: Path, collector: Collector) -> str | None:
    """A file's text as UTF-8 with LF line ends; a BOM and CRLF are accepted and dropped."""
    return decode_text(path.read_bytes(), collector)


def decode_text(data: bytes, collector: Collector) -> str | None:
    """``read_text`` for bytes already in memory."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        collector.at(
            line,
            column,
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be decoded)",
            "save the file as UTF-8 (most editors: 'Save with encoding' -> UTF-8)",
        )
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def close_matches(value: str, choices: dict[str, str]) -> str:
    """A did-you-mean hint: ``choices`` maps each spelling (id or alias) to its id."""
    if value in choices and choices[value] != value:
        return f"did you mean '{choices[value]}'? ('{value}' is how sources spell it)"
    folded = {spelling.casefold(): entity for spelling, entity in choices.items()}
    if value.casefold() in folded:
        return f"did you mean '{folded[value.casefold()]}'?"
    best = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    if not best:
        best = difflib.get_close_matches(slugify(value), list(choices), n=1, cutoff=0.6)
    return f"did you mean '{choices[best[0]]}'?" if best else ""


def type_name(value: object) -> str:
    return {
        dict: "a mapping",
        list: "a list",
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
    }.get(type(value), type(value).__name__)


def shown(value: object, limit: int = 80) -> str:
    """A value as a message quotes it, cut short so that a huge value cannot flood the output."""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= limit else f"{text[:limit]}..."


def string_list(value: Any, where: tuple, out: Collector) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, str):
        out.field(where, f"'{where[-1]}' must be a list", f"write [{shown(value)}]")
        return None
    if not isinstance(value, list):
        out.field(where, f"'{where[-1]}' must be a list, not {type_name(value)}")
        return None
    items = []
    for position, item in enumerate(value):
        if out.full:
            return None
        if not isinstance(item, str) or is_blank(item):
            out.field((*where, position), f"'{where[-1]}' item {position + 1} must be text")
            return None
        items.append(item.strip())
    return items
