"""The version of klm-lint, in one place."""

__version__ = "0.1.0"
