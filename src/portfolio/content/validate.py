"""Turn parsed files into models, and every pydantic error into a located Problem.

Pydantic knows *what* is wrong (`loc`, `type`); the `YamlDoc` knows *where* it was
written. This module joins the two and adds the fix a person needs: "did you mean
`title`?", "write `true` or `false`".
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from portfolio.content.read import SourceFile
from portfolio.content.yamldoc import Path
from portfolio.errors import Problem

M = TypeVar("M", bound=BaseModel)
_YES_NO = {"yes", "no", "on", "off", "y", "n", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF"}
RESERVED = ("id", "source", "body")  # filled in from the file, never written by the user


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest of `choices` to a misspelt `word`, if any is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def _model_class(annotation: Any) -> type[BaseModel] | None:
    """The model class an annotation holds, through Optional, tuple and dict."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_class(typing.get_args(annotation)[0])
    if origin in (tuple, list, dict, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if found := _model_class(arg):
                return found
    return None


def _model_at(cls: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel]:
    for part in loc:
        if isinstance(part, str) and part in cls.model_fields:
            inner = _model_class(cls.model_fields[part].annotation)
            if inner is None:
                break
            cls = inner
    return cls


def _user_keys(cls: type[BaseModel]) -> list[str]:
    return [k for k in cls.model_fields if k not in RESERVED]


def _clean_loc(loc: tuple[Any, ...], data: Any) -> tuple[Path, bool]:
    """Drop pydantic's union and validator tags from `loc`; say if it ends at a dict key."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if part == "[key]":
            return tuple(path), True
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str):
            node = None  # a missing key: name it, nothing lies below
        else:
            continue  # a tag pydantic adds for a union member or a validator
        path.append(part)
    return tuple(path), False


def _name(loc: Path) -> str:
    keys = [p for p in loc if isinstance(p, str)]
    if not keys:
        return "this file"
    name = f"`{keys[-1]}`"
    if isinstance(loc[-1], int):
        name += f" item {loc[-1] + 1}"
    return name


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"`{value}`"


def _explain(
    err: dict[str, Any], loc: Path, cls: type[BaseModel], at_key: bool = False
) -> tuple[str, str]:
    """(message, hint) for one pydantic error."""
    kind = err["type"]
    value = err.get("input")
    name = _name(loc)
    key = loc[-1] if loc and isinstance(loc[-1], str) else None
    if kind == "extra_forbidden" and key is not None:
        owner = _model_at(cls, loc[:-1])
        if key in RESERVED:
            return f"`{key}` cannot be set here", f"the {key} comes from the file; remove the key"
        close = suggest(key, _user_keys(owner))
        hint = (
            f"did you mean `{close}`?"
            if close
            else "allowed keys: " + ", ".join(f"`{k}`" for k in _user_keys(owner))
        )
        return f"unknown key `{key}`", hint
    if kind == "missing":
        return f"missing required key {name}", f"add `{key}: ...`"
    if kind in ("bool_type", "bool_parsing"):
        if isinstance(value, str) and value in _YES_NO:
            return (
                f"{name} is `{value}`, which is text, not a boolean",
                "booleans are written `true` or `false`",
            )
        return f"{name} must be `true` or `false`, not {_show(value)}", "write `true` or `false`"
    if kind in ("literal_error", "enum"):
        expected = err.get("ctx", {}).get("expected", "")
        choices = [c.strip(" '") for c in expected.replace(" or ", ",").split(",") if c.strip()]
        close = suggest(str(value), choices) if isinstance(value, str) else None
        hint = (
            f"did you mean `{close}`?"
            if close
            else "use one of: " + ", ".join(f"`{c}`" for c in choices)
        )
        return f"{name} cannot be {_show(value)}", hint
    if kind == "string_pattern_mismatch":
        if "a-z0-9" in str(err.get("ctx", {}).get("pattern", "")):
            return (
                f"{name}: {_show(value)} is not a valid id",
                "ids are lowercase letters, digits and hyphens, like `lead-team-of-six`",
            )
        return f"{name}: {_show(value)} is not in the expected form", _pattern_hint(key)
    if kind in ("string_type", "string_too_short"):
        if kind == "string_too_short" or value is None:
            return f"{name} is empty", f"write a value after `{key}:` or remove the key"
        return f"{name} must be text, not {_show(value)}", "write a single line of text"
    if kind in ("float_type", "float_parsing", "int_type", "int_parsing", "int_from_float"):
        want = "a whole number" if kind.startswith("int") else "a number"
        return f"{name} must be {want}, not {_show(value)}", "write digits only, like `42` or `4.2`"
    if kind in ("tuple_type", "list_type"):
        return f"{name} must be a list, not {_show(value)}", f"write `{key}: [a, b]`"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return (
            f"{name} must be a mapping of `key: value` lines, not {_show(value)}",
            "indent the keys below it",
        )
    if kind in ("greater_than", "greater_than_equal"):
        return f"{name} must be greater than {err['ctx'].get('gt', 0)}", "use a positive number"
    if kind == "value_error":
        message = str(err["msg"]).removeprefix("Value error, ")
        hint = getattr(err.get("ctx", {}).get("error"), "hint", None) or _value_hint(message)
        return (f"{name}: {message}" if loc and not at_key else message), hint
    return f"{name}: {err['msg']}", "see FORMAT.md for this key"


def _pattern_hint(key: str | None) -> str:
    return {
        "base_url": "write a path like `/` or a URL like `https://ada.github.io/portfolio/`",
        "language": "write a language tag like `en`, `de` or `en-GB`",
        "cname": "write a domain name like `ada.example.com`",
    }.get(key or "", "see FORMAT.md for this key")


def _value_hint(message: str) -> str:
    if "not a date" in message:
        return "write a real date as YYYY-MM-DD, YYYY-MM or YYYY"
    if "either" in message:
        return "remove one of the two"
    return "see FORMAT.md for this key"


def to_model(
    source: SourceFile, cls: type[M], extra: dict[str, Any], problems: list[Problem]
) -> M | None:
    """Validate one file's data as `cls`; append located problems on failure."""
    data = source.doc.data
    try:
        return cls.model_validate({**data, **extra})
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        located: list[tuple[Path, bool, dict[str, Any]]] = []
        for error in errors:
            loc, at_key = _clean_loc(error["loc"], data)
            located.append((loc, at_key, dict(error)))
        # `titel` unknown and `title` missing are one mistake: report the misspelling only.
        suggested = {
            (loc[:-1], suggest(str(loc[-1]), _user_keys(_model_at(cls, loc[:-1]))))
            for loc, _, err in located
            if err["type"] == "extra_forbidden" and loc
        }
        seen: set[tuple[Path, str]] = set()
        for loc, at_key, err in located:
            if err["type"] == "missing" and loc and (loc[:-1], loc[-1]) in suggested:
                continue
            if err["type"] == "extra_forbidden" and loc and loc[-1] in RESERVED:
                at_key = True
            message, hint = _explain(err, loc, cls, at_key)
            if (loc, message) in seen:
                continue
            seen.add((loc, message))
            want_key = at_key or err["type"] in ("extra_forbidden", "missing")
            line, col = source.doc.where(loc, key=want_key)
            problems.append(Problem(source.path, line, col, message, hint))
        return None
