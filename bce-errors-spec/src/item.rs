//! The user's enum and the attribute's argument, read from tokens.
//!
//! A small reader over `proc_macro2` tokens instead of `syn`: the macro needs only an
//! enum's attributes, visibility, name and variant names, and one string literal, and
//! syn is the largest crate on the macro's critical build path (every user pays it on
//! every clean build; see BENCHMARKS.md).

use proc_macro2::{Delimiter, Group, Ident, Literal, Span, TokenStream, TokenTree};

use crate::generate::{lex, lit};

/// A compile error at a span. Several are reported together.
#[derive(Debug, Clone)]
pub struct MacroError {
    span: Span,
    message: String,
}

impl MacroError {
    /// An error with `message` at `span`.
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        MacroError {
            span,
            message: message.into(),
        }
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// `::core::compile_error!("…")`, spanned so rustc points at the right place.
    pub fn to_compile_error(&self) -> TokenStream {
        respan(
            lex(&format!(
                "::core::compile_error! {{ {} }}",
                lit(&self.message)
            )),
            self.span,
        )
    }
}

/// Compile errors for a list of problems.
pub fn compile_errors(errors: &[MacroError]) -> TokenStream {
    errors.iter().map(MacroError::to_compile_error).collect()
}

/// An outer attribute, `#[...]`, kept as written.
#[derive(Debug, Clone)]
pub struct Attribute {
    tokens: TokenStream,
    is_doc: bool,
}

impl Attribute {
    /// Is this a doc comment (`///` or `#[doc = ...]`)?
    pub fn is_doc(&self) -> bool {
        self.is_doc
    }
}

impl Attribute {
    /// The attribute's tokens, spans as written.
    pub fn tokens(&self) -> TokenStream {
        self.tokens.clone()
    }
}

/// `tokens` with every span set to `span`.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut t| {
            if let TokenTree::Group(g) = &t {
                let mut group = Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                t = TokenTree::Group(group);
            } else {
                t.set_span(span);
            }
            t
        })
        .collect()
}

/// A variant the user listed by hand.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Its attributes (doc comments…), kept on the generated variant.
    pub attrs: Vec<Attribute>,
    /// Its name.
    pub ident: Ident,
}

/// The item under `#[bce_errors]`: an enum without generics, fields or discriminants.
#[derive(Debug, Clone)]
pub struct EnumItem {
    /// Outer attributes, kept on the generated enum.
    pub attrs: Vec<Attribute>,
    /// Visibility tokens (`pub`, `pub(crate)`, or none).
    pub vis: TokenStream,
    /// The enum's name.
    pub ident: Ident,
    /// Variants listed by hand (usually none).
    pub variants: Vec<Variant>,
}

/// What the item turned out to be when it is not a usable enum.
#[derive(Debug)]
pub(crate) struct ItemErrors {
    pub(crate) errors: Vec<MacroError>,
    /// The enum's attributes, visibility and name, when it is an enum at all: enough
    /// for the fallback skeleton.
    pub(crate) skeleton: Option<Box<EnumItem>>,
    /// Whether the item can be given back as written without follow-on errors.
    pub(crate) keep_item: bool,
}

/// Reads an enum item.
///
/// ```
/// let item = bce_errors_spec::parse_enum("/// Docs.\npub(crate) enum NatError {}".parse().unwrap()).unwrap();
/// assert_eq!(item.ident, "NatError");
/// assert!(item.attrs[0].is_doc());
/// ```
pub fn parse_enum(tokens: TokenStream) -> Result<EnumItem, Vec<MacroError>> {
    parse_item(tokens).map_err(|e| e.errors)
}

