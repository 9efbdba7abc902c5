//! Matching what a later summary reports to the earlier items it is about.
//!
//! A report rarely repeats the problem word for word ("针对理论学习不够深入的问题，组织专题研讨四次，
//! 已完成整改"), so matching is by similarity, and it is cautious: a report is matched only when its
//! best candidate is clearly similar and clearly better than the runner-up, and each candidate is
//! matched at most once. Anything else is left unmatched for a person to decide.

use super::similarity::Profile;

/// The least similarity for a match.
pub const MIN_SCORE: f64 = 0.15;
/// How much better the best candidate must be than the second best.
pub const MIN_MARGIN: f64 = 0.08;

/// For each report, the index of the candidate it matches and the score, or `None`.
///
/// Pairs are taken greedily, best score first, so two reports never claim the same candidate.
pub fn match_reports(reports: &[&str], candidates: &[&str]) -> Vec<Option<(usize, f64)>> {
    let candidate_profiles: Vec<Profile> = candidates.iter().map(|c| Profile::new(c)).collect();
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    for (r, report) in reports.iter().enumerate() {
        let profile = Profile::new(report);
        let mut scores: Vec<(usize, f64)> = candidate_profiles
            .iter()
            .enumerate()
            .map(|(c, candidate)| (c, profile.cosine(candidate)))
            .collect();
        scores.sort_by(|a, b| b.1.total_cmp(&a.1));
        let second = scores.get(1).map_or(0.0, |s| s.1);
        if let Some(&(c, best)) = scores.first() {
            if best >= MIN_SCORE && best - second >= MIN_MARGIN {
                pairs.push((r, c, best));
            }
        }
    }
    pairs.sort_by(|a, b| b.2.total_cmp(&a.2));
    let mut result = vec![None; reports.len()];
    let mut taken = vec![false; candidates.len()];
    for (r, c, score) in pairs {
        if !taken[c] {
            taken[c] = true;
            result[r] = Some((c, score));
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROBLEMS: [&str; 3] = [
        "理论学习与业务工作结合不够紧密，学用脱节现象仍然存在",
        "个别党支部“三会一课”记录不规范，存在会后补记现象",
        "调查研究深度不够，对预算绩效管理中的难点问题破解办法不多",
    ];

    #[test]
    fn a_report_that_restates_its_problem_is_matched() {
        let reports = [
            "针对“三会一课”记录不规范的问题，开展记录自查，建立按月抽查制度，已完成整改",
            "围绕预算绩效管理难点开展专题调研，调查研究持续推进",
        ];
        let matched = match_reports(&reports, &PROBLEMS);
        assert_eq!(matched[0].map(|m| m.0), Some(1));
        assert_eq!(matched[1].map(|m| m.0), Some(2));
    }

    #[test]
    fn a_report_about_something_else_is_left_unmatched() {
        let matched = match_reports(&["全年完成政府采购项目评审五十余项，已完成"], &PROBLEMS);
        assert_eq!(matched, [None]);
    }

    #[test]
    fn two_reports_never_claim_the_same_problem() {
        let reports = [
            "三会一课记录不规范问题已整改",
            "三会一课记录不规范问题仍在整改",
        ];
        let matched = match_reports(&reports, &PROBLEMS);
        let claimed: Vec<usize> = matched.iter().flatten().map(|m| m.0).collect();
        assert_eq!(claimed, [1]);
    }

    #[test]
    fn nothing_matches_when_there_are_no_candidates() {
        assert_eq!(match_reports(&["已完成整改"], &[]), [None]);
    }
}
