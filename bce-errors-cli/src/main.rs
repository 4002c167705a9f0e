//! `bce-errors`: import BCE docs pages into specs, keep specs in sync with the docs, and
//! explain error codes and responses.
//!
//! Exit codes: 0 success; 1 drift (`sync --check`), an invalid spec, or nothing found;
//! 2 usage or I/O error.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bce_errors::services::{BUNDLED, CodeInfo};
use bce_errors::{ErrorResponse, classify};
use bce_errors_cli::sync::{Change, TableDiff, diff, load_each, load_specs, write};
use bce_errors_cli::tables::{PageImport, import};
use bce_errors_cli::{check, naming, specfile};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

#[derive(Parser)]
#[command(
    name = "bce-errors",
    version,
    about = "Typed BCE error codes from the docs: import, sync, check, lookup, explain, generate."
)]
#[command(
    after_help = "Exit codes: 0 ok, 1 drift / invalid spec / not found, 2 usage or I/O error.\n\n\
The regenerate-from-docs workflow:\n  \
bce-errors import saved-page.html -o specs/      # first time: one spec per table\n  \
bce-errors sync updated-page.html specs/          # later: what changed?\n  \
bce-errors sync updated-page.html specs/ --write  # apply it, keeping your edits\n  \
bce-errors check specs/                           # in CI"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Read a docs page (saved text, markdown or HTML) into one spec per error table.
    #[command(
        after_help = "Examples:\n  bce-errors import nat-errors.html                 # print the specs\n  \
        bce-errors import nat-errors.html -o specs/       # write specs/<table>.toml\n  \
        bce-errors import page.txt --section \"NAT gateway\" -o specs/"
    )]
    Import {
        /// The saved page.
        page: PathBuf,
        /// Only tables whose heading contains this text.
        #[arg(long)]
        section: Option<String>,
        /// Write one spec file per table into this directory (new files only).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Report format.
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
    },
    /// Compare an updated docs page with committed specs: added, removed, changed rows.
    #[command(
        after_help = "Examples:\n  bce-errors sync vpc-page.txt specs/            # show drift\n  \
        bce-errors sync vpc-page.txt specs/ --write    # update the specs in place\n  \
        bce-errors sync vpc-page.txt specs/ --check    # exit 1 on any drift (CI)"
    )]
    Sync {
        /// The updated page.
        page: PathBuf,
        /// A spec file or a directory of specs.
        specs: PathBuf,
        /// Update the specs in place (keeps comments, order and hand-curated fields).
        #[arg(long, conflicts_with = "check")]
        write: bool,
        /// Exit 1 if anything differs.
        #[arg(long)]
        check: bool,
        /// Report format.
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
    },
    /// Validate spec files as the macro does, and report codes documented differently.
    #[command(
        after_help = "Examples:\n  bce-errors check specs/\n  bce-errors check specs/nat.toml specs/vpc.toml"
    )]
    Check {
        /// Spec files or directories.
        #[arg(required = true)]
        specs: Vec<PathBuf>,
        /// Report format.
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
    },
    /// What a code means, in every bundled service that documents it.
    #[command(
        after_help = "Examples:\n  bce-errors lookup NoSuchNat\n  bce-errors lookup LimitExceeded --service nat --format json"
    )]
    Lookup {
        /// The error code.
        code: String,
        /// Only this service (enum name, service name or spec name, any case).
        #[arg(long)]
        service: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
    },
    /// Explain an error response body (or `-` for stdin): what it means, whether to retry.
    #[command(
        after_help = "Examples:\n  bce-errors explain '{\"code\":\"NoSuchNat\",\"message\":\"...\",\"requestId\":\"r-1\"}'\n  \
        curl -s ... | bce-errors explain - --status 404"
    )]
    Explain {
        /// The body, or `-` to read stdin.
        body: String,
        /// The HTTP status of the response, if known.
        #[arg(long)]
        status: Option<u16>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
    },
    /// Print the Rust code the macro generates for a spec, formatted.
    #[command(
        after_help = "Examples:\n  bce-errors generate specs/cfs.toml > src/cfs_error.rs\n  bce-errors generate specs/cfs.toml --name CfsError"
    )]
    Generate {
        /// The spec file.
        spec: PathBuf,
        /// The enum's name (default: from the file name, `cfs.toml` → `CfsError`).
        #[arg(long)]
        name: Option<String>,
    },
}

