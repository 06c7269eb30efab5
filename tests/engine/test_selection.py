from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from klm_lint.config.model import Config
from klm_lint.engine.selection import UNREADABLE_FILE_CODES, build_selection
from klm_lint.errors import ConfigError, UsageError
from tests.test_cli import BAD_POST, klm_lint

if TYPE_CHECKING:
    from tests.conftest import SiteBuilder


def enabled(config: Config, **choices: list[str]) -> set[str]:
    return set(build_selection(config, **choices).enabled)


def test_extend_select_adds_to_the_select_in_force() -> None:
    assert (
        enabled(Config(), select=["KLM104"], extend_select=["KLM201"])
        == {
            "KLM104",
            "KLM201",
        }
        | UNREADABLE_FILE_CODES
    )
    config = Config(select=["KLM104"], extend_select=["asset-missing"])
    assert enabled(config) == {"KLM104", "KLM201"} | UNREADABLE_FILE_CODES
    assert enabled(config, select=["KLM105"]) == {"KLM105", "KLM201"} | UNREADABLE_FILE_CODES


def test_ignore_wins_over_every_select() -> None:
    config = Config(extend_select=["KLM201"], ignore=["KLM201"])
    assert "KLM201" not in enabled(config, select=["KLM2"])
    assert "KLM003" not in enabled(Config(), select=["KLM104"], ignore=["KLM003"])


def test_loading_rules_report_whatever_select_says() -> None:
    assert enabled(Config(), select=["draft-flag"]) == {"KLM104"} | UNREADABLE_FILE_CODES


def test_unknown_rules_name_where_they_are() -> None:
    with pytest.raises(UsageError, match="in --extend-select: did you mean KLM104"):
        build_selection(Config(), extend_select=["KLM1O4"])
    with pytest.raises(ConfigError, match="in the config's extend-select: did you mean"):
        build_selection(Config(extend_select=["drat-flag"]))


def codes(site: SiteBuilder, *arguments: str) -> list[str]:
    result = klm_lint("--format", "json", *arguments, cwd=site.root)
    return [finding["code"] for finding in json.loads(result.stdout)["findings"]]


def test_extend_options_on_the_command_line(site: SiteBuilder) -> None:
    site.post(BAD_POST.replace("title: Community engagement.\n", ""))
    assert codes(site, "--select", "KLM101", "--extend-select", "draft-flag") == [
        "KLM101",
        "KLM104",
    ]
    assert codes(site, "--extend-ignore", "KLM104") == ["KLM101"]
    site.config('select = ["KLM101"]\nextend-select = ["KLM104"]\n')
    assert codes(site) == ["KLM101", "KLM104"]
