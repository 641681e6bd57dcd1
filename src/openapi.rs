//! Generates `openapi.json`: an OpenAPI 3.1 document whose `webhooks` are the known events,
//! each with its request body schema (the input schemas of json_schema.rs under
//! `components/schemas`), the signature header, and the platform's answer and retry rules.

use crate::delivery::{ANSWER_LIMIT_SECONDS, RETRY_GAPS_SECONDS, SIGNATURE_HEADER};
use crate::json_schema::{definitions, pretty, Direction};
use crate::model::EVENT;
use serde_json::{json, Value};

const PREFIX: &str = "#/components/schemas/";

fn delivery_rules() -> String {
    let gaps: Vec<String> = RETRY_GAPS_SECONDS.iter().map(u32::to_string).collect();
    format!(
        "The platform POSTs the event as JSON and counts the delivery as failed when there is no connection, \
         no answer within {ANSWER_LIMIT_SECONDS} seconds, or a status other than 2xx. A failed delivery is tried \
         {} more times, after {} seconds; after the last failure the webhook is disabled. A retry repeats the \
         event: answer 2xx to a duplicate, and make handling idempotent (key on `message.id` where there is one). \
         An unknown `event_name` must be answered 200 too.",
        RETRY_GAPS_SECONDS.len(),
        gaps.join(", ")
    )
}

fn operation(tag: &str, object: &str, deprecated: bool) -> Value {
    let mut operation = json!({
        "operationId": format!("receive_{tag}"),
        "summary": format!("The `{tag}` event"),
        "description": delivery_rules(),
        "parameters": [{
            "name": SIGNATURE_HEADER,
            "in": "header",
            "required": true,
            "description": "`sha1=` followed by the HMAC-SHA1 of the exact request body, keyed with the webhook's secret key \
                            (lowercase hex by convention; the platform does not document the encoding). \
                            Verify it over the raw bytes, never a re-serialised object.",
            "schema": { "type": "string", "pattern": "^sha1=" },
        }],
        "requestBody": {
            "required": true,
            "content": { "application/json": { "schema": { "$ref": format!("{PREFIX}{object}") } } },
        },
        "responses": {
            "200": {
                "description": format!(
                    "Received. Any 2xx within {ANSWER_LIMIT_SECONDS} seconds counts as delivered; the body is ignored."
                ),
            },
        },
    });
    if let (true, Some(object)) = (deprecated, operation.as_object_mut()) {
        object.insert("deprecated".into(), Value::Bool(true));
    }
    operation
}

/// The OpenAPI 3.1 document, as a JSON value.
pub fn openapi() -> Value {
    let webhooks: serde_json::Map<String, Value> = EVENT
        .variants
        .iter()
        .map(|v| {
            (
                v.tag.to_string(),
                json!({ "post": operation(v.tag, v.object.name, v.deprecated) }),
            )
        })
        .collect();
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Haptik webhooks",
            "x-generated-by": "`cargo run --example generate` from src/model.rs (src/openapi.rs). Do not edit by hand.",
            "version": env!("CARGO_PKG_VERSION"),
            "summary": "The events the Haptik chatbot platform POSTs to a customer's webhook endpoint.",
            "description": format!(
                "Generated from the model of haptik-webhook (src/model.rs). Each webhook is one `event_name`; the platform \
                 adds names over time, and an endpoint must accept unknown ones (`{}` in components/schemas covers every \
                 event, known or not). {}",
                EVENT.name,
                delivery_rules()
            ),
            "license": { "name": "MIT", "identifier": "MIT" },
        },
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "paths": {},
        "webhooks": webhooks,
        "components": { "schemas": definitions(Direction::Input, PREFIX) },
    })
}

/// `openapi.json`.
pub fn document() -> String {
    pretty(&openapi())
}
