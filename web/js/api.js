// The JSON API client: one place that knows the paths of /api/v1. Cookie
// sessions; state changes carry X-CSRF-Token (kept in sessionStorage so a
// reload keeps it; taken again from GET /me in a new tab). Errors become ApiError with the server's code and message.

const BASE = '/api/v1';
const CSRF_KEY = 'dfnc.csrf';

export class ApiError extends Error {
  constructor(status, code, message, body) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

function csrf() {
  try { return sessionStorage.getItem(CSRF_KEY) || ''; } catch (_) { return ''; }
}
function setCsrf(tok) {
  try {
    if (tok) sessionStorage.setItem(CSRF_KEY, tok); else sessionStorage.removeItem(CSRF_KEY);
  } catch (_) { /* ignore */ }
}

// The state changes this tab has sent and not yet had answered. A page that
// shows what one may change waits for them (writesSettled) before it reads:
// an accept at a published event places its meeting before it answers, and
// an agenda opened meanwhile (Accept, then "My agenda" at once) would read
// the store as it was and never show it.
const writes = new Set();

async function call(method, path, body, opts) {
  if (method === 'GET' || method === 'HEAD') return send(method, path, body, opts);
  const sent = send(method, path, body, opts);
  const settled = sent.then(() => {}, () => {});
  writes.add(settled);
  settled.then(() => writes.delete(settled));
  return sent;
}

// Resolves once every state change this tab has in flight is answered (or
// has failed), at once when none is; after WRITES_WAIT_MS at the most, so
// that a write the network holds does not keep a page from showing.
const WRITES_WAIT_MS = 15000;
export function writesSettled() {
  if (writes.size === 0) return Promise.resolve();
  return Promise.race([Promise.all([...writes]), new Promise((resolve) => { setTimeout(resolve, WRITES_WAIT_MS); })]);
}

// When the server was out of reach and the service worker (sw.js) answered
// with what it kept: when that answer was fetched (ISO 8601); null once the
// server answers again.
const SAVED_AT = 'X-Dfnc-Saved-At';
let savedAt = null;
export function offlineSavedAt() { return savedAt; }

async function send(method, path, body, opts) {
  const headers = { Accept: 'application/json' };
  let payload;
  if (body !== undefined) {
    if (opts && opts.contentType) {
      headers['Content-Type'] = opts.contentType;
      payload = body;
    } else {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
  }
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrf();
  const r = await fetch(BASE + path, { method, headers, body: payload, credentials: 'same-origin' });
  savedAt = r.headers.get(SAVED_AT);
  const text = await r.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (_) { data = text; }
  }
  if (!r.ok) {
    const e = data && data.error ? data.error : {};
    throw new ApiError(r.status, e.code || String(r.status), e.message || r.statusText, data);
  }
  return data;
}

// A file the server draws (a GET of href, under /api/v1), as a Blob; a
// refusal as ApiError, with a 503's Retry-After (seconds) in retryAfter.
async function file(href) {
  if (!href.startsWith(`${BASE}/`)) throw new ApiError(0, 'bad_request', 'not an API path');
  const r = await fetch(href, { credentials: 'same-origin' });
  if (r.ok) return r.blob();
  let data = null;
  try { data = await r.json(); } catch (_) { /* not JSON: a proxy's page */ }
  const e = data && data.error ? data.error : {};
  const err = new ApiError(r.status, e.code || String(r.status), e.message || r.statusText, data);
  err.retryAfter = Number(r.headers.get('Retry-After')) || null;
  throw err;
}

// Whether this browser may hold a session: set at sign-in, dropped at
// sign-out or when the server says there is none. Without it the pages do
// not ask GET /me, so an anonymous visit costs no 401 (logged as an error by
// every browser console and by monitoring).
const HINT_KEY = 'dfnc.session';
function hint(on) {
  try {
    if (on) localStorage.setItem(HINT_KEY, '1'); else localStorage.removeItem(HINT_KEY);
  } catch (_) { /* ignore */ }
}
function hinted() {
  try { return localStorage.getItem(HINT_KEY) === '1'; } catch (_) { return true; }
}

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') u.set(k, v);
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

export const api = {
  health: () => call('GET', '/health'),
  stats: () => call('GET', '/stats'),
  async login(email, password) {
    const r = await call('POST', '/session', { email, password });
    setCsrf(r && r.csrf_token);
    hint(true);
    return r;
  },
  // "Forgot your password?": whether the forum can mail a link, then the
  // ask, answered alike whoever the address is (no session, no CSRF token)
  resetAvailable: () => call('GET', '/session/reset'),
  askReset: (email) => call('POST', '/session/reset', { email }),
  // An invitation's link (dfnc user invite): whom it greets; then the
  // password chosen, which signs in as login does.
  invitation: (token) => call('GET', `/invitations/${enc(token)}`),
  async acceptInvitation(token, password) {
    const r = await call('POST', `/invitations/${enc(token)}`, { password });
    setCsrf(r && r.csrf_token);
    hint(true);
    return r;
  },
  async logout() {
    try {
      await call('DELETE', '/session');
      hint(false);
    } catch (e) {
      if (e.status === 401) hint(false);   // it had ended already
      throw e;
    } finally { setCsrf(null); }
  },
  // her account and her data erased, her password asked again (GDPR Art.
  // 17): her session ends with her login
  async deleteMe(password) {
    const r = await call('DELETE', '/me', { password });
    hint(false);
    setCsrf(null);
    return r;
  },
  // every other session of this login ends; this one, and this browser's
  // device cookie (sent to /session paths), stay
  signOutOthers: () => call('DELETE', '/session/others'),
  // GET /me repeats the session's CSRF token: a new tab, or a browser opened
  // again on a kept cookie, has no copy of the sign-in reply's.
  async me() {
    if (!hinted()) throw new ApiError(401, 'unauthenticated', 'not signed in');
    try {
      const r = await call('GET', '/me');
      if (r && r.csrf_token) setCsrf(r.csrf_token);
      return r;
    } catch (e) {
      if (e.status === 401) hint(false);
      throw e;
    }
  },
  organisations: (filters) => call('GET', `/search/organisations${qs(filters)}`),
  organisation: (id) => call('GET', `/organisations/${enc(id)}`),
  // every organisation, in pages of the API's most (the organiser's pickers)
  allOrganisations: async () => {
    const out = [];
    for (;;) {
      const page = await call('GET', `/organisations${qs({ limit: 500, offset: out.length })}`);
      const got = (page && page.organisations) || [];
      out.push(...got);
      if (!got.length || out.length >= page.count) return out;
    }
  },
  updateOrganisation: (id, fields) => call('PUT', `/organisations/${enc(id)}`, fields),
  updateMe: (fields) => call('PUT', '/me', fields),
  // Whether the person is told by e-mail (docs/api.md, /me/mail).
  mail: () => call('GET', '/me/mail'),
  setMail: (notify) => call('PUT', '/me/mail', { notify }),
  consoleMail: () => call('GET', '/console/mail'),
  // the people whose requests at an event wait for an answer, reminded by mail (dry: counted only)
  // the organisers' words mailed to everyone the people list's filters pick (dry: counted only)
  mailPeople: (body, dry) => call('POST', '/console/people/mail', { ...body, dry_run: !!dry }),
  remindToAnswer: (event, dry) => call('POST', `/console/events/${enc(event)}/remind-to-answer`, { dry_run: !!dry }),
  // each person's meetings of a day of the event, mailed (dry: counted only)
  dayMail: (event, day, dry) => call('POST', `/console/events/${enc(event)}/day-mail`, { day, dry_run: !!dry }),
  // the people of an event's meetings begun who said no outcome, asked by mail what they led to (dry: counted only)
  askOutcomes: (event, dry) => call('POST', `/console/events/${enc(event)}/ask-outcomes`, { dry_run: !!dry }),
  // The whole list of offers and needs replaces the old one.
  setCapabilities: (org, capabilities) => call('PUT', `/organisations/${enc(org)}/capabilities`, { capabilities }),
  person: (id) => call('GET', `/people/${enc(id)}`),
  // The organiser's lists take {q, limit, offset} and more (docs/web.md)
  // and answer a page with the count of all that match.
  people: (params) => call('GET', `/console/people${qs(params)}`),
  // name badges or agendas on paper, a PDF (its href: console.js's badgesHref, agendasHref)
  pdf: (href) => file(href),
  cpv: (q, lang, limit) => call('GET', `/cpv${qs({ q, lang, limit })}`),
  events: () => call('GET', '/events'),
  event: (id) => call('GET', `/events/${enc(id)}`),
  updateEvent: (id, fields) => call('PUT', `/events/${enc(id)}`, fields),
  createEvent: (fields) => call('POST', '/events', fields),
  // kind: sessions | locations | interpreters
  removeFromEvent: (id, kind, item) => call('DELETE', `/events/${enc(id)}/${kind}/${enc(item)}`),
  forum: () => call('GET', '/forum'),
  suggestions: (top, region, sme, lang) => call('GET', `/me/suggestions${qs({ top, region, sme: sme ? 1 : undefined, lang })}`),
  partners: (text, top, region, sme, lang) => call('POST', '/me/partners', { text, top, region, sme: sme || undefined, lang }),
  consortiumProgrammes: () => call('GET', '/consortium/programmes'),
  // members: the lead first; candidates: the partners found, the best first
  consortiumCheck: (programme, members, candidates) => call('POST', '/consortium/check', { programme, members, candidates }),
  requests: (params) => call('GET', `/requests${qs(params)}`),
  // slot: the time she proposes (docs/api.md), or none
  sendRequest: (event, to, message, slot) => call('POST', '/requests', slot ? { event, to, message, slot } : { event, to, message }),
  personTimes: (id, event) => call('GET', `/people/${enc(id)}/times${qs({ event })}`),
  propose: (id, slot) => call('PUT', `/requests/${enc(id)}/proposal`, { slot }),
  introduce: (event, from, to, message) => call('POST', '/console/requests', { event: event || undefined, from, to, message }),
  // a meeting both agreed, booked by the organisers: at slot, or as an accept places it
  book: (event, from, to, slot) => call('POST', '/console/requests', { event: event || undefined, from, to, agreed: true, slot: slot || undefined }),
  // the times person id and person `other` are both free (the organisers')
  pairTimes: (id, other, event) => call('GET', `/console/people/${enc(id)}/times${qs({ with: other, event })}`),
  personSuggestions: (id, top, lang) => call('GET', `/console/people/${enc(id)}/suggestions${qs({ top, lang })}`),
  accept: (id) => call('POST', `/requests/${enc(id)}/accept`),
  decline: (id) => call('POST', `/requests/${enc(id)}/decline`),
  cancel: (id) => call('POST', `/requests/${enc(id)}/cancel`),
  // a colleague who joins the meeting, and one who no longer does
  addAttendee: (id, person) => call('POST', `/requests/${enc(id)}/attendees`, { person }),
  removeAttendee: (id, person) => call('DELETE', `/requests/${enc(id)}/attendees/${enc(person)}`),
  // messages between a request's people (fix-messages): its thread, a new
  // message, and the caller's threads with how many are new
  messages: (id) => call('GET', `/requests/${enc(id)}/messages`),
  sendMessage: (id, text) => call('POST', `/requests/${enc(id)}/messages`, { text }),
  myMessages: () => call('GET', '/me/messages'),
  // a request's people choose its meeting's time at a published event
  requestTimes: (id) => call('GET', `/requests/${enc(id)}/times`),
  // every pending request I received, its free times, in one call
  receivedTimes: () => call('GET', '/me/request-times'),
  acceptAt: (id, slot) => call('POST', `/requests/${enc(id)}/accept`, { slot }),
  agenda: () => call('GET', '/me/agenda'),
  // the meetings that left it: cancelled, declined, or waiting for a new time
  agendaCancelled: () => call('GET', '/me/agenda/cancelled'),
  // the people met at meetings that took place (fix-after)
  met: () => call('GET', '/me/met'),
  // what meetings led to: the caller's own (docs/api.md), the organisers' counts
  outcomes: () => call('GET', '/me/outcomes'),
  setOutcome: (request, outcome, note) => call('PUT', `/me/outcomes/${enc(request)}`, { outcome, note }),
  removeOutcome: (request) => call('DELETE', `/me/outcomes/${enc(request)}`),
  outcomeFigures: (event) => call('GET', `/console/events/${enc(event)}/outcomes`),
  report: (event) => call('GET', `/console/events/${enc(event)}/report`),
  procurementInstruments: () => call('GET', '/procurement/instruments'),
  procurementPlan: (instrument, asOf) => call('GET', `/procurement/plan${qs({ instrument, as_of: asOf })}`),
  // kind: demands | supplies; id undefined: a new one (the server makes its id)
  saveProcurement: (kind, id, fields) => (id ? call('PUT', `/procurement/${kind}/${enc(id)}`, fields)
    : call('POST', `/procurement/${kind}`, fields)),
  procurementItem: (kind, id) => call('GET', `/procurement/${kind}/${enc(id)}`),
  withdrawProcurement: (kind, id) => call('DELETE', `/procurement/${kind}/${enc(id)}`),
  // the event's B2B slots, each available or not; away replaces the set
  availability: (event) => call('GET', `/me/availability${qs({ event })}`),
  setAvailability: (event, away) => call('PUT', '/me/availability', { event, away }),
  // an organiser's view and change of anyone's
  personAvailability: (id, event) => call('GET', `/people/${enc(id)}/availability${qs({ event })}`),
  setPersonAvailability: (id, event, away) => call('PUT', `/people/${enc(id)}/availability`, { event, away }),
  // "I can't come that day": her meetings of day at event given up (a dry run first)
  dayOff: (event, day, dryRun) => call('POST', '/me/day-off', { event, day, dry_run: !!dryRun }),
  newFeed: () => call('POST', '/me/feed'),
  feedOff: () => call('DELETE', '/me/feed'),
  schedule: (event, timeLimit) => call('POST', `/events/${enc(event)}/schedule`, timeLimit ? { time_limit: timeLimit } : {}),
  publish: (event) => call('POST', `/events/${enc(event)}/publish`),
  lastRun: (event) => call('GET', `/events/${enc(event)}/schedule`),
  unscheduled: (event, params) => call('GET', `/events/${enc(event)}/unscheduled${qs(params)}`),
  meetings: (event, params) => call('GET', `/console/events/${enc(event)}/meetings${qs(params)}`),
  meetingCounts: (event) => call('GET', `/console/events/${enc(event)}/summary`),
  // day: another of the forum's days, up to today (a forgotten arrival); none: today
  checkin: (person, day) => call('POST', `/console/people/${enc(person)}/checkin`, day ? { day } : undefined),
  checkinUndo: (person, day) => call('DELETE', `/console/people/${enc(person)}/checkin${day ? `?day=${enc(day)}` : ''}`),
  // the help desk's view of one participant: who, and their agenda as they see it
  consolePerson: (id) => call('GET', `/console/people/${enc(id)}`),
  // a participant's erasure at the desk, on her request by letter: the body
  // names her again, so a request meant for another page erases nobody
  consolePersonErase: (id) => call('POST', `/console/people/${enc(id)}/erase`, { confirm: id }),
  // her meetings of day at event given up for her, the organisers' hand (a dry run first)
  consolePersonDayOff: (id, event, day, dryRun) => call('POST', `/console/people/${enc(id)}/day-off`, { event, day, dry_run: !!dryRun }),
  personAgenda: (id) => call('GET', `/console/people/${enc(id)}/agenda`),
  // one meeting moved by the desk on the forum's day: where it may go, and the move
  meetingMoves: (id) => call('GET', `/console/meetings/${enc(id)}/moves`),
  // a place of GET .../moves: a table, or online (held by video: no table)
  moveMeeting: (id, slot, location, online) => call('POST', `/console/meetings/${enc(id)}/move`,
    online ? { slot, online: true } : { slot, location }),
  // { mail: true }: each invitation is also mailed (409 mail_off while the forum sends none)
  inviteEveryone: (body) => call('POST', '/console/invitations', body),
  // a table out of use on the forum's day: its meetings moved in one go
  // (body {from, until?, dry_run?}), the event's tables out of use, one given back
  tablesOut: (event) => call('GET', `/console/events/${enc(event)}/out-of-use`),
  tableOut: (event, table, body) => call('POST', `/console/events/${enc(event)}/locations/${enc(table)}/out-of-use`, body),
  // one window (its from, and until unless it runs to the end) or, without from, every one
  tableBack: (event, table, from, until) => call('DELETE', `/console/events/${enc(event)}/locations/${enc(table)}/out-of-use`
    + (from ? `?from=${enc(from)}${until ? `&until=${enc(until)}` : ''}` : '')),
  // the organisers' announcements: the lines under every page's header
  announcements: () => call('GET', '/announcements'),
  // serve --backup-dir's copies, for the dashboard
  backups: () => call('GET', '/console/backups'),
  announce: (text, textUk, when = {}) => call('POST', '/console/announcements', { text, text_uk: textUk, ...when }),
  withdrawAnnouncement: (id) => call('DELETE', `/console/announcements/${enc(id)}`),
  // a walk-in at the desk: the person made, with her sign-in link (shown once)
  registerWalkin: (body) => call('POST', '/console/people', body),
  // a new sign-in link for one participant: a lost invitation, a forgotten password
  // (mail: also sent to her address, when the forum sends mail)
  newSigninLink: (person, mail) => call('POST', `/console/people/${enc(person)}/invitation`,
    mail ? { mail: true } : undefined),
  // applications to take part: the public form's, then the organisers'
  applicationsOpen: () => call('GET', '/applications/open'),
  apply: (body) => call('POST', '/applications', body),
  applications: (params) => call('GET', `/console/applications${qs(params)}`),
  setApplicationsOpen: (open) => call('PUT', '/console/applications/open', { open }),
  approveApplication: (id) => call('POST', `/console/applications/${enc(id)}/approve`),
  declineApplication: (id) => call('POST', `/console/applications/${enc(id)}/decline`),
  // the id a new organisation's name proposes, its Cyrillic in Latin letters
  proposedOrgId: (name) => call('GET', `/console/organisation-id${qs({ name })}`),
  glossaryStatus: () => call('GET', '/console/glossary/status'),
  // text (the textarea), or a file's bytes as they are when they are not
  // UTF-8: the server then names the encoding and says how to save the file
  // encoding: the file's bytes' (utf-8, windows-1251, windows-1252), or
  // undefined for the server's guess (src/io/codepage.c)
  // the forum's day: "my partner is not here", said at the table, and the
  // desk's list of those words
  partnerAbsent: (request) => call('POST', `/me/meetings/${enc(request)}/absent`),
  absences: (params) => call('GET', `/console/absences${qs(params || {})}`),
  absenceDealt: (id) => call('POST', `/console/absences/${enc(id)}/dealt`),
  importCsv: (kind, body, encoding) => call('POST', `/console/import/${enc(kind)}${encoding ? `?encoding=${enc(encoding)}` : ''}`,
    body, { contentType: typeof body === 'string' ? 'text/csv; charset=utf-8' : 'text/csv' }),
};
