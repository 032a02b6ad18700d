//! Rendered HTML of pages that no longer change, kept per server: the summary of a decided or
//! superseded version (`services::review::summary_cache_key` says when, and under which key).
//!
//! The key holds everything the page shows that can still move (the version's events, the series'
//! states, the viewer's roles and level, today's date), so an entry is never wrong for its key.
//! Entries also expire after [`ENTRY_TTL`]: what the key cannot see (a user renamed, a database
//! row edited behind the application's back, which the page's integrity check would report) shows
//! within that time. Only the body is kept: the shell, the navigation with the viewer's name and
//! the per-response script nonce are rendered for every request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How long a rendered page is served before it is rendered again.
pub const ENTRY_TTL: Duration = Duration::from_secs(60);
/// The most HTML kept, in bytes (a summary is 30–80 KB); past it the oldest entries go.
pub const MAX_BYTES: usize = 12 * 1024 * 1024;

/// One rendered page body and its tab title.
#[derive(Clone, Debug)]
pub struct CachedPage {
    pub title: String,
    pub html: Arc<str>,
}

#[derive(Clone, Default)]
pub struct PageCache {
    inner: Arc<Mutex<Pages>>,
    /// Set by `HRDD_PAGE_CACHE=off`: every page rendered afresh (for comparing, or to rule the cache
    /// out when something looks stale).
    off: bool,
}

#[derive(Default)]
struct Pages {
    /// Each page with when it was kept and its place in the order of keeping.
    entries: HashMap<String, (Instant, u64, CachedPage)>,
    bytes: usize,
    kept: u64,
}

impl Pages {
    fn remove(&mut self, key: &str) {
        if let Some((_, _, page)) = self.entries.remove(key) {
            self.bytes -= page.html.len();
        }
    }

    /// Drops expired entries, then the oldest, until `incoming` more bytes fit.
    fn make_room(&mut self, incoming: usize, now: Instant) {
        let expired: Vec<String> = self
            .entries
            .iter()
            .filter(|(_, (at, _, _))| now.duration_since(*at) >= ENTRY_TTL)
            .map(|(k, _)| k.clone())
            .collect();
        for key in expired {
            self.remove(&key);
        }
        while self.bytes + incoming > MAX_BYTES {
            let Some(oldest) = self.entries.iter().min_by_key(|(_, (_, order, _))| *order).map(|(k, _)| k.clone())
            else {
                break;
            };
            self.remove(&oldest);
        }
    }
}

impl PageCache {
    /// On unless `HRDD_PAGE_CACHE=off`.
    pub fn from_env() -> PageCache {
        PageCache { off: std::env::var("HRDD_PAGE_CACHE").is_ok_and(|v| v == "off"), ..PageCache::default() }
    }

    /// False under `HRDD_PAGE_CACHE=off`: then no key is worth computing.
    pub fn enabled(&self) -> bool {
        !self.off
    }

    fn pages(&self) -> MutexGuard<'_, Pages> {
        // A panic while holding the lock leaves a consistent map: recover it.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The page kept under `key`, unless it has expired.
    pub fn get(&self, key: &str) -> Option<CachedPage> {
        if self.off {
            return None;
        }
        let mut pages = self.pages();
        match pages.entries.get(key) {
            Some((at, _, page)) if at.elapsed() < ENTRY_TTL => Some(page.clone()),
            Some(_) => {
                pages.remove(key);
                None
            }
            None => None,
        }
    }

    /// Keeps `page` under `key` (a page larger than the whole budget is not kept).
    pub fn put(&self, key: String, page: CachedPage) {
        if self.off || page.html.len() > MAX_BYTES {
            return;
        }
        let now = Instant::now();
        let mut pages = self.pages();
        pages.remove(&key);
        pages.make_room(page.html.len(), now);
        pages.bytes += page.html.len();
        pages.kept += 1;
        let order = pages.kept;
        pages.entries.insert(key, (now, order, page));
    }

    /// Entries and bytes held (for tests and the load report).
    pub fn size(&self) -> (usize, usize) {
        let pages = self.pages();
        (pages.entries.len(), pages.bytes)
    }
}

/// The per-server cache, from the request's context (provided in `serve::router`).
pub fn page_cache() -> PageCache {
    leptos::prelude::expect_context::<PageCache>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> CachedPage {
        CachedPage { title: "T".into(), html: Arc::from(text) }
    }

    #[test]
    fn a_kept_page_comes_back_under_its_key_only() {
        let cache = PageCache::default();
        cache.put("a".into(), page("<p>a</p>"));
        assert_eq!(cache.get("a").map(|p| p.html.to_string()).as_deref(), Some("<p>a</p>"));
        assert!(cache.get("b").is_none());
        cache.put("a".into(), page("<p>a2</p>"));
        assert_eq!(cache.size(), (1, "<p>a2</p>".len()));
    }

    #[test]
    fn the_oldest_pages_go_when_the_budget_is_full() {
        let cache = PageCache::default();
        let big = "x".repeat(MAX_BYTES / 3 + 1);
        for key in ["1", "2", "3"] {
            cache.put(key.into(), page(&big));
        }
        assert!(cache.get("1").is_none(), "the first page made room for the third");
        assert!(cache.get("2").is_some() && cache.get("3").is_some());
        assert!(cache.size().1 <= MAX_BYTES);
    }
}
