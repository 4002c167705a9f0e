//! How long to wait before one retry, by retry class.

use std::time::Duration;

use crate::RetryClass;

/// The delays a policy draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Delays {
    pub base: Duration,
    pub throttling: Duration,
    pub cap: Duration,
}

impl Delays {
    /// The wait before retry number `retry` (0 for the first) after an error of `class`,
    /// `unit` a uniform draw from [0, 1); `None` for a class that is not retried.
    ///
    /// - transient: full jitter, uniform in [0, min(cap, base · 2^retry)]: clients that
    ///   failed together spread out over the whole window (AWS's analysis of jitter);
    /// - throttling: from `throttling` instead of `base`, and at least half the window:
    ///   a limit counted per second is not lifted by retrying at once;
    /// - clock skew: at once, the request signed anew.
    pub fn delay(&self, class: RetryClass, retry: u32, unit: f64) -> Option<Duration> {
        let unit = unit.clamp(0.0, 1.0);
        match class {
            RetryClass::Transient => Some(self.window(self.base, retry).mul_f64(unit)),
            RetryClass::Throttling => {
                let window = self.window(self.throttling, retry);
                Some(window / 2 + (window / 2).mul_f64(unit))
            }
            RetryClass::ClockSkew => Some(Duration::ZERO),
            _ => None,
        }
    }

    fn window(&self, base: Duration, retry: u32) -> Duration {
        let factor = 1u32.checked_shl(retry).unwrap_or(u32::MAX);
        base.saturating_mul(factor).min(self.cap)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DELAYS: Delays = Delays {
        base: Duration::from_millis(100),
        throttling: Duration::from_secs(1),
        cap: Duration::from_secs(20),
    };

    #[test]
    fn transient_is_full_jitter_under_a_doubling_capped_window() {
        let at = |retry, unit| DELAYS.delay(RetryClass::Transient, retry, unit);
        assert_eq!(at(0, 0.0), Some(Duration::ZERO));
        assert_eq!(at(0, 1.0), Some(Duration::from_millis(100)));
        assert_eq!(at(3, 0.5), Some(Duration::from_millis(400)));
        assert_eq!(at(40, 1.0), Some(Duration::from_secs(20)));
    }

    #[test]
    fn throttling_waits_at_least_half_its_longer_window() {
        let at = |retry, unit| DELAYS.delay(RetryClass::Throttling, retry, unit);
        assert_eq!(at(0, 0.0), Some(Duration::from_millis(500)));
        assert_eq!(at(1, 1.0), Some(Duration::from_secs(2)));
        assert_eq!(at(31, 0.0), Some(Duration::from_secs(10)));
    }

    #[test]
    fn clock_skew_at_once_never_not_at_all() {
        assert_eq!(
            DELAYS.delay(RetryClass::ClockSkew, 0, 0.7),
            Some(Duration::ZERO)
        );
        assert_eq!(DELAYS.delay(RetryClass::Never, 0, 0.7), None);
    }
}
