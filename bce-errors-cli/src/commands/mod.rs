//! One module a command; each reads its arguments, does its work through the library
//! (`import`, `sync`, `specs`, `specfile`), and renders its report to an [`Output`].
//!
//! [`Output`]: crate::output::Output

pub mod catalog;
pub mod check;
pub mod explain;
pub mod generate;
pub mod import;
pub mod lookup;
mod meanings;
pub mod sync;

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::fetch::{self, Cache, Fetcher};
use crate::output::Fail;

/// How a command reports (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// For people.
    #[default]
    Text,
    /// For tools.
    Json,
}

impl Format {
    /// Whether the report is JSON.
    pub fn is_json(self) -> bool {
        self == Format::Json
    }
}

/// How `import` and `sync` fetch pages that are addresses.
#[derive(Debug, Clone, clap::Args)]
pub struct FetchArgs {
    /// Keep fetched pages here and ask the server only for what changed (ETag,
    /// Last-Modified): a weekly job downloads only pages that moved.
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,
    /// Read pages from the cache only; never the network.
    #[arg(long, requires = "cache")]
    pub offline: bool,
    /// Seconds a page may take to arrive, each attempt (connecting: at most 10).
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub timeout: u64,
}

impl Default for FetchArgs {
    fn default() -> Self {
        FetchArgs {
            cache: None,
            offline: false,
            timeout: 60,
        }
    }
}

impl FetchArgs {
    /// The fetcher these arguments ask for.
    pub fn fetcher(&self) -> Fetcher {
        Fetcher::new(fetch::Options {
            cache: self.cache.as_deref().map(Cache::new),
            offline: self.offline,
            timeout: Duration::from_secs(self.timeout.max(1)),
            connect_timeout: Duration::from_secs(self.timeout.clamp(1, 10)),
            ..fetch::Options::default()
        })
    }
}

/// A page to read: a saved file, or an address.
#[derive(Debug, Clone)]
pub struct Page {
    /// The page's text.
    pub text: String,
    /// Its address, when it came from one.
    pub url: Option<String>,
}

/// Reads `source`: fetched when it is an address (`https://…`), else a saved file.
pub fn load_page(source: &str, fetcher: &Fetcher) -> Result<Page, Fail> {
    if fetch::is_address(source) {
        let fetched = fetcher
            .fetch(source)
            .map_err(|e| Fail::error(e.to_string()))?;
        return Ok(Page {
            text: fetched.text,
            url: Some(source.to_owned()),
        });
    }
    Ok(Page {
        text: read_page(Path::new(source))?,
        url: None,
    })
}

/// What to say when a page that came from an address has no error table: most likely
/// it is drawn by script.
pub fn drawn_by_script_hint(url: Option<&str>) -> &'static str {
    match url {
        Some(_) => {
            " — the page may be drawn by script: open it in a browser, save it (Save Page As…) and import the saved file"
        }
        None => "",
    }
}

/// Pages larger than this are refused, read from a file or fetched (a docs page is well
/// under a megabyte; the importer stays linear far beyond).
pub const MAX_PAGE_BYTES: u64 = 16 << 20;

/// Reads a saved page: at most [`MAX_PAGE_BYTES`], UTF-8.
pub fn read_page(path: &Path) -> Result<String, Fail> {
    let fail = |e: std::io::Error| Fail::error(format!("cannot read {}: {e}", path.display()));
    let file = std::fs::File::open(path).map_err(fail)?;
    if file.metadata().map_err(fail)?.is_dir() {
        return Err(Fail::error(format!(
            "{} is a directory, not a saved page",
            path.display()
        )));
    }
    let mut bytes = Vec::new();
    file.take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(fail)?;
    if bytes.len() as u64 > MAX_PAGE_BYTES {
        return Err(Fail::error(format!(
            "{} is larger than {MAX_PAGE_BYTES} bytes: not a docs page",
            path.display()
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        Fail::error(format!(
            "{} is not UTF-8 text (byte {}): save the page as text, markdown or HTML",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}
