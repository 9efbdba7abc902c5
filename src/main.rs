use std::process::ExitCode;

fn main() -> ExitCode {
    match taizhang::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("taizhang: error: {error}");
            ExitCode::from(error.exit_code() as u8)
        }
    }
}

/// `taizhang status | head` closes the pipe early; that is not an error.
fn is_broken_pipe(error: &taizhang::Error) -> bool {
    match error {
        taizhang::Error::Other(e) => e.chain().any(|cause| {
            cause
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        }),
        _ => false,
    }
}
