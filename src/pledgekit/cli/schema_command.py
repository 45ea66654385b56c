"""``pledgekit schema``: the JSON Schema of pledge.yaml."""

from __future__ import annotations

from pledgekit.cli.options import OutputOption, handle_errors


@handle_errors
def schema(output: OutputOption = None) -> None:
    """Print the JSON Schema of pledge.yaml, for editors to autocomplete and check it.

    Example: pledgekit schema -o pledge.schema.json
    """
    import json

    from pledgekit.cli.output import emit
    from pledgekit.config.pledge import json_schema

    emit(json.dumps(json_schema(), indent=2) + "\n", output, force=True)
