//! `--cache DIR`: each page's last body with its validators (`ETag`, `Last-Modified`),
//! so the next fetch is a conditional request and an unchanged page (304) is not
//! downloaded again; `--offline` reads only this. One file a page: the address's hash
//! names it, and it holds a JSON header line (address, validators, content type), then
//! the body. Written to a temporary file and renamed: a crash never leaves half a page.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// What a conditional request sends back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    /// The page's `ETag`.
    pub etag: Option<String>,
    /// The page's `Last-Modified`.
    pub last_modified: Option<String>,
}

/// A cached page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The body as fetched.
    pub body: Vec<u8>,
    /// Its `Content-Type`.
    pub content_type: Option<String>,
    /// Its validators.
    pub validators: Validators,
}

#[derive(Serialize, Deserialize)]
struct Header {
    url: String,
    content_type: Option<String>,
    #[serde(flatten)]
    validators: Validators,
}

/// The cache directory.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// A cache in `dir` (created when first written).
    pub fn new(dir: &Path) -> Self {
        Cache {
            dir: dir.to_path_buf(),
        }
    }

    /// The directory, for messages.
    pub fn dir(&self) -> String {
        self.dir.display().to_string()
    }

    fn path(&self, url: &str) -> PathBuf {
        self.dir
            .join(format!("{:016x}.page", fnv1a(url.as_bytes())))
    }

    /// The cached page for `url`, if any (an unreadable or foreign entry is none).
    pub fn get(&self, url: &str) -> io::Result<Option<Entry>> {
        let bytes = match std::fs::read(self.path(url)) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let Some(newline) = bytes.iter().position(|&b| b == b'\n') else {
            return Ok(None);
        };
        let Ok(header) = serde_json::from_slice::<Header>(&bytes[..newline]) else {
            return Ok(None);
        };
        Ok((header.url == url).then(|| Entry {
            body: bytes[newline + 1..].to_vec(),
            content_type: header.content_type,
            validators: header.validators,
        }))
    }

    /// Keeps `body` for `url`.
    pub fn put(
        &self,
        url: &str,
        body: &[u8],
        content_type: Option<&str>,
        validators: &Validators,
    ) -> io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let header = Header {
            url: url.to_owned(),
            content_type: content_type.map(str::to_owned),
            validators: validators.clone(),
        };
        let path = self.path(url);
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let mut file = std::fs::File::create(&tmp)?;
        let written = serde_json::to_writer(&mut file, &header)
            .map_err(io::Error::other)
            .and_then(|()| file.write_all(b"\n"))
            .and_then(|()| file.write_all(body))
            .and_then(|()| file.sync_all());
        match written.and_then(|()| std::fs::rename(&tmp, &path)) {
            Ok(()) => Ok(()),
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(e)
            }
        }
    }
}

/// FNV-1a, 64 bits: a stable file name for an address (not a security boundary: the
/// entry's header holds the address, and a different one is a miss).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_round_trip_and_other_addresses_miss() {
        let dir = std::env::temp_dir().join(format!("bce-errors-cache-{}", std::process::id()));
        let cache = Cache::new(&dir);
        let v = Validators {
            etag: Some("\"v1\"".into()),
            last_modified: None,
        };
        assert_eq!(cache.get("https://a/x").unwrap(), None);
        cache
            .put("https://a/x", b"<html>\n\xff", Some("text/html"), &v)
            .unwrap();
        let entry = cache.get("https://a/x").unwrap().unwrap();
        assert_eq!(
            (entry.body.as_slice(), entry.validators),
            (&b"<html>\n\xff"[..], v)
        );
        assert_eq!(cache.get("https://a/y").unwrap(), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
