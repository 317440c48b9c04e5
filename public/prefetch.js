// Customer Console's boot prefetch: starts the API reads a page needs while the wasm is still
// downloading and compiling, instead of after it.
//
// On each load, the app notes in sessionStorage which GET requests it sent while booting this
// URL (src/api/prefetch.rs, key "customer-console.prefetch:" + path + query): their URLs, how the
// token travels, and the request timeout. On the next load of the same URL in this tab, this
// script, run before the app, sends those requests with the session's token and leaves their
// answers in `window.__ccPrefetch` (URL -> { header, answer }); the app's first GET of each URL
// takes the answer instead of sending it again. Nothing is sent without a signed-in session.
(() => {
  "use strict";
  let manifest, token;
  try {
    token = sessionStorage.getItem("customer-console.token");
    manifest = JSON.parse(
      sessionStorage.getItem("customer-console.prefetch:" + location.pathname + location.search) || "null",
    );
  } catch (_) {
    return;
  }
  if (!token || !manifest || !Array.isArray(manifest.urls)) return;
  const header =
    manifest.scheme === "Bearer" ? ["Authorization", "Bearer " + token] : ["DirectLogin", "token=" + token];
  const prefetched = new Map();
  for (const url of manifest.urls.slice(0, 8)) {
    if (typeof url !== "string") continue;
    const answer = fetch(url, {
      headers: { [header[0]]: header[1] },
      credentials: "omit",
      signal: AbortSignal.timeout(manifest.timeoutMs || 30000),
    }).then((response) => response.text().then((body) => [response.status, body]));
    // Unused or failed answers are dropped quietly: the app then sends the request itself.
    answer.catch(() => {});
    prefetched.set(url, { header, answer });
  }
  window.__ccPrefetch = prefetched;
})();
