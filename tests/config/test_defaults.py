"""The config of a run without a config file is the model's defaults, field by field."""

from __future__ import annotations

import pprint

from klm_lint.config.defaults import DEFAULTS, default_config
from klm_lint.config.discovery import load_config
from klm_lint.config.model import Config


def test_the_defaults_are_the_models() -> None:
    dumped = Config().model_dump()
    assert list(DEFAULTS.items()) == list(dumped.items()), (
        "klm_lint/config/defaults.py is out of date; set DEFAULTS to:\n" + pprint.pformat(dumped)
    )
    assert Config().model_dump(mode="json") == dumped


def test_the_default_config_reads_as_the_model_does() -> None:
    model = Config()
    plain = load_config(None).config
    for name in type(model).model_fields:
        assert getattr(plain, name) == getattr(model, name)
    assert plain.model_fields_set == model.model_fields_set == set()
    for options in ({}, {"mode": "json"}, {"by_alias": True}, {"exclude_unset": True}):
        assert plain.model_dump(**options) == model.model_dump(**options)


def test_a_copy_with_changes_reads_as_the_models() -> None:
    update = {"respect_gitignore": False, "content": ["docs"]}
    model = Config().model_copy(update=update)
    plain = default_config().model_copy(update=update)
    assert plain.model_dump() == model.model_dump()
    assert plain.model_fields_set == model.model_fields_set
    assert plain.model_dump(exclude_unset=True) == model.model_dump(exclude_unset=True)


def test_each_default_config_has_its_own_values() -> None:
    first, second = default_config(), default_config()
    first.content.append("docs")
    assert second.content == ["content"]
