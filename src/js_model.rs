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

/// A type as JS: a scalar by the name of its constant in the file, anything else as a call of
/// the file's `ty(kind, of, fields, union, loose)`, which gives every type one shape (the check's
/// objects then all look alike to the JIT).
fn ty_js(ty: &'static Ty) -> String {
    let compound = |kind: &str, of: Option<String>, fields: Option<&str>, union: Option<&str>, loose: Option<Loose>| {
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
    };
    match ty {
        Ty::Any => "ANY".into(),
        Ty::String => "STRING".into(),
        Ty::Bool => "BOOL".into(),
        Ty::Integer => "INTEGER".into(),
        Ty::Number => "NUMBER".into(),
        Ty::Id => "ID".into(),
        Ty::Enum(_) => "ENUM".into(),
        Ty::IntEnum(_) => "INT_ENUM".into(),
        Ty::Nullable(inner) => compound("nullable", Some(ty_js(inner)), None, None, None),
        Ty::Array(inner) => compound("array", Some(ty_js(inner)), None, None, None),
        Ty::Map(inner) => compound("map", Some(ty_js(inner)), None, None, None),
        Ty::Object(object) => compound("object", None, Some(object.name), None, None),
        Ty::Union(u) => compound("union", None, None, Some(u.name), None),
        Ty::Body => compound("body", None, None, Some(crate::model::HSL_ELEMENT.name), None),
        Ty::Loose(l) => compound("loose", None, loose_object(*l).map(|o| o.name), None, Some(*l)),
    }
}

/// The scalar types the file names once (`ty_js` refers to them).
const SCALARS: [(&str, &str); 8] = [
    ("ANY", "any"),
    ("STRING", "string"),
    ("BOOL", "bool"),
    ("INTEGER", "integer"),
    ("NUMBER", "number"),
    ("ID", "id"),
    ("ENUM", "enum"),
    ("INT_ENUM", "int_enum"),
];

fn fields_js(fields: &'static [Field]) -> String {
    let mut out = String::new();
    for f in fields {
        let flags = match (f.required, f.legacy) {
            (false, false) => String::new(),
            (true, false) => ", REQUIRED".into(),
            (false, true) => ", LEGACY".into(),
            (true, true) => ", REQUIRED | LEGACY".into(),
        };
        let _ = writeln!(out, "  field({}, {}{flags}),", string_literal(f.name), ty_js(&f.ty));
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
         const ty = (kind, of = null, fields = null, union = null, loose = null) => ({ kind, of, fields, union, loose });\n\
         const REQUIRED = 1;\n\
         const LEGACY = 2;\n\
         const field = (name, ty, flags = 0) => ({ name, ty, required: (flags & REQUIRED) !== 0, legacy: (flags & LEGACY) !== 0 });\n",
    );
    for (name, kind) in SCALARS {
        let _ = writeln!(out, "const {name} = ty({});", string_literal(kind));
    }
    out.push('\n');
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
