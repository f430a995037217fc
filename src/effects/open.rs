//! Opening a web address in the person's browser, for `o`: `open` on macOS,
//! `xdg-open` elsewhere. Detached and silent, so nothing it prints lands on
//! the wizard's screen.

use std::process::{Command, Stdio};

/// Starts the browser on `url`; the reason in words when it cannot be started.
pub fn in_browser(url: &str) -> Result<(), String> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let child = Command::new(opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("no {opener} on this system"),
            _ => format!("{opener}: {e}"),
        })?;
    // Reaped in the background: the wizard never waits for a browser.
    std::thread::spawn(move || {
        let mut child = child;
        let _ = child.wait();
    });
    Ok(())
}
