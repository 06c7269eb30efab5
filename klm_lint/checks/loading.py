"""Rules the engine reports itself rather than through a check function.

The loading rules fire while reading a file: when one does, the file cannot be read as a post,
so no other rule runs on it. KLM900 and KLM901 are reported after the checks, when suppressions are
applied.
"""

from __future__ import annotations

from klm_lint.checks.rule import Rule
from klm_lint.findings import Applicability, Severity

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

UNUSED_SUPPRESSION = Rule(
    "KLM900",
    "unused-suppression",
    Severity.WARNING,
    "A klm-lint suppression comment silences nothing.",
    fix=Applicability.SAFE,
)
UNKNOWN_SUPPRESSION = Rule(
    "KLM901",
    "unknown-suppression",
    Severity.WARNING,
    "A klm-lint suppression comment names a rule that does not exist.",
)

LOADING_RULES = (
    INTERNAL_ERROR,
    FRONT_MATTER_MISSING,
    FRONT_MATTER_INVALID,
    FILE_ENCODING,
    FILE_TOO_LARGE,
    FILE_UNREADABLE,
)
