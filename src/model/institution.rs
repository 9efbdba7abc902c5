//! 建章立制: a measure that creates, revises or abolishes a rule (制度, 办法, 规定, 细则 …), as
//! the genre counts them (`新建制度3项、修订完善2项、废止1项`). Read from the measure's words,
//! unless the user set it (`measure add|edit --institution`): [`Institution::for_measure`] makes
//! that choice for every place that shows it.

use serde::Serialize;

/// What a measure does to the unit's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Institution {
    /// 制定, 出台, 建立, 印发 … a new rule.
    New,
    /// 修订, 完善, 修改 … an existing rule.
    Revise,
    /// 废止, 废除, 清理 … a rule withdrawn.
    Abolish,
}

/// What the user said a measure does to the unit's rules (`--institution`), overriding its words.
/// A measure without a setting is read from its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InstitutionSetting {
    New,
    Revise,
    Abolish,
    /// Not 建章立制, whatever its words say.
    #[serde(rename = "none")]
    NotARule,
}

impl InstitutionSetting {
    /// Every setting, in the order help lists them.
    pub const EVERY: [InstitutionSetting; 4] = [
        InstitutionSetting::New,
        InstitutionSetting::Revise,
        InstitutionSetting::Abolish,
        InstitutionSetting::NotARule,
    ];

    /// The stored code: `new`, `revise`, `abolish` or `none`.
    pub fn code(self) -> &'static str {
        match self {
            InstitutionSetting::New => "new",
            InstitutionSetting::Revise => "revise",
            InstitutionSetting::Abolish => "abolish",
            InstitutionSetting::NotARule => "none",
        }
    }

    /// The setting with this stored code, or `None`.
    pub fn from_code(code: &str) -> Option<InstitutionSetting> {
        Self::EVERY.into_iter().find(|s| s.code() == code)
    }

    /// What the setting says the measure does: `None` for [`InstitutionSetting::NotARule`].
    pub fn institution(self) -> Option<Institution> {
        match self {
            InstitutionSetting::New => Some(Institution::New),
            InstitutionSetting::Revise => Some(Institution::Revise),
            InstitutionSetting::Abolish => Some(Institution::Abolish),
            InstitutionSetting::NotARule => None,
        }
    }
}

/// The nouns of a rule. 机制 and 体系 are left out: the genre uses them for ways of working, not
/// for documents one can count.
const RULES: &[&str] = &[
    "制度",
    "办法",
    "规定",
    "细则",
    "规则",
    "规程",
    "章程",
    "守则",
    "准则",
    "实施方案",
];

/// Verbs by what they do to a rule, the stronger reading first (废止 before 完善).
const VERBS: &[(&str, Institution)] = &[
    ("废止", Institution::Abolish),
    ("废除", Institution::Abolish),
    ("清理废止", Institution::Abolish),
    ("修订", Institution::Revise),
    ("修改", Institution::Revise),
    ("完善", Institution::Revise),
    ("健全", Institution::Revise),
    ("制定", Institution::New),
    ("制订", Institution::New),
    ("出台", Institution::New),
    ("印发", Institution::New),
    ("新建", Institution::New),
    ("建立", Institution::New),
    ("起草", Institution::New),
];

impl Institution {
    /// What `text` (a measure's title and text) does to a rule: the verb before the first rule
    /// noun of a clause. `建立健全…制度` creates one; `修订完善…办法` revises one.
    pub fn of(text: &str) -> Option<Institution> {
        text.split(['，', '。', '；', ',', ';', '\n'])
            .find_map(|clause| {
                let noun = RULES.iter().filter_map(|n| clause.find(n)).min()?;
                let before = &clause[..noun];
                VERBS
                    .iter()
                    .filter_map(|(verb, what)| before.find(verb).map(|at| (at, *what)))
                    .min_by_key(|(at, _)| *at)
                    .map(|(_, what)| what)
            })
    }

    /// What a measure does to a rule: its setting when the user gave one (`none`: nothing), else
    /// what its title and text say ([`Institution::of`]). Every place that shows a measure's
    /// 建章立制 asks this.
    pub fn for_measure(
        setting: Option<InstitutionSetting>,
        title: Option<&str>,
        text: &str,
    ) -> Option<Institution> {
        match setting {
            Some(setting) => setting.institution(),
            None => Institution::of(&format!("{}，{}", title.unwrap_or(""), text)),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Institution::New => "new",
            Institution::Revise => "revise",
            Institution::Abolish => "abolish",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_measure_that_issues_a_rule_creates_one() {
        assert_eq!(
            Institution::of("制定《机关公务接待管理办法》，规范接待流程"),
            Some(Institution::New)
        );
        assert_eq!(
            Institution::of("建立健全财务内控制度"),
            Some(Institution::New)
        );
    }

    #[test]
    fn revising_and_abolishing_are_told_apart() {
        assert_eq!(
            Institution::of("修订完善差旅费报销规定"),
            Some(Institution::Revise)
        );
        assert_eq!(
            Institution::of("对不合时宜的文件进行清理，废止制度2项"),
            Some(Institution::Abolish)
        );
    }

    #[test]
    fn a_setting_overrides_the_words_and_none_says_no_rule() {
        let text = "修订完善差旅费报销规定";
        assert_eq!(
            Institution::for_measure(None, None, text),
            Some(Institution::Revise)
        );
        assert_eq!(
            Institution::for_measure(Some(InstitutionSetting::New), None, text),
            Some(Institution::New)
        );
        assert_eq!(
            Institution::for_measure(Some(InstitutionSetting::NotARule), None, text),
            None
        );
        assert_eq!(
            Institution::for_measure(Some(InstitutionSetting::Abolish), None, "加强理论学习"),
            Some(Institution::Abolish)
        );
    }

    #[test]
    fn the_title_is_read_with_the_text() {
        assert_eq!(
            Institution::for_measure(None, Some("制定接待管理办法"), "规范接待流程"),
            Some(Institution::New)
        );
    }

    #[test]
    fn every_setting_reads_back_from_its_code() {
        for setting in InstitutionSetting::EVERY {
            assert_eq!(InstitutionSetting::from_code(setting.code()), Some(setting));
        }
        assert_eq!(InstitutionSetting::from_code("auto"), None);
    }

    #[test]
    fn ways_of_working_and_plain_measures_are_not_rules() {
        assert_eq!(Institution::of("完善联系基层工作机制"), None);
        assert_eq!(Institution::of("加强理论学习，每月开展一次研讨"), None);
        // The noun comes before the verb: no rule is made here.
        assert_eq!(Institution::of("制度执行情况开展检查，推动落实"), None);
    }
}
