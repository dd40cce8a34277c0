//! The rulings of DESIGN.md 1.3 (revision 2), each on a fixture where the
//! ruling's rule fires and one where it does not. Every case names the exact
//! findings it expects (rule and pointer, waived findings left out), so a
//! finding too many or too few fails, and the human output is snapshotted.

use serde_json::Value;

use crate::common::{comanage, fixture, stderr_of, stdout_of};

/// A fixture under `tests/fixtures/lint/` and the unwaived findings
/// `comanage lint` must report on it, in file order.
struct Case {
    fixture: &'static str,
    expected: &'static [(&'static str, &'static str)],
}

const CASES: &[Case] = &[
    Case {
        fixture: "unknown-party/distinct-ids.fires",
        expected: &[
            ("unknown-party", "/cadence/0/parties/2"),
            (
                "unknown-party",
                "/services/security/functions/patch-management/owner/0",
            ),
            (
                "unknown-party",
                "/services/security/functions/patch-management/responsible/0",
            ),
            (
                "unknown-party",
                "/services/security/functions/patch-management/responsible/1",
            ),
        ],
    },
    Case {
        fixture: "unknown-party/distinct-ids.passes",
        expected: &[],
    },
    Case {
        fixture: "unknown-party/service-owner.fires",
        expected: &[("unknown-party", "/services/security/owner")],
    },
    Case {
        fixture: "unknown-party/service-owner.passes",
        expected: &[],
    },
    Case {
        fixture: "unused-party/service-owner.fires",
        expected: &[("unused-party", "/parties/soc")],
    },
    Case {
        fixture: "unused-party/service-owner.passes",
        expected: &[],
    },
    Case {
        fixture: "coverage-gap/unknown-tier-party.fires",
        expected: &[
            ("unknown-party", "/escalation/default/0/party"),
            (
                "unknown-party",
                "/services/security/functions/patch-management/owner",
            ),
            (
                "coverage-gap",
                "/services/security/functions/patch-management/hours",
            ),
        ],
    },
    Case {
        fixture: "coverage-gap/unknown-tier-party.passes",
        expected: &[
            ("unknown-party", "/escalation/default/0/party"),
            (
                "unknown-party",
                "/services/security/functions/patch-management/owner",
            ),
        ],
    },
    Case {
        fixture: "coverage-gap/several-owners.fires",
        expected: &[
            (
                "double-owned-function",
                "/services/monitoring/functions/after-hours-monitoring/owner",
            ),
            (
                "coverage-gap",
                "/services/monitoring/functions/after-hours-monitoring/hours",
            ),
        ],
    },
    Case {
        fixture: "coverage-gap/several-owners.passes",
        expected: &[],
    },
    Case {
        fixture: "double-owned-function/three-services.fires",
        expected: &[(
            "double-owned-function",
            "/services/infrastructure/functions/patch-management",
        )],
    },
    Case {
        fixture: "double-owned-function/three-services.passes",
        expected: &[],
    },
    Case {
        fixture: "double-owned-function/service-owner.fires",
        expected: &[("double-owned-function", "/services/security/owner")],
    },
    Case {
        fixture: "double-owned-function/service-owner.passes",
        expected: &[],
    },
    Case {
        fixture: "backup-is-owner/several-owners.fires",
        expected: &[
            (
                "double-owned-function",
                "/services/security/functions/patch-management/owner",
            ),
            (
                "backup-is-owner",
                "/services/security/functions/patch-management/backup",
            ),
        ],
    },
    Case {
        fixture: "backup-is-owner/several-owners.passes",
        expected: &[(
            "double-owned-function",
            "/services/security/functions/patch-management/owner",
        )],
    },
    Case {
        fixture: "expired-waiver/engine-rules.fires",
        expected: &[
            (
                "expired-waiver",
                "/services/security/functions/patch-management/waive/unknown-rule/until",
            ),
            (
                "expired-waiver",
                "/services/security/functions/patch-management/waive/expired-waiver/until",
            ),
            (
                "expired-waiver",
                "/services/security/functions/patch-management/waive/unused-waiver/until",
            ),
        ],
    },
    Case {
        fixture: "expired-waiver/engine-rules.passes",
        expected: &[],
    },
    Case {
        fixture: "expired-waiver/until-day.fires",
        expected: &[
            (
                "missing-backup",
                "/services/security/functions/patch-management",
            ),
            (
                "expired-waiver",
                "/services/security/functions/patch-management/waive/missing-backup/until",
            ),
        ],
    },
    Case {
        fixture: "expired-waiver/until-day.passes",
        expected: &[],
    },
    Case {
        fixture: "expired-waiver/allowed-rule.passes",
        expected: &[],
    },
    Case {
        fixture: "unknown-rule/expired-waiver.fires",
        expected: &[(
            "unknown-rule",
            "/services/security/functions/patch-management/waive/missing-bakup",
        )],
    },
    Case {
        fixture: "unknown-rule/expired-waiver.passes",
        expected: &[],
    },
    Case {
        fixture: "owner-not-in-escalation/single-owner.fires",
        expected: &[(
            "owner-not-in-escalation",
            "/services/security/functions/security-monitoring",
        )],
    },
    Case {
        fixture: "owner-not-in-escalation/single-owner.passes",
        expected: &[
            (
                "double-owned-function",
                "/services/security/functions/security-monitoring/owner",
            ),
            (
                "unknown-party",
                "/services/security/functions/security-monitoring/owner/1",
            ),
            (
                "unknown-party",
                "/services/security/functions/edr-response/owner",
            ),
        ],
    },
];

#[test]
fn each_ruling_gives_exactly_the_findings_it_decides() {
    for case in CASES {
        let path = fixture(&format!("lint/{}.scope.yaml", case.fixture));
        let json = comanage()
            .args(["lint", "--format", "json", &path])
            .output()
            .unwrap();
        let records: Vec<Value> =
            serde_json::from_slice(&json.stdout).expect("lint --format json prints JSON");
        let found: Vec<(&str, &str)> = records
            .iter()
            .filter(|r| r["suppressed"].is_null())
            .map(|r| (r["rule"].as_str().unwrap(), r["pointer"].as_str().unwrap()))
            .collect();
        assert_eq!(found, case.expected, "{path}");

        let human = comanage().args(["lint", &path]).output().unwrap();
        let name = format!("ruling-{}", case.fixture.replace('/', "-"));
        insta::assert_snapshot!(name, format!("{}{}", stdout_of(&human), stderr_of(&human)));
    }
}

#[test]
fn explain_states_the_rulings_of_the_waiver_and_backup_rules() {
    let explain = |rule: &str| {
        let output = comanage().args(["explain", rule]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{rule}");
        stdout_of(&output)
    };
    // The text is wrapped to the terminal width: compare it as one line.
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let unused = explain("unused-waiver");
    assert!(
        flat(&unused).contains(
            "Never reported for a waiver of `unknown-rule`, `expired-waiver` or `unused-waiver`"
        ),
        "{unused}"
    );
    insta::assert_snapshot!("explain-unused-waiver", unused);
    let backup = explain("backup-is-owner");
    assert!(
        flat(&backup).contains("A function with several owners gets it too"),
        "{backup}"
    );
    insta::assert_snapshot!("explain-backup-is-owner", backup);
}
