//! A saved page's chrome — its `<head>`, navigation, sidebars, breadcrumb, header and
//! footer — told apart from its content as the HTML reader goes: text inside chrome is
//! not page text, and the breadcrumb's items are kept for the page's product. Each tag
//! is handled in constant time (a stack of the chrome elements open), so a page of any
//! depth is read in linear time.

/// Elements that are chrome whatever their attributes.
const CHROME_TAGS: &[&str] = &[
    "head", "nav", "aside", "header", "footer", "form", "noscript", "button", "select", "template",
    "menu",
];

/// Words in a `class` or `id` that mark an element as chrome.
const CHROME_CLASSES: &[&str] = &[
    "sidebar",
    "side-bar",
    "sidenav",
    "navbar",
    "site-nav",
    "site-header",
    "site-footer",
    "doc-menu",
    "menu",
    "toc",
    "feedback",
];

/// A `class` or `id` longer than this is not read for chrome marks (no site writes one;
/// a hostile page's megabyte of `class` is not copied).
pub const MAX_MARK_BYTES: usize = 1024;

/// Words in a `class`, `id` or `aria-label` that mark the breadcrumb.
const CRUMB_CLASSES: &[&str] = &["breadcrumb", "crumb"];

/// Elements with no end tag: never open.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements whose class never makes them chrome: the table a page documents.
const TABLE_TAGS: &[&str] = &[
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
];

/// One chrome element open: its name, how many elements of that name are open inside
/// it (itself included), and whether it is the breadcrumb.
struct Open {
    name: String,
    depth: usize,
    crumb: bool,
}

/// The chrome elements open, and the breadcrumb's items.
#[derive(Default)]
pub struct Chrome {
    open: Vec<Open>,
    /// How many of `open` are breadcrumbs.
    crumbs_open: usize,
    /// The breadcrumb's items, in order.
    pub crumbs: Vec<String>,
    item: String,
}

impl Chrome {
    /// A start tag: `attribute` gives an attribute's value by name.
    pub fn start(&mut self, name: &str, attribute: impl Fn(&str) -> Option<String>, void: bool) {
        self.end_item();
        if void || VOID_TAGS.contains(&name) {
            return;
        }
        if let Some(top) = self.open.last_mut()
            && top.name == name
        {
            top.depth += 1;
            return;
        }
        if TABLE_TAGS.contains(&name) {
            return;
        }
        let marks = ["class", "id", "aria-label", "role"]
            .iter()
            .filter_map(|a| attribute(a))
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        let crumb = CRUMB_CLASSES.iter().any(|c| marks.contains(c));
        let chrome = crumb
            || CHROME_TAGS.contains(&name)
            || marks
                .split(|c: char| c.is_whitespace() || c == '_')
                .any(|w| CHROME_CLASSES.contains(&w) || w == "navigation");
        if chrome {
            self.crumbs_open += usize::from(crumb);
            self.open.push(Open {
                name: name.to_owned(),
                depth: 1,
                crumb,
            });
        }
    }

    /// An end tag.
    pub fn end(&mut self, name: &str) {
        self.end_item();
        let Some(top) = self.open.last_mut() else {
            return;
        };
        if top.name != name {
            return;
        }
        top.depth -= 1;
        if top.depth == 0 {
            self.crumbs_open -= usize::from(top.crumb);
            self.open.pop();
        }
    }

    /// Whether text here is chrome, not page text.
    pub fn hides_text(&self) -> bool {
        !self.open.is_empty()
    }

    /// Takes text inside the breadcrumb; whether it was.
    pub fn text(&mut self, text: &str) -> bool {
        if self.crumbs_open == 0 {
            return false;
        }
        self.item.push_str(text);
        true
    }

    /// Ends the breadcrumb item being read (at any tag): its parts between separators
    /// (`>`, `›`, `/`) are items.
    fn end_item(&mut self) {
        if self.item.is_empty() {
            return;
        }
        let item = std::mem::take(&mut self.item);
        self.crumbs.extend(
            item.split(['>', '›', '»', '/', '＞', '|'])
                .map(super::fold)
                .filter(|p| !p.is_empty()),
        );
    }
}
