//! [`Connection`]: what the client has seen of the network, as signals the pages read: whether
//! it looks offline, which reads are waiting to be retried, and how often the connection came
//! back (the pages reload their data each time).

use std::{
    collections::BTreeMap,
    sync::atomic::{AtomicU64, Ordering},
};

use leptos::prelude::*;

use super::{ApiError, HttpResponse};

/// The network as the client sees it. `Copy`: signals only.
#[derive(Clone, Copy)]
pub struct Connection {
    offline: RwSignal<bool>,
    /// The reads waiting to be sent again: request number → the retry they wait for.
    retrying: RwSignal<BTreeMap<u64, u32>>,
    reconnects: RwSignal<u32>,
}

/// Numbers the reads that retry, so each can update and clear its own entry.
static NEXT_READ: AtomicU64 = AtomicU64::new(0);

impl Connection {
    /// Online, nothing retrying.
    pub(crate) fn new() -> Self {
        Self {
            offline: RwSignal::new(false),
            retrying: RwSignal::new(BTreeMap::new()),
            reconnects: RwSignal::new(0),
        }
    }

    /// True while the browser says it is offline, or since a request got no answer at all and
    /// until one gets an answer again.
    pub fn is_offline(self) -> bool {
        self.offline.get()
    }

    /// The highest retry any read is waiting for now (1 for the first), if any is.
    pub fn retrying(self) -> Option<u32> {
        self.retrying.with(|reads| reads.values().max().copied())
    }

    /// Subscribes the caller (a resource's loader) to the connection coming back, so it loads
    /// again then.
    pub fn track_reconnects(self) {
        self.reconnects.track();
    }

    /// The browser says it went offline.
    pub fn went_offline(self) {
        self.offline.try_set(true);
    }

    /// The browser says it is online, or a request got an answer: if the connection was down,
    /// it is back and the pages reload.
    pub fn came_back(self) {
        if self.offline.get_untracked() {
            self.offline.try_set(false);
            self.reconnects.try_update(|n| *n += 1);
        }
    }

    /// Notes what one attempt of a request got: any HTTP answer means the connection works; no
    /// answer at all, when it is the `last` attempt (a read that spent its retries, or a change),
    /// means offline. A blip that a retry gets over shows no banner.
    pub(crate) fn saw(self, answer: &Result<HttpResponse, ApiError>, last: bool) {
        match answer {
            Ok(_) => self.came_back(),
            Err(ApiError::Network(_)) if last => self.went_offline(),
            Err(_) => {}
        }
    }

    /// A mark for one read that is about to be retried; dropping it clears it.
    pub(crate) fn mark_retrying(self) -> RetryMark {
        RetryMark {
            connection: self,
            read: NEXT_READ.fetch_add(1, Ordering::Relaxed),
        }
    }
}

/// One read waiting for a retry, shown by [`Connection::retrying`] until it is dropped.
pub(crate) struct RetryMark {
    connection: Connection,
    read: u64,
}

impl RetryMark {
    /// The read now waits for retry number `retry`.
    pub(crate) fn waiting_for(&self, retry: u32) {
        self.connection.retrying.try_update(|reads| {
            reads.insert(self.read, retry);
        });
    }
}

impl Drop for RetryMark {
    fn drop(&mut self) {
        self.connection.retrying.try_update(|reads| {
            reads.remove(&self.read);
        });
    }
}
