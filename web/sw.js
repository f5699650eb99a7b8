// The service worker: a participant's agenda when the venue's network is
// gone (a hall's basement, a saturated Wi-Fi). It keeps:
//   - the page itself (index.html, the last one a navigation fetched), shown
//     when a navigation cannot reach the server;
//   - the UI's files under /v/VERSION/ (they never change: kept until a page
//     of another version is fetched);
//   - the last answer to the reads a participant needs at the venue: her
//     agenda and its header's (OFFLINE_READS), her requests and their
//     messages, the people and organisations she looked at, the events'
//     programmes (her agenda's talks and breaks, the programme page) (OFFLINE_PATHS:
//     the newest KEPT_MAX of those), given only when the server cannot be
//     reached, with the time it was fetched in the X-Dfnc-Saved-At header so
//     the page can say how old it is.
// Everything else goes to the network as if there were no worker. The
// personal answers are dropped when the person signs out (DELETE
// /api/v1/session) or the server says there is no session (401).
const SHELL = 'dfnc-shell';
const FILES = 'dfnc-files';
const READS = 'dfnc-reads';
const OFFLINE_READS = new Set(['/api/v1/me', '/api/v1/me/agenda', '/api/v1/events', '/api/v1/forum',
  '/api/v1/announcements', '/api/v1/me/agenda/cancelled', '/api/v1/me/met', '/api/v1/me/outcomes',
  '/api/v1/requests', '/api/v1/me/messages']);
// one of many (a thread, a profile): kept too, the oldest forgotten past KEPT_MAX
const OFFLINE_PATHS = [/^\/api\/v1\/requests\/[^/]+\/messages$/, /^\/api\/v1\/organisations\/[^/]+$/,
  /^\/api\/v1\/people\/[^/]+$/, /^\/api\/v1\/events\/[^/]+$/];
const KEPT_MAX = 200;
const SAVED_AT = 'X-Dfnc-Saved-At';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/api/v1/session' && req.method === 'DELETE') {
    event.waitUntil(caches.delete(READS));
    return;
  }
  if (req.method !== 'GET') return;
  // an API path opened in the tab (a calendar, a report, JSON) is a navigation too: left alone
  if (req.mode === 'navigate' && !url.pathname.startsWith('/api/')) event.respondWith(page(req));
  else if (url.pathname.startsWith('/v/')) event.respondWith(file(req));
  else if (!url.search && OFFLINE_READS.has(url.pathname)) event.respondWith(read(req, false));
  else if (!url.search && OFFLINE_PATHS.some((re) => re.test(url.pathname))) event.respondWith(read(req, true));
});

// A page: from the server, its copy kept; the copy when the server is out of reach.
async function page(req) {
  try {
    const r = await fetch(req);
    if (r.ok && (r.headers.get('Content-Type') || '').startsWith('text/html')) {
      const copy = r.clone();
      caches.open(SHELL).then((c) => c.put('/', copy)).then(() => forgetOtherVersions(r.clone()));
    }
    return r;
  } catch (e) {
    const kept = await caches.match('/', { cacheName: SHELL });
    if (kept) return kept;
    throw e;
  }
}

// The files of the page's version only: those of older ones go.
async function forgetOtherVersions(r) {
  const m = (await r.text()).match(/\/v\/([0-9a-f]+)\//);
  if (!m) return;
  const c = await caches.open(FILES);
  for (const k of await c.keys())
    if (!new URL(k.url).pathname.startsWith(`/v/${m[1]}/`)) await c.delete(k);
}

// A file of a version: the kept one, else from the server, then kept.
async function file(req) {
  const c = await caches.open(FILES);
  const kept = await c.match(req);
  if (kept) return kept;
  const r = await fetch(req);
  if (r.ok) c.put(req, r.clone());
  return r;
}

// One of the reads kept: from the server, the answer kept; the kept answer,
// marked with when it was fetched, when the server is out of reach. One of
// many (`many`) is put last, and the oldest such go past KEPT_MAX.
async function read(req, many) {
  let r;
  try {
    r = await fetch(req);
  } catch (e) {
    const kept = await caches.match(req, { cacheName: READS });
    if (kept) return kept;
    throw e;
  }
  if (r.status === 401) {
    await caches.delete(READS);
  } else if (r.ok) {
    const headers = new Headers(r.headers);
    headers.set(SAVED_AT, new Date().toISOString());
    const body = await r.clone().arrayBuffer();
    const c = await caches.open(READS);
    if (many) await c.delete(req);   // put again, it is the newest
    await c.put(req, new Response(body, { status: r.status, statusText: r.statusText, headers }));
    if (many) await forgetOldest(c);
  }
  return r;
}

// Past KEPT_MAX of the many, the oldest go (Cache Storage lists in the order put).
async function forgetOldest(c) {
  const many = (await c.keys()).filter((k) => OFFLINE_PATHS.some((re) => re.test(new URL(k.url).pathname)));
  for (const k of many.slice(0, Math.max(0, many.length - KEPT_MAX))) await c.delete(k);
}
