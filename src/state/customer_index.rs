//! [`CustomerIndex`]: every customer of a bank (OBP) or profile (Enterprise API), loaded page by
//! page on first use in the session, with a few requests in flight, and searchable as it grows
//! (name, number, e-mail, phone digits: [`crate::search`]). It lives in memory only, never in
//! any storage (it is personal data), and is dropped when the session ends. A complete index
//! older than `config.json`'s `index_max_age_minutes` is loaded again in the background while
//! the old one answers; creates, edits and deletes made in this console change it at once.

use std::{
    cell::{Cell, RefCell},
    collections::{HashMap, HashSet},
    rc::Rc,
};

use leptos::{prelude::*, task::spawn_local};

use super::Session;
use crate::{
    api::{customers::Page, Api, ApiError},
    backend::{Backend, CustomerRecord, Rows},
    config::AppConfig,
    dates,
    query::customer_query::{CustomerQuery, Paging},
    search::{Field, Query, SearchIndex, Searchable},
};

/// Requests in flight while loading.
const IN_FLIGHT: u32 = 4;

impl Searchable for CustomerRecord {
    fn field(&self, field: Field) -> &str {
        match field {
            Field::Name => &self.name,
            Field::Number => &self.number,
            Field::Email => &self.email,
            Field::Phone => &self.phone,
        }
    }
}

/// Rows per request: OBP sets no maximum `limit` (500 was its default before June 2024); the
/// Enterprise API allows `size` up to 100.
fn page_size(paging: Paging) -> u32 {
    match paging {
        Paging::Offset => 500,
        Paging::Numbered => 100,
    }
}

/// What the index of one tenant is doing, for its status line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndexStatus {
    /// Customers searchable now.
    pub count: usize,
    /// While loading: pages and customers loaded so far by this load.
    pub loading: Option<(u32, usize)>,
    /// When the last complete load finished (epoch milliseconds).
    pub loaded_at: Option<f64>,
    /// Why the last load stopped early.
    pub error: Option<ApiError>,
}

/// One tenant's index.
#[derive(Default)]
struct TenantIndex {
    /// What searches see.
    live: SearchIndex<CustomerRecord>,
    /// A background reload of a complete index, swapped in when it completes.
    next: Option<SearchIndex<CustomerRecord>>,
    /// The load under way (compared with [`Run::generation`]).
    generation: u64,
    status: IndexStatus,
    /// Customers written in this console during the load: a page bringing them replaces them.
    written: HashSet<String>,
}

impl TenantIndex {
    /// The index a load fills: the reload's, else the live one.
    fn target(&mut self) -> &mut SearchIndex<CustomerRecord> {
        self.next.as_mut().unwrap_or(&mut self.live)
    }

    fn upsert(&mut self, record: &CustomerRecord) {
        if self.status.loading.is_some() {
            self.written.insert(record.id.clone());
        }
        for index in std::iter::once(&mut self.live).chain(self.next.as_mut()) {
            index.upsert(slim(record), |r| r.id == record.id);
        }
        self.status.count = self.live.len();
    }
}

/// `record` without its form values and facts: the index keeps only what lists show.
fn slim(record: &CustomerRecord) -> CustomerRecord {
    CustomerRecord {
        values: Default::default(),
        facts: Vec::new(),
        ..record.clone()
    }
}

/// A load's shared progress, between its requests.
struct Run {
    tenant: String,
    generation: u64,
    size: u32,
    next_page: Cell<u32>,
    /// The first page known to be past the end.
    end: Cell<u32>,
    pages: Cell<u32>,
    seen: RefCell<HashSet<String>>,
    running: Cell<u32>,
}

/// The session's customer indexes, one per tenant. `Copy`; provided through context.
#[derive(Clone, Copy)]
pub struct CustomerIndex {
    tenants: RwSignal<HashMap<String, TenantIndex>, LocalStorage>,
    generations: StoredValue<u64>,
    api: StoredValue<Api>,
    backend: Backend,
    max_age_ms: f64,
}

