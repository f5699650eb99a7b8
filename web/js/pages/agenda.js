// My agenda: each meeting's time (in the event's timezone), table and the
// other party with a link to their organisation; the ICS feed for calendars;
// printable; and when the participant is available for B2B meetings. After
// meetings, the people met with their organisations, and their contacts.
// Between her meetings, the forum's talks and breaks of those days, marked
// as the programme's (fix-programme).

import { api, writesSettled } from '../api.js';
import { h, add, clear, list, scroller, outcome, dataName } from '../dom.js';
import { availabilityForm, conflictList } from '../availability.js';
import { tableName, orgInfo, orgName, localName, localText, personInfo } from '../people.js';
import { t, tx, time, date, dayTime, tn, errorText, timeZoneNote, timeZoneSentence, instant } from '../i18n.js';
import { state, whileBusy, zoneOfIt } from '../app.js';
import { myOutcomes, outcomeControl } from '../outcomes.js';
import { sendUnsent, unsentOutcomes } from '../unsent.js';
import { refusalWhy } from '../words.js';
import { partnerAbsentButton } from '../day.js';
import { serverNow } from '../clock.js';
import { dayOffAsk, dayOffSaid } from '../dayoff.js';
import { sessionKind, sessionAbout } from './programme.js';

// What became of the outcomes said without a connection (unsent.js): those
// the server took as the page opened, those it refused for good (each with
// why: a meeting cancelled since, say), and how many this phone still keeps.
function unsentNotes(later, left) {
  const sent = later ? later.sent : 0, refused = later ? later.refused : [];
  if (!sent && !refused.length && !left) return null;
  return h('div', { id: 'agenda-unsent' },
    sent ? h('p', { class: 'notice', id: 'agenda-unsent-sent', role: 'status' }, tn('agenda.unsent_sent', sent)) : null,
    refused.length ? h('div', { class: 'flash error', id: 'agenda-unsent-refused', role: 'alert' },
      h('p', {}, tn('agenda.unsent_refused', refused.length)),
      h('ul', {}, refused.map((x) => h('li', {}, refusalWhy(x.error))))) : null,
    left ? h('p', { class: 'notice', id: 'agenda-unsent-left', role: 'status' }, tn('agenda.unsent_left', left)) : null);
}

// What the last "I can't come this day" did, said once the agenda is drawn
// again without those meetings.
let dayOffDone = null;

// Under a day's heading with meetings of hers to come: "I can't come this
// day" (web/js/dayoff.js); done, the agenda is drawn again.
function dayOffControl(main, m, heading) {
  const event = m.event, day = (m.start || m.starts_at).slice(0, 10), zone = zoneOfIt(m);
  return dayOffAsk({
    day, zone, label: t('dayoff.button'), heading,
    send: (dryRun) => api.dayOff(event, day, dryRun),
    done: async (reply) => {
      dayOffDone = dayOffSaid(reply, zone, heading.textContent);
      clear(main);
      await renderAgenda(main);
    },
  });
}

// The day of x at zone's clock (a meeting's own event's: zoneOfIt).
function dayKey(x, zone) {
  return date(x, { dateStyle: 'full' }, zone);
}

// The events the meetings are at, each by its name and venue in the page's
// language (on screen and on paper): "DFNC2 · Brussels".
// With meetings in more than one zone, each event names its zone too.
function eventsLine(meetings, zoned) {
  const seen = new Map();
  for (const m of meetings) if (m.event && m.event_name && !seen.has(m.event)) seen.set(m.event, m);
  if (seen.size === 0) return null;
  return h('p', { id: 'agenda-event' }, [...seen.values()].map((m, i) => [i ? h('br') : null,
    localText(m.event_name, m.event_name_uk, { class: 'event-name' }),
    m.venue || m.venue_uk ? [' · ', localText(m.venue, m.venue_uk, { class: 'venue' })] : null,
    zoned && m.timezone ? [' · ', h('span', { class: 'tz', translate: 'no' }, m.timezone)] : null]));
}

// The zones of the meetings' events: more than one, and each time is read
// at its own event's clock, the zone named beside it.
function zonesOf(meetings) {
  return new Set(meetings.map(zoneOfIt).filter(Boolean));
}

// Whether a meeting may still move: the agenda's own flag where it gives
// one, else the event's publication (before it, a new scheduler run moves
// meetings; publishing locks them).
function provisionalOf(meetings) {
  const flagged = meetings.some((m) => typeof m.published === 'boolean');
  const unpublished = !!state.event && !state.event.published_at;
  return (m) => (flagged ? m.published === false : unpublished);
}

