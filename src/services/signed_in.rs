//! Who a session cookie or an access token belongs to, kept in memory so that most requests need no
//! query to know their user (issue 19: four queries per request before).
//!
//! What keeps it right is two counters of changes to sign-ins and permissions (an ended session, a
//! revoked token, an account's activity, password, roles, level or countries), both bumped by the
//! store in the transaction that makes the change:
//! - this process's counter ([`Store::auth_changes`]), read on every lookup at no cost: a change takes
//!   effect on the very next request to the server that made it;
//! - the database's `auth_epoch`, shared by every server and read at most once per [`EPOCH_CHECK`]: a
//!   change made by another server takes effect here within that second plus one query.
//!
//! When either counter moves, everything cached is dropped. An entry is also read again after
//! [`ENTRY_TTL`], which keeps the session's last-activity time current. A value read from the
//! database is kept only if neither counter moved while it was read, so a change that commits in the
//! middle of a lookup cannot leave the old user cached.

use crate::store::Store;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How often the database's counter is compared (the bound on another server's delay, less the query).
pub const EPOCH_CHECK: Duration = Duration::from_secs(1);
/// How long one entry is used before it is read again from the database.
pub const ENTRY_TTL: Duration = Duration::from_secs(60);
/// Most entries kept; past it, expired entries go, and if none has, all do.
const MAX_ENTRIES: usize = 20_000;

/// Cached lookups by token hash (one cache for sessions, one for access tokens; one per process).
pub struct SignedInCache<T> {
    inner: Arc<Mutex<State<T>>>,
}

impl<T> Clone for SignedInCache<T> {
    fn clone(&self) -> Self {
        SignedInCache { inner: self.inner.clone() }
    }
}

impl<T> Default for SignedInCache<T> {
    fn default() -> Self {
        SignedInCache {
            inner: Arc::new(Mutex::new(State { entries: HashMap::new(), changes: 0, epoch: None, checked: None })),
        }
    }
}

struct State<T> {
    entries: HashMap<String, (Instant, T)>,
    /// The process counter and the database counter the entries were read under.
    changes: u64,
    epoch: Option<i64>,
    /// When the database counter was last read (None: read it on the next lookup).
    checked: Option<Instant>,
}

impl<T> State<T> {
    fn drop_all(&mut self) {
        self.entries.clear();
    }
}

/// The counters as a lookup found them at its start (see [`SignedInCache::keep`]).
pub struct Seen {
    changes: u64,
    epoch: Option<i64>,
}

impl<T: Clone> SignedInCache<T> {
    fn state(&self) -> MutexGuard<'_, State<T>> {
        // A panic while holding the lock cannot leave the map half-written in a harmful way: at worst
        // an entry is missing, so a poisoned lock is used as it is.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Brings the cache up to date with both counters; call once at the start of every lookup.
    pub async fn begin(&self, db: &Store) -> Seen {
        let changes = db.auth_changes();
        let check_epoch = {
            let mut state = self.state();
            if changes > state.changes {
                state.drop_all();
                state.changes = changes;
            }
            let due = state.checked.is_none_or(|at| at.elapsed() >= EPOCH_CHECK);
            if due {
                // Claimed before the query, so that one request at a time reads the counter.
                state.checked = Some(Instant::now());
            }
            due
        };
        if check_epoch {
            let epoch = db.auth_epoch().await;
            let mut state = self.state();
            match epoch {
                Ok(epoch) if state.epoch.is_none_or(|known| epoch > known) => {
                    state.drop_all();
                    state.epoch = Some(epoch);
                }
                Ok(_) => {}
                Err(e) => {
                    // Without the counter nothing cached can be trusted: read everything afresh.
                    tracing::warn!(error = %e, "could not read the sign-in change counter");
                    state.drop_all();
                    state.epoch = None;
                    state.checked = None;
                }
            }
        }
        let state = self.state();
        Seen { changes, epoch: state.epoch }
    }

    /// The entry for `key`, if one was read less than [`ENTRY_TTL`] ago.
    pub fn get(&self, key: &str) -> Option<T> {
        self.state().entries.get(key).filter(|(at, _)| at.elapsed() < ENTRY_TTL).map(|(_, value)| value.clone())
    }

    /// Keeps `value`, read from the database after [`begin`](Self::begin) returned `seen`, unless a
    /// change was committed since (then the value may be from before it, and is not kept).
    pub fn keep(&self, seen: &Seen, key: String, value: T) {
        let mut state = self.state();
        if seen.epoch.is_none() || state.changes != seen.changes || state.epoch != seen.epoch {
            return;
        }
        if state.entries.len() >= MAX_ENTRIES {
            state.entries.retain(|_, (at, _)| at.elapsed() < ENTRY_TTL);
            if state.entries.len() >= MAX_ENTRIES {
                state.drop_all();
            }
        }
        state.entries.insert(key, (Instant::now(), value));
    }

    /// How many entries are held (for tests and the load report).
    pub fn len(&self) -> usize {
        self.state().entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
