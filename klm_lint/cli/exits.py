"""Exit codes, as Ruff and most linters use them."""

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
"""No error-severity finding; at least one; a usage, config or internal error."""
