"""YAML files read into pydantic models, with every problem located by file, line and column.

Shared by ``pledge.yaml`` (:mod:`pledgekit.config.pledge`) and ``meeting.yaml``
(:mod:`pledgekit.config.meeting`) so both report typos, wrong types and missing keys the same way.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from pledgekit.config.yamlsource import Positions, YamlProblem, load_yaml, position_of
from pledgekit.model.codes import BAD_YAML, CONTROL_CHARACTERS, UNKNOWN_KEY
from pledgekit.model.errors import DefinitionError
from pledgekit.model.findings import Finding, finding
from pledgekit.model.location import Location
from pledgekit.model.plain_text import describe_controls, has_controls, without_controls

M = TypeVar("M", bound=BaseModel)


def _submodel(annotation: Any) -> type[BaseModel] | None:
    """The model inside a field's type (``list[Measure]``, ``Person | None``, ...), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _submodel(arg)
        if found is not None:
            return found
    return None


def model_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel]:
    """The model an error path ends in, to suggest the key names allowed there."""
    model = root
    for part in loc[:-1]:
        field = model.model_fields.get(part) if isinstance(part, str) else None
        child = _submodel(field.annotation) if field is not None else None
        if child is not None:
            model = child
    return model


def describe(loc: tuple[str | int, ...]) -> str:
    """An error path as users write it: ``pledges[0].measures[2].target``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _data_path(loc: tuple[str | int, ...], data: Any) -> tuple[str | int, ...]:
    """The error path without pydantic's union-branch labels (``float``, ``tuple[...]``)."""
    kept: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part.isidentifier():
            node = None  # a missing or unknown key: keep it, then stop descending
        else:
            continue
        kept.append(part)
    return tuple(kept)


def finding_from_error(
    name: str,
    positions: Positions,
    err: Any,
    data: Any,
    *,
    root: type[BaseModel],
    invalid_code: str,
) -> Finding:
    """One pydantic error as a located finding: unknown keys get a 'did you mean'."""
    loc = _data_path(err["loc"], data)
    line, col = position_of(positions, loc)
    where = Location(name, line=line, col=col)
    path_text = describe(loc)
    if err["type"] == "extra_forbidden":
        key = str(loc[-1])
        allowed = list(model_at(root, loc).model_fields)
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = (
            f"; did you mean {close[0]!r}?" if close else f"; expected one of: {', '.join(allowed)}"
        )
        return finding(
            UNKNOWN_KEY,
            f"unknown key {key!r} in {describe(loc[:-1]) or 'the top level'}{hint}",
            where,
            found=key,
            expected=", ".join(allowed),
        )
    message = err["msg"].removeprefix("Value error, ")
    found = err.get("input")
    if err["type"] == "missing":
        return finding(
            invalid_code, f"{path_text}: required key is missing", where, expected=str(loc[-1])
        )
    shown = found if not isinstance(found, (dict, list)) else None
    if shown is not None and len(text_of := str(shown)) > 60:  # a 400-digit number, a long text
        shown = f"{text_of[:40]}... ({len(text_of)} characters)"
    text = f"{path_text}: {message}" + (f" (found {shown!r})" if shown is not None else "")
    return finding(invalid_code, text, where, found=shown)


def findings_from_errors(
    name: str,
    positions: Positions,
    errors: list[Any],
    data: Any,
    *,
    root: type[BaseModel],
    invalid_code: str,
) -> list[Finding]:
    """One finding per place: a union's branch errors (number, or "10%") merge into one."""
    merged: dict[tuple[str | int, ...], list[Any]] = {}
    for err in errors:
        merged.setdefault(_data_path(err["loc"], data), []).append(err)
    findings = []
    for group in merged.values():
        first = finding_from_error(
            name, positions, group[0], data, root=root, invalid_code=invalid_code
        )
        if len(group) > 1:
            reasons = " or ".join(e["msg"].removeprefix("Value error, ") for e in group)
            first = replace(
                first,
                message=f"{first.message.split(':')[0]}: {reasons}"
                + (f" (found {first.found!r})" if first.found is not None else ""),
            )
        findings.append(first)
    return findings


def check_yaml_model(
    path: Path, model: type[M], *, invalid_code: str, expected: str
) -> tuple[M | None, Positions, list[Finding]]:
    """Read ``path`` and validate it as ``model``.

    Returns the model (None when invalid), the line and column of every key, and every problem
    as a finding. ``expected`` says what the top level should hold, for an empty or scalar file.
    Raises :class:`DefinitionError` when the file cannot be read at all.
    """
    name = str(path)
    try:
        data, positions = load_yaml(path)
    except FileNotFoundError as exc:
        raise DefinitionError(f"{name}: file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DefinitionError(f"{name}: cannot read the file ({exc})") from exc
    except YamlProblem as exc:
        loc = Location(name, line=exc.line, col=exc.col)
        return None, {}, [finding(BAD_YAML, exc.message, loc)]
    if not isinstance(data, dict):
        found = "an empty file" if data is None else type(data).__name__
        problem = finding(
            invalid_code, f"expected {expected}, found {found}", Location(name, line=1)
        )
        return None, positions, [problem]
    data, cleaned = _without_controls(data, (), positions, name)
    try:
        return model.model_validate(data), positions, cleaned
    except ValidationError as exc:
        problems = findings_from_errors(
            name, positions, exc.errors(), data, root=model, invalid_code=invalid_code
        )
        return None, positions, [*cleaned, *problems]


def _without_controls(
    data: Any, key: tuple[str | int, ...], positions: Positions, name: str
) -> tuple[Any, list[Finding]]:
    """``data`` with control characters ("\\e", "\\x00", "\\a" in a quoted YAML string) removed
    from every text, and a warning at each key where some were: no escape code may reach a
    terminal, a document or a workbook from YAML."""
    if isinstance(data, str):
        if not has_controls(data):
            return data, []
        line, col = position_of(positions, key)
        where = Location(name, line=line, col=col)
        what = ".".join(map(str, key)) or "text"
        message = f"{what}: {describe_controls(data)} removed"
        return without_controls(data), [finding(CONTROL_CHARACTERS, message, where)]
    found: list[Finding] = []
    if isinstance(data, dict):
        cleaned: dict[Any, Any] = {}
        for k, v in data.items():
            clean_key, more = _without_controls(k, (*key, str(k)), positions, name)
            cleaned[clean_key], deeper = _without_controls(v, (*key, str(k)), positions, name)
            found += more + deeper
        return cleaned, found
    if isinstance(data, list):
        items = []
        for index, item in enumerate(data):
            clean, more = _without_controls(item, (*key, index), positions, name)
            items.append(clean)
            found += more
        return items, found
    return data, []


def problems_error(path: Path | str, what: str, findings: list[Finding]) -> DefinitionError:
    """One :class:`DefinitionError` listing every finding with its line."""
    if len(findings) == 1:  # one problem, one located line
        only = findings[0]
        return DefinitionError(f"{only.location}: {what}: {only.message}")
    lines = "\n".join(f"  {f.location}: {f.message}" for f in findings)
    count = len(findings)
    return DefinitionError(
        f"{path}: {what} has {count} problem{'s' if count != 1 else ''}:\n{lines}"
    )