// Accepted requests of this event that have no meeting yet: before
// publication they wait for the organisers' next scheduler run, and
// nothing else would tell the participant the "yes" was not lost.
async function waitingSection(meetings, requests) {
  const reqs = await requests;
  if (!reqs) return null;
  const placed = new Set(meetings.map((m) => m.request || m.id));
  const ev = state.event && state.event.id;
  const me = state.me && state.me.person ? state.me.person.id : '';
  const open = reqs.filter((r) => r.status === 'accepted' && !placed.has(r.id) && (!ev || !r.event || r.event === ev));
  if (open.length === 0) return null;
  // whom she meets: the other side, or both people of a colleague's
  // request she attends
  const named = async (id) => {
    const p = await personInfo(id);
    const org = p.organisation ? orgName(await orgInfo(p.organisation)) : '';
    return [h('strong', {}, dataName(p.name || id)), org ? [' · ', dataName(org)] : null];
  };
  const items = await Promise.all(open.map(async (r) => {
    const ids = r.direction === 'attending' ? [r.from, r.to] : [r.from === me ? r.to : r.from];
    const parts = await Promise.all(ids.map(named));
    return h('li', { dataset: { request: r.id } }, parts.map((x, i) => [i ? ', ' : null, x]));
  }));
  return h('section', { class: 'card', id: 'agenda-waiting', 'aria-labelledby': 'agenda-waiting-h' },
    h('h2', { id: 'agenda-waiting-h' }, tn('agenda.waiting', open.length)),
    h('p', { class: 'muted' }, t('agenda.waiting_hint')),
    h('ul', { class: 'people' }, items));
}

// Meeting requests of this event waiting for the participant's answer: she
// lands on her agenda at sign-in, and an unanswered request is a meeting
// neither side gets.
async function toAnswerNotice(requests) {
  const reqs = await requests;
  if (!reqs) return null;
  const me = state.me && state.me.person ? state.me.person.id : '';
  const ev = state.event && state.event.id;
  const n = reqs.filter((r) => r.status === 'pending' && (r.direction ? r.direction === 'received' : r.to === me)
    && (!ev || !r.event || r.event === ev)).length;
  if (n === 0) return null;
  return h('p', { class: 'notice no-print', id: 'agenda-to-answer' }, tn('agenda.to_answer', n), ' ',
    h('a', { href: '/requests' }, t('agenda.to_answer_link')));
}

// Why a meeting left the agenda, from where the reader stands: cancelled
// by them, by the other side or by the organisers, or the request declined
// or pending again. One left out by a later run (still accepted) is in the
// waiting list instead.
function cancelledWhy(m, request, me) {
  if (m.status === 'declined') return t('agenda.cancelled_declined');
  if (m.status === 'pending') return t('agenda.cancelled_pending');
  if (m.cancelled_by === 'organiser') return t('agenda.cancelled_by_organisers');
  const mine = request && ((m.cancelled_by === 'requester' && request.from === me)
    || (m.cancelled_by === 'addressee' && request.to === me));
  if (mine) return t('agenda.cancelled_by_you');
  return m.cancelled_by ? t('agenda.cancelled_by_other') : t('agenda.cancelled_plain');
}

// Meetings of this event that left the agenda since they were placed (the
// other side cancelled, the organisers did): a meeting does not just vanish
// from the participant's day; each at its last time and table, with whom
// and why. The calendar file and feed mark them cancelled too.
async function cancelledSection(requests) {
  let gone;
  try { gone = list(await api.agendaCancelled(), 'meetings'); } catch (_) { return null; }
  const ev = state.event && state.event.id;
  const shown = gone.filter((m) => m.status !== 'accepted' && (!ev || !m.event || m.event === ev))
    .sort((a, b) => instant(a.start) - instant(b.start));
  if (shown.length === 0) return null;
  const me = state.me && state.me.person ? state.me.person.id : '';
  const byId = new Map((await requests || []).map((r) => [r.id, r]));
  const items = shown.map((m) => {
    const others = list(m.people).filter((p) => p.id !== me);
    return h('li', { dataset: { request: m.request } },
      h('span', { class: 'when' }, `${dayTime(m.start, zoneOfIt(m))}–${time(m.end, zoneOfIt(m))}`),
      m.location ? [' · ', tableName({ location_name: m.location })] : null,
      h('br'),
      h('span', { translate: 'no' }, others.map((p, k) => [k ? ', ' : '', h('strong', {}, dataName(p.name || p.id)),
        p.organisation_name ? [' · ', localName(p.organisation_name, p.organisation_name_uk)] : null])),
      h('br'),
      h('span', { class: 'muted why' }, cancelledWhy(m, byId.get(m.request), me)));
  });
  return h('section', { class: 'card no-print', id: 'agenda-cancelled', 'aria-labelledby': 'agenda-cancelled-h' },
    h('h2', { id: 'agenda-cancelled-h' }, tn('agenda.cancelled', shown.length)),
    h('ul', { class: 'people' }, items));
}

