//! Which column of a table is which: by its header, in English or Chinese, with
//! annotations and typos (`Error code (code)`, `错误码(code)`, `HTTP states code`), then
//! checked against the values (a column of HTTP statuses is the status column whatever
//! its header says).

use super::status::{parse_cell, registered};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The error code.
    Code,
    /// The error message (what the server sends).
    Message,
    /// The HTTP status.
    Status,
    /// The description.
    Description,
    /// Anything else: a solution, a category, a type.
    Other,
}

/// What a header cell names: the role it has, and the role it takes when the table has
/// no column of its first choice (`描述` describes the code beside a message, and is the
/// message when there is none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Name {
    role: Role,
    instead_of_message: bool,
}

const fn name(role: Role) -> Name {
    Name {
        role,
        instead_of_message: false,
    }
}

const fn description_or_message() -> Name {
    Name {
        role: Role::Description,
        instead_of_message: true,
    }
}

/// Header words, normalised (lower case; no spaces, punctuation or annotations).
const VOCABULARY: &[(&str, Name)] = &[
    ("errorreturncodes", name(Role::Code)),
    ("errorreturncode", name(Role::Code)),
    ("errorcodes", name(Role::Code)),
    ("errorcode", name(Role::Code)),
    ("returncode", name(Role::Code)),
    ("errcode", name(Role::Code)),
    ("errno", name(Role::Code)),
    ("errorno", name(Role::Code)),
    ("error", name(Role::Code)),
    ("code", name(Role::Code)),
    ("异常code", name(Role::Code)),
    ("异常码", name(Role::Code)),
    ("错误码", name(Role::Code)),
    ("错误代码", name(Role::Code)),
    ("错误返回码", name(Role::Code)),
    ("返回码", name(Role::Code)),
    ("errormessages", name(Role::Message)),
    ("errormessage", name(Role::Message)),
    ("errormsg", name(Role::Message)),
    ("errmsg", name(Role::Message)),
    ("errorinfo", name(Role::Message)),
    ("message", name(Role::Message)),
    ("msg", name(Role::Message)),
    ("错误信息", name(Role::Message)),
    ("错误消息", name(Role::Message)),
    ("消息", name(Role::Message)),
    ("返回信息", name(Role::Message)),
    ("usermessage", name(Role::Message)),
    ("loggingmessage", name(Role::Message)),
    ("logmessage", name(Role::Message)),
    ("日志", name(Role::Message)),
    ("错误码描述", description_or_message()),
    ("errordescription", description_or_message()),
    ("httpstatuscodes", name(Role::Status)),
    ("httpstatuscode", name(Role::Status)),
    ("httpstatescode", name(Role::Status)),
    ("httpstatus", name(Role::Status)),
    ("httpcode", name(Role::Status)),
    ("statuscodes", name(Role::Status)),
    ("statuscode", name(Role::Status)),
    ("statescode", name(Role::Status)),
    ("status", name(Role::Status)),
    ("http状态码", name(Role::Status)),
    ("http状态", name(Role::Status)),
    ("状态码", name(Role::Status)),
    ("description", description_or_message()),
    ("semantics", description_or_message()),
    ("chineseexplanation", name(Role::Description)),
    ("explanation", description_or_message()),
    ("meaning", description_or_message()),
    ("remarks", name(Role::Description)),
    ("remark", name(Role::Description)),
    ("note", name(Role::Description)),
    ("说明", description_or_message()),
    ("描述", description_or_message()),
    ("错误描述", description_or_message()),
    ("含义", description_or_message()),
    ("中文说明", description_or_message()),
    ("备注", name(Role::Description)),
    ("其他", name(Role::Description)),
    ("说明及排查建议", description_or_message()),
    ("详情与建议", name(Role::Description)),
    ("常见原因", name(Role::Description)),
    ("原因", description_or_message()),
    ("cause", description_or_message()),
    ("语义", description_or_message()),
    ("solution", name(Role::Other)),
    ("solutions", name(Role::Other)),
    ("suggestion", name(Role::Other)),
    ("解决方法", name(Role::Other)),
    ("解决方案", name(Role::Other)),
    ("一般解决方法", name(Role::Other)),
    ("处理建议", name(Role::Other)),
    ("建议解决方法", name(Role::Other)),
    ("恢复策略", name(Role::Other)),
    ("模块", name(Role::Other)),
    ("数值", name(Role::Other)),
    ("value", name(Role::Other)),
    ("重试", name(Role::Other)),
    ("retry", name(Role::Other)),
    ("建议", name(Role::Other)),
    ("type", name(Role::Other)),
    ("类型", name(Role::Other)),
    ("category", name(Role::Other)),
    ("分类", name(Role::Other)),
    ("用户输入/服务端", name(Role::Other)),
];

