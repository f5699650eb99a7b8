// The web UI on a phone at the venue: how many bytes and round trips the
// agenda page costs a participant whose phone is on a slow, distant network,
// the first time (empty cache) and when she opens it again (warm cache).
//
// A demo forum (seed 7) is served by the release binary; Chromium (Debian's,
// through tests/e2e's playwright-core) at 390x844, in Ukrainian, its network
// throttled by the DevTools protocol to LATENCY ms a round trip and KBPS
// kilobits a second down. In the same run, each load twice:
//   - as Chromium asks (Accept-Encoding: gzip, deflate, br), and
//   - with Accept-Encoding: identity (no content coding),
//     which is what every load cost before the server compressed: the peer.
// Printed per load: ms until the agenda page is drawn (body[data-ready]), requests
// that went to the server, bytes over the wire, and the ratios to the peer.
// A warm load's "requests" are those the cache did not answer by itself
// (a 304 revalidation is a round trip too).
//
// usage: node bench/web_load.mjs [DFNC_BIN]   (default build/dfnc; make first)
//        LATENCY=300 KBPS=400 node bench/web_load.mjs
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = await import(path.join(ROOT, 'tests/e2e/node_modules/playwright-core/index.mjs'));
const DFNC = path.resolve(process.argv[2] || path.join(ROOT, 'build/dfnc'));
const LATENCY = Number(process.env.LATENCY || 150);
const KBPS = Number(process.env.KBPS || 1600);
const PORT = 20000 + (process.pid % 20000);
const BASE = `http://127.0.0.1:${PORT}`;
const LOGIN = ['participant1@demo.dfnc', 'demo-participant-1'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfnc-web-load-'));
const db = path.join(dir, 'forum.db');
execFileSync(DFNC, ['--db', db, 'demo', '--no-serve', '--seed', '7'], { stdio: 'ignore' });
const server = spawn(DFNC, ['--db', db, 'serve', '--port', String(PORT), '--no-access-log'], { stdio: 'ignore' });
const stop = () => { server.kill(); fs.rmSync(dir, { recursive: true, force: true }); };

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${BASE}/api/v1/health`)).ok) return; } catch (_) { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

// One page's loads, counted from the DevTools protocol's own network events.
// She signs in on the page, then the cache is emptied: the cold load starts
// from nothing but her session.
async function throttledPage(browser, identity) {
  // without the service worker (web/sw.js): its requests are another
  // target's, which this page's counts would not see, and its Cache Storage
  // would make the cold load warm
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'uk-UA', serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(`${BASE}/`);
  await page.fill('#signin input[name=email]', LOGIN[0]);
  await page.fill('#signin input[name=password]', LOGIN[1]);
  await page.click('#signin button[type=submit]');
  await page.waitForSelector('#signout');
  await page.goto('about:blank');
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: LATENCY,
    downloadThroughput: (KBPS * 1000) / 8, uploadThroughput: (KBPS * 1000) / 16,
  });
  if (identity) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
  const tally = { requests: 0, bytes: 0 };
  const cached = new Set();
  cdp.on('Network.requestServedFromCache', (e) => cached.add(e.requestId));
  cdp.on('Network.responseReceived', (e) => {
    if (!e.response.fromDiskCache && !e.response.fromServiceWorker && !cached.has(e.requestId)) tally.requests++;
  });
  cdp.on('Network.loadingFinished', (e) => { if (!cached.has(e.requestId)) tally.bytes += e.encodedDataLength; });
  return { ctx, page, tally };
}

async function timedLoad(p) {
  p.tally.requests = 0;
  p.tally.bytes = 0;
  const t0 = performance.now();
  await p.page.goto(`${BASE}/agenda`);
  await p.page.waitForFunction(() => document.body.dataset.ready === '/agenda', null, { timeout: 60000 });
  const ms = performance.now() - t0;
  await p.page.waitForLoadState('networkidle');
  return { ms, requests: p.tally.requests, bytes: p.tally.bytes };
}

try {
  await waitForServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const rows = {};
  for (const [name, identity] of [['compressed', false], ['identity (peer)', true]]) {
    const p = await throttledPage(browser, identity);
    const cold = await timedLoad(p);
    const warm = await timedLoad(p);
    rows[name] = { cold, warm };
    await p.ctx.close();
  }
  await browser.close();

  console.log(`agenda page, participant1 (uk, 390x844), ${LATENCY} ms round trip, ${KBPS} kbit/s down`);
  console.log('load             coding            ms  requests      bytes');
  for (const kind of ['cold', 'warm'])
    for (const [name, r] of Object.entries(rows))
      console.log(`${kind.padEnd(6)} ${name.padEnd(22)} ${r[kind].ms.toFixed(0).padStart(7)} ${String(r[kind].requests).padStart(9)} ${String(r[kind].bytes).padStart(10)}`);
  const c = rows.compressed, id = rows['identity (peer)'];
  const ratio = (a, b) => (b ? (a / b).toFixed(2) : 'n/a');
  console.log(`cold: bytes ${ratio(c.cold.bytes, id.cold.bytes)}x the peer's, time ${ratio(c.cold.ms, id.cold.ms)}x`);
  console.log(`warm: requests ${ratio(c.warm.requests, c.cold.requests)}x the cold load's, time ${ratio(c.warm.ms, c.cold.ms)}x`);
} finally {
  stop();
}
