//! Turning a file's bytes into text: strict UTF-8 (BOM stripped) first, then GB18030 (which
//! covers GBK and GB2312, the encodings Windows saves Chinese text in), unless the user names the
//! encoding. Line ends become `\n`. Empty files and binary junk are refused.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

use super::ImportError;

/// Decodes `bytes`; `encoding` (utf-8, gbk, gb18030, gb2312, big5, utf-16le …) overrides detection.
pub fn decode(bytes: &[u8], encoding: Option<&str>) -> Result<String, ImportError> {
    let text = match encoding {
        Some(label) => decode_as(bytes, label)?,
        None => detect(bytes)?,
    };
    let text = normalise_line_ends(&text);
    if text.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
        return Err(ImportError::Empty);
    }
    if looks_binary(&text) {
        return Err(ImportError::Binary);
    }
    Ok(text)
}

fn detect(bytes: &[u8]) -> Result<String, ImportError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(str::to_string)
            .map_err(|_| ImportError::WrongEncoding("utf-8".into()));
    }
    for (bom, encoding) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return encoding
                .decode_without_bom_handling_and_without_replacement(rest)
                .map(|t| t.into_owned())
                .ok_or_else(|| ImportError::WrongEncoding(encoding.name().to_lowercase()));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    if bytes.contains(&0) {
        return Err(ImportError::Binary);
    }
    GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| t.into_owned())
        .ok_or(ImportError::UnknownText)
}

fn decode_as(bytes: &[u8], label: &str) -> Result<String, ImportError> {
    let label = label.trim();
    let encoding = Encoding::for_label(label.as_bytes())
        .or_else(|| Encoding::for_label(label.replace('_', "-").as_bytes()))
        .ok_or_else(|| ImportError::UnknownEncoding(label.to_string()))?;
    let bytes = match Encoding::for_bom(bytes) {
        Some((found, len)) if found == encoding => &bytes[len..],
        _ => bytes,
    };
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| t.into_owned())
        .ok_or_else(|| ImportError::WrongEncoding(label.to_string()))
}

fn normalise_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Control characters other than tab, newline and form feed mean this is not a text file.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(65_536) {
        total += 1;
        if c == '\0' || (c.is_control() && !matches!(c, '\n' | '\t' | '\u{c}' | '\u{b}')) {
            control += 1;
        }
    }
    control > 0 && (text.contains('\0') || control * 100 > total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_a_bom_loses_the_bom() {
        let bytes = "\u{feff}临江市财政局".as_bytes();
        assert_eq!(decode(bytes, None).unwrap(), "临江市财政局");
    }

    #[test]
    fn gb18030_is_detected_when_utf8_fails() {
        let (bytes, _, _) = GB18030.encode("存在问题及下一步打算");
        assert_eq!(decode(&bytes, None).unwrap(), "存在问题及下一步打算");
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(decode(b"a\r\nb\rc", None).unwrap(), "a\nb\nc");
    }

    #[test]
    fn a_named_encoding_overrides_detection() {
        let (bytes, _, _) = GB18030.encode("整改");
        assert_eq!(decode(&bytes, Some("gbk")).unwrap(), "整改");
        assert_eq!(decode(&bytes, Some("GB2312")).unwrap(), "整改");
        assert!(matches!(
            decode(&bytes, Some("utf-8")),
            Err(ImportError::WrongEncoding(_))
        ));
        assert!(matches!(
            decode(b"x", Some("klingon")),
            Err(ImportError::UnknownEncoding(_))
        ));
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert!(matches!(decode(b"", None), Err(ImportError::Empty)));
        assert!(matches!(
            decode(" \r\n\t".as_bytes(), None),
            Err(ImportError::Empty)
        ));
        assert!(matches!(
            decode("\u{feff}\u{3000}".as_bytes(), None),
            Err(ImportError::Empty)
        ));
    }

    #[test]
    fn binary_junk_is_refused() {
        assert!(matches!(
            decode(&[0x00, 0x01, 0x02, 0xff, 0xfe, 0x00], None),
            Err(ImportError::Binary)
        ));
        assert!(decode(&[0x81, 0x20, 0xff, 0x80, 0x81], None).is_err());
        assert!(matches!(
            decode(b"text\x01\x02\x03\x04", None),
            Err(ImportError::Binary)
        ));
    }
}
