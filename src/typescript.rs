//! Generates the TypeScript declarations of the model (`generated/model.d.ts`) and the JS
//! constants (`generated/src/constants.js`) from `model.rs`, so the types never drift from
//! what the validator checks. `cargo run --example generate` writes them; a test fails when the
//! committed files differ from what this produces.

use crate::issue::Code;
use crate::model::{self, Field, Loose, Object, Ty, Union, EVENT, HSL_ELEMENT};
use crate::signature::{Algorithm, Reason};
use std::fmt::Write;

pub(crate) const HEADER: &str =
    "// Generated from the Rust core (src/model.rs, src/issue.rs, src/signature.rs) by `cargo run --example generate`. Do not edit by hand.\n";

fn doc(out: &mut String, indent: &str, text: &str, deprecated: bool) {
    if text.is_empty() && !deprecated {
        return;
    }
    let _ = write!(out, "{indent}/** ");
    if deprecated {
        let _ = write!(out, "@deprecated ");
    }
    let _ = writeln!(out, "{} */", text.replace("*/", "*\\/"));
}

fn string_literal(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The TypeScript type of a value of `ty`.
pub fn ts_type(ty: &Ty) -> String {
    match ty {
        Ty::Any => "unknown".into(),
        Ty::String => "string".into(),
        Ty::Bool => "boolean".into(),
        Ty::Integer | Ty::Number => "number".into(),
        Ty::Id => "Id".into(),
        Ty::Enum(values) => {
            let mut parts: Vec<String> = values.iter().map(|v| string_literal(v)).collect();
            parts.push("(string & {})".into());
            parts.join(" | ")
        }
        Ty::IntEnum(values) => {
            let mut parts: Vec<String> = values.iter().map(|(v, _)| v.to_string()).collect();
            parts.push("(number & {})".into());
            parts.join(" | ")
        }
        Ty::Nullable(inner) => format!("{} | null", ts_type(inner)),
        Ty::Array(item) => format!("Array<{}>", ts_type(item)),
        Ty::Object(o) => o.name.into(),
        Ty::Map(value) => format!("{{ [key: string]: {} }}", ts_type(value)),
        Ty::Loose(loose) => match loose {
            Loose::IntegerOrNumericString => "Id".into(),
            Loose::NumberOrString => "number | string".into(),
            Loose::Boolean => "boolean".into(),
            Loose::Flag => "0 | 1".into(),
            Loose::NumberOrNumericString => "number".into(),
            Loose::StringOrInteger => "string".into(),
            Loose::ClosingCategories => "ClosingCategories | string".into(),
        },
        Ty::Union(u) => u.name.into(),
        Ty::Body => HSL_ELEMENT.name.into(),
    }
}

fn fields(out: &mut String, fields: &[Field]) {
    for f in fields {
        doc(out, "  ", f.doc, f.deprecated);
        let optional = if f.required { "" } else { "?" };
        let _ = writeln!(out, "  {}{optional}: {};", f.name, ts_type(&f.ty));
    }
}

fn interface(out: &mut String, o: &Object, extends: Option<&str>, tag: Option<(&str, &str)>, deprecated: bool) {
    doc(out, "", o.doc, deprecated);
    let extends = extends.map(|e| format!(" extends {e}")).unwrap_or_default();
    let _ = writeln!(out, "export interface {}{extends} {{", o.name);
    if let Some((key, value)) = tag {
        let _ = writeln!(out, "  {key}: {};", string_literal(value));
    }
    fields(out, o.fields);
    if o.open {
        out.push_str("  /** Keys the platform uses beyond the documented ones. */\n  [key: string]: unknown;\n");
    }
    let _ = writeln!(out, "}}\n");
}

/// Every object of the model reachable from the root, each once, in first-seen order.
fn reachable_objects() -> Vec<&'static Object> {
    let mut seen = Vec::new();
    collect(&model::ROOT, &mut seen);
    seen
}

