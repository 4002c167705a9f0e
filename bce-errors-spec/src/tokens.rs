//! Token helpers shared by every stage: compile errors at a span, string literals, and
//! lexing generated code.

use proc_macro2::{Group, Literal, Span, TokenStream, TokenTree};

/// A compile error at a span. Several are reported together.
#[derive(Debug, Clone)]
pub struct MacroError {
    span: Span,
    message: String,
}

impl MacroError {
    /// An error with `message` at `span`.
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        MacroError {
            span,
            message: message.into(),
        }
    }

    /// The message.
    #[cfg(test)]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// `::core::compile_error!("…")`, spanned so rustc points at the right place.
    pub fn to_compile_error(&self) -> TokenStream {
        let tokens = lex(
            "compile error",
            &format!("::core::compile_error! {{ {} }}", lit(&self.message)),
        );
        respan(tokens, self.span)
    }
}

/// Compile errors for a list of problems.
pub fn compile_errors(errors: &[MacroError]) -> TokenStream {
    errors.iter().map(MacroError::to_compile_error).collect()
}

/// A Rust string literal for `text`.
pub(crate) fn lit(text: &str) -> String {
    Literal::string(text).to_string()
}

/// Lexes generated code; `what` names the template for the report. It always lexes
/// (every literal in it comes from [`lit`], and the golden test compiles each template);
/// if it ever did not, the user gets a compile error quoting the lexer, not a panic.
pub(crate) fn lex(what: &str, code: &str) -> TokenStream {
    code.parse().unwrap_or_else(|e: proc_macro2::LexError| {
        let message = format!(
            "bce-errors generated code that does not lex ({what}: {e}); please report this with the spec file"
        );
        // `lit` output always lexes.
        format!("::core::compile_error!({});", lit(&message))
            .parse()
            .unwrap_or_default()
    })
}

/// `tokens` with every span set to `span`.
pub(crate) fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut t| {
            if let TokenTree::Group(g) = &t {
                let mut group = Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                t = TokenTree::Group(group);
            } else {
                t.set_span(span);
            }
            t
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlexable_code_becomes_a_compile_error_quoting_the_lexer() {
        let out = lex("demo", "fn f() { \"unterminated }").to_string();
        assert!(out.contains("compile_error"), "{out}");
        assert!(out.contains("demo:"), "{out}");
    }

    #[test]
    fn errors_are_spanned_compile_errors() {
        let e = MacroError::new(Span::call_site(), "bad \"spec\"");
        let out = e.to_compile_error().to_string();
        assert!(out.contains("compile_error"), "{out}");
        assert!(out.contains("bad \\\"spec\\\""), "{out}");
    }
}
