//! Writing output files safely — the one way every command writes a file (`report -o`, `export`,
//! `backup`): never over the store (also through a link), never over an existing file unless
//! told to (`--force`), never through a symbolic link or into a device, and never half a file:
//! the bytes go to a temporary file created exclusively in the target's folder (a random name
//! that nobody can plant beforehand), are flushed to disk, and are then renamed into place.
//! `-` means standard output.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Msg, Result};

/// Where output went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    File(PathBuf),
    Stdout,
}

/// Whether `path` is `-`, standard output.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// True when `a` and `b` name the same file (through links, or as hard links of one file).
pub fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(a), Ok(b)) = (a.canonicalize(), b.canonicalize()) {
        if a == b {
            return true;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

/// Checks that `path` may be written: not the store, not a link, a device or a folder, and not an
/// existing file unless `force`. Commands call it before doing their work, so a refused target
/// costs nothing; [`write`] checks again when it writes.
pub fn check_target(path: &Path, force: bool, store: Option<&Path>) -> Result<()> {
    if is_stdout(path) {
        return Ok(());
    }
    let shown = || path.display().to_string();
    if store.is_some_and(|store| same_file(path, store) || same_file(path, &wal_of(store))) {
        return Err(Msg::TargetIsStore { path: shown() }.into());
    }
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            Err(Msg::TargetIsLink { path: shown() }.into())
        }
        Ok(meta) if meta.is_dir() => Err(Msg::TargetIsFolder { path: shown() }.into()),
        Ok(meta) if !meta.is_file() => Err(Msg::TargetNotRegular { path: shown() }.into()),
        Ok(_) if !force => Err(Msg::FileExists { path: shown() }.into()),
        _ => Ok(()),
    }
}

fn wal_of(store: &Path) -> PathBuf {
    let mut name = store.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// Writes `bytes` to `path` (or to `stdout` for `-`) as the module says.
pub fn write(
    path: &Path,
    bytes: &[u8],
    force: bool,
    store: Option<&Path>,
    stdout: &mut dyn Write,
) -> Result<Written> {
    if is_stdout(path) {
        stdout.write_all(bytes)?;
        stdout.flush()?;
        return Ok(Written::Stdout);
    }
    check_target(path, force, store)?;
    let mut partial = partial_beside(path)?;
    partial
        .write_all(bytes)
        .map_err(|e| cannot_write(path, e))?;
    partial
        .as_file()
        .sync_all()
        .map_err(|e| cannot_write(path, e))?;
    persist(partial, path, force)
}

/// Writes `path` as [`write`] does, for writers that need a path rather than bytes (SQLite's
/// backup): `fill` writes the temporary file at the path it is given (created empty and
/// exclusively in the target's folder), which is then flushed and renamed into place. When `fill`
/// fails, the temporary file is removed and nothing appears at `path`.
pub fn write_with(
    path: &Path,
    force: bool,
    store: Option<&Path>,
    fill: impl FnOnce(&Path) -> Result<()>,
) -> Result<Written> {
    check_target(path, force, store)?;
    let partial = partial_beside(path)?;
    fill(partial.path())?;
    std::fs::File::open(partial.path())
        .and_then(|f| f.sync_all())
        .map_err(|e| cannot_write(path, e))?;
    persist(partial, path, force)
}

/// A free name beside `store` for a copy of it: `<stem>-backup-<stamp>.db`, or with `-2`, `-3`…
/// after the stamp when that name is taken (two backups in one second).
pub fn backup_name(store: &Path, stamp: &str) -> PathBuf {
    let stem = store
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "taizhang".to_string());
    let folder = store.parent().unwrap_or(Path::new(""));
    let taken = |p: &Path| std::fs::symlink_metadata(p).is_ok();
    let first = folder.join(format!("{stem}-backup-{stamp}.db"));
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| folder.join(format!("{stem}-backup-{stamp}-{n}.db")))
        .find(|p| !taken(p))
        .expect("some numbered name is free")
}

fn cannot_write(path: &Path, e: std::io::Error) -> Error {
    Msg::CannotWrite {
        path: path.display().to_string(),
        reason: (&e).into(),
    }
    .into()
}