/// The reachable objects that are not a union's variant (those are written with their union).
pub(crate) fn non_variant_objects() -> Vec<&'static Object> {
    let variants: Vec<&str> = EVENT
        .variants
        .iter()
        .chain(HSL_ELEMENT.variants)
        .map(|v| v.object.name)
        .collect();
    reachable_objects()
        .into_iter()
        .filter(|o| !variants.contains(&o.name))
        .collect()
}

/// Every object reachable from `ty`, each once, in first-seen order.
fn collect(ty: &'static Ty, seen: &mut Vec<&'static Object>) {
    match ty {
        Ty::Object(o) => collect_object(o, seen),
        Ty::Nullable(t) | Ty::Array(t) | Ty::Map(t) => collect(t, seen),
        Ty::Loose(Loose::ClosingCategories) => collect_object(&model::CLOSING_CATEGORIES, seen),
        Ty::Body => collect(&model::HSL, seen),
        Ty::Union(u) => {
            for f in u.common {
                collect(&f.ty, seen);
            }
            for v in u.variants {
                for f in v.object.fields {
                    collect(&f.ty, seen);
                }
            }
        }
        _ => {}
    }
}

fn collect_object(o: &'static Object, seen: &mut Vec<&'static Object>) {
    if seen.iter().any(|s| std::ptr::eq(*s, o)) {
        return;
    }
    seen.push(o);
    for f in o.fields {
        collect(&f.ty, seen);
    }
}

fn union(out: &mut String, u: &Union) {
    doc(out, "", u.common_doc, false);
    let _ = writeln!(out, "export interface {} {{", u.common_name);
    fields(out, u.common);
    out.push_str("}\n\n");
    for v in u.variants {
        interface(out, v.object, Some(u.common_name), Some((u.tag, v.tag)), v.deprecated);
    }
    let known: Vec<&str> = u.variants.iter().map(|v| v.object.name).collect();
    let _ = writeln!(out, "export type {} =\n  | {};\n", u.known_name, known.join("\n  | "));
    doc(out, "", u.unknown_doc, false);
    let _ = writeln!(
        out,
        "export interface {} {{\n  {}: string;\n  [key: string]: unknown;\n}}\n",
        u.unknown_name, u.tag
    );
    let _ = writeln!(out, "export type {} = {} | {};\n", u.name, u.known_name, u.unknown_name);
}

fn tuple(names: impl Iterator<Item = &'static str>) -> String {
    let parts: Vec<String> = names.map(string_literal).collect();
    format!("[{}]", parts.join(", "))
}

