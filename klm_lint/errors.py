"""Errors a user can cause. The CLI prints their one-line message and exits with 2."""

from __future__ import annotations


class KlmLintError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(KlmLintError):
    """The configuration file is missing, unreadable or invalid."""


class UsageError(KlmLintError):
    """The command line asks for something that does not exist or does not fit together."""
