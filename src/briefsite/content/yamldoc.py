"""YAML that remembers where each value came from, so errors can name the line.

PyYAML (with its C parser when present) composes the node tree, which carries line and
column marks, and builds the plain values from the same tree. Dates and timestamps are
deliberately left as strings: the validator parses them itself, so ``2021-02-30`` becomes a
precise message instead of an exception from deep inside the YAML library.

Hostile YAML is refused before anything is built from it: an alias (``*name``) anywhere,
since bulletins and registries never need one and aliases are what "billion laughs" bombs
and self-referencing values are made of; nesting deeper than ``MAX_DEPTH``; and numbers of
more than ``MAX_NUMBER_CHARS`` characters (Python refuses to convert an integer of more than
4,300 digits, and no issue or volume number is that long).
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

MAX_DEPTH = 20  # a bulletin needs 3 levels (speakers -> item -> role), a registry 3
MAX_NUMBER_CHARS = 30
_ALIAS_HINT = "write the value out in full: aliases (*name) are not allowed here"
_DEPTH_HINT = "a bulletin's fields are at most three levels deep; check the brackets"
_NUMBER_HINT = "write the number in double quotes if it is text, or check it"


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int:
    """PyYAML's integers, refused past ``MAX_NUMBER_CHARS`` instead of raising ValueError."""
    if len(node.value) > MAX_NUMBER_CHARS:
        mark = node.start_mark
        raise YamlRefused(
            f"a number of {len(node.value)} characters is too long (at most {MAX_NUMBER_CHARS})",
            mark.line + 1,
            mark.column + 1,
            _NUMBER_HINT,
        )
    return yaml.SafeLoader.construct_yaml_int(loader, node)


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
    """YAML that cannot be read (or is refused), at its 1-based line and column."""

    def __init__(self, message: str, line: int, column: int, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint


class YamlRefused(YamlSyntaxError):
    """Valid YAML that is refused: an alias, nesting too deep, a number too long."""


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def _refuse_hostile(text: str, line_offset: int) -> None:
    """Read the event stream once (no values built) and refuse aliases and deep nesting."""
    loader = _Loader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            mark = event.start_mark
            if isinstance(event, yaml.AliasEvent):
                raise YamlRefused(
                    f"alias '*{event.anchor[:40]}' is not allowed",
                    mark.line + 1 + line_offset,
                    mark.column + 1,
                    _ALIAS_HINT,
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlRefused(
                        f"the values are nested more than {MAX_DEPTH} levels deep",
                        mark.line + 1 + line_offset,
                        mark.column + 1,
                        _DEPTH_HINT,
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        # PyYAML 6.0.4 refuses deep flow nesting itself, while scanning ahead of the events
        if "nesting depth" in str(error.problem):
            line, column = _deep_flow_at(text) or (
                error.problem_mark.line,
                error.problem_mark.column,
            )
            raise YamlRefused(
                f"the values are nested more than {MAX_DEPTH} levels deep",
                line + 1 + line_offset,
                column + 1,
                _DEPTH_HINT,
            ) from None
        return  # a syntax error: the full parse below reports it at its place
    except yaml.YAMLError:
        return  # a syntax error: the full parse below reports it at its place
    finally:
        loader.dispose()


def _deep_flow_at(text: str) -> tuple[int, int] | None:
    """Where brackets (``[`` ``{``, outside quotes) first nest deeper than ``MAX_DEPTH``,
    counting the document's root mapping as the first level: 0-based line and column."""
    depth, quote, line, start = 1, "", 0, 0
    for position, character in enumerate(text):
        if character == "\n":
            line, start = line + 1, position + 1
        elif quote:
            quote = "" if character == quote else quote
        elif character in "\"'":
            quote = character
        elif character in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line, position - start
        elif character in "]}":
            depth -= 1
    return None


def _reader_error(text: str, error: yaml.reader.ReaderError, offset: int) -> YamlSyntaxError:
    """PyYAML names the character position only; say line and column, and which character."""
    position = min(error.position, len(text))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    character = error.character if isinstance(error.character, str) else chr(error.character)
    return YamlSyntaxError(
        f"the character U+{ord(character):04X} is not allowed in YAML", line + offset, column
    )


def load(text: str, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document; ``line_offset`` shifts positions (front-matter after ``---``).

    The values are constructed from the node tree that gives the positions, after a first
    pass over the events has refused aliases and deep nesting (so that neither the tree nor
    the walk over it can grow beyond the size of the text).
    """
    _refuse_hostile(text, line_offset)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except YamlRefused as error:
        line = error.line + line_offset
        raise YamlRefused(error.message, line, error.column, error.hint) from None
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
    except yaml.reader.ReaderError as error:  # a character YAML does not allow
        raise _reader_error(text, error, line_offset) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(str(error), 1 + line_offset, 1) from None
    finally:
        loader.dispose()
    document = YamlDocument(data, line_offset=line_offset)
    if node is not None:
        _record(node, document)
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


def _record(root: yaml.Node, document: YamlDocument) -> None:
    """Positions of every value and key, in document order, walking the tree with a stack
    (not recursion); children are pushed last first so that they are visited in order."""
    pending: list[tuple[yaml.Node, Path]] = [(root, ())]
    while pending:
        node, path = pending.pop()
        mark = node.start_mark
        document.positions.setdefault(path, (mark.line + 1, mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            children = []
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
                child = (*path, key)
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                if key in seen:
                    document.duplicates.append((key, line + document.line_offset, column))
                seen.add(key)
                document.key_positions[child] = (line, column)
                children.append((value_node, child))
            pending.extend(reversed(children))
        elif isinstance(node, yaml.SequenceNode):
            items = [(item, (*path, index)) for index, item in enumerate(node.value)]
            pending.extend(reversed(items))
