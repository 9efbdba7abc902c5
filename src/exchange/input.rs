//! Reading an input file whole, within a stated size: a summary, a ledger or an export that is
//! larger than any real one, or a FIFO or device that never ends, is refused before it is read.
//! The path `-` is standard input (`cat 总结.txt | taizhang import -`), read up to the same limit.

use std::io::Read;
use std::path::Path;

use crate::error::messages::IoReason;
use crate::error::{Error, Msg, Refusal, Result};

/// The largest summary (.docx, .txt, .md) `import` reads.
pub const SUMMARY_LIMIT: u64 = 20 * 1024 * 1024;
/// The largest ledger (.xlsx, .csv) or export (.json) `import` reads.
pub const LEDGER_LIMIT: u64 = 50 * 1024 * 1024;

/// Refuses `path` unless it is a regular file of at most `limit` bytes (checked before reading).
pub fn check(path: &Path, limit: u64) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| unreadable(path, &e))?;
    if !meta.is_file() {
        return Err(Msg::InputNotRegular {
            path: path.display().to_string(),
        }
        .into());
    }
    if meta.len() > limit {
        return Err(too_large(path, limit));
    }
    Ok(())
}

/// Whether `path` is `-`, standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The bytes of `path`, after [`check`]; a file that grows past `limit` while read is refused.
/// `-` reads standard input to its end, refused past `limit` too.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>> {
    if is_stdin(path) {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Refusal::StdinUnreadable {
                reason: IoReason::from(&e),
            })?;
        if bytes.len() as u64 > limit {
            return Err(too_large(path, limit));
        }
        return Ok(bytes);
    }
    check(path, limit)?;
    let unreadable = |e: std::io::Error| unreadable(path, &e);
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, limit));
    }
    Ok(bytes)
}

fn too_large(path: &Path, limit: u64) -> Error {
    Msg::InputTooLarge {
        path: path.display().to_string(),
        mb: limit / (1024 * 1024),
    }
    .into()
}

/// `cannot read PATH (why); check the path`, in the catalogue's words.
pub fn unreadable(path: &Path, e: &std::io::Error) -> Error {
    Msg::CannotRead {
        path: path.display().to_string(),
        reason: e.into(),
    }
    .into()
}