impl CustomerIndex {
    /// No index yet; each is loaded on first use. Dropped when `session` ends.
    pub fn new(api: Api, backend: Backend, config: &AppConfig, session: Session) -> Self {
        let index = Self {
            tenants: RwSignal::new_local(HashMap::new()),
            generations: StoredValue::new(0),
            api: StoredValue::new(api),
            backend,
            max_age_ms: f64::from(config.index_max_age_minutes) * 60_000.0,
        };
        session.on_end(move || index.tenants.set(HashMap::new()));
        index
    }

    /// Starts loading `tenant`'s customers unless they are loaded (and not older than the
    /// configured age) or loading.
    pub fn ensure(self, tenant: &str) {
        self.reload_if(tenant, true);
    }

    /// Loads `tenant`'s customers again if they were loaded and are older than the configured
    /// age; an index not used yet stays unused.
    pub fn refresh_if_stale(self, tenant: &str) {
        self.reload_if(tenant, false);
    }

    fn reload_if(self, tenant: &str, unused: bool) {
        let now = dates::now_ms();
        let start = self.tenants.with_untracked(|all| match all.get(tenant) {
            None => unused,
            Some(t) => {
                t.status.loading.is_none()
                    && t.status.error.is_none()
                    && t.status
                        .loaded_at
                        .is_some_and(|at| now - at > self.max_age_ms)
            }
        });
        if start {
            self.refresh(tenant);
        }
    }

    /// Loads `tenant`'s customers again: in the background, the current index answering until
    /// the new one is complete (from scratch when there is no complete one).
    pub fn refresh(self, tenant: &str) {
        let generation = self.generations.get_value() + 1;
        self.generations.set_value(generation);
        self.tenants.update(|all| {
            let t = all.entry(tenant.to_owned()).or_default();
            t.generation = generation;
            t.written.clear();
            t.status.error = None;
            t.status.loading = Some((0, 0));
            if t.status.loaded_at.is_some() {
                t.next = Some(SearchIndex::default());
            } else {
                t.live = SearchIndex::default();
                t.status.count = 0;
            }
        });
        let caps = self.backend.capabilities();
        let run = Rc::new(Run {
            tenant: tenant.to_owned(),
            generation,
            size: page_size(caps.paging),
            next_page: Cell::new(0),
            end: Cell::new(u32::MAX),
            pages: Cell::new(0),
            seen: RefCell::new(HashSet::new()),
            running: Cell::new(IN_FLIGHT),
        });
        for _ in 0..IN_FLIGHT {
            spawn_local(self.load(run.clone()));
        }
    }

    /// One of a load's request loops: takes the next page until the end is known or the load
    /// is outdated; the last loop to stop completes the load.
    async fn load(self, run: Rc<Run>) {
        let paging = self.backend.capabilities().paging;
        let mut failure = None;
        while self.is_current(&run) && run.next_page.get() < run.end.get() {
            let number = run.next_page.get();
            run.next_page.set(number + 1);
            let query = CustomerQuery {
                page: Page {
                    limit: run.size,
                    offset: number * run.size,
                    ..CustomerQuery::paged(paging).page
                },
                ..CustomerQuery::paged(paging)
            };
            let request = self
                .api
                .with_value(|api| self.backend.list(api, &run.tenant, &query));
            match request.await {
                Ok(page) => {
                    let rows = match page.rows {
                        Rows::Records(rows) => rows,
                        Rows::Ids(_) => Vec::new(),
                    };
                    let short = rows.len() < run.size as usize;
                    let past_last = page.total.map_or(u32::MAX, |total| total.pages);
                    if short || number + 1 >= past_last {
                        run.end.set(run.end.get().min(number + 1));
                    }
                    self.add_page(&run, rows);
                }
                Err(error) => {
                    run.end.set(0);
                    failure = Some(error);
                }
            }
        }
        run.running.set(run.running.get() - 1);
        self.finish(&run, failure);
    }

