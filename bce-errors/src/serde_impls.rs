//! `serde` for [`ErrorResponse`], written out rather than derived: serde_derive would add
//! a proc-macro to every user's build for two small impls.

use core::fmt;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ErrorResponse;

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

/// Reads the documented keys and their capitalised forms; ignores any other key.
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
                    let slot = match key.as_ref() {
                        "code" | "Code" => &mut out.code,
                        "message" | "Message" => &mut out.message,
                        "requestId" | "RequestId" | "request_id" => &mut out.request_id,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    *slot = map.next_value::<Option<String>>()?;
                }
                Ok(out)
            }
        }
        deserializer.deserialize_map(ResponseVisitor)
    }
}
