//! A unit's own Word template (`--template-docx`): its page setup and its paragraph styles, put
//! in place of the 公文 defaults.
//!
//! From the template's last section (`w:sectPr` of the body) the writer takes the paper size,
//! the margins, the columns and the document grid; headers and footers are not taken, so the
//! pages keep their — 1 — numbers. From its `word/styles.xml` it takes every style and the
//! defaults. Each kind of line ([`Role`]) is matched to a template style by the style's name
//! (标题/Title, 一级标题/heading 1/标题 1, …); a matched line names that style and carries no
//! formatting of its own, so the template decides its look; a kind the template has no style for
//! keeps the 公文 style, added to the template's styles. Automatic numbering is taken off the
//! matched styles, because the text already numbers its headings (一、（一）).
//!
//! Reading the template is pure: the command reads the file and hands over its bytes.

use std::io::{Cursor, Read};

use zip::ZipArchive;

/// The kinds of line a template style can be matched to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Title,
    Heading1,
    Heading2,
    Body,
    Table,
}

impl Role {
    const ALL: [Role; 5] = [
        Role::Title,
        Role::Heading1,
        Role::Heading2,
        Role::Body,
        Role::Table,
    ];

    /// The style names that mean this kind of line, best first, lower-cased. Word stores the
    /// built-in styles under their English names (Chinese Word shows `heading 1` as 标题 1).
    fn names(self) -> &'static [&'static str] {
        match self {
            Role::Title => &["标题", "公文标题", "文件标题", "title"],
            Role::Heading1 => &["一级标题", "标题 1", "标题1", "heading 1"],
            Role::Heading2 => &["二级标题", "标题 2", "标题2", "heading 2"],
            Role::Body => &["正文", "公文正文", "body text", "正文文本", "normal"],
            Role::Table => &["表格文字", "表格正文", "表格"],
        }
    }

    fn index(self) -> usize {
        Role::ALL.iter().position(|r| *r == self).unwrap_or(0)
    }
}

/// Why a file cannot serve as a Word template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordTemplateFault {
    /// Not a zip package with a main document: not a .docx at all (a .doc, say).
    NotDocx,
    /// A .docx without `word/styles.xml` or without paragraph styles in it.
    NoStyles,
}

/// A unit's template, read and ready to be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordTemplate {
    /// The template's `word/styles.xml`, automatic numbering taken off the matched styles.
    styles: String,
    /// The template's style id for each [`Role`] (in `Role::ALL` order), if it has one.
    roles: [Option<String>; 5],
    /// `w:pgSz`, `w:pgMar`, `w:cols` and `w:docGrid` of the template's last section, as written.
    page: Vec<(&'static str, String)>,
}

/// The page-setup elements taken from the template's section, in schema order.
const PAGE_ELEMENTS: [&str; 4] = ["w:pgSz", "w:pgMar", "w:cols", "w:docGrid"];

impl WordTemplate {
    /// Reads a template from the bytes of its .docx (or .dotx) file.
    pub fn from_bytes(bytes: &[u8]) -> Result<WordTemplate, WordTemplateFault> {
        let mut archive =
            ZipArchive::new(Cursor::new(bytes)).map_err(|_| WordTemplateFault::NotDocx)?;
        let document =
            read_part(&mut archive, "word/document.xml").ok_or(WordTemplateFault::NotDocx)?;
        let styles =
            read_part(&mut archive, "word/styles.xml").ok_or(WordTemplateFault::NoStyles)?;
        let paragraph_styles: Vec<StyleEntry> = style_spans(&styles)
            .into_iter()
            .filter(|s| s.paragraph)
            .collect();
        if paragraph_styles.is_empty() {
            return Err(WordTemplateFault::NoStyles);
        }
        let mut roles: [Option<String>; 5] = Default::default();
        for role in Role::ALL {
            roles[role.index()] = role.names().iter().find_map(|wanted| {
                paragraph_styles
                    .iter()
                    .find(|s| s.name.to_lowercase() == *wanted)
                    .map(|s| s.id.clone())
            });
        }
        let matched: Vec<&StyleEntry> = paragraph_styles
            .iter()
            .filter(|s| roles.iter().flatten().any(|id| *id == s.id))
            .collect();
        let mut cleaned = styles.clone();
        // From the last style back, so the earlier spans stay where they were.
        for entry in matched.iter().rev() {
            let body = &styles[entry.span.0..entry.span.1];
            cleaned.replace_range(
                entry.span.0..entry.span.1,
                &without_element(body, "w:numPr"),
            );
        }
        let section = last_element(&document, "w:sectPr").unwrap_or_default();
        let page = PAGE_ELEMENTS
            .iter()
            .filter_map(|name| first_element(&section, name).map(|e| (*name, e)))
            .collect();
        Ok(WordTemplate {
            styles: cleaned,
            roles,
            page,
        })
    }