/// A failure: the message and the exit code.
struct Fail(u8, String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Import {
            page,
            section,
            output,
            format,
        } => cmd_import(&page, section.as_deref(), output.as_deref(), format),
        Command::Sync {
            page,
            specs,
            write,
            check,
            format,
        } => cmd_sync(&page, &specs, write, check, format),
        Command::Check { specs, format } => cmd_check(&specs, format),
        Command::Lookup {
            code,
            service,
            format,
        } => cmd_lookup(&code, service.as_deref(), format),
        Command::Explain {
            body,
            status,
            format,
        } => cmd_explain(&body, status, format),
        Command::Generate { spec, name } => cmd_generate(&spec, name.as_deref()),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Fail(code, message)) => {
            eprintln!("error: {message}");
            ExitCode::from(code)
        }
    }
}

fn read_page(path: &Path) -> Result<PageImport, Fail> {
    let bytes =
        std::fs::read(path).map_err(|e| Fail(2, format!("cannot read {}: {e}", path.display())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Fail(
            2,
            format!(
                "{} is not UTF-8 text (byte {}): save the page as text, markdown or HTML",
                path.display(),
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    let page = import(&text);
    if page.tables.is_empty() {
        return Err(Fail(
            2,
            format!(
                "{}: no error table found (looked for a header naming code, message and status or description columns)",
                path.display()
            ),
        ));
    }
    Ok(page)
}

fn print_json<T: Serialize>(value: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
}

#[derive(Serialize)]
struct ImportedSpec {
    heading: String,
    line: usize,
    file: Option<String>,
    rows: usize,
    merged: Vec<String>,
    problems: Vec<String>,
}

fn cmd_import(
    path: &Path,
    section: Option<&str>,
    output: Option<&Path>,
    format: OutputFormat,
) -> Result<u8, Fail> {
    let mut page = read_page(path)?;
    if let Some(section) = section {
        let needle = section.to_lowercase();
        page.tables
            .retain(|t| t.heading.to_lowercase().contains(&needle));
        if page.tables.is_empty() {
            return Err(Fail(
                2,
                format!(
                    "{}: no error table under a heading containing {section:?}",
                    path.display()
                ),
            ));
        }
    }
    let page_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut report = Vec::new();
    let mut texts = Vec::new();
    let mut stems: Vec<String> = Vec::new();
    for (i, table) in page.tables.iter().enumerate() {
        let mut stem =
            naming::file_stem(&table.heading).unwrap_or_else(|| format!("table_{}", i + 1));
        // Two tables whose headings name the same service get distinct files.
        if stems.contains(&stem) {
            stem = (2..)
                .map(|n| format!("{stem}_{n}"))
                .find(|s| !stems.contains(s))
                .unwrap_or_default();
        }
        stems.push(stem.clone());
        let mut name = naming::service_name(&table.heading);
        if name.is_empty() {
            name = page.title.clone().unwrap_or_else(|| stem.clone());
        }
        let text = specfile::new_spec(&page, table, &page_name, &name);
        let file = output.map(|dir| dir.join(format!("{stem}.toml")));
        report.push(ImportedSpec {
            heading: table.heading.clone(),
            line: table.line,
            file: file.as_ref().map(|f| f.display().to_string()),
            rows: table.rows.len(),
            merged: table
                .merged
                .iter()
                .map(|n| format!("line {}: {}", n.line, n.message))
                .collect(),
            problems: table
                .problems
                .iter()
                .map(|n| format!("line {}: {}", n.line, n.message))
                .collect(),
        });
        texts.push((file, text));
    }
    if let Some(dir) = output {
        std::fs::create_dir_all(dir)
            .map_err(|e| Fail(2, format!("cannot create {}: {e}", dir.display())))?;
        if let Some(existing) = texts
            .iter()
            .filter_map(|(f, _)| f.as_ref())
            .find(|f| f.exists())
        {
            return Err(Fail(
                2,
                format!(
                    "{} exists: use `bce-errors sync` to update a spec",
                    existing.display()
                ),
            ));
        }
        for (file, text) in &texts {
            if let Some(file) = file {
                specfile::write_atomic(file, text)
                    .map_err(|e| Fail(2, format!("cannot write {}: {e}", file.display())))?;
            }
        }
    }
    match format {
        OutputFormat::Json => print_json(&report),
        OutputFormat::Text => {
            if output.is_none() {
                for (_, text) in &texts {
                    println!("{text}");
                }
            }
            for r in &report {
                let target = r
                    .file
                    .as_deref()
                    .map(|f| format!(" → {f}"))
                    .unwrap_or_default();
                eprintln!(
                    "\"{}\" (line {}): {} rows{target}",
                    r.heading, r.line, r.rows
                );
                for m in &r.merged {
                    eprintln!("  merged {m}");
                }
                for p in &r.problems {
                    eprintln!("  not read {p}");
                }
            }
        }
    }
    Ok(0)
}

fn load(specs: &Path) -> Result<Vec<bce_errors_cli::sync::SpecView>, Fail> {
    if !specs.exists() {
        return Err(Fail(2, format!("{} does not exist", specs.display())));
    }
    load_specs(specs).map_err(|(path, d)| Fail(1, format!("{} is invalid:\n{d}", path.display())))
}

fn cmd_sync(
    page_path: &Path,
    specs_path: &Path,
    write_back: bool,
    check: bool,
    format: OutputFormat,
) -> Result<u8, Fail> {
    let page = read_page(page_path)?;
    let specs = load(specs_path)?;
    let diffs = diff(&page, &specs);
    let drift = diffs.iter().any(|d| !d.changes.is_empty());
    let written = if write_back {
        Some(write(&page, &specs, &diffs).map_err(|e| Fail(2, e))?)
    } else {
        None
    };
    match format {
        OutputFormat::Json => {
            #[derive(Serialize)]
            struct Report<'a> {
                page: String,
                updated: Option<&'a str>,
                tables: &'a [TableDiff],
                written: Option<Vec<bce_errors_cli::sync::Written>>,
            }
            print_json(&Report {
                page: page_path.display().to_string(),
                updated: page.updated.as_deref(),
                tables: &diffs,
                written,
            });
        }
        OutputFormat::Text => {
            let updated = page
                .updated
                .as_deref()
                .map(|u| format!(", updated {u}"))
                .unwrap_or_default();
            println!(
                "{}{updated}: {} error tables",
                page_path.display(),
                diffs.len()
            );
            for d in &diffs {
                print_diff(d);
            }
            for w in written.iter().flatten() {
                println!("wrote {}: {} change(s) applied", w.spec, w.applied);
                for s in &w.skipped {
                    println!("  not applied: {s}");
                }
            }
        }
    }
    Ok(if check && drift { 1 } else { 0 })
}

fn print_diff(d: &TableDiff) {
    let Some(spec) = &d.spec else {
        println!(
            "+ \"{}\" (line {}): a new table, {} rows; no spec matches it — `bce-errors import` it",
            d.heading,
            d.line,
            d.changes.len()
        );
        return;
    };
    if d.changes.is_empty() {
        println!(
            "= {spec} ← \"{}\" (line {}): {} rows, in sync",
            d.heading, d.line, d.compared
        );
        return;
    }
    println!(
        "~ {spec} ← \"{}\" (line {}): {} rows compared, {} change(s)",
        d.heading,
        d.line,
        d.compared,
        d.changes.len()
    );
    for c in &d.changes {
        match c {
            Change::Added {
                code,
                line,
                message,
                status,
            } => {
                let status = status.map(|s| format!(" ({s})")).unwrap_or_default();
                println!("    + {code}{status}: {message}  [page line {line}]");
            }
            Change::Removed { code, at } => println!("    - {code}  [{at}]"),
            Change::Changed {
                code,
                field,
                spec,
                page,
                line,
            } => {
                println!("    ~ {code} {field}: {spec:?} → {page:?}  [page line {line}]");
            }
        }
    }
}

fn cmd_check(paths: &[PathBuf], format: OutputFormat) -> Result<u8, Fail> {
    let mut specs = Vec::new();
    let mut invalid = Vec::new();
    for path in paths {
        if !path.exists() {
            return Err(Fail(2, format!("{} does not exist", path.display())));
        }
        let (mut valid, bad) = load_each(path);
        specs.append(&mut valid);
        invalid.extend(
            bad.into_iter()
                .map(|(file, d)| (file.display().to_string(), d.to_string())),
        );
    }
    let disagreements = check::disagreements(&specs);
    let rows: usize = specs.iter().map(|s| s.spec.rows.len()).sum();
    match format {
        OutputFormat::Json => {
            #[derive(Serialize)]
            struct Report<'a> {
                valid: usize,
                rows: usize,
                invalid: &'a [(String, String)],
                disagreements: &'a [check::Disagreement],
            }
            print_json(&Report {
                valid: specs.len(),
                rows,
                invalid: &invalid,
                disagreements: &disagreements,
            });
        }
        OutputFormat::Text => {
            for (_, d) in &invalid {
                eprintln!("{d}");
            }
            println!(
                "{} spec(s) valid, {} rows; {} invalid",
                specs.len(),
                rows,
                invalid.len()
            );
            if !disagreements.is_empty() {
                println!("codes documented differently by different specs:");
                for d in &disagreements {
                    let values: Vec<String> = d
                        .values
                        .iter()
                        .map(|(v, s)| format!("{v:?} in {}", s.join(", ")))
                        .collect();
                    println!("  {} {}: {}", d.code, d.field, values.join("; "));
                }
            }
        }
    }
    Ok(if invalid.is_empty() { 0 } else { 1 })
}

#[derive(Serialize)]
struct Meaning {
    service: &'static str,
    enum_name: &'static str,
    variant: String,
    code: &'static str,
    status: Option<u16>,
    message: &'static str,
    description: Option<&'static str>,
    description_zh: Option<&'static str>,
    retry: &'static str,
}

/// Does `name` (enum name, service name or spec name, any case) name this service?
fn names_service(b: &bce_errors::services::Bundled, name: &str) -> bool {
    let stem = b
        .spec
        .trim_start_matches("specs/")
        .trim_end_matches(".toml");
    [b.enum_name, b.service, stem]
        .iter()
        .any(|n| n.to_lowercase() == name.to_lowercase())
}

fn meanings(code: &str, service: Option<&str>) -> Vec<Meaning> {
    let wanted = |b: &bce_errors::services::Bundled| service.is_none_or(|s| names_service(b, s));
    BUNDLED
        .iter()
        .filter(|b| wanted(b))
        .filter_map(|b| b.lookup(code).map(|info| (b, info)))
        .map(|(b, info): (_, CodeInfo)| Meaning {
            service: info.service,
            enum_name: b.enum_name,
            variant: info.variant.to_owned(),
            code: info.code,
            status: info.status,
            message: info.message,
            description: info.description,
            description_zh: info.description_zh,
            retry: info.retry_class.as_str(),
        })
        .collect()
}

fn print_meaning(m: &Meaning) {
    let status = m.status.map_or(String::new(), |s| format!("{s} "));
    println!(
        "{} ({}::{}): {status}{}",
        m.service, m.enum_name, m.variant, m.message
    );
    if let Some(description) = m.description {
        println!("    {description}");
    }
    if let Some(zh) = m.description_zh {
        println!("    {zh}");
    }
    println!("    retry: {}", m.retry);
}

fn cmd_lookup(code: &str, service: Option<&str>, format: OutputFormat) -> Result<u8, Fail> {
    if service.is_some_and(|s| meanings_services(s) == 0) {
        return Err(Fail(
            2,
            format!(
                "no bundled service is called {:?}",
                service.unwrap_or_default()
            ),
        ));
    }
    let found = meanings(code, service);
    match format {
        OutputFormat::Json => print_json(&found),
        OutputFormat::Text if found.is_empty() => {
            println!("{code}: not documented by any bundled service")
        }
        OutputFormat::Text => found.iter().for_each(print_meaning),
    }
    Ok(if found.is_empty() { 1 } else { 0 })
}

fn meanings_services(service: &str) -> usize {
    BUNDLED.iter().filter(|b| names_service(b, service)).count()
}

fn cmd_explain(body: &str, status: Option<u16>, format: OutputFormat) -> Result<u8, Fail> {
    let body = if body == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Fail(2, format!("cannot read stdin: {e}")))?;
        buf
    } else {
        body.as_bytes().to_vec()
    };
    let parsed = ErrorResponse::parse(&body);
    let (response, parse_error) = match parsed {
        Ok(r) => (r, None),
        Err(e) => (ErrorResponse::default(), Some(e.to_string())),
    };
    let documented = response
        .code
        .as_deref()
        .map(|c| meanings(c, None))
        .unwrap_or_default();
    let retry = match (&documented[..], status) {
        ([first, rest @ ..], _) if rest.iter().all(|d| d.retry == first.retry) => first.retry,
        (_, Some(s)) => classify(s, response.code.as_deref()).as_str(),
        (_, None) => "unknown: pass --status",
    };
    match format {
        OutputFormat::Json => {
            #[derive(Serialize)]
            struct Report<'a> {
                parsed: bool,
                error: Option<&'a str>,
                status: Option<u16>,
                code: Option<&'a str>,
                message: Option<&'a str>,
                request_id: Option<&'a str>,
                documented: &'a [Meaning],
                retry: &'a str,
            }
            print_json(&Report {
                parsed: parse_error.is_none(),
                error: parse_error.as_deref(),
                status,
                code: response.code.as_deref(),
                message: response.message.as_deref(),
                request_id: response.request_id.as_deref(),
                documented: &documented,
                retry,
            });
        }
        OutputFormat::Text => {
            match &parse_error {
                Some(e) => println!("not a BCE error body: {e}"),
                None => {
                    let code = response
                        .code
                        .as_deref()
                        .map_or("(none)".into(), |c| c.escape_debug().to_string());
                    println!("code: {code}");
                    if let Some(m) = &response.message {
                        println!("message: {}", m.escape_debug());
                    }
                    if let Some(id) = &response.request_id {
                        println!("request id: {}", id.escape_debug());
                    }
                }
            }
            if documented.is_empty() {
                if let Some(code) = &response.code {
                    println!(
                        "{} is not documented by any bundled service",
                        code.escape_debug()
                    );
                }
            } else {
                println!("documented by:");
                documented.iter().for_each(print_meaning);
            }
            println!("retry: {retry}");
        }
    }
    Ok(if parse_error.is_some() { 1 } else { 0 })
}

