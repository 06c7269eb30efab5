"""Every rule, in code order. A new rule is one function in a family module and one line here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from klm_lint.checks import (
    assets,
    author_inconsistent,
    body,
    components,
    duplicate_description,
    duplicate_slug,
    duplicate_title,
    fields,
    frontmatter,
    internal_links,
    loading,
    schedule,
    values,
)

if TYPE_CHECKING:
    from klm_lint.checks.rule import Rule

ALL_RULES: tuple[Rule, ...] = (
    loading.INTERNAL_ERROR,
    loading.FRONT_MATTER_MISSING,
    loading.FRONT_MATTER_INVALID,
    loading.FILE_ENCODING,
    frontmatter.duplicate_key,
    loading.FILE_TOO_LARGE,
    loading.FILE_UNREADABLE,
    frontmatter.yaml_portability,
    fields.required_field,
    fields.field_type,
    fields.date_format,
    fields.draft_flag,
    fields.unknown_field,
    fields.empty_field,
    values.value_not_allowed,
    values.value_length,
    values.value_format,
    values.deprecated_field,
    assets.asset_missing,
    assets.asset_case_mismatch,
    assets.asset_path_invalid,
    body.body_asset_missing,
    body.image_alt_missing,
    components.unbalanced_component,
    components.component_props,
    components.unknown_component,
    duplicate_slug.duplicate_slug,
    duplicate_title.duplicate_title,
    author_inconsistent.author_inconsistent,
    schedule.scheduled_post,
    duplicate_description.duplicate_description,
    internal_links.broken_internal_link,
    loading.UNUSED_SUPPRESSION,
    loading.UNKNOWN_SUPPRESSION,
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in ALL_RULES}
