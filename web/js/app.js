// The single-page shell: header, navigation by role, language switch and a
// path router (the server answers index.html for every non-API path, so
// /agenda or /console/tables can be reloaded and bookmarked).

import { api, offlineSavedAt } from './api.js';
import { readServerNow, serverNow } from './clock.js';
import { instantIn } from './programme.js';
import { h, clear, list, field, nextId } from './dom.js';
import { describeBy, markInvalid, validityInPageLanguage } from './forms.js';
import { t, tn, num, setLang, getLang, detectLang, LANGS, setTimeZone, errorText, dateRange, locale, isoDay } from './i18n.js';
import { localName } from './people.js';
import { sendUnsent, unsentOutcomes, forgetUnsent } from './unsent.js';
import { renderHome } from './pages/home.js';
import { renderProfile } from './pages/profile.js';
import { renderSearch, renderOrganisation } from './pages/search.js';
import { renderSuggestions } from './pages/suggestions.js';
import { renderPartners } from './pages/partners.js';
import { renderRequests } from './pages/requests.js';
import { renderAgenda } from './pages/agenda.js';
import { renderProgramme } from './pages/programme.js';
import {
  renderPeople, renderPersonAvailability, renderImport, renderEvent, renderSchedule, renderTables, renderCheckin,
} from './pages/console.js';
import { renderDashboard } from './pages/dashboard.js';
import { renderPersonDesk } from './pages/console_person.js';
import { renderWelcome } from './pages/welcome.js';
import { renderProcurement, renderProcurementConsole } from './pages/procurement.js';
import { renderAnnouncementsConsole } from './pages/announcements.js';
import { renderApplications } from './pages/applications.js';
import { renderApply } from './pages/apply.js';
import { showAnnouncements } from './announcements.js';

export const state = { me: null, event: null, events: [], forumEvent: null, loaded: false };

const PARTICIPANT_NAV = [
  ['/profile', 'nav.profile'],
  ['/organisations', 'nav.search'],
  ['/suggestions', 'nav.suggestions'],
  ['/partners', 'nav.partners'],
  ['/requests', 'nav.requests'],
  ['/agenda', 'nav.agenda'],
  ['/programme', 'nav.programme'],
];
const ORGANISER_NAV = [
  ['/console/people', 'nav.people'],
  ['/console/applications', 'nav.applications'],
  ['/console/import', 'nav.import'],
  ['/console/event', 'nav.event'],
  ['/console/schedule', 'nav.schedule'],
  ['/console/tables', 'nav.tables'],
  ['/console/checkin', 'nav.checkin'],
  ['/console/dashboard', 'nav.dashboard'],
  ['/console/procurement', 'nav.procurement'],
  ['/console/announcements', 'nav.announcements'],
  ['/requests', 'nav.requests'],
];

const ROUTES = [
  [/^\/$/, renderHome, null],
  [/^\/welcome$/, renderWelcome, null],
  [/^\/apply$/, renderApply, null],
  [/^\/profile$/, renderProfile, 'user'],
  [/^\/organisations$/, renderSearch, 'user'],
  [/^\/organisations\/([^/]+)$/, renderOrganisation, 'user'],
  [/^\/suggestions$/, renderSuggestions, 'user'],
  [/^\/partners$/, renderPartners, 'user'],
  [/^\/requests$/, renderRequests, 'user'],
  [/^\/agenda$/, renderAgenda, 'user'],
  [/^\/programme$/, renderProgramme, 'user'],
  [/^\/procurement$/, renderProcurement, 'user'],
  [/^\/console\/people$/, renderPeople, 'organiser'],
  [/^\/console\/applications$/, renderApplications, 'organiser'],
  [/^\/console\/people\/([^/]+)$/, renderPersonDesk, 'organiser'],
  [/^\/console\/people\/([^/]+)\/availability$/, renderPersonAvailability, 'organiser'],
  [/^\/console\/import$/, renderImport, 'organiser'],
  [/^\/console\/event$/, renderEvent, 'organiser'],
  [/^\/console\/schedule$/, renderSchedule, 'organiser'],
  [/^\/console\/tables$/, renderTables, 'organiser'],
  [/^\/console\/checkin$/, renderCheckin, 'organiser'],
  [/^\/console\/dashboard$/, renderDashboard, 'organiser'],
  [/^\/console\/procurement$/, renderProcurementConsole, 'organiser'],
  [/^\/console\/announcements$/, renderAnnouncementsConsole, 'organiser'],
];

