//! The dashboard's charts as inline SVG, drawn here and nowhere else: no script, no library, no
//! font of their own. Horizontal positions are percentages of the chart's width, so one chart
//! fills a phone's width as well as a wide screen's, and text keeps its size (14 px) at both.
//!
//! Every text that reaches a chart is escaped by [`escape`]; the figures are already computed.

use std::fmt::Write;

/// Escapes text for HTML and SVG, in element content and in quoted attributes alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One bar of a rate chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RateBar {
    /// The group as its figures name it: a year or a unit's name.
    pub group: String,
    /// The group as the chart shows it.
    pub label: String,
    /// Whole percent, or `None` when nothing counts towards the rate.
    pub rate: Option<u32>,
    /// A short note on the right of the label (how many items the rate is over).
    pub note: String,
}

/// The colour of a rate: green from 90 %, amber from 60 %, red below.
fn rate_colour(rate: u32) -> &'static str {
    match rate {
        90.. => "#2e7d32",
        60.. => "#d98c00",
        _ => "#c62828",
    }
}

/// How much of the width the bar's track takes; the rest holds the figure.
const TRACK: f64 = 82.0;
const ROW: u32 = 46;

/// A horizontal bar chart of completion rates, one bar per group, each bar a `<g class="bar">`
/// carrying its chart, group and rate in `data-chart`, `data-group` and `data-rate` (empty when there is none).
pub fn rate_chart(chart: &str, title: &str, bars: &[RateBar]) -> String {
    let height = ROW * bars.len().max(1) as u32 + 4;
    let mut svg = format!(
        "<svg class=\"chart\" data-chart=\"{chart}\" width=\"100%\" height=\"{height}\" role=\"img\" \
         aria-label=\"{title}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{title}</title>",
        chart = escape(chart),
        title = escape(title),
    );
    for (i, bar) in bars.iter().enumerate() {
        let top = ROW * i as u32;
        let rate = bar.rate.map(|r| r.to_string()).unwrap_or_default();
        let (width, colour, figure) = match bar.rate {
            Some(r) => (
                f64::from(r.min(100)) * TRACK / 100.0,
                rate_colour(r),
                format!("{r}%"),
            ),
            None => (0.0, "#9e9e9e", "—".to_string()),
        };
        let _ = write!(
            svg,
            "<g class=\"bar\" data-chart=\"{chart}\" data-group=\"{group}\" data-rate=\"{rate}\">\
             <text x=\"0\" y=\"{label_y}\" font-size=\"14\" fill=\"#222\">{label}</text>\
             <text x=\"{TRACK}%\" y=\"{label_y}\" font-size=\"12\" fill=\"#666\" text-anchor=\"end\">{note}</text>\
             <rect x=\"0\" y=\"{bar_y}\" width=\"{TRACK}%\" height=\"16\" rx=\"3\" fill=\"#eceff1\"/>\
             <rect x=\"0\" y=\"{bar_y}\" width=\"{width:.2}%\" height=\"16\" rx=\"3\" fill=\"{colour}\"/>\
             <text x=\"100%\" y=\"{figure_y}\" font-size=\"15\" font-weight=\"bold\" fill=\"{colour}\" \
             text-anchor=\"end\">{figure}</text></g>",
            chart = escape(chart),
            group = escape(&bar.group),
            label = escape(&bar.label),
            note = escape(&bar.note),
            label_y = top + 16,
            bar_y = top + 22,
            figure_y = top + 35,
        );
    }
    if bars.is_empty() {
        svg.push_str("<text x=\"0\" y=\"28\" font-size=\"14\" fill=\"#666\">暂无数据</text>");
    }
    svg.push_str("</svg>");
    svg
}

/// One part of a stacked bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub label: String,
    pub count: usize,
    pub colour: &'static str,
}

/// A bar split into its parts (items by status), each as wide as its share of the whole; the
/// empty parts are left out and the label is on the left.
pub fn stacked_bar(title: &str, parts: &[Part]) -> String {
    let total: usize = parts.iter().map(|p| p.count).sum();
    let mut svg = format!(
        "<svg class=\"stack\" width=\"100%\" height=\"28\" role=\"img\" aria-label=\"{title}\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title>{title}</title>",
        title = escape(title),
    );
    if total == 0 {
        svg.push_str(
            "<rect x=\"0\" y=\"4\" width=\"100%\" height=\"20\" rx=\"3\" fill=\"#eceff1\"/>",
        );
    }
    let mut start = 0usize;
    for part in parts.iter().filter(|p| p.count > 0) {
        let x = start as f64 * 100.0 / total as f64;
        let width = part.count as f64 * 100.0 / total as f64;
        let _ = write!(
            svg,
            "<rect x=\"{x:.3}%\" y=\"4\" width=\"{width:.3}%\" height=\"20\" fill=\"{colour}\">\
             <title>{label} {count}</title></rect>",
            colour = part.colour,
            label = escape(&part.label),
            count = part.count,
        );
        start += part.count;
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_in_content_and_attributes() {
        assert_eq!(
            escape("<b>\"甲&乙'</b>"),
            "&lt;b&gt;&quot;甲&amp;乙&#39;&lt;/b&gt;"
        );
        let chart = rate_chart(
            "unit",
            "完成率",
            &[RateBar {
                group: "<script>".into(),
                label: "<script>".into(),
                rate: Some(50),
                note: "问题2项".into(),
            }],
        );
        assert!(!chart.contains("<script>"), "{chart}");
        assert!(chart.contains("data-group=\"&lt;script&gt;\""), "{chart}");
    }

    #[test]
    fn a_bar_is_as_long_as_its_rate_and_shows_it() {
        let bars = [
            RateBar {
                group: "2024".into(),
                label: "2024年度".into(),
                rate: Some(50),
                note: String::new(),
            },
            RateBar {
                group: "2025".into(),
                label: "2025年度".into(),
                rate: None,
                note: String::new(),
            },
        ];
        let chart = rate_chart("year", "完成率", &bars);
        assert!(chart.contains("width=\"41.00%\""), "{chart}");
        assert!(chart.contains(">50%</text>"), "{chart}");
        assert!(chart.contains("data-rate=\"\""), "{chart}");
        assert!(chart.contains(">—</text>"), "{chart}");
        assert_eq!(chart.matches("class=\"bar\"").count(), 2);
    }

    #[test]
    fn the_parts_of_a_stacked_bar_fill_its_width() {
        let parts = [
            Part {
                label: "已完成".into(),
                count: 3,
                colour: "#2e7d32",
            },
            Part {
                label: "未启动".into(),
                count: 0,
                colour: "#999",
            },
            Part {
                label: "正在整改".into(),
                count: 1,
                colour: "#1565c0",
            },
        ];
        let bar = stacked_bar("问题", &parts);
        assert!(
            bar.contains("x=\"0.000%\" y=\"4\" width=\"75.000%\""),
            "{bar}"
        );
        assert!(
            bar.contains("x=\"75.000%\" y=\"4\" width=\"25.000%\""),
            "{bar}"
        );
        assert!(!bar.contains("未启动"), "empty parts are left out: {bar}");
    }
}
