//! Tests of the segmenter, the synonyms and the cues.

use super::*;

#[test]
fn the_genres_terms_are_kept_whole() {
    let terms = terms("党建与业务“两张皮”，“三会一课”不规范，网格员流失", false);
    for word in ["两张皮", "三会一课", "网格员"] {
        assert!(terms.iter().any(|t| t == word), "{word} in {terms:?}");
    }
}

#[test]
fn synonyms_are_read_as_one_word() {
    let a = terms("公务用车管理不规范", true);
    let b = terms("公车使用审批不严格", true);
    assert!(a.contains(&"公车".to_string()), "{a:?}");
    assert!(b.contains(&"公车".to_string()), "{b:?}");
    assert!(!terms("公务用车管理不规范", false).contains(&"公车".to_string()));
}

#[test]
fn function_words_and_single_characters_are_not_evidence() {
    let terms = terms("个别单位仍然存在问题的现象", false);
    assert!(terms.iter().all(|t| t.chars().count() >= 2), "{terms:?}");
    assert!(
        !terms.iter().any(|t| t == "存在" || t == "仍然"),
        "{terms:?}"
    );
}

#[test]
fn continuity_cues_are_found_in_the_later_text() {
    assert_eq!(cues("违规补课问题尚未根治"), ["尚未根治"]);
    assert!(cues("公务接待审批不严").is_empty());
}
