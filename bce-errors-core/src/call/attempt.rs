//! One call's retries: its attempts, the decision after each failure, and backon's
//! view of them.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use tokio::time::Instant;

use super::{RetryInfo, RetryPolicy};
use crate::RetryClass;

/// One call's retries under a [`RetryPolicy`]: how many attempts it made, whether it
/// re-signed, what its last retry cost the budget. Clones share the call.
///
/// [`RetryPolicy::retry`] uses it with backon; use it directly to wire another retry
/// loop. [`next_delay`](Self::next_delay) records a failure and says how long to wait
/// (`None`: stop); [`succeeded`](Self::succeeded) refills the budget:
///
/// ```
/// # mod bce_errors { pub use ::bce_errors::*; pub use bce_errors_core::call; }
/// use bce_errors::{BceError, call::RetryPolicy, services::NatError};
///
/// # #[tokio::main(flavor = "current_thread", start_paused = true)] async fn main() {
/// let call = RetryPolicy::new().call();
/// let busy = BceError::<NatError>::from_response(429, (), br#"{"code":"RequestLimitExceeded"}"#);
/// let wait = call.next_delay(&busy).expect("throttling is retried");
/// assert!(wait >= std::time::Duration::from_millis(500));
/// let gone = BceError::<NatError>::from_response(404, (), br#"{"code":"NoSuchNat"}"#);
/// assert_eq!(call.next_delay(&gone), None);
/// call.succeeded(); // gives the budget back what the retry cost
/// # }
/// ```
///
/// A `tower::retry::Policy` is one per request (tower clones it for each call), so its
/// clone starts a new call on the shared policy:
///
/// ```
/// # mod bce_errors { pub use ::bce_errors::*; pub use bce_errors_core::call; }
/// use bce_errors::{ServiceError, call::{CallError, CallRetry, RetryPolicy}};
///
/// struct BcePolicy { policy: RetryPolicy, call: CallRetry }
///
/// impl BcePolicy {
///     fn new(policy: RetryPolicy) -> Self {
///         BcePolicy { call: policy.call(), policy }
///     }
/// }
///
/// impl Clone for BcePolicy {
///     fn clone(&self) -> Self {
///         BcePolicy::new(self.policy.clone()) // same budget, a call of its own
///     }
/// }
///
/// impl<Req: Clone, Res, K: ServiceError> tower::retry::Policy<Req, Res, CallError<K>> for BcePolicy {
///     type Future = tokio::time::Sleep;
///
///     fn retry(&mut self, _: &mut Req, result: &mut Result<Res, CallError<K>>) -> Option<Self::Future> {
///         match result {
///             Ok(_) => {
///                 self.call.succeeded();
///                 None
///             }
///             Err(err) => self.call.next_delay(err).map(tokio::time::sleep),
///         }
///     }
///
///     fn clone_request(&mut self, request: &Req) -> Option<Req> {
///         Some(request.clone())
///     }
/// }
///
/// # #[tokio::main(flavor = "current_thread", start_paused = true)] async fn main() {
/// use bce_errors::{BceError, services::NatError};
/// use tower::retry::Policy as _;
/// let mut policy = BcePolicy::new(RetryPolicy::new()).clone();
/// let mut failed: Result<(), _> = Err(CallError::from(BceError::<NatError>::from_response(503, (), b"")));
/// assert!(policy.retry(&mut (), &mut failed).is_some());
/// # }
/// ```
#[derive(Clone)]
pub struct CallRetry {
    policy: RetryPolicy,
    state: Arc<Mutex<State>>,
}

#[derive(Debug)]
struct State {
    started: Option<Instant>,
    attempts: u32,
    last: Option<Failure>,
    resigned: bool,
    spent: u32,
    rng: fastrand::Rng,
}

/// What a retry decision needs of a failed attempt.
#[derive(Debug, Clone, Copy)]
struct Failure {
    class: RetryClass,
    retry_after: Option<Duration>,
    timeout: bool,
}

