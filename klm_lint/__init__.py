"""klm-lint: a front-matter linter and validator for the Kids Lives Matter website's content."""

__version__ = "0.1.0"
