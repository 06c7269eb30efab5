"""Writes record_inits.py, the `__init__` of every record class, so that a run need not compile
them at import (klm_lint/records.py).

    python -m klm_lint.record_table > klm_lint/record_inits.py

tests/test_records.py fails when the table is not what this writes.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

from klm_lint.records import fields, init_signature, init_source

PACKAGE = Path(__file__).resolve().parent
DECORATORS = ("record", "value_record", "mutable_record")

HEADER = '''"""The `__init__` of every record class (klm_lint/records.py) by module and name,
written by `python -m klm_lint.record_table` from the classes (do not edit: tests/test_records.py
fails when it is out of date, and a class whose fields changed compiles its own)."""

from __future__ import annotations

from typing import Any
'''


def record_classes() -> list[tuple[str, str, str]]:
    """(module, qualified name, decorator) of every record class of klm_lint, module by
    module."""
    found: list[tuple[str, str, str]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        body = ast.parse(path.read_text("utf-8")).body
        waiting: list[tuple[str, ast.stmt]] = [("", node) for node in body]
        while waiting:
            prefix, node = waiting.pop(0)
            if not isinstance(node, ast.ClassDef):
                continue
            name = f"{prefix}{node.name}"
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Name) and decorator.id in DECORATORS:
                    found.append((module, name, decorator.id))
            waiting.extend((f"{name}.", inner) for inner in node.body)
    return found


def render() -> str:
    parts = [HEADER]
    entries = []
    for number, (module, name, _decorator) in enumerate(record_classes()):
        cls: object = importlib.import_module(module)
        for part in name.split("."):
            cls = getattr(cls, part)
        found = fields(cls)
        maker = f"_{number}"
        parts.append(f"\n# {module}.{name}\n{init_source(maker, found)}")
        entries.append(f'    "{module}.{name}": ("{init_signature(found)}", {maker}),')
    parts.append("\nINITS: dict[str, tuple[str, Any]] = {\n" + "\n".join(entries) + "\n}\n")
    written = "\n".join(parts)
    formatted = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", "record_inits.py", "-"],
        input=written,
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE.parent,
    )
    return formatted.stdout


if __name__ == "__main__":
    sys.stdout.write(render())
