//! `bce-errors check`: the macro's own validation over spec files, plus a report of codes
//! documented differently by different specs.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::sync::SpecView;

/// One code documented with different statuses or messages in different specs.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    /// The code.
    pub code: String,
    /// `status` or `message`.
    pub field: &'static str,
    /// Each value, with the specs that document it.
    pub values: Vec<(String, Vec<String>)>,
}

/// Codes whose status or message differ between specs (page copies under `pages/`
/// excluded: the specs that include them carry the same rows).
pub fn disagreements(specs: &[SpecView]) -> Vec<Disagreement> {
    let mut by_code: BTreeMap<&str, Vec<(&str, String, String)>> = BTreeMap::new();
    for view in specs.iter().filter(|v| !v.rel.starts_with("pages/")) {
        for row in &view.spec.rows {
            by_code.entry(&row.code).or_default().push((
                &view.rel,
                row.status
                    .map_or_else(|| "none".to_owned(), |s| s.to_string()),
                row.message.clone(),
            ));
        }
    }
    let mut out = Vec::new();
    for (code, entries) in by_code {
        for (field, pick) in [("status", 1), ("message", 2)] {
            let mut values: Vec<(String, Vec<String>)> = Vec::new();
            for e in &entries {
                let v = if pick == 1 { &e.1 } else { &e.2 };
                match values.iter_mut().find(|(x, _)| x == v) {
                    Some((_, specs)) => specs.push(e.0.to_owned()),
                    None => values.push((v.clone(), vec![e.0.to_owned()])),
                }
            }
            if values.len() > 1 {
                out.push(Disagreement {
                    code: code.to_owned(),
                    field,
                    values,
                });
            }
        }
    }
    out
}
