//! Pages from the network: `import URL`, `sync URL DIR` and `sync DIR` read the page a
//! spec mirrors from its address.
//!
//! ureq (blocking, rustls, gzip) does the HTTP: TLS, at most [`MAX_REDIRECTS`]
//! redirects (a loop is an error), proxies from `ALL_PROXY`/`HTTPS_PROXY`/`HTTP_PROXY`
//! with `NO_PROXY`, and connect and total timeouts. Here: a User-Agent naming the tool,
//! the [`MAX_PAGE_BYTES`](crate::commands::MAX_PAGE_BYTES) limit files have, retries
//! with backoff on timeouts, resets, 5xx and 429 (honouring `Retry-After`), the
//! page's charset ([`decode`]), and a cache directory with conditional requests
//! ([`cache`]) so a weekly job downloads only what changed.
//!
//! Why ureq: blocking (the command has nothing else to do while it waits; no async
//! runtime in its build), small, well kept, with the proxy and redirect handling above
//! built in; reqwest would bring tokio and hyper.

pub mod cache;
pub mod decode;

use std::fmt;
use std::io::Read as _;
use std::time::Duration;

use crate::commands::MAX_PAGE_BYTES;

pub use cache::Cache;

/// Redirects followed before giving up (a loop ends here too).
pub const MAX_REDIRECTS: u32 = 5;
/// Attempts a page gets: one, and two retries (a weekly CI job must not hammer a site
/// that is down, nor fail on one hiccup).
pub const ATTEMPTS: u32 = 3;
/// The first retry's wait; each retry doubles it.
const BACKOFF: Duration = Duration::from_millis(500);
/// The longest `Retry-After` honoured (a longer one fails the page instead of hanging
/// a CI job).
const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);

/// Whether `source` names a page on the network rather than a file.
pub fn is_address(source: &str) -> bool {
    source.starts_with("https://") || source.starts_with("http://")
}

/// How pages are fetched.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where to keep pages for conditional requests (`--cache DIR`).
    pub cache: Option<Cache>,
    /// Read only the cache, never the network (`--offline`).
    pub offline: bool,
    /// Time to connect.
    pub connect_timeout: Duration,
    /// Time for a whole attempt, body included.
    pub timeout: Duration,
    /// Take proxies from the environment (`HTTPS_PROXY`, `NO_PROXY`, …).
    pub env_proxy: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            cache: None,
            offline: false,
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(60),
            env_proxy: true,
        }
    }
}

/// A fetched page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The page's text, decoded.
    pub text: String,
    /// Whether it came from the cache (a 304, or `--offline`).
    pub from_cache: bool,
}

/// Why a page could not be had. Each is one line naming the address.
#[derive(Debug)]
pub enum FetchError {
    /// The server answered an error status (404, 410, 500 after retries, …).
    Status(String, u16),
    /// More than [`MAX_REDIRECTS`] redirects, or a loop.
    TooManyRedirects(String),
    /// The page is not text: a PDF, an image, JSON…
    ContentType(String, String),
    /// The body is larger than the limit.
    TooLarge(String),
    /// No answer in time.
    Timeout(String),
    /// The body could not be decoded in its charset.
    Charset(String, String),
    /// `--offline` and the cache does not hold the page.
    NotCached(String),
    /// DNS, TLS, connection refused or reset, a cut body…
    Transport(String, String),
    /// The cache directory could not be used.
    Cache(String, std::io::Error),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Status(url, status) => {
                write!(f, "{url}: the server answered HTTP {status}")
            }
            FetchError::TooManyRedirects(url) => write!(
                f,
                "{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)"
            ),
            FetchError::ContentType(url, ct) => write!(
                f,
                "{url}: the server sent {ct}, not a page (HTML, markdown or text)"
            ),
            FetchError::TooLarge(url) => {
                write!(f, "{url}: the page is larger than {MAX_PAGE_BYTES} bytes")
            }
            FetchError::Timeout(url) => write!(f, "{url}: no answer in time"),
            FetchError::Charset(url, why) => write!(f, "{url}: {why}"),
            FetchError::NotCached(url) => {
                write!(f, "{url}: --offline, and the cache does not hold this page")
            }
            FetchError::Transport(url, why) => write!(f, "{url}: {why}"),
            FetchError::Cache(dir, e) => write!(f, "cache {dir}: {e}"),
        }
    }
}

impl std::error::Error for FetchError {}

/// What one attempt got: a page, a 304, or a failure that may be retried.
enum Attempt {
    Page(Vec<u8>, Option<String>, cache::Validators),
    NotModified,
    Retry(FetchError, Option<Duration>),
    Fail(FetchError),
}

/// Fetches pages with `options`.
#[derive(Debug)]
pub struct Fetcher {
    agent: ureq::Agent,
    options: Options,
}

