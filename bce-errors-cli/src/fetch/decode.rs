//! A fetched body as text: only pages (HTML, markdown, text), in their charset — from
//! the `Content-Type` header, else a byte-order mark, else the page's `<meta charset>`
//! or `<meta http-equiv="Content-Type" content="…; charset=…">`, else UTF-8.

use encoding_rs::Encoding;

use super::FetchError;

/// Whether a `Content-Type` is a page the importer reads.
pub fn is_page(content_type: &str) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    matches!(
        mime.as_str(),
        "text/html"
            | "application/xhtml+xml"
            | "text/plain"
            | "text/markdown"
            | "text/x-markdown"
            | ""
    )
}

/// `body` decoded in its charset. Bytes the charset cannot decode are an error, not
/// replacement characters: a page decoded wrongly would import wrong text.
pub fn text(url: &str, body: &[u8], content_type: Option<&str>) -> Result<String, FetchError> {
    let declared = content_type
        .and_then(charset_param)
        .or_else(|| meta_charset(body));
    let encoding = match declared {
        Some(label) => Encoding::for_label(label.as_bytes()).ok_or_else(|| {
            FetchError::Charset(url.to_owned(), format!("unknown charset {label:?}"))
        })?,
        None => encoding_rs::UTF_8,
    };
    let (encoding, body) = match Encoding::for_bom(body) {
        Some((bom, len)) => (bom, &body[len..]),
        None => (encoding, body),
    };
    encoding
        .decode_without_bom_handling_and_without_replacement(body)
        .map(|text| text.into_owned())
        .ok_or_else(|| {
            FetchError::Charset(
                url.to_owned(),
                format!("the page is not valid {} text", encoding.name()),
            )
        })
}

/// The `charset=` parameter of a `Content-Type`.
fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
    })
}

/// The charset a page declares in a `<meta>` in its first kilobytes (as browsers look).
fn meta_charset(body: &[u8]) -> Option<String> {
    let head = &body[..body.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = &rest[at + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(pos) = tag.find("charset") {
            let value = tag[pos + 7..].trim_start().strip_prefix('=')?.trim_start();
            let value = value.trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
                .unwrap_or(value.len());
            if end > 0 {
                return Some(value[..end].to_owned());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_from_header_bom_meta_or_utf8() {
        let (gbk, _, _) = encoding_rs::GBK.encode("错误码 NoSuchNat");
        assert_eq!(
            text("u", &gbk, Some("text/html; charset=GBK")).unwrap(),
            "错误码 NoSuchNat"
        );
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>".to_vec();
        page.extend_from_slice(&gbk);
        assert!(
            text("u", &page, Some("text/html"))
                .unwrap()
                .ends_with("错误码 NoSuchNat")
        );
        let mut page = b"<meta charset='gb18030'>".to_vec();
        page.extend_from_slice(&gbk);
        assert!(
            text("u", &page, None)
                .unwrap()
                .ends_with("错误码 NoSuchNat")
        );
        assert_eq!(text("u", "\u{feff}错误".as_bytes(), None).unwrap(), "错误");
        assert!(text("u", &gbk, None).is_err(), "GBK bytes are not UTF-8");
        assert!(text("u", b"x", Some("text/html; charset=klingon")).is_err());
    }

    #[test]
    fn pages_only() {
        for ok in [
            "text/html; charset=utf-8",
            "text/plain",
            "text/markdown",
            "application/xhtml+xml",
        ] {
            assert!(is_page(ok), "{ok}");
        }
        for no in [
            "application/pdf",
            "image/png",
            "application/json",
            "application/octet-stream",
        ] {
            assert!(!is_page(no), "{no}");
        }
    }
}
