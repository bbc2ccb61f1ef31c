// Simpul's service worker, hand-written. Every visitor's device keeps the public pages (the
// pre-rendered home page, the shell, and the chunks of the job check with its engine, company check,
// report form and status page), so they open after one visit without a connection. The console's
// outreach session form is added only for recorders: the console asks for it ("precache-console"),
// and a new build's worker keeps it for a device that had it. The outbox (console/outreach/outbox.ts)
// then keeps what is submitted until it can be sent.
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
/** The pre-rendered home page; every other app path gets the plain shell. */
const HOME = "/index.html";
const SHELL = "/shell.html";
/** Marks a cache that holds the console's files, so the next build's worker keeps them too. */
const CONSOLE_MARK = "/__simpul-console-kept";
/** On a weak signal, a page that has not answered by then is served from the device. */
const NETWORK_TIMEOUT_MS = 6000;

/** The pages are fetched fresh; hashed assets may come from the HTTP cache (the page just loaded most of them). */
const requestsFor = (urls) => urls.map((url) => new Request(url, url.endsWith(".html") ? { cache: "reload" } : {}));

async function keepConsole(cache) {
  await cache.addAll(requestsFor(MANIFEST.console));
  await cache.put(CONSOLE_MARK, new Response("1"));
}

async function hadConsole() {
  for (const name of await caches.keys()) {
    if (name.startsWith(CACHE_PREFIX) && (await caches.open(name).then((c) => c.match(CONSOLE_MARK)))) return true;
  }
  return false;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(requestsFor(MANIFEST.precache));
      if (await hadConsole()) await keepConsole(cache);
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "precache-console") event.waitUntil(caches.open(CACHE).then(keepConsole));
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
    // A server that is down behind a proxy answers 5xx: the device's copy still opens the page.
    if (answer && answer.status < 500) return answer;
    const copy = await deviceCopy(request);
    return copy ?? answer ?? (await network);
  } catch (error) {
    const copy = await deviceCopy(request);
    if (copy) return copy;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function deviceCopy(request) {
  const path = new URL(request.url).pathname;
  const page = path === "/" || path === HOME ? HOME : SHELL;
  return (await caches.match(page, { cacheName: CACHE })) ?? (await caches.match(HOME, { cacheName: CACHE }));
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}
