// The help desk's page of one participant (/console/people/ID), for "my
// meeting with X vanished" or "I have nothing on Thursday": who they are and
// whether they have arrived, their meetings as their agenda shows them (the
// event's own clock, the table, the other people, published or provisional),
// their requests sent and received with who cancelled one, a page at a time,
// and a cancel the organiser makes for them (docs/api.md, the request workflow).

import { api } from '../api.js';
import { h, add, clear, list, data, dataName, scroller, field, outcome } from '../dom.js';
import { t, tn, tx, countryName, wallDayTime, dayTime, date, isoDay, instant, errorText, getLang } from '../i18n.js';
import { flash, state, whileBusy, zoneOf, refuse } from '../app.js';
import { PAGE, askedOffset, pager } from '../pager.js';
import { localName, tableName, nameAndOrg, openRequests } from '../people.js';
import { suggestionCard, bestScore } from './suggestions.js';
import { withEvent, badgesHref, agendasHref } from './console.js';
import { takeWalkinLink, walkinLinkCard } from './walkin.js';
import { inTheWay, refusalWhy } from '../words.js';
import { serverNow } from '../clock.js';
import { colleaguesPart } from '../colleagues.js';
import { moveButton, moveResult } from '../meeting_move.js';
import { dayOffAsk, dayOffSaid } from '../dayoff.js';

const orgOfParty = (p) => localName(p.org_name || p.organisation_name, p.org_name_uk || p.organisation_name_uk);

// Whether the person is their organisation's contact, who edits its
// profile, offers and needs; if not, a button that makes them it (PUT
// /organisations/{id}), naming the contact they would replace.
function contactCell(p, org) {
  const cell = h('span', { id: 'desk-contact' });
  if (!org) return cell;
  const contact = list(org.people).find((x) => x.id === org.contact);
  if (contact && contact.id === p.id) return add(cell, t('desk.contact_yes'));
  const button = h('button', {
    type: 'button', id: 'desk-make-contact',
    onclick: async () => {
      if (contact && !window.confirm(t('desk.make_contact_confirm', { name: p.name, other: contact.name }))) return;
      button.disabled = true;
      try {
        await api.updateOrganisation(org.id, { contact: p.id });
        cell.replaceChildren(t('desk.contact_yes'));
        flash(cell.closest('dd'), t('saved'), 'ok', true);
      } catch (e) {
        button.disabled = false;
        flash(cell.closest('dd'), `${t('error.save')} ${errorText(e)}`, 'error');
        button.focus();
      }
    },
  }, t('desk.make_contact'));
  return add(cell, contact ? [tx('desk.contact_other', { name: dataName(contact.name) }), ' '] : [t('desk.contact_none'), ' '], button);
}

// A check-in button (attrs, its words label) that checks p in on day (none:
// today) and then says so in said (done(r)), flashed in where; a refusal
// flashed there too, the button back for another try.
function checkinButton(p, day, attrs, label, where, done) {
  const button = h('button', {
    type: 'button', ...attrs,
    onclick: async () => {
      button.disabled = true;
      try {
        done(await api.checkin(p.id, day));
        button.remove();
        flash(where, t('desk.checked_in'), 'ok', true);
      } catch (e) {
        button.disabled = false;
        flash(where, `${t('error.save')} ${errorText(e)}`, 'error');
        button.focus();
      }
    },
  }, label);
  return button;
}

// A button that takes back p's arrival on day (DELETE .../checkin?day=),
// then done(), "undone" flashed in where; a refusal flashed there, the
// button back for another try.
function checkinUndoButton(p, day, attrs, label, where, done) {
  const button = h('button', {
    type: 'button', ...attrs,
    onclick: async () => {
      button.disabled = true;
      try {
        await api.checkinUndo(p.id, day);
        button.remove();
        done();
        flash(where, t('checkin.undone'), 'ok', true);
      } catch (e) {
        button.disabled = false;
        flash(where, `${t('error.save')} ${errorText(e)}`, 'error');
        button.focus();
      }
    },
  }, label);
  return button;
}

