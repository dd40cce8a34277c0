//! Finding the functions (or the party) a `who` query means.
//!
//! People type what they remember at 2 AM: `patching`, `backups`, `M365`,
//! `firewall`, `SOC`. The query is compared with every function's and
//! service's id and name, in tiers from strict to loose:
//!
//! 1. exact: the query is an id or a name (ignoring case);
//! 2. substring: the query's words appear, in order, inside the text
//!    (spaces aside: `cyber security` is in `Cybersecurity`);
//! 3. word stems: each query word shares a stem with a word of the text
//!    (`patching` ~ `patch`, `offboarded` ~ `offboarding`);
//! 4. fuzzy: each query word is close to a word of the text (Jaro-Winkler),
//!    for typos such as `pathcing`.
//!
//! Tiers 1 and 2 are what the text literally says, so every function they
//! find is shown: `monitoring` finds the `monitoring` service's functions
//! *and* `security-monitoring`, which a person with a SIEM alert must not be
//! denied. Stems, then typos, are tried only when nothing literal matched,
//! so they do not bury a literal answer under look-alikes.
//!
//! A service that matches stands for all of its functions. Functions are
//! ranked best first: a function that matches by its own id or name before
//! one that matches through its service, then by tier, then in file order.
//!
//! Everything here is linear in the size of the scope: each target is
//! normalised and tested once, and hits are looked up in hash sets.

use std::collections::HashMap;

use crate::scope::Scope;

/// A function, by service id and function id.
pub type FunctionRef<'a> = (&'a str, &'a str);

/// What a query found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found<'a> {
    /// The matching functions, best first, each once.
    Functions(Vec<FunctionRef<'a>>),
    /// Nothing matched: the closest names, best first (may be empty).
    Nothing(Vec<String>),
}

/// Jaro-Winkler similarity from which two words count as the same word typed
/// with a slip.
const FUZZY_WORD: f64 = 0.9;

/// Jaro-Winkler similarity from which a word of a name counts towards
/// suggesting it.
const SUGGEST_WORD: f64 = 0.8;

/// Similarity (see [`similarity`]) from which a name is worth suggesting
/// after no match: about one query word in three found.
const SUGGEST: f64 = 0.3;

/// How many names to suggest at most.
const MAX_SUGGESTIONS: usize = 3;

/// One thing a query can name: a service (all its functions) or a function.
struct Target<'a> {
    service: &'a str,
    function: Option<&'a str>,
    /// The id and the display name, normalised (see [`normalize`]).
    texts: [String; 2],
    /// How to show it as a suggestion.
    label: String,
}

/// Finds the functions `query` names in `scope`, best first.
pub fn find<'a>(scope: &'a Scope, query: &str) -> Found<'a> {
    let targets = targets(scope);
    let wanted = normalize(query);
    if wanted.is_empty() {
        return Found::Nothing(Vec::new());
    }
    let words: Vec<&str> = wanted.split(' ').collect();
    // `cyber security` finds `Cybersecurity`, `back up` finds `backup`.
    let squashed = wanted.replace(' ', "");
    let tiers: [&dyn Fn(&str) -> bool; 4] = [
        &|text| text == wanted,
        &|text| contains(text, &wanted, &squashed),
        &|text| all_words_match(&words, text, same_stem),
        &|text| all_words_match(&words, text, close_words),
    ];
    // Literal tiers together, then each looser tier alone.
    for group in [&tiers[..2], &tiers[2..3], &tiers[3..]] {
        let hits: Vec<(&Target<'_>, usize)> = targets
            .iter()
            .filter_map(|t| {
                group
                    .iter()
                    .position(|tier| t.texts.iter().any(|text| tier(text)))
                    .map(|rank| (t, rank))
            })
            .collect();
        if !hits.is_empty() {
            return Found::Functions(functions_of(scope, &hits));
        }
    }
    Found::Nothing(suggestions(&targets, &wanted))
}

/// The party whose id or name is `query` (ignoring case and punctuation),
/// if any: `who secvendor` and `who "Sentinel SOC"` ask about a party.
pub fn find_party<'a>(scope: &'a Scope, query: &str) -> Option<&'a str> {
    let wanted = normalize(query);
    if wanted.is_empty() {
        return None;
    }
    scope
        .parties
        .iter()
        .find(|(id, party)| normalize(id) == wanted || normalize(&party.name) == wanted)
        .map(|(id, _)| id.as_str())
}

