//! The words of the genre: the boilerplate every summary uses, and the words a measure and a
//! problem share, shown beside a suggestion.

use std::collections::BTreeSet;

/// At most this many shared words are shown.
const MAX_SHARED: usize = 4;

/// Words every summary uses, whatever its problems: they say nothing about which problem a
/// measure answers. Longer words first, so that 进一步 goes before 一步.
pub const BOILERPLATE: &[&str] = &[
    "进一步",
    "常态化",
    "全覆盖",
    "每季度",
    "每半年",
    "每学期",
    "长期坚持",
    "立行立改",
    "久久为功",
    "存在",
    "不够",
    "不足",
    "不强",
    "不高",
    "不多",
    "不到位",
    "加强",
    "工作",
    "问题",
    "有待",
    "提高",
    "提升",
    "推进",
    "推动",
    "推行",
    "落实",
    "开展",
    "建立",
    "健全",
    "完善",
    "强化",
    "深化",
    "持续",
    "部分",
    "个别",
    "少数",
    "有的",
    "仍然",
    "仍有",
    "还不",
    "方面",
    "情况",
    "现象",
    "全面",
    "实现",
    "覆盖",
    "年内",
    "月底",
    "底前",
    "一次",
    "至少",
    "形成",
    "切实",
    "认真",
    "扎实",
    "抓好",
    "严格",
    "有效",
    "积极",
    "主动",
    "相关",
    "以上",
    "较为",
    "比较",
];

/// Characters that carry no meaning at the edge of a shared word (的, 和 …).
const EDGE: &[char] = &[
    '的', '和', '及', '对', '在', '了', '是', '等', '把', '将', '从', '并', '其',
];

/// `text` with every boilerplate word replaced by a space.
pub fn strip_boilerplate(text: &str) -> String {
    let mut out = text.to_string();
    for word in BOILERPLATE {
        out = out.replace(word, " ");
    }
    out
}

/// The words two texts share: their maximal common runs of at least two Chinese characters,
/// trimmed of function characters (的, 和 …) at the edges and of boilerplate, each at most once,
/// none inside another; longest first, then in the order of `a`; at most four.
pub fn shared_words(a: &str, b: &str) -> Vec<String> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut found: Vec<(usize, String)> = Vec::new();
    // run[j] = length of the common run ending at a[i], b[j].
    let mut run = vec![0usize; b.len() + 1];
    for i in 0..a.len() {
        let mut next = vec![0usize; b.len() + 1];
        for j in 0..b.len() {
            if a[i] == b[j] && is_han(a[i]) {
                next[j + 1] = run[j] + 1;
            }
        }
        for j in 0..b.len() {
            let len = next[j + 1];
            let extends =
                i + 1 < a.len() && j + 1 < b.len() && a[i + 1] == b[j + 1] && is_han(a[i + 1]);
            if len >= 2 && !extends {
                let start = i + 1 - len;
                if let Some(word) = tidy(&a[start..=i]) {
                    found.push((start, word));
                }
            }
        }
        run = next;
    }
    found.sort_by(|x, y| {
        y.1.chars()
            .count()
            .cmp(&x.1.chars().count())
            .then(x.0.cmp(&y.0))
    });
    let mut words: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    for (_, word) in found {
        if seen.insert(word.clone()) && !words.iter().any(|w| w.contains(&word)) {
            words.push(word);
        }
    }
    words.truncate(MAX_SHARED);
    words
}

/// A common run as a shown word: edges trimmed, `None` when nothing telling is left.
fn tidy(run: &[char]) -> Option<String> {
    let mut word: String = run.iter().collect();
    loop {
        let before = word.clone();
        word = word.trim_matches(EDGE).to_string();
        for b in BOILERPLATE {
            if let Some(rest) = word.strip_prefix(b) {
                word = rest.to_string();
            }
            if let Some(rest) = word.strip_suffix(b) {
                word = rest.to_string();
            }
        }
        if word == before {
            break;
        }
    }
    let telling = strip_boilerplate(&word)
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
        >= 2;
    telling.then_some(word)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_words_are_the_longest_telling_common_runs_without_boilerplate() {
        let words = shared_words(
            "健全师德师风长效机制。完善家长参与的监督评议机制",
            "教师队伍师德师风建设长效机制不健全，家长参与监督的渠道不多",
        );
        assert_eq!(words[0], "师德师风");
        assert!(words.contains(&"长效机制".to_string()), "{words:?}");
        assert!(words.contains(&"家长参与".to_string()), "{words:?}");
        assert!(
            !words.iter().any(|w| w == "健全" || w == "不多"),
            "{words:?}"
        );
    }

    #[test]
    fn boilerplate_alone_is_never_a_shared_word() {
        assert_eq!(
            shared_words("进一步加强工作", "工作存在问题，加强不够"),
            Vec::<String>::new()
        );
        assert_eq!(shared_words("", "问题"), Vec::<String>::new());
    }

    #[test]
    fn stripping_boilerplate_keeps_the_telling_words() {
        assert_eq!(strip_boilerplate("进一步加强队伍建设").trim(), "队伍建设");
    }
}
