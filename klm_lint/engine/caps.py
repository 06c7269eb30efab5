"""At most 100 findings of one rule in one file are listed; the 101st says how many more.

A hostile or broken file can hold hundreds of thousands of the same mistake (850,000 unclosed
tags fit in 10 MiB). Listing them all helps no one and costs memory for each, so past the cap
the findings are only counted, one at a time, and never kept.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice
from typing import TYPE_CHECKING

from klm_lint.records import replace

if TYPE_CHECKING:
    from collections.abc import Iterable

    from klm_lint.findings import Finding

MAX_PER_RULE = 100


def capped(findings: Iterable[Finding], into: list[Finding], listed: int = 0) -> bool:
    """Add one rule's findings in one file to `into`: the first MAX_PER_RULE, then, when there
    are more than one more, a finding at the place of the next that says how many were not
    listed. Whether some were not listed. `listed`: how many of them `into` holds already
    (the findings given are the rest)."""
    found = iter(findings)
    before = len(into) - listed
    into.extend(islice(found, MAX_PER_RULE - listed))
    if len(into) - before < MAX_PER_RULE:
        return False
    following = next(found, None)
    if following is None:
        return False
    rest = 1 + sum(1 for _ in found)
    into.append(following if rest == 1 else summary(following, rest))
    return rest > 1


def summary(first: Finding, rest: int) -> Finding:
    """The first finding past the cap, telling how many there are from it on."""
    message = (
        f"{first.message} This and {rest - 1:,} more {first.code} findings in this file are "
        f"not listed: klm-lint lists {MAX_PER_RULE} findings of a rule per file. Fix the ones "
        "above and run it again."
    )
    return replace(first, message=message)


def capped_by_rule(findings: list[Finding]) -> tuple[list[Finding], set[str]]:
    """A file's findings made all at once (the unused suppressions), capped rule by rule, and
    the codes that had findings left out."""
    if len(findings) <= MAX_PER_RULE + 1:
        return findings, set()
    counts = Counter(finding.code for finding in findings)
    over = {code for code, count in counts.items() if count > MAX_PER_RULE + 1}
    if not over:
        return findings, set()
    kept = [finding for finding in findings if finding.code not in over]
    for code in sorted(over):
        capped((finding for finding in findings if finding.code == code), kept)
    return kept, over
