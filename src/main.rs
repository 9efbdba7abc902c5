use std::process::ExitCode;

fn main() -> ExitCode {
    match taizhang::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("taizhang: error: {error}");
            ExitCode::from(error.exit_code() as u8)
        }
    }
}
