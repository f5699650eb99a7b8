// Names of people and their organisations for ids that the API returns bare,
// fetched once per page view.

import { api } from './api.js';
import { h, list, dataName, dataLang } from './dom.js';
import { t, getLang, errorText, num, wallDayTime } from './i18n.js';
import { serverNow } from './clock.js';

const cache = new Map();

export function personInfo(id, hint) {
  if (hint && typeof hint === 'object' && hint.name) return Promise.resolve(hint);
  if (!id) return Promise.resolve({ id: '', name: '' });
  if (!cache.has(id)) {
    cache.set(id, api.person(id).catch(() => ({ id, name: id })));
  }
  return cache.get(id);
}

const orgs = new Map();

// An organisation's public profile (name, name_uk, country...), fetched once.
export function orgInfo(id) {
  if (!id) return Promise.resolve({ id: '', name: '' });
  if (!orgs.has(id)) orgs.set(id, api.organisation(id).catch(() => ({ id, name: id })));
  return orgs.get(id);
}

// A name in the page's language: on a Ukrainian page the Ukrainian one where
// one is stored, else the (English) name; the Ukrainian one where no English
// one is (a venue given in Ukrainian only). Every page that names an
// organisation, an event, its venue or a session goes through here, whatever
// the reply calls the two names.
export function localName(name, nameUk) {
  return (getLang() === 'uk' && nameUk) ? nameUk : (name || nameUk || '');
}

// A text the organisers write in both languages (an event's name and venue,
// a session's name) as data, by localName's rule. Where the text shown is
// not in the page's language (the English on a Ukrainian page when no
// Ukrainian one is given; an event named in Ukrainian alone, in its English
// field), it says its language, as far as its letters tell (dom.js's
// dataLang), so that a screen reader reads it in its own voice.
export function localText(text, textUk, attrs) {
  const shown = localName(text, textUk);
  const page = getLang() === 'uk' ? 'uk' : 'en';
  const lang = dataLang(shown);
  return h('span', { ...attrs, translate: 'no', lang: lang && lang !== page ? lang : null }, shown);
}

// An organisation ({name, name_uk}) by its name in the page's language.
export function orgName(o) {
  return o ? localName(o.name, o.name_uk) : '';
}

// The people the user has an open (pending or accepted) request with at an
// event, either way round: person id -> {id, status, direction}. The server
// refuses a second one (409), so the pages say so before it is tried.
export async function openRequests(event, me, ofOther) {
  const open = new Map();
  if (!me) return open;   // an organiser without a profile sends none
  let all = [];
  // an organiser reads another's (the desk's introductions), a page of 500
  try { all = list(await (ofOther ? api.requests({ person: me, limit: 500 }) : api.requests()), 'requests'); } catch (_) { return open; }
  for (const r of all) {
    if (r.status !== 'pending' && r.status !== 'accepted') continue;
    if (event && r.event && r.event !== event) continue;
    const sent = r.direction ? r.direction === 'sent' : r.from === me;
    open.set(sent ? r.to : r.from, { id: r.id, status: r.status, direction: sent ? 'sent' : 'received' });
  }
  return open;
}

// What an open request with someone is, in words: sent and waiting, asked
// of me and waiting, or agreed; with the way to the requests page.
export function openNote(o) {
  const k = o.status === 'accepted' ? 'requests.open_accepted' : o.direction === 'sent' ? 'requests.open_sent' : 'requests.open_received';
  return h('p', { class: 'open-request', dataset: { request: o.id } },
    h('span', { class: `status ${o.status}` }, t(k)), ' ', h('a', { href: '/requests' }, t('requests.open_see')));
}

// Whether the forum's event (state.event) no longer takes her meeting
// requests: its close time (GET /events' requests_close_at) passed by the
// forum's clock. The organisers' own (introductions, the desk's bookings)
// are not closed.
export function requestsClosed(event) {
  const at = event && event.requests_close_at;
  return !!at && serverNow() >= Date.parse(at);
}

// The sentence above a page that offers requests: until when they are taken
// (the event's clock), or that they are no longer and who can still help;
// null when the event sets no close.
export function requestsCloseNote(event) {
  const at = event && event.requests_close_at;
  if (!at) return null;
  const closed = requestsClosed(event);
  return h('p', { class: closed ? 'notice' : 'muted', id: 'requests-close' },
    t(closed ? 'refused.requests_closed' : 'requests.close_until', { at: wallDayTime(at) }));
}

// A refused send's first reason by code, or null.
function sendReason(e) {
  return e && e.body && e.body.error && Array.isArray(e.body.error.reasons) ? e.body.error.reasons[0] : null;
}

// Whether a send was refused for the request itself (one open already, the
// cap), which sendError says, rather than for a time taken (words.js).
export function isSendRefusal(e) {
  const why = sendReason(e);
  return !!why && (why.code === 'request_open' || why.code === 'request_cap');
}

// The sentence for a refused request, by its code (docs/api.md "Words for
// a page"): a second open one names the person (the server's names their
// id), the event's cap of requests waiting for an answer says what to do
// (src/app/requests.c), a time proposed before the agendas are published
// says to send it without one, one to oneself says so, anything else as
// errorText says it.
export function sendError(e, person) {
  const why = sendReason(e);
  if (why && why.code === 'request_open') return t('requests.already_open', { name: person && person.name ? person.name : '' });
  if (why && why.code === 'request_cap') return t('requests.cap_reached', { n: num(Number((why.values || {}).n)) });
  // a time proposed as the organisers took the agendas back (or before they publish)
  if (why && why.code === 'not_published') return t('requests.not_published_send');
  // a request to oneself (her own profile's page)
  if (why && why.code === 'same_person') return t('refused.same_person');
  // the event stopped taking requests while the page was open
  if (why && why.code === 'requests_closed') return t('refused.requests_closed', { at: wallDayTime((why.values || {}).at) });
  return errorText(e);
}

// "Name (Organisation)": a Ukrainian's name and a European organisation's
// differ in script, so each part says its own (dom.js's nameLang).
export function nameAndOrg(person, org, attrs) {
  return h('span', attrs, dataName(person), org ? [' (', dataName(org), ')'] : null);
}

export function forgetPeople() { cache.clear(); orgs.clear(); }

// A meeting's place: the demo's and most imports' "Table 12" in the page's
// language; any other name as the organisers wrote it; "Online" with the
// link to its video room for one held online (a hybrid forum: no table).
export function tableName(m, { linkToCome = false } = {}) {
  const name = m.location_name || m.location || '';
  if (!name && m.online) {
    const link = m.video_url && /^https:\/\//.test(m.video_url);
    // a meeting to come whose event names no video service yet (linkToCome:
    // an agenda's row): its link comes once the organisers name one
    return h('span', { class: 'online' }, t('agenda.online'), link
      ? [' · ', h('a', { href: m.video_url, target: '_blank', rel: 'noopener noreferrer', class: 'join', translate: 'no' }, t('agenda.join'))]
      : linkToCome ? [' · ', h('span', { class: 'no-link' }, t('agenda.link_to_come'))] : null);
  }
  const k = name.match(/^Table (\w+)$/i);
  if (k) return t('agenda.table_n', { n: k[1] });
  return name ? h('span', { translate: 'no' }, name) : '—';
}
