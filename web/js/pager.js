// The organiser's long lists come a page at a time (GET ...?limit=&offset=,
// beside "count", the number of every row that matches; docs/web.md): a
// forum of 5,000 people has 25,000 requests, too many to send to a phone or
// to draw. The page and the filters live in the address (?offset=, ?q=), so
// that a reload, Back or a shared link give the same page.

import { h } from './dom.js';
import { t, num } from './i18n.js';

// Rows a page asks for (the server's default), and the most the server gives
// at once, for what must read a whole list.
export const PAGE = 200;
export const PAGE_MAX = 1000;

// The address's parameter, or '' when absent.
export function asked(name) {
  return new URLSearchParams(location.search).get(name) || '';
}

// The offset the address asks for: a whole number, else 0.
export function askedOffset() {
  const n = Number(asked('offset'));
  return Number.isInteger(n) && n > 0 ? Math.min(n, OFFSET_MAX) : 0;
}

// The server's largest offset (docs/api.md): an address asking past it gets
// that, not a page that fails.
const OFFSET_MAX = 1000000;

// This page's path and query with the given parameters set (an empty value,
// null or undefined takes it out); the others (?event=) kept.
export function addressWith(changes) {
  const u = new URL(location.href);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === null || v === '' || v === 0) u.searchParams.delete(k);
    else u.searchParams.set(k, String(v));
  }
  return u.pathname + u.search;
}

// "1–200 of 15,000" with links to the pages before and after (plain links:
// the app follows them in the page, and Back returns). Nothing when the whole
// list fits on one page.
export function pager(id, offset, shown, count) {
  if (offset === 0 && shown >= count) return null;
  const from = shown ? offset + 1 : 0;
  const to = shown ? offset + shown : 0;
  const link = (off, key, rel) => h('a', { href: addressWith({ offset: off }), rel, class: `pager-${rel}` }, t(key));
  return h('nav', { class: 'pager no-print', id, 'aria-label': t('pager.label') },
    h('span', { class: 'pager-range', role: 'status' }, t('pager.range', { from: num(from), to: num(to), total: num(count) })),
    // past the end (a list that shrank since, or an edited address), back
    // to its last page, not 200 rows at a time
    offset > 0 ? link(offset >= count ? Math.max(0, Math.floor((count - 1) / PAGE) * PAGE)
      : Math.max(0, offset - PAGE), 'pager.prev', 'prev') : null,
    offset + shown < count ? link(offset + shown, 'pager.next', 'next') : null);
}

// Every row of a paged list: fetch(offset, limit) for each page until the
// list's count is reached, or until done(page), told each page, says enough.
export async function allPages(fetch, key, done) {
  const rows = [];
  for (let offset = 0; ; offset += PAGE_MAX) {
    const r = await fetch(offset, PAGE_MAX);
    const page = (r && r[key]) || [];
    rows.push(...page);
    if ((done && done(page)) || page.length < PAGE_MAX || offset + page.length >= r.count) return rows;
  }
}
