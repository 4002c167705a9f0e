//! What a page says about itself — its title, product and date — and the names an
//! imported table's spec gets from them: from a heading that names a service, else the
//! product, else a title that is not generic, else the saved page's file name; never
//! from a sentence, a paragraph or site navigation.

use crate::page::inline::plain;
use crate::page::{Block, Page, meta};

/// Site chrome that saved pages start with, besides the site's names
/// ([`meta::is_site_name`]): never a title or a product.
const SITE_CHROME: &[&str] = &[
    "menu",
    "中国站",
    "资讯 社区 文档",
    "产品详情自助选购",
    "plain text",
];

/// Lines that introduce the product's name on the next line.
const PRODUCT_MARKERS: &[&str] = &["all product document", "所有文档"];

/// Words that say "error table" rather than which service: dropped from names.
const GENERIC: &[&str] = &[
    "service",
    "services",
    "error",
    "errors",
    "code",
    "codes",
    "return",
    "returns",
    "table",
    "list",
    "of",
    "the",
    "general",
    "api",
    "apis",
    "rest",
    "response",
    "responses",
    "information",
    "handling",
    // The response's fields (`errorCode值说明`: "values of errorCode").
    "errorcode",
    "error_code",
    "errcode",
    "errno",
    "err_no",
];

/// Chinese words of headings, with the English word a file name takes.
const CHINESE: &[(&str, &str)] = &[
    ("公共", "global"),
    ("通用", "common"),
    ("开发机", "dev_machine"),
    ("服务端", "server"),
    ("本地", "local"),
    ("接口", "api"),
    ("鉴权", "auth"),
    ("流控", "throttling"),
];

/// Chinese words that say "error table": dropped from names.
const CHINESE_GENERIC: &[&str] = &[
    "错误码表",
    "错误码",
    "错误代码",
    "错误返回码",
    "错误信息",
    "错误返回",
    "返回的",
    "返回",
    "列表",
    "说明",
    "汇总",
    "信息",
    "常见原因",
];

/// Punctuation that makes a heading a sentence (`.` only ending a word: `swan.request`
/// is a name).
const SENTENCE_PUNCTUATION: [char; 9] = ['。', ',', '，', ':', '：', '!', '?', '(', ')'];

/// Words of a heading that say it is an error table: only such a heading names the
/// table's own service (`NAT gateway error return code`); any other heading (`创建证书`,
/// `Android`) is a section of the page, whose name the table takes.
const ERROR_TABLE_WORDS: &[&str] = &["error", "errors", "错误", "返回码", "异常"];

/// Words that make a line prose introducing what follows, or pointing elsewhere, not a
/// heading: "for example", "as follows", "among them", "see".
const PROSE_MARKERS: &[&str] = &[
    "例如",
    "如下",
    "其中",
    "以下",
    "参见",
    "详见",
    "请参考",
    "请参阅",
    "for example",
    "as follows",
    "see also",
    "refer to",
];

/// English words that join a name to the words dropped from it.
const CONNECTIVES: &[&str] = &["and", "or", "of", "the", "for", "in", "&"];

/// Chinese characters that join a name to the words dropped from it (及, 和, 与, 的).
const CHINESE_CONNECTIVES: &[char] = &['及', '和', '与', '的', '、'];

/// A name longer than this is a sentence, not a name.
const MAX_NAME_CHARS: usize = 40;
/// A heading longer than this is a sentence, whatever words it drops.
const MAX_HEADING_CHARS: usize = 80;
/// Words of a name, at most.
const MAX_NAME_WORDS: usize = 5;

fn lines(page: &Page) -> impl Iterator<Item = &str> {
    page.blocks.iter().filter_map(|b| match b {
        Block::Line(l) => Some(l.text.as_str()),
        Block::Table(_) => None,
    })
}

/// Site navigation and chrome: menus, breadcrumbs, list items.
pub fn is_navigation(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.starts_with('•')
        || text.starts_with("- ")
        || text.starts_with("* ")
        || SITE_CHROME.contains(&lower.trim())
        || meta::is_site_name(text)
}