// During the forum's second day or later, her arrival on the day before:
// none, and a button that records it (the desk forgot her then); or the
// one recorded, and a button that takes it back (given to the wrong
// person, or recorded by mistake), each turning into the other.
function yesterdayPart(p) {
  if (!p.yesterday) return null;
  const when = date(p.yesterday, { dateStyle: undefined, weekday: 'long', day: 'numeric', month: 'long' });
  const said = h('span', { id: 'desk-yesterday-said' });
  const part = h('p', { id: 'desk-yesterday', class: 'muted' });
  const describe = { 'aria-describedby': 'desk-yesterday-said' };
  const show = (arrived) => {
    clear(part);
    add(clear(said), tx(arrived ? 'desk.arrival_recorded_on' : 'desk.no_arrival_on', { day: when }));
    add(part, said, ' ', arrived
      ? checkinUndoButton(p, p.yesterday, { class: 'link', id: 'desk-checkin-yesterday-undo', ...describe },
        t('desk.checkin_undo_yesterday'), part, () => show(false))
      : checkinButton(p, p.yesterday, { id: 'desk-checkin-yesterday', ...describe },
        t('desk.checkin_yesterday'), part, () => show(true)));
  };
  show(!!p.yesterday_checked_in_at);
  return part;
}

// Whether they have arrived, and when (during the forum: today, her last
// arrival said when she came on an earlier day only); if not, a button that
// checks them in here (the desk opened their page from the list or a
// search, and should not have to look for them again on the check-in page);
// and the day before's arrival when the desk has none (yesterdayPart).
function arrivalCell(p) {
  const before = !p.checked_in_at && p.day && p.last_checked_in_at;
  // an arrival the desk recorded later for its day (one forgotten) is said
  // by that day: the time is when it was recorded, not when she came
  const lastDay = p.last_checked_in_day;
  const beforeWhen = () => (lastDay && lastDay !== isoDay(new Date(p.last_checked_in_at))
    ? date(`${lastDay}T12:00:00Z`, { dateStyle: undefined, weekday: 'long', day: 'numeric', month: 'long' }, 'UTC')
    : dayTime(p.last_checked_in_at));
  const said = h('span', { id: 'desk-checked-in', dataset: { arrived: p.checked_in_at ? '1' : '0' } },
    p.checked_in_at ? tx('desk.arrived_at', { when: dayTime(p.checked_in_at) })
      : before ? tx('desk.arrived_before', { when: beforeWhen() }) : t('no'));
  const cell = h('div', { id: 'desk-arrival' }, said);
  if (!p.checked_in_at) {
    add(cell, ' ', checkinButton(p, null, { class: 'primary', id: 'desk-checkin', 'aria-describedby': 'desk-title' },
      t('checkin.button'), cell, (r) => {
        said.dataset.arrived = '1';
        add(clear(said), tx('desk.arrived_at', { when: dayTime(r.checked_in_at) }));
      }));
  }
  const yesterday = yesterdayPart(p);
  return yesterday ? add(cell, yesterday) : cell;
}

// "I forgot my password", "I never got the mail": a new sign-in link, shown
// once in a card as a walk-in's is, to show or read out (her earlier link
// stops working; her password works until she uses the new one); while the
// forum sends mail, a second button sends it to her address as well.
function signinLinkCell(p, mailOn) {
  const status = outcome('desk-signin-status');
  const button = h('button', { type: 'button', id: 'desk-signin-link', 'aria-describedby': 'desk-signin-hint' }, t('desk.signin_link'));
  const mailButton = mailOn && p.email
    ? h('button', { type: 'button', id: 'desk-signin-mail', 'aria-describedby': 'desk-signin-hint' }, t('desk.signin_mail'))
    : null;
  const cell = h('p', { class: 'no-print', id: 'desk-signin' }, button, ' ', mailButton, mailButton ? ' ' : null,
    h('span', { class: 'muted', id: 'desk-signin-hint' }, t('desk.signin_link_hint')), status.el);
  const make = async (mail) => {
    button.disabled = true;
    if (mailButton) mailButton.disabled = true;
    try {
      const made = await api.newSigninLink(p.id, mail);
      const card = walkinLinkCard({ link: made.link, expires: made.link_expires_at }, '', 'desk.signin_link_made');
      if (made.mailed) card.querySelector('h2').after(h('p', { id: 'desk-signin-mailed', role: 'status' }, t('desk.signin_mailed')));
      document.getElementById('walkin-made')?.remove();
      cell.after(card);
      card.querySelector('h2').focus();
    } catch (e) {
      // why, by its code: no address, or another login's (words.js)
      status.fail(t('error.save'), ' ', refusalWhy(e));
    } finally {
      button.disabled = false;
      if (mailButton) mailButton.disabled = false;
    }
  };
  button.addEventListener('click', () => make(false));
  if (mailButton) mailButton.addEventListener('click', () => make(true));
  return cell;
}