/// The contents of `model.d.ts`.
pub fn declarations() -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "\n/** An identifier: a number; a string of its digits only when it is beyond 2^53 - 1, which a JS number\n \
         * cannot hold exactly (the payload's value is kept exact instead of rounded, with an `unsafe_integer` warning). */\n\
         export type Id = number | string;\n\n\
         // Narrowing: an unknown member's tag is a plain `string`, from which TypeScript cannot exclude a literal, so\n\
         // `ev.event_name === \"message\"` narrows a `KnownEvent` (after `isKnownEvent(ev)`), not a `HaptikEvent`.\n\
         // The same holds for `isKnownElement(body)` and `body.type`.\n\n",
    );

    // Objects other than the union variants, then the unions.
    for o in non_variant_objects() {
        interface(&mut out, o, None, None, false);
    }

    union(&mut out, &EVENT);
    union(&mut out, &HSL_ELEMENT);

    for (map, u) in [("EventMap", &EVENT), ("ElementMap", &HSL_ELEMENT)] {
        let _ = writeln!(
            out,
            "/** Each known `{}` and its type. */\nexport interface {map} {{",
            u.tag
        );
        for v in u.variants {
            let _ = writeln!(out, "  {}: {};", v.tag, v.object.name);
        }
        out.push_str("}\n\n");
    }
    out.push_str("export type EventName = keyof EventMap;\nexport type HslType = keyof ElementMap;\n\n");

    let codes: Vec<String> = Code::ALL.iter().map(|c| string_literal(c.as_str())).collect();
    let _ = writeln!(
        out,
        "/** Stable, machine-readable issue codes. */\nexport type IssueCode =\n  | {};\n",
        codes.join("\n  | ")
    );
    out.push_str(
        "/** One problem found in a payload. Plain and JSON-serialisable. */\n\
         export interface Issue {\n  \
         code: IssueCode;\n  \
         /** JSON Pointer of the value concerned (\"\" is the whole payload). */\n  \
         path: string;\n  \
         /** A sentence a person understands. */\n  \
         message: string;\n  \
         expected?: string;\n  \
         /** A short rendering of the value found. */\n  \
         received?: string;\n  \
         /** 1-based line of the value (or of the syntax error). */\n  \
         line?: number;\n  \
         /** 1-based column, in UTF-16 code units as JS strings count. */\n  \
         column?: number;\n  \
         /** 0-based byte offset in the UTF-8 body. */\n  \
         offset?: number;\n}\n\n",
    );

    let _ = writeln!(
        out,
        "export declare const EVENT_NAMES: readonly {};",
        tuple(model::event_names())
    );
    let _ = writeln!(
        out,
        "export declare const DEPRECATED_EVENT_NAMES: readonly {};",
        tuple(model::deprecated_event_names())
    );
    let _ = writeln!(
        out,
        "export declare const HSL_TYPES: readonly {};",
        tuple(model::hsl_types())
    );
    let _ = writeln!(out, "export declare const ISSUE_CODES: readonly IssueCode[];");

    out.push_str("\n/** Why a signature did not verify (see verifySignature). */\nexport type SignatureReason =");
    for reason in Reason::ALL {
        let _ = write!(
            out,
            "\n  /** {} */\n  | {}",
            reason.doc(),
            string_literal(reason.code())
        );
    }
    out.push_str(";\n");
    let _ = writeln!(
        out,
        "export declare const SIGNATURE_REASONS: readonly {};",
        tuple(Reason::ALL.iter().map(|r| r.code()))
    );
    out
}

/// The contents of `src/constants.js`: the same lists, as values.
pub fn constants_js() -> String {
    let codes = Code::ALL.iter().map(|c| c.as_str());
    let mut out = String::from(HEADER);
    for (name, list) in [
        ("EVENT_NAMES", tuple(model::event_names())),
        ("DEPRECATED_EVENT_NAMES", tuple(model::deprecated_event_names())),
        ("HSL_TYPES", tuple(model::hsl_types())),
        ("ISSUE_CODES", tuple(codes)),
        // Indexed by their ABI code - 1 (`Reason::ALL` is in that order).
        ("SIGNATURE_REASONS", tuple(Reason::ALL.iter().map(|r| r.code()))),
        // Indexed by their ABI code - 1 (`Algorithm::ALL` is in that order).
        ("SIGNATURE_ALGORITHMS", tuple(Algorithm::ALL.iter().map(|a| a.prefix()))),
    ] {
        let _ = writeln!(out, "export const {name} = Object.freeze({list});");
    }
    // The platform's delivery rules (src/delivery.rs).
    let _ = writeln!(
        out,
        "export const ANSWER_LIMIT_SECONDS = {};",
        crate::delivery::ANSWER_LIMIT_SECONDS
    );
    let _ = writeln!(
        out,
        "export const RETRY_GAPS_SECONDS = Object.freeze({:?});",
        crate::delivery::RETRY_GAPS_SECONDS
    );
    // Lowercase, as the Fetch API and node:http give header names.
    let _ = writeln!(
        out,
        "export const SIGNATURE_HEADER = {};",
        serde_json::Value::from(crate::delivery::SIGNATURE_HEADER.to_ascii_lowercase())
    );
    // The defaults of the options, as `options::Options::default()` has them.
    let _ = writeln!(
        out,
        "export const DEFAULT_MAX_BYTES = {};",
        crate::options::DEFAULT_MAX_BYTES
    );
    let _ = writeln!(
        out,
        "export const DEFAULT_MAX_DEPTH = {};",
        crate::options::DEFAULT_MAX_DEPTH
    );
    // The core's cap on nesting, whatever maxDepth says (deeper is too_deep).
    let _ = writeln!(out, "export const MAX_DEPTH_CAP = {};", crate::options::MAX_DEPTH_CAP);
    out
}
