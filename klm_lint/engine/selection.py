"""Which rules run, at which severity, for which files: config and command line combined."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.checks import ALL_RULES
from klm_lint.checks.names import rule_named, suggestion
from klm_lint.errors import ConfigError, UsageError
from klm_lint.findings import Severity
from klm_lint.records import value_record
from klm_lint.site.site import gitignore

if TYPE_CHECKING:
    from collections.abc import Iterable

    from klm_lint.config.model import Config
    from klm_lint.site.patterns import Patterns


UNREADABLE_FILE_CODES = frozenset({"KLM000", "KLM002", "KLM003", "KLM005", "KLM006"})
"""A file that cannot be read is always reported, whatever --select says, unless ignored by name:
otherwise a narrow selection would pass a file that no rule could look at."""


_NONE: frozenset[str] = frozenset()


@value_record
class Selection:
    enabled: frozenset[str]
    severities: dict[str, Severity]
    per_file_ignores: tuple[tuple[Patterns, frozenset[str]], ...]
    configured: frozenset[str] = frozenset()
    """Rules whose severity the config sets: it replaces the severity of each of their findings
    (otherwise a finding keeps its own, which may be above the rule's default)."""

    def ignored_for(self, site_path: str) -> frozenset[str]:
        if not self.per_file_ignores:
            return _NONE
        ignored: set[str] = set()
        for spec, codes in self.per_file_ignores:
            if site_path and spec.match_file(site_path):
                ignored |= codes
        return frozenset(ignored)


def resolve_codes(
    items: Iterable[str], where: str, error: type[UsageError | ConfigError]
) -> set[str]:
    """Codes for a list of codes, code prefixes (KLM1), rule names, or ALL."""
    codes: set[str] = set()
    for item in (part.strip() for part in items):
        if not item:
            continue
        named = rule_named(item)
        matched = {
            rule.code
            for rule in ALL_RULES
            if item.upper() == "ALL" or rule.code.startswith(item.upper()) or rule is named
        }
        if not matched:
            meant = suggestion(item)
            hint = f": did you mean {meant}?" if meant else ""
            raise error(
                f"unknown rule {item!r} in {where}{hint} (klm-lint --list-rules shows them all)"
            )
        codes |= matched
    return codes


def build_selection(
    config: Config,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    extend_select: list[str] | None = None,
) -> Selection:
    """The rules to run: --select (else the config's select, else every rule), plus both
    extend-selects, plus the loading rules, minus the config's ignore and --ignore."""
    if select:
        enabled = resolve_codes(select, "--select", UsageError)
    elif config.select:
        enabled = resolve_codes(config.select, "the config's select", ConfigError)
    else:
        enabled = {rule.code for rule in ALL_RULES}
    enabled |= resolve_codes(config.extend_select, "the config's extend-select", ConfigError)
    enabled |= resolve_codes(extend_select or [], "--extend-select", UsageError)
    enabled |= UNREADABLE_FILE_CODES
    enabled -= resolve_codes(config.ignore, "the config's ignore", ConfigError)
    enabled -= resolve_codes(ignore or [], "--ignore", UsageError)
    severities = {rule.code: rule.severity for rule in ALL_RULES}
    configured: set[str] = set()
    for item, level in config.severity.items():
        for code in resolve_codes([item], "the config's severity", ConfigError):
            severities[code] = Severity(level)
            configured.add(code)
    per_file = tuple(
        (
            gitignore([pattern], "per-file-ignores"),
            frozenset(resolve_codes(codes, "per-file-ignores", ConfigError)),
        )
        for pattern, codes in config.per_file_ignores.items()
    )
    return Selection(frozenset(enabled), severities, per_file, frozenset(configured))
