//! The site markers (`##paidbegin##`, `##paidend##`) that documents copied from template sites
//! carry: removing them wherever they fall, even mid-word, while remembering where the removed
//! bytes were so that positions in the cleaned text map back to the text the caller gave.

/// The markers removed from every document before it is read.
pub const SITE_MARKERS: [&str; 2] = ["##paidbegin##", "##paidend##"];

/// `text` with every site marker removed, including markers that only form once an inner marker
/// is gone (`##paid##paidend##end##`).
pub fn remove_site_markers(text: &str) -> String {
    strip(text).text
}

/// Cleaned text plus the map back to the original.
#[derive(Debug)]
pub(super) struct Cleaned {
    pub text: String,
    /// `(clean position, bytes removed before it)`, increasing in both.
    removals: Vec<(usize, usize)>,
    /// The maps of earlier cleanings, outermost first.
    earlier: Vec<Vec<(usize, usize)>>,
}

impl Cleaned {
    /// The byte offset in the original text of byte `pos` of the cleaned text.
    pub fn original_offset(&self, pos: usize) -> usize {
        std::iter::once(&self.removals)
            .chain(self.earlier.iter().rev())
            .fold(pos, |pos, removals| {
                let idx = removals.partition_point(|&(at, _)| at <= pos);
                match idx {
                    0 => pos,
                    _ => pos + removals[idx - 1].1,
                }
            })
    }

    /// This text with the byte `ranges` (in order, not overlapping) removed as well.
    pub fn remove(self, ranges: &[std::ops::Range<usize>]) -> Cleaned {
        if ranges.is_empty() {
            return self;
        }
        let mut text = String::with_capacity(self.text.len());
        let mut removals = Vec::with_capacity(ranges.len());
        let (mut from, mut removed) = (0, 0);
        for r in ranges {
            text.push_str(&self.text[from..r.start]);
            removed += r.len();
            removals.push((text.len(), removed));
            from = r.end;
        }
        text.push_str(&self.text[from..]);
        let mut earlier = self.earlier;
        earlier.push(self.removals);
        Cleaned {
            text,
            removals,
            earlier,
        }
    }
}

/// Removes the site markers, keeping the position map.
pub(super) fn strip(text: &str) -> Cleaned {
    if !text.contains("##") {
        return Cleaned {
            text: text.to_string(),
            removals: Vec::new(),
            earlier: Vec::new(),
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut removals: Vec<(usize, usize)> = Vec::new();
    let mut removed = 0;
    let mut rest = text;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..=i]);
        rest = &rest[i + 1..];
        while let Some(marker) = SITE_MARKERS.iter().find(|m| out.ends_with(*m)) {
            out.truncate(out.len() - marker.len());
            removed += marker.len();
            while removals.last().is_some_and(|&(at, _)| at > out.len()) {
                removals.pop();
            }
            match removals.last_mut() {
                Some(last) if last.0 == out.len() => last.1 = removed,
                _ => removals.push((out.len(), removed)),
            }
        }
    }
    out.push_str(rest);
    Cleaned {
        text: out,
        removals,
        earlier: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_map_back_through_every_cleaning() {
        let original = "甲##paidend##乙 丙丁";
        let cleaned = strip(original);
        let space = cleaned.text.find(' ').unwrap();
        let cleaned = cleaned.remove(std::slice::from_ref(&(space..space + 1)));
        assert_eq!(cleaned.text, "甲乙丙丁");
        let ding = cleaned.text.find('丁').unwrap();
        assert_eq!(&original[cleaned.original_offset(ding)..], "丁");
        let yi = cleaned.text.find('乙').unwrap();
        assert_eq!(&original[cleaned.original_offset(yi)..][..3], "乙");
    }

    #[test]
    fn markers_are_removed_even_in_the_middle_of_a_word() {
        assert_eq!(
            remove_site_markers("党##paidbegin##委（支部）"),
            "党委（支部）"
        );
        assert_eq!(remove_site_markers("##paidend##"), "");
        assert_eq!(remove_site_markers("a##paidbegin##b##paidend##c"), "abc");
    }

    #[test]
    fn markers_formed_by_a_removal_are_removed_too() {
        assert_eq!(remove_site_markers("##paid##paidend##end##x"), "x");
    }

    #[test]
    fn text_without_markers_is_unchanged() {
        assert_eq!(remove_site_markers("## 标题 #1"), "## 标题 #1");
    }

    #[test]
    fn clean_positions_map_back_to_the_original() {
        let original = "甲##paidbegin##乙##paidend##丙";
        let cleaned = strip(original);
        assert_eq!(cleaned.text, "甲乙丙");
        let yi = cleaned.text.find('乙').unwrap();
        assert_eq!(&original[cleaned.original_offset(yi)..][..3], "乙");
        let bing = cleaned.text.find('丙').unwrap();
        assert_eq!(&original[cleaned.original_offset(bing)..][..3], "丙");
        assert_eq!(cleaned.original_offset(0), 0);
    }
}
