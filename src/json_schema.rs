//! Generates a JSON Schema (draft-07) of the model from `model.rs`, for users of generic
//! validators (and for the benchmark's ajv and @cfworker/json-schema contenders). It accepts
//! the same payloads as the validator, loose forms included, but cannot express what the
//! validator adds: normalisation, exact big integers, duplicate keys, lenient syntax.
//! Written with serde_json.

use crate::model::{Field, Loose, Ty, Union, EVENT, HSL_ELEMENT};
use serde_json::{json, Map, Value};

fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/definitions/{name}") })
}

fn schema(ty: &Ty) -> Value {
    match ty {
        Ty::Any => json!({}),
        Ty::String | Ty::Enum(_) => json!({ "type": "string" }),
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::Integer | Ty::IntEnum(_) | Ty::Id => json!({ "type": "integer" }),
        Ty::Number => json!({ "type": "number" }),
        Ty::Nullable(inner) => json!({ "anyOf": [schema(inner), { "type": "null" }] }),
        Ty::Array(item) => json!({ "type": "array", "items": schema(item) }),
        Ty::Object(o) => reference(o.name),
        Ty::Map(value) => json!({ "type": "object", "additionalProperties": schema(value) }),
        Ty::Union(u) => reference(u.name),
        Ty::Body => json!({ "anyOf": [reference(HSL_ELEMENT.name), { "type": "string" }] }),
        Ty::Loose(loose) => match loose {
            Loose::IntegerOrNumericString => {
                json!({ "anyOf": [{ "type": "integer" }, { "type": "string", "pattern": "^-?(0|[1-9][0-9]*)$" }] })
            }
            Loose::NumberOrString => json!({ "type": ["number", "string"] }),
            Loose::Boolean => json!({ "anyOf": [
                { "type": "boolean" },
                { "type": "string", "pattern": "^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$" }
            ] }),
            Loose::Flag => json!({ "enum": [0, 1, true, false] }),
            Loose::NumberOrNumericString => json!({ "anyOf": [
                { "type": "number" },
                { "type": "string", "pattern": "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$" }
            ] }),
            Loose::StringOrInteger => json!({ "type": ["string", "integer"] }),
            Loose::ClosingCategories => json!({ "anyOf": [reference("ClosingCategories"), { "type": "string" }] }),
        },
    }
}

fn object_schema(fields: &[Field], common: &[Field], tag: Option<(&str, &str)>) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    if let Some((key, value)) = tag {
        props.insert(key.into(), json!({ "const": value }));
        required.push(Value::from(key));
    }
    for f in common.iter().chain(fields) {
        props.insert(f.name.into(), schema(&f.ty));
        if f.required {
            required.push(Value::from(f.name));
        }
    }
    json!({ "type": "object", "properties": props, "required": required })
}

fn union_schema(u: &Union) -> Value {
    // if/then on the tag: one branch per known value; anything else is an unknown member.
    let branches: Vec<Value> = u
        .variants
        .iter()
        .map(|v| {
            json!({
                "if": { "properties": { (u.tag): { "const": v.tag } }, "required": [u.tag] },
                "then": reference(v.object.name),
            })
        })
        .collect();
    json!({
        "type": "object",
        "required": [u.tag],
        "properties": { (u.tag): { "type": "string" } },
        "allOf": branches,
    })
}

/// The JSON Schema document.
pub fn document() -> String {
    let mut defs = Map::new();
    for u in [&EVENT, &HSL_ELEMENT] {
        defs.insert(u.name.into(), union_schema(u));
        for v in u.variants {
            defs.insert(
                v.object.name.into(),
                object_schema(v.object.fields, u.common, Some((u.tag, v.tag))),
            );
        }
    }
    for o in crate::typescript::non_variant_objects() {
        defs.insert(o.name.into(), object_schema(o.fields, &[], None));
    }
    let doc = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://haptik-webhook.invalid/schema.json",
        "title": "Haptik webhook event (generated from src/model.rs)",
        "$ref": format!("#/definitions/{}", EVENT.name),
        "definitions": defs,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