/// The page's title: what its structure says (`<h1>`, `<title>`, front matter, `# `),
/// else its first line that is not navigation (before any table).
pub fn title(page: &Page) -> Option<String> {
    if let Some(title) = &page.meta.title {
        return Some(title.clone());
    }
    let first_table = page
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Table(_)))
        .unwrap_or(page.blocks.len());
    page.blocks[..first_table]
        .iter()
        .filter_map(|b| match b {
            Block::Line(l) => Some(l.text.as_str()),
            Block::Table(_) => None,
        })
        .find(|t| {
            !is_navigation(t)
                && is_name_like(t)
                && updated_in(t).is_none()
                && !meta::is_section_word(t)
        })
        .map(str::to_owned)
}

/// The product a page belongs to, when it says so: its breadcrumb or `<title>`, or the
/// line after "All Product Document" / "所有文档" (intl and cloud.baidu.com pages print
/// it there).
pub fn product(page: &Page) -> Option<String> {
    if let Some(product) = &page.meta.product {
        return Some(product.clone());
    }
    let all: Vec<&str> = lines(page).collect();
    let marker = all
        .iter()
        .position(|t| PRODUCT_MARKERS.contains(&t.to_lowercase().as_str()))?;
    all[marker + 1..]
        .iter()
        .find(|t| !is_navigation(t))
        .filter(|t| is_name_like(t))
        .map(|t| (*t).to_owned())
}

/// The page's "Updated at" / 更新时间 date.
pub fn updated(page: &Page) -> Option<String> {
    lines(page).find_map(updated_in)
}

/// `Updated at:2025-10-16`, `更新时间：2025-06-06`, `Last updated: 2025-06-06`.
fn updated_in(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    if !(lower.contains("updated") || text.contains("更新时间") || text.contains("更新于")) {
        return None;
    }
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let s = text.get(i..i + 10)?;
        let b = s.as_bytes();
        let ok = b[..4].iter().all(u8::is_ascii_digit)
            && matches!(b[4], b'-' | b'/' | b'.')
            && b[5..7].iter().all(u8::is_ascii_digit)
            && b[7] == b[4]
            && b[8..10].iter().all(u8::is_ascii_digit);
        ok.then(|| s.replace(['/', '.'], "-"))
    })
}

/// Short, no sentence punctuation: could be a name.
fn is_name_like(text: &str) -> bool {
    text.chars().count() <= MAX_NAME_CHARS
        && text.split_whitespace().count() <= MAX_NAME_WORDS
        && !text.contains(['.', '。', ',', '，', ':', '：', '!', '?', '(', ')'])
}

/// The service a heading names, without the words that say "error table":
/// `NAT gateway error return code` → `NAT gateway`, `开发机错误码` → `开发机`; empty
/// when it names none or is a sentence.
pub fn service_in(heading: &str) -> String {
    let heading = plain(heading.trim_start_matches('#'));
    let heading = heading.trim().trim_end_matches(['：', ':']);
    // A section number (`6.1 错误码列表`) or a table's label (`表1.通用错误码`, `Table
    // 2: …`) is no part of a name.
    let number = heading.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let heading = match number.strip_prefix(char::is_whitespace) {
        Some(rest) if number.len() < heading.len() => rest.trim_start(),
        _ => heading,
    };
    let heading = without_table_label(heading);
    if heading.chars().count() > MAX_HEADING_CHARS
        || heading.contains(SENTENCE_PUNCTUATION)
        || heading.contains(". ")
        || heading.ends_with('.')
        || PROSE_MARKERS.iter().any(|m| heading.contains(m))
        || meta::is_section_word(heading)
    {
        return String::new();
    }
    let mut name = after_generic_phrase(heading);
    for word in CHINESE_GENERIC {
        name = name.replace(word, " ");
    }
    let mut words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !GENERIC.contains(&w.to_lowercase().trim_end_matches('值')))
        .collect();
    // Words that joined the generic ones to the name (`Common Headers and [Error
    // Responses]`, `[错误码]及常见原因`) go with them.
    while words
        .last()
        .is_some_and(|w| CONNECTIVES.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    while words
        .first()
        .is_some_and(|w| CONNECTIVES.contains(&w.to_lowercase().as_str()))
    {
        words.remove(0);
    }
    let name = words.join(" ");
    let name = name.trim_matches(|c| CHINESE_CONNECTIVES.contains(&c));
    if name.split_whitespace().count() > MAX_NAME_WORDS
        || name.chars().count() > MAX_NAME_CHARS
        || !name.chars().any(char::is_alphabetic)
        || name.split_whitespace().all(is_status_class)
        || meta::is_section_word(name)
        || meta::is_site_name(name)
    {
        return String::new();
    }
    name.to_owned()
}

