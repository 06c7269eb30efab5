"""`klm-lint schema`: a collection's schema, or the config file's, as JSON Schema (2020-12)."""

from __future__ import annotations

import json
import sys
from pathlib import Path  # noqa: TC003 - typer reads the annotations at run time
from typing import Annotated, Optional

import typer

from klm_lint.cli.apps import command_app
from klm_lint.errors import UsageError

app = command_app()


@app.command()
def schema(
    collection: Annotated[
        Optional[str],  # noqa: UP045 - typer reads this annotation at run time
        typer.Argument(metavar="[COLLECTION]", help="The collection whose schema to print."),
    ] = None,
    config: Annotated[
        bool,
        typer.Option("--config", help="Print the JSON Schema of klm-lint.toml itself."),
    ] = False,
    config_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--config-file", metavar="FILE", help="Use this config file instead of looking for one."
        ),
    ] = None,
) -> None:
    """Print a collection's schema, or the config's, as JSON Schema (draft 2020-12).

    Editors (the YAML language server, Front Matter CMS) and other tools read it:
    klm-lint schema posts > posts.schema.json
    """
    if config:
        if collection is not None:
            raise UsageError("klm-lint schema: give a collection or --config, not both")
        from klm_lint.config.json_schema import config_json_schema

        document = config_json_schema()
    else:
        from klm_lint.api import open_site
        from klm_lint.site.json_schema import to_json_schema

        site = open_site(config=config_file)
        names = [each.name for each in site.collections]
        if collection is None:
            raise UsageError(
                f"klm-lint schema: name a collection ({', '.join(names)}), or --config"
            )
        found = next((each for each in site.collections if each.name == collection), None)
        if found is None:
            import difflib

            close = difflib.get_close_matches(collection, names, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]}?" if close else ""
            raise UsageError(
                f"klm-lint schema: no collection {collection!r}{hint} The collections are "
                f"{', '.join(names)}."
            )
        document = to_json_schema(found.schema, f"{found.name} ({found.schema.name})")
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