// Name, organisation, country, languages, e-mail, arrival; and where to
// change when they can meet.
function detailsCard(p, org, mailOn) {
  const row = (key, value) => [h('dt', {}, t(key)), h('dd', {}, value)];
  return h('section', { class: 'card', id: 'desk-details', 'aria-labelledby': 'desk-details-h' },
    h('h2', { id: 'desk-details-h' }, t('desk.details')),
    h('dl', { class: 'facts' },
      row('people.org', h('a', { href: `/organisations/${encodeURIComponent(p.organisation)}` },
        dataName(localName(p.organisation_name, p.organisation_name_uk) || p.organisation))),
      row('people.country', countryName(p.country)),
      p.title ? row('desk.position', data(p.title)) : null,
      row('desk.languages', data(p.languages || '—')),
      row('desk.email', p.email ? h('a', { href: `mailto:${p.email}`, translate: 'no' }, p.email) : '—'),
      row(p.day ? 'desk.arrived_today' : 'desk.arrived', arrivalCell(p)),
      // a hybrid forum: on site or online (her meetings then by video)
      row('desk.attendance', h('span', { id: 'desk-attendance', dataset: { attendance: p.attendance || 'onsite' } },
        t(`profile.attendance_${p.attendance === 'online' ? 'online' : 'onsite'}`))),
      row('desk.contact', contactCell(p, org))),
    h('p', {}, h('a', { href: withEvent(`/console/people/${encodeURIComponent(p.id)}/availability`), id: 'desk-availability' },
      t('desk.availability'))),
    signinLinkCell(p, mailOn),
    // a walk-in's badge, or one lost or misspelt, printed from here
    h('p', { class: 'no-print' }, h('a', {
      href: badgesHref([p.id], new URLSearchParams(location.search).get('event')),
      download: 'dfnc-badges.pdf', id: 'desk-badge',
    }, t('desk.badge')), h('span', { class: 'muted' }, ' — ', t('desk.badge_hint'))),
    // her agenda on paper, handed to her at the desk (in her language)
    h('p', { class: 'no-print' }, h('a', {
      href: agendasHref([p.id], new URLSearchParams(location.search).get('event')),
      download: 'dfnc-agenda.pdf', id: 'desk-agenda-pdf',
    }, t('desk.agenda_pdf')), h('span', { class: 'muted' }, ' — ', t('desk.agenda_pdf_hint'))));
}

// A participant who does not come: her meetings still to come (by the
// browser's clock) cancelled for her at once, asked first, each as the
// requests' Cancel does it (both see it cancelled by the organisers, it
// leaves both agendas and calendar feeds); done(cancelled, failed) then
// says who to tell.
function noShowPart(self, meetings, done) {
  const now = serverNow();
  const ahead = meetings.filter((m) => m.request && instant(m.start) > now);
  // a colleague's meeting she joins is not hers to cancel: its request is
  // its two people's, who still meet
  const toCome = ahead.filter((m) => !m.attending);
  const joined = ahead.length - toCome.length;
  const joinedNote = joined ? h('p', { class: 'muted', id: 'desk-no-show-attending' }, tn('desk.no_show_attending', joined)) : null;
  if (!toCome.length) return joinedNote ? h('div', { class: 'no-show no-print' }, joinedNote) : null;
  const button = h('button', { type: 'button', class: 'decline', id: 'desk-no-show', 'aria-describedby': 'desk-no-show-hint' },
    tn('desk.no_show', toCome.length));
  button.addEventListener('click', async () => {
    if (!window.confirm(tn('desk.no_show_confirm', toCome.length, { name: self.name }))) return;
    button.disabled = true;
    const cancelled = [];
    const failed = [];
    for (const m of toCome) {
      try {
        await api.cancel(m.request);
        cancelled.push(m);
      } catch (e) { failed.push({ m, e }); }
    }
    await done(cancelled, failed);
  });
  return h('div', { class: 'no-show no-print' }, h('p', { class: 'muted', id: 'desk-no-show-hint' }, t('desk.no_show_hint')), button, joinedNote);
}