export function role() {
  const u = state.me && (state.me.user || state.me);
  return u ? u.role : null;
}

export function go(path) {
  if (location.pathname + location.search + location.hash !== path) history.pushState({}, '', path);
  render();
}

// Links inside the app are plain <a href> (keyboard and middle-click work);
// this intercepts plain left clicks so navigation stays in the page.
function onClick(ev) {
  const a = ev.target.closest && ev.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download') || ev.defaultPrevented) return;
  if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  // a part of this page (the skip link's #main): the browser's own jump
  if (url.hash && url.pathname + url.search === location.pathname + location.search) return;
  ev.preventDefault();
  // a part of another page (#interpreters-form) kept: render() opens it there
  go(url.pathname + url.search + url.hash);
}

// The server keeps the language a participant reads the UI in, for what it
// writes without a browser: their calendar feed's meetings. Said when it
// differs from what the server has; a failure only leaves the calendar in
// the language it was.
function rememberUiLanguage() {
  const me = state.me;
  if (!me || !me.person || me.ui_language === getLang()) return;
  const lang = getLang();
  api.updateMe({ ui_language: lang }).then(() => { if (state.me) state.me.ui_language = lang; }, () => {});
}

export async function loadMe() {
  try {
    toAnswerReadAt = Date.now();
    state.me = await api.me();
    // a kept answer (offline: sw.js) says the time it was fetched, no clock
    if (!offlineSavedAt()) readServerNow(state.me && state.me.now);
  } catch (e) {
    state.me = null;
  }
  rememberUiLanguage();
  if (state.me && !state.event) {
    try {
      await readEvents();
    } catch (_) { state.events = []; }
    syncEvent();
    forumDay = isoDay(serverNow(), forumZone());
    planDayCheck();
  }
  state.loaded = true;
}

// ---- the forum's day ----------------------------------------------------
// A page left open (the check-in desk, the dashboard, her agenda) goes on
// past midnight where the forum is, when the forum's event may change (one
// over, the next begun: GET /events' `forum`). Then a page that follows the
// forum's event (no ?event= in its address) shows the new one: drawn again
// at once when nothing was typed on it since it was drawn, else a notice
// offers it, so that a form half filled in is not lost. Checked just after
// midnight by the forum's clock (clock.js), every few minutes in case the
// device slept through it, and when the tab is seen again.
const DAY_CHECK_EVERY_MS = 5 * 60 * 1000;
let forumDay = null;      // the forum's day when its event was last read
let dayTimer = 0;
let typedSince = false;   // whether the page was typed on since it was drawn

function forumZone() {
  return zoneOfIt((state.events || []).find((e) => e.id === state.forumEvent));
}

// Milliseconds to just after the next midnight in the forum's zone.
function untilForumMidnight() {
  const zone = forumZone();
  const now = serverNow();
  const [y, m, d] = isoDay(now, zone).split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  const at = instantIn(`${next}T00:00`, zone || 'UTC');
  return Number.isNaN(at) ? DAY_CHECK_EVERY_MS : Math.max(1000, at - now + 1500);
}

function planDayCheck() {
  clearTimeout(dayTimer);
  if (state.me) dayTimer = setTimeout(checkForumDay, Math.min(untilForumMidnight(), DAY_CHECK_EVERY_MS));
}

async function checkForumDay() {
  if (!state.me || isoDay(serverNow(), forumZone()) === forumDay) { planDayCheck(); return; }
  const was = state.forumEvent;
  try {
    await readEvents();
    forumDay = isoDay(serverNow(), forumZone());
    if (state.forumEvent !== was) forumEventChanged();
  } catch (_) { /* offline a moment: asked again at the next check */ }
  planDayCheck();
}

function forumEventChanged() {
  if (new URLSearchParams(location.search).get('event')) return;   // the page's own pick
  const ev = (state.events || []).find((e) => e.id === state.forumEvent);
  if (!ev || (state.event && state.event.id === ev.id)) return;
  if (!typedSince) { render(); return; }
  document.getElementById('forum-day-note')?.remove();
  const show = h('button', { type: 'button', class: 'link', id: 'forum-day-show', onclick: () => render() }, t('forumday.show'));
  document.getElementById('announcements')?.prepend(h('p', { class: 'notice', id: 'forum-day-note', role: 'status' },
    t('forumday.changed', { name: localName(ev.name, ev.name_uk) }), ' ', show));
}

