//! Property tests: the response parser never panics, always keeps the status, bounds the
//! snippet, invents no code, and agrees with serde_json on every valid body.
// The response half (feature `response`, on by default).
#![cfg(feature = "response")]

use bce_errors::services::NatError;
use bce_errors::{BceError, ErrorResponse, SNIPPET_LIMIT};
use proptest::prelude::*;

const REAL: &[&[u8]] = &[
    br#"{"code":"NoSuchNat","message":"The specified nat is not found.","requestId":"ae2225f7-1c2e-427a-a1ad-5413b762957d"}"#,
    br#"{"requestId" : "c4abab14-ebc4-4eb0-85d2-03c4d51eed18", "code" : "NoSuchObject", "message" : "account not exist"}"#,
    br#"{"Code":"InternalError","Message":"We encountered an internal error. Please try again.","RequestId":"r"}"#,
];

fn check(status: u16, body: &[u8]) {
    let err = BceError::<NatError>::from_response(status, (), body);
    assert_eq!(err.status(), status);
    if let Some(snippet) = err.body_snippet() {
        assert!(snippet.len() <= SNIPPET_LIMIT);
    }
    if let Some(code) = err.code() {
        // A code is only ever one the body spelt out.
        let escaped_free = body.windows(code.len()).any(|w| w == code.as_bytes());
        assert!(
            escaped_free || body.contains(&b'\\'),
            "code {code:?} not in body"
        );
        assert!(err.is_parsed());
    }
    if !err.is_parsed() {
        assert_eq!(err.code(), None);
        assert_eq!(err.kind(), None);
    }
    let line = err.to_string();
    assert!(!line.contains(|c: char| c.is_control()), "{line:?}");
}

fn json_string() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 .]{0,12}",
        any::<String>(),
        Just("NoSuchNat".to_owned()),
        Just("q\"\\\n\u{0}\u{1F600}".to_owned()),
    ]
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(Into::into),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Into::into),
        json_string().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(json_string(), inner, 0..4)
                .prop_map(|m| m.into_iter().collect()),
        ]
    })
}

/// A body with any of the three documented keys (string or null, any capitalisation we
/// accept) mixed with arbitrary other members.
fn body() -> impl Strategy<Value = serde_json::Map<String, serde_json::Value>> {
    let key = prop_oneof![
        Just("code"),
        Just("Code"),
        Just("message"),
        Just("Message"),
        Just("requestId"),
        Just("RequestId")
    ];
    let doc = prop::collection::btree_map(
        key,
        prop_oneof![
            json_string().prop_map(serde_json::Value::String),
            Just(serde_json::Value::Null)
        ],
        0..4,
    );
    let other = prop::collection::btree_map("[a-z]{4,8}", json_value(), 0..4);
    (doc, other).prop_map(|(doc, other)| {
        let mut map: serde_json::Map<String, serde_json::Value> = other
            .into_iter()
            .filter(|(k, _)| {
                !matches!(
                    k.to_ascii_lowercase().as_str(),
                    "code" | "message" | "requestid"
                )
            })
            .collect();
        let mut seen = std::collections::HashSet::new();
        for (k, v) in doc {
            if seen.insert(k.to_ascii_lowercase()) {
                map.insert(k.to_owned(), v);
            }
        }
        map
    })
}

fn field(map: &serde_json::Map<String, serde_json::Value>, names: [&str; 2]) -> Option<String> {
    names
        .iter()
        .find_map(|n| map.get(*n))
        .and_then(|v| v.as_str())
        .map(str::to_owned)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(status in 100u16..600, body in prop::collection::vec(any::<u8>(), 0..2048)) {
        check(status, &body);
    }

    #[test]
    fn mutated_real_bodies_never_panic(
        status in 100u16..600,
        which in 0..REAL.len(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
    ) {
        let mut body = REAL[which].to_vec();
        for (at, byte, op) in edits {
            let i = at.index(body.len() + 1);
            match op {
                0 if i < body.len() => body[i] = byte,
                1 => body.insert(i, byte),
                _ => body.truncate(i),
            }
        }
        check(status, &body);
    }

    #[test]
    fn agrees_with_serde_json_on_valid_bodies(map in body()) {
        let text = serde_json::to_vec(&serde_json::Value::Object(map.clone())).unwrap();
        let ours = ErrorResponse::parse(&text).unwrap();
        prop_assert_eq!(ours.code, field(&map, ["code", "Code"]));
        prop_assert_eq!(ours.message, field(&map, ["message", "Message"]));
        prop_assert_eq!(ours.request_id, field(&map, ["requestId", "RequestId"]));
        let pretty = serde_json::to_vec_pretty(&serde_json::Value::Object(map.clone())).unwrap();
        prop_assert_eq!(ErrorResponse::parse(&pretty).unwrap(), ErrorResponse::parse(&text).unwrap());
    }

    #[test]
    fn every_prefix_of_a_valid_body_is_handled(map in body()) {
        let text = serde_json::to_vec(&serde_json::Value::Object(map)).unwrap();
        for cut in 0..text.len() {
            check(500, &text[..cut]);
            prop_assert!(ErrorResponse::parse(&text[..cut]).is_err());
        }
    }
}
