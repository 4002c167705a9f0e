//! The one string a generated table keeps its texts in, each distinct text once.

use std::collections::HashMap;

use crate::model::{Row, Spec};

/// Every distinct text of one enum, or of several that share it (the bundled enums: the
/// docs pages repeat the common errors word for word), once; a text is found by its
/// span. Codes go first, so the texts `from_code` compares lie close together.
///
/// ```
/// use bce_errors_spec::{TextPool, parse_spec};
/// let spec = parse_spec("a.toml", "[service]\nname = \"A\"\nsource = \"x\"\n\n[[error]]\ncode = \"Nope\"\nmessage = \"No.\"\nstatus = 404\ndescription = \"No.\"\n").unwrap();
/// let mut pool = TextPool::default();
/// pool.add(&spec);
/// assert_eq!(pool.text(), "NopeNo.");
/// assert_eq!(pool.span("No."), Some([4, 3]));
/// ```
#[derive(Debug, Clone, Default)]
pub struct TextPool {
    text: String,
    starts: HashMap<String, u32>,
}

impl TextPool {
    /// Adds every text of `spec`'s rows not already in the pool: all codes first, then
    /// variant names, messages, descriptions, Chinese descriptions.
    pub fn add(&mut self, spec: &Spec) {
        for get in FIELDS {
            for row in &spec.rows {
                self.add_text(get(row).unwrap_or_default());
            }
        }
    }

    fn add_text(&mut self, text: &str) {
        if text.is_empty() || self.starts.contains_key(text) {
            return;
        }
        // A pool over 4 GiB is refused long before, by the spec size limit.
        let start = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.text.push_str(text);
        self.starts.insert(text.to_owned(), start);
    }

    /// All the texts, one after another.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where `text` is in the pool, `[start, len]` (the empty text at `[0, 0]`), or
    /// `None` if it was never added.
    pub fn span(&self, text: &str) -> Option<[u32; 2]> {
        if text.is_empty() {
            return Some([0, 0]);
        }
        let len = u32::try_from(text.len()).ok()?;
        Some([*self.starts.get(text)?, len])
    }

    /// Whether every span fits in 16 bits (`Spans::Narrow`).
    pub(crate) fn is_narrow(&self) -> bool {
        self.text.len() <= usize::from(u16::MAX)
    }
}

/// The texts of a row, in the order of the runtime's spans (`Table::FIELDS` of them):
/// code, variant name, message, description, Chinese description.
pub(crate) const FIELDS: [fn(&Row) -> Option<&str>; 5] = [
    |r| Some(&r.code),
    |r| Some(&r.variant),
    |r| Some(&r.message),
    |r| r.description.as_deref(),
    |r| r.description_zh.as_deref(),
];