/// Header words of look-alike tables (parameters, headers): a table whose header has one
/// of these is not an error table, and says which kind it is.
const LOOK_ALIKES: &[(&str, &str)] = &[
    ("parametername", "a parameter table"),
    ("parameter", "a parameter table"),
    ("参数名", "a parameter table"),
    ("参数", "a parameter table"),
    ("是否必选", "a parameter table"),
    ("required", "a parameter table"),
    ("commonheaders", "a table of headers"),
    ("commonheader", "a table of headers"),
    ("header", "a table of headers"),
    ("publicheader", "a table of headers"),
    ("头域", "a table of headers"),
    ("公共头域", "a table of headers"),
];

/// A header cell normalised: lower case; annotations in brackets (`(code)`), white
/// space, `_`, `-` and punctuation dropped.
pub fn normalize(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || matches!(c, ':' | '：' | '*' | '`' | '_' | '-' | '.') => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The name a header gives its column: its words, or, for a Chinese header followed by
/// the field's key (`错误码err_no`, `错误信息error_msg`), the Chinese words.
fn lookup(header: &str) -> Option<Name> {
    let n = normalize(header);
    let find = |n: &str| VOCABULARY.iter().find(|(w, _)| *w == n).map(|(_, r)| *r);
    find(&n).or_else(|| {
        let chinese = n.trim_end_matches(|c: char| c.is_ascii_alphanumeric());
        (chinese != n && !chinese.is_ascii())
            .then(|| find(chinese))
            .flatten()
    })
}

/// The name a header cell of a marked table (pipes, HTML) gives its column: as
/// [`lookup`], else a short compound's head word (`错误码显示信息`, `结果码`, `错误详情`).
/// Not for lines of text, where one line can be several header cells run together
/// (`错误码 错误信息 描述`).
fn lookup_cell(header: &str) -> Option<Name> {
    lookup(header).or_else(|| {
        let n = normalize(header);
        // `Value of errorCode`: the column of that field's values.
        let n = n.strip_prefix("valueof").unwrap_or(&n);
        let short = header.split_whitespace().count() <= MAX_COMPOUND_WORDS + 2
            && n.chars().count() <= MAX_COMPOUND_CHARS;
        short.then(|| head_word(n)).flatten()
    })
}

/// A compound header has at most this many words…
const MAX_COMPOUND_WORDS: usize = 3;
/// …and this many characters, normalised.
const MAX_COMPOUND_CHARS: usize = 24;

/// The last words of compound headers, which say what the column holds whatever comes
/// before them (`错误码显示信息`: shown information, the message); checked in order, the
/// more specific first. Only for headers the vocabulary does not list.
const HEAD_WORDS: &[(&str, Name)] = &[
    ("状态码", name(Role::Status)),
    ("statuscode", name(Role::Status)),
    ("解决方法", name(Role::Other)),
    ("解决方案", name(Role::Other)),
    ("处理方法", name(Role::Other)),
    ("建议", name(Role::Other)),
    ("码", name(Role::Code)),
    ("代码", name(Role::Code)),
    ("errorcode", name(Role::Code)),
    ("信息", name(Role::Message)),
    ("消息", name(Role::Message)),
    ("提示", name(Role::Message)),
    ("简称", name(Role::Message)),
    ("message", name(Role::Message)),
    ("msg", name(Role::Message)),
    ("information", name(Role::Message)),
    ("描述", description_or_message()),
    ("说明", description_or_message()),
    ("详情", description_or_message()),
    ("解释", description_or_message()),
    ("含义", description_or_message()),
    ("description", description_or_message()),
];

/// The name a compound header's last word gives it, or a header that is only that word
/// (`简称`, "short name": the message beside a description) (see [`HEAD_WORDS`]).
fn head_word(n: &str) -> Option<Name> {
    HEAD_WORDS
        .iter()
        .find(|(w, _)| n.ends_with(w))
        .map(|(_, r)| *r)
        .or_else(|| {
            // `messageDetails`: a message, whatever follows the word.
            ["message", "msg"]
                .iter()
                .any(|w| n.starts_with(w))
                .then_some(name(Role::Message))
        })
}

/// The kind of look-alike table a header cell belongs to, if it is one.
pub fn look_alike(header: &str) -> Option<&'static str> {
    let n = normalize(header);
    LOOK_ALIKES.iter().find(|(w, _)| *w == n).map(|(_, k)| *k)
}

