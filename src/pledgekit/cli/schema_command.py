"""``pledgekit schema``: the JSON Schema of pledge.yaml."""

from __future__ import annotations

from typing import Any

from pledgekit.cli.options import ForceOption, OutputOption, handle_errors


@handle_errors
def schema(output: OutputOption = None, force: ForceOption = False) -> None:
    """Print the JSON Schema of pledge.yaml, for editors to autocomplete and check it.

    Example: pledgekit schema -o pledge.schema.json
    """
    import json

    from pledgekit.api import pledge_schema
    from pledgekit.cli.output import emit, prepare
    from pledgekit.render.registry import OutputFormat

    def schema_json(document: dict[str, Any]) -> str:
        return json.dumps(document, indent=2, allow_nan=False) + "\n"

    json_file = OutputFormat("json", "JSON Schema", schema_json, suffixes=(".json",))
    prepare(output, force=force, fmt=json_file)
    emit(json_file.renderer(pledge_schema()), output, force=force)
