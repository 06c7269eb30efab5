"""How `klm-lint --help` looks: the options in panels, a few examples, `[PATHS]...` for paths."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from typer.core import TyperArgument, TyperCommand, TyperOption

from klm_lint.cli.coercion import install

if TYPE_CHECKING:
    from typer._click.core import Context

SELECTION = "Selection: which files and rules"
OUTPUT = "Output"
FIXING = "Fixing"
CI = "CI and adoption"
PERFORMANCE = "Performance"
RULES = "Rules and this program"
_PANELS = ("", SELECTION, OUTPUT, FIXING, CI, PERFORMANCE, RULES)

EPILOG = """\
Examples:
  klm-lint                           lint the configured content folders
  klm-lint content/posts/spring.md   lint one post
  klm-lint --select draft-flag,KLM2  only these rules (codes, prefixes, names)
  klm-lint --fix                     fix what is safe to fix, in place
  klm-lint --diff --unsafe-fixes     show every fix as a diff; change nothing
  klm-lint --format github --strict  in CI: annotations; warnings fail too
  klm-lint --explain draft-flag      a rule's page: why it matters, the fix

Exit codes: 0 no error, 1 errors (or warnings with --strict), 2 a usage,
config or internal error."""


class _PathsArgument(TyperArgument):
    """Shown as `[PATHS]...` in the usage line and the help, not as its Python type."""

    def display_type_rich(self, ctx: Context) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        return self.display_name_raw


class LintCommand(TyperCommand):
    """The lint command, with help that shows neither Python types nor `<bool>` for flags."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        install(self.params)
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.__class__ = _PathsArgument
            elif isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
                param.metavar = ""
        # The panels in this order, each option keeping its place within its panel.
        self.params.sort(
            key=lambda param: _PANELS.index(getattr(param, "rich_help_panel", None) or "")
        )

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        option = super().get_help_option(ctx)
        if option is not None:
            install([option])
            option.metavar = ""
            option.rich_help_panel = RULES
        return option
