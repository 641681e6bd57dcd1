//! Generates a JSON Schema (draft-07) of the model from `model.rs`, for users of generic
//! validators (and for the benchmark's ajv and @cfworker/json-schema contenders). It accepts
//! the same payloads as the validator, loose forms included, but cannot express what the
//! validator adds: normalisation, exact big integers, duplicate keys, lenient syntax.

use crate::model::{Field, Loose, Ty, Union, EVENT, HSL_ELEMENT};
use crate::report::push_json_string;
use std::fmt::Write;

fn s(text: &str) -> String {
    let mut out = String::new();
    push_json_string(&mut out, text);
    out
}

fn schema(ty: &Ty) -> String {
    match ty {
        Ty::Any => "{}".into(),
        Ty::String | Ty::Enum(_) => r#"{"type":"string"}"#.into(),
        Ty::Bool => r#"{"type":"boolean"}"#.into(),
        Ty::Integer | Ty::IntEnum(_) => r#"{"type":"integer"}"#.into(),
        Ty::Number => r#"{"type":"number"}"#.into(),
        Ty::Id => r#"{"type":"integer"}"#.into(),
        Ty::Nullable(inner) => format!(r#"{{"anyOf":[{},{{"type":"null"}}]}}"#, schema(inner)),
        Ty::Array(item) => format!(r#"{{"type":"array","items":{}}}"#, schema(item)),
        Ty::Object(o) => format!(r##"{{"$ref":"#/definitions/{}"}}"##, o.name),
        Ty::Map(value) => format!(r#"{{"type":"object","additionalProperties":{}}}"#, schema(value)),
        Ty::Union(u) => format!(r##"{{"$ref":"#/definitions/{}"}}"##, u.name),
        Ty::Body => format!(r##"{{"anyOf":[{{"$ref":"#/definitions/{}"}},{{"type":"string"}}]}}"##, HSL_ELEMENT.name),
        Ty::Loose(loose) => match loose {
            Loose::IntegerOrNumericString => r#"{"anyOf":[{"type":"integer"},{"type":"string","pattern":"^-?(0|[1-9][0-9]*)$"}]}"#.into(),
            Loose::NumberOrString => r#"{"type":["number","string"]}"#.into(),
            Loose::Boolean => r#"{"anyOf":[{"type":"boolean"},{"type":"string","pattern":"^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$"}]}"#.into(),
            Loose::Flag => r#"{"enum":[0,1,true,false]}"#.into(),
            Loose::NumberOrNumericString => r#"{"anyOf":[{"type":"number"},{"type":"string","pattern":"^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"}]}"#.into(),
            Loose::StringOrInteger => r#"{"type":["string","integer"]}"#.into(),
            Loose::ClosingCategories => r##"{"anyOf":[{"$ref":"#/definitions/ClosingCategories"},{"type":"string"}]}"##.into(),
        },
    }
}

fn object_schema(fields: &[Field], common: &[Field], tag: Option<(&str, &str)>) -> String {
    let mut props = Vec::new();
    let mut required = Vec::new();
    if let Some((key, value)) = tag {
        props.push(format!(r#"{}:{{"const":{}}}"#, s(key), s(value)));
        required.push(s(key));
    }
    for f in common.iter().chain(fields) {
        props.push(format!("{}:{}", s(f.name), schema(&f.ty)));
        if f.required {
            required.push(s(f.name));
        }
    }
    format!(
        r#"{{"type":"object","properties":{{{}}},"required":[{}]}}"#,
        props.join(","),
        required.join(",")
    )
}

fn union_schema(u: &Union) -> String {
    // if/then on the tag: one branch per known value; anything else is an unknown member.
    let branches: Vec<String> = u
        .variants
        .iter()
        .map(|v| {
            format!(
                r##"{{"if":{{"properties":{{{}:{{"const":{}}}}},"required":[{}]}},"then":{{"$ref":"#/definitions/{}"}}}}"##,
                s(u.tag),
                s(v.tag),
                s(u.tag),
                v.object.name
            )
        })
        .collect();
    format!(
        r#"{{"type":"object","required":[{}],"properties":{{{}:{{"type":"string"}}}},"allOf":[{}]}}"#,
        s(u.tag),
        s(u.tag),
        branches.join(",")
    )
}

/// The JSON Schema document, pretty enough to read (one definition per line).
pub fn document() -> String {
    let objects = crate::typescript::non_variant_objects();
    let mut defs = Vec::new();
    for u in [&EVENT, &HSL_ELEMENT] {
        defs.push(format!("    {}: {}", s(u.name), union_schema(u)));
        for v in u.variants {
            defs.push(format!(
                "    {}: {}",
                s(v.object.name),
                object_schema(v.object.fields, u.common, Some((u.tag, v.tag)))
            ));
        }
    }
    for o in objects {
        defs.push(format!("    {}: {}", s(o.name), object_schema(o.fields, &[], None)));
    }
    let mut out = String::new();
    let _ = write!(
        out,
        "{{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n  \"$id\": \"https://haptik-webhook.invalid/schema.json\",\n  \"title\": \"Haptik webhook event (generated from src/model.rs)\",\n  \"$ref\": \"#/definitions/{}\",\n  \"definitions\": {{\n{}\n  }}\n}}\n",
        EVENT.name,
        defs.join(",\n")
    );
    out
}