/// The one party whose name holds the query's words, whole and in order
/// (`soc` in `Sentinel SOC`); `None` when no party or several do.
pub fn find_party_by_words<'a>(scope: &'a Scope, query: &str) -> Option<&'a str> {
    let wanted = normalize(query);
    if wanted.is_empty() {
        return None;
    }
    let padded = format!(" {wanted} ");
    let mut hits = scope
        .parties
        .iter()
        .filter(|(_, party)| format!(" {} ", normalize(&party.name)).contains(&padded));
    match (hits.next(), hits.next()) {
        (Some((id, _)), None) => Some(id.as_str()),
        _ => None,
    }
}

/// Every service and function, services first within their own order.
fn targets(scope: &Scope) -> Vec<Target<'_>> {
    let mut out = Vec::new();
    for (service_id, service) in &scope.services {
        let name = service.display_name(service_id);
        out.push(Target {
            service: service_id,
            function: None,
            texts: [normalize(service_id), normalize(name)],
            label: label(name, service_id, "service"),
        });
    }
    for (service_id, function_id, function) in scope.functions() {
        let name = function.display_name(function_id);
        out.push(Target {
            service: service_id,
            function: Some(function_id),
            texts: [normalize(function_id), normalize(name)],
            label: label(name, function_id, "function"),
        });
    }
    out
}

fn label(name: &str, id: &str, kind: &str) -> String {
    if name == id {
        format!("{kind} `{id}`")
    } else {
        format!("{name} ({kind} `{id}`)")
    }
}

