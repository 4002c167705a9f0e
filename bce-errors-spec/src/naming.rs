//! How a wire code becomes a Rust variant name, which names a variant cannot take, and
//! which addresses a spec may name as its page.
//!
//! The rule (specs/README.md documents it for spec authors): split the code on every character that is not an ASCII letter or digit;
//! in each part upper-case the first letter and keep the rest as written, except a part
//! written all in capitals (longer than one letter), which is lower-cased after its first
//! letter; a name that would start with a digit gets the prefix `E`.
//!
//! | code                         | variant                  |
//! |------------------------------|--------------------------|
//! | `NoSuchNat`                  | `NoSuchNat`              |
//! | `createOrderError`           | `CreateOrderError`       |
//! | `Cce.warning.UserNotExist`   | `CceWarningUserNotExist` |
//! | `INVALID_PARAM`              | `InvalidParam`           |
//! | `EIPGroupPayFailed`          | `EIPGroupPayFailed`      |
//! | `404`, `110` (numeric codes) | `E404`, `E110`           |
//! | `B:00001`                    | `B00001`                 |
//! | `SDK100`                     | `Sdk100`                 |

/// The variant name derived from `code`, or `None` when the code has no letter or digit.
///
/// ```
/// use bce_errors_spec::naming::variant_name;
/// assert_eq!(variant_name("Cce.warning.UserNotExist").as_deref(), Some("CceWarningUserNotExist"));
/// assert_eq!(variant_name("INVALID_PARAM").as_deref(), Some("InvalidParam"));
/// assert_eq!(variant_name("..."), None);
/// ```
pub fn variant_name(code: &str) -> Option<String> {
    let mut name = String::with_capacity(code.len() + 1);
    for part in code.split(|c: char| !c.is_ascii_alphanumeric()) {
        let shouting = part.len() > 1
            && part.bytes().all(|b| !b.is_ascii_lowercase())
            && part.bytes().filter(u8::is_ascii_alphabetic).count() > 1;
        for (i, c) in part.chars().enumerate() {
            if i == 0 {
                name.push(c.to_ascii_uppercase());
            } else if shouting {
                name.push(c.to_ascii_lowercase());
            } else {
                name.push(c);
            }
        }
    }
    if name.is_empty() {
        return None;
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'E');
    }
    Some(name)
}

/// Names the generated enum defines on itself that a variant cannot take: the
/// runtime's API list (`code_enum!`'s associated items: `ALL`, `code`, `from_code`, …)
/// and `FromStr`'s `Err`, which `Self::Err` would make ambiguous.
fn reserved() -> impl Iterator<Item = &'static str> {
    bce_errors_core::__private::API
        .iter()
        .copied()
        .chain(["Err"])
}

/// Is `name` usable as a variant: an ASCII identifier that is not a keyword and does not
/// clash with what the generated code defines? `Err(why)` says why not.
pub(crate) fn check_identifier(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    match chars.next() {
        None => return Err("it is empty".into()),
        Some(c) if !(c.is_ascii_alphabetic() || c == '_') => {
            return Err("an identifier starts with a letter or `_`".into());
        }
        _ => {}
    }
    if !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err("an identifier holds only ASCII letters, digits and `_`".into());
    }
    if name == "_" {
        return Err("`_` is not a name".into());
    }
    if is_keyword(name) {
        return Err("it is a Rust keyword".into());
    }
    if reserved().any(|r| r == name) || name.starts_with("__") {
        return Err(format!(
            "the generated code already uses `{name}` (reserved: {}, and names starting with `__`)",
            reserved().collect::<Vec<_>>().join(", ")
        ));
    }
    Ok(())
}

/// The enum name for a spec file's stem, by the variant rule plus `Error`:
/// `eip_group` → `EipGroupError`, `3d` → `E3dError`; `None` when the stem has no letter
/// or digit. The bundled enums and `bce-errors generate` are named this way.
///
/// ```
/// use bce_errors_spec::naming::enum_name;
/// assert_eq!(enum_name("eip_group").as_deref(), Some("EipGroupError"));
/// assert_eq!(enum_name("3d").as_deref(), Some("E3dError"));
/// ```
pub fn enum_name(stem: &str) -> Option<String> {
    variant_name(stem).map(|name| format!("{name}Error"))
}

/// Rust's strict and reserved keywords (every edition), which cannot name a variant.
pub fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "as" | "break"
            | "const"
            | "continue"
            | "crate"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "fn"
            | "for"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "pub"
            | "ref"
            | "return"
            | "self"
            | "Self"
            | "static"
            | "struct"
            | "super"
            | "trait"
            | "true"
            | "type"
            | "unsafe"
            | "use"
            | "where"
            | "while"
            | "async"
            | "await"
            | "dyn"
            | "abstract"
            | "become"
            | "box"
            | "do"
            | "final"
            | "macro"
            | "override"
            | "priv"
            | "typeof"
            | "unsized"
            | "virtual"
            | "yield"
            | "try"
            | "gen"
    )
}

/// Why `url` is not an address a spec's `[service] url` can hold (http or https, a
/// host, no credentials, no spaces or control characters).
///
/// ```
/// use bce_errors_spec::naming::check_url;
/// assert!(check_url("https://cloud.baidu.com/doc/VPC/s/x").is_ok());
/// assert!(check_url("https://user:pw@cloud.baidu.com/x").is_err());
/// ```
pub fn check_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("must start with https:// or http://")?;
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must not hold spaces or control characters".into());
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err("must not hold credentials (user:password@)".into());
    }
    let host = authority
        .rsplit_once(':')
        .map_or(authority, |(host, port)| {
            if port.chars().all(|c| c.is_ascii_digit()) {
                host
            } else {
                authority
            }
        });
    if host.is_empty() {
        return Err("has no host".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_examples() {
        for (code, variant) in [
            ("NoSuchNat", "NoSuchNat"),
            ("createOrderError", "CreateOrderError"),
            ("subnatEmpty", "SubnatEmpty"),
            ("Cce.warning.UserNotExist", "CceWarningUserNotExist"),
            ("Cce.namespaceOverQuota", "CceNamespaceOverQuota"),
            ("INVALID_PARAM", "InvalidParam"),
            ("EIPGroupPayFailed", "EIPGroupPayFailed"),
            ("DuplicateCLusterUuid", "DuplicateCLusterUuid"),
            ("404", "E404"),
            ("110", "E110"),
            ("216100", "E216100"),
            ("B:00001", "B00001"),
            ("SDK100", "Sdk100"),
            ("ip-v6.not_found", "IpV6NotFound"),
        ] {
            assert_eq!(variant_name(code).as_deref(), Some(variant), "{code}");
        }
    }

    #[test]
    fn codes_without_letters_or_digits_have_no_name() {
        assert_eq!(variant_name(""), None);
        assert_eq!(variant_name(".-_"), None);
    }

    #[test]
    fn identifiers() {
        assert!(check_identifier("NoSuchNat").is_ok());
        assert!(check_identifier("match").is_err());
        assert!(check_identifier("Self").is_err());
        assert!(check_identifier("1abc").is_err());
        assert!(check_identifier("a-b").is_err());
        assert!(check_identifier("").is_err());
        assert!(check_identifier("ALL").is_err());
        assert!(check_identifier("__CODES").is_err());
        for name in reserved() {
            assert!(check_identifier(name).is_err(), "{name}");
        }
        assert!(check_identifier("row").is_err() && check_identifier("__TABLE").is_err());
        assert!(check_identifier("Error").is_ok());
    }
}
