"""The lint command's choices: read by its typer definition and by the fast path alike."""

from __future__ import annotations

from enum import Enum


class OutputFormat(str, Enum):
    auto = "auto"
    full = "full"
    concise = "concise"
    json = "json"
    json_lines = "json-lines"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    gitlab = "gitlab"
    rdjson = "rdjson"


class ColorChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"
