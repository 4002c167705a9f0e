//! Stage 6: when anything is wrong, the user's enum with its whole API stubbed, beside
//! the compile errors, so the user sees the spec's problems and no follow-on errors
//! (no "no function `from_code`", no "`NatError` doesn't implement `Display`").

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};

use crate::item::EnumItem;
use crate::tokens::lex;

/// What the fallback knows of the spec that failed.
#[derive(Debug, Clone, Default)]
pub struct Partial {
    /// Variants of the rows that could be read.
    pub variants: Vec<String>,
    /// Whether the spec includes a `global.toml` (then it converts from `GlobalError`).
    pub includes_global: bool,
}

/// The enum — with the variants the user listed and those of the spec's readable rows —
/// and stub impls of everything generation would have produced. The stubs never run:
/// the crate does not compile.
pub fn fallback(item: &EnumItem, errors: TokenStream, rt: &str, partial: &Partial) -> TokenStream {
    let mut out = errors;
    for attr in &item.attrs {
        out.extend(attr.tokens());
    }
    out.extend(lex(
        "fallback derives",
        "#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, \
         ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]",
    ));
    out.extend(item.vis.clone());
    out.extend(lex("fallback enum", "enum"));
    out.extend([TokenTree::Ident(item.ident.clone())]);
    let mut names: Vec<String> = item.variants.iter().map(|v| v.ident.to_string()).collect();
    for name in &partial.variants {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    let variants: String = names.iter().map(|v| format!("{v},")).collect();
    out.extend([TokenTree::Group(Group::new(
        Delimiter::Brace,
        lex("fallback variants", &variants),
    ))]);
    let name = item.ident.to_string();
    out.extend(lex("fallback impls", &stubs(&name, rt)));
    if partial.includes_global {
        out.extend(lex(
            "fallback From<GlobalError>",
            &format!(
                "impl ::core::convert::From<{rt}::services::GlobalError> for {name} {{
                     fn from(_: {rt}::services::GlobalError) -> Self {{ ::core::unreachable!() }}
                 }}"
            ),
        ));
    }
    out
}

fn stubs(name: &str, rt: &str) -> String {
    const STUB: &str = "::core::unreachable!()";
    format!(
        r#"
impl {name} {{
    pub const SERVICE: &'static str = "";
    pub const ALL: &'static [Self] = &[];
    pub fn code(self) -> &'static str {{ {STUB} }}
    pub fn message(self) -> &'static str {{ {STUB} }}
    pub fn status(self) -> ::core::option::Option<u16> {{ {STUB} }}
    pub fn description(self) -> ::core::option::Option<&'static str> {{ {STUB} }}
    pub fn description_zh(self) -> ::core::option::Option<&'static str> {{ {STUB} }}
    pub fn variant_name(self) -> &'static str {{ {STUB} }}
    pub fn retry_class(self) -> {rt}::RetryClass {{ {STUB} }}
    pub fn is_retryable(self) -> bool {{ {STUB} }}
    pub fn from_code(_: &str) -> ::core::option::Option<Self> {{ {STUB} }}
}}
impl ::core::fmt::Display for {name} {{
    fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{ {STUB} }}
}}
impl ::core::error::Error for {name} {{}}
impl ::core::str::FromStr for {name} {{
    type Err = {rt}::UnknownCode;
    fn from_str(_: &str) -> ::core::result::Result<Self, Self::Err> {{ {STUB} }}
}}
impl {rt}::ServiceError for {name} {{
    const SERVICE: &'static str = "";
    const ALL: &'static [Self] = &[];
    fn code(&self) -> &'static str {{ {STUB} }}
    fn variant_name(&self) -> &'static str {{ {STUB} }}
    fn message(&self) -> &'static str {{ {STUB} }}
    fn status(&self) -> ::core::option::Option<u16> {{ {STUB} }}
    fn description(&self) -> ::core::option::Option<&'static str> {{ {STUB} }}
    fn description_zh(&self) -> ::core::option::Option<&'static str> {{ {STUB} }}
    fn retry_class(&self) -> {rt}::RetryClass {{ {STUB} }}
    fn from_code(_: &str) -> ::core::option::Option<Self> {{ {STUB} }}
}}
{rt}::__glue!({name});
"#
    )
}
