//! What a document says about itself: its title and the product it documents, from the
//! places documents put them — a page's `<h1>`, its `<title>` less the site's suffix
//! (`swan.request - 智能小程序 | 百度智能云文档`), its breadcrumb (`文档中心 > 智能小程序 >
//! …`); a markdown file's front matter `title:` or its first `# ` heading. Never the
//! site's name, never a section word (`简介`, `一、前言`, `Overview`).

use super::fold;

/// A document's title and product, when its structure gives them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    /// The document's own title (`swan.request`, `证书管理服务`).
    pub title: Option<String>,
    /// The product it belongs to (`智能小程序`, `Azure Storage`).
    pub product: Option<String>,
}

/// Names of docs sites and their home pages: never a title or a product.
const SITE_NAMES: &[&str] = &[
    "百度智能云文档",
    "百度智能云",
    "百度云",
    "文档中心",
    "帮助文档",
    "帮助中心",
    "首页",
    "文档",
    "documentation center",
    "documentation",
    "docs",
    "home",
    "baidu ai cloud",
    "baidu ai cloud documentation",
    "all product document",
    "所有文档",
];

/// Words that name a part of a document, not the document.
const SECTION_WORDS: &[&str] = &[
    "简介",
    "概述",
    "前言",
    "引言",
    "介绍",
    "概览",
    "目录",
    "背景",
    "说明",
    "产品简介",
    "introduction",
    "overview",
    "preface",
    "summary",
    "contents",
    "background",
    "about",
];

/// Separators between a page's title, its product and the site in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " _ ", "｜"];

/// Whether `text` is a docs site's name.
pub fn is_site_name(text: &str) -> bool {
    SITE_NAMES.contains(&fold(text).to_lowercase().as_str())
}

/// Whether `text` is a section word, numbered or not (`简介`, `一、前言`, `1. Overview`).
pub fn is_section_word(text: &str) -> bool {
    let lower = fold(text).to_lowercase();
    let unnumbered = lower
        .trim_start_matches(|c: char| {
            c.is_ascii_digit() || "一二三四五六七八九十第章节".contains(c) || c.is_whitespace()
        })
        .trim_start_matches(['、', '.', '．', ')', '）', ' ']);
    SECTION_WORDS.contains(&unnumbered.trim())
}

/// A title or product candidate that can be one: not empty, not the site, not a
/// section word.
fn usable(text: &str) -> Option<String> {
    let text = fold(text);
    (!text.is_empty() && !is_site_name(&text) && !is_section_word(&text)).then_some(text)
}

/// A page title as sites write it, split: (the page's own title, the product), without
/// the site's name (`swan.request - 智能小程序 | 百度智能云文档` → (`swan.request`,
/// `智能小程序`)).
pub fn split_title(title: &str) -> (Option<String>, Option<String>) {
    let mut parts: Vec<&str> = vec![title];
    for sep in TITLE_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    let parts: Vec<String> = parts.into_iter().filter_map(usable).collect();
    match parts.as_slice() {
        [] => (None, None),
        [only] => (Some(only.clone()), None),
        [first, .., last] => (Some(first.clone()), Some(last.clone())),
    }
}

/// A breadcrumb's product: its first item that is not the site.
pub fn breadcrumb_product(items: &[String]) -> Option<String> {
    items.iter().find_map(|i| usable(i))
}

/// An HTML page's meta: the `<h1>` (else `<title>`'s own part) and the breadcrumb's
/// product (else `<title>`'s).
pub fn from_html(title: Option<&str>, h1: Option<&str>, crumbs: &[String]) -> Meta {
    let (own, product) = title.map(split_title).unwrap_or_default();
    Meta {
        title: h1.and_then(usable).or(own),
        product: breadcrumb_product(crumbs).or(product),
    }
}

/// A markdown document's meta: the front matter's title (its product after ` - `),
/// else the first `# ` heading that is not a section word.
pub fn from_markdown<'a>(front: Option<&str>, h1s: impl IntoIterator<Item = &'a str>) -> Meta {
    let (own, product) = front.map(split_title).unwrap_or_default();
    Meta {
        title: own.or_else(|| h1s.into_iter().find_map(usable)),
        product,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_without_the_site() {
        assert_eq!(
            split_title("swan.request - 智能小程序 | 百度智能云文档"),
            (Some("swan.request".into()), Some("智能小程序".into()))
        );
        assert_eq!(
            split_title("Common REST API error codes - Azure Storage"),
            (
                Some("Common REST API error codes".into()),
                Some("Azure Storage".into())
            )
        );
        assert_eq!(split_title("百度智能云文档"), (None, None));
        assert_eq!(
            split_title("短语音识别-极速版"),
            (Some("短语音识别-极速版".into()), None)
        );
    }

    #[test]
    fn section_words_and_sites_are_never_names() {
        for t in ["简介", "一、前言", "1. Overview", "Introduction", "概述"] {
            assert!(is_section_word(t), "{t}");
        }
        assert!(!is_section_word("证书管理服务"));
        let crumbs = [
            "文档中心".to_owned(),
            "智能小程序".to_owned(),
            "API".to_owned(),
        ];
        assert_eq!(breadcrumb_product(&crumbs).as_deref(), Some("智能小程序"));
        let meta = from_markdown(None, ["概述", "证书管理服务"]);
        assert_eq!(meta.title.as_deref(), Some("证书管理服务"));
    }
}
