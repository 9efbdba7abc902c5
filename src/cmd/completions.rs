//! `taizhang completions SHELL` and `taizhang man`: shell completions and a man page, generated
//! from the command definition in the user's language.

use std::io::Write;

use clap::{Args, ValueEnum};

use super::Ctx;
use crate::error::{Error, Result};

/// The shells `completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

/// Print a shell completion script to standard output.
///
/// Save it where your shell looks for completions, e.g. for bash
/// `taizhang completions bash > ~/.local/share/bash-completion/completions/taizhang`.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang completions bash > ~/.local/share/bash-completion/completions/taizhang
taizhang completions zsh > ~/.zfunc/_taizhang
taizhang completions fish > ~/.config/fish/completions/taizhang.fish
taizhang completions powershell >> $PROFILE")]
pub struct CompletionsArgs {
    /// The shell to write completions for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

/// Print the manual page (roff) to standard output.
#[derive(Debug, Args)]
#[command(after_help = "\
taizhang man > taizhang.1
taizhang man | man -l -")]
pub struct ManArgs {}

pub fn run_completions(ctx: &Ctx, args: CompletionsArgs, out: &mut dyn Write) -> Result<()> {
    use clap_complete::Shell as S;
    let mut cmd = crate::cli::command(ctx.lang);
    let shell = match args.shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
        Shell::Powershell => S::PowerShell,
    };
    clap_complete::generate(shell, &mut cmd, "taizhang", out);
    Ok(())
}

pub fn run_man(ctx: &Ctx, _args: ManArgs, out: &mut dyn Write) -> Result<()> {
    let cmd = crate::cli::command(ctx.lang);
    clap_mangen::Man::new(cmd)
        .render(out)
        .map_err(|e| Error::Other(e.into()))?;
    // The examples are taken out of the built command (see cli::help); give them a section.
    let raw = <crate::cli::Cli as clap::CommandFactory>::command();
    let heading = ctx.lang.pick("示例", "EXAMPLES");
    let mut section = format!(".SH {heading}\n.nf\n");
    for example in crate::cli::examples(&raw) {
        let line = example.replace('\\', "\\\\").replace('-', "\\-");
        section.push_str(&format!("\\&{line}\n"));
    }
    section.push_str(".fi\n");
    out.write_all(section.as_bytes())
        .map_err(|e| Error::Other(e.into()))
}
