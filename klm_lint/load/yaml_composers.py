"""libyaml's composer, through PyYAML, as yaml_tree.py reads front matter with it: imported only
for front matter the simple reader (yaml_simple.py) does not read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, StreamEndEvent
from yaml.nodes import ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from klm_lint.load.syntax import MAX_DEPTH, FrontMatterError
from klm_lint.load.yaml_core import MAP, NONSPECIFIC, PLAIN, QUOTED, SEQ

if TYPE_CHECKING:
    from klm_lint.load.dialects import YamlDialect

try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


class _Resolver(BaseResolver):
    """Marks untagged scalars plain or quoted, so that each dialect resolves them its way, and
    keeps the non-specific tag `!`, which some readers read differently from a quoted scalar."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return PLAIN if implicit[0] else (QUOTED if implicit[1] else NONSPECIFIC)
        return SEQ if kind is SequenceNode else MAP


class _Composer(_Parser, _Resolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Resolver.__init__(self)


class _PythonComposer(Composer, _Parser, _Resolver):
    """libyaml's events, composed in Python the way a reader other than PyYAML does: an anchor
    may be defined again (the later definition counts, as in Psych, serde_yaml and js-yaml);
    for Ruby, what follows the first document is never read (Psych.parse stops there), and for
    SafeYAML an alias to no anchor is null."""

    def __init__(self, stream: str, dialect: YamlDialect) -> None:
        _Parser.__init__(self, stream)
        _Resolver.__init__(self)
        Composer.__init__(self)
        self.ruby = dialect in ("psych", "safe-yaml")
        self.lenient_aliases = dialect == "safe-yaml"

    def get_single_node(self) -> Any:
        if not self.ruby:
            return Composer.get_single_node(self)
        self.get_event()  # the stream's start
        if self.check_event(StreamEndEvent):
            return None
        self.get_event()  # the document's start
        return self.compose_node(None, None)

    def compose_node(self, parent: Any, index: Any) -> Any:
        event: Any = self.peek_event()
        if isinstance(event, AliasEvent):
            if self.lenient_aliases and event.anchor not in self.anchors:
                self.get_event()
                marks: tuple[Any, Any] = (event.start_mark, event.end_mark)
                return ScalarNode(PLAIN, "", *marks, "")
        elif event.anchor is not None:
            self.anchors.pop(event.anchor, None)
        return Composer.compose_node(self, parent, index)


def compose(
    source: str, start: int, dialect: YamlDialect | None = None
) -> tuple[yaml.Node | None, FrontMatterError | yaml.YAMLError | None]:
    composer = _Composer(source) if dialect is None else _PythonComposer(source, dialect)
    try:
        return composer.get_single_node(), None
    except yaml.YAMLError as error:
        return None, error
    except RecursionError:
        return None, FrontMatterError(
            f"the front matter is nested more than {MAX_DEPTH} levels deep", start
        )
    finally:
        composer.dispose()
