"""``pledgekit schema``: the JSON Schema of pledge.yaml."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pledgekit.cli.options import ForceOption, OutputOption, handle_errors


@handle_errors
def schema(output: OutputOption = None, force: ForceOption = False) -> None:
    """Print the JSON Schema of pledge.yaml, for editors to autocomplete and check it.

    Example: pledgekit schema -o pledge.schema.json
    """
    import json

    from pledgekit.api import pledge_schema
    from pledgekit.cli.output import choose_output, emit
    from pledgekit.render.registry import Registry, json_format

    def schema_json(document: dict[str, Any]) -> str:
        return json.dumps(document, indent=2, allow_nan=False) + "\n"

    formats: Registry[Callable[[dict[str, Any]], str]] = Registry("schema", default="json")
    formats.add(json_format("JSON Schema", schema_json))
    chosen = choose_output(formats, None, output, force=force)
    emit(chosen.renderer(pledge_schema()), output, force=force)