/// A heading without the label of the table it heads (`表1.`, `Table 2:`).
fn without_table_label(heading: &str) -> &str {
    let rest = match heading.strip_prefix('表') {
        Some(rest) => rest,
        None => match heading.get(..5) {
            Some(word) if word.eq_ignore_ascii_case("table") => &heading[5..],
            _ => return heading,
        },
    };
    let rest = rest.trim_start();
    let after = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    if after.len() == rest.len() {
        return heading;
    }
    after
        .trim_start_matches(['.', '、', ':', '：', '-'])
        .trim_start()
}

/// What follows "errors in", "error codes of" (`Handling Errors in Elastic Transcoder`
/// → `Elastic Transcoder`): the service those words belong to; else the whole heading.
fn after_generic_phrase(heading: &str) -> String {
    let words: Vec<&str> = heading.split_whitespace().collect();
    let is = |w: &str, list: &[&str]| list.contains(&w.to_lowercase().as_str());
    // `errors in X`, `codes of X`, `codes used by X`: where X starts.
    let after = (0..words.len().saturating_sub(2)).find_map(|k| {
        if !is(words[k], GENERIC) {
            None
        } else if is(words[k + 1], &["in", "of", "for"]) {
            Some(k + 2)
        } else if is(words[k + 1], &["used"]) && is(words[k + 2], &["by"]) {
            Some(k + 3)
        } else {
            None
        }
    });
    match after {
        Some(k) if k < words.len() => words[k..].join(" "),
        _ => heading.to_owned(),
    }
}

/// The name a page's title gives: its service (`Common Microsoft 365 Defender REST API
/// error codes` → `Microsoft 365 Defender`), without a trailing annotation in brackets
/// (`文生图 (Text2Image)` → `文生图`) or a leading `Common`.
pub fn title_name(title: &str) -> String {
    let title = title.trim();
    let bare = match title.strip_suffix([')', '）']) {
        Some(inner) => match inner.rfind(['(', '（']) {
            Some(open) if open > 0 => &title[..open],
            _ => title,
        },
        None => title,
    };
    let name = service_in(bare);
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.split_first() {
        // `Common Headers` names a thing; `Common Microsoft 365 Defender` a product's
        // common errors.
        Some((first, rest)) if rest.len() >= 2 && first.eq_ignore_ascii_case("common") => {
            rest.join(" ")
        }
        _ => name,
    }
}

/// `4XX`, `5xx`: a class of HTTP statuses, not a service.
fn is_status_class(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() == 3 && (b'1'..=b'5').contains(&b[0]) && b[1..].eq_ignore_ascii_case(b"xx")
}

/// Whether a heading says its table is an error table, so that what else it says is
/// the table's own service.
fn names_an_error_table(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    ERROR_TABLE_WORDS.iter().any(|w| lower.contains(w))
}

/// A file stem for a name: its ASCII words in lower case joined by `_` (`Host Security`
/// → `host_security`), Chinese words by their English name; `None` when nothing is left.
pub fn stem_of(name: &str) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    for (zh, en) in CHINESE {
        if name.contains(zh) {
            words.push((*en).to_owned());
        }
    }
    words.extend(
        name.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("bce"))
            .map(str::to_ascii_lowercase),
    );
    if words.iter().any(|w| w == "global" || w == "common") {
        // `BCE Common`, `公共`, `通用`: the table every BCE page repeats.
        words.retain(|w| w != "common");
        if words.is_empty() || words == ["global"] {
            return Some("global".to_owned());
        }
    }
    (!words.is_empty()).then(|| words.join("_"))
}

