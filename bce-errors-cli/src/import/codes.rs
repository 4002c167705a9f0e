//! Code cells as documents write them around the code: the HTTP status in brackets
//! after it (`CertExceedLimit (409)`, `AccessDeniedException（403）`), the code as the
//! value of a field (`errorCode为4`, `errno=4`), as a string literal (`"0"`), as words
//! (`Resource InUse Exception`), or several codes in one cell (`2002/30001`) → the code
//! or codes, and the status.

use super::status::parse_cell;

/// Characters that give a field its value in a code cell (`errorCode为4`): Chinese
/// "is", and `=`. (`:` is part of codes such as `B:00001`.)
const IS: &[char] = &['为', '是', '=', '＝', '：'];

/// The code of a code cell, and the status written in it when there is one.
pub fn code_and_status(cell: &str) -> (String, Option<u16>) {
    let cell = unquoted(cell.trim());
    if let Some((code, status)) = bracketed_status(cell) {
        return (code.to_owned(), Some(status));
    }
    (field_value(cell).unwrap_or(cell).to_owned(), None)
}

/// The codes of a cell that lists several for one row (`2002/30001`, `A、B`): each part
/// a code, at least two; `None` for a cell of one code.
pub fn listed_codes(cell: &str) -> Option<Vec<&str>> {
    let parts: Vec<&str> = cell.split(LIST).map(str::trim).collect();
    (parts.len() >= 2 && parts.iter().all(|p| is_code(p))).then_some(parts)
}

/// What separates codes listed in one cell.
const LIST: &[char] = &['/', '、', ',', '，'];

/// A code a page wrote as words (`Conditional Check Failed Exception`, `ResourceNot
/// Found Exception`: an identifier the docs' renderer broke at its capitals): the
/// identifier, when the cell is two to six words of ASCII letters and digits, each
/// starting with a capital. Only for a cell of a marked table, where the words cannot be
/// cells that ran together.
pub fn spaced_identifier(cell: &str) -> Option<String> {
    let words: Vec<&str> = cell.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.chars().all(|c| c.is_ascii_alphanumeric())
    };
    ((2..=6).contains(&words.len()) && words.iter().all(capitalised)).then(|| words.concat())
}

/// A code written as a string literal (`"0"`, `'E01'`, `“-1”`): the code inside.
fn unquoted(cell: &str) -> &str {
    [('"', '"'), ('\'', '\''), ('“', '”')]
        .iter()
        .find_map(|&(open, close)| cell.strip_prefix(open)?.strip_suffix(close))
        .filter(|inner| is_code(inner))
        .unwrap_or(cell)
}

/// `Code (409)`, `Code(409)`, `Code（409）`: the code and the status.
fn bracketed_status(cell: &str) -> Option<(&str, u16)> {
    let inner = cell.strip_suffix([')', '）'])?;
    let open = inner.rfind(['(', '（'])?;
    let status = parse_cell(inner[open..].trim_start_matches(['(', '（']))?;
    let code = inner[..open].trim();
    is_code(code).then_some((code, status))
}

/// `errorCode为4` → `4`: a field's name, a "为" or `=`, and a code.
fn field_value(cell: &str) -> Option<&str> {
    let at = cell.rfind(IS)?;
    let sep = cell[at..].chars().next()?.len_utf8();
    let value = &cell[at + sep..];
    (at > 0 && !cell.contains(char::is_whitespace) && is_code(value)).then_some(value)
}

/// One word of ASCII letters, digits, `-`, `_`, `.`, `:`.
fn is_code(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
}

#[cfg(test)]
mod tests {
    use super::{code_and_status, listed_codes, spaced_identifier};

    #[test]
    fn codes_with_their_status_or_field() {
        for (cell, code, status) in [
            ("CertExceedLimit (409)", "CertExceedLimit", Some(409)),
            (
                "OperationNotAllowedException(409)",
                "OperationNotAllowedException",
                Some(409),
            ),
            (
                "AccessDeniedException（403）",
                "AccessDeniedException",
                Some(403),
            ),
            ("errorCode为4", "4", None),
            ("errno=1001", "1001", None),
            ("B:00001", "B:00001", None),
            ("NoSuchNat", "NoSuchNat", None),
            ("Code (see below)", "Code (see below)", None),
            ("\"-1\"", "-1", None),
            ("“400500”", "400500", None),
            ("\"two words\"", "\"two words\"", None),
        ] {
            assert_eq!(code_and_status(cell), (code.to_owned(), status), "{cell}");
        }
    }

    #[test]
    fn identifiers_written_as_words() {
        assert_eq!(
            spaced_identifier("ResourceNot Found Exception").as_deref(),
            Some("ResourceNotFoundException")
        );
        assert_eq!(
            spaced_identifier("Internal Failure").as_deref(),
            Some("InternalFailure")
        );
        for not in [
            "NoSuchNat",
            "Access denied",
            "Bad Request (400)",
            "Too Many Words In This Odd Cell",
        ] {
            assert_eq!(spaced_identifier(not), None, "{not}");
        }
    }

    #[test]
    fn cells_listing_several_codes() {
        assert_eq!(listed_codes("2002/30001"), Some(vec!["2002", "30001"]));
        assert_eq!(listed_codes("A1、B2 , C3"), Some(vec!["A1", "B2", "C3"]));
        for one in ["NoSuchNat", "2002/", "see 2002/30001", "a/b c"] {
            assert_eq!(listed_codes(one), None, "{one}");
        }
    }
}
