//! A Haptik webhook endpoint in axum: the signature checked over the exact bytes, the payload
//! parsed into the typed model, and the answers the platform expects (200 for every event it
//! may send, unknown ones included; 401 for a bad signature; 400 listing every problem).
//!
//! Run: `HAPTIK_WEBHOOK_SECRET=s cargo run --example axum_receiver` (listens on 127.0.0.1:3000).
//! `cargo test --example axum_receiver` sends real requests through the router.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use haptik_webhook::{verify_and_parse, Event, HslElement, WebhookError};
use serde_json::{json, Value};
use std::sync::Arc;

#[derive(Clone)]
struct Secrets(Arc<Vec<String>>);

/// The router: one route, the secrets (several during a rotation) as state.
fn app(secrets: Vec<String>) -> Router {
    Router::new()
        .route("/haptik", post(receive))
        .with_state(Secrets(Arc::new(secrets)))
}

async fn receive(
    State(Secrets(secrets)): State<Secrets>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, Json<Value>) {
    let header = headers.get("x-hub-signature").and_then(|v| v.to_str().ok());
    let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
    match verify_and_parse(&body, header, &secrets) {
        Ok(event) => {
            let summary = handle(&event);
            (
                StatusCode::OK,
                Json(json!({ "ok": true, "event": event.event_name(), "handled": summary })),
            )
        }
        Err(WebhookError::Signature(verdict)) => (StatusCode::UNAUTHORIZED, Json(json!({ "error": verdict.message }))),
        Err(WebhookError::Payload(report)) => {
            let errors: Vec<Value> = report
                .errors
                .iter()
                .map(|e| json!({ "path": e.path, "message": e.message, "line": e.line, "column": e.column }))
                .collect();
            (StatusCode::BAD_REQUEST, Json(json!({ "errors": errors })))
        }
    }
}

/// What the application does with each event: a `match` without a catch-all, so a new event in
/// the model fails to compile here until it is handled.
fn handle(event: &Event) -> String {
    match event {
        Event::Message(m) => {
            let what = match &m.message.body {
                HslElement::Text(t) => format!("text: {}", t.text.as_deref().unwrap_or("")),
                other => format!("{} element", other.type_name()),
            };
            format!("message {} to {}: {what}", m.message.id, m.user.auth_id)
        }
        Event::ChatPinned(p) => format!("chat of {} pinned to an agent", p.user.auth_id),
        Event::ChatComplete(c) => format!("chat of {} complete (deprecated event)", c.user.auth_id),
        Event::WebhookConversationComplete(c) => {
            format!(
                "conversation {} complete",
                c.data.conversation_no.as_deref().unwrap_or("?")
            )
        }
        // The platform asks that unknown events be ignored and answered 200.
        Event::Unknown(u) => format!("ignored unknown event {}", u.event_name),
    }
}

#[tokio::main]
async fn main() {
    let Ok(secret) = std::env::var("HAPTIK_WEBHOOK_SECRET") else {
        eprintln!("set HAPTIK_WEBHOOK_SECRET to the webhook's secret key");
        std::process::exit(2);
    };
    let listener = match tokio::net::TcpListener::bind("127.0.0.1:3000").await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on 127.0.0.1:3000: {e}");
            std::process::exit(1);
        }
    };
    println!("listening on http://127.0.0.1:3000/haptik");
    if let Err(e) = axum::serve(listener, app(vec![secret])).await {
        eprintln!("server error: {e}");
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use axum::body::{to_bytes, Body};
    use axum::http::Request;
    use haptik_webhook::signature::{sign, Algorithm};
    use tower::ServiceExt;

    const SAMPLE: &str = include_str!("../samples/message-text.json");

    async fn post(body: &str, signature: Option<String>) -> (StatusCode, Value) {
        let mut request = Request::post("/haptik").header("content-type", "application/json");
        if let Some(s) = signature {
            request = request.header("x-hub-signature", s);
        }
        let response = app(vec!["old".into(), "s3cret".into()])
            .oneshot(request.body(Body::from(body.to_string())).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let bytes = to_bytes(response.into_body(), 1 << 20).await.unwrap();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn a_signed_event_is_parsed_and_handled() {
        let (status, body) = post(SAMPLE, Some(sign(SAMPLE.as_bytes(), "s3cret", Algorithm::Sha1))).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["event"], "message");
        assert!(body["handled"].as_str().unwrap().starts_with("message "), "{body}");
    }

    #[tokio::test]
    async fn a_bad_or_missing_signature_is_401() {
        let (status, _) = post(SAMPLE, Some(sign(SAMPLE.as_bytes(), "wrong", Algorithm::Sha1))).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let (status, body) = post(SAMPLE, None).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(body["error"].as_str().unwrap().contains("X-Hub-Signature"), "{body}");
    }

    #[tokio::test]
    async fn an_invalid_payload_is_400_with_every_error() {
        let bad = include_str!("../samples/invalid-two-errors.json");
        let (status, body) = post(bad, Some(sign(bad.as_bytes(), "s3cret", Algorithm::Sha1))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(body["errors"].as_array().unwrap().len(), 2, "{body}");
    }

    #[tokio::test]
    async fn an_unknown_event_is_200() {
        let unknown = r#"{"event_name":"typing_indicator","typing_indicator":"start"}"#;
        let (status, body) = post(unknown, Some(sign(unknown.as_bytes(), "s3cret", Algorithm::Sha1))).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["handled"], "ignored unknown event typing_indicator");
    }
}
