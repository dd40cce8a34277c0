//! `comanage who`: every match shown best first, parties asked about,
//! duty at a moment of the week, and linear time on large scopes.

use std::time::{Duration, Instant};

use crate::common::{comanage, fixture, stderr_of, stdout_of};

const NORTHWIND: &str = "examples/northwind-manufacturing.scope.yaml";

fn who(file: &str, args: &[&str]) -> std::process::Output {
    comanage()
        .args(["-f", file, "who"])
        .args(args)
        .output()
        .unwrap()
}

fn json_of(output: &std::process::Output) -> serde_json::Value {
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(output));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn ids(json: &serde_json::Value) -> Vec<String> {
    json["functions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn who_monitoring_shows_every_function_that_says_monitoring() {
    let json = json_of(&who(NORTHWIND, &["monitoring", "--format", "json"]));
    assert_eq!(
        ids(&json),
        [
            // In the `monitoring` service and named so.
            "after-hours-monitoring",
            "network-monitoring",
            // Named so, in other services: the SOC's, which a person with a
            // SIEM alert must find.
            "security-monitoring",
            "dark-web-monitoring",
            "backup-monitoring",
            // In the `monitoring` service only.
            "server-health",
            "certificate-expiry",
            "uptime-reporting",
        ]
    );
    assert_eq!(json["functions"][2]["owners"][0]["name"], "Sentinel SOC");
}

#[test]
fn a_cut_answer_says_how_many_more_match_and_how_to_see_them() {
    let output = who(NORTHWIND, &["monitoring"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout_of(&output);
    assert!(text.starts_with("`monitoring` matches 8 functions, best 5 shown\n"));
    assert!(text.ends_with(
        "\n3 more functions match: server-health, certificate-expiry, uptime-reporting\n\
         help: `comanage who monitoring --all` shows every match\n"
    ));
    insta::assert_snapshot!("who-monitoring", text);

    let all = stdout_of(&who(NORTHWIND, &["monitoring", "--all"]));
    assert!(all.starts_with("`monitoring` matches 8 functions\n"));
    assert!(all.contains("Monthly uptime reporting  (uptime-reporting)"));
    assert!(!all.contains("more function"));
    // A query that needs quoting is quoted in the help.
    let text = stdout_of(&who(NORTHWIND, &["support"]));
    assert!(
        text.contains("help: `comanage who support --all`") || !text.contains("more function"),
        "{text}"
    );
}

#[test]
fn who_party_lists_what_it_owns_backs_up_decides_and_where_it_sits() {
    // By a word of its name, by id, by full name: the same answer.
    let output = who(NORTHWIND, &["soc"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    insta::assert_snapshot!("who-party-soc", text);
    assert_eq!(stdout_of(&who(NORTHWIND, &["secvendor"])), text);
    assert_eq!(stdout_of(&who(NORTHWIND, &["Sentinel", "SOC"])), text);

    let json = json_of(&who(NORTHWIND, &["internal", "--format", "json"]));
    assert_eq!(json["party"]["name"], "Northwind IT");
    let owned: Vec<&str> = json["owns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(owned.contains(&"license-management") && owned.contains(&"erp"));
    assert!(!owned.contains(&"patch-management"));
    assert!(
        json["backs_up"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["id"] == "patch-management")
    );
    assert_eq!(json["decides"][0]["id"], "backup-storage");
    assert_eq!(json["authority"], serde_json::json!(["out-of-scope"]));
    let seats: Vec<(String, u64)> = json["ladders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().to_owned(),
                s["tier"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seats,
        [
            ("default".to_owned(), 2),
            ("security".to_owned(), 3),
            ("plant-floor".to_owned(), 2)
        ]
    );
    assert_eq!(json["cadence"].as_array().unwrap().len(), 3);
}

#[test]
fn a_party_query_that_also_names_functions_says_so() {
    let text = stdout_of(&who(NORTHWIND, &["plant"]));
    assert!(text.starts_with("Plant operations  (plant)\n"), "{text}");
    assert!(text.ends_with(
        "\n`plant` also matches 3 functions: `comanage who plant --functions` shows them\n"
    ));
    let json = json_of(&who(
        NORTHWIND,
        &["plant", "--functions", "--format", "json"],
    ));
    assert_eq!(
        ids(&json),
        ["shop-floor-terminals", "plc-network", "badge-system"]
    );
}

#[test]
fn who_at_marks_the_tier_on_duty() {
    let output = who(NORTHWIND, &["incident response", "--at", "sat 02:00"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    insta::assert_snapshot!("who-at-saturday-night", stdout_of(&output));

    let json = json_of(&who(
        NORTHWIND,
        &["patching", "--at", "sat 02:00", "--format", "json"],
    ));
    assert_eq!(json["at"]["moment"], "Sat 02:00");
    let tiers = &json["functions"][0]["escalation"]["tiers"];
    let duty: Vec<bool> = (0..3)
        .map(|i| tiers[i]["on_duty"].as_bool().unwrap())
        .collect();
    // msp is 24x7; internal (extended) and leadership (business) sleep.
    assert_eq!(duty, [true, false, false]);
    assert_eq!(json["functions"][0]["backup"]["on_duty"], false);
    let json = json_of(&who(
        NORTHWIND,
        &["patching", "--at", "tue 10:00", "--format", "json"],
    ));
    let tiers = &json["functions"][0]["escalation"]["tiers"];
    assert!((0..3).all(|i| tiers[i]["on_duty"] == true));
    // Without a moment, no duty fields at all.
    let json = json_of(&who(NORTHWIND, &["patching", "--format", "json"]));
    assert!(json.get("at").is_none());
    assert!(
        json["functions"][0]["escalation"]["tiers"][0]
            .get("on_duty")
            .is_none()
    );
}

#[test]
fn hours_definitions_in_the_scope_replace_the_defaults() {
    let file = fixture("everyday/night-shift.scope.yaml");
    let output = who(&file, &["terminals", "--at", "sat 02:00"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    insta::assert_snapshot!("who-at-night-shift", stdout_of(&output));
    // A weekday morning: the day shift (business, 07:00–15:00) is on duty.
    let json = json_of(&who(
        &file,
        &["terminals", "--at", "tue 10:00", "--format", "json"],
    ));
    assert_eq!(json["functions"][0]["owners"][0]["on_duty"], false);
    assert_eq!(json["functions"][0]["backup"]["on_duty"], true);
}

#[test]
fn now_and_bad_moments() {
    let output = who(NORTHWIND, &["patching", "--now"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout_of(&output).starts_with("on duty at "));
    let output = who(NORTHWIND, &["patching", "--at", "someday 02:00"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("`someday` is not a day of the week"),
        "{}",
        stderr_of(&output)
    );
    let output = who(NORTHWIND, &["patching", "--at", "sat 25:00"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("`25:00` is not a time of day"));
    let output = who(NORTHWIND, &["patching", "--at", "sat 02:00", "--now"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn hours_definitions_are_checked_by_the_schema() {
    let scope = "version: 1\nengagement: { client: C }\nhours-definitions:\n  business: { days: [mon, funday], from: \"8:00\", to: \"18:00\" }\nparties: {}\nservices: {}\n";
    let output = comanage()
        .args(["validate", "-"])
        .write_stdin(scope)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = stderr_of(&output) + &stdout_of(&output);
    assert!(
        text.contains("<stdin>:4:") || text.contains(":4:"),
        "{text}"
    );
    assert!(text.contains("funday"), "{text}");
    assert!(text.contains("8:00"), "{text}");
}

/// A scope of `n` functions in `n / 1000` services, every one named
/// "monitoring", with a decision per service.
fn large_scope(n: usize) -> String {
    let mut out = String::from(
        "version: 1\nengagement: { client: Big }\nparties:\n  msp: { name: MSP, role: provider }\n  internal: { name: Internal IT, role: internal }\nservices:\n",
    );
    for s in 0..n / 1000 {
        out.push_str(&format!("  svc-{s}:\n    owner: msp\n    functions:\n"));
        for f in 0..1000 {
            out.push_str(&format!(
                "      fn-{s}-{f}: {{ name: Monitoring task {f}, backup: internal }}\n"
            ));
        }
    }
    out.push_str("decisions:\n");
    for s in 0..n / 1000 {
        out.push_str(&format!("  d-{s}: {{ decides: msp, service: svc-{s} }}\n"));
    }
    out.push_str("escalation:\n  default:\n    - { tier: 1, party: msp }\n");
    out
}

#[test]
fn who_on_a_large_scope_is_not_quadratic() {
    // A hang guard, not a timing: when matching was quadratic, 40,000
    // matching functions took 9.3 s in a release build and minutes in a
    // debug one. BENCHMARKS.md has the measured figures.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scope.yaml");
    std::fs::write(&path, large_scope(20_000)).unwrap();
    let path = path.to_string_lossy().into_owned();
    for format in ["human", "json"] {
        let started = Instant::now();
        let output = who(
            &path,
            &["monitoring", "--format", format, "--at", "sat 02:00"],
        );
        let elapsed = started.elapsed();
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
        assert!(
            elapsed < Duration::from_secs(120),
            "who took {elapsed:?} (sanity bound 120 s)"
        );
    }
}