// The events and which is the forum's now (GET /events).
async function readEvents() {
  const got = await api.events();
  state.events = list(got, 'events');
  state.forumEvent = (got && got.forum) || null;
}

// The event the pages act on: the one the address names (?event=, the
// console's picker), else the forum's (the one under way or next, as the
// API's default event), else the first.
function syncEvent() {
  const want = new URLSearchParams(location.search).get('event');
  const evs = state.events || [];
  const pick = evs.find((e) => e.id === want) || evs.find((e) => e.id === state.forumEvent) || evs[0] || null;
  if (!pick) { state.event = null; return; }
  if (!state.event || state.event.id !== pick.id) state.event = pick;
  setTimeZone(state.event.timezone);
}

// The time zone of event id (a list of several events' shows each time at
// its own venue's clock); the page's event's when it is not known here.
export function zoneOf(id) {
  const e = (state.events || []).find((x) => x.id === id);
  return (e && e.timezone) || (state.event && state.event.timezone) || null;
}

// The zone of something of an event that names its own (a meeting's
// `timezone`), else of its event (`event`): where its times are read.
export function zoneOfIt(x) {
  return (x && x.timezone) || zoneOf(x && x.event);
}

// The choice among the events, on the console pages that act on one and
// the participants' programme; kept in the address (?event=), so that a reload, Back or a shared
// link keep it. Nothing to choose with a single event.
export async function eventPicker() {
  try { await readEvents(); } catch (_) { /* the list of sign-in */ }
  syncEvent();
  const fresh = state.event && state.events.find((e) => e.id === state.event.id);
  if (fresh) state.event = { ...state.event, ...fresh };
  if (state.events.length < 2) return null;
  const sel = h('select', { id: 'event-pick', name: 'event' }, state.events.map((e) => h('option',
    { value: e.id, translate: 'no', selected: state.event && e.id === state.event.id }, `${localName(e.name, e.name_uk)} · ${dateRange(e.starts_on, e.ends_on)}`)));
  sel.addEventListener('change', () => {
    const u = new URL(location.href);
    u.searchParams.set('event', sel.value);
    // another event's lists start again: its first page, no search, no slot
    for (const k of ['offset', 'q', 'slot', 'status']) u.searchParams.delete(k);
    go(u.pathname + u.search);
  });
  return h('div', { class: 'card event-pick no-print' }, field(t('console.event'), sel));
}

// Signs out on the server, then here. A refused sign-out (the token gone
// stale) is tried once more with the session's token from GET /me; if the
// server still cannot be told (offline, say), the page forgets the user all
// the same and says that the session may live on, so that on a shared
// computer the next person knows to close the browser.
export async function signOut() {
  let failed = false;
  // outcomes said without a connection go now if they can: signing out forgets them
  const me = state.me && state.me.person && state.me.person.id;
  if (me && unsentOutcomes(me).size) await sendUnsent(me).catch(() => {});
  try {
    await api.logout();
  } catch (e) {
    if (e && e.status === 401) { /* the session had ended already */ } else {
      try { await api.me(); await api.logout(); } catch (e2) { failed = !(e2 && e2.status === 401); }
    }
  }
  forgetUser();
  state.signOutFailed = failed;
  go('/');
}

// The page forgets whoever was signed in (signed out, or her account deleted).
function forgetUser() {
  forgetUnsent();   // what she said without a connection is hers: not the next person's to send
  state.me = null;
  state.event = null;
  state.events = [];
  state.forumEvent = null;
  clearTimeout(dayTimer);
}

// After her account is deleted (its session ended with it): the start page
// says so.
export function accountDeleted() {
  forgetUser();
  state.accountDeleted = true;
  go('/');
}

// The language switch. A pick with the mouse (or from the opened list)
// switches at once; arrow keys on the closed select only move the choice,
// which Enter or leaving the select then applies, so that the page does not
// change language, and the focus jump, at each key. The focus stays on the
// switch. A ?lang= in the address gives way to the choice.
function langSwitch() {
  let keyed = false;
  const apply = async (refocus) => {
    keyed = false;
    if (sel.value === getLang()) return;
    await setLang(sel.value, true);
    rememberUiLanguage();
    const u = new URL(location.href);
    if (u.searchParams.has('lang')) {
      u.searchParams.delete('lang');
      history.replaceState({}, '', u.pathname + u.search + u.hash);
    }
    await render();
    if (refocus) document.getElementById('lang')?.focus();
  };
  const sel = h('select', {
    id: 'lang', 'aria-label': t('lang.label'),
    onkeydown: (ev) => {
      if (ev.key === 'Enter') { ev.preventDefault(); apply(true); } else if (ev.key !== 'Tab' && ev.key !== 'Escape') keyed = true;
    },
    onchange: () => { if (!keyed) apply(true); },
    onblur: () => { if (keyed) apply(false); },
  }, LANGS.map((l) => h('option', { value: l, lang: l, selected: l === getLang() }, t(`lang.${l}`))));
  return h('div', { class: 'lang' }, h('label', { for: 'lang', class: 'sr-only' }, t('lang.label')), sel);
}

