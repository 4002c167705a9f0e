//! The body reader against serde_json, on valid and invalid input: a body is read exactly
//! when serde_json reads it into a struct of the same fields (what a careful user
//! writes: unknown keys ignored, a field's value whatever JSON it is), and the fields
//! agree. Departures, each on purpose and tested on its own below: a key given twice is
//! taken from its later value (serde_json's derive refuses the body), and a body that is
//! JSON but not an object is not an error body.
// The response half (feature `response`, on by default).
#![cfg(feature = "response")]

use std::fmt;

use bce_errors::ErrorResponse;
use proptest::prelude::*;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A field's value as serde_json sees it: a string, or an integer as its digits; any
/// other value (a float, an object, …) is no text. Strings are read borrowed where they
/// can be, so serde_json checks them as it checks a borrowed field.
#[derive(Debug, Default, PartialEq)]
struct Text(Option<String>);

impl<'de> serde::Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text, E> {
                Ok(Text(Some(v.to_owned())))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(Some(v.to_owned())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Text, E> {
                Ok(Text(Some("<float>".into())))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Text, A::Error> {
                while a.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Text(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Text, A::Error> {
                while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Text(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// The fields a careful user reads with serde_json, one per key spelling.
#[derive(Debug, serde::Deserialize)]
struct Oracle {
    code: Option<Text>,
    message: Option<Text>,
    #[serde(rename = "requestId")]
    request_id: Option<Text>,
    error_code: Option<Text>,
    error_msg: Option<Text>,
    log_id: Option<Text>,
}

/// The field two spellings give when `later` comes after `earlier` in the body.
fn later(earlier: Option<Text>, later: Option<Text>) -> Option<String> {
    match later {
        Some(text) => text.0,
        None => earlier.and_then(|t| t.0),
    }
}

/// The top-level keys of an object body, in order (values skipped), as serde_json
/// reads them: which of two spellings comes later.
struct KeyOrder(Vec<String>);

impl<'de> serde::Deserialize<'de> for KeyOrder {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> serde::de::Visitor<'de> for Keys {
            type Value = KeyOrder;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<KeyOrder, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(KeyOrder(keys))
            }
        }
        d.deserialize_map(Keys)
    }
}

/// Whether the last `a` key comes after the last `b` key.
fn last_is(keys: &[String], a: &str, b: &str) -> bool {
    let at = |k: &str| keys.iter().rposition(|key| key == k);
    at(a) > at(b)
}

/// serde_json's verdict on a body (an object: a struct also reads from an array), and
/// the fields it read.
fn oracle(body: &[u8]) -> Option<ErrorResponse> {
    let read: Oracle = serde_json::from_slice(body).ok()?;
    if !body.trim_ascii_start().starts_with(b"{") {
        return None;
    }
    // Of two spellings of a field, the later in the body wins.
    let keys = serde_json::from_slice::<KeyOrder>(body).ok()?.0;
    let (code, error_code) = (read.code, read.error_code);
    let code = match last_is(&keys, "code", "error_code") {
        true => later(error_code, code),
        false => later(code, error_code),
    };
    let (message, error_msg) = (read.message, read.error_msg);
    let message = match last_is(&keys, "message", "error_msg") {
        true => later(error_msg, message),
        false => later(message, error_msg),
    };
    Some(ErrorResponse {
        code,
        message,
        request_id: read.request_id.and_then(|t| t.0),
        log_id: read.log_id.and_then(|t| t.0),
        ..ErrorResponse::default()
    })
}

/// What the two readers agree on: the fields read, or that the body is refused.
fn ours(body: &[u8]) -> Option<ErrorResponse> {
    ErrorResponse::parse(body).ok().map(|r| ErrorResponse {
        code: r.code,
        message: r.message,
        request_id: r.request_id,
        log_id: r.log_id,
        ..ErrorResponse::default()
    })
}

fn check(body: &[u8]) -> Result<(), TestCaseError> {
    // A repeated key is the one departure (tested on its own below).
    if let Err(e) = serde_json::from_slice::<Oracle>(body)
        && e.to_string().contains("duplicate field")
    {
        return Ok(());
    }
    let (theirs, mine) = (oracle(body), ours(body));
    // serde_json reads floats as f64: their text is not comparable.
    let floats = |r: &Option<ErrorResponse>| {
        r.as_ref().is_some_and(|r| {
            [&r.code, &r.message, &r.request_id, &r.log_id]
                .iter()
                .any(|v| {
                    v.as_deref()
                        .is_some_and(|t| t == "<float>" || t.contains(['.', 'e', 'E']))
                })
        })
    };
    if floats(&theirs) || floats(&mine) {
        prop_assert_eq!(
            theirs.is_some(),
            mine.is_some(),
            "{:?}",
            String::from_utf8_lossy(body)
        );
        return Ok(());
    }
    prop_assert_eq!(theirs, mine, "{:?}", String::from_utf8_lossy(body));
    Ok(())
}

/// JSON-ish text: each field once (one spelling each), values of every kind, valid and
/// not (numbers such as `01`, `1.`, `--1`; escapes and lone surrogates; deep nesting).
fn body() -> impl Strategy<Value = Vec<u8>> {
    let string = prop_oneof![
        "[a-zA-Z0-9 .:_-]{0,12}".prop_map(|s| format!("\"{s}\"")),
        Just(r#""a\"b\\c\/\b\f\n\r\t""#.to_owned()),
        Just(r#""\u00e9\ud83d\ude00""#.to_owned()),
        Just(r#""\ud800""#.to_owned()),
        Just(r#""\udc00x""#.to_owned()),
        Just(r#""\ud800\u0041""#.to_owned()),
        Just(r#""\x""#.to_owned()),
        Just("\"tab\there\"".to_owned()),
        Just("\"开发机\"".to_owned()),
    ];
    let number = prop_oneof![
        "-?(0|[1-9][0-9]{0,6})".prop_map(|s| s),
        Just("01".to_owned()),
        Just("1.".to_owned()),
        Just("--1".to_owned()),
        Just("1e".to_owned()),
        Just("1.2.3".to_owned()),
        Just("1-2".to_owned()),
        Just("+1".to_owned()),
        Just("1.5e3".to_owned()),
    ];
    let scalar = prop_oneof![
        string.clone(),
        number,
        Just("true".to_owned()),
        Just("null".to_owned()),
        Just("nul".to_owned()),
        Just("[]".to_owned()),
        Just("{}".to_owned()),
        Just("[1,[2,{\"a\":[3]}]]".to_owned()),
        Just("[1,]".to_owned()),
        Just("{\"a\" 1}".to_owned()),
        (1usize..130).prop_map(|n| "[".repeat(n) + &"]".repeat(n)),
    ];
    let keys = prop::sample::subsequence(
        vec![
            "code",
            "message",
            "requestId",
            "error_code",
            "error_msg",
            "log_id",
            "x",
            "co_de",
            "other",
        ],
        0..6,
    );
    (
        keys,
        prop::collection::vec(scalar, 6),
        prop_oneof![Just(""), Just(" "), Just(" junk"), Just("}"), Just("\n")],
    )
        .prop_map(|(keys, values, tail)| {
            let members: Vec<String> = keys
                .iter()
                .zip(values)
                .map(|(k, v)| format!("\"{k}\":{v}"))
                .collect();
            format!("{{{}}}{tail}", members.join(","))
        })
        .prop_map(String::into_bytes)
}

/// A body with bytes changed: removed, repeated, cut, or replaced.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    (
        body(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..4),
    )
        .prop_map(|(mut b, edits)| {
            for (at, byte, op) in edits {
                if b.is_empty() {
                    break;
                }
                let i = at.index(b.len());
                match op {
                    0 => {
                        b.remove(i);
                    }
                    1 => b.insert(i, byte),
                    2 => b.truncate(i),
                    _ => b[i] = byte,
                }
            }
            b
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn same_verdict_and_fields_as_serde_json(body in body()) {
        check(&body)?;
    }

    #[test]
    fn same_verdict_on_mutated_bodies(body in mutated()) {
        check(&body)?;
    }
}

#[test]
fn cases_named_in_the_issue() {
    for body in [
        r#"{"code":"X"} junk"#,
        r#"{"code":--1}"#,
        r#"{"code":1.2.3}"#,
        r#"{"code":1e}"#,
        r#"{"code":01}"#,
        r#"{"code":1-2}"#,
        r#"{"code":"\ud800"}"#,
        r#"{"message":"\udc00"}"#,
    ] {
        assert!(ErrorResponse::parse(body.as_bytes()).is_err(), "{body}");
        assert!(oracle(body.as_bytes()).is_none(), "{body}");
    }
    // `co_de` is not `code`.
    assert_eq!(
        ErrorResponse::parse(br#"{"co_de":"A"}"#).unwrap().code,
        None
    );
}

#[test]
fn nesting_is_read_as_serde_json_reads_it() {
    // A value that is not text is skipped however deep it nests, as serde_json ignores
    // one (the body is at most PARSE_LIMIT bytes).
    for key in ["code", "x"] {
        for depth in [125, 126, 127, 128, 129, 5000] {
            let body = format!("{{\"{key}\":{}{}}}", "[".repeat(depth), "]".repeat(depth));
            assert_eq!(
                ErrorResponse::parse(body.as_bytes()).is_ok(),
                oracle(body.as_bytes()).is_some(),
                "{key} {depth}"
            );
        }
    }
}

#[test]
fn a_repeated_key_takes_its_later_value() {
    // serde_json's derive refuses such a body; we read it, taking the later value, as
    // serde_json::Value does.
    let r = ErrorResponse::parse(br#"{"code":"A","code":{"x":1}}"#).unwrap();
    assert_eq!(r.code, None);
    let r = ErrorResponse::parse(br#"{"code":"A","code":"B"}"#).unwrap();
    assert_eq!(r.code.as_deref(), Some("B"));
    let r = ErrorResponse::parse(br#"{"code":"A","error_code":110}"#).unwrap();
    assert_eq!(r.code.as_deref(), Some("110"));
    assert!(serde_json::from_slice::<Oracle>(br#"{"code":"A","code":"B"}"#).is_err());
}

#[test]
fn json_that_is_not_an_object_is_not_an_error_body() {
    for body in ["[]", "1", "\"code\"", "null"] {
        assert!(serde_json::from_slice::<serde_json::Value>(body.as_bytes()).is_ok());
        assert!(ErrorResponse::parse(body.as_bytes()).is_err(), "{body}");
    }
}

#[test]
fn the_parse_limit_holds_for_every_entry_point() {
    let big = format!(
        "{{\"code\":\"A\",\"x\":\"{}\"}}",
        "y".repeat(bce_errors::PARSE_LIMIT)
    );
    assert!(ErrorResponse::parse(big.as_bytes()).is_err());
    let err: bce_errors::BceError<bce_errors::services::GlobalError> =
        bce_errors::BceError::from_response(500, (), big.as_bytes());
    assert!(!err.is_parsed());
}
