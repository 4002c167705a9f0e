//! The retry budget: a token bucket shared by every call to one endpoint.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// A token bucket that every retry spends from and every success refills, as in the
/// AWS SDKs' standard retry strategy: while most calls succeed it stays full and never
/// stops a retry; when most fail it empties, and then each call makes one attempt only,
/// so an outage does not multiply the load on the service.
///
/// | event | tokens |
/// |---|---|
/// | a retry | − [`RETRY_COST`](Self::RETRY_COST) (5) |
/// | a retry after a timeout | − [`TIMEOUT_RETRY_COST`](Self::TIMEOUT_RETRY_COST) (10) |
/// | a call succeeds after retrying | + what its last retry cost |
/// | a call succeeds at once | + [`SUCCESS_REFILL`](Self::SUCCESS_REFILL) (1) |
///
/// It starts full, at [`CAPACITY`](Self::CAPACITY) (500): against a server that fails
/// everything, the first 100 retries empty it (1,000 calls make 1,100 attempts), and
/// from then on calls make one attempt each; 500 successes fill it again. A retry the
/// bucket cannot pay for is not made, and counted in [`refusals`](Self::refusals).
///
/// Share one budget per endpoint (region): an outage in one region should not stop
/// retries to another. [`RetryPolicy`](super::RetryPolicy) holds one; its clones share it.
///
/// ```
/// # mod bce_errors { pub use ::bce_errors::*; pub use bce_errors_core::call; }
/// use bce_errors::call::RetryBudget;
///
/// let budget = RetryBudget::new(10);
/// assert_eq!(budget.acquire(false), Some(5));
/// assert_eq!(budget.acquire(false), Some(5));
/// assert_eq!(budget.acquire(false), None); // empty: no retry
/// assert_eq!(budget.refusals(), 1);
/// budget.record_success(5);                // a retry that worked gives its tokens back
/// budget.record_success(0);                // a first try that worked adds one
/// assert_eq!(budget.available(), 6);
/// ```
#[derive(Debug)]
pub struct RetryBudget {
    tokens: AtomicU32,
    capacity: u32,
    retry_cost: u32,
    timeout_retry_cost: u32,
    refused: AtomicU64,
}

impl RetryBudget {
    /// The default size of the bucket: AWS's standard strategy's 500, which lets a
    /// client ride out a burst of 100 simultaneous failures before retries stop.
    pub const CAPACITY: u32 = 500;
    /// What a retry costs: AWS's 5, so that one retry is worth five successes.
    pub const RETRY_COST: u32 = 5;
    /// What a retry after a timeout costs: AWS's 10. A timeout is the costliest failure
    /// for a service already slow, and the likeliest sign that it is.
    pub const TIMEOUT_RETRY_COST: u32 = 10;
    /// What a call that succeeds at its first attempt adds.
    pub const SUCCESS_REFILL: u32 = 1;

    /// A full bucket of `capacity` tokens, with the default costs.
    pub fn new(capacity: u32) -> Self {
        RetryBudget {
            tokens: AtomicU32::new(capacity),
            capacity,
            retry_cost: Self::RETRY_COST,
            timeout_retry_cost: Self::TIMEOUT_RETRY_COST,
            refused: AtomicU64::new(0),
        }
    }

    /// The same bucket with other costs for a retry and a retry after a timeout.
    pub fn with_costs(mut self, retry: u32, after_timeout: u32) -> Self {
        self.retry_cost = retry;
        self.timeout_retry_cost = after_timeout;
        self
    }

    /// Takes the tokens for one retry (after a timeout: the higher cost) and returns
    /// what was taken; `None`, and nothing taken, when the bucket cannot pay.
    pub fn acquire(&self, after_timeout: bool) -> Option<u32> {
        let cost = match after_timeout {
            true => self.timeout_retry_cost,
            false => self.retry_cost,
        };
        let taken = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| t.checked_sub(cost));
        match taken {
            Ok(_) => Some(cost),
            Err(_) => {
                self.refused.fetch_add(1, Ordering::Relaxed);
                None
            }
        }
    }

    /// Refills after a call succeeded: `last_retry_cost` back when it had retried (what
    /// [`acquire`](Self::acquire) returned for its last retry), else
    /// [`SUCCESS_REFILL`](Self::SUCCESS_REFILL). Never above the capacity.
    pub fn record_success(&self, last_retry_cost: u32) {
        let refill = match last_retry_cost {
            0 => Self::SUCCESS_REFILL,
            cost => cost,
        };
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                Some(t.saturating_add(refill).min(self.capacity))
            });
    }

    /// The tokens in the bucket now.
    pub fn available(&self) -> u32 {
        self.tokens.load(Ordering::Acquire)
    }

    /// The size of the bucket.
    pub fn capacity(&self) -> u32 {
        self.capacity
    }

    /// How many retries the bucket has refused since it was made.
    pub fn refusals(&self) -> u64 {
        self.refused.load(Ordering::Relaxed)
    }
}

impl Default for RetryBudget {
    /// A full bucket of [`CAPACITY`](Self::CAPACITY) tokens.
    fn default() -> Self {
        RetryBudget::new(Self::CAPACITY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dead_server_drains_it_after_a_tenth_of_a_thousand_calls() {
        let budget = RetryBudget::default();
        let retries = (0..1000)
            .filter(|_| budget.acquire(false).is_some())
            .count();
        assert_eq!(retries, 100);
        assert_eq!(budget.refusals(), 900);
    }

    #[test]
    fn successes_refill_up_to_the_capacity() {
        let budget = RetryBudget::new(20);
        while budget.acquire(true).is_some() {}
        assert_eq!(budget.available(), 0);
        (0..30).for_each(|_| budget.record_success(0));
        assert_eq!(budget.available(), 20);
    }
}