function header() {
  const r = role();
  // the procurement page for the people of an organisation that buys or supplies
  const procures = state.me && state.me.procurement;
  const nav = r === 'organiser' ? ORGANISER_NAV
    : r ? [...PARTICIPANT_NAV, ...(procures ? [['/procurement', 'nav.procurement']] : [])] : [];
  const here = location.pathname;
  // the console's links keep the event picked (?event=)
  const picked = r === 'organiser' ? new URLSearchParams(location.search).get('event') : null;
  const href = (p) => (picked ? `${p}?event=${encodeURIComponent(picked)}` : p);
  return h('header', { class: 'top' },
    h('a', { class: 'skip', href: '#main' }, t('a11y.skip')),
    h('div', { class: 'bar' },
      h('a', { class: 'brand', href: '/' }, h('img', { src: '/favicon.svg', alt: '', width: 28, height: 28 }), h('span', {}, t('app.name'))),
      langSwitch(),
      r ? h('button', { type: 'button', class: 'link', id: 'signout', onclick: signOut }, t('nav.signout')) : null),
    nav.length ? siteNav(nav, here, href) : null);
}

// A count in the header beside the requests link and, on a phone, the menu
// button, so that she sees it wherever she lands; nothing when it is 0.
// mark (may be null) tells one count from the other at a glance.
function countBadge(cls, n, srKey, mark) {
  return h('span', { class: cls, hidden: n === 0 },
    h('span', { class: `${cls}-n`, 'aria-hidden': 'true' }, mark ? `${mark}\u00a0${num(n)}` : num(n)),
    h('span', { class: 'sr-only' }, ` (${tn(srKey, n)})`));
}

// How many meeting requests wait for the participant's answer (GET /me's
// to_answer).
function answerBadge() {
  return countBadge('to-answer', (state.me && state.me.to_answer) || 0, 'nav.to_answer', null);
}

// After the participant answers a request on its page: the badges follow.
export function setToAnswer(n) {
  if (!state.me) return;
  state.me.to_answer = Math.max(0, n);
  document.querySelectorAll('header .to-answer').forEach((el) => el.replaceWith(answerBadge()));
}

// How many of her requests' threads hold messages she has not read (GET
// /me's messages_unread), marked with an envelope.
function unreadBadge() {
  return countBadge('messages-unread', (state.me && state.me.messages_unread) || 0, 'nav.messages_unread', '\u2709');
}

// How many applications wait for the organisers (GET /me's
// applications_pending), beside the console's applications link.
function applicationsBadge() {
  return countBadge('applications-pending', (state.me && state.me.applications_pending) || 0, 'nav.applications_pending', null);
}

// After an organiser decides one on the applications page: the badge follows.
export function setApplicationsPending(n) {
  if (!state.me) return;
  state.me.applications_pending = Math.max(0, n);
  document.querySelectorAll('header .applications-pending').forEach((el) => el.replaceWith(applicationsBadge()));
}

// After she reads a thread on the requests page: the badges follow.
export function setMessagesUnread(n) {
  if (!state.me) return;
  state.me.messages_unread = Math.max(0, n);
  document.querySelectorAll('header .messages-unread').forEach((el) => el.replaceWith(unreadBadge()));
}

