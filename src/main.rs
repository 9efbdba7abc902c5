use std::process::ExitCode;

use taizhang::error::Msg;
use taizhang::render::Lang;

fn main() -> ExitCode {
    match taizhang::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            let lang = Lang::requested(
                std::env::args_os(),
                std::env::var("TAIZHANG_LANG").ok().as_deref(),
            );
            let message = error.message(lang);
            eprintln!("{}", Msg::ErrorLine { message }.render(lang));
            ExitCode::from(error.exit_code() as u8)
        }
    }
}