fn cmd_generate(spec: &Path, name: Option<&str>) -> Result<u8, Fail> {
    // Relative paths are shown as given (`specs/nat.toml`), as the macro shows them.
    let (root, file) = if spec.is_relative() {
        (Path::new("."), spec.to_string_lossy().replace('\\', "/"))
    } else {
        let root = spec.parent().unwrap_or(Path::new("/"));
        let file = spec.file_name().map(|n| n.to_string_lossy().into_owned());
        (
            root,
            file.ok_or_else(|| Fail(2, "no spec file given".into()))?,
        )
    };
    let loaded = bce_errors_spec::load_spec(root, &file)
        .map_err(|d| Fail(1, format!("{} is invalid:\n{d}", spec.display())))?;
    let name = match name {
        Some(n) => n.to_owned(),
        None => {
            let stem = Path::new(&file)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            format!(
                "{}Error",
                bce_errors_spec::variant_name(&stem).unwrap_or_else(|| "Spec".into())
            )
        }
    };
    let item = format!("pub enum {name} {{}}")
        .parse()
        .ok()
        .and_then(|tokens| bce_errors_spec::parse_enum(tokens).ok())
        .ok_or_else(|| Fail(2, format!("--name {name:?} is not a Rust identifier")))?;
    let tokens =
        bce_errors_spec::generate(&loaded, &item, &bce_errors_spec::GenerateOptions::default());
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| Fail(2, format!("generated code does not parse: {e}")))?;
    print!(
        "// Generated by `bce-errors generate {}`; edit the spec, not this file.\n\n{}",
        spec.display(),
        prettyplease::unparse(&file)
    );
    Ok(0)
}
