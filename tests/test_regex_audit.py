"""Every regular expression in klm_lint is audited for catastrophic backtracking
(tests/regex_audit.py), in a process of its own that is stopped if a pattern hangs.

Patterns are found in the modules themselves (module and class attributes, dicts, tuples; a
pattern compiled on first use, klm_lint/lazy.py, is compiled for the audit), and
the source is read to make sure that none is compiled where the audit cannot see it, and to learn
which patterns the code uses unanchored (search, finditer, sub…), which are audited that way too.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import klm_lint
from klm_lint.lazy import LazyPattern

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "klm_lint"
UNANCHORED = {"search", "finditer", "findall", "sub", "subn", "split"}
METHODS = UNANCHORED | {"match", "fullmatch"}
TIMEOUT = 240


def modules() -> dict[str, Path]:
    found = {}
    for info in pkgutil.walk_packages(klm_lint.__path__, "klm_lint."):
        if info.name.endswith(".__main__"):
            continue
        relative = info.name.removeprefix("klm_lint.").replace(".", "/")
        path = PACKAGE / f"{relative}.py"
        found[info.name] = path if path.is_file() else PACKAGE / relative / "__init__.py"
    return found


def _patterns_in(value: object, name: str, found: dict[str, re.Pattern[str]]) -> None:
    if isinstance(value, LazyPattern):
        value = value.compiled()
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        found[name] = value
    elif isinstance(value, dict):
        for key, item in value.items():
            _patterns_in(item, f"{name}[{key!r}]", found)
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            _patterns_in(item, f"{name}[{index}]", found)


def compiled_patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern held by a module or class of klm_lint, by where it is held."""
    found: dict[str, re.Pattern[str]] = {}
    for module_name in modules():
        module = importlib.import_module(module_name)
        for attribute, value in vars(module).items():
            name = f"{module_name}.{attribute}"
            if inspect.isclass(value) and value.__module__ == module_name:
                for class_attribute, class_value in vars(value).items():
                    _patterns_in(class_value, f"{name}.{class_attribute}", found)
            else:
                _patterns_in(value, name, found)
    return found


def _compiles(node: ast.AST) -> bool:
    """re.compile(...), or lazy_pattern(...), which compiles on first use."""
    lazy = (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "lazy_pattern"
    )
    return lazy or _is_re_call(node, {"compile"})


def _is_re_call(node: ast.AST, names: set[str] | None = None) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "re"
        and (names is None or node.func.attr in names)
    )


