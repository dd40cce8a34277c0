//! `cargo bench --bench scope`: each stage of checking a scope, on generated
//! scopes of 100, 1,000 and 10,000 functions.
//!
//! - `parse`: YAML text to the spanned tree (`yaml::parse`: the fast reader
//!   for the plain shape these files have);
//! - `parse-full`: the same with the full YAML parser alone
//!   (`yaml::parse_full`), what any other file costs;
//! - `schema`: the JSON Schema check of the parsed tree (`schema::check`);
//! - `typed`: the typed model read from the tree (`yaml::de::from_node`);
//! - `load`: what `comanage validate` does per file: parse, duplicate keys,
//!   the JSON Schema check and the typed model (`scope::load_bytes`);
//! - `lint`: every rule on a loaded scope (`lint::check`);
//! - `diff`: two loaded scopes with about 1% of functions edited
//!   (`diff::diff`).
//!
//! The scopes come from `scripts/gen-scope.py`, the same generator the
//! whole-process benchmarks in `scripts/bench.sh` use, so the figures in
//! BENCHMARKS.md describe the same files.

use std::hint::black_box;
use std::process::Command;
use std::time::Duration;

use comanage::lint::{self, LintOptions};
use comanage::scope::{self, Date};
use comanage::source::SourceMap;
use comanage::{diff, report, schema, yaml};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// Scope sizes, in functions.
const SIZES: [usize; 3] = [100, 1_000, 10_000];

/// The text of a generated scope of `functions` functions.
fn generate(functions: usize, change: bool) -> String {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/gen-scope.py");
    let mut cmd = Command::new("python3");
    cmd.arg(script).arg(functions.to_string());
    if change {
        cmd.arg("--change");
    }
    let output = cmd
        .output()
        .expect("python3 runs scripts/gen-scope.py (install Python 3 to run the benchmarks)");
    assert!(
        output.status.success(),
        "gen-scope.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the generator writes UTF-8")
}

fn load(text: &str) -> scope::Document {
    scope::load_bytes("bench.scope.yaml", text.as_bytes().to_vec())
        .unwrap_or_else(|_| panic!("the generated scope is valid"))
}

/// Fewer samples for the large sizes keep a full run to a few minutes on a
/// small machine; criterion still reports a confidence interval.
fn tune(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
}

fn stages(c: &mut Criterion) {
    let today: Date = "2026-11-22".parse().expect("a valid date");
    let options = LintOptions { today };
    let scopes: Vec<(usize, String, String)> = SIZES
        .iter()
        .map(|&n| (n, generate(n, false), generate(n, true)))
        .collect();

    let texts: Vec<(usize, &str)> = scopes
        .iter()
        .map(|(n, text, _)| (*n, text.as_str()))
        .collect();
    per_text(c, "parse", &texts, |text| {
        yaml::parse(text).expect("the generated scope parses")
    });
    per_text(c, "parse-full", &texts, |text| {
        yaml::parse_full(text).expect("the generated scope parses")
    });

    let mut group = c.benchmark_group("schema");
    tune(&mut group);
    for (n, text) in &texts {
        let map = SourceMap::build(yaml::parse(text).expect("the generated scope parses"));
        assert!(schema::check(map.root(), &map).is_empty());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &map, |b, map| {
            b.iter(|| schema::check(black_box(map.root()), map));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("typed");
    tune(&mut group);
    for (n, text) in &texts {
        let root = yaml::parse(text).expect("the generated scope parses");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &root, |b, root| {
            b.iter(|| {
                yaml::de::from_node::<scope::Scope>(black_box(root)).expect("the scope is typed")
            });
        });
    }
    group.finish();

    let mut group = c.benchmark_group("load");
    tune(&mut group);
    for (n, text, _) in &scopes {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), text, |b, text| {
            b.iter(|| load(black_box(text)));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("lint");
    tune(&mut group);
    for (n, text, _) in &scopes {
        let document = load(text);
        let findings = lint::check(&document, &options);
        assert!(
            findings.is_empty(),
            "the generated scope lints clean: {findings:?}"
        );
        group.throughput(Throughput::Elements(*n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &document, |b, document| {
            b.iter(|| lint::check(black_box(document), &options));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("diff");
    tune(&mut group);
    for (n, old, new) in &scopes {
        let (old, new) = (load(old), load(new));
        assert!(!diff::diff(&old.scope, &new.scope).is_empty());
        group.throughput(Throughput::Elements(*n as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(n),
            &(old, new),
            |b, (old, new)| {
                b.iter(|| diff::diff(black_box(&old.scope), black_box(&new.scope)));
            },
        );
    }
    group.finish();

    // The report: build the model and render the page the QBR uses.
    let mut group = c.benchmark_group("report-html");
    tune(&mut group);
    for (n, text, _) in &scopes {
        let document = load(text);
        group.throughput(Throughput::Elements(*n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &document, |b, document| {
            b.iter(|| {
                let report = report::build(black_box(document), options.today, &[]);
                report::html::render(&report)
            });
        });
    }
    group.finish();
}

/// One benchmark group that runs `stage` on each text, with its throughput
/// in bytes.
fn per_text<T>(c: &mut Criterion, name: &str, texts: &[(usize, &str)], stage: impl Fn(&str) -> T) {
    let mut group = c.benchmark_group(name);
    tune(&mut group);
    for (n, text) in texts {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), *text, |b, text| {
            b.iter(|| stage(black_box(text)));
        });
    }
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