// The links to every page; on a phone folded behind one button that says
// where the reader is ("Меню: Мій розклад"), so the header takes one row
// instead of three or four. Escape folds it again, back on the button.
function siteNav(nav, here, href) {
  const current = nav.find(([p]) => p === here);
  const el = h('nav', { 'aria-label': t('nav.label') });
  const toggle = h('button', {
    type: 'button', class: 'menu-toggle', 'aria-expanded': 'false', 'aria-controls': 'nav-links',
    onclick: () => fold(toggle.getAttribute('aria-expanded') === 'true'),
  }, h('span', { class: 'menu-icon', 'aria-hidden': 'true' }, '\u2630'), t('nav.menu'),
  nav.some(([p]) => p === '/requests') && role() !== 'organiser' ? [answerBadge(), unreadBadge()] : null,
  nav.some(([p]) => p === '/console/applications') ? applicationsBadge() : null,
  current ? h('span', { class: 'menu-here' }, t(current[1])) : null);
  function fold(shut) {
    toggle.setAttribute('aria-expanded', shut ? 'false' : 'true');
    el.classList.toggle('open', !shut);
  }
  el.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && el.classList.contains('open')) {
      fold(true);
      toggle.focus();
    }
  });
  el.append(toggle, h('ul', { id: 'nav-links' }, nav.map(([p, k]) => h('li', {},
    h('a', { href: href(p), 'aria-current': here === p ? 'page' : null }, t(k),
      p === '/requests' && role() !== 'organiser' ? [answerBadge(), unreadBadge()] : null,
      p === '/console/applications' ? applicationsBadge() : null)))));
  return el;
}

let renderSeq = 0;
export async function render() {
  const seq = ++renderSeq;
  typedSince = false;
  if (!state.loaded) await loadMe();
  else if (state.me) syncEvent();
  const root = document.getElementById('root');
  const path = location.pathname.replace(/\/+$/, '') || '/';
  let match = null;
  for (const [re, fn, need] of ROUTES) {
    const m = path.match(re);
    if (m) { match = { fn, need, args: m.slice(1).map(decodeURIComponent) }; break; }
  }
  const main = h('main', { id: 'main', tabindex: '-1' });
  clear(root);
  // the organisers' announcements, under the header of every signed-in page
  const notes = h('div', { id: 'announcements' });
  root.append(header(), notes, main, h('footer', {}, h('p', {}, t('footer.text'))));
  if (role()) showAnnouncements(notes);
  if (!match) {
    main.append(h('h1', {}, t('notfound.title')), h('p', {}, h('a', { href: '/' }, t('notfound.home'))));
    return;
  }
  if (match.need && !role()) {
    history.replaceState({}, '', '/');
    return render();
  }
  if (match.need === 'organiser' && role() !== 'organiser') {
    main.append(h('h1', {}, t('forbidden.title')), h('p', {}, t('forbidden.text')));
    return;
  }
  try {
    await match.fn(main, ...match.args);
  } catch (e) {
    if (seq !== renderSeq) return;
    if (e && e.status === 401) { state.me = null; history.replaceState({}, '', '/'); return render(); }
    main.append(h('p', { class: 'error', role: 'alert' }, t('error.load'), ' ', errorText(e)));
  }
  const title = main.querySelector('h1');
  document.title = title ? `${title.textContent} · ${t('app.name')}` : t('app.name');
  // After a page change the focus goes to the new page's heading: a screen
  // reader says where it is (the <main> focused before has no name, and some
  // read it out whole), and the next Tab is the page's first control.
  // An address naming a part of the page (the desk's "find one on the
  // Event page", /console/event#interpreters-form) opens the page there, the
  // focus on that part, as it would be on the heading.
  const part = seq === renderSeq ? partNamed(main) : null;
  if (part) {
    if (part.tabIndex < 0) part.tabIndex = -1;
    part.scrollIntoView({ block: 'start' });
    part.focus({ preventScroll: true });
  } else if (seq === renderSeq && window.__dfncNavigated) {
    const to = title || main;
    to.tabIndex = -1;
    to.focus({ preventScroll: true });
  }
  window.__dfncNavigated = true;
  if (seq === renderSeq) sayOffline(notes);
  document.body.dataset.ready = path;
}

// The element of main the address's fragment names by its id, or null (no
// fragment, or one that is data: the welcome link's token).
function partNamed(main) {
  let id = '';
  try { id = decodeURIComponent(location.hash.slice(1)); } catch (_) { return null; }
  const el = id ? document.getElementById(id) : null;
  return el && main.contains(el) ? el : null;
}

// Without a connection the service worker gives the agenda as it was last
// fetched: the page says so, and from when, above the announcements.
function sayOffline(notes) {
  const at = offlineSavedAt();
  if (!at) return;
  const when = new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(at));
  notes.prepend(h('p', { class: 'notice', id: 'offline-note', role: 'status' }, t('offline.saved', { time: when })));
}