impl CallRetry {
    pub(crate) fn new(policy: RetryPolicy) -> Self {
        let state = State {
            started: None,
            attempts: 0,
            last: None,
            resigned: false,
            spent: 0,
            rng: fastrand::Rng::new(),
        };
        CallRetry {
            policy,
            state: Arc::new(Mutex::new(state)),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Wraps one attempt: its outcome is recorded when it completes (a failure for the
    /// next [`backoff`](Self::backoff) step, a success for the budget).
    pub fn attempt<Fut>(&self, attempt: Fut) -> Attempt<Fut> {
        self.state().started.get_or_insert_with(Instant::now);
        Attempt {
            attempt: Box::pin(attempt),
            call: self.clone(),
        }
    }

    /// The call's delays as a backon [`Backoff`](backon::Backoff): each step decides on
    /// the failure the last [`attempt`](Self::attempt) recorded.
    pub fn backoff(&self) -> CallBackoff {
        CallBackoff { call: self.clone() }
    }

    /// Records a failed attempt and decides: the wait before the next attempt, or
    /// `None` to stop. For retry loops other than backon; with backon, use
    /// [`attempt`](Self::attempt) and [`backoff`](Self::backoff).
    pub fn next_delay(&self, error: &impl RetryInfo) -> Option<Duration> {
        self.failed(error);
        self.decide()
    }

    /// Records that the call succeeded, which refills the budget.
    pub fn succeeded(&self) {
        let spent = {
            let mut state = self.state();
            state.attempts += 1;
            state.spent
        };
        self.policy.budget.record_success(spent);
    }

    /// The attempts that have completed so far.
    pub fn attempts(&self) -> u32 {
        self.state().attempts
    }

    fn failed(&self, error: &impl RetryInfo) {
        let mut state = self.state();
        state.started.get_or_insert_with(Instant::now);
        state.attempts += 1;
        state.last = Some(Failure {
            class: error.retry_class(),
            retry_after: error.retry_after(),
            timeout: error.is_timeout(),
        });
    }

    /// The wait before the next attempt, after the failure last recorded.
    fn decide(&self) -> Option<Duration> {
        let mut state = self.state();
        let failure = state.last.take()?;
        let policy = &self.policy;
        let skew = failure.class == RetryClass::ClockSkew;
        if state.attempts >= policy.max_attempts || (skew && state.resigned) {
            return None;
        }
        let unit = state.rng.f64();
        let backoff = policy
            .delays
            .delay(failure.class, state.attempts - 1, unit)?;
        let wait = backoff.max(failure.retry_after.unwrap_or_default());
        let elapsed = state.started.map_or(Duration::ZERO, |s| s.elapsed());
        if elapsed.saturating_add(wait) > policy.max_elapsed {
            return None;
        }
        state.spent = policy.budget.acquire(failure.timeout)?;
        state.resigned |= skew;
        drop(state);
        if let Some(hook) = policy.on_clock_skew.as_ref().filter(|_| skew) {
            hook();
        }
        Some(wait)
    }
}

impl std::fmt::Debug for CallRetry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallRetry")
            .field("policy", &self.policy)
            .field("state", &*self.state())
            .finish()
    }
}

/// One attempt of a call, as [`CallRetry::attempt`] wraps it: the attempt's own
/// future, whose outcome the call records when it completes.
pub struct Attempt<Fut> {
    attempt: Pin<Box<Fut>>,
    call: CallRetry,
}

impl<Fut, T, E> Future for Attempt<Fut>
where
    Fut: Future<Output = Result<T, E>>,
    E: RetryInfo,
{
    type Output = Result<T, E>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let outcome = ready!(self.attempt.as_mut().poll(cx));
        match &outcome {
            Ok(_) => self.call.succeeded(),
            Err(error) => self.call.failed(error),
        }
        Poll::Ready(outcome)
    }
}

/// A call's delays as backon sees them: each step is the policy's decision on the
/// failure the call's last [`Attempt`] recorded (`None`: stop).
#[derive(Debug, Clone)]
pub struct CallBackoff {
    call: CallRetry,
}

impl Iterator for CallBackoff {
    type Item = Duration;

    fn next(&mut self) -> Option<Duration> {
        self.call.decide()
    }
}
