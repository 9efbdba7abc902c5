//! Finding a reviewed item's text in the document it came from, as the parser would have cut
//! it: whitespace and site markers ignored, full- and half-width punctuation folded together.
//!
//! Only says where a text is; it never edits the text that is recorded.

use super::super::markers;

/// The document's text, folded, with the byte offset in the original text of every byte of it.
pub(super) struct Folded {
    text: String,
    /// `origin[i]`: where byte `i` of `text` came from in the text given to [`Folded::new`].
    origin: Vec<usize>,
}

impl Folded {
    pub(super) fn new(document: &str) -> Folded {
        let cleaned = markers::strip(document);
        let mut text = String::with_capacity(cleaned.text.len());
        let mut origin = Vec::with_capacity(cleaned.text.len());
        for (at, c) in cleaned.text.char_indices() {
            if let Some(c) = fold(c) {
                text.push(c);
                origin.resize(text.len(), cleaned.original_offset(at));
            }
        }
        Folded { text, origin }
    }

    /// The offset in the original document of the first occurrence of `item` at or after
    /// original offset `from`, else of its first occurrence anywhere; `None` when it is not in
    /// the document at all (or folds to nothing).
    pub(super) fn find(&self, item: &str, from: usize) -> Option<usize> {
        let needle = folded(item);
        if needle.is_empty() {
            return None;
        }
        let start = self.origin.partition_point(|&o| o < from);
        let at = self.text[start..]
            .find(&needle)
            .map(|i| start + i)
            .or_else(|| self.text.find(&needle))?;
        Some(self.origin[at])
    }
}

/// `text` with site markers and whitespace removed and punctuation folded.
pub(super) fn folded(text: &str) -> String {
    markers::remove_site_markers(text)
        .chars()
        .filter_map(fold)
        .collect()
}

/// One character as compared: `None` for whitespace and invisible marks; full-width ASCII
/// forms (，；：（）！？ and full-width letters and digits) as their half-width forms; curly
/// quotes as straight ones.
fn fold(c: char) -> Option<char> {
    match c {
        c if c.is_whitespace() => None,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' => None,
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
        '“' | '”' | '„' => Some('"'),
        '‘' | '’' => Some('\''),
        c => Some(c),
    }
}