// A day she cannot come (ill, a train cancelled), told to the desk: each
// day with a meeting of hers still to come gives it up for her in one step
// (web/js/dayoff.js: asked first), as the organisers; done, her meetings
// and requests are drawn again, what was done said above them.
function dayOffPart(self, meetings) {
  const days = new Map();
  for (const m of meetings) {
    const day = m.start.slice(0, 10);
    if (m.request && m.event && instant(m.start) > serverNow() && !days.has(day)) days.set(day, m);
  }
  if (!days.size) return null;
  return h('div', { class: 'desk-dayoff no-print' }, [...days].map(([day, m]) => {
    const zone = m.timezone || zoneOf(m.event);
    const name = h('span', {}, date(m.start, { dateStyle: 'full' }, zone));
    return dayOffAsk({
      day, zone, heading: name, label: t('dayoff.desk_button', { day: name.textContent }),
      send: (dryRun) => api.consolePersonDayOff(self.id, m.event, day, dryRun),
      done: async (reply) => {
        await redrawDesk(self, { meetings: [] });
        document.getElementById('dayoff-done')?.remove();
        const said = dayOffSaid(reply, zone, name.textContent);
        document.getElementById('desk-meetings').before(said);
        said.focus();
      },
    });
  }));
}

// The meeting's time and table and the other people, each linked to their
// page at the desk (their e-mail is there), for the desk to tell them.
function partnerLine(id, m) {
  return h('li', { dataset: { request: m.request } },
    `${wallDayTime(m.start)}–${wallDayTime(m.end, true)}`, ', ', tableName({ location_name: m.location, online: m.online, video_url: m.video_url }), ': ',
    list(m.people).filter((x) => x.id !== id).map((x, i) => [i ? ', ' : '',
      h('a', { href: withEvent(`/console/people/${encodeURIComponent(x.id)}`) },
        nameAndOrg(x.name, localName(x.organisation_name, x.organisation_name_uk)))]));
}

// What the no-show's cancels did: the partners to tell, and any meeting
// the server refused to cancel, with why.
function noShowResult(id, cancelled, failed) {
  const head = h('h2', { id: 'desk-no-show-h', tabindex: '-1' }, tn('desk.no_show_done', cancelled.length));
  return h('section', { class: 'card', id: 'desk-no-show-result', 'aria-labelledby': 'desk-no-show-h' }, head,
    cancelled.length ? [h('p', {}, t('desk.no_show_tell')), h('ul', { id: 'desk-no-show-partners' }, cancelled.map((m) => partnerLine(id, m)))] : null,
    failed.length ? [h('p', { class: 'error', role: 'alert' }, tn('desk.no_show_failed', failed.length)),
      h('ul', { id: 'desk-no-show-failed' }, failed.map(({ m, e }) => add(partnerLine(id, m), ' — ', errorText(e))))] : null);
}

// Her meetings still to come at a table though she takes part online (she
// switched after publication, which keeps meetings where they are): the
// desk moves each online with its Move button.
const atTableOnline = (self, m) => self.attendance === 'online' && !!m.location && !m.online && !m.withdrawn &&
  !!m.request && instant(m.start) > serverNow();

