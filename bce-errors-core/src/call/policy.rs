//! The retry policy: its settings, their defaults and why, and one call's retries on
//! backon.

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use backon::{Retry, Retryable as _};

use super::attempt::{Attempt, CallBackoff, CallRetry};
use super::backoff::Delays;
use super::{RetryBudget, RetryInfo};

/// When and how long to wait before sending a failed BCE call again, run by
/// [backon](https://docs.rs/backon).
///
/// Only what BCE's docs know is decided here; the loop, the sleeping and the hooks are
/// backon's. Each error's [`RetryClass`](crate::RetryClass) decides: transient errors
/// back off exponentially with full jitter, throttling backs off longer, clock skew is
/// retried at once — once per call, the request signed anew — and everything else is
/// not retried. A `Retry-After` the server sent is the shortest wait. Retries stop at
/// [`MAX_ATTEMPTS`](Self::MAX_ATTEMPTS), at [`MAX_ELAPSED`](Self::MAX_ELAPSED) since the
/// first attempt, or when the [`RetryBudget`] cannot pay.
///
/// | setting | default | why |
/// |---|---|---|
/// | attempts | 3 | AWS's standard; with independent failures of rate *p* a call fails at *p*³ (0.8 % at 20 %), and more attempts mostly add load during an outage |
/// | transient base | 100 ms | a 5xx from BCE is a blip of a backend instance; the window doubles per retry (100, 200 ms …) |
/// | throttling base | 1 s | the AI platform's QPS limits (codes 4, 17, 18) count per second: retrying sooner meets the same limit |
/// | cap | 20 s | AWS's maximum backoff; no single wait longer |
/// | elapsed | 30 s | a call ends within this of its first attempt (plus one attempt's time), inside a typical 60 s gateway timeout, so the caller gets our typed error, not the proxy's |
/// | budget | 500 tokens, retry 5, after a timeout 10, success +1 | AWS's standard retry quota; see [`RetryBudget`] |
///
/// A policy is cheap to clone, and clones share the budget: make one per endpoint
/// (region) and keep it beside the `reqwest::Client`. Set a timeout on the client
/// (reqwest has none by default): it bounds each attempt, as this policy bounds the
/// time between them.
///
/// ```
/// # mod bce_errors { pub use ::bce_errors::*; pub use bce_errors_core::call; }
/// use std::time::Duration;
/// use bce_errors::{BceError, call::{CallError, RetryPolicy}, services::NatError};
///
/// # #[tokio::main(flavor = "current_thread", start_paused = true)] async fn main() {
/// let policy = RetryPolicy::new();
/// let mut attempts = 0;
/// let result = policy
///     .retry(|| {
///         attempts += 1;
///         let failing = attempts < 3;
///         async move {
///             match failing {
///                 true => Err(CallError::from(BceError::<NatError>::from_response(503, (), b""))),
///                 false => Ok("nat-1"),
///             }
///         }
///     })
///     .notify(|err, wait| println!("{err}; again in {wait:?}")) // backon's hooks stay yours
///     .await;
/// assert_eq!(result.unwrap(), "nat-1");
/// assert_eq!(attempts, 3);
/// # }
/// ```
#[derive(Clone)]
pub struct RetryPolicy {
    pub(crate) max_attempts: u32,
    pub(crate) max_elapsed: Duration,
    pub(crate) delays: Delays,
    pub(crate) budget: Arc<RetryBudget>,
    pub(crate) on_clock_skew: Option<Arc<dyn Fn() + Send + Sync>>,
}

impl RetryPolicy {
    /// Attempts per call, the first included.
    pub const MAX_ATTEMPTS: u32 = 3;
    /// The first retry's window after a transient error.
    pub const BASE_DELAY: Duration = Duration::from_millis(100);
    /// The first retry's window after throttling.
    pub const THROTTLING_DELAY: Duration = Duration::from_secs(1);
    /// The longest single wait (a `Retry-After` may ask for more).
    pub const MAX_DELAY: Duration = Duration::from_secs(20);
    /// No retry starts later than this after the call's first attempt.
    pub const MAX_ELAPSED: Duration = Duration::from_secs(30);

    /// The defaults above, with a budget of its own.
    pub fn new() -> Self {
        RetryPolicy {
            max_attempts: Self::MAX_ATTEMPTS,
            max_elapsed: Self::MAX_ELAPSED,
            delays: Delays {
                base: Self::BASE_DELAY,
                throttling: Self::THROTTLING_DELAY,
                cap: Self::MAX_DELAY,
            },
            budget: Arc::new(RetryBudget::default()),
            on_clock_skew: None,
        }
    }

    /// At most `attempts` attempts per call (at least 1: 1 means no retry).
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The first retry's window after a transient error.
    pub fn with_base_delay(mut self, delay: Duration) -> Self {
        self.delays.base = delay;
        self
    }

    /// The first retry's window after throttling.
    pub fn with_throttling_delay(mut self, delay: Duration) -> Self {
        self.delays.throttling = delay;
        self
    }

    /// The longest single backoff.
    pub fn with_max_delay(mut self, delay: Duration) -> Self {
        self.delays.cap = delay;
        self
    }

    /// No retry whose wait would end later than `elapsed` after the first attempt; a
    /// `Retry-After` beyond it ends the call with the error, which carries the delay.
    pub fn with_max_elapsed(mut self, elapsed: Duration) -> Self {
        self.max_elapsed = elapsed;
        self
    }

    /// Spends from `budget`, shared with whoever else holds it.
    pub fn with_budget(mut self, budget: Arc<RetryBudget>) -> Self {
        self.budget = budget;
        self
    }

    /// Runs `hook` before the one retry that follows a clock-skew error
    /// (`RequestExpired`): refresh the clock your signer uses there. The retry itself
    /// calls your closure again, which signs the request anew.
    pub fn on_clock_skew(mut self, hook: impl Fn() + Send + Sync + 'static) -> Self {
        self.on_clock_skew = Some(Arc::new(hook));
        self
    }

    /// The budget this policy spends from.
    pub fn budget(&self) -> &Arc<RetryBudget> {
        &self.budget
    }

    /// One call's retries, for wiring backon (or another retry loop) by hand:
    /// `(|| call.attempt(send())).retry(call.backoff())` is what
    /// [`retry`](Self::retry) does.
    pub fn call(&self) -> CallRetry {
        CallRetry::new(self.clone())
    }

    /// Runs `attempt` until it succeeds or the policy stops, and returns its last
    /// result. The value is backon's [`Retry`] future: add `.notify(...)` to see each
    /// failure and the wait before the next attempt, `.when(...)` to retry less, or
    /// `.sleep(...)` for a runtime other than tokio.
    ///
    /// `attempt` is called once per attempt and must build (and sign) the request
    /// each time.
    #[allow(clippy::type_complexity)]
    pub fn retry<F, Fut, T, E>(
        &self,
        mut attempt: F,
    ) -> Retry<CallBackoff, T, E, Attempt<Fut>, impl FnMut() -> Attempt<Fut>>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
        E: RetryInfo,
    {
        let call = self.call();
        let backoff = call.backoff();
        (move || call.attempt(attempt())).retry(backoff)
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::new()
    }
}

impl fmt::Debug for RetryPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryPolicy")
            .field("max_attempts", &self.max_attempts)
            .field("max_elapsed", &self.max_elapsed)
            .field("base_delay", &self.delays.base)
            .field("throttling_delay", &self.delays.throttling)
            .field("max_delay", &self.delays.cap)
            .field("budget", &self.budget)
            .field("on_clock_skew", &self.on_clock_skew.is_some())
            .finish()
    }
}
