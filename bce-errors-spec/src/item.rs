//! Stage 1: the user's enum and the attribute's arguments, read from tokens.
//!
//! A small reader over `proc_macro2` tokens instead of `syn`: the macro needs only an
//! enum's attributes, visibility, name and variant names, a string literal and an
//! optional `crate = "path"`; syn with the features that parse items is the largest
//! crate an empty crate would build for the macro (see BENCHMARKS.md).

use proc_macro2::{Delimiter, Group, Ident, Literal, Span, TokenStream, TokenTree};

use crate::tokens::MacroError;

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

    /// The attribute's path when it is a single name (`doc`, `cfg`, `allow`).
    pub fn name(&self) -> Option<String> {
        let group = self.tokens.clone().into_iter().nth(1)?;
        let TokenTree::Group(group) = group else {
            return None;
        };
        match group.stream().into_iter().next()? {
            TokenTree::Ident(i) => Some(i.to_string()),
            _ => None,
        }
    }

    /// The last path segment of each trait a `#[derive(...)]` names (`Clone` for
    /// `::core::clone::Clone`); empty for any other attribute.
    pub fn derives(&self) -> Vec<String> {
        if self.name().as_deref() != Some("derive") {
            return Vec::new();
        }
        let Some(TokenTree::Group(attr)) = self.tokens.clone().into_iter().nth(1) else {
            return Vec::new();
        };
        let Some(TokenTree::Group(list)) = attr.stream().into_iter().nth(1) else {
            return Vec::new();
        };
        let mut names = Vec::new();
        let mut last = None;
        for token in list.stream() {
            match token {
                TokenTree::Ident(ident) => last = Some(ident.to_string()),
                TokenTree::Punct(p) if p.as_char() == ',' => names.extend(last.take()),
                _ => {}
            }
        }
        names.extend(last);
        names
    }

    /// The attribute's tokens, spans as written.
    pub fn tokens(&self) -> TokenStream {
        self.tokens.clone()
    }
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

/// Reads an enum item (for [`generate`](crate::generate()), which makes one of a name).
pub(crate) fn parse_enum(tokens: TokenStream) -> Result<EnumItem, Vec<MacroError>> {
    parse_item(tokens).map_err(|e| e.errors)
}

/// Reads the item under the attribute: an enum, or a located error saying why not.
pub(crate) fn parse_item(tokens: TokenStream) -> Result<EnumItem, ItemErrors> {
    let mut it = tokens.into_iter().peekable();
    let attrs = attributes(&mut it);
    let vis = visibility(&mut it);
    let keyword = enum_keyword(&mut it)?;
    let ident = match it.next() {
        Some(TokenTree::Ident(i)) => i,
        other => {
            return Err(ItemErrors::not_an_enum(
                other.map_or(keyword.span(), |t| t.span()),
                "expected the enum's name",
            ));
        }
    };
    let body = enum_body(it.next(), &ident)?;
    let (variants, errors) = variants(body);
    let mut item = EnumItem {
        attrs,
        vis,
        ident,
        variants,
    };
    if errors.is_empty() {
        return Ok(item);
    }
    item.variants.clear();
    Err(ItemErrors {
        errors,
        skeleton: Some(Box::new(item)),
        keep_item: false,
    })
}

impl ItemErrors {
    /// The item is no enum (or not one we can read): one error, the item given back.
    fn not_an_enum(span: Span, message: &str) -> ItemErrors {
        ItemErrors {
            errors: vec![MacroError::new(span, message)],
            skeleton: None,
            keep_item: true,
        }
    }
}

/// `pub`, `pub(crate)`, `pub(in path)`, or nothing.
fn visibility(it: &mut std::iter::Peekable<impl Iterator<Item = TokenTree>>) -> TokenStream {
    let mut vis = TokenStream::new();
    if matches!(it.peek(), Some(TokenTree::Ident(i)) if i == "pub") {
        vis.extend(it.next());
        if matches!(it.peek(), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis)
        {
            vis.extend(it.next());
        }
    }
    vis
}

/// The `enum` keyword; a struct, a union or anything else is an error saying where the
/// attribute goes.
fn enum_keyword(it: &mut impl Iterator<Item = TokenTree>) -> Result<Ident, ItemErrors> {
    let keyword = match it.next() {
        Some(TokenTree::Ident(k)) => k,
        other => {
            let span = other.map_or(Span::call_site(), |t| t.span());
            return Err(ItemErrors::not_an_enum(span, GOES_ON_ENUM));
        }
    };
    let message = match keyword.to_string().as_str() {
        "enum" => return Ok(keyword),
        "struct" => "#[bce_errors] goes on an enum, not a struct",
        "union" => "#[bce_errors] goes on an enum, not a union",
        _ => return Err(ItemErrors::not_an_enum(Span::call_site(), GOES_ON_ENUM)),
    };
    Err(ItemErrors::not_an_enum(keyword.span(), message))
}

/// The `{ … }` after the enum's name; generics are an error (the spec fixes the
/// variants, so a parameter could never be used).
fn enum_body(next: Option<TokenTree>, ident: &Ident) -> Result<Group, ItemErrors> {
    match next {
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => Ok(g),
        Some(t)
            if matches!(&t, TokenTree::Punct(p) if p.as_char() == '<')
                || matches!(&t, TokenTree::Ident(i) if i == "where") =>
        {
            Err(ItemErrors {
                errors: vec![MacroError::new(
                    t.span(),
                    "a #[bce_errors] enum cannot be generic: its variants are fixed by the spec",
                )],
                skeleton: None,
                // Given back, an empty generic enum would add "parameter never used".
                keep_item: false,
            })
        }
        other => Err(ItemErrors::not_an_enum(
            other.map_or(ident.span(), |t| t.span()),
            "expected `{` and the enum's variants",
        )),
    }
}

