//! `serde` for [`ErrorResponse`], written out rather than derived: serde_derive would add
//! a proc-macro to every user's build for two small impls.

use core::fmt;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ErrorResponse;
use crate::json::{BodyFormat, Key, top_key};
use crate::numeric::numeric_code;

/// Writes the body in its format's keys, as [`ErrorResponse::to_json`] does (a numeric
/// code or log id as a number in the AI platform's format), leaving out absent fields.
#[cfg_attr(docsrs, doc(cfg(all(feature = "serde", feature = "response"))))]
impl Serialize for ErrorResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = self.fields();
        let mut map =
            serializer.serialize_map(Some(fields.iter().filter(|f| f.1.is_some()).count()))?;
        for (key, value, number) in fields {
            match value {
                Some(Value::Text(v)) => match number.then(|| numeric_code(v)).flatten() {
                    Some(n) => map.serialize_entry(key, &n)?,
                    None => map.serialize_entry(key, v)?,
                },
                Some(Value::Nested(inner)) => map.serialize_entry(key, &Nested(inner))?,
                None => {}
            }
        }
        map.end()
    }
}

/// A field's value while writing: text, or the nested `error` object.
enum Value<'a> {
    Text(&'a str),
    Nested(&'a ErrorResponse),
}

struct Nested<'a>(&'a ErrorResponse);

impl Serialize for Nested<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = [
            ("code", &self.0.code),
            ("message", &self.0.message),
            ("type", &self.0.error_type),
        ];
        let mut map =
            serializer.serialize_map(Some(fields.iter().filter(|f| f.1.is_some()).count()))?;
        for (key, value) in fields {
            if let Some(value) = value {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

#[cfg_attr(docsrs, doc(cfg(all(feature = "serde", feature = "response"))))]
impl ErrorResponse {
    /// The top-level keys of the body's format, each with its value and whether a
    /// numeric value is written as a number.
    fn fields(&self) -> Vec<(&'static str, Option<Value<'_>>, bool)> {
        fn text(v: &Option<String>) -> Option<Value<'_>> {
            v.as_deref().map(Value::Text)
        }
        match self.format {
            BodyFormat::AiPlatform => vec![
                ("error_code", text(&self.code), true),
                ("error_msg", text(&self.message), false),
                ("log_id", text(&self.log_id), true),
                ("requestId", text(&self.request_id), false),
            ],
            BodyFormat::Nested => vec![
                ("error", Some(Value::Nested(self)), false),
                ("id", text(&self.id), false),
            ],
            BodyFormat::OAuth => vec![
                ("error", text(&self.code), false),
                ("error_description", text(&self.message), false),
            ],
            _ => vec![
                ("code", text(&self.code), false),
                ("message", text(&self.message), false),
                ("requestId", text(&self.request_id), false),
            ],
        }
    }
}

/// Reads the keys as [`ErrorResponse::parse`] does (`code`, `Code`, `error_code`,
/// `requestId`, `log_id`, a nested `error`, …; a number as its text; the later of two
/// spellings wins); ignores any other key.
#[cfg_attr(docsrs, doc(cfg(all(feature = "serde", feature = "response"))))]
impl<'de> Deserialize<'de> for ErrorResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ResponseVisitor;
        impl<'de> Visitor<'de> for ResponseVisitor {
            type Value = ErrorResponse;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an error body such as {code, message, requestId}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ErrorResponse, A::Error> {
                let mut out = ErrorResponse::default();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match top_key(key.as_bytes()) {
                        Key::Code(format) => {
                            out.code = map.next_value::<Text>()?.0;
                            out.format = format;
                        }
                        Key::Message(format) => {
                            out.message = map.next_value::<Text>()?.0;
                            if format == BodyFormat::AiPlatform && out.code.is_none() {
                                out.format = format;
                            }
                        }
                        Key::RequestId => out.request_id = map.next_value::<Text>()?.0,
                        Key::LogId => out.log_id = map.next_value::<Text>()?.0,
                        Key::Id => out.id = map.next_value::<Text>()?.0,
                        Key::Error => match map.next_value::<ErrorValue>()? {
                            ErrorValue::Object {
                                code,
                                message,
                                kind,
                            } => {
                                out.format = BodyFormat::Nested;
                                out.code = code;
                                out.message = message;
                                out.error_type = kind;
                            }
                            ErrorValue::Text(code) => {
                                out.format = BodyFormat::OAuth;
                                out.code = code;
                            }
                        },
                        Key::Other => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(out)
            }
        }
        deserializer.deserialize_map(ResponseVisitor)
    }
}

/// A string, a number (as its text), or anything else (absent).
struct Text(Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'v> Visitor<'v> for TextVisitor {
    type Value = Text;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, a number or null")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text(Some(v.to_owned())))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Text, E> {
        Ok(Text(Some(v.to_string())))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Text, E> {
        Ok(Text(Some(v.to_string())))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Text, E> {
        Ok(Text(Some(v.to_string())))
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Text, E> {
        Ok(Text(None))
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Text, E> {
        Ok(Text(None))
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Text, E> {
        Ok(Text(None))
    }
    fn visit_some<D: Deserializer<'v>>(self, d: D) -> Result<Text, D::Error> {
        Text::deserialize(d)
    }
    fn visit_seq<A: serde::de::SeqAccess<'v>>(self, mut seq: A) -> Result<Text, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Text(None))
    }
    fn visit_map<A: MapAccess<'v>>(self, mut map: A) -> Result<Text, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Text(None))
    }
}

/// The value of `error`: Qianfan's object, or the OAuth endpoint's code.
enum ErrorValue {
    Object {
        code: Option<String>,
        message: Option<String>,
        kind: Option<String>,
    },
    Text(Option<String>),
}

impl<'de> Deserialize<'de> for ErrorValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ErrorVisitor;
        impl<'de> Visitor<'de> for ErrorVisitor {
            type Value = ErrorValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an error object or code")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ErrorValue, A::Error> {
                let (mut code, mut message, mut kind) = (None, None, None);
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match key.as_ref() {
                        "code" => code = map.next_value::<Text>()?.0,
                        "message" => message = map.next_value::<Text>()?.0,
                        "type" => kind = map.next_value::<Text>()?.0,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(ErrorValue::Object {
                    code,
                    message,
                    kind,
                })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ErrorValue, E> {
                TextVisitor.visit_str(v).map(|t| ErrorValue::Text(t.0))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<ErrorValue, E> {
                TextVisitor.visit_i64(v).map(|t| ErrorValue::Text(t.0))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<ErrorValue, E> {
                TextVisitor.visit_u64(v).map(|t| ErrorValue::Text(t.0))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<ErrorValue, E> {
                TextVisitor.visit_f64(v).map(|t| ErrorValue::Text(t.0))
            }
            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<ErrorValue, E> {
                Ok(ErrorValue::Text(None))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<ErrorValue, E> {
                Ok(ErrorValue::Text(None))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<ErrorValue, A::Error> {
                TextVisitor.visit_seq(seq).map(|t| ErrorValue::Text(t.0))
            }
        }
        deserializer.deserialize_any(ErrorVisitor)
    }
}
