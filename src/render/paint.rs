//! Colour on a terminal: the three lights of a ledger (逾期 red, 30 天内到期 yellow, 已完成 green)
//! and whether to show them at all (`--color`).
//!
//! Colour is laid over text after it has been fitted to the width, a line at a time, so an escape
//! sequence never counts towards a line's width and never spans a line break. Whether to colour is
//! decided once per run ([`super::table::colour_wanted`] reads the terminal and the environment,
//! beside the width) and carried as a [`Paint`]; JSON, CSV and Markdown are never coloured.

use crossterm::style::{Color, Colored, Stylize};

/// When to colour (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when printing to a terminal and NO_COLOR is not set
    #[default]
    Auto,
    /// Always colour, even into a pipe or a file
    Always,
    /// Never colour
    Never,
}

/// What a cell's colour says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// The red light: past its deadline and not done (逾期).
    Overdue,
    /// The yellow light: open and due within 30 days.
    DueSoon,
    /// Green: done (已完成).
    Done,
}

impl Tone {
    /// The terminal colour of the tone (one of the eight standard colours).
    pub fn color(self) -> Color {
        match self {
            Tone::Overdue => Color::DarkRed,
            Tone::DueSoon => Color::DarkYellow,
            Tone::Done => Color::DarkGreen,
        }
    }

    /// The same colour as comfy-table names it, for table cells.
    pub fn table_color(self) -> comfy_table::Color {
        match self {
            Tone::Overdue => comfy_table::Color::DarkRed,
            Tone::DueSoon => comfy_table::Color::DarkYellow,
            Tone::Done => comfy_table::Color::DarkGreen,
        }
    }
}

/// Whether this run colours its output: off unless the output is a table for people and
/// `--color` (with the terminal and `NO_COLOR`) asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Paint {
    on: bool,
}

impl Paint {
    /// No colour.
    pub const OFF: Paint = Paint { on: false };

    /// Colour when `on`.
    pub fn new(on: bool) -> Paint {
        if on {
            // The styling library keeps its own reading of NO_COLOR; the decision made here
            // (which honours NO_COLOR unless --color always said otherwise) is the one that counts.
            Colored::set_ansi_color_disabled(false);
        }
        Paint { on }
    }

    pub fn is_on(self) -> bool {
        self.on
    }

    /// `text` in the colour of `tone`, each line coloured on its own (so a line break never falls
    /// inside a colour); as it is when colour is off, there is no tone or the line is empty.
    pub fn text(self, tone: Option<Tone>, text: &str) -> String {
        match tone.filter(|_| self.on) {
            None => text.to_string(),
            Some(tone) => text
                .split('\n')
                .map(|line| {
                    if line.is_empty() {
                        String::new()
                    } else {
                        line.with(tone.color()).to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// The lines of a text in which some runs have a tone, fitted by `fit` first and coloured
    /// after: `fit` may only drop whitespace (as the wrappers do), so each character it keeps is
    /// traced back to its part.
    pub fn fitted(
        self,
        parts: &[(&str, Option<Tone>)],
        fit: impl FnOnce(&str) -> Vec<String>,
    ) -> Vec<String> {
        let plain: String = parts.iter().map(|(text, _)| *text).collect();
        let lines = fit(&plain);
        if !self.on {
            return lines;
        }
        let tones: Vec<(char, Option<Tone>)> = parts
            .iter()
            .flat_map(|(text, tone)| text.chars().map(move |c| (c, *tone)))
            .collect();
        let mut source = tones.iter();
        lines
            .iter()
            .map(|line| {
                let mut out = String::new();
                let mut run = String::new();
                let mut run_tone = None;
                for c in line.chars() {
                    // Characters the fitting dropped are skipped.
                    let tone = source.by_ref().find(|(s, _)| *s == c).and_then(|(_, t)| *t);
                    if tone != run_tone {
                        out.push_str(&self.text(run_tone, &run));
                        run.clear();
                        run_tone = tone;
                    }
                    run.push(c);
                }
                out.push_str(&self.text(run_tone, &run));
                out
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RED: &str = "\u{1b}[38;5;1m";
    const GREEN: &str = "\u{1b}[38;5;2m";
    const END: &str = "\u{1b}[39m";

    #[test]
    fn each_line_of_a_coloured_text_is_coloured_on_its_own() {
        let text = Paint::new(true).text(Some(Tone::Done), "已完成\n（据2023总结）");
        assert_eq!(
            text,
            format!("{GREEN}已完成{END}\n{GREEN}（据2023总结）{END}")
        );
    }

    #[test]
    fn without_colour_or_tone_text_is_left_as_it_is() {
        assert_eq!(Paint::OFF.text(Some(Tone::Overdue), "逾期3天"), "逾期3天");
        assert_eq!(Paint::new(true).text(None, "正在整改"), "正在整改");
    }

    #[test]
    fn runs_keep_their_colour_across_the_lines_they_are_wrapped_onto() {
        let parts = [
            ("共 3 项，", None),
            ("逾期 2 项", Some(Tone::Overdue)),
            ("。", None),
        ];
        let lines = Paint::new(true).fitted(&parts, |text| crate::render::wrap::wrap(text, 10));
        assert_eq!(
            lines,
            [
                "共 3 项，".to_string(),
                format!("{RED}逾期 2{END}"),
                format!("{RED}项{END}。")
            ]
        );
        let plain = Paint::OFF.fitted(&parts, |text| crate::render::wrap::wrap(text, 10));
        assert_eq!(plain, ["共 3 项，", "逾期 2", "项。"]);
    }
}
