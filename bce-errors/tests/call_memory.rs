//! A 5 MB page from a proxy is never in memory whole: the peak of the heap while
//! `from_reqwest` reads it, measured by a counting allocator. One test in this binary,
//! so that no other test's allocations land in the count.
#![cfg(feature = "reqwest")]

#[path = "support/double.rs"]
mod double;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use bce_errors::services::NatError;
use bce_errors::{BceError, PARSE_LIMIT};
use double::{Reply, TestDouble};

/// The system allocator, counting the bytes live and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        // SAFETY: the caller's layout, passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const PAGE: usize = 5 << 20;

#[tokio::test]
async fn a_5_mb_page_costs_the_parse_limit_not_the_page() {
    let double = TestDouble::sequence(vec![Reply::html(502, PAGE)]).await;
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let response = client.get(double.url("/v1/nat")).send().await.unwrap();

    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let err = BceError::<NatError>::from_reqwest(response).await;
    let peak = PEAK.load(Ordering::Relaxed) - before;

    assert_eq!((err.status(), err.is_parsed()), (502, false));
    println!(
        "from_reqwest on a {PAGE}-byte page: peak heap {peak} bytes ({:.2}× PARSE_LIMIT)",
        peak as f64 / PARSE_LIMIT as f64
    );
    // The kept prefix (PARSE_LIMIT + 1 bytes), the transport's read buffers, and the
    // server's own writes on this runtime; far from the page's 5 MiB.
    assert!(peak < 2 * PARSE_LIMIT, "peak {peak}");
}