/// The role of every column, from its header and, for the status, its values
/// (`values[c]` are the cells of column `c`). `None` for a column nothing names.
pub fn roles(headers: &[String], values: &[Vec<&str>]) -> Vec<Option<Role>> {
    let names: Vec<Option<Name>> = headers.iter().map(|h| lookup_cell(h)).collect();
    let mut roles: Vec<Option<Role>> = names.iter().map(|n| n.map(|n| n.role)).collect();
    // A "status" column whose values are no HTTP statuses (`Http状态码` over 43000) is
    // not one: the values are the codes when no column is named for them.
    for (c, column) in values.iter().enumerate() {
        if roles[c] == Some(Role::Status) && !mostly_statuses(column) {
            let has_code = roles.contains(&Some(Role::Code));
            roles[c] = Some(if has_code { Role::Other } else { Role::Code });
        }
    }
    // A column of HTTP statuses is the status column whatever its header — unless it
    // is the only code column (codes such as 400 or 500 exist).
    let codes = roles.iter().filter(|r| **r == Some(Role::Code)).count();
    for (c, column) in values.iter().enumerate() {
        let only_code = roles[c] == Some(Role::Code) && codes == 1;
        if !only_code && roles[c] != Some(Role::Status) && all_statuses(column) {
            roles[c] = Some(Role::Status);
        }
    }
    // One column a role: the first keeps it, later ones are "other".
    for role in [Role::Code, Role::Message, Role::Status] {
        let mut seen = false;
        for r in roles.iter_mut().filter(|r| **r == Some(role)) {
            if seen {
                *r = Some(Role::Other);
            }
            seen = true;
        }
    }
    // No message column: the first column that stands in for one is the message.
    if !roles.contains(&Some(Role::Message)) {
        let stand_in = (0..roles.len()).find(|&c| {
            roles[c] == Some(Role::Description) && names[c].is_some_and(|n| n.instead_of_message)
        });
        if let Some(c) = stand_in {
            roles[c] = Some(Role::Message);
        }
    }
    // One description: the first; later ones are "other".
    let mut seen = false;
    for r in roles.iter_mut().filter(|r| **r == Some(Role::Description)) {
        if seen {
            *r = Some(Role::Other);
        }
        seen = true;
    }
    roles
}

/// No values, or at least half of them HTTP statuses that HTTP registers (a result code
/// column headed `状态码` holds 210, 251, 261 beside 200 and 401).
fn mostly_statuses(values: &[&str]) -> bool {
    let filled: Vec<&&str> = values.iter().filter(|v| !v.trim().is_empty()).collect();
    let statuses = filled
        .iter()
        .filter(|v| parse_cell(v).is_some_and(registered))
        .count();
    2 * statuses >= filled.len()
}

/// Whether a code column holds HTTP statuses with their reason phrases (`400 Bad
/// Request`): the table is keyed by status, not by error code.
pub fn keyed_by_status(codes: &[&str]) -> bool {
    let filled: Vec<&&str> = codes.iter().filter(|v| !v.trim().is_empty()).collect();
    !filled.is_empty()
        && filled.iter().all(|v| parse_cell(v).is_some())
        && filled.iter().any(|v| v.trim().len() > 3)
}

