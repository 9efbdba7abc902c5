//! Traditional characters (machine-converted pages: 存在問題, 下一步工作計劃) seen as simplified
//! for the cues, with every byte offset kept, so that item text is still sliced from the
//! document exactly as written.

use std::borrow::Cow;

use super::text::CharSet;

/// `text` with each traditional character replaced by its simplified form where both take the
/// same number of bytes (all of the CJK ones do); `text` itself when nothing changes.
pub(super) fn simplified(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !may_be_traditional(text) {
        return Cow::Borrowed(text);
    }
    let converted = fast2s::convert(text);
    if converted == text {
        return Cow::Borrowed(text);
    }
    if converted.len() == text.len() {
        return Cow::Owned(converted);
    }
    // A replacement of another width: keep that character as written.
    let mut out = String::with_capacity(text.len());
    for (original, simple) in text.chars().zip(converted.chars()) {
        out.push(if original.len_utf8() == simple.len_utf8() {
            simple
        } else {
            original
        });
    }
    Cow::Owned(out)
}

/// Characters of which a page in traditional characters, in this genre, has at least one:
/// checked first, because converting is the costlier pass.
const COMMON_TRADITIONAL: &str = "們個為這來會說對時過還進與關於發實現開經學國產業務議處問題將應當從區縣鎮鄉黨員幹層設計劃導領專項強規範據續紀錄檢資訊網質機構費級權責總結報專職傳統環製無頭種類樣點長門書條義習體";

fn may_be_traditional(text: &str) -> bool {
    static SET: std::sync::LazyLock<CharSet> =
        std::sync::LazyLock::new(|| CharSet::new(COMMON_TRADITIONAL));
    let set = &*SET;
    text.chars().any(|c| set.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_cues_read_as_simplified_with_offsets_kept() {
        let text = "四、存在的問題\n整改措施：加強資料收集。";
        let view = simplified(text);
        assert_eq!(view, "四、存在的问题\n整改措施：加强资料收集。");
        assert_eq!(view.len(), text.len());
        assert_eq!(&text[view.find("加强").unwrap()..][..6], "加強");
    }

    #[test]
    fn simplified_text_is_borrowed_unchanged() {
        assert!(matches!(
            simplified("存在问题：学习不深。"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(simplified("plain ascii"), Cow::Borrowed(_)));
    }
}
