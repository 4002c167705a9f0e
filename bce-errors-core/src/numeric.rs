//! Numeric wire codes: the AI platform's `"error_code": 110`, read as the number its
//! digits stand for (the code enums keep it as `"110"`).

/// The number a numeric code stands for (`"110"` → 110), if it is one: an optional `-`
/// and digits, no leading zero.
pub(crate) fn numeric_code(code: &str) -> Option<i64> {
    let (negative, digits) = match code.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, code),
    };
    if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
        return None;
    }
    // Summed below zero, where `i64::MIN` fits; `None` past the range or at a non-digit.
    let below_zero = digits.bytes().try_fold(0i64, |n, b| {
        let digit = b.is_ascii_digit().then(|| i64::from(b - b'0'))?;
        n.checked_mul(10)?.checked_sub(digit)
    })?;
    if negative {
        Some(below_zero)
    } else {
        below_zero.checked_neg()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_codes() {
        assert_eq!(numeric_code("110"), Some(110));
        assert_eq!(numeric_code("-1"), Some(-1));
        assert_eq!(numeric_code("0"), Some(0));
        for not in ["", "-", "01", "1.5", "B:00001", "SDK100", "1e3"] {
            assert_eq!(numeric_code(not), None, "{not}");
        }
    }

    /// The hand-written reading agrees with the standard library's: plain digits (an
    /// optional `-`, no leading zero) read by `str::parse`, on every string of up to
    /// four characters over digits, signs, a letter and a non-ASCII digit, and on the
    /// edges of `i64`'s range.
    #[test]
    fn numeric_codes_read_as_str_parse_does() {
        let by_std = |code: &str| {
            let digits = code.strip_prefix('-').unwrap_or(code);
            let plain = !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && (digits == "0" || !digits.starts_with('0'));
            plain.then(|| code.parse::<i64>().ok()).flatten()
        };
        let alphabet = ["0", "1", "9", "-", "+", "a", " ", "١"];
        // The strings of each length in turn (`of_length`), from the empty one.
        let mut of_length = vec![String::new()];
        let mut codes = of_length.clone();
        for _ in 0..4 {
            of_length = of_length
                .iter()
                .flat_map(|code| alphabet.iter().map(move |c| format!("{code}{c}")))
                .collect();
            codes.extend_from_slice(&of_length);
        }
        for edge in [
            i64::MIN as i128 - 1,
            i64::MIN as i128,
            i64::MAX as i128,
            i64::MAX as i128 + 1,
        ] {
            codes.push(edge.to_string());
        }
        codes.push("99999999999999999999999".into());
        for code in &codes {
            assert_eq!(numeric_code(code), by_std(code), "{code:?}");
        }
    }
}
