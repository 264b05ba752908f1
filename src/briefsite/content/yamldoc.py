"""YAML that remembers where each value came from, so errors can name the line.

PyYAML (with its C parser when present) composes the node tree, which carries line and
column marks, and builds the plain values from the same tree. Dates and timestamps are
deliberately left as strings: the validator parses them itself, so ``2021-02-30`` becomes a
precise message instead of an exception from deep inside the YAML library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loading without the implicit timestamp type."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

Path = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """Plain values plus the (line, column) of every key and item, 1-based."""

    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)  # of values
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)  # of mapping keys
    line_offset: int = 0
    # keys given twice in one mapping (YAML keeps the last one silently): (key, line, column)
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)

    def where(self, *path: str | int, key: bool = False) -> tuple[int, int]:
        """Position of the value at ``path`` (or of its key), or of its nearest parent."""
        table = self.key_positions if key else self.positions
        while path:
            if path in table:
                line, column = table[path]
                return line + self.line_offset, column
            path = path[:-1]
            table = self.positions
        return 1 + self.line_offset, 1


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def load(text: str, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document; ``line_offset`` shifts positions (front-matter after ``---``).

    The text is parsed once: the values are constructed from the node tree that gives the
    positions.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or str(error)
        tab = _tab_near(text, line, column)
        if tab:  # PyYAML says "found character '\t' that cannot start any token"
            line, column = tab
            problem = f"a tab character at line {line + line_offset}, column {column}: " + (
                "indent with spaces"
            )
        raise YamlSyntaxError(problem, line + line_offset, column) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(str(error), 1 + line_offset, 1) from None
    finally:
        loader.dispose()
    document = YamlDocument(data, line_offset=line_offset)
    if node is not None:
        _record(node, (), document)
    return document


def _tab_near(text: str, line: int, column: int) -> tuple[int, int] | None:
    """Where a tab caused a syntax error: at the error's mark, or in the indentation of its
    line or the line before (1-based line and column)."""
    lines = text.split("\n")
    if 0 < line <= len(lines) and lines[line - 1][column - 1 : column] == "\t":
        return line, column
    for number in (line, line - 1):
        if 0 < number <= len(lines):
            indent = lines[number - 1][: len(lines[number - 1]) - len(lines[number - 1].lstrip())]
            if "\t" in indent:
                return number, indent.index("\t") + 1
    return None


def _record(node: yaml.Node, path: Path, document: YamlDocument) -> None:
    document.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            child = (*path, key)
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key in seen:
                document.duplicates.append((key, line + document.line_offset, column))
            seen.add(key)
            document.key_positions[child] = (line, column)
            _record(value_node, child, document)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, (*path, index), document)
