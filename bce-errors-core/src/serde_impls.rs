//! `serde` for [`ErrorResponse`], written out rather than derived: serde_derive would add
//! a proc-macro to every user's build for two small impls.

use core::fmt;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ErrorResponse;
use crate::json::{Field, field};

/// Writes the documented keys (`code`, `message`, `requestId`), leaving out absent ones.
impl Serialize for ErrorResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = [
            ("code", &self.code),
            ("message", &self.message),
            ("requestId", &self.request_id),
        ];
        let mut map =
            serializer.serialize_map(Some(fields.iter().filter(|(_, v)| v.is_some()).count()))?;
        for (key, value) in fields {
            if let Some(value) = value {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

/// Reads the keys as [`ErrorResponse::parse`] does (`code`, `Code`, `requestId`,
/// `request_id`, …; a numeric code as its text); ignores any other key.
impl<'de> Deserialize<'de> for ErrorResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ResponseVisitor;
        impl<'de> Visitor<'de> for ResponseVisitor {
            type Value = ErrorResponse;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a BCE error body {code, message, requestId}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ErrorResponse, A::Error> {
                let mut out = ErrorResponse::default();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let slot = match field(key.as_bytes()) {
                        Field::Code => &mut out.code,
                        Field::Message => &mut out.message,
                        Field::RequestId => &mut out.request_id,
                        Field::Other => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    *slot = map.next_value::<Text>()?.0;
                }
                Ok(out)
            }
        }
        deserializer.deserialize_map(ResponseVisitor)
    }
}

/// A string, a number (as its text) or null.
struct Text(Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'v> Visitor<'v> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, a number or null")
            }
            fn visit_str<E>(self, v: &str) -> Result<Text, E> {
                Ok(Text(Some(v.to_owned())))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_unit<E>(self) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_none<E>(self) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_some<D: Deserializer<'v>>(self, d: D) -> Result<Text, D::Error> {
                Text::deserialize(d)
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}
