//! A test's scratch directory under the system's temp directory, removed when the test
//! is done with it, so passing runs leave nothing behind; a failing test's is kept, to
//! look at.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// An empty directory of its own; removed on drop, unless the test is failing.
pub struct Scratch(PathBuf);

impl Scratch {
    /// `bce-errors-{name}-{pid}-{n}`: `n` counts this process's directories, so tests
    /// running side by side never share one. Emptied first (a crashed run's leftovers).
    pub fn new(name: &str) -> Self {
        static MADE: AtomicUsize = AtomicUsize::new(0);
        let n = MADE.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("bce-errors-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
