//! Code generation: a resolved [`Spec`] and the user's enum → the enum and its impls.
//!
//! Generated code names everything by absolute path (`::core::…`, `::bce_errors::…`),
//! assumes nothing about the user's imports, and writes messages with `write_str`, never
//! as format strings (messages hold braces and `${placeholders}`).

use std::path::Path;

use std::fmt::Write as _;

use proc_macro2::{Delimiter, Group, Literal, TokenStream, TokenTree};

use crate::item::{Attribute, EnumItem};

use crate::lookup::PerfectHash;
use crate::model::{Retry, Row, Spec};

/// What the generator needs besides the spec and the enum.
#[derive(Debug, Clone, Default)]
pub struct GenerateOptions<'a> {
    /// The crate root: when set, every spec file read is `include_str!`-ed from it, so
    /// that cargo rebuilds the crate when a spec changes.
    pub manifest_dir: Option<&'a Path>,
}

/// Generates the enum `input` (its attributes, visibility and name are kept; its variants,
/// if any, must already have been checked against the spec) with every impl.
///
/// Generated code is written as text and lexed once, rather than built with `quote!`:
/// this crate is compiled by every user of the macro, and `quote!` expansions were most
/// of its compile time. The user's own tokens (attributes, visibility, name) are kept as
/// they came, spans and all.
pub fn generate(spec: &Spec, input: &EnumItem, options: &GenerateOptions<'_>) -> TokenStream {
    let name = input.ident.to_string();
    let mut out = TokenStream::new();

    // The enum itself.
    for attr in &input.attrs {
        out.extend(attr.tokens());
    }
    let mut head = String::new();
    for line in enum_doc(spec, &input.attrs) {
        let _ = write!(head, "#[doc = {}]", lit(&format!(" {line}")));
    }
    head.push_str(
        "#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, \
         ::core::cmp::Eq, ::core::hash::Hash)] #[non_exhaustive]",
    );
    out.extend(lex(&head));
    out.extend(input.vis.clone());
    out.extend(lex("enum"));
    out.extend([TokenTree::Ident(input.ident.clone())]);
    let mut body = TokenStream::new();
    for row in &spec.rows {
        body.extend(lex(&format!("#[doc = {}]", lit(&variant_doc(row)))));
        if let Some(v) = input.variants.iter().find(|v| v.ident == row.variant) {
            for attr in &v.attrs {
                body.extend(attr.tokens());
            }
        }
        body.extend(lex(&format!("{},", row.variant)));
    }
    out.extend([TokenTree::Group(Group::new(Delimiter::Brace, body))]);

    // Everything else, as text.
    let list = |f: &dyn Fn(&Row) -> String| spec.rows.iter().map(f).collect::<Vec<_>>().join(", ");
    let codes: Vec<&str> = spec.rows.iter().map(|r| r.code.as_str()).collect();
    let zh_arms: String = spec
        .rows
        .iter()
        .filter_map(|r| {
            Some(format!(
                "Self::{} => ::core::option::Option::Some({}),",
                r.variant,
                lit(r.description_zh.as_deref()?)
            ))
        })
        .collect();
    let retry_arms: String = spec
        .rows
        .iter()
        .filter_map(|r| {
            Some(format!(
                "Self::{} => ::bce_errors::RetryClass::{},",
                r.variant,
                retry_variant(r.retry?)
            ))
        })
        .collect();
    let from_code = match PerfectHash::find(&codes) {
        Some(hash) => hash.code(
            &name,
            &spec
                .rows
                .iter()
                .map(|r| r.variant.as_str())
                .collect::<Vec<_>>(),
            &codes,
        ),
        None => format!(
            "match code {{ {} _ => ::core::option::Option::None }}",
            spec.rows
                .iter()
                .map(|r| format!(
                    "{} => ::core::option::Option::Some(Self::{}),",
                    lit(&r.code),
                    r.variant
                ))
                .collect::<String>()
        ),
    };
    let mut code = String::with_capacity(256 * spec.rows.len() + 4096);
    let _ = write!(
        code,
        r#"
        #[automatically_derived]
        impl {name} {{
            /// The service, as its docs page names it.
            pub const SERVICE: &'static str = {service};
            /// Every code of the service, in the order of its spec.
            pub const ALL: &'static [Self] = &[{all}];
            #[doc(hidden)]
            pub const __CODES: &'static [&'static str] = &[{codes}];
            #[doc(hidden)]
            pub const __MESSAGES: &'static [&'static str] = &[{messages}];
            #[doc(hidden)]
            pub const __STATUSES: &'static [u16] = &[{statuses}];
            #[doc(hidden)]
            pub const __DESCRIPTIONS: &'static [&'static str] = &[{descriptions}];
            #[doc(hidden)]
            pub const __VARIANTS: &'static [&'static str] = &[{variants}];

            /// The code as the server sends it.
            pub const fn code(self) -> &'static str {{
                Self::__CODES[self as usize]
            }}
            /// The documented message.
            pub const fn message(self) -> &'static str {{
                Self::__MESSAGES[self as usize]
            }}
            /// The documented HTTP status.
            pub const fn status(self) -> u16 {{
                Self::__STATUSES[self as usize]
            }}
            /// The documented description.
            pub const fn description(self) -> &'static str {{
                Self::__DESCRIPTIONS[self as usize]
            }}
            /// The Chinese description, where the docs have one.
            pub const fn description_zh(self) -> ::core::option::Option<&'static str> {{
                #[allow(unreachable_patterns)]
                match self {{
                    {zh_arms}
                    _ => ::core::option::Option::None,
                }}
            }}
            /// Whether and how a request that failed with this code may be retried: the
            /// spec's `retry` where it has one, else [`bce_errors::classify`] by status and code.
            pub fn retry_class(self) -> ::bce_errors::RetryClass {{
                #[allow(unreachable_patterns)]
                match self {{
                    {retry_arms}
                    _ => ::bce_errors::classify(self.status(), ::core::option::Option::Some(self.code())),
                }}
            }}
            /// True when retrying (after a backoff, or after re-signing) can succeed.
            pub fn is_retryable(self) -> bool {{
                self.retry_class().is_retryable()
            }}
            /// The variant for a wire code; `None` for a code this spec does not document.
            #[inline]
            pub fn from_code(code: &str) -> ::core::option::Option<Self> {{
                {from_code}
            }}
            #[doc(hidden)]
            pub const fn __index(self) -> usize {{
                self as usize
            }}
        }}

        #[automatically_derived]
        impl ::core::fmt::Display for {name} {{
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
                f.write_str(self.code())?;
                f.write_str(" (")?;
                ::core::fmt::Display::fmt(&self.status(), f)?;
                f.write_str("): ")?;
                f.write_str(self.message())
            }}
        }}

        #[automatically_derived]
        impl ::core::error::Error for {name} {{}}

        #[automatically_derived]
        impl ::core::str::FromStr for {name} {{
            type Err = ::bce_errors::UnknownCode;
            fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {{
                Self::from_code(code).ok_or_else(|| ::bce_errors::UnknownCode::new(Self::SERVICE, code))
            }}
        }}

        #[automatically_derived]
        impl ::bce_errors::ServiceError for {name} {{
            const SERVICE: &'static str = {name}::SERVICE;
            const ALL: &'static [Self] = {name}::ALL;
            fn code(&self) -> &'static str {{ {name}::code(*self) }}
            fn variant_name(&self) -> &'static str {{ {name}::__VARIANTS[*self as usize] }}
            fn message(&self) -> &'static str {{ {name}::message(*self) }}
            fn status(&self) -> u16 {{ {name}::status(*self) }}
            fn description(&self) -> &'static str {{ {name}::description(*self) }}
            fn description_zh(&self) -> ::core::option::Option<&'static str> {{ {name}::description_zh(*self) }}
            fn retry_class(&self) -> ::bce_errors::RetryClass {{ {name}::retry_class(*self) }}
            fn from_code(code: &str) -> ::core::option::Option<Self> {{ {name}::from_code(code) }}
        }}

        ::bce_errors::__glue!({name});
        "#,
        service = lit(&spec.service.name),
        all = list(&|r| format!("Self::{}", r.variant)),
        codes = list(&|r| lit(&r.code)),
        messages = list(&|r| lit(&r.message)),
        statuses = list(&|r| r.status.to_string()),
        descriptions = list(&|r| lit(&r.description)),
        variants = list(&|r| lit(&r.variant)),
    );
    if spec.global_codes.is_some() {
        from_global(&mut code, &name);
    }
    if let Some(root) = options.manifest_dir {
        for file in &spec.files {
            let _ = write!(
                code,
                "const _: &str = ::core::include_str!({});",
                lit(&root.join(file).to_string_lossy())
            );
        }
    }
    out.extend(lex(&code));
    out
}

