//! Code generation: a resolved [`Spec`] and the user's enum → the enum and its impls.
//!
//! Generated code names everything by absolute path (`::core::…`, `::bce_errors::…`),
//! assumes nothing about the user's imports, and writes messages with `write_str`, never
//! as format strings (messages hold braces and `${placeholders}`).

use std::path::Path;

use crate::item::{Attribute, EnumItem};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

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
pub fn generate(spec: &Spec, input: &EnumItem, options: &GenerateOptions<'_>) -> TokenStream {
    let name = &input.ident;
    let vis = &input.vis;
    let attrs = &input.attrs;
    let user_variant_attrs = user_variant_attrs(input);
    let variants: Vec<Ident> = spec
        .rows
        .iter()
        .map(|r| Ident::new(&r.variant, Span::call_site()))
        .collect();

    let enum_doc: Vec<String> = enum_doc(spec, attrs)
        .into_iter()
        .map(|l| format!(" {l}"))
        .collect();
    let variant_defs = spec.rows.iter().zip(&variants).map(|(row, v)| {
        let doc = variant_doc(row);
        let extra = user_variant_attrs
            .iter()
            .find(|(n, _)| *n == v)
            .map_or(&[][..], |(_, a)| *a);
        quote! { #[doc = #doc] #(#extra)* #v }
    });

    let codes: Vec<&str> = spec.rows.iter().map(|r| r.code.as_str()).collect();
    let messages = spec.rows.iter().map(|r| r.message.as_str());
    let statuses = spec.rows.iter().map(|r| r.status);
    let descriptions = spec.rows.iter().map(|r| r.description.as_str());
    // Only the rows that have one: the rest share the wildcard arm.
    let (zh_variants, zh): (Vec<&Ident>, Vec<&str>) = spec
        .rows
        .iter()
        .zip(&variants)
        .filter_map(|(r, v)| Some((v, r.description_zh.as_deref()?)))
        .unzip();
    let (retry_variants, retry): (Vec<&Ident>, Vec<TokenStream>) = spec
        .rows
        .iter()
        .zip(&variants)
        .filter_map(|(r, v)| Some((v, retry_tokens(r.retry?))))
        .unzip();
    let variant_names = spec.rows.iter().map(|r| r.variant.as_str());
    let service = &spec.service.name;

    let from_code = match PerfectHash::find(&codes) {
        Some(hash) => hash.tokens(name, &variants),
        None => quote! {
            match code {
                #(#codes => ::core::option::Option::Some(Self::#variants),)*
                _ => ::core::option::Option::None,
            }
        },
    };
    let tracking = options.manifest_dir.map(|root| {
        let files = spec
            .files
            .iter()
            .map(|f| root.join(f).to_string_lossy().into_owned());
        quote! { #(const _: &str = ::core::include_str!(#files);)* }
    });
    let from_global = spec
        .global_codes
        .as_ref()
        .map(|global| from_global(name, spec, global));

    quote! {
        #(#attrs)*
        #(#[doc = #enum_doc])*
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]
        #[non_exhaustive]
        #vis enum #name {
            #(#variant_defs,)*
        }

        #[automatically_derived]
        impl #name {
            /// The service, as its docs page names it.
            pub const SERVICE: &'static str = #service;
            /// Every code of the service, in the order of its spec.
            pub const ALL: &'static [Self] = &[#(Self::#variants),*];
            #[doc(hidden)]
            pub const __CODES: &'static [&'static str] = &[#(#codes),*];
            #[doc(hidden)]
            pub const __MESSAGES: &'static [&'static str] = &[#(#messages),*];
            #[doc(hidden)]
            pub const __STATUSES: &'static [u16] = &[#(#statuses),*];
            #[doc(hidden)]
            pub const __DESCRIPTIONS: &'static [&'static str] = &[#(#descriptions),*];
            #[doc(hidden)]
            pub const __VARIANTS: &'static [&'static str] = &[#(#variant_names),*];

            /// The code as the server sends it.
            pub const fn code(self) -> &'static str {
                Self::__CODES[self as usize]
            }
            /// The documented message.
            pub const fn message(self) -> &'static str {
                Self::__MESSAGES[self as usize]
            }
            /// The documented HTTP status.
            pub const fn status(self) -> u16 {
                Self::__STATUSES[self as usize]
            }
            /// The documented description.
            pub const fn description(self) -> &'static str {
                Self::__DESCRIPTIONS[self as usize]
            }
            /// The Chinese description, where the docs have one.
            pub const fn description_zh(self) -> ::core::option::Option<&'static str> {
                #[allow(unreachable_patterns)]
                match self {
                    #(Self::#zh_variants => ::core::option::Option::Some(#zh),)*
                    _ => ::core::option::Option::None,
                }
            }
            /// Whether and how a request that failed with this code may be retried: the
            /// spec's `retry` where it has one, else [`bce_errors::classify`] by status and code.
            pub fn retry_class(self) -> ::bce_errors::RetryClass {
                #[allow(unreachable_patterns)]
                match self {
                    #(Self::#retry_variants => #retry,)*
                    _ => ::bce_errors::classify(self.status(), ::core::option::Option::Some(self.code())),
                }
            }
            /// True when retrying (after a backoff, or after re-signing) can succeed.
            pub fn is_retryable(self) -> bool {
                self.retry_class().is_retryable()
            }
            /// The variant for a wire code; `None` for a code this spec does not document.
            pub fn from_code(code: &str) -> ::core::option::Option<Self> {
                #from_code
            }
            #[doc(hidden)]
            pub const fn __index(self) -> usize {
                self as usize
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.code())?;
                f.write_str(" (")?;
                ::core::fmt::Display::fmt(&self.status(), f)?;
                f.write_str("): ")?;
                f.write_str(self.message())
            }
        }

        #[automatically_derived]
        impl ::std::error::Error for #name {}

        #[automatically_derived]
        impl ::core::str::FromStr for #name {
            type Err = ::bce_errors::UnknownCode;
            fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                Self::from_code(code).ok_or_else(|| ::bce_errors::UnknownCode::new(Self::SERVICE, code))
            }
        }

        #[automatically_derived]
        impl ::bce_errors::ServiceError for #name {
            const SERVICE: &'static str = #name::SERVICE;
            const ALL: &'static [Self] = #name::ALL;
            fn code(&self) -> &'static str { #name::code(*self) }
            fn variant_name(&self) -> &'static str { #name::__VARIANTS[*self as usize] }
            fn message(&self) -> &'static str { #name::message(*self) }
            fn status(&self) -> u16 { #name::status(*self) }
            fn description(&self) -> &'static str { #name::description(*self) }
            fn description_zh(&self) -> ::core::option::Option<&'static str> { #name::description_zh(*self) }
            fn retry_class(&self) -> ::bce_errors::RetryClass { #name::retry_class(*self) }
            fn from_code(code: &str) -> ::core::option::Option<Self> { #name::from_code(code) }
        }

        #from_global

        ::bce_errors::__glue!(#name);

        #tracking
    }
}

/// `From<GlobalError>`: the included global rows map by position; a compile-time check
/// proves this spec's copy of global.toml lists the same codes as the bundled GlobalError.
fn from_global(name: &Ident, spec: &Spec, global: &[String]) -> TokenStream {
    // Every included code is in the resolved spec (a row can be overridden, never removed).
    let targets = global
        .iter()
        .filter_map(|code| spec.row(code))
        .map(|row| Ident::new(&row.variant, Span::call_site()));
    let n = global.len();
    quote! {
        #[automatically_derived]
        impl ::core::convert::From<::bce_errors::services::GlobalError> for #name {
            fn from(global: ::bce_errors::services::GlobalError) -> Self {
                const _: () = ::core::assert!(
                    ::bce_errors::__private::same_codes(&[#(#global),*], ::bce_errors::services::GlobalError::__CODES),
                    "this spec's global.toml lists other codes than bce_errors::services::GlobalError; copy the bundled global.toml"
                );
                const MAP: [#name; #n] = [#(#name::#targets),*];
                MAP[global.__index()]
            }
        }
    }
}

fn retry_tokens(retry: Retry) -> TokenStream {
    let class = match retry {
        Retry::Transient => quote!(Transient),
        Retry::Throttling => quote!(Throttling),
        Retry::ClockSkew => quote!(ClockSkew),
        Retry::Never => quote!(Never),
    };
    quote!(::bce_errors::RetryClass::#class)
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

fn user_variant_attrs(input: &EnumItem) -> Vec<(&Ident, &[Attribute])> {
    input
        .variants
        .iter()
        .map(|v| (&v.ident, v.attrs.as_slice()))
        .collect()
}
