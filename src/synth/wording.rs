//! How one theme becomes one unit's sentence: interchangeable predicates, sentence frames, scope
//! words, connectives, closing clauses, numbers and punctuation, each picked at random.
//!
//! The aim is the variety of real summaries: two units naming the same problem rarely write the
//! same characters, and unrelated problems share the genre's stock phrases (有待加强, 仍然存在,
//! 与上级要求还有差距) as real ones do.

use super::rng::Rng;

/// Groups of predicates that say the same thing, by name (the middle field of a theme line).
pub(super) const FLAWS: &[(&str, &[&str])] = &[
    (
        "deep",
        &[
            "不够深入",
            "不深入",
            "还不够深入",
            "深度不够",
            "有待深化",
            "浮于表面",
            "深入不够",
        ],
    ),
    (
        "close",
        &[
            "结合不够紧密",
            "结合不紧",
            "融合不够",
            "结合得不够好",
            "贯通不够",
            "衔接不够紧密",
        ],
    ),
    (
        "low",
        &["不高", "不够高", "偏低", "有待提高", "还需提升", "仍然不高"],
    ),
    (
        "form",
        &[
            "流于形式",
            "形式大于内容",
            "重形式轻实效",
            "走过场",
            "有形式主义倾向",
            "实效不强",
        ],
    ),
    (
        "norm",
        &[
            "不规范",
            "不够规范",
            "规范性不强",
            "还不够规范",
            "存在不规范现象",
            "不够严谨",
        ],
    ),
    (
        "weak",
        &[
            "较为薄弱",
            "比较薄弱",
            "不够有力",
            "偏弱",
            "有待加强",
            "仍需加强",
            "力度不够",
        ],
    ),
    (
        "place",
        &[
            "不到位",
            "不够到位",
            "落实不到位",
            "还没有完全到位",
            "仍有欠缺",
            "落实不够有力",
        ],
    ),
    (
        "strict",
        &[
            "不够严格",
            "不严",
            "要求不严",
            "把关不严",
            "失之于宽",
            "执行不够严格",
        ],
    ),
    (
        "role",
        &[
            "发挥不充分",
            "发挥不够",
            "不够明显",
            "体现不够",
            "未能充分彰显",
            "作用有限",
        ],
    ),
    (
        "effect",
        &[
            "效果不明显",
            "成效不够明显",
            "实效性不强",
            "效果有待提升",
            "成效不显著",
        ],
    ),
    (
        "many",
        &[
            "过多过频",
            "偏多",
            "仍然较多",
            "数量较多",
            "精简不够",
            "没有明显减少",
        ],
    ),
    (
        "solid",
        &[
            "不够扎实",
            "不实",
            "不够务实",
            "有漂浮现象",
            "抓得不实",
            "不够细致",
        ],
    ),
    (
        "short",
        &["不足", "不够", "欠缺", "有所欠缺", "还有差距", "存在短板"],
    ),
    (
        "timely",
        &[
            "不及时",
            "不够及时",
            "滞后",
            "相对迟缓",
            "跟进不够及时",
            "时效性不强",
        ],
    ),
    (
        "sound",
        &[
            "不健全",
            "不够健全",
            "尚不完善",
            "有待完善",
            "还不够完善",
            "存在漏洞",
        ],
    ),
    (
        "slow",
        &[
            "进度滞后",
            "推进缓慢",
            "进展不快",
            "推进不够有力",
            "未按期完成",
            "进度不理想",
        ],
    ),
    (
        "structure",
        &[
            "不够合理",
            "不合理",
            "老化",
            "失衡",
            "断层明显",
            "结构性矛盾突出",
        ],
    ),
    (
        "target",
        &[
            "针对性不强",
            "不够精准",
            "缺乏针对性",
            "不够贴近实际",
            "精准度不高",
        ],
    ),
    (
        "wide",
        &[
            "覆盖面不广",
            "覆盖不全",
            "范围偏窄",
            "不够全面",
            "存在盲区",
            "覆盖面不够",
        ],
    ),
];

