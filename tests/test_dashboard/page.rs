//! Reading what a dashboard page shows: the opening tags that carry a given data- attribute,
//! with their attributes (unescaped) and the text that follows each tag.

use std::collections::HashMap;

/// An opening tag: its attributes and the text up to the next tag.
#[derive(Debug)]
pub struct Tag {
    pub attrs: HashMap<String, String>,
    pub text: String,
}

impl Tag {
    pub fn get(&self, name: &str) -> &str {
        self.attrs
            .get(name)
            .map(String::as_str)
            .unwrap_or_else(|| panic!("no {name} in {:?}", self.attrs))
    }
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
}

/// Every opening tag of `html` that has the attribute `wanted`, in page order.
pub fn tags_with(html: &str, wanted: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('>') else { break };
        let inside = &after[..end];
        let following = &after[end + 1..];
        let text = &following[..following.find('<').unwrap_or(following.len())];
        rest = following;
        let attrs = attributes(inside);
        if attrs.contains_key(wanted) {
            tags.push(Tag {
                attrs,
                text: unescape(text.trim()),
            });
        }
    }
    tags
}

/// The `name="value"` pairs of a tag's inside.
fn attributes(inside: &str) -> HashMap<String, String> {
    let mut attrs = HashMap::new();
    let mut rest = inside;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].rsplit(char::is_whitespace).next().unwrap_or("");
        let value_start = &rest[eq + 2..];
        let Some(close) = value_start.find('"') else {
            break;
        };
        attrs.insert(name.to_string(), unescape(&value_start[..close]));
        rest = &value_start[close + 1..];
    }
    attrs
}