/// Value types that field tables list (`code | String | 错误码`).
const TYPE_NAMES: &[&str] = &[
    "string",
    "int",
    "integer",
    "int32",
    "int64",
    "long",
    "number",
    "float",
    "double",
    "bool",
    "boolean",
    "object",
    "array",
    "list",
    "map",
    "uint32",
    "uint64",
    "字符串",
    "整数",
    "整型",
    "数字",
    "布尔",
    "对象",
    "数组",
];

/// A column of value types (`String`, `Integer`, `Object[]`): the table describes
/// fields or parameters, not errors.
pub fn is_type_column(values: &[&str]) -> bool {
    let filled: Vec<String> = values
        .iter()
        .map(|v| v.trim().trim_end_matches("[]").to_lowercase())
        .filter(|v| !v.is_empty())
        .collect();
    filled.len() >= 2 && filled.iter().all(|v| TYPE_NAMES.contains(&v.as_str()))
}

/// At least two values, every one an HTTP status.
fn all_statuses(values: &[&str]) -> bool {
    let filled: Vec<&&str> = values.iter().filter(|v| !v.trim().is_empty()).collect();
    filled.len() >= 2 && filled.iter().all(|v| parse_cell(v).is_some())
}

/// Whether these roles make an error table: a code column and a message column.
pub fn is_error_table(roles: &[Option<Role>]) -> bool {
    roles.contains(&Some(Role::Code)) && roles.contains(&Some(Role::Message))
}

/// A flattened header line (`Error codeError descriptionHTTP status codeSemantics`,
/// `错误码 错误信息 说明及排查建议`): its columns, if the whole line is column names.
pub fn header_line(text: &str) -> Option<Vec<Option<Role>>> {
    let n = normalize(text);
    if n.is_empty() || n.chars().count() > MAX_HEADER_CHARS {
        return None;
    }
    let len = n.len();
    // Fewest-names segmentation of the whole line into header names (dynamic
    // programming over byte offsets at character boundaries).
    let mut best: Vec<Option<Vec<Name>>> = vec![None; len + 1];
    best[0] = Some(Vec::new());
    for (start, _) in n.char_indices() {
        let Some(prefix) = best[start].clone() else {
            continue;
        };
        for (word, name) in VOCABULARY {
            if n[start..].starts_with(word) {
                let end = start + word.len();
                let mut names = prefix.clone();
                names.push(*name);
                if best[end].as_ref().is_none_or(|b| b.len() > names.len()) {
                    best[end] = Some(names);
                }
            }
        }
    }
    let roles = resolve_names(&best.pop().flatten()?);
    is_error_table(&roles).then_some(roles)
}

/// Roles for header names alone (no values to check).
fn resolve_names(names: &[Name]) -> Vec<Option<Role>> {
    let mut roles: Vec<Option<Role>> = names.iter().map(|n| Some(n.role)).collect();
    if !roles.contains(&Some(Role::Message))
        && let Some(c) = names.iter().position(|n| n.instead_of_message)
    {
        roles[c] = Some(Role::Message);
    }
    roles
}

/// A header line longer than this is prose, not column names.
const MAX_HEADER_CHARS: usize = 120;

/// The role one header cell names on its own (for headers written one cell a line).
pub fn cell_name(text: &str) -> Option<Role> {
    lookup(text).map(|n| n.role)
}