    /// The template's style for a kind of line, if it has one.
    pub(super) fn style_for(&self, role: Role) -> Option<&str> {
        self.roles[role.index()].as_deref()
    }

    /// The styles part of the result: the template's styles, with those of `ours` (the 公文
    /// styles) appended for each kind of line the template has no style for.
    pub(super) fn styles_xml(&self, ours: &str, our_ids: &[(Role, &str)]) -> String {
        let spans = style_spans(ours);
        let mut added = String::new();
        for (role, id) in our_ids {
            if self.style_for(*role).is_some() {
                continue;
            }
            if let Some(entry) = spans.iter().find(|s| s.id == *id) {
                added.push_str(&ours[entry.span.0..entry.span.1]);
            }
        }
        match self.styles.rfind("</w:styles>") {
            Some(end) => format!("{}{added}{}", &self.styles[..end], &self.styles[end..]),
            None => self.styles.clone(),
        }
    }

    /// The main document with the template's page setup in its last section, each element in
    /// place of ours (ours kept where the template says nothing).
    pub(super) fn document_xml(&self, ours: &str) -> String {
        let Some(start) = ours.rfind("<w:sectPr") else {
            return ours.to_string();
        };
        let mut section = ours[start..].to_string();
        for (name, theirs) in &self.page {
            section = match element_span(&section, name) {
                Some((a, b)) => format!("{}{theirs}{}", &section[..a], &section[b..]),
                None => match section
                    .find("<w:docGrid")
                    .or_else(|| section.find("</w:sectPr>"))
                {
                    Some(at) => format!("{}{theirs}{}", &section[..at], &section[at..]),
                    None => section,
                },
            };
        }
        format!("{}{section}", &ours[..start])
    }
}

fn read_part(archive: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let mut entry = archive.by_name(name).ok()?;
    let mut text = String::new();
    entry.read_to_string(&mut text).ok()?;
    Some(text)
}

/// One `w:style` of a styles part: where it is, its id, name and whether it styles paragraphs.
struct StyleEntry {
    span: (usize, usize),
    id: String,
    name: String,
    paragraph: bool,
}

/// Every `w:style` element of a styles part, in order.
fn style_spans(styles: &str) -> Vec<StyleEntry> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some((start, end)) = element_span(&styles[from..], "w:style") {
        let (start, end) = (from + start, from + end);
        let text = &styles[start..end];
        let open = &text[..text.find('>').unwrap_or(text.len())];
        let name = first_element(text, "w:name")
            .and_then(|n| attribute(&n, "w:val"))
            .unwrap_or_default();
        found.push(StyleEntry {
            span: (start, end),
            id: attribute(open, "w:styleId").unwrap_or_default(),
            name,
            paragraph: attribute(open, "w:type").as_deref() == Some("paragraph"),
        });
        from = end;
    }
    found
}

/// Where the first element `name` (empty or with content; not nested in itself) of `xml` starts
/// and ends. A tag that only starts with `name` (`w:styles` for `w:style`) does not count.
fn element_span(xml: &str, name: &str) -> Option<(usize, usize)> {
    let open = format!("<{name}");
    let mut from = 0;
    loop {
        let start = from + xml[from..].find(&open)?;
        let after = xml[start + open.len()..].chars().next()?;
        if !matches!(after, ' ' | '>' | '/' | '\t' | '\r' | '\n') {
            from = start + open.len();
            continue;
        }
        let tag_end = start + xml[start..].find('>')?;
        if xml[..tag_end].ends_with('/') {
            return Some((start, tag_end + 1));
        }
        let close = format!("</{name}>");
        let end = tag_end + xml[tag_end..].find(&close)? + close.len();
        return Some((start, end));
    }
}

fn first_element(xml: &str, name: &str) -> Option<String> {
    element_span(xml, name).map(|(a, b)| xml[a..b].to_string())
}

fn last_element(xml: &str, name: &str) -> Option<String> {
    let start = xml.rfind(&format!("<{name}"))?;
    element_span(&xml[start..], name).map(|(a, b)| xml[start + a..start + b].to_string())
}

fn without_element(xml: &str, name: &str) -> String {
    let mut out = xml.to_string();
    while let Some((a, b)) = element_span(&out, name) {
        out.replace_range(a..b, "");
    }
    out
}

/// The value of `key="…"` in a start tag.
fn attribute(tag: &str, key: &str) -> Option<String> {
    let at = tag.find(&format!(" {key}=\""))? + key.len() + 3;
    let end = at + tag[at..].find('"')?;
    Some(
        quick_xml::escape::unescape(&tag[at..end])
            .ok()?
            .into_owned(),
    )
}
