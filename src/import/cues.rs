//! The genre's cue phrases around the items: lead-ins that announce a list (…主要有：),
//! sentences that turn from problems to the plan (针对上述问题，…), and wrap-ups that close a list
//! (这些问题都有待于…加以解决). None of them is ever an item.

use super::text::{
    contains_any, find_year, find_years, is_blank, is_colon, is_stop, starts_with_any,
};

const PROBLEM_NOUNS: &[&str] = &["问题", "不足", "差距", "短板", "困难", "薄弱", "弱项"];

const QUANTITY_WORDS: &[&str] = &[
    "一些",
    "一定",
    "不少",
    "以下",
    "如下",
    "某些",
    "若干",
    "诸多",
    "许多",
    "几个",
    "一系列",
    "几方面",
    "几个方面",
    "主要表现",
    "主要有",
    "具体表现",
    "表现在",
    "体现在",
    "主要是",
];

const SOLVE_WORDS: &[&str] = &[
    "加以解决",
    "切实解决",
    "认真解决",
    "努力解决",
    "逐步解决",
    "予以解决",
    "加以改进",
    "认真改进",
    "努力克服",
    "加以克服",
    "认真整改",
    "切实改进",
];

const PLAN_OPENERS: &[&str] = &[
    "针对",
    "下一步",
    "下步",
    "下阶段",
    "下一阶段",
    "接下来",
    "为此",
    "对此",
    "就此",
    "今后",
    "明年",
    "来年",
    "新的一年",
    "新一年",
    "在今后",
    "在下一步",
    "在新的一年",
    "在明年",
    "整改措施",
    "改进措施",
    "整改举措",
    "工作打算",
    "努力方向",
    "对于上述",
    "对上述",
    "对以上",
    "对于以上",
    "对照上述",
    "对照以上",
    "为解决",
    "为了解决",
    "我们将从",
    "我局将从",
];

const PLAN_INTENTS: &[&str] = &[
    "将重点",
    "要重点",
    "将着力",
    "将从以下",
    "将抓好",
    "将做好",
    "要抓好",
    "要做好",
    "将采取",
    "将围绕",
    "重点抓好",
    "重点做好",
    "着力抓好",
    "着重抓好",
    "重点从以下",
];

const WRAP_OPENERS: &[&str] = &[
    "这些问题",
    "这些不足",
    "这些都",
    "这些方面",
    "以上问题",
    "以上这些",
    "以上不足",
    "上述问题",
    "上述不足",
    "对于这些",
    "对这些",
    "产生这些",
    "产生上述",
    "产生以上",
    "产生问题的",
    "究其原因",
    "分析原因",
    "原因主要",
    "总之",
    "总而言之",
    "综上",
    "总的来看",
    "总的来说",
    "特此",
    "以上是",
    "以上为",
];

const CLOSING_OPENERS: &[&str] = &[
    "新的一年",
    "新一年",
    "展望",
    "站在新的起点",
    "在新的起点",
    "我们坚信",
    "我们相信",
    "回顾",
];

const CLOSING_WORDS: &[&str] = &[
    "贡献",
    "新篇章",
    "新局面",
    "新的更大",
    "更大成绩",
    "奋力",
    "踔厉奋发",
    "续写",
    "谱写",
    "开创",
    "交出",
    "答卷",
];

const WRAP_CLAUSES: &[&str] = &[
    "这些问题",
    "这些都",
    "这些不足",
    "以上问题",
    "上述问题",
    "对此",
    "对这些",
    "有待于在",
    "有待在今后",
    "需要在今后",
    "需在今后",
];

fn body(sentence: &str) -> &str {
    sentence.trim_matches(|c: char| is_blank(c) || is_stop(c))
}

/// A sentence that announces a list of problems (还存在一些问题，主要表现在：).
pub(super) fn is_problem_lead_in(sentence: &str) -> bool {
    let s = body(sentence);
    if s.ends_with(is_colon) {
        return true;
    }
    contains_any(s, PROBLEM_NOUNS) && contains_any(s, QUANTITY_WORDS) && !s.contains("已")
}

/// A doc-level sentence that opens a problems list although no heading says so.
pub(super) fn opens_problem_list(sentence: &str) -> bool {
    let s = body(sentence);
    announces_list(sentence)
        && contains_any(s, PROBLEM_NOUNS)
        && contains_any(s, &["存在", "还有", "仍有", "面临", "不足", "差距", "短板"])
        && !contains_any(last_clause(s), &["整改", "解决", "取得", "已"])
}

/// What a sentence says in its last clause, after its last turn (虽然取得了一定成绩，但仍存在…:
/// 仍存在…); a title pasted in front of it without a full stop is left behind too.
fn last_clause(s: &str) -> &str {
    let turn = ["但", "然而", "不过", "，", ",", " "]
        .iter()
        .filter_map(|w| s.rfind(w).map(|i| i + w.len()))
        .max();
    turn.map_or(s, |i| &s[i..])
}