/// The variants listed by hand, and an error for each one that is not a plain name
/// (fields, a discriminant, a missing comma); reading goes on after each error.
fn variants(body: Group) -> (Vec<Variant>, Vec<MacroError>) {
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
        let problem = match rest.next() {
            None => None,
            Some(TokenTree::Punct(p)) if p.as_char() == ',' => None,
            Some(TokenTree::Group(g)) => Some((
                g.span(),
                "variants of a #[bce_errors] enum have no fields: remove them",
            )),
            Some(TokenTree::Punct(p)) if p.as_char() == '=' => Some((
                rest.peek().map_or(p.span(), |t| t.span()),
                "variants of a #[bce_errors] enum take no discriminant: remove it",
            )),
            Some(t) => Some((t.span(), "expected `,` after the variant")),
        };
        if let Some((span, message)) = problem {
            errors.push(MacroError::new(span, message));
            skip_to_comma(&mut rest);
        }
        variants.push(Variant { attrs, ident });
    }
    (variants, errors)
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

/// What `#[bce_errors(...)]` is given: the spec path, and where the runtime crate is.
#[derive(Debug, Clone)]
pub struct MacroArgs {
    /// The spec path as written, relative to the crate root.
    pub path: String,
    /// The span of the path literal: every spec error points here.
    pub span: Span,
    /// `crate = "path"`: the path generated code uses for the runtime (default
    /// `::bce_errors`), for a dependency renamed in Cargo.toml.
    pub runtime: Option<String>,
}

const USAGE: &str = "expected the spec path: #[bce_errors(\"specs/x.toml\")] or #[bce_errors(\"specs/x.toml\", crate = \"path::to::bce_errors\")]";

/// Reads the attribute's arguments: `"specs/x.toml"`, optionally `, crate = "path"`.
pub fn parse_args(attr: TokenStream) -> Result<MacroArgs, MacroError> {
    let mut tokens = attr.into_iter();
    let (path, span) = match tokens.next() {
        None => return Err(MacroError::new(Span::call_site(), USAGE)),
        Some(TokenTree::Literal(lit)) => match string_value(&lit) {
            Some(value) => (value, lit.span()),
            None => {
                return Err(MacroError::new(
                    lit.span(),
                    format!("the spec path must be a string literal; {USAGE}"),
                ));
            }
        },
        Some(other) => return Err(MacroError::new(other.span(), USAGE)),
    };
    let mut args = MacroArgs {
        path,
        span,
        runtime: None,
    };
    let Some(comma) = tokens.next() else {
        return Ok(args);
    };
    let rest: Vec<TokenTree> = tokens.collect();
    let is_comma = matches!(&comma, TokenTree::Punct(p) if p.as_char() == ',');
    match rest.as_slice() {
        [
            TokenTree::Ident(key),
            TokenTree::Punct(eq),
            TokenTree::Literal(value),
        ] if is_comma && key == "crate" && eq.as_char() == '=' => {
            let path = string_value(value)
                .filter(|p| is_path(p))
                .ok_or_else(|| {
                    MacroError::new(
                        value.span(),
                        "`crate` takes the runtime's path as a string, e.g. crate = \"bce\" for a dependency renamed to `bce`",
                    )
                })?;
            args.runtime = Some(path);
            Ok(args)
        }
        [] if is_comma => Ok(args),
        _ if is_comma && matches!(rest.first(), Some(TokenTree::Literal(_))) => {
            Err(MacroError::new(
                rest[0].span(),
                "#[bce_errors] takes one spec path, found more; use one enum per spec",
            ))
        }
        _ => Err(MacroError::new(
            rest.first().map_or(comma.span(), TokenTree::span),
            format!("unexpected argument; {USAGE}"),
        )),
    }
}

/// `::a::b`, `a::b` or `crate`: `::`-separated identifiers, nothing else.
fn is_path(path: &str) -> bool {
    let path = path.strip_prefix("::").unwrap_or(path);
    !path.is_empty()
        && path.split("::").all(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
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
                // rustc allows `_` between the digits: `\u{6_c}`.
                let hex: String = inner
                    .get(i + 1..close)?
                    .iter()
                    .filter(|&&c| c != '_')
                    .collect();
                if hex.is_empty() || hex.len() > 6 {
                    return None;
                }
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
        parse_args(attr.parse().unwrap())
            .map(|a| a.path)
            .map_err(|e| e.message().to_owned())
    }

    #[test]
    fn every_string_literal_rustc_accepts() {
        for (attr, expected) in [
            (r#""specs/\u{6_c}.toml""#, "specs/l.toml"),
            (r#""specs/\u{6C}\x61.toml""#, "specs/la.toml"),
            (r##"r#"specs/"q".toml"#"##, "specs/\"q\".toml"),
            ("\"specs/a\\\n   b.toml\"", "specs/ab.toml"),
            (r#""specs/\u{1F600}.toml""#, "specs/\u{1F600}.toml"),
        ] {
            assert_eq!(path(attr).as_deref(), Ok(expected), "{attr}");
        }
    }

    #[test]
    fn runtime_path() {
        let args = parse_args("\"specs/a.toml\", crate = \"::bce\"".parse().unwrap()).unwrap();
        assert_eq!(args.runtime.as_deref(), Some("::bce"));
        for bad in [
            "\"a.toml\", crate = \"a b\"",
            "\"a.toml\", crate = 1",
            "\"a.toml\", krate = \"x\"",
            "\"a.toml\" crate",
        ] {
            assert!(parse_args(bad.parse().unwrap()).is_err(), "{bad}");
        }
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
