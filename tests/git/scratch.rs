//! Scratch repositories for the tests, and the shared ten-commit history.

use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

use crate::common::{self, stderr_of, stdout_of};

/// A scratch repository with a fixed identity and no outside configuration.
pub struct Scratch {
    dir: TempDir,
}

pub fn isolate(cmd: &mut Command) -> &mut Command {
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Dana Ruiz")
        .env("GIT_AUTHOR_EMAIL", "dana@harbordental.example")
        .env("GIT_COMMITTER_NAME", "Dana Ruiz")
        .env("GIT_COMMITTER_EMAIL", "dana@harbordental.example")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
}

impl Scratch {
    pub fn new() -> Self {
        let scratch = Scratch {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        scratch.git(&["init", "-q", "-b", "main"]);
        scratch
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs git in the repository; panics when it fails.
    pub fn git(&self, args: &[&str]) -> String {
        let output = isolate(Command::new("git").args(args).current_dir(self.path()))
            .output()
            .expect("git runs");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            stderr_of(&output)
        );
        stdout_of(&output)
    }

    pub fn write(&self, path: &str, text: &str) {
        let path = self.path().join(path);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.path().join(path)).expect("read")
    }

    /// Replaces `from` by `to` in `path` (which must contain it).
    pub fn edit(&self, path: &str, from: &str, to: &str) {
        let text = self.read(path);
        assert!(text.contains(from), "{path} lacks {from:?}");
        self.write(path, &text.replacen(from, to, 1));
    }

    /// Commits everything, on `day` (YYYY-MM-DD) at noon UTC.
    pub fn commit(&self, day: &str, message: &str) {
        self.git(&["add", "-A"]);
        self.git_on(day, &["commit", "-q", "-m", message]);
    }

    /// Runs git in the repository on `day` (YYYY-MM-DD) at noon UTC, the
    /// author and committer date of any commit it makes (a merge, a
    /// revert); panics when it fails.
    pub fn git_on(&self, day: &str, args: &[&str]) {
        let date = format!("{day}T12:00:00Z");
        let output = isolate(Command::new("git").args(args))
            .current_dir(self.path())
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_DATE", &date)
            .output()
            .expect("git runs");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            stderr_of(&output)
        );
    }

    /// `comanage` run in the repository.
    pub fn comanage(&self) -> assert_cmd::Command {
        let mut cmd = common::comanage();
        cmd.current_dir(self.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1");
        cmd
    }
}

pub const FILE: &str = "clients/harbor/scope.yaml";

/// Ten commits of the dental practice's scope: an ownership move, a commit
/// touching only other files, a reformat, a function rename, a loosened
/// tier, a broken edit, a service removal, a `git mv` into a folder, and a
/// renewal.
pub fn history() -> Scratch {
    let repo = Scratch::new();
    repo.write("README.md", "Our IT scope.\n");
    repo.commit("2026-01-02", "Start the repository");
    let example = std::fs::read_to_string(common::root().join("examples/harbor-dental.scope.yaml"))
        .expect("example");
    repo.write("scope.yaml", &example);
    repo.commit("2026-01-05", "Start the scope with Lakeside");
    repo.edit(
        "scope.yaml",
        "name: Patch management (OS and third-party)\n        backup: internal",
        "name: Patch management (OS and third-party)\n        owner: internal\n        backup: msp",
    );
    repo.commit("2026-02-02", "Internal IT takes over patching");
    repo.write("README.md", "Our IT scope, see scope.yaml.\n");
    repo.commit("2026-02-16", "Update the README");
    repo.edit("scope.yaml", "recovery: 4h", "recovery: 240m");
    repo.commit("2026-03-02", "Write recovery in minutes");
    repo.edit("scope.yaml", "      patch-management:", "      patching:");
    repo.commit("2026-04-06", "Rename patch-management to patching");
    repo.edit(
        "scope.yaml",
        "respond: 15m, resolve: 8h",
        "respond: 30m, resolve: 8h",
    );
    repo.commit("2026-05-04", "Give the MSP 30 minutes to respond");
    let good = repo.read("scope.yaml");
    repo.write("scope.yaml", &format!("{good}\n  unfinished: [\n"));
    repo.commit("2026-06-01", "Half-finished edit");
    let start = good.find("  people:\n").expect("people service");
    let end = good.find("\ndecisions:").expect("decisions");
    repo.write(
        "scope.yaml",
        &format!("{}{}", &good[..start], &good[end + 1..]),
    );
    repo.commit("2026-06-15", "Drop the joiners-and-leavers service");
    std::fs::create_dir_all(repo.path().join("clients/harbor")).expect("mkdir");
    repo.git(&["mv", "scope.yaml", FILE]);
    repo.commit("2026-07-06", "Move the scope under clients/harbor");
    repo.edit(FILE, "renewal: 2027-06-30", "renewal: 2028-06-30");
    repo.commit("2026-08-03", "Renew until mid-2028");
    repo
}

pub fn log(repo: &Scratch, args: &[&str]) -> std::process::Output {
    repo.comanage()
        .args(["log", "-f", FILE])
        .args(args)
        .output()
        .expect("runs")
}