const SCOPE_HEADS: &[&str] = &["部分", "个别", "少数", "有的", "一些"];
const SCOPE_TAILS: &[&str] = &[
    "党员干部",
    "干部职工",
    "科室",
    "党支部",
    "基层单位",
    "同志",
    "下属单位",
    "党员",
    "业务股室",
];
const PLACES: &[&str] = &["局机关", "本单位", "系统内", "我局", "机关各科室", "全系统"];
const ADVERBS: &[&str] = &["仍然", "依然", "还", "仍", "依旧", "总体上"];
const DETAIL_LEADS: &[&str] = &[
    "",
    "",
    "主要表现在",
    "如",
    "比如",
    "特别是",
    "具体表现为",
    "尤其是",
];
const CLOSINGS: &[&str] = &[
    "与上级要求还有差距",
    "需要进一步改进",
    "效果不够理想",
    "离新时代新要求还有不小差距",
    "亟待加强",
    "需下大力气解决",
    "影响了工作成效",
    "有待进一步提升",
    "群众满意度有待提高",
    "仍需持续用力",
];
const COUNTS: &[&str] = &[
    "涉及{n}个科室",
    "检查中指出{n}处",
    "发现同类问题{n}个",
    "全年仅{n}次",
    "涉及{n}个单位",
    "已整改{n}项",
];

/// The predicates of the flaw group called `name`.
pub(super) fn flaw(name: &str) -> &'static [&'static str] {
    FLAWS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, words)| *words)
        .unwrap_or_else(|| panic!("theme names an unknown flaw group {name:?}"))
}

const COMMAS: &[(&str, u32)] = &[("，", 14), (",", 2), ("；", 2), ("、", 1), (" ", 1)];
const ENDS: &[(&str, u32)] = &[("", 6), ("。", 6), ("；", 2), (".", 1)];

/// Punctuation one writer uses throughout one sentence.
struct Marks {
    comma: &'static str,
    end: &'static str,
    quotes: (&'static str, &'static str),
}

impl Marks {
    fn pick(rng: &mut Rng) -> Marks {
        Marks {
            comma: rng.weighted::<&str>(COMMAS),
            end: rng.weighted::<&str>(ENDS),
            quotes: *rng.weighted(&[(("“", "”"), 5), (("\"", "\""), 2), (("", ""), 3)]),
        }
    }

    fn requote(&self, text: &str) -> String {
        text.replace('“', self.quotes.0).replace('”', self.quotes.1)
    }
}

/// One unit's wording of a theme: `subject` and `detail` are already picked from the theme's
/// variants (`detail` may be empty), `predicates` is its flaw group.
pub(super) fn reword(rng: &mut Rng, subject: &str, predicates: &[&str], detail: &str) -> String {
    let marks = Marks::pick(rng);
    let predicate = *rng.pick(predicates);
    let scope = if rng.chance(0.35) {
        format!("{}{}", rng.pick(SCOPE_HEADS), rng.pick(SCOPE_TAILS))
    } else if rng.chance(0.15) {
        rng.pick(PLACES).to_string()
    } else {
        String::new()
    };
    let core = match rng.below(8) {
        0..=2 => format!("{scope}{subject}{predicate}"),
        3 if predicate.starts_with(['仍', '还', '有', '未']) => {
            format!("{scope}{subject}{predicate}")
        }
        3 => format!("{scope}{subject}{}{predicate}", rng.pick(ADVERBS)),
        4 => format!("{scope}在{subject}方面{predicate}"),
        5 => format!("{scope}{subject}{predicate}的问题依然存在"),
        6 => format!("存在{scope}{subject}{predicate}的情况"),
        _ => format!(
            "{subject}{predicate}的现象{}",
            rng.pick(&["时有发生", "不同程度存在"])
        ),
    };
    let mut clauses = vec![core];
    if !detail.is_empty() {
        let detail = format!("{}{detail}", rng.pick(DETAIL_LEADS));
        if rng.chance(0.2) {
            clauses.insert(0, detail);
        } else {
            clauses.push(detail);
        }
    }
    if rng.chance(0.15) {
        let n = 2 + rng.below(18);
        clauses.push(rng.pick(COUNTS).replace("{n}", &number(rng, n)));
    }
    if rng.chance(0.35) {
        clauses.push(rng.pick(CLOSINGS).to_string());
    }
    let text = clauses.join(marks.comma) + marks.end;
    marks.requote(&text)
}

/// A number as writers type it: usually ASCII digits, sometimes full-width or in Chinese.
pub(super) fn number(rng: &mut Rng, n: usize) -> String {
    const ZH: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match rng.below(10) {
        0 => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c))
            .collect(),
        1 if n < 10 => ZH[n].to_string(),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flaw_group_has_several_predicates() {
        for (name, words) in FLAWS {
            assert!(words.len() >= 5, "{name}");
        }
    }

    #[test]
    fn the_same_theme_is_worded_differently_by_different_writers() {
        let mut rng = Rng::new(7);
        let texts: std::collections::HashSet<String> = (0..50)
            .map(|_| reword(&mut rng, "理论学习", flaw("deep"), "学习停留在面上"))
            .collect();
        assert!(texts.len() > 40, "{texts:?}");
        assert!(texts.iter().all(|t| t.contains("理论学习")));
    }
}
