//! Reading the text of single cells: a year, a measure's heading, lists of departments and of
//! evidence, and empty text as `None`.

pub(super) fn parse_year(text: &str) -> Result<Option<i32>, ()> {
    if text.is_empty() {
        return Ok(None);
    }
    let digits = text.trim_end_matches("年度").trim_end_matches('年');
    match digits.parse::<i32>() {
        Ok(year) if crate::model::YEARS.contains(&year) => Ok(Some(year)),
        _ => Err(()),
    }
}

/// A measure's heading: a short first sentence before 。 when more follows (强化理论武装。…).
pub(crate) fn title_of(text: &str) -> Option<String> {
    let (head, rest) = text.split_once('。')?;
    let short = (2..=15).contains(&head.chars().count());
    let plain = !head.contains(['，', ',', '；', ';', '：', ':']);
    (short && plain && !rest.trim().is_empty()).then(|| head.to_string())
}

/// 办公室、人事科 / 办公室，人事科 / one per line → the departments, in order.
pub(super) fn split_list(text: &str) -> Vec<String> {
    text.split(['、', '，', ',', '；', ';', '/', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Evidence references, one per line or separated by semicolons.
pub(super) fn split_evidence(text: &str) -> Vec<String> {
    text.split(['\n', '；', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub(super) fn non_empty(text: String) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}
