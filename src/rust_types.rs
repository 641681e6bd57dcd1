//! Generates the typed Rust model (`generated/event.rs`: serde-derived structs and the `Event` and
//! `HslElement` enums) from `model.rs`, so the Rust API, the TypeScript types and the validator
//! share one source. `cargo run --example generate` writes it; tests/generated.rs fails when the
//! committed file differs from what this produces.

use crate::model::{Field, Loose, Object, Ty, Union, EVENT, HSL_ELEMENT};
use crate::typescript::non_variant_objects;
use std::fmt::Write;

const HEADER: &str =
    "// Generated from the model (src/model.rs) by `cargo run --example generate` (src/rust_types.rs).\n\
// Do not edit by hand: change the model and run the generator; tests/generated.rs fails when this is stale.\n";

/// `isNew` -> `is_new`, `Id` -> `id`, `type` -> `r#type`.
fn rust_ident(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    if out == "type" {
        out.insert_str(0, "r#");
    }
    out
}

/// `webhook_conversation_complete` -> `WebhookConversationComplete`, `NATIVE_ACTION` -> `NativeAction`.
fn variant_ident(tag: &str) -> String {
    tag.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let lower = w.to_ascii_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The Rust type of a value of `ty`, after normalisation (what `parse_event` gives).
fn rust_type(ty: &Ty) -> String {
    match ty {
        Ty::Any => "Value".into(),
        Ty::String | Ty::Enum(_) => "String".into(),
        Ty::Bool => "bool".into(),
        Ty::Integer | Ty::IntEnum(_) => "i64".into(),
        Ty::Number => "Number".into(),
        Ty::Id => "Id".into(),
        Ty::Nullable(inner) => format!("Option<{}>", rust_type(inner)),
        Ty::Array(item) => format!("Vec<{}>", rust_type(item)),
        Ty::Object(o) => o.name.into(),
        Ty::Map(Ty::Any) => "Map<String, Value>".into(),
        Ty::Map(value) => format!("std::collections::BTreeMap<String, {}>", rust_type(value)),
        Ty::Loose(loose) => match loose {
            Loose::IntegerOrNumericString => "Id".into(),
            Loose::NumberOrString => "NumberOrString".into(),
            Loose::Boolean => "bool".into(),
            Loose::Flag => "i64".into(),
            Loose::NumberOrNumericString => "Number".into(),
            Loose::StringOrInteger => "String".into(),
            Loose::ClosingCategories => "ObjectOrText<ClosingCategories>".into(),
        },
        Ty::Union(u) => u.rust_name.into(),
        Ty::Body => HSL_ELEMENT.rust_name.into(),
    }
}

/// Integers are read with `support::integer`, which also takes `1.0` or `1e2` (the validator
/// accepts any integral spelling).
fn is_integer(ty: &Ty) -> bool {
    matches!(ty, Ty::Integer | Ty::IntEnum(_) | Ty::Loose(Loose::Flag))
}

fn doc(out: &mut String, indent: &str, text: &str, deprecated: bool) {
    let text = match (deprecated, text.is_empty()) {
        (true, true) => "Deprecated.".to_string(),
        (true, false) if !text.starts_with("Deprecated") => format!("Deprecated. {text}"),
        _ => text.to_string(),
    };
    if !text.is_empty() {
        let _ = writeln!(out, "{indent}/// {text}");
    }
}

fn field(out: &mut String, f: &Field) {
    doc(out, "    ", f.doc, f.deprecated);
    let ident = rust_ident(f.name);
    let mut attrs: Vec<String> = Vec::new();
    if ident.trim_start_matches("r#") != f.name {
        attrs.push(format!("rename = \"{}\"", f.name));
    }
    let ty = rust_type(&f.ty);
    let full = if f.required {
        if is_integer(&f.ty) {
            attrs.push("deserialize_with = \"support::integer\"".into());
        }
        ty
    } else {
        attrs.push("default".into());
        if is_integer(&f.ty) {
            attrs.push("deserialize_with = \"support::some_integer\"".into());
        } else if matches!(f.ty, Ty::Nullable(_)) {
            // Absent and null differ: `None` is absent, `Some(None)` is null.
            attrs.push("deserialize_with = \"support::present\"".into());
        }
        attrs.push("skip_serializing_if = \"Option::is_none\"".into());
        format!("Option<{ty}>")
    };
    if !attrs.is_empty() {
        let _ = writeln!(out, "    #[serde({})]", attrs.join(", "));
    }
    let _ = writeln!(out, "    pub {ident}: {full},");
}

const DERIVE: &str = "#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]\n";
const EXTRA: &str = "    /// Keys the model does not name, kept as they were (in their order).\n    #[serde(flatten)]\n    pub extra: Map<String, Value>,\n";

fn structure(out: &mut String, o: &Object, common: &[Field], deprecated: bool) {
    doc(out, "", o.doc, deprecated);
    out.push_str(DERIVE);
    let _ = writeln!(out, "pub struct {} {{", o.name);
    for f in common.iter().chain(o.fields) {
        field(out, f);
    }
    out.push_str(EXTRA);
    out.push_str("}\n\n");
}

fn union(out: &mut String, u: &Union) {
    let name = u.rust_name;
    let tag_ident = rust_ident(u.tag);
    let variants: Vec<(String, &str)> = u.variants.iter().map(|v| (variant_ident(v.tag), v.tag)).collect();

    let _ = writeln!(
        out,
        "/// Told apart by `{}`; a value the model does not know is kept whole as `Unknown`.",
        u.tag
    );
    out.push_str("#[derive(Clone, Debug, PartialEq)]\n");
    // Built once per delivery and matched by reference: boxing would only make patterns deref.
    out.push_str("#[allow(clippy::large_enum_variant)]\n");
    let _ = writeln!(out, "pub enum {name} {{");
    for (v, (ident, _)) in u.variants.iter().zip(&variants) {
        doc(out, "    ", v.object.doc, v.deprecated);
        let _ = writeln!(out, "    {ident}({}),", v.object.name);
    }
    doc(out, "    ", u.unknown_doc, false);
    let _ = writeln!(out, "    Unknown({}),\n}}\n", u.unknown_name);

    let _ = writeln!(out, "impl {name} {{");
    let _ = writeln!(out, "    /// The `{}` it was sent with.", u.tag);
    let _ = writeln!(
        out,
        "    pub fn {}(&self) -> &str {{\n        match self {{",
        rust_ident(u.tag).trim_start_matches("r#").to_string() + if u.tag == "type" { "_name" } else { "" }
    );
    for (ident, tag) in &variants {
        let _ = writeln!(out, "            {name}::{ident}(_) => \"{tag}\",");
    }
    let _ = writeln!(
        out,
        "            {name}::Unknown(v) => &v.{tag_ident},\n        }}\n    }}\n"
    );
    out.push_str("    /// Whether the model knows this variant.\n    pub fn is_known(&self) -> bool {\n");
    let _ = writeln!(out, "        !matches!(self, {name}::Unknown(_))\n    }}\n}}\n");

    let _ = writeln!(out, "impl Serialize for {name} {{");
    out.push_str("    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {\n        match self {\n");
    for (ident, tag) in &variants {
        let _ = writeln!(
            out,
            "            {name}::{ident}(v) => support::serialize_tagged(serializer, \"{}\", \"{tag}\", v),",
            u.tag
        );
    }
    let _ = writeln!(
        out,
        "            {name}::Unknown(v) => v.serialize(serializer),\n        }}\n    }}\n}}\n"
    );

    let _ = writeln!(out, "impl<'de> Deserialize<'de> for {name} {{");
    out.push_str("    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {\n");
    let _ = writeln!(
        out,
        "        let (tag, fields) = support::split_tag::<D>(deserializer, \"{}\")?;",
        u.tag
    );
    out.push_str("        match tag.as_str() {\n");
    for (ident, tag) in &variants {
        let _ = writeln!(
            out,
            "            \"{tag}\" => support::from_fields::<D, _>(fields).map({name}::{ident}),"
        );
    }
    let _ = writeln!(
        out,
        "            _ => support::from_fields::<D, _>(support::with_tag(fields, \"{}\", tag)).map({name}::Unknown),\n        }}\n    }}\n}}\n",
        u.tag
    );

    // The unknown member: its tag and everything else.
    doc(out, "", u.unknown_doc, false);
    out.push_str(DERIVE);
    let _ = writeln!(out, "pub struct {} {{", u.unknown_name);
    if tag_ident.trim_start_matches("r#") != u.tag {
        let _ = writeln!(out, "    #[serde(rename = \"{}\")]", u.tag);
    }
    let _ = writeln!(out, "    pub {tag_ident}: String,");
    out.push_str(EXTRA);
    out.push_str("}\n\n");

    for v in u.variants {
        structure(out, v.object, u.common, v.deprecated);
    }
}

/// The contents of `generated/event.rs`.
pub fn module() -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "\n//! The typed model of every event: serde-derived types, exactly what `parse_event` gives (loose\n\
         //! forms normalised). Unknown keys are kept in each type's `extra`, unknown events and HSL types\n\
         //! as `Unknown`, so serialising a parsed event gives its payload back.\n\n\
         use crate::event_support::{self as support, Id, NumberOrString, ObjectOrText};\n\
         use serde::{Deserialize, Serialize};\n\
         use serde_json::{Map, Number, Value};\n\n",
    );
    union(&mut out, &EVENT);
    union(&mut out, &HSL_ELEMENT);
    for o in non_variant_objects() {
        structure(&mut out, o, &[], false);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