/// A Rust string literal for `text`.
pub(crate) fn lit(text: &str) -> String {
    Literal::string(text).to_string()
}

/// Lexes generated code. It always lexes (every literal in it comes from [`lit`]); if it
/// ever did not, the user gets a compile error asking for a report, not a panic.
pub(crate) fn lex(code: &str) -> TokenStream {
    code.parse().unwrap_or_else(|_| {
        let message =
            "bce-errors generated code that does not lex; please report this with the spec file";
        format!("::core::compile_error!({});", lit(message))
            .parse()
            .unwrap_or_default()
    })
}

/// `From<GlobalError>`: a table built at compile time maps each bundled global code to
/// the variant with the same code; a spec that lacks one of them fails to compile with a
/// message saying so (rather than converting wrongly).
fn from_global(code: &mut String, name: &str) {
    let _ = write!(
        code,
        r#"
        #[automatically_derived]
        impl ::core::convert::From<::bce_errors::services::GlobalError> for {name} {{
            fn from(global: ::bce_errors::services::GlobalError) -> Self {{
                const N: usize = ::bce_errors::services::GlobalError::__CODES.len();
                const MAP: [{name}; N] = {{
                    let global = ::bce_errors::services::GlobalError::__CODES;
                    let mut map = [{name}::ALL[0]; N];
                    let mut i = 0;
                    while i < N {{
                        let mut j = 0;
                        loop {{
                            if j == {name}::__CODES.len() {{
                                ::core::panic!("this spec includes a global.toml that lacks a code of bce_errors::services::GlobalError: include the bundled global.toml");
                            }}
                            if ::bce_errors::__private::same_str(global[i], {name}::__CODES[j]) {{
                                map[i] = {name}::ALL[j];
                                break;
                            }}
                            j += 1;
                        }}
                        i += 1;
                    }}
                    map
                }};
                MAP[global.__index()]
            }}
        }}
        "#
    );
}

