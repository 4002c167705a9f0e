//! HTTP status cells as docs pages write them: `403 Forbidden`, `403Forbidden`,
//! `400 Bad\nRequest`, `500 Internal Server`, `403 FORBIDDEN` → the number.

/// Reason phrases (lower case, spaces removed) that may follow a status number,
/// including the truncated forms docs pages use.
const REASONS: &[&str] = &[
    "ok",
    "created",
    "accepted",
    "nocontent",
    "movedpermanently",
    "found",
    "notmodified",
    "badrequest",
    "unauthorized",
    "paymentrequired",
    "forbidden",
    "notfound",
    "methodnotallowed",
    "notacceptable",
    "requesttimeout",
    "conflict",
    "gone",
    "lengthrequired",
    "preconditionfailed",
    "requestentitytoolarge",
    "payloadtoolarge",
    "unsupportedmediatype",
    "expectationfailed",
    "unprocessableentity",
    "locked",
    "toomanyrequests",
    "internalservererror",
    "internalserver",
    "notimplemented",
    "badgateway",
    "serviceunavailable",
    "gatewaytimeout",
    "insufficientstorage",
];

/// The status of a whole cell (`"404 Not Found"`, `"403Forbidden"`, `"500"`), if it is
/// one: a number from 100 to 599, optionally followed by a reason phrase.
pub fn parse_cell(cell: &str) -> Option<u16> {
    let cell = cell.trim();
    let (number, rest) = leading_status(cell)?;
    let rest: String = rest
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    (rest.is_empty() || REASONS.contains(&rest.as_str())).then_some(number)
}

/// A status at the start of `text`: three digits from 100 to 599 not followed by another
/// digit; returns it and the rest of the text.
pub fn leading_status(text: &str) -> Option<(u16, &str)> {
    let digits = text.get(..3)?;
    if !digits.bytes().all(|b| b.is_ascii_digit())
        || text.as_bytes().get(3).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let n: u16 = digits.parse().ok()?;
    (100..600).contains(&n).then_some((n, &text[3..]))
}

/// How a reason phrase continues over `words` (the words after a status number, the
/// first possibly glued to it): how many words it takes, or `None` if the words run out
/// in the middle of a phrase (the row continues on the next line).
pub fn reason_len(words: &[&str]) -> Option<usize> {
    let mut joined = String::new();
    let mut best = 0;
    for (i, word) in words.iter().enumerate().take(4) {
        joined.push_str(&word.to_lowercase());
        if REASONS.contains(&joined.as_str()) {
            best = i + 1;
        }
        if i + 1 == words.len()
            && best <= i
            && REASONS
                .iter()
                .any(|r| r.starts_with(joined.as_str()) && **r != joined)
        {
            return None;
        }
    }
    Some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells() {
        for (cell, n) in [
            ("403 Forbidden", Some(403)),
            ("403Forbidden", Some(403)),
            ("400 Bad\nRequest", Some(400)),
            ("400 BadRequest", Some(400)),
            ("500 Internal Server", Some(500)),
            ("500 Internal Server Error", Some(500)),
            ("403 FORBIDDEN", Some(403)),
            ("412 PreconditionFailed", Some(412)),
            ("404", Some(404)),
            ("4040", None),
            ("600", None),
            ("abc", None),
            ("404 The thing", None),
        ] {
            assert_eq!(parse_cell(cell), n, "{cell:?}");
        }
    }

    #[test]
    fn reasons_over_words() {
        assert_eq!(
            reason_len(&["Bad", "Request", "Request", "timeout."]),
            Some(2)
        );
        assert_eq!(reason_len(&["Internal", "Server", "Error", "All"]), Some(3));
        assert_eq!(reason_len(&["Bad"]), None);
        assert_eq!(reason_len(&["Internal", "Server"]), Some(2));
        assert_eq!(reason_len(&["The", "JSON"]), Some(0));
        assert_eq!(reason_len(&[]), Some(0));
    }
}
