// Small DOM helpers: build elements without innerHTML, so text from the API
// is never parsed as markup and the page works under a strict CSP.

import { t } from './i18n.js';

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  // data (translate="no") says its language, for a screen reader's voice,
  // unless attrs say it (lang: null for the page's own, as a name may)
  if (el.getAttribute('translate') === 'no' && !el.hasAttribute('lang') && !(attrs && 'lang' in attrs)) {
    const lang = dataLang(el.textContent);
    if (lang) el.setAttribute('lang', lang);
  }
  return el;
}

// The language of data text, as far as its letters tell, for a screen
// reader to pick its voice (a Ukrainian voice reads a description in
// English as Ukrainian). The forum's data has two languages: the Ukrainian
// fields (name_uk, description_uk) are written in Cyrillic, and free text in
// Latin letters is the English side (description and title are the English
// ones: the registries', CORDIS's, the imports'). Text with letters of both
// kinds is the language of most of them (a link's address and digits do not
// count); text without letters (an id of digits) says none. Names are not
// judged so: nameLang below.
export function dataLang(text) {
  const s = String(text || '').replace(/\b\w+:\/\/\S+/g, ' ');
  const cyrillic = (s.match(/[\u0400-\u04ff]/g) || []).length;
  const latin = (s.match(/[A-Za-z\u00c0-\u024f]/g) || []).length;
  if (!cyrillic && !latin) return null;
  return cyrillic >= latin ? 'uk' : 'en';
}

// The lang of a name (a person's, an organisation's) on this page. A name
// has no language: "Jan Kowalski" in Latin letters is no more English than
// Polish, and an English lang would have a screen reader read it by
// English rules. Only its script is said, and only where the page's voice
// would misread it (docs/web.md):
// - Latin letters on an English page, Cyrillic on a Ukrainian one: no lang
//   (the page's voice reads its own script);
// - Latin letters on a Ukrainian page: "und-Latn" (no language said, the
//   Latin script);
// - Cyrillic on an English page: "uk" (the forum's Cyrillic names are its
//   Ukrainians' and the Ukrainian name fields, which a Ukrainian voice reads).
// Text without letters says nothing.
export function nameLang(text) {
  const script = dataLang(text);
  const page = document.documentElement.lang === 'uk' ? 'uk' : 'en';
  if (!script || script === page) return null;
  return script === 'uk' ? 'uk' : 'und-Latn';
}

// The name the server keeps for a person erased at her request
// (STORE_ERASED_NAME, src/store/privacy.h): the page says it in its own
// language instead.
export const ERASED_NAME = 'Erased participant';

// A name as data: translate="no", its lang as nameLang says; an erased
// person's in the page's words.
export function dataName(text, attrs) {
  if (text === ERASED_NAME) return h('span', { ...attrs, class: 'erased' }, t('privacy.erased_name'));
  return h('span', { ...attrs, translate: 'no', lang: nameLang(text) }, text);
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Text the participants or organisers wrote (a name, a venue, an id), not
// the UI's: no browser translates it, and the language check skips it.
export function data(text, attrs) {
  return h('span', { ...attrs, translate: 'no' }, text);
}

// el.append() that skips null/false children (conditional parts of a page).
export function add(el, ...children) {
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

let uid = 0;
export function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

// A box that scrolls sideways what is wider than a phone (a table, a
// chart). A keyboard scrolls it with the arrow keys once it has the focus,
// so while it overflows it takes the focus, a region named by attrs
// ('aria-labelledby' or 'aria-label') that a screen reader can say; when all
// of it fits, it is no stop on the way.
export function scroller(attrs, ...children) {
  const el = h('div', { ...attrs, class: 'scroll', role: 'region' }, ...children);
  const fit = () => {
    if (el.scrollWidth > el.clientWidth) el.tabIndex = 0;
    else el.removeAttribute('tabindex');
  };
  new ResizeObserver(fit).observe(el);
  return el;
}

// The line that says what an action did: a success in a status (polite:
// read out when the reader pauses), a failure in an alert beside it
// (assertive: read out at once), either taking the other's place. ok(...)
// and fail(...) take text or nodes; id names the status line, id-error the
// alert.
export function outcome(id, attrs) {
  const ok = h('p', { ...attrs, id, role: 'status' });
  const bad = h('p', { class: 'error', id: `${id}-error`, role: 'alert', hidden: true });
  const show = (failed, parts) => {
    ok.replaceChildren(...(failed ? [] : parts));
    bad.replaceChildren(...(failed ? parts : []));
    bad.hidden = !failed;
  };
  return { el: h('div', { class: 'outcome' }, ok, bad), ok: (...parts) => show(false, parts), fail: (...parts) => show(true, parts) };
}

// A labelled form field: label + control (+ optional hint), ids wired.
export function field(label, control, hint) {
  const id = control.id || nextId('f');
  control.id = id;
  const hintEl = hint ? h('small', { id: `${id}-hint`, class: 'hint' }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

// Accepts an array or an object wrapping one ({items:[..]}, {KEY:[..]}).
export function list(x, ...keys) {
  if (Array.isArray(x)) return x;
  if (!x || typeof x !== 'object') return [];
  for (const k of [...keys, 'items', 'results', 'data']) {
    if (Array.isArray(x[k])) return x[k];
  }
  return [];
}

// Runs fn every ms while el is on the page and the tab is seen: none while
// the tab is hidden, at once when it is seen again; stops for good once a
// run finds el off the page (the dashboard's figures, the desk's list of missing
// partners). fn may be async; the next run is timed from its end.
export function whileSeen(el, ms, fn) {
  let timer = null;
  // el may not be on the page yet (a card returned to be placed): each run
  // looks, not the timing
  const later = () => {
    clearTimeout(timer);
    if (!document.hidden) timer = setTimeout(run, ms);
  };
  async function run() {
    if (!el.isConnected) { document.removeEventListener('visibilitychange', seen); return; }
    if (document.hidden) return;
    try { await fn(); } catch (_) { /* a failed read: the page stays until the next */ }
    later();
  }
  function seen() {
    if (!el.isConnected) { document.removeEventListener('visibilitychange', seen); return; }
    if (document.hidden) clearTimeout(timer);
    else run();
  }
  document.addEventListener('visibilitychange', seen);
  later();
}
