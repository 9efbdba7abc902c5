//! What an event of the history records: one closed set of actions, written by one function
//! (`Ctx::record`) and shown by one exhaustive match (`render::history`), so a new kind of change
//! cannot be written without saying how it is shown. (Undo does not need one: the store logs the
//! revert of every change itself.)

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// The kinds of change the event log records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Create,
    Edit,
    Link,
    Unlink,
    Progress,
    Alias,
    Carry,
    Recur,
    Merge,
    Delete,
    Undo,
    UnitMerge,
}

impl Action {
    pub const ALL: [Action; 12] = [
        Action::Create,
        Action::Edit,
        Action::Link,
        Action::Unlink,
        Action::Progress,
        Action::Alias,
        Action::Carry,
        Action::Recur,
        Action::Merge,
        Action::Delete,
        Action::Undo,
        Action::UnitMerge,
    ];

    /// The stable code stored in the log and printed in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Edit => "edit",
            Action::Link => "link",
            Action::Unlink => "unlink",
            Action::Progress => "progress",
            Action::Alias => "alias",
            Action::Carry => "carry",
            Action::Recur => "recur",
            Action::Merge => "merge",
            Action::Delete => "delete",
            Action::Undo => "undo",
            Action::UnitMerge => "unit_merge",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Action {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl FromStr for Action {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        Action::ALL
            .into_iter()
            .find(|a| a.code() == text)
            .ok_or_else(|| text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back_from_its_code() {
        for action in Action::ALL {
            assert_eq!(action.code().parse::<Action>(), Ok(action));
        }
        assert!("rename".parse::<Action>().is_err());
    }
}
