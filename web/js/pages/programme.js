// The forum's programme for its participants: the event's days, each
// session in time order at the event's clock, by its name in the page's
// language and its kind (talks, a break, one-to-one meetings), and in each
// B2B session how many of her own meetings lie there, with a link to her
// agenda: a participant on a phone looks for when the plenary is and where
// her meetings fit around it. The read is GET /events/{id}, which gives the
// sessions to any signed-in user.

import { api } from '../api.js';
import { h, add, list } from '../dom.js';
import { localText } from '../people.js';
import { t, tn, time, date, dateRange, instant, timeZoneNote, timeZoneSentence } from '../i18n.js';
import { state, eventPicker, zoneOfIt } from '../app.js';

// A session's kind in the page's words; an unknown kind as written.
export function sessionKind(kind) {
  return ['b2b', 'conference', 'break'].includes(kind) ? t(`programme.kind_${kind}`) : kind;
}

// Where a session takes place and its short description, each in the page's
// language (the other where that one is not given), under its name; none
// when the organisers gave neither.
export function sessionAbout(s) {
  return [s.place || s.place_uk ? h('span', { class: 'place' }, localText(s.place, s.place_uk)) : null,
    s.description || s.description_uk ? h('span', { class: 'about muted' }, localText(s.description, s.description_uk)) : null];
}

// The sessions of an event (GET /events/{id}'s) in time order, each day's
// apart: [[day key, [session...]]], the day read at the event's clock.
export function sessionsByDay(sessions, zone) {
  const sorted = list(sessions).slice().sort((a, b) => instant(a.starts_at) - instant(b.starts_at)
    || instant(a.ends_at) - instant(b.ends_at));
  const days = new Map();
  for (const s of sorted) {
    const d = date(s.starts_at, { dateStyle: 'full' }, zone);
    if (!days.has(d)) days.set(d, []);
    days.get(d).push(s);
  }
  return [...days.entries()];
}

// How many of meetings (her agenda's, at this event) start within session s.
function meetingsIn(s, meetings) {
  const from = instant(s.starts_at), to = instant(s.ends_at);
  return meetings.filter((m) => {
    const at = instant(m.start || m.starts_at);
    return at >= from && at < to;
  }).length;
}

function sessionItem(s, zone, meetings, agendaHref) {
  const n = s.kind === 'b2b' ? meetingsIn(s, meetings) : 0;
  return h('li', { class: `session kind-${s.kind}`, dataset: { id: s.id, kind: s.kind } },
    h('span', { class: 'when' }, `${time(s.starts_at, zone)}–${time(s.ends_at, zone)}`),
    h('span', { class: 'what' },
      h('strong', {}, localText(s.name, s.name_uk, { class: 'session-name' })),
      ' ', h('span', { class: `badge kind ${s.kind}` }, sessionKind(s.kind)),
      sessionAbout(s),
      s.kind === 'b2b' ? h('span', { class: 'mine' }, n
        ? h('a', { href: agendaHref }, tn('programme.mine', n))
        : h('span', { class: 'muted' }, t('programme.mine_none'))) : null));
}

export async function renderProgramme(main) {
  const picker = await eventPicker();
  add(main, h('h1', {}, t('programme.title')), picker);
  const ev = state.event;
  if (!ev) { add(main, h('p', { class: 'muted', id: 'programme-empty' }, t('programme.no_event'))); return; }
  const [full, ag] = await Promise.all([api.event(ev.id), api.agenda().catch(() => null)]);
  const zone = zoneOfIt(full) || zoneOfIt(ev);
  const mine = list(ag, 'meetings').filter((m) => !m.event || m.event === ev.id);
  const picked = new URLSearchParams(location.search).get('event');
  const agendaHref = picked ? `/agenda?event=${encodeURIComponent(picked)}` : '/agenda';
  add(main,
    h('p', { id: 'programme-event' }, localText(full.name, full.name_uk, { class: 'event-name' }),
      full.starts_on ? [' · ', dateRange(full.starts_on, full.ends_on)] : null,
      full.venue || full.venue_uk ? [' · ', localText(full.venue, full.venue_uk, { class: 'venue' })] : null),
    timeZoneNote() ? h('p', { class: 'notice', id: 'tz-note', role: 'alert' }, timeZoneNote())
      : h('p', { class: 'muted', id: 'programme-tz' }, timeZoneSentence()));
  const days = sessionsByDay(full.sessions, zone);
  if (days.length === 0) { add(main, h('p', { class: 'muted', id: 'programme-empty' }, t('programme.empty'))); return; }
  days.forEach(([d, sessions], i) => add(main,
    h('section', { class: 'programme-day', 'aria-labelledby': `programme-day-${i + 1}` },
      h('h2', { id: `programme-day-${i + 1}` }, d),
      h('ol', { class: 'programme' }, sessions.map((s) => sessionItem(s, zone, mine, agendaHref))))));
}
