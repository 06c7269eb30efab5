"""The JSON Schema (draft 2020-12) of klm-lint.toml, for SchemaStore and TOML editors."""

from __future__ import annotations

from typing import Any

from klm_lint.config.model import Config

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def config_json_schema() -> dict[str, Any]:
    generated = Config.model_json_schema(by_alias=True, mode="validation")
    document: dict[str, Any] = {
        "$schema": DIALECT,
        "title": "klm-lint.toml",
        "description": (
            "The configuration of klm-lint, a front-matter linter for static-site content "
            "(klm-lint.toml, .klm-lint.toml, or [tool.klm-lint] in pyproject.toml)."
        ),
    }
    document.update({key: value for key, value in generated.items() if key != "title"})
    return document
