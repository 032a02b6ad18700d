//! The `hrdd` binary: the web server and the command-line tools around it.

fn main() -> std::process::ExitCode {
    hrdd::server::cli::run()
}
