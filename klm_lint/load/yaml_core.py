"""What every YAML reader module shares: the marks klm-lint puts on composed nodes, the
standard tags' prefix, the words of the YAML 1.2 core schema, and how a reader refuses a value."""

from __future__ import annotations

import math

YAML = "tag:yaml.org,2002:"
SEQ = YAML + "seq"
MAP = YAML + "map"
PLAIN = "tag:klm-lint:plain"
"""An untagged plain scalar: each reader resolves it its own way."""
QUOTED = "tag:klm-lint:quoted"
"""An untagged quoted or block scalar: text for every reader."""
NONSPECIFIC = "tag:klm-lint:nonspecific"
"""A scalar with the non-specific tag `!`."""

CORE_NULLS = frozenset(("~", "null", "Null", "NULL"))
CORE_BOOLS = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
"""The YAML 1.2 core schema's null and boolean words (js-yaml, go-yaml, serde_yaml)."""
SPECIAL_FLOATS = {
    ".inf": math.inf,
    ".Inf": math.inf,
    ".INF": math.inf,
    "-.inf": -math.inf,
    "-.Inf": -math.inf,
    "-.INF": -math.inf,
    ".nan": math.nan,
    ".NaN": math.nan,
    ".NAN": math.nan,
}
"""The infinities and not-a-number as the YAML 1.1 and 1.2 schemas write them."""


class Refused(Exception):
    """The reader throws on this value: the message is the reader's own words."""
