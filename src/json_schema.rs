//! Generates JSON Schemas of the model from `model.rs`, for generic validators, Standard JSON
//! Schema consumers and OpenAPI: two dialects (draft 2020-12, draft-07) times two directions.
//! The *input* schema accepts what the validator accepts, loose forms included; the *output*
//! schema describes the event `parseEvent` returns (loose forms normalised, bodies as elements,
//! ids beyond 2^53 as strings of digits). Neither can express what the validator adds: exact big
//! integers, duplicate keys, lenient syntax. Written with serde_json.

use crate::model::{Field, Loose, Object, Ty, Union, EVENT, HSL_ELEMENT};
use serde_json::{json, Map, Value};

/// The JSON Schema dialect of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Draft 2020-12 (`$defs`; the dialect of OpenAPI 3.1).
    Draft2020,
    /// Draft-07 (`definitions`).
    Draft07,
}

impl Target {
    pub const ALL: [Target; 2] = [Target::Draft2020, Target::Draft07];

    /// The name Standard JSON Schema gives the dialect.
    pub fn name(self) -> &'static str {
        match self {
            Target::Draft2020 => "draft-2020-12",
            Target::Draft07 => "draft-07",
        }
    }

    fn meta_schema(self) -> &'static str {
        match self {
            Target::Draft2020 => "https://json-schema.org/draft/2020-12/schema",
            Target::Draft07 => "http://json-schema.org/draft-07/schema#",
        }
    }

    fn definitions_key(self) -> &'static str {
        match self {
            Target::Draft2020 => "$defs",
            Target::Draft07 => "definitions",
        }
    }
}

/// What a document describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The payload as the platform sends it (what the validator accepts).
    Input,
    /// The event as `parseEvent` returns it.
    Output,
}

impl Direction {
    pub const ALL: [Direction; 2] = [Direction::Input, Direction::Output];

    pub fn name(self) -> &'static str {
        match self {
            Direction::Input => "input",
            Direction::Output => "output",
        }
    }
}

const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;

/// Writes schemas whose `$ref`s point under `prefix` (`#/$defs/`, `#/components/schemas/`).
struct Writer {
    target: Target,
    direction: Direction,
    prefix: String,
}

impl Writer {
    fn reference(&self, name: &str) -> Value {
        json!({ "$ref": format!("{}{name}", self.prefix) })
    }

    fn safe_integer() -> Value {
        json!({ "type": "integer", "minimum": -MAX_SAFE_INTEGER, "maximum": MAX_SAFE_INTEGER })
    }

    /// An id as `parseEvent` gives it: a safe integer, or the exact digits of a bigger one
    /// (beyond 2^53 − 1, so 16 digits or more).
    fn output_id() -> Value {
        json!({ "anyOf": [Self::safe_integer(), { "type": "string", "pattern": "^-?[1-9][0-9]{15,}$" }] })
    }

    fn schema(&self, ty: &Ty) -> Value {
        let output = self.direction == Direction::Output;
        match ty {
            Ty::Any => json!({}),
            Ty::String => json!({ "type": "string" }),
            // Documented values are examples: other strings and integers are accepted.
            Ty::Enum(values) => json!({ "type": "string", "examples": values }),
            Ty::IntEnum(values) => {
                let mut schema = Self::safe_integer();
                let described: Vec<String> = values.iter().map(|(v, name)| format!("{v} ({name})")).collect();
                if let Some(object) = schema.as_object_mut() {
                    object.insert("examples".into(), values.iter().map(|(v, _)| *v).collect());
                    object.insert(
                        "description".into(),
                        format!("Documented values: {}.", described.join(", ")).into(),
                    );
                }
                schema
            }
            Ty::Bool => json!({ "type": "boolean" }),
            Ty::Integer => Self::safe_integer(),
            Ty::Id if output => Self::output_id(),
            Ty::Id => json!({ "type": "integer" }),
            Ty::Number => json!({ "type": "number" }),
            Ty::Nullable(inner) => json!({ "anyOf": [self.schema(inner), { "type": "null" }] }),
            Ty::Array(item) => json!({ "type": "array", "items": self.schema(item) }),
            Ty::Object(o) => self.reference(o.name),
            Ty::Map(value) => json!({ "type": "object", "additionalProperties": self.schema(value) }),
            Ty::Union(u) => self.reference(u.name),
            // A plain-string body becomes a TEXT element, a serialised one the element.
            Ty::Body if output => self.reference(HSL_ELEMENT.name),
            Ty::Body => json!({ "anyOf": [self.reference(HSL_ELEMENT.name), { "type": "string" }] }),
            Ty::Loose(loose) => self.loose(*loose),
        }
    }

