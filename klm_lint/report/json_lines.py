"""One JSON object per line per finding, with the same fields as the json report's findings."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from klm_lint.report.json import finding_dict

if TYPE_CHECKING:
    from typing import TextIO

    from klm_lint.engine.result import Result
    from klm_lint.report import ReportOptions


def render(result: Result, stream: TextIO, options: ReportOptions) -> None:
    stream.writelines(json.dumps(finding_dict(finding)) + "\n" for finding in result.findings)
