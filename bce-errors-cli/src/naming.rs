//! Names for imported tables: the spec file and the service, from the page's headings.

/// Words that say "error table" rather than which service: dropped from names.
const GENERIC: &[&str] = &[
    "service", "services", "error", "errors", "code", "codes", "return", "returns", "table",
    "list", "of", "the",
];

/// Chinese headings whose service part has a conventional English file name.
const CHINESE: &[(&str, &str)] = &[
    ("公共", "global"),
    ("通用", "common"),
    ("开发机", "dev_machine"),
];

/// The service name in a heading: `NAT gateway error return code` → `NAT gateway`,
/// `开发机错误码` → `开发机`. Empty when the heading names no service.
pub fn service_name(heading: &str) -> String {
    let heading = heading.trim().trim_end_matches(['：', ':']);
    let heading = heading
        .strip_suffix("错误码")
        .or_else(|| heading.strip_suffix("错误代码"))
        .unwrap_or(heading);
    heading
        .split_whitespace()
        .filter(|w| !GENERIC.contains(&w.to_lowercase().as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The spec file stem for a heading: `EIP service error code` → `eip`,
/// `Bandwidth package service error code` → `bandwidth_package`; `None` when the
/// heading names no service in ASCII words or a known Chinese one.
pub fn file_stem(heading: &str) -> Option<String> {
    let name = service_name(heading);
    if let Some((_, stem)) = CHINESE.iter().find(|(zh, _)| name == *zh) {
        return Some((*stem).to_owned());
    }
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("bce"))
        .map(str::to_ascii_lowercase)
        .collect();
    (!words.is_empty()).then(|| words.join("_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_headings() {
        for (heading, stem, name) in [
            ("EIP service error code", Some("eip"), "EIP"),
            (
                "Bandwidth package service error code",
                Some("bandwidth_package"),
                "Bandwidth package",
            ),
            (
                "NAT gateway error return code",
                Some("nat_gateway"),
                "NAT gateway",
            ),
            ("BCE global error codes", Some("global"), "BCE global"),
            ("Error return codes", None, ""),
            ("开发机错误码", Some("dev_machine"), "开发机"),
            ("公共错误码", Some("global"), "公共"),
        ] {
            assert_eq!(file_stem(heading).as_deref(), stem, "{heading}");
            assert_eq!(service_name(heading), name, "{heading}");
        }
    }
}