// After the forum: the people met at meetings that have begun and took
// place (GET /me/met: of other organisations; none marked "did not take
// place"), each with their organisation's profile in one place, and their
// contacts as a file for a phone's address book (vCard, no e-mail).
async function metSection() {
  let met;
  try { met = list(await api.met(), 'people'); } catch (_) { return null; }
  if (met.length === 0) return null;
  const items = met.map((p) => h('li', { dataset: { person: p.id } },
    h('strong', { translate: 'no' }, dataName(p.name)),
    p.title ? [' · ', h('span', { translate: 'no' }, dataName(p.title))] : null,
    h('br'),
    h('a', { href: `/organisations/${encodeURIComponent(p.organisation)}`, translate: 'no' },
      localName(p.organisation_name, p.organisation_name_uk)),
    p.country ? [' · ', h('span', { translate: 'no' }, p.country)] : null,
    p.website ? [' · ', h('a', { href: p.website, rel: 'noopener noreferrer', translate: 'no' }, p.website.replace(/^https?:\/\//, ''))] : null,
    p.description || p.description_uk ? h('p', { class: 'muted' }, localText(p.description, p.description_uk)) : null));
  return h('section', { class: 'card', id: 'agenda-met', 'aria-labelledby': 'agenda-met-h' },
    h('h2', { id: 'agenda-met-h' }, tn('agenda.met', met.length)),
    h('p', { class: 'muted', id: 'agenda-met-hint' }, t('agenda.met_hint')),
    h('p', { class: 'actions no-print' },
      h('a', { class: 'button', id: 'contacts-link', href: '/api/v1/me/contacts.vcf', download: 'contacts.vcf' }, t('agenda.contacts'))),
    h('ul', { class: 'people' }, items));
}

// "When are you available?": the participant's own availability (the
// shared form, web/js/availability.js). A save names the meetings already in
// a slot now away: before publication the next scheduler run moves them;
// after it they stay until cancelled or moved by the organisers.
// Each slot that holds one of her meetings says so beside its box: the
// others are when she is free, for a meeting agreed on the day.
async function availabilitySection(meetings) {
  const event = state.event && state.event.id;
  let av;
  try { av = await api.availability(event); } catch (_) { return null; }
  const form = availabilityForm(av, {
    busy: new Set(meetings.map((m) => instant(m.start || m.starts_at))),
    save: (away) => api.setAvailability(av.event, away),
    saved: (r, away) => (away.length ? tn('availability.saved', away.length) : t('availability.saved_all')),
    conflicts: (r) => conflictList(r, ['availability.conflict', 'availability.conflict_published']),
  });
  if (!form) return null;
  return h('section', { class: 'card no-print', id: 'agenda-availability', 'aria-labelledby': 'availability-h' },
    h('h2', { id: 'availability-h' }, t('availability.title')),
    h('p', { class: 'muted', id: 'availability-hint' }, t('availability.hint')),
    form);
}

// Copies the feed's link (a phone's calendar app asks for it pasted); where
// the browser allows no clipboard (a page not served over https) the link
// is selected for the person to copy.
// The link copied is the one shown when it is clicked (the programme's
// choice below may have changed it since).
function copyButton(out) {
  const btn = h('button', { type: 'button', id: 'feed-copy', class: 'secondary' }, t('agenda.feed_copy'));
  btn.addEventListener('click', async () => {
    const link = out.el.querySelector('a');
    try {
      await navigator.clipboard.writeText(link.href);
      btn.textContent = t('agenda.feed_copied');
    } catch (_) {
      const range = document.createRange();
      range.selectNodeContents(link);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      btn.textContent = t('agenda.feed_selected');
    }
  });
  return btn;
}

// Whether her calendar (the file and the feed) holds the forum's talks and
// breaks beside her meetings (the default), or her meetings alone
// (`?programme=0`, docs/api.md): a box, changed() called when it changes
// for the links to follow it; link(url) is url as the box says.
function programmeChoice(changed) {
  const box = h('input', { type: 'checkbox', id: 'ics-programme', name: 'programme', checked: true });
  box.addEventListener('change', () => changed());
  return {
    el: h('div', { class: 'field check no-print' }, box, h('label', { for: 'ics-programme' }, t('agenda.ics_programme'))),
    link: (url) => (box.checked ? url : `${url}?programme=0`),
  };
}

// The meeting under way, else the next one, under the page's title: a
// participant between meetings, on a phone, looks for when, which table and
// whom, not for the calendar links and the whole list. One still to come on
// another day names its day; one today says what to do when the partner
// does not come.
function nextMeeting(meetings, start, end, withWhom) {
  const now = serverNow();
  const m = meetings.find((x) => instant(end(x)) > now);
  if (!m) return null;
  const zone = zoneOfIt(m);
  const today = dayKey(start(m), zone) === dayKey(now, zone);
  const when = `${time(start(m), zone)}–${time(end(m), zone)}`;
  return h('section', { class: 'card next-meeting no-print', id: 'agenda-next', 'aria-labelledby': 'agenda-next-h' },
    h('h2', { id: 'agenda-next-h' }, t(instant(start(m)) <= now ? 'agenda.now' : 'agenda.next')),
    h('p', { class: 'next-when' }, h('strong', {}, today ? when : `${dayKey(start(m), zone)}, ${when}`), ' · ',
      tableName({ location_name: m.location_name || m.location, online: m.online, video_url: m.video_url }, { linkToCome: true })),
    h('p', { translate: 'no' }, withWhom(m)),
    m.introduced ? h('p', { class: 'muted by-organisers' }, t('agenda.by_organisers')) : null,
    movedNote(m, start, end),
    today ? h('p', { class: 'muted' }, t('agenda.next_absent')) : null,
    // under way: she tells the desk her partner is not here (day.js)
    instant(start(m)) <= now && m.request ? partnerAbsentButton(m) : null);
}

// "Moved by the organisers: was 10:40, Table 5" on a meeting an organiser
// moved, while it is still to come: its people look for it where it was.
// The old time names its day when that was another.
function movedNote(m, start, end) {
  const was = m.moved_from;
  if (!was || !was.start || instant(end(m)) <= serverNow()) return null;
  const zone = zoneOfIt(m);
  const when = dayKey(was.start, zone) === dayKey(start(m), zone) ? time(was.start, zone) : dayTime(was.start, zone);
  return h('p', { class: 'moved-note', role: 'note' },
    tx('agenda.moved', { time: when, table: tableName({ location_name: was.location, online: was.online }) }));
}

// The link to the meeting's messages between its people, on the requests
// page (fix-messages): "running ten minutes late" is written there.
function threadLink(m) {
  if (!m.request) return null;
  return [h('br'), h('a', { class: 'thread-link no-print', href: `/requests?thread=${encodeURIComponent(m.request)}` }, t('messages.open'))];
}

// The forum's programme around her meetings: the talks and breaks (the
// sessions not of B2B meetings) of her meetings' events, on every day of
// the event (GET /events/{id}), each with its event's zone: on a day she
// has no meeting she still looks for the keynote. They are not hers: not
// counted, no outcome, marked as the programme's. Unread (offline, say),
// the agenda is her meetings alone.
async function programmeAround(meetings) {
  const ids = [...new Set(meetings.map((m) => m.event).filter(Boolean))];
  const events = await Promise.all(ids.map((id) => api.event(id).catch(() => null)));
  const out = [];
  for (const ev of events) {
    if (!ev) continue;
    const zone = zoneOfIt(ev);
    for (const s of list(ev.sessions)) {
      if (s.kind !== 'b2b') out.push({ ...s, event: ev.id, timezone: zone, programme: true });
    }
  }
  return out;
}

// A talk or break of the programme as a row of her day: its time, its name
// in the page's language, its kind, place and description, said to be the
// forum's programme.
function programmeRow(s, zone, zoned) {
  return h('tr', { class: `programme kind-${s.kind}`, role: 'row', dataset: { session: s.id } },
    h('td', { role: 'cell' }, `${time(s.starts_at, zone)}–${time(s.ends_at, zone)}`,
      zoned ? [h('br'), h('span', { class: 'muted tz', translate: 'no' }, zone)] : null),
    h('td', { colspan: 2, role: 'cell' }, localText(s.name, s.name_uk, { class: 'session-name' }), ' ',
      h('span', { class: `badge kind ${s.kind}` }, sessionKind(s.kind)), sessionAbout(s),
      h('span', { class: 'muted programme-mark' }, t('agenda.programme_mark'))));
}

export async function renderAgenda(main) {
  // an answer still on its way (an accept placing its meeting) first: the
  // agenda as it is once it is answered, not as it was before it
  await writesSettled();
  // the event again: the organisers may have published since sign-in
  const [ag, evs] = await Promise.all([api.agenda(), api.events().catch(() => null)]);
  const fresh = state.event && list(evs, 'events').find((e) => e.id === state.event.id);
  if (fresh) state.event = { ...state.event, ...fresh };
  const start = (m) => m.start || m.starts_at;
  const end = (m) => m.end || m.ends_at;
  const meetings = list(ag, 'meetings').slice().sort((a, b) => instant(start(a)) - instant(start(b)));
  const provisional = provisionalOf(meetings);
  const feedOut = outcome('feed-url', { class: 'feed' });
  const ICS = '/api/v1/me/agenda.ics';
  let feedUrl = null;   // the feed's link as made, before the choice's query
  const ics = h('a', { class: 'button', id: 'ics-link', href: ICS, download: 'agenda.ics' }, t('agenda.ics'));
  const choice = programmeChoice(() => {
    ics.href = choice.link(ICS);
    const shown = feedUrl && feedOut.el.querySelector('a');
    if (shown) {
      shown.href = choice.link(feedUrl);
      shown.textContent = shown.getAttribute('href');
    }
  });
  // a feed URL that leaked stops at once; a new link turns it on again; the
  // button shows only while a feed is on (GET /me says whether one is)
  const feedOff = h('button', {
    type: 'button', id: 'feed-off', hidden: !(state.me && state.me.feed),
    onclick: () => whileBusy([feedOff], async () => {
      try {
        await api.feedOff();
        if (state.me) state.me.feed = false;
        feedUrl = null;
        feedOut.ok(t('agenda.feed_is_off'));
        feedOff.hidden = true;
        subscribe.focus();
      } catch (e) { feedOut.fail(`${t('error.save')} ${errorText(e)}`); }
    }),
  }, t('agenda.feed_off'));
  const subscribe = h('button', {
    type: 'button', id: 'feed-new',
    onclick: async () => {
      try {
        const f = await api.newFeed();
        if (state.me) state.me.feed = true;
        feedOff.hidden = false;
        feedUrl = f.url;
        const url = choice.link(f.url);
        feedOut.ok(t('agenda.feed_ready'), ' ', h('a', { href: url }, url), ' ', copyButton(feedOut));
      } catch (e) { feedOut.fail(`${t('error.save')} ${errorText(e)}`); }
    },
  }, t('agenda.subscribe'));
  const person = state.me && state.me.person ? state.me.person : {};
  // meetings at events in several zones: each at its own event's clock
  const zoned = zonesOf(meetings).size > 1;
  add(main,
    h('h1', {}, t('agenda.title')),
    h('p', { class: 'print-only' }, person.name || ''),
    timeZoneNote() ? h('p', { class: 'notice', id: 'tz-note', role: 'alert' }, timeZoneNote())
      : h('p', { class: 'muted', id: 'agenda-tz' }, zoned ? t('agenda.tz_each') : timeZoneSentence()),
    meetings.some(provisional) ? h('p', { class: 'notice', id: 'agenda-provisional', role: 'status' }, t('agenda.provisional')) : null,
    choice.el,
    h('div', { class: 'actions no-print' },
      ics,
      // on paper, as the desk prints it: once the agendas are published
      // (what is provisional is not printed: the server refuses it)
      state.event && state.event.published_at
        ? h('a', { class: 'button', id: 'agenda-pdf-link', href: `/api/v1/me/agenda.pdf?event=${encodeURIComponent(state.event.id)}`, download: 'agenda.pdf' }, t('agenda.pdf'))
        : null,
      subscribe,
      feedOff,
      h('button', { type: 'button', onclick: () => window.print() }, t('print'))),
    h('div', { class: 'no-print' }, feedOut.el,
      h('p', { class: 'muted', id: 'ics-hint' }, t('agenda.ics_hint')),
      h('p', { class: 'muted' }, t('agenda.subscribe_hint'))),
    state.event && !state.event.published_at && meetings.length === 0 ? h('p', { class: 'muted' }, t('agenda.unpublished')) : null);
  // what the meetings that have begun led to, as the participant says
  const begun = (m) => instant(start(m)) <= serverNow();
  const requests = api.requests().then((r) => list(r, 'requests')).catch(() => null);
  // outcomes said without a connection go first, so that the list read next holds them
  const meId = person.id || '';
  const later = meetings.some(begun) ? await sendUnsent(meId).catch(() => null) : null;
  const unsent = unsentOutcomes(meId);
  const [toAnswer, waiting, cancelled, availability, said, met, programme] = await Promise.all([toAnswerNotice(requests),
    waitingSection(meetings, requests), cancelledSection(requests), availabilitySection(meetings),
    meetings.some(begun) ? myOutcomes().catch(() => null) : null,
    meetings.some(begun) ? metSection() : null, programmeAround(meetings)]);
  const title = main.querySelector('h1');
  if (toAnswer && title) title.after(toAnswer);
  // what a day given up did, first under the title (said after the rest is drawn)
  const gaveUp = dayOffDone;
  dayOffDone = null;
  const sayGaveUp = () => {
    if (!gaveUp || !title) return;
    title.after(gaveUp);
    gaveUp.focus();
  };
  const unsentNote = unsentNotes(later, unsent.size);
  if (unsentNote && title) title.after(unsentNote);
  if (meetings.length === 0) { add(main, h('p', { id: 'agenda-empty' }, t('agenda.empty')), waiting, cancelled, availability); sayGaveUp(); return; }
  // once every meeting is over, the people met come first; before, after the days
  const over = meetings.every((m) => instant(end(m)) <= serverNow());
  add(main, eventsLine(meetings, zoned), h('p', { class: 'count' }, tn('agenda.count', meetings.length)),
    h('p', { class: 'no-print', id: 'agenda-programme-link' }, h('a', { href: '/programme' }, t('agenda.programme_link'))),
    waiting, cancelled);
  const me = (state.me && state.me.person && state.me.person.id) || (ag && ag.person);
  // The other parties: docs/api.md gives every attendee in people[]; an older
  // shape gave the other one in with{}.
  const others = (m) => (m.people ? list(m.people).filter((p) => p.id !== me) : [m.with || {}]);
  const orgNames = new Map();
  const needNames = [];
  for (const m of meetings) {
    for (const p of others(m)) {
      const id = typeof p.organisation === 'object' && p.organisation ? p.organisation.id : p.organisation;
      // the agenda names each organisation in both languages (organisation_name_uk
      // is null where it has no Ukrainian name); an older shape named it in one
      if (id && p.organisation_name && ('organisation_name_uk' in p || document.documentElement.lang !== 'uk')) {
        orgNames.set(id, localName(p.organisation_name, p.organisation_name_uk));
      } else if (id && !orgNames.has(id)) needNames.push(id);
    }
  }
  await Promise.all([...new Set(needNames)].map(async (id) => orgNames.set(id, orgName(await orgInfo(id)))));
  // the other people, each with a link to their organisation's profile
  // (what it offers and needs), and the interpreter
  const withWhom = (m) => [others(m).map((w, k) => {
    const orgId = w.organisation && typeof w.organisation === 'object' ? w.organisation.id : w.organisation;
    return [k ? h('br') : null, h('strong', {}, w.name || w.id || ''),
      orgId ? [' · ', h('a', { href: `/organisations/${encodeURIComponent(orgId)}` }, orgNames.get(orgId) || orgId)] : null];
  }), m.interpreter ? [h('br'), h('span', { class: 'muted interpreter' }, t('agenda.interpreter', { name: m.interpreter }))] : null];
  const next = nextMeeting(meetings, start, end, withWhom);
  if (next) main.querySelector('h1').after(next);
  if (met && over) main.querySelector('h1').after(met);
  let current = '';
  let table = null;
  let tbody = null;
  let session = null;
  let days = 0;
  // her meetings and the programme's talks and breaks, by their start (a
  // talk before a meeting that starts with it)
  const items = [...meetings, ...programme].sort((a, b) => instant(start(a)) - instant(start(b))
    || (b.programme ? 1 : 0) - (a.programme ? 1 : 0));
  // the days she meets someone: another of the event's days says she does not
  const meetingDays = new Set(meetings.map((m) => dayKey(start(m), zoneOfIt(m))));
  // a day with a meeting of hers still to come may be given up ("I can't come")
  const toCome = new Map();
  for (const m of meetings) {
    const k = dayKey(start(m), zoneOfIt(m));
    if (!toCome.has(k) && m.event && !begun(m)) toCome.set(k, m);
  }
  for (const m of items) {
    const zone = zoneOfIt(m);
    const d = dayKey(start(m), zone);
    if (d !== current) {
      current = d;
      tbody = null;
      days += 1;
      // each day's table named by its day, for a screen reader's list of tables
      // the roles keep it a table to a screen reader where a phone's
      // style lays its rows out as blocks (app.css)
      table = h('table', { class: 'agenda', role: 'table', 'aria-labelledby': `day-${days}` },
        h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' },
          h('th', { scope: 'col', role: 'columnheader' }, t('agenda.time')),
          h('th', { scope: 'col', role: 'columnheader' }, t('agenda.table')),
          h('th', { scope: 'col', role: 'columnheader' }, t('agenda.with')))));
      const heading = h('h2', { id: `day-${days}` }, d);
      add(main, heading,
        toCome.has(d) ? dayOffControl(main, toCome.get(d), heading) : null,
        meetingDays.has(d) ? null : h('p', { class: 'muted day-none' }, t('agenda.day_none')),
        scroller({ 'aria-labelledby': `day-${days}` }, table));
    }
    if (m.programme) {
      // a row group of its own: the meetings after it start a new one
      session = null;
      tbody = h('tbody', { role: 'rowgroup' }, programmeRow(m, zone, zoned));
      table.append(tbody);
      continue;
    }
    // the day's meetings by programme session, each group headed by its
    // name in the page's language
    const named = m.session_name || m.session_name_uk;
    const key = named ? `${m.session_name || ''}\n${m.session_name_uk || ''}` : '';
    if (!tbody || key !== session) {
      session = key;
      tbody = h('tbody', { role: 'rowgroup' }, named ? h('tr', { class: 'session', role: 'row' },
        h('th', { scope: 'rowgroup', colspan: 3, role: 'rowheader' }, localText(m.session_name, m.session_name_uk, { class: 'session-name' }))) : null);
      table.append(tbody);
    }
    const asks = said && begun(m) && m.request;
    tbody.append(h('tr', { class: ['meeting', provisional(m) ? 'provisional' : '', asks ? 'has-outcome' : ''].filter(Boolean).join(' '), role: 'row', dataset: { id: m.id } },
      h('td', { role: 'cell' }, `${time(start(m), zone)}–${time(end(m), zone)}`,
        zoned ? [h('br'), h('span', { class: 'muted tz', translate: 'no' }, zone)] : null,
        provisional(m) ? [h('br'), h('span', { class: 'badge provisional' }, t('agenda.provisional_short'))] : null),
      h('td', { role: 'cell' }, tableName({ location_name: m.location_name || m.location, online: m.online, video_url: m.video_url }, { linkToCome: true }), threadLink(m)),
      h('td', { role: 'cell', translate: 'no' }, withWhom(m),
        // booked, or introduced, by the organisers: she did not ask for it herself
        m.introduced ? [h('br'), h('span', { class: 'muted by-organisers', translate: 'yes' }, t('agenda.by_organisers'))] : null)));
    // where it was, on a row of its own under it, across the row: on a
    // phone the time column is too narrow for a sentence
    const moved = movedNote(m, start, end);
    if (moved) tbody.append(h('tr', { class: 'moved-row', role: 'row' }, h('td', { colspan: 3, role: 'cell' }, moved)));
    // its outcome on a row of its own under it (page text, not the data's),
    // under the meeting's table and people rather than its time, and with no
    // line between the two, so that it reads as the meeting's, on a phone too
    if (asks) {
      tbody.append(h('tr', { class: 'outcome-row no-print', role: 'row' }, h('td', { class: 'outcome-gap', role: 'cell' }),
        h('td', { colspan: 2, role: 'cell' }, outcomeControl(m.request, said.get(m.request), unsent.get(m.request)))));
    }
  }
  if (met && !over) add(main, met);
  add(main, availability);
  sayGaveUp();
}