/// The functions the hits stand for, each once, best first: own matches
/// before matches through the service alone, each by tier (`rank`; the
/// service's tier breaks ties of the function's own), then in file order.
fn functions_of<'a>(scope: &'a Scope, hits: &[(&Target<'a>, usize)]) -> Vec<FunctionRef<'a>> {
    let mut own: HashMap<(&str, &str), usize> = HashMap::new();
    let mut services: HashMap<&str, usize> = HashMap::new();
    for &(hit, rank) in hits {
        let best = match hit.function {
            Some(function) => own.entry((hit.service, function)).or_insert(rank),
            None => services.entry(hit.service).or_insert(rank),
        };
        *best = (*best).min(rank);
    }
    let mut found: Vec<((usize, usize, usize), FunctionRef<'a>)> = scope
        .functions()
        .enumerate()
        .filter_map(|(place, (service, function, _))| {
            let own = own.get(&(service, function)).copied();
            let via = services.get(service).copied();
            own.or(via)?;
            let key = (own.unwrap_or(usize::MAX), via.unwrap_or(usize::MAX), place);
            Some((key, (service, function)))
        })
        .collect();
    // Keys are unique (the place is), so an unstable sort is deterministic.
    found.sort_unstable_by_key(|(key, _)| *key);
    found.into_iter().map(|(_, found)| found).collect()
}

/// Lowercase words separated by single spaces: `Patch-management (OS)` is
/// `patch management os`, so ids and names compare alike.
pub fn normalize(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `text` holds the query: anywhere for three letters or more, at
/// the start of a word for shorter ones (`x` should not match `expiry`).
fn contains(text: &str, wanted: &str, squashed: &str) -> bool {
    if wanted.chars().count() < 3 {
        return text.split(' ').any(|word| word.starts_with(wanted));
    }
    text.contains(wanted) || text.replace(' ', "").contains(squashed)
}

fn all_words_match(words: &[&str], text: &str, same: fn(&str, &str) -> bool) -> bool {
    words
        .iter()
        .all(|word| text.split(' ').any(|candidate| same(word, candidate)))
}

/// Whether two words share a stem: one starts where the other does for all
/// but a short ending, and the shared start is at least four letters
/// (`patching`/`patch`, `licences`/`licence`, `offboarded`/`offboarding`).
fn same_stem(a: &str, b: &str) -> bool {
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    shared >= 4 && shared + 3 >= shorter
}

/// Whether two words are the same word with a typing slip, possibly with an
/// ending the other lacks (`pathcing` ~ `patch`: `pathc` is `patch` with a
/// slip).
fn close_words(a: &str, b: &str) -> bool {
    let b_len = b.chars().count();
    if a.chars().count() < 4 {
        return false;
    }
    let a_start: String = a.chars().take(b_len).collect();
    strsim::jaro_winkler(a, b) >= FUZZY_WORD
        || (b_len >= 4 && strsim::jaro_winkler(&a_start, b) >= FUZZY_WORD)
}

/// The targets most like `wanted`, best first.
fn suggestions(targets: &[Target<'_>], wanted: &str) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = targets
        .iter()
        .map(|target| {
            let score = target
                .texts
                .iter()
                .map(|text| similarity(wanted, text))
                .fold(0.0, f64::max);
            (score, target.label.as_str())
        })
        .filter(|(score, _)| *score >= SUGGEST)
        .collect();
    // Stable: equal scores keep file order.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, label)| label.to_owned())
        .collect()
}

/// How alike a query and a text are, 0 to 1: each query word scores its
/// best word of the text when that is a likely slip (else 0), averaged by
/// word length, so long words (`security`) weigh more than short ones
/// (`plan`) and near-misses of unrelated words count for nothing.
fn similarity(wanted: &str, text: &str) -> f64 {
    let mut total = 0.0;
    let mut weight = 0.0;
    for word in wanted.split(' ') {
        let best = text
            .split(' ')
            .map(|candidate| strsim::jaro_winkler(word, candidate))
            .fold(0.0, f64::max);
        let length = word.chars().count() as f64;
        weight += length;
        if best >= SUGGEST_WORD {
            total += best * length;
        }
    }
    if weight == 0.0 { 0.0 } else { total / weight }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scope::load_bytes;

    const SCOPE: &str = "\
version: 1
engagement: { client: C }
parties: { msp: { name: M, role: provider } }
services:
  security:
    name: Cybersecurity
    owner: msp
    functions:
      patch-management: { name: Patch management (OS and third-party) }
      firewall-review: {}
  backups:
    name: Backup and recovery
    owner: msp
    functions:
      backup-monitoring: { name: Nightly backup job checks }
      restore-tests: {}
  people:
    owner: msp
    functions:
      offboarding: { name: Access removal }
";

    fn find_ids(query: &str) -> Result<Vec<String>, Vec<String>> {
        let document = load_bytes("s", SCOPE.as_bytes().to_vec()).unwrap();
        match find(&document.scope, query) {
            Found::Functions(found) => Ok(found.iter().map(|(_, f)| (*f).to_owned()).collect()),
            Found::Nothing(suggested) => Err(suggested),
        }
    }

    #[test]
    fn ids_and_names_match_ignoring_case() {
        assert_eq!(find_ids("PATCH-management").unwrap(), ["patch-management"]);
        assert_eq!(find_ids("patch management").unwrap(), ["patch-management"]);
        assert_eq!(find_ids("firewall").unwrap(), ["firewall-review"]);
        assert_eq!(find_ids("cyber security").unwrap().len(), 2);
        assert_eq!(find_ids("os").unwrap(), ["patch-management"]);
        assert!(find_ids("x").is_err());
    }

    #[test]
    fn word_stems_match() {
        assert_eq!(find_ids("patching").unwrap(), ["patch-management"]);
        assert_eq!(find_ids("offboarded").unwrap(), ["offboarding"]);
    }

    #[test]
    fn a_service_stands_for_its_functions() {
        assert_eq!(
            find_ids("cybersecurity").unwrap(),
            ["patch-management", "firewall-review"]
        );
        assert_eq!(
            find_ids("backup").unwrap(),
            ["backup-monitoring", "restore-tests"]
        );
    }

    #[test]
    fn an_exact_id_wins_over_looser_matches() {
        assert_eq!(
            find_ids("backup-monitoring").unwrap(),
            ["backup-monitoring"]
        );
    }

    #[test]
    fn every_literal_match_is_shown_own_matches_first() {
        // The `backups` service matches through its name, `backup-monitoring`
        // by its own id, and `people` not at all.
        assert_eq!(
            find_ids("back").unwrap(),
            ["backup-monitoring", "restore-tests"]
        );
        // `checks` is only in a function's name; `job` likewise: a literal
        // match in a name counts as much as one in an id.
        assert_eq!(find_ids("job checks").unwrap(), ["backup-monitoring"]);
    }

    #[test]
    fn parties_are_found_by_id_or_name() {
        let document = load_bytes("s", SCOPE.as_bytes().to_vec()).unwrap();
        assert_eq!(find_party(&document.scope, "MSP"), Some("msp"));
        assert_eq!(find_party(&document.scope, "m"), Some("msp"));
        assert_eq!(find_party(&document.scope, "ms"), None);
        assert_eq!(find_party(&document.scope, " -- "), None);
        assert_eq!(find_party_by_words(&document.scope, "m"), Some("msp"));
        assert_eq!(find_party_by_words(&document.scope, "x"), None);
    }

    #[test]
    fn typos_match_fuzzily() {
        assert_eq!(find_ids("pacth").unwrap(), ["patch-management"]);
        assert_eq!(find_ids("firewal").unwrap(), ["firewall-review"]);
        assert_eq!(find_ids("pathcing").unwrap(), ["patch-management"]);
    }

    #[test]
    fn nothing_gets_suggestions() {
        let suggested = find_ids("firewalls audit").unwrap_err();
        assert_eq!(
            suggested.first().map(String::as_str),
            Some("function `firewall-review`")
        );
        assert_eq!(find_ids("zzzz").unwrap_err(), Vec::<String>::new());
        assert_eq!(find_ids(" -- ").unwrap_err(), Vec::<String>::new());
    }
}
