//! The enum's trait impls: `Debug`, `Display`, `Error`, `FromStr`, `ServiceError`, the
//! serde glue, and `From<GlobalError>`. Each is a short template; `rt` is the runtime's
//! path (`::bce_errors`).

use crate::bundled_global::GLOBAL_CODES;
use crate::model::Spec;

/// `Debug` (the variant's name), `Display` (`Code (status): message`), `Error`,
/// `FromStr`.
pub(super) fn std_impls(name: &str, rt: &str) -> String {
    format!(
        r#"
#[automatically_derived]
impl ::core::fmt::Debug for {name} {{
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
        f.write_str(self.variant_name())
    }}
}}

#[automatically_derived]
impl ::core::fmt::Display for {name} {{
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
        Self::__TABLE.display(*self as usize, f)
    }}
}}

#[automatically_derived]
impl ::core::error::Error for {name} {{}}

#[automatically_derived]
impl ::core::str::FromStr for {name} {{
    type Err = {rt}::UnknownCode;
    fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {{
        Self::from_code(code).ok_or_else(|| {rt}::UnknownCode::new(Self::SERVICE, code))
    }}
}}
"#
    )
}

/// `ServiceError`, for code generic over services, and the feature-dependent glue
/// (serde), which the runtime defines so that its features decide.
pub(super) fn service_error(name: &str, rt: &str) -> String {
    format!(
        r#"
#[automatically_derived]
impl {rt}::ServiceError for {name} {{
    const SERVICE: &'static str = {name}::SERVICE;
    const ALL: &'static [Self] = {name}::ALL;
    fn code(&self) -> &'static str {{ {name}::code(*self) }}
    fn variant_name(&self) -> &'static str {{ {name}::variant_name(*self) }}
    fn message(&self) -> &'static str {{ {name}::message(*self) }}
    fn status(&self) -> ::core::option::Option<u16> {{ {name}::status(*self) }}
    fn description(&self) -> ::core::option::Option<&'static str> {{ {name}::description(*self) }}
    fn description_zh(&self) -> ::core::option::Option<&'static str> {{ {name}::description_zh(*self) }}
    fn retry_class(&self) -> {rt}::RetryClass {{ {name}::retry_class(*self) }}
    fn from_code(code: &str) -> ::core::option::Option<Self> {{ {name}::from_code(code) }}
}}

{rt}::__glue!({name});
"#
    )
}

/// `From<GlobalError>`: each bundled global code maps to this spec's row with the same
/// code (validation made sure there is one), by `GlobalError`'s position.
pub(super) fn from_global(spec: &Spec, name: &str, rt: &str) -> String {
    let map: Vec<String> = GLOBAL_CODES
        .iter()
        .filter_map(|code| spec.row(code).map(|r| format!("{name}::{}", r.variant)))
        .collect();
    let len = map.len();
    let map = map.join(", ");
    format!(
        r#"
#[automatically_derived]
impl ::core::convert::From<{rt}::services::GlobalError> for {name} {{
    fn from(global: {rt}::services::GlobalError) -> Self {{
        const MAP: [{name}; {len}] = [{map}];
        MAP[global.__index()]
    }}
}}
"#
    )
}
