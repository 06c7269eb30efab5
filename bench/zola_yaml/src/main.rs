//! Reads a JSON list of front matters (each the text Zola's YAML_RE cut out, or null) from
//! standard input and writes, for each, what Zola makes of it: whether PageFrontMatter
//! deserializes from it (components/content/src/front_matter/page.rs, split.rs), and the text
//! read as the page's `extra` is read, into a Map<String, tera::Value> (tera's Value is
//! serde_json's), and into a serde_yaml::Value.
//!
//! `date` and `updated` are read by Zola through `from_unknown_datetime` (a TOML or YAML date
//! in a string); here they are plain strings, as no case of the corpus writes them.

use std::collections::HashMap;
use std::io::Read;

use serde::Deserialize;
use serde_json::{json, Map, Value};

#[allow(dead_code)]
#[derive(Debug, Deserialize)]
#[serde(default)]
struct PageFrontMatter {
    title: Option<String>,
    description: Option<String>,
    updated: Option<String>,
    date: Option<String>,
    draft: bool,
    render: bool,
    slug: Option<String>,
    path: Option<String>,
    taxonomies: HashMap<String, Vec<String>>,
    weight: Option<usize>,
    authors: Vec<String>,
    aliases: Vec<String>,
    template: Option<String>,
    in_search_index: bool,
    extra: Map<String, Value>,
}

impl Default for PageFrontMatter {
    fn default() -> Self {
        PageFrontMatter {
            title: None,
            description: None,
            updated: None,
            date: None,
            draft: false,
            render: true,
            slug: None,
            path: None,
            taxonomies: HashMap::new(),
            weight: None,
            authors: Vec::new(),
            aliases: Vec::new(),
            template: None,
            in_search_index: true,
            extra: Map::new(),
        }
    }
}

fn number(n: &serde_json::Number) -> Value {
    if let Some(f) = n.as_f64().filter(|_| n.is_f64()) {
        json!({ "$f64": format!("{:?}", f) })
    } else {
        json!({ "$int": n.to_string() })
    }
}

fn typed_json(value: &Value) -> Value {
    match value {
        Value::Number(n) => number(n),
        Value::Array(items) => Value::Array(items.iter().map(typed_json).collect()),
        Value::Object(map) => json!({
            "$map": map.iter().map(|(k, v)| json!([k, typed_json(v)])).collect::<Vec<_>>()
        }),
        other => other.clone(),
    }
}

fn typed_yaml(value: &serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(*b),
        Y::Number(n) => {
            if n.is_f64() {
                json!({ "$f64": format!("{:?}", n.as_f64().unwrap()) })
            } else {
                json!({ "$int": n.to_string() })
            }
        }
        Y::String(s) => Value::String(s.clone()),
        Y::Sequence(items) => Value::Array(items.iter().map(typed_yaml).collect()),
        Y::Mapping(map) => json!({
            "$map": map.iter().map(|(k, v)| json!([typed_yaml(k), typed_yaml(v)])).collect::<Vec<_>>()
        }),
        Y::Tagged(tagged) => json!({
            "$tagged": tagged.tag.to_string(), "value": typed_yaml(&tagged.value)
        }),
    }
}

fn outcome<T>(read: Result<T, serde_yaml::Error>, dump: impl Fn(&T) -> Value) -> Value {
    match read {
        Ok(value) => json!({ "ok": true, "value": dump(&value) }),
        Err(error) => json!({ "ok": false, "error": format!("{}", error) }),
    }
}

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let texts: Vec<Option<String>> = serde_json::from_str(&input).unwrap();
    let found: Vec<Value> = texts
        .iter()
        .map(|text| match text {
            None => json!({
                "page": { "ok": false, "error": "Couldn't find front matter" },
                "extra": { "ok": false, "error": "" }, "value": { "ok": false, "error": "" }
            }),
            Some(text) => json!({
                "page": outcome(serde_yaml::from_str::<PageFrontMatter>(text), |_| Value::Null),
                "extra": outcome(serde_yaml::from_str::<Map<String, Value>>(text), |map| {
                    typed_json(&Value::Object(map.clone()))
                }),
                "value": outcome(serde_yaml::from_str::<serde_yaml::Value>(text), typed_yaml),
            }),
        })
        .collect();
    println!("{}", serde_json::to_string(&found).unwrap());
}
