//! Where in a JSON text an error is: the path (`measures[2].answers`) of the value at a line and
//! column, so that a reviewed file's mistake can be named by its item and field rather than by
//! serde's message.
//!
//! The text must already be valid JSON (it is scanned, not parsed).

/// One step of a path: an object's key or an array's index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Step {
    Key(String),
    Index(usize),
}

enum Frame {
    Object { key: Option<String>, in_key: bool },
    Array { index: usize },
}

/// The byte offset of serde_json's 1-based `line` and `column` (a byte count) in `text`.
pub(super) fn offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column).min(text.len())
}

/// The column of byte `offset` as people count it: characters from the start of its line, from 1.
pub(super) fn char_column(text: &str, offset: usize) -> usize {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..offset].chars().count().max(1)
}

/// The path of the innermost value open at byte `offset` (what was read before it).
pub(super) fn path_at(text: &str, offset: usize) -> Vec<Step> {
    let bytes = &text.as_bytes()[..offset.min(text.len())];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                in_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key, in_key }) => {
                    *key = None;
                    *in_key = true;
                }
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { in_key, .. }) = stack.last_mut() {
                    *in_key = false;
                }
            }
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, in_key: true }) = stack.last_mut() {
                    let raw = &bytes[start..i.min(bytes.len())];
                    *key = Some(String::from_utf8_lossy(raw).into_owned());
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack
        .into_iter()
        .filter_map(|frame| match frame {
            Frame::Object { key, .. } => key.map(Step::Key),
            Frame::Array { index } => Some(Step::Index(index)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> Step {
        Step::Key(k.to_string())
    }

    #[test]
    fn the_path_names_the_key_and_index_open_at_an_offset() {
        let text = r#"{"file": "总结.txt", "measures": [{"text": "甲"}, {"answers": [0, "x"]}]}"#;
        let at = text.find("\"x\"").unwrap() + 3;
        assert_eq!(
            path_at(text, at),
            [
                key("measures"),
                Step::Index(1),
                key("answers"),
                Step::Index(1)
            ]
        );
    }

    #[test]
    fn a_closed_object_is_no_longer_on_the_path() {
        let text = r#"[{"problems": [{"text": "a\"b"}]}, {"year": 1}]"#;
        let at = text.find("1}").unwrap();
        assert_eq!(path_at(text, at), [Step::Index(1), key("year")]);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\n  \"text\": \"问题\", x";
        let at = text.rfind('x').unwrap();
        assert_eq!(char_column(text, at), 16);
        assert_eq!(offset(text, 2, 18), text.find(',').unwrap());
    }
}