/// A temporary file created exclusively in `path`'s folder, named after it.
fn partial_beside(path: &Path) -> Result<tempfile::NamedTempFile> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".taizhang-partial")
        .tempfile_in(folder_of(path))
        .map_err(|e| cannot_write(path, e))
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Renames the finished temporary file into place (over an existing file only when `force`).
fn persist(partial: tempfile::NamedTempFile, path: &Path, force: bool) -> Result<Written> {
    let persisted = if force {
        partial.persist(path).map(drop)
    } else {
        partial.persist_noclobber(path).map(drop)
    };
    persisted.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            Msg::AppearedWhileWriting {
                path: path.display().to_string(),
            }
            .into()
        } else {
            cannot_write(path, e.error)
        }
    })?;
    if let Ok(dir) = std::fs::File::open(folder_of(path)) {
        let _ = dir.sync_all(); // the rename itself survives a power cut where the system allows
    }
    Ok(Written::File(path.to_path_buf()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn a_new_file_is_written_whole_and_nothing_is_left_beside_it() {
        let dir = folder();
        let path = dir.path().join("报告.txt");
        let written = write(&path, "正文".as_bytes(), false, None, &mut Vec::new()).unwrap();
        assert_eq!(written, Written::File(path.clone()));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "正文");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_existing_file_is_kept_unless_forced() {
        let dir = folder();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "mine").unwrap();
        let err = write(&path, b"new", false, None, &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("--force"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
        write(&path, b"new", true, None, &mut Vec::new()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }

    #[test]
    fn the_store_is_never_written_over_not_even_forced_or_through_a_link() {
        let dir = folder();
        let store = dir.path().join("s.db");
        std::fs::write(&store, "store").unwrap();
        let link = dir.path().join("out.docx");
        #[cfg(unix)]
        std::os::unix::fs::symlink(&store, &link).unwrap();
        for target in [&store, &link] {
            let err = write(target, b"x", true, Some(&store), &mut Vec::new()).unwrap_err();
            assert!(
                err.message(crate::render::Lang::En).contains("store"),
                "{err}"
            );
        }
        assert_eq!(std::fs::read_to_string(&store).unwrap(), "store");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_never_followed_nor_replaced() {
        let dir = folder();
        let elsewhere = dir.path().join("elsewhere.txt");
        std::fs::write(&elsewhere, "keep").unwrap();
        let link = dir.path().join("out.csv");
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        let err = write(&link, b"x", true, None, &mut Vec::new()).unwrap_err();
        assert!(
            err.message(crate::render::Lang::En)
                .contains("symbolic link"),
            "{err}"
        );
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "keep");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused() {
        let err = write(Path::new("/dev/null"), b"x", true, None, &mut Vec::new()).unwrap_err();
        assert!(
            err.message(crate::render::Lang::En).contains("device"),
            "{err}"
        );
    }

    #[test]
    fn a_failed_fill_leaves_nothing_behind_and_a_good_one_is_renamed_into_place() {
        let dir = folder();
        let path = dir.path().join("copy.db");
        let err = write_with(&path, false, None, |_| Err(Msg::NothingToEdit.into())).unwrap_err();
        assert_eq!(err.to_string(), Msg::NothingToEdit.to_string());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        write_with(&path, false, None, |p| Ok(std::fs::write(p, "db")?)).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "db");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let again = write_with(&path, false, None, |p| Ok(std::fs::write(p, "x")?));
        assert!(again.unwrap_err().to_string().contains("--force"));
    }

    #[test]
    fn a_backup_name_is_beside_the_store_and_never_taken() {
        let dir = folder();
        let store = dir.path().join("台账.db");
        let first = backup_name(&store, "20260115-093000");
        assert_eq!(first, dir.path().join("台账-backup-20260115-093000.db"));
        std::fs::write(&first, "").unwrap();
        assert_eq!(
            backup_name(&store, "20260115-093000"),
            dir.path().join("台账-backup-20260115-093000-2.db")
        );
    }

    #[test]
    fn a_dash_means_standard_output() {
        let mut out = Vec::new();
        assert_eq!(
            write(Path::new("-"), b"x", false, None, &mut out).unwrap(),
            Written::Stdout
        );
        assert_eq!(out, b"x");
    }
}
