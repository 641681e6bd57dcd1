//! Generates `generated/src/model-table.js`: the model as plain data for the package's check of
//! an already-parsed object (pkg-template/src/object-check.js), so that check reads the same
//! fields, unions and loose forms as the Rust validator and never drifts from them.
//! `cargo run --example generate` writes it; tests/generated.rs fails when it is stale.

use crate::model::{Field, Loose, Object, Ty, Union, EVENT};
use crate::typescript::HEADER;
use std::fmt::Write;

/// What the file names: each object's field list and each union, once, by its TypeScript name.
#[derive(Default)]
struct Names {
    objects: Vec<&'static Object>,
    unions: Vec<&'static Union>,
}

impl Names {
    fn visit_ty(&mut self, ty: &'static Ty) {
        match ty {
            Ty::Any
            | Ty::String
            | Ty::Bool
            | Ty::Integer
            | Ty::Number
            | Ty::Id
            | Ty::Enum(_)
            | Ty::IntEnum(_) => {}
            Ty::Body => self.visit_union(&crate::model::HSL_ELEMENT),
            Ty::Loose(loose) => {
                if let Some(object) = loose_object(*loose) {
                    self.visit_object(object);
                }
            }
            Ty::Nullable(inner) | Ty::Array(inner) | Ty::Map(inner) => self.visit_ty(inner),
            Ty::Object(object) => self.visit_object(object),
            Ty::Union(union) => self.visit_union(union),
        }
    }

    fn visit_fields(&mut self, fields: &'static [Field]) {
        for field in fields {
            self.visit_ty(&field.ty);
        }
    }

    fn visit_object(&mut self, object: &'static Object) {
        if self.objects.iter().any(|o| core::ptr::eq(*o, object)) {
            return;
        }
        self.objects.push(object);
        self.visit_fields(object.fields);
    }

    fn visit_union(&mut self, union: &'static Union) {
        if self.unions.iter().any(|u| core::ptr::eq(*u, union)) {
            return;
        }
        self.unions.push(union);
        self.visit_fields(union.common);
        for variant in union.variants {
            self.visit_object(variant.object);
        }
    }
}

/// The object a loose form's canonical value is, when it is one.
fn loose_object(loose: Loose) -> Option<&'static Object> {
    match loose {
        Loose::ClosingCategories => Some(&crate::model::CLOSING_CATEGORIES),
        Loose::IntegerOrNumericString
        | Loose::NumberOrString
        | Loose::Boolean
        | Loose::Flag
        | Loose::NumberOrNumericString
        | Loose::StringOrInteger => None,
    }
}

fn loose_name(loose: Loose) -> &'static str {
    match loose {
        Loose::IntegerOrNumericString => "integer_or_numeric_string",
        Loose::NumberOrString => "number_or_string",
        Loose::Boolean => "boolean",
        Loose::Flag => "flag",
        Loose::NumberOrNumericString => "number_or_numeric_string",
        Loose::StringOrInteger => "string_or_integer",
        Loose::ClosingCategories => "closing_categories",
    }
}

fn string_literal(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// A type as a call of the file's `ty(kind, of, fields, union, loose)`, which gives every type
/// one shape (the check's objects then all look alike to the JIT).
fn ty_js(ty: &'static Ty) -> String {
    let (kind, of, fields, union, loose): (&str, Option<String>, Option<&str>, Option<&str>, Option<Loose>) = match ty {
        Ty::Any => ("any", None, None, None, None),
        Ty::String => ("string", None, None, None, None),
        Ty::Bool => ("bool", None, None, None, None),
        Ty::Integer => ("integer", None, None, None, None),
        Ty::Number => ("number", None, None, None, None),
        Ty::Id => ("id", None, None, None, None),
        Ty::Enum(_) => ("enum", None, None, None, None),
        Ty::IntEnum(_) => ("int_enum", None, None, None, None),
        Ty::Nullable(inner) => ("nullable", Some(ty_js(inner)), None, None, None),
        Ty::Array(inner) => ("array", Some(ty_js(inner)), None, None, None),
        Ty::Map(inner) => ("map", Some(ty_js(inner)), None, None, None),
        Ty::Object(object) => ("object", None, Some(object.name), None, None),
        Ty::Union(u) => ("union", None, None, Some(u.name), None),
        Ty::Body => ("body", None, None, Some(crate::model::HSL_ELEMENT.name), None),
        Ty::Loose(l) => ("loose", None, loose_object(*l).map(|o| o.name), None, Some(*l)),
    };
    let mut args = vec![
        string_literal(kind),
        of.unwrap_or_else(|| "null".into()),
        fields.unwrap_or("null").to_string(),
        union.unwrap_or("null").to_string(),
        loose.map_or_else(|| "null".into(), |l| string_literal(loose_name(l))),
    ];
    while args.len() > 1 && args.last().is_some_and(|a| a == "null") {
        args.pop();
    }
    format!("ty({})", args.join(", "))
}

fn fields_js(fields: &'static [Field]) -> String {
    let mut out = String::new();
    for f in fields {
        let _ = writeln!(
            out,
            "  {{ name: {}, ty: {}, required: {}, legacy: {} }},",
            string_literal(f.name),
            ty_js(&f.ty),
            f.required,
            f.legacy
        );
    }
    out
}

/// The contents of `generated/src/model-table.js`.
pub fn module() -> String {
    let mut names = Names::default();
    names.visit_union(&EVENT);
    let mut out = String::from(HEADER);
    out.push_str(
        "// The model as data for the check of a parsed object (src/object-check.js). Every list is\n\
         // declared first and filled after, so the order of the declarations does not matter.\n\n\
         const ty = (kind, of = null, fields = null, union = null, loose = null) => ({ kind, of, fields, union, loose });\n\n",
    );
    for object in &names.objects {
        let _ = writeln!(out, "const {} = [];", object.name);
    }
    for union in &names.unions {
        let _ = writeln!(
            out,
            "const {} = {{ tag: {}, common: [], variants: [] }};",
            union.name,
            string_literal(union.tag)
        );
    }
    out.push('\n');
    for object in &names.objects {
        let _ = writeln!(out, "{}.push(\n{});", object.name, fields_js(object.fields));
    }
    for union in &names.unions {
        let _ = writeln!(out, "{}.common.push(\n{});", union.name, fields_js(union.common));
        for v in union.variants {
            let _ = writeln!(
                out,
                "{}.variants.push({{ tag: {}, fields: {}, deprecated: {} }});",
                union.name,
                string_literal(v.tag),
                v.object.name,
                v.deprecated
            );
        }
    }
    let _ = writeln!(out, "\n/** The root: a payload is an object of this union. */\nexport const ROOT = {};", EVENT.name);
    out
}
