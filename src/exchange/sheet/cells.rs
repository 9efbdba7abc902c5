//! Reading the text of single cells: a year, a measure's title and heading, lists of departments and of
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

/// A measure cell's title and text: `【标题】正文` (as `export` writes a title the text does not
/// start with) → the title and the rest; else the text whole, with its heading ([`title_of`]).
pub(crate) fn split_title(cell: &str) -> (Option<String>, String) {
    let marked = cell.strip_prefix('【').and_then(|rest| {
        let (title, text) = rest.split_once('】')?;
        let text = text.trim_start();
        let fits = (1..=TITLE_CHARS).contains(&title.chars().count());
        (fits && !text.is_empty()).then(|| (Some(title.trim().to_string()), text.to_string()))
    });
    marked.unwrap_or_else(|| (title_of(cell), cell.to_string()))
}

/// The longest title `【标题】` marks.
pub(crate) const TITLE_CHARS: usize = 40;

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
