//! The `hrdd` binary: the web server and the command-line tools around it.

fn main() -> std::process::ExitCode {
    limit_malloc_arenas();
    hrdd::cli::run()
}

/// glibc gives threads that allocate their own malloc arena, up to eight per core, and each keeps
/// what it freed. With a thread per SQLite connection that held the server at ~120 MB resident under
/// load; four arenas hold it near 70 MB at the same throughput (docs/BENCHMARKS.md). An operator's
/// own `MALLOC_ARENA_MAX` wins.
#[cfg(all(feature = "ssr", target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: called first thing in main, before any other thread exists; mallopt only sets a limit.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 4);
        }
    }
}

#[cfg(not(all(feature = "ssr", target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}
