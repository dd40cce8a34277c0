//! `scanner-bench CRATE FILE [RUNS]`: walks FILE with one YAML crate RUNS
//! times and prints the median throughput; `scanner-bench --check FILE`
//! walks it once with every crate and prints what each saw (or its error
//! message), to compare spans, agreement and error wording;
//! `scanner-bench --suite DIR [-v]` scores every crate on the yaml-test-suite
//! data in DIR (`-v` lists the cases each gets wrong).

use scanner_bench::candidates;

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag, file] if flag == "--check" => read(file).map(|text| check(&text)),
        [flag, dir] if flag == "--suite" => suite(Path::new(dir), false),
        [flag, dir, verbose] if flag == "--suite" && verbose == "-v" => suite(Path::new(dir), true),
        [name, file] => read(file).and_then(|text| measure(name, &text, 1)),
        [name, file, runs] => match runs.parse::<usize>() {
            Ok(runs) if runs > 0 => read(file).and_then(|text| measure(name, &text, runs)),
            _ => Err(format!(
                "RUNS must be a positive whole number, not {runs:?}"
            )),
        },
        _ => Err(format!(
            "usage: scanner-bench CRATE FILE [RUNS] | --check FILE | --suite DIR [-v]\ncrates: {}",
            candidates::NAMES.join(", ")
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("scanner-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn read(file: &str) -> Result<String, String> {
    std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))
}

/// Times `runs` walks and prints one tab-separated line:
/// crate, bytes, median ms, MiB/s, events, scalars, misplaced plain scalars.
fn measure(name: &str, text: &str, runs: usize) -> Result<(), String> {
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut walk = None;
    for _ in 0..runs {
        let start = Instant::now();
        let seen = candidates::walk(name, text)?;
        times.push(start.elapsed());
        walk = Some(seen);
    }
    times.sort();
    let median = times[times.len() / 2];
    let walk = walk.unwrap_or_default();
    let mib = text.len() as f64 / (1024.0 * 1024.0);
    println!(
        "{name}\t{}\t{:.3}\t{:.1}\t{}\t{}\t{}",
        text.len(),
        median.as_secs_f64() * 1e3,
        mib / median.as_secs_f64(),
        walk.events,
        walk.scalars,
        walk.misplaced
    );
    Ok(())
}

/// Walks `text` once with every crate and prints what each saw.
fn check(text: &str) {
    for name in candidates::NAMES {
        match candidates::walk(name, text) {
            Ok(walk) => println!(
                "{name}: ok, {} events, {} scalars ({} bytes), {} plain scalars misplaced",
                walk.events, walk.scalars, walk.scalar_bytes, walk.misplaced
            ),
            Err(message) => println!("{name}: error: {message}"),
        }
    }
}

/// Scores every crate on the yaml-test-suite cases under `dir`.
fn suite(dir: &Path, verbose: bool) -> Result<(), String> {
    let cases = scanner_bench::suite::cases(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    if cases.is_empty() {
        return Err(format!(
            "{}: no yaml-test-suite case (a folder with in.yaml)",
            dir.display()
        ));
    }
    // Panics are counted; their default report would flood the output.
    std::panic::set_hook(Box::new(|_| {}));
    println!("crate\tcases\tright\trejected_valid\taccepted_invalid\tpanics");
    for name in candidates::NAMES {
        let score = scanner_bench::suite::score(name, &cases, |case, what| {
            if verbose {
                eprintln!("{name}: {}: {what}", case.display());
            }
        });
        println!(
            "{name}\t{}\t{}\t{}\t{}\t{}",
            score.cases, score.right, score.rejected_valid, score.accepted_invalid, score.panics
        );
    }
    Ok(())
}
