// Simpul's service worker, hand-written. It keeps the app shell (index.html) and the hashed assets
// the console's outreach session form needs, so the form opens after a reload without a connection;
// the outbox (console/outreach/outbox.ts) then keeps what is submitted until it can be sent.
//
// - Never touches /api/: API answers carry personal data and are never cached here.
// - Pages: network first, so an online user always gets the newest build; without a network the
//   cached shell of this worker's own build, which matches its cached assets.
// - /assets/: hashed names never change, so cache first; assets loaded later are added as used.
// - Updates: the build names the cache after its contents. A new build's worker installs beside the
//   old one and takes over only when no page of the old build is open (no skipWaiting), so an open
//   page never loses the lazy chunks of its own build; on activation it deletes the old caches.
//
// The build (src/web/sw/plugin.ts) replaces the placeholder below with { version, precache }.
const MANIFEST = self.__SIMPUL_SW_MANIFEST__;
const CACHE_PREFIX = "simpul-shell-";
const CACHE = CACHE_PREFIX + MANIFEST.version;
const SHELL = "/index.html";
/** On a weak signal, a page that has not answered by then is served from the device. */
const NETWORK_TIMEOUT_MS = 6000;

self.addEventListener("install", (event) => {
  // The shell is fetched fresh; hashed assets may come from the HTTP cache (the page just loaded most of them).
  const requests = MANIFEST.precache.map((url) => new Request(url, url === SHELL ? { cache: "reload" } : {}));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") event.respondWith(page(request));
  else if (url.pathname.startsWith("/assets/")) event.respondWith(asset(request));
});

async function page(request) {
  const network = fetch(request);
  // Answered from the device after a timeout: a late failure of the network is expected.
  network.catch(() => undefined);
  let timer;
  const slow = new Promise((resolve) => {
    timer = setTimeout(resolve, NETWORK_TIMEOUT_MS, null);
  });
  try {
    const answer = await Promise.race([network, slow]);
    // A server that is down behind a proxy answers 5xx: the device's copy still opens the form.
    if (answer && answer.status < 500) return answer;
    const shell = await caches.match(SHELL, { cacheName: CACHE });
    return shell ?? answer ?? (await network);
  } catch (error) {
    const shell = await caches.match(SHELL, { cacheName: CACHE });
    if (shell) return shell;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}
