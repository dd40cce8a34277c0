//! A real editor: headless Neovim starts `comanage lsp` for a scope file and
//! prints the diagnostics it got and a hover. Runs when `nvim` is on PATH (Debian:
//! `apt-get install neovim`), and is skipped, saying so, otherwise.

use std::process::Command;
use std::time::Duration;

use wait_timeout::ChildExt;

use crate::common::root;

/// `nvim --version`'s first line, when Neovim is installed.
fn neovim() -> Option<String> {
    let output = Command::new("nvim").arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    Some(text.lines().next().unwrap_or_default().to_owned())
}

/// Opens `file` in headless Neovim with the test script; what it printed.
pub fn run_neovim(file: &str, extra: Option<&str>) -> Option<String> {
    let Some(version) = neovim() else {
        println!("skipped: `nvim` is not on PATH (Debian: apt-get install neovim)");
        return None;
    };
    println!("running {version}");
    let script = root().join("tests/lsp/neovim/diagnostics.lua");
    let mut command = Command::new("nvim");
    command
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", file, "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("COMANAGE_BIN", assert_cmd::cargo::cargo_bin("comanage"))
        .env("COMANAGE_TODAY", super::client::TODAY)
        .current_dir(root())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    if let Some(extra) = extra {
        command.env("COMANAGE_NVIM_EXTRA", root().join(extra));
    }
    let mut child = command.spawn().expect("nvim starts");
    let status = child
        .wait_timeout(Duration::from_secs(90))
        .expect("wait for nvim");
    if status.is_none() {
        let _ = child.kill();
        panic!("nvim did not finish within 90 s");
    }
    let output = child.wait_with_output().expect("nvim output");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    println!("{stdout}\n{stderr}");
    Some(stdout + &stderr)
}

#[test]
fn neovim_shows_the_servers_diagnostics() {
    let file = "tests/fixtures/lint/unknown-party/fires.scope.yaml";
    let Some(output) = run_neovim(file, Some("tests/lsp/neovim/hover.lua")) else {
        return;
    };
    assert!(
        output.contains("DIAGNOSTIC 26 unknown-party 1 function `patch-management`"),
        "{output}"
    );
    assert!(
        output.contains("DIAGNOSTIC 54 unknown-party 1 cadence meeting 1"),
        "{output}"
    );
}