/// Roles for a header written one cell a line.
pub fn header_cells(cells: &[&str]) -> Option<Vec<Option<Role>>> {
    let names: Option<Vec<Name>> = cells.iter().map(|c| lookup(c)).collect();
    let roles = resolve_names(&names?);
    (roles.len() >= 2 && is_error_table(&roles)).then_some(roles)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<Option<Role>> {
        let headers: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
        roles(&headers, &vec![Vec::new(); cells.len()])
    }

    #[test]
    fn headers_with_annotations_and_typos() {
        use Role::*;
        assert_eq!(
            header(&[
                "Error code (code)",
                "Message (message)",
                "Description",
                "HTTP status code"
            ]),
            [Some(Code), Some(Message), Some(Description), Some(Status)]
        );
        assert_eq!(
            header(&["HTTP状态码", "错误码", "错误信息", "错误描述"]),
            [Some(Status), Some(Code), Some(Message), Some(Description)]
        );
        assert_eq!(
            header(&["错误返回码", "错误消息", "状态码", "说明"]),
            [Some(Code), Some(Message), Some(Status), Some(Description)]
        );
        assert_eq!(
            header(&["HTTP状态码", "错误码(Code)", "描述"]),
            [Some(Status), Some(Code), Some(Message)]
        );
        assert_eq!(
            header(&["错误码", "用户输入/服务端", "含义", "一般解决方法"]),
            [Some(Code), Some(Other), Some(Message), Some(Other)]
        );
        assert_eq!(header(&["Error code", "HTTP states code"])[1], Some(Status));
    }

    #[test]
    fn compound_headers_by_their_last_word() {
        use Role::*;
        assert_eq!(
            header(&["错误码", "错误码显示信息", "说明"]),
            [Some(Code), Some(Message), Some(Description)]
        );
        assert_eq!(
            header(&["错误码", "简称", "错误详情"]),
            [Some(Code), Some(Message), Some(Description)]
        );
        assert_eq!(header(&["结果码", "错误描述"]), [Some(Code), Some(Message)]);
        assert_eq!(header(&["err_no", "err_msg"]), [Some(Code), Some(Message)]);
        assert_eq!(
            header(&["Error code", "Description", "Detailed information"]),
            [Some(Code), Some(Description), Some(Message)]
        );
        assert_eq!(
            header(&["Value of `errorCode`", "Value of `messageDetails`", "Cause"]),
            [Some(Code), Some(Message), Some(Description)]
        );
        assert_eq!(
            header(&["API error code", "Error message", "返回状态码"]),
            [Some(Code), Some(Message), Some(Status)]
        );
        // Parameter and field tables name no code column this way, nor do cells run
        // together on one line.
        assert_eq!(header(&["参数名称", "类型", "参数说明"])[0], None);
        assert_eq!(
            header(&["Description of the error code", "Error code"])[0],
            None
        );
        assert_eq!(cell_name("错误码 错误信息 描述"), None);
    }

    #[test]
    fn a_column_of_statuses_is_the_status_column() {
        let headers = vec!["Code".to_owned(), "Message".to_owned(), "Result".to_owned()];
        let values = vec![vec!["A", "B"], vec!["a", "b"], vec!["404 Not Found", "500"]];
        assert_eq!(roles(&headers, &values)[2], Some(Role::Status));
        // The only code column keeps its role even when its codes look like statuses.
        let headers = vec!["错误码".to_owned(), "描述".to_owned()];
        let values = vec![vec!["400", "500"], vec!["a", "b"]];
        assert_eq!(
            roles(&headers, &values),
            [Some(Role::Code), Some(Role::Message)]
        );
    }

    #[test]
    fn a_status_column_of_codes_is_the_code_column() {
        let headers = vec!["Http状态码".to_owned(), "错误信息".to_owned()];
        let values = vec![vec!["43000", "43001"], vec!["a", "b"]];
        assert_eq!(
            roles(&headers, &values),
            [Some(Role::Code), Some(Role::Message)]
        );
        assert!(keyed_by_status(&["400 Bad Request", "404"]));
        assert!(!keyed_by_status(&["400", "404"]));
    }

    #[test]
    fn flattened_header_lines() {
        assert!(header_line("Error codeError descriptionHTTP status codeSemantics").is_some());
        assert!(header_line("Code Message HTTP Status Code 说明").is_some());
        assert!(header_line("错误码 错误信息 说明及排查建议").is_some());
        assert!(
            header_line("Error code Error message HTTP status code Meaning Solution").is_some()
        );
        assert!(header_line("Parameter name Types Description").is_none());
        assert!(header_line("code String Error code").is_none());
    }

    #[test]
    fn a_status_column_of_unregistered_numbers_holds_codes() {
        let headers = vec!["状态码".to_owned(), "含义".to_owned()];
        let codes = vec!["0", "1", "101", "200", "210", "251", "261", "401"];
        let values = vec![codes, vec!["x"; 8]];
        assert_eq!(
            roles(&headers, &values),
            [Some(Role::Code), Some(Role::Message)]
        );
    }
}