fn retry_variant(retry: Retry) -> &'static str {
    match retry {
        Retry::Transient => "Transient",
        Retry::Throttling => "Throttling",
        Retry::ClockSkew => "ClockSkew",
        Retry::Never => "Never",
    }
}

/// The enum's doc lines: the user's own doc comment, else the spec's `enum_doc`; then
/// where the table comes from.
fn enum_doc(spec: &Spec, attrs: &[Attribute]) -> Vec<String> {
    let mut lines = Vec::new();
    if !attrs.iter().any(Attribute::is_doc) {
        let doc = spec
            .service
            .enum_doc
            .clone()
            .unwrap_or_else(|| format!("Errors of the {} service.", spec.service.name));
        lines.push(markdown_escape(&doc));
    }
    lines.push(String::new());
    let mut origin = format!(
        "Generated from `{}`: {}",
        spec.files[0],
        markdown_escape(&spec.service.source)
    );
    if let Some(updated) = &spec.service.updated {
        origin.push_str(&format!(" (updated at {})", markdown_escape(updated)));
    }
    origin.push_str(&format!(". {} codes.", spec.rows.len()));
    lines.push(origin);
    lines
}

/// A variant's doc: code, status and message first (what hover shows), then the
/// description and the Chinese description.
fn variant_doc(row: &Row) -> String {
    let mut doc = format!(
        " `{}` · HTTP {} · {}\n\n {}",
        row.code.replace('`', "'"),
        row.status,
        markdown_escape(&row.message),
        markdown_escape(&row.description)
    );
    if let Some(zh) = &row.description_zh {
        doc.push_str(&format!("\n\n 说明: {}", markdown_escape(zh)));
    }
    doc
}

/// Escapes text from the docs so rustdoc shows it as written (`<Data>` is not a tag,
/// `[x]` is not a link).
fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
