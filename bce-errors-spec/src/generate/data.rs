//! The enum's data: one `code_enum!` call (defined in the runtime, which writes the
//! API) holding the rows as literals, one row a line, in spec order — so the diff of a
//! regeneration after the docs change reads as the change of the docs.

use std::fmt::Write as _;

use bce_errors_core::RetryClass;

use crate::model::Row;
use crate::tokens::lit;

use super::lookup::Lookup;

/// `{rt}::__private::code_enum! { Name { … } Variant(…), … }`, formatted.
/// `global` is the path of the `GlobalError` the enum converts from, if it does;
/// `derived_debug`, whether the user derives `Debug`.
pub(crate) fn code_enum_call(
    name: &str,
    service: &str,
    rows: &[Row],
    rt: &str,
    global: Option<&str>,
    derived_debug: bool,
) -> String {
    let codes: Vec<&str> = rows.iter().map(|r| r.code.as_str()).collect();
    let lookup = Lookup::find(&codes);
    let mut out = format!(
        "{rt}::__private::code_enum! {{\n    {name} {{\n        service: {},\n        rows: {},\n        lookup: ({}, {:#x}, {}),\n",
        lit(service),
        rows.len(),
        lookup.slots,
        lookup.seed,
        lookup.skip,
    );
    if let Some(global) = global {
        let _ = writeln!(out, "        from: {global},");
    }
    if derived_debug {
        out.push_str("        derived: Debug,\n");
    }
    out.push_str("    }\n");
    for row in rows {
        let _ = writeln!(out, "    {},", row_call(row));
    }
    out.push_str("}\n");
    out
}

/// `Variant("code", Some(404), "message", Some("description"), None)`, and the retry
/// class last where the spec gives one; without the code where it is the variant's name
/// (`NoSuchNat(Some(404), …)`, most rows), which the table then keeps once.
fn row_call(row: &Row) -> String {
    let opt = |text: &Option<String>| match text {
        Some(text) => format!("Some({})", lit(text)),
        None => "None".to_owned(),
    };
    let status = match row.status {
        Some(status) => format!("Some({status})"),
        None => "None".to_owned(),
    };
    let retry = match row.retry {
        Some(class) => format!(", {}", retry_variant(class)),
        None => String::new(),
    };
    let code = match row.code == row.variant {
        true => String::new(),
        false => format!("{}, ", lit(&row.code)),
    };
    format!(
        "{}({code}{status}, {}, {}, {}{retry})",
        row.variant,
        lit(&row.message),
        opt(&row.description),
        opt(&row.description_zh),
    )
}

/// The `RetryClass` variant a spec's `retry` names.
fn retry_variant(class: RetryClass) -> &'static str {
    match class {
        RetryClass::Transient => "Transient",
        RetryClass::Throttling => "Throttling",
        RetryClass::ClockSkew => "ClockSkew",
        _ => "Never",
    }
}