class SourceReading:
    """What the source says: where patterns are compiled and how the code calls them."""

    def __init__(self) -> None:
        self.misplaced: list[str] = []
        self.holders: set[str] = set()
        """module.NAME (or module.Class.NAME) of each attribute whose value compiles a pattern."""
        self.used: set[str] = set()
        """Holders the code calls a pattern method on, through any name."""
        self.unanchored: set[str] = set()
        self._aliases: dict[tuple[str, str], str] = {}
        for module_name, path in modules().items():
            if module_name == "klm_lint.lazy":  # compiles the lazy patterns, in a function
                continue
            self._read(module_name, ast.parse(path.read_text("utf-8"), str(path)), path)

    def _read(self, module_name: str, tree: ast.Module, path: Path) -> None:
        where = path.relative_to(ROOT)
        self._holders(module_name, tree.body, module_name)
        for statement in tree.body:
            if isinstance(statement, ast.ClassDef):
                self._holders(module_name, statement.body, f"{module_name}.{statement.name}")
            if isinstance(statement, ast.ImportFrom) and statement.module:
                for alias in statement.names:
                    imported = f"{statement.module}.{alias.name}"
                    self._aliases[(module_name, alias.asname or alias.name)] = imported
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            for node in ast.walk(function):
                if _compiles(node):
                    line = getattr(node, "lineno", 0)
                    self.misplaced.append(f"{where}:{line} compiles inside a function")
        for node in ast.walk(tree):
            if _is_re_call(node, METHODS):
                self.misplaced.append(f"{where}:{getattr(node, 'lineno', 0)} calls re.* directly")
            self._follow(module_name, node)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in METHODS
            ):
                held = self._held(module_name, node.func.value)
                if held:
                    self.used.add(held)
                    if node.func.attr in UNANCHORED:
                        self.unanchored.add(held)

    def holder(self, name: str) -> str | None:
        """The attribute a pattern is held in: mdx._TITLE for mdx._TITLE['"']."""
        return next(
            (held for held in self.holders if name == held or name.startswith(held + "[")), None
        )

    def methods(self, name: str) -> list[str]:
        """Anchored methods for every pattern; search too when the code uses it unanchored,
        or when the source does not show how it is used."""
        held = self.holder(name)
        unanchored = held is None or held not in self.used or held in self.unanchored
        return ["match", "fullmatch", *(["search"] if unanchored else [])]

    def _holders(self, module_name: str, body: list[ast.stmt], prefix: str) -> None:
        for statement in body:
            if (
                isinstance(statement, (ast.Assign, ast.AnnAssign))
                and statement.value
                and any(_compiles(node) for node in ast.walk(statement.value))
            ):
                targets = (
                    statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                )
                for target in targets:
                    if isinstance(target, ast.Name):
                        self.holders.add(f"{prefix}.{target.id}")
                        self._aliases[(module_name, target.id)] = f"{prefix}.{target.id}"

    def _follow(self, module_name: str, node: ast.AST) -> None:
        """Local names bound to a holder: x = HOLDER[...], x = HOLDER.get(...), for x in HOLDER."""
        if isinstance(node, ast.Assign):
            held = self._held(module_name, node.value)
            for target in node.targets:
                for name in ast.walk(target):
                    if held and isinstance(name, ast.Name):
                        self._aliases.setdefault((module_name, name.id), held)
        elif isinstance(node, (ast.For, ast.comprehension)):
            held = self._held(module_name, node.iter)
            for name in ast.walk(node.target):
                if held and isinstance(name, ast.Name):
                    self._aliases.setdefault((module_name, name.id), held)

    def _held(self, module_name: str, node: ast.AST) -> str | None:
        while True:
            if isinstance(node, ast.IfExp):
                return self._held(module_name, node.body) or self._held(module_name, node.orelse)
            if isinstance(node, ast.Subscript):
                node = node.value
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("items", "values", "get")
            ):
                node = node.func.value
            else:
                break
        if isinstance(node, ast.Name):
            return self._aliases.get((module_name, node.id))
        return None


def test_patterns_are_compiled_where_the_audit_sees_them() -> None:
    reading = SourceReading()
    assert reading.misplaced == [], "compile patterns once, at module level"
    found = compiled_patterns()
    seen = {reading.holder(name) for name in found}
    assert sorted(reading.holders - seen) == [], "compiled, but not found in the modules"
    assert len(found) >= 60
    assert reading.unanchored, "the source reading found no unanchored use at all"


def run_audit(patterns: dict[str, list[object]]) -> dict[str, str]:
    """Run tests/regex_audit.py on the patterns, failing (not hanging) if one hangs."""
    command = [sys.executable, str(ROOT / "tests" / "regex_audit.py")]
    try:
        result = subprocess.run(
            command,
            input=json.dumps(patterns),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    except subprocess.TimeoutExpired as error:
        stderr = error.stderr.decode() if isinstance(error.stderr, bytes) else error.stderr or ""
        hung = stderr.strip().splitlines()[-1] if stderr.strip() else "?"
        raise AssertionError(f"the audit did not finish in {TIMEOUT}s; it hung on {hung}") from None
    failures: dict[str, str] = json.loads(result.stdout)
    return failures


def test_no_pattern_backtracks_catastrophically() -> None:
    reading = SourceReading()
    patterns: dict[str, list[object]] = {
        name: [pattern.pattern, pattern.flags, reading.methods(name)]
        for name, pattern in compiled_patterns().items()
    }
    assert run_audit(patterns) == {}


def test_the_audit_finds_catastrophic_patterns() -> None:
    bad = {
        "nested repetition": r"(a+)+b",
        "overlapping alternatives": r"(?:a|a)*c",
        "adjacent repetitions": r"[ \t]*(?:x[ \t]*)?[ \t]*=",
        "escape or any character": r'(?:\\[!-/]|[^\s])*"',
        "lazy middle before a repetition": r"import\s+(?P<clause>[^;]*?)\s*from",
    }
    patterns: dict[str, list[object]] = {
        name: [source, re.UNICODE, ["match", "fullmatch"]] for name, source in bad.items()
    }
    patterns["scan to a closing quote, unanchored"] = [r'"(?:[^"\\]|\\.)*"', re.UNICODE, ["search"]]
    assert sorted(run_audit(patterns)) == sorted(patterns)
