//! HTTP status cells as docs pages write them: `403 Forbidden`, `403Forbidden`,
//! `400 Bad\nRequest`, `500 Internal Server`, `403 FORBIDDEN` → the number.

/// Reason phrases (letters and digits only, lower case) that may follow a status
/// number: every phrase of the IANA status code registry from 100 to 599, and the
/// truncated forms docs pages use (`500 Internal Server`).
const REASONS: &[&str] = &[
    "continue",
    "switchingprotocols",
    "processing",
    "earlyhints",
    "ok",
    "created",
    "accepted",
    "nonauthoritativeinformation",
    "nocontent",
    "resetcontent",
    "partialcontent",
    "multistatus",
    "alreadyreported",
    "imused",
    "multiplechoices",
    "movedpermanently",
    "found",
    "seeother",
    "notmodified",
    "useproxy",
    "temporaryredirect",
    "permanentredirect",
    "badrequest",
    "unauthorized",
    "paymentrequired",
    "forbidden",
    "notfound",
    "methodnotallowed",
    "notacceptable",
    "proxyauthenticationrequired",
    "requesttimeout",
    "conflict",
    "gone",
    "lengthrequired",
    "preconditionfailed",
    "requestentitytoolarge",
    "payloadtoolarge",
    "contenttoolarge",
    "requesturitoolong",
    "uritoolong",
    "unsupportedmediatype",
    "rangenotsatisfiable",
    "requestedrangenotsatisfiable",
    "expectationfailed",
    "imateapot",
    "misdirectedrequest",
    "unprocessableentity",
    "unprocessablecontent",
    "locked",
    "faileddependency",
    "tooearly",
    "upgraderequired",
    "preconditionrequired",
    "toomanyrequests",
    "requestheaderfieldstoolarge",
    "unavailableforlegalreasons",
    "internalservererror",
    "internalserver",
    "notimplemented",
    "badgateway",
    "serviceunavailable",
    "gatewaytimeout",
    "httpversionnotsupported",
    "variantalsonegotiates",
    "insufficientstorage",
    "loopdetected",
    "notextended",
    "networkauthenticationrequired",
];

/// Reason phrases of the statuses that are no errors (2xx and 3xx).
const NO_ERROR_REASONS: &[&str] = &[
    "ok",
    "created",
    "accepted",
    "nocontent",
    "resetcontent",
    "partialcontent",
    "notmodified",
    "found",
    "movedpermanently",
    "seeother",
    "temporaryredirect",
    "permanentredirect",
];

/// Whether `n` is a status HTTP registers (IANA's list, and nginx's 499): a column of
/// other three-digit numbers (`210`, `251`) holds codes, whatever its header says.
pub fn registered(n: u16) -> bool {
    matches!(
        n,
        100..=103
            | 200..=208
            | 226
            | 300..=308
            | 400..=418
            | 421..=426
            | 428
            | 429
            | 431
            | 451
            | 499
            | 500..=508
            | 510
            | 511
    )
}

/// Whether a row whose code is a 2xx or 3xx status (`200`, `304`) says that status by its
/// reason phrase (`WILDDOG_HTTP_OK`, `Not Modified`): it documents no error.
pub fn is_no_error_status(code: &str, message: &str) -> bool {
    let is_status = leading_status(code).is_some_and(|(n, tail)| tail.is_empty() && n < 400);
    let words: Vec<String> = message
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    is_status
        && (1..=3.min(words.len())).any(|n| {
            let phrase = words[words.len() - n..].concat();
            NO_ERROR_REASONS.contains(&phrase.as_str())
        })
}

/// The most words a reason phrase has (`Request Header Fields Too Large`).
const MAX_PHRASE_WORDS: usize = 5;

/// Characters a reason phrase may have besides letters and digits (`Non-Authoritative`,
/// `I'm a teapot`); they do not count when phrases are compared.
const PHRASE_MARKS: &[char] = &['-', '\'', '’'];

/// Text as reason phrases are compared: lower case, without whitespace and
/// [`PHRASE_MARKS`] (`Non-Authoritative` → `nonauthoritative`). Anything else stays, so
/// a word that is not part of a phrase never matches one.
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !PHRASE_MARKS.contains(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The status of a whole cell (`"404 Not Found"`, `"403Forbidden"`, `"500"`), if it is
/// one: a number from 100 to 599, optionally followed by a reason phrase.
pub fn parse_cell(cell: &str) -> Option<u16> {
    let cell = cell.trim();
    let Some((number, rest)) = leading_status(cell) else {
        return phrase_first(cell);
    };
    let rest = folded(rest);
    (rest.is_empty() || REASONS.contains(&rest.as_str())).then_some(number)
}

/// `BadRequest (400)`, `Not Found（404）`: the reason phrase, then the number in
/// brackets.
fn phrase_first(cell: &str) -> Option<u16> {
    let inner = cell.strip_suffix([')', '）'])?;
    let open = inner.rfind(['(', '（'])?;
    let number = inner[open..].trim_start_matches(['(', '（']).trim();
    let (status, tail) = leading_status(number)?;
    let phrase = folded(&inner[..open]);
    (tail.is_empty() && REASONS.contains(&phrase.as_str())).then_some(status)
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
    for (i, word) in words.iter().enumerate().take(MAX_PHRASE_WORDS) {
        joined.push_str(&folded(word));
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
            ("203 Non-Authoritative Information", Some(203)),
            ("414 Request-URI Too Long", Some(414)),
            ("418 I'm a teapot", Some(418)),
            ("422 Unprocessable Content", Some(422)),
            ("505 HTTP Version Not Supported", Some(505)),
            ("404 Not-Found!", None),
            ("BadRequest (400)", Some(400)),
            ("Unauthorized（401）", Some(401)),
            ("Whatever (400)", None),
        ] {
            assert_eq!(parse_cell(cell), n, "{cell:?}");
        }
    }

    #[test]
    fn statuses_that_are_no_errors() {
        assert!(is_no_error_status("200", "WILDDOG_HTTP_OK"));
        assert!(is_no_error_status("304", "Not Modified"));
        assert!(!is_no_error_status("201", "解析失败"));
        assert!(!is_no_error_status("404", "Not Found"));
        assert!(!is_no_error_status("Ok", "OK"));
    }

    #[test]
    fn reasons_over_words() {
        // A word in another script is never part of a phrase.
        assert_eq!(
            reason_len(&["Forbidden", "无权限访问对应的资源。"]),
            Some(1)
        );
        assert_eq!(
            reason_len(&["Non-Authoritative", "Information", "Cached"]),
            Some(2)
        );
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

    #[test]
    fn registered_statuses() {
        assert!(
            [200, 404, 418, 429, 499, 503, 511]
                .iter()
                .all(|&n| registered(n))
        );
        assert!(
            ![210, 251, 261, 299, 420, 520]
                .iter()
                .any(|&n| registered(n))
        );
    }
}