pub(crate) fn parse_item(tokens: TokenStream) -> Result<EnumItem, ItemErrors> {
    let mut it = tokens.into_iter().peekable();
    let attrs = attributes(&mut it);
    let mut vis = TokenStream::new();
    if let Some(TokenTree::Ident(i)) = it.peek() {
        if i == "pub" {
            vis.extend(it.next());
            if let Some(TokenTree::Group(g)) = it.peek() {
                if g.delimiter() == Delimiter::Parenthesis {
                    vis.extend(it.next());
                }
            }
        }
    }
    let fail = |span: Span, message: &str| ItemErrors {
        errors: vec![MacroError::new(span, message)],
        skeleton: None,
        keep_item: true,
    };
    let keyword = match it.next() {
        Some(TokenTree::Ident(k)) => k,
        other => {
            return Err(fail(
                other.map_or(Span::call_site(), |t| t.span()),
                GOES_ON_ENUM,
            ));
        }
    };
    match keyword.to_string().as_str() {
        "enum" => {}
        "struct" => {
            return Err(fail(
                keyword.span(),
                "#[bce_errors] goes on an enum, not a struct",
            ));
        }
        "union" => {
            return Err(fail(
                keyword.span(),
                "#[bce_errors] goes on an enum, not a union",
            ));
        }
        _ => return Err(fail(Span::call_site(), GOES_ON_ENUM)),
    }
    let ident = match it.next() {
        Some(TokenTree::Ident(i)) => i,
        other => {
            return Err(fail(
                other.map_or(keyword.span(), |t| t.span()),
                "expected the enum's name",
            ));
        }
    };
    let skeleton = |variants| EnumItem {
        attrs: attrs.clone(),
        vis: vis.clone(),
        ident: ident.clone(),
        variants,
    };
    let body = match it.next() {
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => g,
        Some(t)
            if matches!(&t, TokenTree::Punct(p) if p.as_char() == '<')
                || matches!(&t, TokenTree::Ident(i) if i == "where") =>
        {
            return Err(ItemErrors {
                errors: vec![MacroError::new(
                    t.span(),
                    "a #[bce_errors] enum cannot be generic: its variants are fixed by the spec",
                )],
                skeleton: None,
                // Given back, an empty generic enum would add "parameter never used".
                keep_item: false,
            });
        }
        other => {
            return Err(fail(
                other.map_or(ident.span(), |t| t.span()),
                "expected `{` and the enum's variants",
            ));
        }
    };
    let mut variants = Vec::new();
    let mut errors = Vec::new();
    let mut rest = body.stream().into_iter().peekable();
    while rest.peek().is_some() {
        let attrs = attributes(&mut rest);
        let ident = match rest.next() {
            Some(TokenTree::Ident(i)) => i,
            Some(t) => {
                errors.push(MacroError::new(t.span(), "expected a variant name"));
                skip_to_comma(&mut rest);
                continue;
            }
            None => break,
        };
        match rest.next() {
            None => {}
            Some(TokenTree::Punct(p)) if p.as_char() == ',' => {}
            Some(TokenTree::Group(g)) => {
                errors.push(MacroError::new(
                    g.span(),
                    "variants of a #[bce_errors] enum have no fields: remove them",
                ));
                skip_to_comma(&mut rest);
            }
            Some(TokenTree::Punct(p)) if p.as_char() == '=' => {
                let span = rest.peek().map_or(p.span(), |t| t.span());
                errors.push(MacroError::new(
                    span,
                    "variants of a #[bce_errors] enum take no discriminant: remove it",
                ));
                skip_to_comma(&mut rest);
            }
            Some(t) => {
                errors.push(MacroError::new(t.span(), "expected `,` after the variant"));
                skip_to_comma(&mut rest);
            }
        }
        variants.push(Variant { attrs, ident });
    }
    if errors.is_empty() {
        Ok(skeleton(variants))
    } else {
        Err(ItemErrors {
            errors,
            skeleton: Some(Box::new(skeleton(Vec::new()))),
            keep_item: false,
        })
    }
}

const GOES_ON_ENUM: &str =
    "#[bce_errors] goes on an enum: #[bce_errors(\"specs/x.toml\")] pub enum XError {}";

fn attributes(it: &mut std::iter::Peekable<impl Iterator<Item = TokenTree>>) -> Vec<Attribute> {
    let mut attrs = Vec::new();
    while matches!(it.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '#') {
        let pound = it.next();
        let Some(TokenTree::Group(group)) = it.next() else {
            break;
        };
        let is_doc =
            matches!(group.stream().into_iter().next(), Some(TokenTree::Ident(i)) if i == "doc");
        let tokens: TokenStream = pound.into_iter().chain([TokenTree::Group(group)]).collect();
        attrs.push(Attribute { tokens, is_doc });
    }
    attrs
}

fn skip_to_comma(it: &mut impl Iterator<Item = TokenTree>) {
    for t in it {
        if matches!(t, TokenTree::Punct(p) if p.as_char() == ',') {
            break;
        }
    }
}

