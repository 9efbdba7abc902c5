//! Tests of the vectors, over characters and over words.

use super::*;
use crate::analysis::clusters::{Evidence, Weights};

const WORDS: Evidence = Evidence::Words {
    synonyms: true,
    weights: Weights::Both,
};

#[test]
fn vectors_have_unit_length_and_identical_texts_a_cosine_of_one() {
    let texts = [
        "理论学习不够深入",
        "理论学习不够深入。",
        "党费收缴不规范",
        "，。",
    ];
    for evidence in [Evidence::Characters, WORDS] {
        let v = Vectors::build(&texts, evidence, 2);
        assert_eq!(v.len(), 4);
        assert!((dot(v.doc(0), v.doc(0)) - 1.0).abs() < 1e-5);
        assert!((dot(v.doc(0), v.doc(1)) - 1.0).abs() < 1e-5);
        assert!(dot(v.doc(0), v.doc(2)) < 0.3);
        assert!(v.doc(3).is_empty());
    }
}

#[test]
fn stock_words_weigh_less_than_what_a_problem_is_about() {
    let texts = [
        "理论学习有待加强",
        "党费收缴有待加强",
        "档案管理有待加强",
        "理论学习不够深入",
    ];
    for evidence in [Evidence::Characters, WORDS] {
        let v = Vectors::build(&texts, evidence, 1);
        // Sharing 理论学习 (rare) counts for more than sharing 有待加强 (everywhere).
        assert!(dot(v.doc(0), v.doc(3)) > dot(v.doc(0), v.doc(1)));
    }
}

#[test]
fn synonyms_make_two_namings_of_one_thing_alike_in_words_only() {
    let texts = [
        "公务用车使用登记不规范",
        "公车使用登记不规范",
        "档案归档不及时",
    ];
    let words = Vectors::build(&texts, WORDS, 1);
    let plain = Vectors::build(
        &texts,
        Evidence::Words {
            synonyms: false,
            weights: Weights::Both,
        },
        1,
    );
    assert!(dot(words.doc(0), words.doc(1)) > dot(plain.doc(0), plain.doc(1)) + 0.1);
}

#[test]
fn the_thread_count_does_not_change_the_vectors() {
    let texts: Vec<String> = (0..50).map(|i| format!("第{i}项问题整改不到位")).collect();
    for evidence in [Evidence::Characters, WORDS] {
        let one = Vectors::build(&texts, evidence, 1);
        let three = Vectors::build(&texts, evidence, 3);
        assert_eq!(one.entries, three.entries);
        assert_eq!(one.starts, three.starts);
    }
}
