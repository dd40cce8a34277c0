//! `report -o` and `init` write only regular files, keep a replaced file's
//! mode and owner, leave no temporary file when interrupted; a scope that is
//! a FIFO or a device is refused, not read for ever.

use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::{Duration, Instant};

use super::{HANG_GUARD, fifo, good_scope, run_in};
use crate::common::{self, stderr_of, stdout_of};

/// A directory holding `scope.yaml` (valid).
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("scope.yaml"), good_scope()).expect("write");
    dir
}

fn report_to(dir: &Path, output: &str) -> std::process::Output {
    run_in(
        dir,
        &["report", "scope.yaml", "--format", "csv", "-o", output],
    )
}

#[test]
fn report_and_init_refuse_what_is_not_a_regular_file() {
    let dir = workspace();
    fifo(&dir.path().join("pipe.csv"));
    std::fs::create_dir(dir.path().join("folder.csv")).expect("mkdir");
    std::os::unix::fs::symlink("/proc/self/fd/1", dir.path().join("stdout.csv")).expect("link");
    for (output, says) in [
        ("pipe.csv", "is a FIFO (named pipe), not a regular file"),
        ("/dev/full", "is a device, not a regular file"),
        ("stdout.csv", "is a symbolic link"),
        ("folder.csv", "it is a directory"),
    ] {
        let out = report_to(dir.path(), output);
        let text = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{output}: {text}");
        assert!(text.contains(says), "{output}: {text}");
    }
    assert!(
        std::fs::metadata(dir.path().join("pipe.csv"))
            .expect("still there")
            .file_type()
            .is_fifo()
    );
    let link = std::fs::symlink_metadata(dir.path().join("stdout.csv")).expect("still there");
    assert!(link.file_type().is_symlink());

    let out = run_in(dir.path(), &["init", "--force", "-f", "pipe.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("FIFO"), "{}", stderr_of(&out));
}

#[test]
fn a_replaced_report_keeps_its_mode_and_owner() {
    let dir = workspace();
    let target = dir.path().join("raci.csv");
    std::fs::write(&target, "old\n").expect("write");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let root = unsafe { libc::geteuid() } == 0;
    if root {
        std::os::unix::fs::chown(&target, Some(65534), Some(65534)).expect("chown");
    }
    let out = report_to(dir.path(), "raci.csv");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let metadata = std::fs::metadata(&target).expect("written");
    assert_ne!(std::fs::read_to_string(&target).expect("read"), "old\n");
    assert_eq!(metadata.permissions().mode() & 0o7777, 0o600);
    if root {
        assert_eq!((metadata.uid(), metadata.gid()), (65534, 65534));
    }
}

#[test]
fn dash_o_dash_is_standard_output() {
    let dir = workspace();
    let out = report_to(dir.path(), "-");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stdout_of(&out).contains("function"), "{}", stdout_of(&out));
    assert!(!dir.path().join("-").exists(), "a file named - was written");
}

#[test]
fn a_fifo_or_device_given_as_the_scope_is_refused() {
    let dir = workspace();
    fifo(&dir.path().join("scope.fifo"));
    for file in ["scope.fifo", "/dev/zero"] {
        for args in [
            &["validate", file][..],
            &["lint", file],
            &["show", file],
            &["report", file],
            &["who", "-f", file, "patching"],
            &["diff", file, "scope.yaml"],
        ] {
            let out = run_in(dir.path(), args);
            let text = stderr_of(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {text}");
            assert!(text.contains("not a regular file"), "{args:?}: {text}");
        }
    }
}

/// The temporary files comanage left in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".comanage-"))
        .collect()
}

#[test]
fn an_interrupted_report_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let scope = dir.path().join("big.scope.yaml");
    let generated = std::process::Command::new("python3")
        .arg(common::root().join("scripts/gen-scope.py"))
        .arg("6000")
        .output()
        .expect("python3 runs");
    assert!(generated.status.success());
    std::fs::write(&scope, &generated.stdout).expect("write");
    let binary = assert_cmd::cargo::cargo_bin("comanage");
    let mut caught = 0;
    for _ in 0..5 {
        let mut child = std::process::Command::new(&binary)
            .current_dir(dir.path())
            .env("COMANAGE_TODAY", "2026-11-22")
            .args([
                "report",
                "big.scope.yaml",
                "--format",
                "json",
                "-o",
                "out.json",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("starts");
        let start = Instant::now();
        // Interrupt as soon as the temporary file exists, while it is written.
        loop {
            if !temporaries(dir.path()).is_empty() {
                unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
                caught += 1;
                break;
            }
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            if start.elapsed() > HANG_GUARD {
                let _ = child.kill();
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        child.wait().expect("ends");
        assert_eq!(temporaries(dir.path()), Vec::<String>::new());
        let _ = std::fs::remove_file(dir.path().join("out.json"));
        if caught >= 2 {
            break;
        }
    }
    assert!(caught > 0, "never caught the write in progress");
}
