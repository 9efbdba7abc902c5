//! Suggesting the name a user probably meant.

/// The candidate closest to `typed`: a unique candidate containing it (or contained in it), else
/// the one at the smallest edit distance when that distance is small for the name's length.
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let containing: Vec<&str> = candidates
        .iter()
        .copied()
        .filter(|c| c.contains(typed) || typed.contains(*c))
        .collect();
    if let [only] = containing.as_slice() {
        return Some(only);
    }
    let limit = (typed.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(typed, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance counted in characters, not bytes.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unique_containing_name_is_suggested() {
        let names = ["国家税务总局临江市税务局", "临江市财政局"];
        assert_eq!(
            closest("临江市税务", names),
            Some("国家税务总局临江市税务局")
        );
    }

    #[test]
    fn a_near_miss_is_suggested_by_edit_distance() {
        assert_eq!(
            closest("临江市财务局", ["临江市财政局", "东山县教育局"]),
            Some("临江市财政局")
        );
    }

    #[test]
    fn nothing_is_suggested_for_an_unrelated_name() {
        assert_eq!(closest("水利局", ["临江市财政局"]), None);
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("税务局", "财务局"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
