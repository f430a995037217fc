//! The manual page (roff, man(7) macros), written from the grammar table and
//! the help texts, so it says what `--help` says.

use std::fmt::Write as _;

use super::help::{ABOUT, EXIT_CODES};
use super::table::{GLOBALS, Opt, SUBS, TOP_USAGE};

/// `coursera-exit man | man -l -` shows it; it goes to `man1/coursera-exit.1`.
pub fn man_page() -> String {
    let mut s = String::new();
    let version = env!("CARGO_PKG_VERSION");
    let _ = writeln!(
        s,
        ".TH COURSERA-EXIT 1 \"\" \"coursera-exit {version}\" \"User Commands\""
    );
    // Flags and dates are not to be hyphenated across lines, nor the text stretched.
    let _ = writeln!(s, ".nh\n.ad l");
    let _ = writeln!(s, ".SH NAME");
    let _ = writeln!(
        s,
        "coursera-exit \\- leave Coursera cleanly: pause, cancel or delete, what to save, and the exact dates"
    );
    let _ = writeln!(s, ".SH SYNOPSIS");
    let _ = writeln!(s, ".B coursera-exit\n{}", roff(TOP_USAGE));
    let _ = writeln!(s, ".SH DESCRIPTION");
    paragraphs(&mut s, ABOUT);
    let _ = writeln!(s, ".SH COMMANDS");
    for sub in SUBS {
        let _ = writeln!(s, ".TP\n.B coursera-exit {}", roff(sub.usage));
        let _ = writeln!(s, "{}", roff(sub.about));
        for (name, help) in sub.positional.iter().chain(&sub.second) {
            let _ = writeln!(s, ".RS\n.TP\n.I {}\n{}\n.RE", roff(name), roff(help));
        }
        if !sub.opts.is_empty() {
            let _ = writeln!(s, ".RS");
            for opt in sub.opts {
                option(&mut s, opt);
            }
            let _ = writeln!(s, ".RE");
        }
    }
    let _ = writeln!(s, ".TP\n.B coursera-exit help \\fR[\\fICOMMAND\\fR]");
    let _ = writeln!(s, "Print the help, or the help of COMMAND.");
    let _ = writeln!(s, ".SH OPTIONS");
    let _ = writeln!(s, "These work before or after the command.");
    for opt in &GLOBALS {
        option(&mut s, opt);
    }
    let _ = writeln!(s, ".TP\n.BR \\-h \", \" \\-\\-help\nPrint help.");
    let _ = writeln!(s, ".TP\n.BR \\-V \", \" \\-\\-version\nPrint the version.");
    let _ = writeln!(s, ".SH EXIT STATUS");
    paragraphs(
        &mut s,
        EXIT_CODES.strip_prefix("Exit codes: ").unwrap_or(EXIT_CODES),
    );
    let _ = writeln!(s, ".SH ENVIRONMENT");
    let _ = writeln!(
        s,
        ".TP\n.B COURSERA_EXIT_STATE\nThe state file, when \\fB\\-\\-state\\fR is not given."
    );
    let _ = writeln!(
        s,
        ".TP\n.B NO_COLOR\nSet to a non-empty value, the wizard draws without colour (symbols still mark every state)."
    );
    let _ = writeln!(s, ".SH FILES");
    let _ = writeln!(
        s,
        ".TP\n.I state.toml\nYour answers and progress, in the data folder (on Linux \
         \\fI~/.local/share/coursera-exit/\\fR); \\fBcoursera-exit path\\fR prints the one in use. \
         A person may read and edit it while no coursera-exit is changing it."
    );
    let _ = writeln!(
        s,
        ".TP\n.I state.toml.bak\nThe file as it was before the first save of the last run that changed it."
    );
    let _ = writeln!(
        s,
        ".TP\n.I state.toml.edited\nA hand edit made while the wizard was running, kept aside before its next save."
    );
    let _ = writeln!(
        s,
        ".TP\n.I state.toml.lock\nHeld by the one coursera-exit that is changing the state."
    );
    s
}

fn option(s: &mut String, opt: &Opt) {
    let name = roff(&format!("--{}", opt.name));
    if opt.value.is_empty() {
        let _ = writeln!(s, ".TP\n.B {name}");
    } else {
        let _ = writeln!(s, ".TP\n.BI \"{name} \" \"{}\"", roff(opt.value));
    }
    let _ = writeln!(s, "{}", roff(opt.help));
}

/// Text folded by hand becomes one line per paragraph; paragraphs are blank-line separated.
fn paragraphs(s: &mut String, text: &str) {
    for (i, paragraph) in text.split("\n\n").enumerate() {
        if i > 0 {
            let _ = writeln!(s, ".PP");
        }
        let joined: Vec<&str> = paragraph.lines().map(str::trim).collect();
        let _ = writeln!(s, "{}", roff(&joined.join(" ")));
    }
}

/// Text as roff reads it literally: backslashes and hyphens escaped, and a
/// line never starting with a control character.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}