/// A sentence that turns to the plan: 针对上述问题…, 下一步…, 2024年，我局将…
pub(super) fn is_plan_trigger(sentence: &str, year: Option<i32>) -> bool {
    let s = body(sentence);
    let colon = s.ends_with(is_colon);
    if !colon && contains_any(s, SOLVE_WORDS) {
        return false;
    }
    if starts_with_any(s, PLAN_OPENERS).is_some() {
        return true;
    }
    if let (Some(year), Some((y, at))) = (year, find_year(s)) {
        if y > year && at.start == 0 {
            return true;
        }
    }
    colon && contains_any(s, PLAN_INTENTS)
}

/// A doc-level sentence that opens a plan list although no heading says so: it looks ahead
/// (将, 要, 下一步…), unlike 针对群众反映的问题，主要采取了以下措施：
pub(super) fn opens_plan_list(sentence: &str, year: Option<i32>) -> bool {
    let s = body(sentence);
    let ahead = contains_any(
        s,
        &[
            "将",
            "要",
            "计划",
            "打算",
            "下一步",
            "下步",
            "明年",
            "今后",
            "来年",
            "整改措施",
            "改进措施",
        ],
    ) || year.is_some_and(|year| find_years(s).any(|(y, _)| y > year));
    announces_list(sentence) && is_plan_trigger(sentence, year) && ahead && !s.contains('了')
}

/// A sentence that announces a list after it: it ends in a colon, or it says 以下/如下
/// (为此，我们将采取以下措施积极改进。).
pub(super) fn announces_list(sentence: &str) -> bool {
    let s = body(sentence);
    s.ends_with(is_colon) || contains_any(s, &["以下", "如下"])
}

/// A sentence that closes a list rather than adding to it.
pub(super) fn is_wrap_up(sentence: &str) -> bool {
    let s = body(sentence);
    if starts_with_any(s, WRAP_OPENERS).is_some() {
        return true;
    }
    if starts_with_any(s, CLOSING_OPENERS).is_some() && contains_any(s, CLOSING_WORDS) {
        return true;
    }
    let addressed = starts_with_any(
        s,
        &[
            "对此",
            "今后",
            "在今后",
            "我们将",
            "我局将",
            "我们要",
            "下一步",
        ],
    );
    addressed.is_some() && contains_any(s, SOLVE_WORDS) && !s.ends_with(is_colon)
}

/// Where a trailing wrap-up clause (…，这些都有待于…解决) starts inside `item`, if it has one:
/// the byte offset of the comma before it.
pub(super) fn wrap_up_clause(item: &str) -> Option<usize> {
    item.char_indices()
        .filter(|&(_, c)| matches!(c, '，' | ','))
        .find(|&(i, c)| {
            let rest = item[i + c.len_utf8()..].trim_start_matches(is_blank);
            starts_with_any(rest, WRAP_CLAUSES).is_some()
                && !rest
                    .trim_end_matches(|c: char| is_blank(c) || is_stop(c))
                    .contains(['。', '；', ';'])
        })
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_lead_ins_announce_rather_than_name() {
        assert!(is_problem_lead_in("对照上级要求，我局还存在一些不足。"));
        assert!(is_problem_lead_in("主要表现在："));
        assert!(!is_problem_lead_in("部分党员存在学习不深入的问题。"));
    }

    #[test]
    fn plan_triggers_turn_to_next_year() {
        assert!(is_plan_trigger(
            "针对上述不足，下一步将着力抓好三项工作：",
            Some(2023)
        ));
        assert!(is_plan_trigger("2024年，我局将继续深化改革。", Some(2023)));
        assert!(!is_plan_trigger("2023年，我局继续深化改革。", Some(2023)));
        assert!(!is_plan_trigger(
            "今后工作中我们将切实加以解决。",
            Some(2023)
        ));
    }

    #[test]
    fn a_plan_list_looks_ahead() {
        assert!(opens_plan_list("下一步，我们将：", Some(2023)));
        assert!(!opens_plan_list(
            "针对群众反映的问题，主要采取了以下措施：",
            Some(2023)
        ));
    }

    #[test]
    fn wrap_ups_close_a_list() {
        assert!(is_wrap_up("这些问题都有待于在今后工作中切实加以解决。"));
        assert!(is_wrap_up(
            "新的一年，我们将踔厉奋发，为全市发展作出新的更大贡献。"
        ));
        assert!(!is_wrap_up("新的一年，重点抓好三项工作。"));
    }

    #[test]
    fn a_trailing_wrap_up_clause_is_found_after_its_comma() {
        let item = "长效机制还有待完善，这些都有待于下一年切实加以解决";
        let cut = wrap_up_clause(item).unwrap();
        assert_eq!(&item[..cut], "长效机制还有待完善");
        assert_eq!(
            wrap_up_clause("制度执行不严，对此要高度重视。二是另一件事"),
            None
        );
    }
}
