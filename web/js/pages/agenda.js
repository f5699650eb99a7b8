// My agenda: each meeting's time (in the event's timezone), table and the
// other party with a link to their organisation; the ICS feed for calendars;
// printable.

import { api } from '../api.js';
import { h, add, list } from '../dom.js';
import { tableName, orgInfo, orgLabel } from '../people.js';
import { t, time, date, tn } from '../i18n.js';
import { state } from '../app.js';

function dayKey(x) {
  return date(x, { dateStyle: 'full' });
}

export async function renderAgenda(main) {
  const ag = await api.agenda();
  const meetings = list(ag, 'meetings').slice().sort((a, b) => String(a.starts_at).localeCompare(String(b.starts_at)));
  const feedOut = h('p', { class: 'feed', id: 'feed-url', role: 'status' });
  const subscribe = h('button', {
    type: 'button', id: 'feed-new',
    onclick: async () => {
      try {
        const f = await api.newFeed();
        feedOut.replaceChildren(t('agenda.feed_ready'), ' ', h('a', { href: f.url }, f.url));
      } catch (e) { feedOut.textContent = `${t('error.save')} ${e.message}`; }
    },
  }, t('agenda.subscribe'));
  const person = state.me && state.me.person ? state.me.person : {};
  add(main, 
    h('h1', {}, t('agenda.title')),
    h('p', { class: 'print-only' }, person.name || ''),
    h('p', { class: 'muted' }, t('agenda.tz', { tz: (state.event && state.event.timezone) || 'Europe/Brussels' })),
    h('div', { class: 'actions no-print' },
      h('a', { class: 'button', id: 'ics-link', href: '/api/v1/me/agenda.ics', download: 'agenda.ics' }, t('agenda.ics')),
      subscribe,
      h('button', { type: 'button', onclick: () => window.print() }, t('print'))),
    h('div', { class: 'no-print' }, feedOut, h('p', { class: 'muted' }, t('agenda.subscribe_hint'))),
    state.event && !state.event.published_at && meetings.length === 0 ? h('p', { class: 'muted' }, t('agenda.unpublished')) : null);
  if (meetings.length === 0) { add(main, h('p', { id: 'agenda-empty' }, t('agenda.empty'))); return; }
  add(main, h('p', { class: 'count' }, tn('agenda.count', meetings.length)));
  const orgNames = new Map();
  await Promise.all([...new Set(meetings.map((m) => m.with && (typeof m.with.organisation === 'object' ? m.with.organisation.id : m.with.organisation)).filter(Boolean))]
    .map(async (id) => orgNames.set(id, orgLabel(await orgInfo(id)))));
  let current = '';
  let tbody = null;
  for (const m of meetings) {
    const d = dayKey(m.starts_at);
    if (d !== current) {
      current = d;
      tbody = h('tbody');
      add(main, h('h2', {}, d), h('table', { class: 'agenda' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('agenda.time')), h('th', { scope: 'col' }, t('agenda.table')),
          h('th', { scope: 'col' }, t('agenda.with')))), tbody));
    }
    const w = m.with || {};
    const orgId = w.organisation && typeof w.organisation === 'object' ? w.organisation.id : w.organisation;
    const orgName = orgNames.get(orgId) || orgId || '';
    tbody.append(h('tr', { class: 'meeting', dataset: { id: m.id } },
      h('td', {}, `${time(m.starts_at)}–${time(m.ends_at)}`),
      h('td', {}, tableName(m)),
      h('td', { translate: 'no' }, h('strong', {}, w.name || w.id || ''), orgId ? [' · ', h('a', { href: `/organisations/${encodeURIComponent(orgId)}` }, orgName)] : null)));
  }
}
