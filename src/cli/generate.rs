//! `tiaojie generate man|completions SHELL -o DIR` (hidden): the man page (clap_mangen) and
//! shell completions (clap_complete) made from the same clap types as the command line, so
//! they never drift from it. Used by scripts/package-deb.sh; not for everyday users.

use super::{Cli, CliError};
use clap::CommandFactory;
use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum Generate {
    /// The man page, tiaojie.1.
    Man {
        /// Folder to write into.
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
    },
    /// Completions for a shell.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
        /// Folder to write into.
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
    },
}

/// Writes what was asked into its folder; returns the file written.
pub fn run(what: &Generate) -> Result<PathBuf, CliError> {
    let mut command = Cli::command();
    match what {
        Generate::Man { output } => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .map_err(|cause| write_error(output, cause))?;
            write(output, "tiaojie.1", &page)
        }
        Generate::Completions { shell, output } => {
            create_dir(output)?;
            clap_complete::generate_to(*shell, &mut command, "tiaojie", output)
                .map_err(|cause| write_error(output, cause))
        }
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, CliError> {
    create_dir(dir)?;
    let path = dir.join(name);
    std::fs::write(&path, bytes).map_err(|cause| write_error(&path, cause))?;
    Ok(path)
}

fn create_dir(dir: &Path) -> Result<(), CliError> {
    std::fs::create_dir_all(dir).map_err(|cause| write_error(dir, cause))
}

fn write_error(path: &Path, cause: std::io::Error) -> CliError {
    CliError::Write {
        path: path.display().to_string(),
        cause,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_man_page_names_every_command() {
        let dir = tempfile::tempdir().unwrap();
        let path = run(&Generate::Man {
            output: dir.path().join("man"),
        })
        .unwrap();
        let page = std::fs::read_to_string(path).unwrap();
        assert!(page.starts_with(".ie"), "{}", &page[..80.min(page.len())]);
        assert!(page.contains(".TH tiaojie 1"));
        for command in [
            "demo", "export", "import", "report", "print", "search", "agenda",
        ] {
            assert!(page.contains(command), "{command} missing");
        }
        assert!(
            !page.contains("generate"),
            "the hidden command stays hidden"
        );
    }

    #[test]
    fn completions_are_written_for_bash_zsh_and_fish() {
        use clap_complete::Shell;
        let dir = tempfile::tempdir().unwrap();
        for (shell, name) in [
            (Shell::Bash, "tiaojie.bash"),
            (Shell::Zsh, "_tiaojie"),
            (Shell::Fish, "tiaojie.fish"),
        ] {
            let path = run(&Generate::Completions {
                shell,
                output: dir.path().to_path_buf(),
            })
            .unwrap();
            assert_eq!(path.file_name().unwrap(), name);
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains("report") && text.contains("db"), "{name}");
        }
    }
}