/// The service name and file stem of each table of an imported page: `names` is what
/// the user passed with `--name`, `page_stem` the saved page's file name.
pub fn spec_names(
    headings: &[&str],
    product: Option<&str>,
    title: Option<&str>,
    given: Option<&str>,
    page_stem: &str,
) -> Vec<(String, String)> {
    let from_page = given
        .map(str::to_owned)
        .or_else(|| product.map(str::to_owned))
        .or_else(|| title.map(title_name).filter(|t| !t.is_empty()));
    let page_name = from_page.clone().unwrap_or_else(|| page_stem.to_owned());
    let page_file = stem_of(&page_name)
        .or_else(|| stem_of(page_stem))
        .unwrap_or_else(|| "errors".to_owned());
    let mut taken: Vec<String> = Vec::new();
    headings
        .iter()
        .map(|heading| {
            // A heading that is the page's own title names the page, not a table of it.
            let own = given
                .is_none()
                .then(|| service_in(heading))
                .filter(|n| !n.is_empty() && names_an_error_table(heading))
                .filter(|_| title != Some(*heading) || from_page.is_none());
            let (name, mut stem) = match own.and_then(|n| Some((stem_of(&n)?, n))) {
                Some((stem, name)) => (name, stem),
                None => (page_name.clone(), page_file.clone()),
            };
            if taken.contains(&stem) {
                stem = (2..)
                    .map(|n| format!("{stem}_{n}"))
                    .find(|s| !taken.contains(s))
                    .unwrap_or(stem);
            }
            taken.push(stem.clone());
            (name, stem)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_in_headings() {
        for (heading, name, stem) in [
            ("EIP service error code", "EIP", Some("eip")),
            (
                "Bandwidth package service error code",
                "Bandwidth package",
                Some("bandwidth_package"),
            ),
            (
                "NAT gateway error return code",
                "NAT gateway",
                Some("nat_gateway"),
            ),
            ("BCE global error codes", "BCE global", Some("global")),
            ("BCE Common Error Code", "BCE Common", Some("global")),
            ("Error return codes", "", None),
            ("开发机错误码", "开发机", Some("dev_machine")),
            ("公共错误码", "公共", Some("global")),
            ("**3XX errors**", "", None),
            ("简介", "", None),
            ("权限相关的错误码参见授权接口通用错误码", "", None),
            ("errorCode值说明", "", None),
            ("####6.1 错误码列表", "", None),
            ("表2.控制台错误码", "控制台", None),
            (
                "Error codes used by Bing Web Search",
                "Bing Web Search",
                Some("bing_web_search"),
            ),
            ("Error handling", "", None),
            ("Table 3: Storage error codes", "Storage", Some("storage")),
            ("3.2 EIP error codes", "EIP", Some("eip")),
            (
                "Handling Errors in Elastic Transcoder",
                "Elastic Transcoder",
                Some("elastic_transcoder"),
            ),
            (
                "Error codes of the NAT gateway",
                "NAT gateway",
                Some("nat_gateway"),
            ),
            ("For the full list, see also Common errors", "", None),
            (
                "The following table is the common error codes in API response, they may appear in API response.",
                "",
                None,
            ),
        ] {
            assert_eq!(service_in(heading), name, "{heading}");
            assert_eq!(stem_of(&service_in(heading)).as_deref(), stem, "{heading}");
        }
    }

    #[test]
    fn names_fall_back_to_product_title_then_file() {
        let names = spec_names(
            &["Common Error Code"],
            Some("Host Security"),
            Some("Error Code"),
            None,
            "page",
        );
        assert_eq!(names, [("Common".to_owned(), "global".to_owned())]);
        // The page's own title above its table: the product names it.
        let title = "Common REST API error codes";
        let names = spec_names(&[title], Some("Azure Storage"), Some(title), None, "p");
        assert_eq!(names[0].0, "Azure Storage");
        let names = spec_names(
            &["Error Code"],
            Some("Host Security"),
            Some("Error Code"),
            None,
            "page",
        );
        assert_eq!(
            names,
            [("Host Security".to_owned(), "host_security".to_owned())]
        );
        let names = spec_names(&["错误码列表"], None, Some("错误码"), None, "ocr-errors");
        assert_eq!(names, [("ocr-errors".to_owned(), "ocr_errors".to_owned())]);
        let names = spec_names(
            &["错误码", "Error Code"],
            Some("Cloud Function"),
            None,
            None,
            "x",
        );
        assert_eq!(names[1].1, "cloud_function_2");
    }
}
