//! "Did you mean …?" suggestions.

/// The candidate closest to `word`, when it is close enough to be a likely
/// typo (`ownr` → `owner`, `mps` → `msp`).
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let word_lower = word.to_lowercase();
    // Allow one edit in a short word, about one in three in a longer one.
    let allowed = (word_lower.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter(|candidate| *candidate != word)
        .map(|candidate| {
            let distance = strsim::damerau_levenshtein(&word_lower, &candidate.to_lowercase());
            (candidate, distance)
        })
        .filter(|(_, distance)| *distance <= allowed)
        .min_by_key(|(_, distance)| *distance)
        .map(|(candidate, _)| candidate)
}

/// A help sentence, "did you mean `x`?", when a candidate is close.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    closest(word, candidates).map(|candidate| format!("did you mean `{candidate}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_word() {
        let keys = ["name", "owner", "backup", "responsible"];
        assert_eq!(closest("ownr", keys), Some("owner"));
        assert_eq!(closest("bakup", keys), Some("backup"));
        assert_eq!(closest("Owner", keys), Some("owner"));
        assert_eq!(closest("mps", ["msp", "internal"]), Some("msp"));
    }

    #[test]
    fn unrelated_words_get_nothing() {
        assert_eq!(closest("frobnicate", ["name", "owner"]), None);
    }
}