impl Fetcher {
    /// A fetcher with its HTTP client set up.
    pub fn new(options: Options) -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(MAX_REDIRECTS)
            .user_agent(concat!(
                "bce-errors/",
                env!("CARGO_PKG_VERSION"),
                " (+https://crates.io/crates/bce-errors-cli)"
            ))
            .timeout_connect(Some(options.connect_timeout))
            .timeout_global(Some(options.timeout))
            .proxy(if options.env_proxy {
                ureq::Proxy::try_from_env()
            } else {
                None
            })
            .build()
            .new_agent();
        Fetcher { agent, options }
    }

    /// The page at `url`, decoded: from the cache when `--offline` or when the server
    /// says it has not changed.
    pub fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        let cached = match &self.options.cache {
            Some(cache) => cache
                .get(url)
                .map_err(|e| FetchError::Cache(cache.dir(), e))?,
            None => None,
        };
        if self.options.offline {
            let entry = cached.ok_or_else(|| FetchError::NotCached(url.to_owned()))?;
            return Ok(Fetched {
                text: decode::text(url, &entry.body, entry.content_type.as_deref())?,
                from_cache: true,
            });
        }
        let validators = cached
            .as_ref()
            .map(|c| c.validators.clone())
            .unwrap_or_default();
        let mut wait = BACKOFF;
        for attempt in 1..=ATTEMPTS {
            match self.attempt(url, &validators) {
                Attempt::Page(body, content_type, validators) => {
                    let text = decode::text(url, &body, content_type.as_deref())?;
                    if let Some(cache) = &self.options.cache {
                        cache
                            .put(url, &body, content_type.as_deref(), &validators)
                            .map_err(|e| FetchError::Cache(cache.dir(), e))?;
                    }
                    return Ok(Fetched {
                        text,
                        from_cache: false,
                    });
                }
                Attempt::NotModified => {
                    if let Some(entry) = cached {
                        let text = decode::text(url, &entry.body, entry.content_type.as_deref())?;
                        return Ok(Fetched {
                            text,
                            from_cache: true,
                        });
                    }
                    return Err(FetchError::Status(url.to_owned(), 304));
                }
                Attempt::Fail(error) => return Err(error),
                Attempt::Retry(error, _) if attempt == ATTEMPTS => return Err(error),
                Attempt::Retry(error, after) => {
                    let after = after.unwrap_or(wait);
                    if after > MAX_RETRY_AFTER {
                        return Err(error);
                    }
                    std::thread::sleep(after);
                    wait *= 2;
                }
            }
        }
        Err(FetchError::Transport(
            url.to_owned(),
            "no attempt made".into(),
        ))
    }

    /// One request; what to do next.
    fn attempt(&self, url: &str, validators: &cache::Validators) -> Attempt {
        let mut request = self.agent.get(url);
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(modified) = &validators.last_modified {
            request = request.header("If-Modified-Since", modified);
        }
        let response = match request.call() {
            Ok(response) => response,
            Err(e) => return failed(url, e),
        };
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        match status {
            304 => return Attempt::NotModified,
            200..=299 => {}
            429 | 500..=599 => {
                let after = header("retry-after")
                    .and_then(|v| bce_errors::call::retry_after(&v, std::time::SystemTime::now()));
                return Attempt::Retry(FetchError::Status(url.to_owned(), status), after);
            }
            // Final: 404, 410, 401… Retrying would fail the same way.
            _ => return Attempt::Fail(FetchError::Status(url.to_owned(), status)),
        }
        let content_type = header("content-type");
        if let Some(ct) = &content_type
            && !decode::is_page(ct)
        {
            return Attempt::Fail(FetchError::ContentType(url.to_owned(), ct.clone()));
        }
        let validators = cache::Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let mut body = Vec::new();
        let read = response
            .into_body()
            .into_reader()
            .take(MAX_PAGE_BYTES + 1)
            .read_to_end(&mut body);
        match read {
            Err(e) => Attempt::Retry(
                FetchError::Transport(
                    url.to_owned(),
                    format!("the connection failed mid-page: {e}"),
                ),
                None,
            ),
            Ok(_) if body.len() as u64 > MAX_PAGE_BYTES => {
                Attempt::Fail(FetchError::TooLarge(url.to_owned()))
            }
            Ok(_) => Attempt::Page(body, content_type, validators),
        }
    }
}

/// An error of the client, as an attempt's outcome: timeouts and broken connections
/// are retried, the rest is final.
fn failed(url: &str, e: ureq::Error) -> Attempt {
    let url = url.to_owned();
    match e {
        ureq::Error::Timeout(_) => Attempt::Retry(FetchError::Timeout(url), None),
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => {
            Attempt::Fail(FetchError::TooManyRedirects(url))
        }
        ureq::Error::HostNotFound => Attempt::Fail(FetchError::Transport(
            url,
            "the host name does not resolve".into(),
        )),
        ureq::Error::BodyExceedsLimit(_) => Attempt::Fail(FetchError::TooLarge(url)),
        ureq::Error::Io(io) => Attempt::Retry(FetchError::Transport(url, io.to_string()), None),
        ureq::Error::ConnectionFailed => {
            Attempt::Retry(FetchError::Transport(url, "cannot connect".into()), None)
        }
        other => Attempt::Fail(FetchError::Transport(url, other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_files() {
        assert!(is_address("https://cloud.baidu.com/doc/VPC/s/x"));
        assert!(is_address("http://127.0.0.1:8080/p"));
        assert!(!is_address("page.html") && !is_address("specs/https.html"));
    }
}
