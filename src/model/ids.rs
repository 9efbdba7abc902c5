//! Item ids: whether an item is a problem or a measure, and the short id people type (`P12`,
//! `M34`), parsed and printed.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Whether an item is a problem (问题) or a measure (整改措施).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Problem,
    Measure,
}

impl ItemKind {
    pub fn code(self) -> &'static str {
        match self {
            ItemKind::Problem => "problem",
            ItemKind::Measure => "measure",
        }
    }

    fn prefix(self) -> char {
        match self {
            ItemKind::Problem => 'P',
            ItemKind::Measure => 'M',
        }
    }
}

/// The short, typeable id of an item: `P12` for problem 12, `M34` for measure 34.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId {
    pub kind: ItemKind,
    pub num: i64,
}

impl ItemId {
    pub fn problem(num: i64) -> Self {
        ItemId {
            kind: ItemKind::Problem,
            num,
        }
    }

    pub fn measure(num: i64) -> Self {
        ItemId {
            kind: ItemKind::Measure,
            num,
        }
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.kind.prefix(), self.num)
    }
}

impl FromStr for ItemId {
    type Err = Error;

    /// Accepts `P12`, `p12`, `M3`; anything else is a malformed id.
    fn from_str(text: &str) -> Result<Self, Error> {
        let trimmed = text.trim();
        let mut chars = trimmed.chars();
        let kind = match chars.next() {
            Some('P' | 'p') => ItemKind::Problem,
            Some('M' | 'm') => ItemKind::Measure,
            _ => return Err(Error::MalformedId(text.to_string())),
        };
        let digits = chars.as_str();
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(Error::MalformedId(text.to_string()));
        }
        match digits.parse::<i64>() {
            Ok(num) if num > 0 => Ok(ItemId { kind, num }),
            _ => Err(Error::MalformedId(text.to_string())),
        }
    }
}

impl Serialize for ItemId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