// The service worker keeps the page, its files and the agenda for when the
// venue's network is gone (sw.js); back online, the page is read again.
function keepForOffline() {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});
  window.addEventListener('online', () => { if (offlineSavedAt()) render(); });
  // outcomes said without a connection (unsent.js): sent when the browser
  // says it is back, and tried every half minute while some wait, since a
  // venue's Wi-Fi may be joined long before it reaches the server
  window.addEventListener('online', sendUnsentNow);
  setInterval(sendUnsentNow, UNSENT_RETRY_MS);
}

const UNSENT_RETRY_MS = 30000;
function sendUnsentNow() {
  const me = state.me && state.me.person && state.me.person.id;
  if (me && unsentOutcomes(me).size) sendUnsent(me).catch(() => {});
}

// A word on what was done or went wrong, at the top of container. With
// focus, the focus moves to it: for an action that took away or redrew the
// control that had the focus, which would otherwise fall back to the top of
// the page, and a keyboard or screen reader user lose their place.
// An error describes the fields of container marked invalid (forms.js).
// An error, or a notice (done, but something is left to see to), is an
// alert a screen reader says at once; anything else a status.
export function flash(container, msg, kind, focus) {
  const old = container.querySelector('.flash');
  if (old) {
    describeBy(container, old, false);
    old.remove();
  }
  const el = h('p', {
    class: `flash ${kind || 'ok'}`, role: kind === 'error' || kind === 'notice' ? 'alert' : 'status', tabindex: focus ? '-1' : null, id: nextId('flash'),
  }, msg);
  container.prepend(el);
  if (kind === 'error') describeBy(container, el, true);
  if (focus) el.focus();
  return el;
}

// A refusal of the page's own, said against the field it is about: the
// field marked invalid, described by the message (an alert) and focused.
export function refuse(form, control, msg) {
  markInvalid(control);
  flash(form, msg, 'error');
  control.focus();
}

// Runs fn with controls disabled (no second ask while the first is being
// answered), then gives the focus back to the control that had it: a
// control that is disabled loses the focus to the page.
export async function whileBusy(controls, fn) {
  const had = document.activeElement;
  controls.forEach((c) => { c.disabled = true; });
  try {
    return await fn();
  } finally {
    controls.forEach((c) => { c.disabled = false; });
    if (had && had !== document.body && had.isConnected && document.activeElement === document.body) had.focus();
  }
}

// Requests others send meanwhile: the header's count of those waiting for
// her answer follows them, and its count of threads with new messages: GET
// /me read again when the tab is seen again and every few minutes while it
// is, never more than once a minute.
const TO_ANSWER_EVERY_MS = 5 * 60 * 1000;
const TO_ANSWER_GAP_MS = 60 * 1000;
let toAnswerReadAt = Date.now();
async function rereadToAnswer() {
  if (document.hidden || !state.me || role() === 'organiser') return;
  if (Date.now() - toAnswerReadAt < TO_ANSWER_GAP_MS) return;
  toAnswerReadAt = Date.now();
  try {
    const me = await api.me();
    if (!offlineSavedAt()) readServerNow(me && me.now);
    if (state.me && typeof me.to_answer === 'number' && me.to_answer !== state.me.to_answer) setToAnswer(me.to_answer);
    if (state.me && typeof me.messages_unread === 'number' && me.messages_unread !== state.me.messages_unread) setMessagesUnread(me.messages_unread);
  } catch (_) { /* offline a moment: the count stays as it was */ }
}
// The organisers' announcements, read again as GET /me is: one written
// ahead for 12:15 shows on the agenda a participant keeps open.
let announcementsReadAt = Date.now();
function rereadAnnouncements() {
  if (document.hidden || !state.me) return;
  if (Date.now() - announcementsReadAt < TO_ANSWER_GAP_MS) return;
  announcementsReadAt = Date.now();
  const box = document.getElementById('announcements');
  if (box) showAnnouncements(box);
}
function followToAnswer() {
  document.addEventListener('visibilitychange', () => { if (!document.hidden) { rereadToAnswer(); rereadAnnouncements(); } });
  setInterval(() => { rereadToAnswer(); rereadAnnouncements(); }, TO_ANSWER_EVERY_MS);
}

async function start() {
  await setLang(detectLang(), false);
  followToAnswer();
  keepForOffline();
  document.addEventListener('click', onClick);
  document.addEventListener('input', () => { typedSince = true; });
  document.addEventListener('visibilitychange', () => { if (!document.hidden) checkForumDay(); });
  validityInPageLanguage(document);
  window.addEventListener('popstate', render);
  await render();
}

start();
