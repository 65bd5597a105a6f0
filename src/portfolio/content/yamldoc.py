"""YAML to plain Python, remembering where every value came from.

PyYAML's constructors resolve YAML 1.1 scalars (`no` becomes False, `2025-02-30`
crashes on the calendar) and keep the last of two duplicate keys silently. We let the
fast C parser (`CSafeLoader`) compose the node tree and build the values ourselves,
with YAML 1.2 core-schema scalars: only `true`/`false` are booleans and dates stay
strings for the models to parse. Every value's line and column is recorded by its
path (`("indicators", 0, "target")`) so that model errors point at the user's text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C parser is much faster; fall back where libyaml is missing
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as Loader  # type: ignore[assignment]

from portfolio.errors import Problem

Path = tuple[str | int, ...]

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}
_STR_TAG = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")
}
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


@dataclass
class YamlDoc:
    """A parsed YAML document: its value, and where each part of it was written."""

    data: Any
    path: str
    value_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Path, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or its key) at `loc`, or of its nearest parent."""
        loc = tuple(loc)
        while True:
            marks = self.key_marks if key and loc in self.key_marks else self.value_marks
            if loc in marks:
                return marks[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]


def _plain(text: str) -> Any:
    """Resolve an unquoted scalar by the YAML 1.2 core schema."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text, 0) if text[:2] in ("0o", "0x") else int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    if text.lower() in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[text.lower()]
    return text


class _Builder:
    def __init__(self, doc: YamlDoc, line_offset: int) -> None:
        self.doc = doc
        self.offset = line_offset
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.aliased = False

    def mark(self, node: yaml.Node) -> tuple[int, int]:
        return (node.start_mark.line + 1 + self.offset, node.start_mark.column + 1)

    def fail(self, node: yaml.Node, message: str, hint: str = "") -> None:
        line, col = self.mark(node)
        self.problems.append(Problem(self.doc.path, line, col, message, hint))

    def build(self, node: yaml.Node, loc: Path) -> Any:
        self.doc.value_marks[loc] = self.mark(node)
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                self.fail(node, f"unsupported YAML tag `{node.tag}`", "remove the tag")
                return None
            # Plain (unquoted) scalars are typed by the core schema; quoted ones are text.
            return _plain(node.value) if node.style in (None, "") else node.value
        if id(node) in self.seen:
            if not self.aliased:  # once per file: a YAML bomb repeats them thousands of times
                self.aliased = True
                self.fail(
                    node,
                    "YAML anchors and aliases (`&name`, `*name`) are not supported",
                    "write the value out in full",
                )
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                self.fail(node, f"unsupported YAML tag `{node.tag}`", "remove the tag")
                return None
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        if node.tag != _MAP_TAG:
            self.fail(node, f"unsupported YAML tag `{node.tag}`", "remove the tag")
            return None
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, "a key must be plain text", "write the key as a word")
                continue
            key = key_node.value
            key_mark = self.mark(key_node)
            if key == "<<":
                self.fail(
                    key_node,
                    "YAML merge keys (`<<`) are not supported",
                    "write the keys out in full",
                )
                continue
            if key in result:
                self.fail(
                    key_node,
                    f"duplicate key `{key}`: also on line {first_line[key]}",
                    "keep one of the two",
                )
                continue
            first_line[key] = key_mark[0]
            self.doc.key_marks[(*loc, key)] = key_mark
            result[key] = self.build(value_node, (*loc, key))
        return result


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[YamlDoc, list[Problem]]:
    """Parse one YAML document; problems are returned, never raised."""
    doc = YamlDoc(data=None, path=path)
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        col = (mark.column + 1) if mark else 1
        what = " ".join(s for s in (exc.context, exc.problem) if s)
        found = text[mark.index] if mark and mark.index < len(text) else ""
        hint = "indent with spaces, not tabs" if found == "\t" else _syntax_hint(what)
        return doc, [Problem(path, line, col, f"YAML syntax error: {what}", hint)]
    except yaml.YAMLError as exc:  # e.g. a control character the reader refuses
        return doc, [
            Problem(
                path,
                1 + line_offset,
                1,
                f"YAML error: {exc}",
                "remove the character or quote the value",
            )
        ]
    if root is None:
        doc.data = {}
        return doc, []
    builder = _Builder(doc, line_offset)
    doc.data = builder.build(root, ())
    return doc, builder.problems


def _syntax_hint(what: str) -> str:
    if "mapping values are not allowed" in what:
        return 'quote a value that contains `: ` (for example `title: "Lead: payments"`)'
    if "expected a single document" in what:
        return "a file holds one YAML document: remove the extra `---`"
    if "could not find expected ':'" in what:
        return "every line of a mapping needs `key: value`"
    return "check the indentation and quoting around this point"