    fn is_current(self, run: &Run) -> bool {
        self.tenants.with_untracked(|all| {
            all.get(&run.tenant)
                .is_some_and(|t| t.generation == run.generation)
        })
    }

    /// Changes the index `run` loads, unless a newer load (or the session's end) replaced it.
    fn update_run(self, run: &Run, change: impl FnOnce(&mut TenantIndex)) {
        self.tenants.update(|all| {
            if let Some(t) = all
                .get_mut(&run.tenant)
                .filter(|t| t.generation == run.generation)
            {
                change(t);
            }
        });
    }

    fn add_page(self, run: &Run, rows: Vec<CustomerRecord>) {
        run.pages.set(run.pages.get() + 1);
        self.update_run(run, |t| {
            let mut seen = run.seen.borrow_mut();
            let written = std::mem::take(&mut t.written);
            let target = t.target();
            for row in rows {
                if !seen.insert(row.id.clone()) {
                    continue;
                }
                if written.contains(&row.id) {
                    target.upsert(slim(&row), |r| r.id == row.id);
                } else {
                    target.push(slim(&row));
                }
            }
            let loaded = target.len();
            t.written = written;
            t.status.loading = Some((run.pages.get(), loaded));
            t.status.count = t.live.len();
        });
    }

    /// Completes the load when its last request loop stops: the reload replaces the live index,
    /// or the error is kept (and a failed reload leaves the old index answering).
    fn finish(self, run: &Run, failure: Option<ApiError>) {
        self.update_run(run, |t| {
            if let Some(error) = failure {
                t.status.error = Some(error);
            }
            if run.running.get() > 0 {
                return;
            }
            t.status.loading = None;
            t.written.clear();
            if t.status.error.is_some() {
                t.next = None;
            } else {
                if let Some(next) = t.next.take() {
                    t.live = next;
                }
                t.status.loaded_at = Some(dates::now_ms());
            }
            t.status.count = t.live.len();
        });
    }

    /// The status of `tenant`'s index (tracked); `None` before its first use.
    pub fn status(self, tenant: &str) -> Option<IndexStatus> {
        self.tenants
            .with(|all| all.get(tenant).map(|t| t.status.clone()))
    }

    /// How many customers match `query` at `tenant`, and the best `limit` of them (tracked).
    pub fn matches(
        self,
        tenant: &str,
        query: &Query,
        limit: usize,
    ) -> (usize, Vec<CustomerRecord>) {
        self.tenants.with(|all| {
            let Some(t) = all.get(tenant) else {
                return (0, Vec::new());
            };
            let found = t.live.search(query);
            let shown = found
                .iter()
                .take(limit)
                .map(|&at| t.live.items()[at].clone())
                .collect();
            (found.len(), shown)
        })
    }

    /// Every customer matching `query` at `tenant`, best first (tracked).
    pub fn all_matches(self, tenant: &str, query: &Query) -> Vec<CustomerRecord> {
        self.matches(tenant, query, usize::MAX).1
    }

    /// A customer created or saved in this console: replaced in (or added to) its tenant's
    /// index, if that index is in use.
    pub fn saved(self, record: &CustomerRecord) {
        self.tenants.update(|all| {
            if let Some(t) = all.get_mut(&record.tenant) {
                t.upsert(record);
            }
        });
    }

    /// A customer deleted in this console: gone from `tenant`'s index.
    pub fn deleted(self, tenant: &str, id: &str) {
        self.tenants.update(|all| {
            if let Some(t) = all.get_mut(tenant) {
                for index in std::iter::once(&mut t.live).chain(t.next.as_mut()) {
                    index.remove(|r| r.id == id);
                }
                t.status.count = t.live.len();
            }
        });
    }
}
