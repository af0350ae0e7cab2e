"""What the file validators in tools/ share: JSON paths as users read them, a report of errors and warnings, JSON
read with duplicate keys noticed, and the useful branch of a schema error. Each validator words its own messages
(validate_bundle.py in English, validate_methodology.py in Italian)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterable

from jsonschema import ValidationError
from jsonschema.exceptions import best_match

_IDENT = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def fmt_path(parts: Iterable[Any], root: str = "$") -> str:
    """`indicators.date.lateStep`, `values[3].nodeKey`, `["chiave con spazi"]`; `root` for the document itself."""
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        elif _IDENT.fullmatch(str(p)):
            out += ("." if out else "") + str(p)
        else:
            out += "[" + json.dumps(str(p), ensure_ascii=False) + "]"
    return out or root


class Report:
    def __init__(self, name: str, root: str = "$"):
        self.name = name
        self.root = root
        self.errors: list[tuple[str, str]] = []
        self.warnings: list[tuple[str, str]] = []

    def error(self, path: Iterable[Any] | str, message: str) -> None:
        self.errors.append((path if isinstance(path, str) else fmt_path(path, self.root), message))

    def warn(self, path: Iterable[Any] | str, message: str) -> None:
        self.warnings.append((path if isinstance(path, str) else fmt_path(path, self.root), message))


class Unreadable(Exception):
    """The file could not be read (`reason` "json" with line and column, or "read")."""

    def __init__(self, reason: str, detail: str, line: int = 0, column: int = 0):
        super().__init__(detail)
        self.reason, self.detail, self.line, self.column = reason, detail, line, column


def read_json(path: Path) -> tuple[Any, list[str]]:
    """The document and the keys that appear twice in one object (JSON keeps only the last)."""
    duplicates: list[str] = []

    def hook(pairs):
        seen = {}
        for k, v in pairs:
            if k in seen:
                duplicates.append(k)
            seen[k] = v
        return seen

    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f, object_pairs_hook=hook), sorted(set(duplicates))
    except json.JSONDecodeError as e:
        raise Unreadable("json", e.msg, e.lineno, e.colno) from e
    except (OSError, UnicodeDecodeError) as e:
        raise Unreadable("read", str(e)) from e


def leaf_errors(err: ValidationError) -> list[ValidationError]:
    """Unwrap "X or null" (anyOf): when the value is not null, the errors of the X branch are the useful ones."""
    if err.validator in ("anyOf", "oneOf") and err.context:
        branches = err.validator_value
        kept = [e for e in err.context
                if not (e.relative_schema_path and isinstance(e.relative_schema_path[0], int)
                        and branches[e.relative_schema_path[0]] == {"type": "null"})]
        if kept and len({e.relative_schema_path[0] for e in kept}) == 1:
            return [leaf for e in kept for leaf in leaf_errors(e)]
        return leaf_errors(best_match(err.context))
    return [err]