// The meetings in time order, each at its event's wall clock with the zone named.
function meetingsSection(self, agenda) {
  const { id } = self;
  const meetings = list(agenda, 'meetings').slice().sort((a, b) => instant(a.start) - instant(b.start));
  const atTable = meetings.filter((m) => atTableOnline(self, m)).length;
  const others = (m) => list(m.people).filter((x) => x.id !== id);
  // a meeting still to come may be moved, in a cell of its own
  const moveCell = (m) => {
    const cell = h('td', {});
    if (m.request && instant(m.start) > serverNow()) {
      cell.append(moveButton(m.id, wallDayTime(m.start), cell, async (done) => {
        const fresh = await api.personAgenda(id).catch(() => agenda);
        document.getElementById('desk-move-result')?.remove();
        const result = moveResult(done, (x) => withEvent(`/console/people/${encodeURIComponent(x.id)}`));
        document.getElementById('desk-meetings').replaceWith(result, meetingsSection(self, fresh));
        result.querySelector('h2').focus();
      }));
    }
    return cell;
  };
  const body = meetings.length === 0 ? h('p', { class: 'muted', id: 'desk-no-meetings' }, t('desk.no_meetings'))
    : scroller({ 'aria-labelledby': 'desk-meetings-h' }, h('table', { 'aria-labelledby': 'desk-meetings-h' },
      h('thead', {}, h('tr', {}, ['agenda.time', 'agenda.table', 'agenda.with', 'desk.state', 'desk.action'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, meetings.map((m) => h('tr', { class: 'meeting', dataset: { id: m.id, request: m.request } },
        h('td', {}, `${wallDayTime(m.start)}–${wallDayTime(m.end, true)}`, ' ', h('span', { class: 'muted', translate: 'no' }, m.timezone || '')),
        h('td', {}, tableName({ location_name: m.location, online: m.online, video_url: m.video_url }),
          atTableOnline(self, m) ? [' ', h('span', { class: 'badge provisional at-table-online' }, t('desk.at_table_online'))] : null),
        h('td', {}, others(m).map((x, i) => [i ? ', ' : '', nameAndOrg(x.name, localName(x.organisation_name, x.organisation_name_uk))])),
        h('td', {}, m.published ? t('desk.published') : h('span', { class: 'badge provisional' }, t('agenda.provisional_short'))),
        moveCell(m))))));
  // the heading names the table's scrolling box, a region: not the section too
  return h('section', { class: 'card', id: 'desk-meetings' },
    h('h2', { id: 'desk-meetings-h' }, t('desk.meetings')),
    meetings.length ? h('p', { class: 'count' }, tn('agenda.count', meetings.length)) : null,
    atTable ? h('p', { class: 'notice', id: 'desk-online-at-table' }, tn('desk.online_at_table', atTable)) : null, body,
    dayOffPart(self, meetings),
    noShowPart(self, meetings, async (cancelled, failed) => {
      // the agenda and the requests as they now are, the partners to tell above them
      document.getElementById('desk-no-show-result')?.remove();
      await redrawDesk(self, { meetings: [] });
      const result = noShowResult(id, cancelled, failed);
      document.getElementById('desk-meetings').before(result);
      result.querySelector('h2').focus();
    }));
}

// Her meetings and requests drawn again as they now are, after the desk
// changed them (a no-show, a booking), without a reload: fallback is the
// agenda drawn when hers cannot be read; the requests stay as they were then.
async function redrawDesk(self, fallback) {
  const [fresh, page] = await Promise.all([api.personAgenda(self.id).catch(() => fallback || null),
    api.requests({ person: self.id, limit: PAGE, offset: askedOffset() }).catch(() => null)]);
  if (!fresh) return;
  document.getElementById('desk-meetings')?.replaceWith(meetingsSection(self, fresh));
  if (page) document.getElementById('desk-requests')?.replaceWith(requestsSection(self, page, fresh));
}

// Who cancelled a request, as the person at the desk hears it.
function cancelledNote(r, self, other) {
  if (r.status !== 'cancelled' || !r.cancelled_by) return null;
  if (r.cancelled_by === 'organiser') return h('span', { class: 'muted cancelled-by' }, ' ', t('desk.cancelled_by_organisers'));
  if (r.direction === 'attending') {
    const by = list(r.people).find((x) => x.id === (r.cancelled_by === 'requester' ? r.from : r.to));
    return h('span', { class: 'muted cancelled-by' }, ' ', tx('desk.cancelled_by_other', { name: dataName((by && by.name) || '') }));
  }
  const mine = r.cancelled_by === (r.direction === 'sent' ? 'requester' : 'addressee');
  return h('span', { class: 'muted cancelled-by' }, ' ', tx('desk.cancelled_by_other', { name: dataName((mine ? self : other).name) }));
}

// An open request the organiser cancels for the person, asked first.
function cancelButton(r, self, other, cell) {
  const agreed = r.status === 'accepted';
  const button = h('button', {
    type: 'button', class: 'decline', 'aria-describedby': `desk-req-${r.id}`,
    onclick: async () => {
      if (!window.confirm(t('desk.cancel_confirm', { a: self.name, b: other.name }))) return;
      button.disabled = true;
      try {
        const done = await api.cancel(r.id);
        const row = cell.closest('tr');
        row.dataset.status = done.status;
        row.querySelector('.status').textContent = t(`status.${done.status}`);
        button.remove();
        flash(cell, t('requests.cancelled'), 'ok', true);
        // the meeting has left the agenda: the list of meetings is drawn again
        const fresh = await api.personAgenda(self.id).catch(() => null);
        if (fresh) document.getElementById('desk-meetings').replaceWith(meetingsSection(self, fresh));
      } catch (e) {
        // said as an alert; the focus, lost when the button went off, back on it
        button.disabled = false;
        flash(cell, `${t('error.save')} ${errorText(e)}`, 'error');
        button.focus();
      }
    },
  }, t(agreed ? 'requests.cancel_meeting' : 'requests.cancel'));
  return button;
}

// The requests a page at a time (?offset=), oldest first, each with the
// other person named; an agreed one not in the agenda says so. One of a
// colleague's she joins names its two people and has no Cancel: that
// would cancel it for them, who answer and cancel it.
function requestsSection(self, page, meetings) {
  const rows = list(page, 'requests');
  const count = page && typeof page.count === 'number' ? page.count : rows.length;
  const placed = new Set(list(meetings, 'meetings').map((m) => m.request));
  const line = (r) => {
    const joins = r.direction === 'attending';
    const person = (id) => list(r.people).find((x) => x.id === id) || { id, name: '' };
    const other = joins ? null : list(r.people).find((x) => x.id !== self.id) || person(r.direction === 'sent' ? r.to : r.from);
    const named = (p) => nameAndOrg(p.name || p.id, orgOfParty(p));
    const act = h('td', {});
    if (r.status === 'pending' || r.status === 'accepted') {
      // hers to cancel; not a colleague's she joins (its two people's)
      if (!joins) act.append(cancelButton(r, self, other, act));
      // the colleagues who join it: hers brought, anyone taken off (docs/web.md)
      act.append(colleaguesPart(r, act, { org: self.organisation, anyone: true,
        changed: () => redrawDesk(self).then(() => document.querySelector(`#desk-requests tr[data-id="${CSS.escape(r.id)}"] > td:last-child`)) }));
    }
    return h('tr', { dataset: { id: r.id, status: r.status, direction: r.direction } },
      h('td', {}, t(joins ? 'desk.attending' : r.direction === 'sent' ? 'desk.sent' : 'desk.received')),
      h('td', { id: `desk-req-${r.id}` }, joins ? tx('requests.attending_pair', { a: named(person(r.from)), b: named(person(r.to)) }) : named(other)),
      h('td', {}, h('span', { class: `status ${r.status}` }, t(`status.${r.status}`)), cancelledNote(r, self, other),
        r.status === 'accepted' && !placed.has(r.id) ? h('span', { class: 'muted not-placed' }, ' ', t('desk.not_placed')) : null),
      act);
  };
  return h('section', { class: 'card', id: 'desk-requests' },
    h('h2', { id: 'desk-requests-h' }, t('requests.title')),
    h('p', { class: 'count' }, tn('requests.count', count)),
    rows.length === 0 ? h('p', { class: 'muted' }, t('requests.none'))
      : scroller({ 'aria-labelledby': 'desk-requests-h' }, h('table', { 'aria-labelledby': 'desk-requests-h' },
        h('thead', {}, h('tr', {}, ['desk.way', 'desk.other', 'requests.status', 'desk.action'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, rows.map(line)))),
    pager('desk-requests-pager', askedOffset(), rows.length, count));
}

// A meeting she and a partner agreed (at the desk, on the phone), booked
// by the organisers: the partner chosen from her suggestions or found by a
// search, then one of the pair's free times (GET /console/people/{id}/times);
// before the agendas are published, booked for the scheduler's next run.
// Where and when it is, said; a time taken meanwhile, why, and the times
// read again.
function bookPart(self, event) {
  const q = h('input', { type: 'search', name: 'q', maxlength: 200, autocomplete: 'off' });
  const found = h('ul', { class: 'people', id: 'desk-book-found' });
  const times = h('div', { id: 'desk-book-times' });
  const said = h('div', { id: 'desk-book-said' });
  const status = h('p', { class: 'count', id: 'desk-book-status', role: 'status' });
  let partner = null;
  const book = (slot) => whileBusy([...times.querySelectorAll('button')], async () => {
    try {
      const done = await api.book(event, self.id, partner.id, slot);
      const m = done.meeting;
      clear(times);
      // her meetings and requests as they now are: the booked one among them
      await redrawDesk(self);
      flash(said, m ? tx('desk.booked_at', { name: dataName(partner.name), when: dayTime(m.start, zoneOf(event)), table: tableName(m) })
        : t(done.warning ? 'desk.booked_unplaced' : 'desk.booked_for_run'), 'ok', true);
    } catch (e) {
      flash(said, [t(e.status === 409 ? 'desk.book_taken' : 'desk.book_failed'), ' ', inTheWay(e) || errorText(e)], 'error', true);
      if (e.status === 409 && slot) await show(partner);
    }
  });
  // accepting: a request between them waits for an answer, which the
  // booking accepts (said; asked of the server when the caller does not know)
  const show = async (p, accepting) => {
    partner = p;
    clear(times);
    try {
      const [got, open] = await Promise.all([api.pairTimes(self.id, p.id, event),
        accepting === undefined ? openRequests(event, self.id, true) : null]);
      if (open) accepting = open.get(p.id)?.status === 'pending';
      const free = list(got, 'times');
      const items = free.map((x) => h('li', {}, h('button', {
        type: 'button', class: 'time', dataset: { slot: x.slot }, onclick: () => book(x.slot),
      }, tx('requests.accept_at', { when: dayTime(x.start, zoneOf(event)), table: tableName(x) }))));
      add(times, h('h3', { id: 'desk-book-with', tabindex: '-1' }, tx('desk.book_with', { name: dataName(p.name) })),
        accepting ? h('p', { class: 'notice', id: 'desk-book-accepts' }, t('desk.book_accepts')) : null,
        !got.published ? [h('p', { class: 'muted' }, t('desk.book_unpublished')),
          h('button', { type: 'button', id: 'desk-book-run', onclick: () => book(null) }, t('desk.book_for_run'))]
          : free.length === 0 ? h('p', { class: 'muted' }, t('desk.book_no_times'))
            : [h('p', { class: 'muted' }, tn('desk.book_times', free.length)), h('ul', { class: 'time-list' }, items)]);
      times.querySelector('h3').focus();
    } catch (e) {
      flash(said, errorText(e), 'error');
    }
  };
  const form = h('form', {
    role: 'search', id: 'desk-book-search',
    onsubmit: (ev) => {
      ev.preventDefault();
      const text = q.value.trim();
      if (!text) return;
      whileBusy([form.querySelector('button')], async () => {
        clear(found);
        try {
          const got = list(await api.people({ q: text, limit: 10, event }), 'people').filter((x) => x.id !== self.id);
          status.textContent = got.length ? tn('desk.book_found', got.length) : t('desk.book_none_found');
          found.append(...got.map((x) => h('li', {}, h('button', {
            type: 'button', class: 'link', dataset: { id: x.id }, onclick: () => show(x),
          }, nameAndOrg(x.name, localName(x.organisation_name, x.organisation_name_uk))))));
        } catch (e) {
          flash(said, errorText(e), 'error');
        }
      });
    },
  }, field(t('desk.book_search'), q), h('button', { type: 'submit' }, t('search.submit')));
  return {
    el: h('div', { id: 'desk-book' }, h('h3', { id: 'desk-book-h' }, t('desk.book_title')),
      h('p', { class: 'muted' }, t('desk.book_lead')), form, status, found, said, times),
    show,
  };
}

// Whom the organisers might introduce her to (one with no meeting agreed,
// a Ukrainian SME nobody asked): her own suggestions, read when asked (the
// engine's answer is not free), each with a request made in her name and
// marked as the organisers' introduction, which its addressee answers; or
// the meeting both agreed, booked (bookPart).
function introduceSection(self) {
  const out = h('ol', { class: 'cards', id: 'desk-introduce-list' });
  const status = h('p', { class: 'count', id: 'desk-introduce-status', role: 'status' });
  const ask = h('button', { type: 'button', id: 'desk-introduce-ask' }, t('desk.introduce_ask'));
  const event = state.event ? state.event.id : undefined;
  const booking = bookPart(self, event);
  const how = {
    send: (to, message) => api.introduce(event, self.id, to, message),
    button: 'desk.introduce', done: 'desk.introduced', failed: 'desk.introduce_failed',
    book: (p, accepting) => { booking.show(p, accepting); booking.el.scrollIntoView({ block: 'nearest' }); },
  };
  ask.addEventListener('click', () => whileBusy([ask], async () => {
    clear(out);
    status.textContent = '';
    try {
      const [got, open] = await Promise.all([api.personSuggestions(self.id, 10, getLang()), openRequests(event, self.id, true)]);
      const found = list(got, 'suggestions');
      const best = bestScore(found);
      out.append(...await Promise.all(found.map((s) => suggestionCard(s, open, best, how))));
      status.textContent = found.length ? tn('search.found', found.length) : t('desk.introduce_none');
    } catch (e) {
      flash(out, errorText(e), 'error');
    }
  }));
  return h('section', { class: 'card', id: 'desk-introduce', 'aria-labelledby': 'desk-introduce-h' },
    h('h2', { id: 'desk-introduce-h' }, t('desk.introduce_title')),
    h('p', { class: 'muted' }, t('desk.introduce_lead')), ask, status, out, booking.el);
}

// Her data on a request that came by letter (GDPR): a copy to send her, and
// her erasure, which the organiser confirms by typing her name as the page
// shows it; the page is drawn again, her tombstone then.
function privacyCard(p, main) {
  const section = h('section', { class: 'card no-print', id: 'desk-privacy', 'aria-labelledby': 'desk-privacy-h' },
    h('h2', { id: 'desk-privacy-h' }, t('privacy.desk_heading')),
    h('p', {}, h('a', { href: `/api/v1/console/people/${encodeURIComponent(p.id)}/data`, download: 'dfnc-personal-data.json', id: 'desk-data' },
      t('privacy.desk_download'))));
  if (p.erased_at) {
    return add(section, h('p', { id: 'desk-erased', tabindex: '-1' }, t('privacy.erased_on', { when: dayTime(p.erased_at) })));
  }
  const typed = h('input', { name: 'confirm_name', id: 'desk-erase-name', autocomplete: 'off', spellcheck: 'false', required: true });
  const status = outcome('desk-erase-status');
  const submit = h('button', { type: 'submit', class: 'danger', id: 'desk-erase' }, t('privacy.erase'));
  const form = h('form', {
    id: 'desk-erase-form', novalidate: true, 'aria-labelledby': 'desk-erase-h',
    onsubmit: (ev) => {
      ev.preventDefault();
      if (typed.value.trim() !== String(p.name).trim()) { refuse(form, typed, t('privacy.erase_type_name')); return; }
      whileBusy([submit], async () => {
        try {
          await api.consolePersonErase(p.id);
          main.replaceChildren();
          await renderPersonDesk(main, p.id);
          document.getElementById('desk-erased')?.focus();
        } catch (e) { status.fail(`${t('error.save')} ${errorText(e)}`); }
      });
    },
  },
  h('h3', { id: 'desk-erase-h' }, t('privacy.erase_heading')),
  h('p', { id: 'desk-erase-what' }, t('privacy.erase_what')),
  field(t('privacy.erase_name', { name: p.name }), typed),
  status.el, submit);
  return add(section, form);
}

export async function renderPersonDesk(main, id) {
  const offset = askedOffset();
  const [p, agenda, page] = await Promise.all([api.consolePerson(id), api.personAgenda(id),
    api.requests({ person: id, limit: PAGE, offset })]);
  const [org, mail] = await Promise.all([api.organisation(p.organisation).catch(() => null),
    api.consoleMail().catch(() => null)]);
  const made = takeWalkinLink(id);
  add(main, h('h1', { id: 'desk-title' }, p.erased_at ? t('privacy.erased_name') : dataName(p.name)),
    h('p', { class: 'no-print' }, h('a', { href: withEvent('/console/people'), id: 'desk-back' }, t('org_avail.back'))),
    made ? walkinLinkCard(made) : null, detailsCard(p, org, !!(mail && mail.on)), meetingsSection(p, agenda), requestsSection(p, page, agenda),
    p.erased_at ? null : introduceSection(p), privacyCard(p, main));
}