    fn loose(&self, loose: Loose) -> Value {
        let output = self.direction == Direction::Output;
        match loose {
            Loose::IntegerOrNumericString if output => Self::output_id(),
            Loose::IntegerOrNumericString => {
                json!({ "anyOf": [{ "type": "integer" }, { "type": "string", "pattern": "^-?(0|[1-9][0-9]*)$" }] })
            }
            Loose::NumberOrString => json!({ "type": ["number", "string"] }),
            Loose::Boolean if output => json!({ "type": "boolean" }),
            Loose::Boolean => json!({ "anyOf": [
                { "type": "boolean" },
                { "type": "string", "pattern": "^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$" }
            ] }),
            Loose::Flag if output => json!({ "enum": [0, 1] }),
            Loose::Flag => json!({ "enum": [0, 1, true, false] }),
            Loose::NumberOrNumericString if output => json!({ "type": "number" }),
            Loose::NumberOrNumericString => json!({ "anyOf": [
                { "type": "number" },
                { "type": "string", "pattern": "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$" }
            ] }),
            Loose::StringOrInteger if output => json!({ "type": "string" }),
            Loose::StringOrInteger => json!({ "type": ["string", "integer"] }),
            Loose::ClosingCategories => {
                json!({ "anyOf": [self.reference(crate::model::CLOSING_CATEGORIES.name), { "type": "string" }] })
            }
        }
    }

    /// Adds the documentation keywords the dialect has (`deprecated` is 2019-09 and later).
    fn document(&self, schema: &mut Value, doc: &str, deprecated: bool) {
        let Some(map) = schema.as_object_mut() else { return };
        // Draft-07 ignores keywords beside `$ref` (the caller wraps those).
        let ignored = self.target == Target::Draft07 && map.contains_key("$ref");
        if !doc.is_empty() && !map.contains_key("description") && !ignored {
            map.insert("description".into(), Value::from(doc));
        }
        if deprecated && self.target == Target::Draft2020 {
            map.insert("deprecated".into(), Value::Bool(true));
        }
    }

    fn object(&self, object: &Object, common: &[Field], tag: Option<(&str, &str)>, deprecated: bool) -> Value {
        let mut props = Map::new();
        let mut required = Vec::new();
        if let Some((key, value)) = tag {
            props.insert(key.into(), json!({ "const": value }));
            required.push(Value::from(key));
        }
        for f in common.iter().chain(object.fields) {
            let mut schema = self.schema(&f.ty);
            if schema.get("$ref").is_some() && (!f.doc.is_empty() || f.deprecated) && self.target == Target::Draft07 {
                // Draft-07 ignores keywords beside `$ref`: wrap it to keep the description.
                schema = json!({ "allOf": [schema] });
            }
            self.document(&mut schema, f.doc, f.deprecated);
            props.insert(f.name.into(), schema);
            if f.required {
                required.push(Value::from(f.name));
            }
        }
        let mut schema = json!({ "type": "object", "properties": props, "required": required });
        self.document(&mut schema, object.doc, deprecated);
        schema
    }