/// The one string literal the attribute takes: its value and span.
pub(crate) fn spec_path(attr: TokenStream) -> Result<(String, Span), MacroError> {
    let usage = "expected the spec path: #[bce_errors(\"specs/x.toml\")]";
    let mut tokens = attr.into_iter();
    let first = match tokens.next() {
        None => return Err(MacroError::new(Span::call_site(), usage)),
        Some(t) => t,
    };
    if let Some(extra) = tokens.next() {
        return Err(MacroError::new(
            extra.span(),
            "#[bce_errors] takes one spec path, found more; use one enum per spec",
        ));
    }
    match first {
        TokenTree::Literal(lit) => match string_value(&lit) {
            Some(value) => Ok((value, lit.span())),
            None => Err(MacroError::new(
                lit.span(),
                format!("the spec path must be a string literal; {usage}"),
            )),
        },
        other => Err(MacroError::new(other.span(), usage)),
    }
}

/// The value of a string literal token (`"…"` or `r#"…"#`), `None` for other literals.
fn string_value(lit: &Literal) -> Option<String> {
    let text = lit.to_string();
    if let Some(raw) = text.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let inner = raw.get(hashes + 1..raw.len().checked_sub(hashes + 1)?)?;
        return Some(inner.to_owned());
    }
    let inner: Vec<char> = text.strip_prefix('"')?.strip_suffix('"')?.chars().collect();
    let mut out = String::with_capacity(inner.len());
    let mut i = 0;
    while i < inner.len() {
        let c = inner[i];
        i += 1;
        if c != '\\' {
            out.push(c);
            continue;
        }
        let escape = *inner.get(i)?;
        i += 1;
        match escape {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            '0' => out.push('\0'),
            '\\' => out.push('\\'),
            '"' => out.push('"'),
            '\'' => out.push('\''),
            'x' => {
                let hex: String = inner.get(i..i + 2)?.iter().collect();
                out.push(char::from(u8::from_str_radix(&hex, 16).ok()?));
                i += 2;
            }
            'u' => {
                let close = i + inner[i..].iter().position(|&c| c == '}')?;
                let hex: String = inner.get(i + 1..close)?.iter().collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                i = close + 1;
            }
            // A line continuation: the newline and the whitespace after it vanish.
            '\n' => {
                while inner.get(i).is_some_and(|c| c.is_whitespace()) {
                    i += 1;
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(attr: &str) -> Result<String, String> {
        spec_path(attr.parse().unwrap())
            .map(|(p, _)| p)
            .map_err(|e| e.message().to_owned())
    }

    #[test]
    fn string_literals() {
        assert_eq!(path("\"specs/nat.toml\""), Ok("specs/nat.toml".to_owned()));
        assert_eq!(
            path("r\"specs\\nat.toml\""),
            Ok("specs\\nat.toml".to_owned())
        );
        assert_eq!(path("r#\"a\"b\"#"), Ok("a\"b".to_owned()));
        assert_eq!(path("\"a\\u{5f00}\\x41\\\"\""), Ok("a开A\"".to_owned()));
        assert!(path("42").unwrap_err().contains("must be a string literal"));
        assert!(
            path("b\"x\"")
                .unwrap_err()
                .contains("must be a string literal")
        );
        assert!(
            path("specs")
                .unwrap_err()
                .contains("expected the spec path")
        );
        assert!(
            path("\"a\", \"b\"")
                .unwrap_err()
                .contains("takes one spec path")
        );
        assert!(path("").unwrap_err().contains("expected the spec path"));
    }

    #[test]
    fn enums() {
        let item = parse_enum(
            "#[derive(PartialOrd)] /// d\n pub(in crate::x) enum E { /// a\n A, #[allow(x)] B }"
                .parse()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(item.ident, "E");
        assert_eq!(item.attrs.len(), 2);
        assert!(!item.attrs[0].is_doc() && item.attrs[1].is_doc());
        assert_eq!(item.vis.to_string(), "pub (in crate :: x)");
        assert_eq!(
            item.variants
                .iter()
                .map(|v| v.ident.to_string())
                .collect::<Vec<_>>(),
            ["A", "B"]
        );
    }

    #[test]
    fn not_usable_enums() {
        for (src, message) in [
            ("struct S;", "not a struct"),
            ("union U { a: u8 }", "not a union"),
            ("fn f() {}", "goes on an enum"),
            ("enum E<T> {}", "cannot be generic"),
            ("enum E where u8: Copy {}", "cannot be generic"),
            ("enum E { A(u8), B }", "have no fields"),
            ("enum E { A = 1 }", "take no discriminant"),
            ("enum E { A { x: u8 } }", "have no fields"),
            ("enum", "expected the enum's name"),
            ("enum E;", "expected `{`"),
        ] {
            let errors = parse_enum(src.parse().unwrap()).unwrap_err();
            assert!(errors[0].message().contains(message), "{src}: {errors:?}");
        }
    }
}
