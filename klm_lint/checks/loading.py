"""Rules reported while reading a file, before any check runs.

When one of these fires, the file cannot be read as a post, so no other rule runs on it.
"""

from __future__ import annotations

from klm_lint.findings import Severity
from klm_lint.rule import Rule

INTERNAL_ERROR = Rule(
    "KLM000", "internal-error", Severity.ERROR, "A rule failed unexpectedly on this file."
)
FRONT_MATTER_MISSING = Rule(
    "KLM001", "front-matter-missing", Severity.ERROR, "A content file has no front matter."
)
FRONT_MATTER_INVALID = Rule(
    "KLM002", "front-matter-invalid", Severity.ERROR, "The front matter does not parse."
)
FILE_ENCODING = Rule("KLM003", "file-encoding", Severity.ERROR, "The file is not valid UTF-8.")
FILE_TOO_LARGE = Rule(
    "KLM005",
    "file-too-large",
    Severity.ERROR,
    "The file or its front matter is too large to check.",
)
FILE_UNREADABLE = Rule(
    "KLM006", "file-unreadable", Severity.ERROR, "The file or folder cannot be read."
)

LOADING_RULES = (
    INTERNAL_ERROR,
    FRONT_MATTER_MISSING,
    FRONT_MATTER_INVALID,
    FILE_ENCODING,
    FILE_TOO_LARGE,
    FILE_UNREADABLE,
)