    fn union(&self, u: &Union) -> Value {
        // if/then on the tag: one branch per known value; anything else is an unknown member.
        let branches: Vec<Value> = u
            .variants
            .iter()
            .map(|v| {
                json!({
                    "if": { "properties": { (u.tag): { "const": v.tag } }, "required": [u.tag] },
                    "then": self.reference(v.object.name),
                })
            })
            .collect();
        let known: Vec<&str> = u.variants.iter().map(|v| v.tag).collect();
        let mut schema = json!({
            "type": "object",
            "required": [u.tag],
            "properties": { (u.tag): { "type": "string", "examples": known } },
            "allOf": branches,
        });
        let doc = format!(
            "Chosen by `{}`: each known value is checked against its definition; any other value is an unknown member, kept as it is. {}",
            u.tag, u.unknown_doc
        );
        self.document(&mut schema, &doc, false);
        schema
    }

    /// Every definition of the model, by name.
    fn definitions(&self) -> Map<String, Value> {
        let mut defs = Map::new();
        for u in [&EVENT, &HSL_ELEMENT] {
            defs.insert(u.name.into(), self.union(u));
            for v in u.variants {
                defs.insert(
                    v.object.name.into(),
                    self.object(v.object, u.common, Some((u.tag, v.tag)), v.deprecated),
                );
            }
        }
        for o in crate::typescript::non_variant_objects() {
            defs.insert(o.name.into(), self.object(o, &[], None, false));
        }
        defs
    }
}

/// The definitions of the model with `$ref`s under `prefix`, for OpenAPI's `components/schemas`.
pub(crate) fn definitions(direction: Direction, prefix: &str) -> Map<String, Value> {
    Writer {
        target: Target::Draft2020,
        direction,
        prefix: prefix.into(),
    }
    .definitions()
}

/// The name of the definition of each known event, by `event_name`.
pub fn event_definitions() -> impl Iterator<Item = (&'static str, &'static str)> {
    EVENT.variants.iter().map(|v| (v.tag, v.object.name))
}

/// The schema of every event (known and unknown), as a JSON value.
pub fn schema(target: Target, direction: Direction) -> Value {
    let key = target.definitions_key();
    let writer = Writer {
        target,
        direction,
        prefix: format!("#/{key}/"),
    };
    json!({
        "$schema": target.meta_schema(),
        "$id": format!("https://haptik-webhook.invalid/event.{}.{}.json", direction.name(), target.name()),
        "title": format!("Haptik webhook event, {} (generated from src/model.rs)", direction.name()),
        "$comment": "Generated from src/model.rs by `cargo run --example generate` (src/json_schema.rs). Do not edit by hand.",
        "$ref": format!("#/{key}/{}", EVENT.name),
        (key): writer.definitions(),
    })
}

/// A document as the generated files hold it: pretty-printed, one final newline.
pub(crate) fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// `schema.json`: the draft-07 input schema (the package's first schema, kept at its path).
pub fn document() -> String {
    pretty(&schema(Target::Draft07, Direction::Input))
}

/// `src/json-schemas.js`: every schema as a function returning a fresh object (so a caller may
/// change what it gets, and an import costs a pre-parse, not building four documents).
pub fn js_module() -> String {
    let mut out = String::from(crate::typescript::HEADER);
    out.push_str("// The JSON Schemas of the event (src/json_schema.rs), by target and direction.\n");
    let targets: Vec<&str> = Target::ALL.iter().map(|t| t.name()).collect();
    out.push_str(&format!(
        "export const JSON_SCHEMA_TARGETS = /* @__PURE__ */ Object.freeze({});\n",
        json!(targets)
    ));
    let definitions: Map<String, Value> = event_definitions()
        .map(|(tag, name)| (tag.to_string(), Value::from(name)))
        .collect();
    out.push_str(&format!(
        "export const EVENT_DEFINITIONS = /* @__PURE__ */ Object.freeze({});\n",
        Value::Object(definitions)
    ));
    out.push_str("export const JSON_SCHEMAS = {\n");
    for target in Target::ALL {
        out.push_str(&format!("  {}: {{\n", json!(target.name())));
        for direction in Direction::ALL {
            let text = serde_json::to_string(&schema(target, direction)).unwrap_or_default();
            out.push_str(&format!("    {}: () => ({text}),\n", direction.name()));
        }
        out.push_str("  },\n");
    }
    out.push_str("};\n");
    out
}
