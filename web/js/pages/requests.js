// Meeting requests I received (accept or decline) and those I sent (cancel);
// a meeting agreed either way either of us may cancel. A colleague's request
// I attend is listed apart, its thread to read and write in.

import { api } from '../api.js';
import { h, add, list, field, scroller, data, dataName } from '../dom.js';
import { t, tn, tx, dayTime, errorText } from '../i18n.js';
import { state, flash, go, setToAnswer, zoneOf } from '../app.js';
import { personInfo, orgInfo, orgName, localName, nameAndOrg, tableName } from '../people.js';
import { PAGE, asked, askedOffset, addressWith, pager } from '../pager.js';
import { messagesPart } from '../messages.js';
import { inTheWay, acceptWarnings, allBegun, refusalWhy, attendeeOffWarning } from '../words.js';
import { proposalOfMine } from '../propose.js';
import { colleaguesPart } from '../colleagues.js';

// Names and messages are the participants' own words: marked translate="no".
function who(p, org, id) {
  return h('strong', { id }, nameAndOrg(p.name, org));
}

// What an answer did, in words. An accept once the agendas are published
// places its meeting at once (docs/api.md, the request workflow): where it
// went, or that no free slot was found and the organisers' next run places
// it (or that every slot has begun), which the reply alone does not say;
// then what its warning adds, by code (the time proposed taken, and why
// the meeting has no time yet).
async function answered(r, done, okKey) {
  const said = await placedWhere(r, done, okKey);
  const more = acceptWarnings(done);
  return more.length ? [said, more] : said;
}

async function placedWhere(r, done, okKey) {
  // placed at the time proposed: said from the reply itself
  if (done && done.status === 'accepted' && done.meeting) {
    return tx('requests.accepted_placed', { when: dayTime(done.meeting.start, zoneOf(r.event)), table: tableName(done.meeting) });
  }
  if (!done || done.status !== 'accepted' || (done.rescheduled !== true && !done.warning)) return t(okKey);
  let m = null;
  if (done.rescheduled) {
    try { m = list(await api.agenda(), 'meetings').find((x) => (x.request || x.id) === r.id) || null; } catch (_) {
      return t(okKey);
    }
  }
  if (!m) return t(allBegun(done) ? 'requests.accepted_all_begun' : 'requests.accepted_unplaced');
  return tx('requests.accepted_placed', {
    when: dayTime(m.start || m.starts_at, m.timezone || zoneOf(r.event)), table: tableName({ location_name: m.location_name || m.location, online: m.online, video_url: m.video_url }),
  });
}

// Whether event id's agendas are published (its people then place their
// meetings themselves), as the events list read at sign-in says.
function isPublished(id) {
  const e = list(state.events).find((x) => x.id === id) || (state.event && state.event.id === id ? state.event : null);
  return !!(e && e.published_at);
}

// Who cancelled a request, when it was not me: the other person, or the
// organisers at the help desk (docs/api.md, the request workflow).
function cancelledNote(r, incoming, other) {
  if (r.status !== 'cancelled' || !r.cancelled_by) return null;
  if (r.cancelled_by === 'organiser') return h('p', { class: 'muted cancelled-by' }, t('desk.cancelled_by_organisers'));
  if (r.cancelled_by === (incoming ? 'addressee' : 'requester')) return null;
  return h('p', { class: 'muted cancelled-by' }, tx('desk.cancelled_by_other', { name: dataName(other.name) }));
}

// When and where an accepted request meets: its meeting in the agenda (a
// provisional one said so), or that the organisers' scheduler has yet to
// give it a time; a page that cannot read the agenda says nothing.
function meetingLine(r, meetings) {
  if (r.status !== 'accepted' || !meetings) return null;
  const m = meetings.get(r.id);
  if (!m) return h('p', { class: 'muted meeting-when' }, t('requests.meeting_unplaced'));
  return h('p', { class: 'meeting-when' },
    tx('requests.meeting_at', { when: dayTime(m.start, m.timezone || zoneOf(r.event)), table: tableName({ location_name: m.location_name || m.location, online: m.online, video_url: m.video_url }) }),
    m.published === false ? [' ', h('span', { class: 'badge provisional' }, t('agenda.provisional_short'))] : null,
    ' ', h('a', { href: '/agenda' }, t('nav.agenda')));
}

async function row(r, incoming, redraw, meetings, threads, times) {
  const otherId = incoming ? r.from : r.to;
  // the list names both people and their organisations (older servers did not)
  const party = list(r.people).find((p) => p.id === otherId);
  const other = party || await personInfo(otherId);
  const org = party ? localName(party.org_name, party.org_name_uk)
    : other.organisation ? orgName(await orgInfo(other.organisation)) : '';
  const status = h('span', { class: `status ${r.status}` }, t(`status.${r.status}`));
  const li = h('li', { class: 'card request', dataset: { id: r.id, status: r.status } },
    h('p', {}, who(other, org, `from-${r.id}`), ' ', status),
    cancelledNote(r, incoming, other),
    r.introduced ? h('p', { class: 'introduced' }, t(incoming ? 'requests.introduced_in' : 'requests.introduced_out')) : null,
    meetingLine(r, meetings),
    r.message ? h('p', { class: 'quote', translate: 'no' }, r.message) : null,
    r.created_at ? h('p', { class: 'muted' }, dayTime(r.created_at, zoneOf(r.event))) : null,
    threadPart(r, threads));
  // an answer given: the row says its new status, its buttons go
  const settle = (done, after) => {
    const st = (done && done.status) || after;
    li.dataset.status = st;
    status.className = `status ${st}`;
    status.textContent = t(`status.${st}`);
    li.querySelectorAll('.actions, .choose-time, .proposal, .my-proposal').forEach((x) => x.remove());
    // a request declined or cancelled takes no colleague any more
    if (st !== 'pending' && st !== 'accepted') li.querySelector('.colleagues')?.remove();
    // one fewer waiting for her answer: the header's count follows
    if (incoming && r.status === 'pending') setToAnswer(((state.me && state.me.to_answer) || 0) - 1);
    li.querySelector('.meeting-when')?.remove();
  };
  // one answer at a time: each button is disabled while its call is made;
  // a refusal says why and gives the buttons back
  const act = (fn, after, okKey, question) => async (ev) => {
    if (question && !window.confirm(question)) return;
    const box = ev.target.closest('.actions');
    box.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      const done = await fn(r.id);
      settle(done, after);
      flash(li, await answered(r, done, okKey), 'ok', true);
    } catch (e) {
      box.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      flash(li, [t('error.save'), ' ', refusalWhy(e)], 'error');
    }
  };
  // hers: what she proposed, to change or clear (../propose.js)
  if (!incoming && r.status === 'pending') {
    const mine = proposalOfMine(r, li, isPublished(r.event), `from-${r.id}`);
    if (mine) li.append(mine);
  }
  if (incoming && r.status === 'pending') {
    const choose = await chooseTime(r, li, settle, times);
    const proposal = proposalPart(r, li, settle, choose);
    if (proposal) li.append(proposal);
    li.append(h('div', { class: 'actions' },
      // which request each button answers, for a screen reader's list of buttons
      h('button', { type: 'button', class: 'primary', 'aria-describedby': `from-${r.id}`, onclick: act(api.accept, 'accepted', 'requests.accepted') }, t('requests.accept')),
      // a decline cannot be taken back, and sits next to Accept: asked first
      h('button', {
        type: 'button', class: 'decline', 'aria-describedby': `from-${r.id}`,
        onclick: act(api.decline, 'declined', 'requests.declined', t('requests.decline_confirm', { name: other.name })),
      }, t('requests.decline'))));
    if (choose) li.append(choose);
  }
  if (r.status === 'pending' || r.status === 'accepted') {
    // the request's card once redrawn (not a colleague's she joins: #attending)
    const again = () => redraw().then(() => document.querySelector(`li.request:not(.attended)[data-id="${CSS.escape(r.id)}"]`));
    li.append(colleaguesPart(r, li, { org: myOrg(), changed: again }));
  }
  // the requester takes back a request still waiting, or either of the two
  // a meeting agreed (which leaves both agendas): asked first, as it cannot
  // be undone
  if ((!incoming && r.status === 'pending') || r.status === 'accepted') {
    const agreed = r.status === 'accepted';
    li.append(h('div', { class: 'actions' }, h('button', {
      type: 'button', class: 'decline', 'aria-describedby': `from-${r.id}`,
      onclick: act(api.cancel, 'cancelled', 'requests.cancelled',
        t(agreed ? 'requests.cancel_meeting_confirm' : 'requests.cancel_confirm', { name: other.name })),
    }, t(agreed ? 'requests.cancel_meeting' : 'requests.cancel'))));
  }
  return li;
}

function myOrg() {
  return (state.me && state.me.person && state.me.person.organisation) || '';
}

// A colleague's meeting request she attends (docs/api.md "attendees"): its
// two people, what it is and its thread, which she reads and writes in;
// its answer and its cancel are theirs: she only says she will not come.
function attendedRow(r, meetings, threads) {
  const me = state.me && state.me.person ? state.me.person.id : '';
  const open = r.status === 'pending' || r.status === 'accepted';
  const li = h('li', { class: 'card request attended', dataset: { id: r.id, status: r.status } });
  const wont = open ? h('div', { class: 'actions' }, h('button', {
    type: 'button', class: 'decline wont-come', 'aria-describedby': `from-${r.id}`,
    onclick: async (ev) => {
      if (!window.confirm(t('requests.wont_come_confirm'))) return;
      ev.target.disabled = true;
      try {
        const done = await api.removeAttendee(r.id, me);
        const left = attendeeOffWarning(done, r, false);
        flash(li, left ? [t('requests.wont_come_done'), ' ', left] : t('requests.wont_come_done'), left ? 'notice' : 'ok', true);
        li.querySelector('.actions')?.remove();
      } catch (e) { ev.target.disabled = false; flash(li, [t('error.save'), ' ', refusalWhy(e)], 'error'); }
    },
  }, t('requests.wont_come'))) : null;
  add(li, attendedParts(r, meetings, threads), wont);
  return li;
}

function attendedParts(r, meetings, threads) {
  const named = (id) => {
    const p = list(r.people).find((x) => x.id === id) || { id, name: id };
    return nameAndOrg(p.name, localName(p.org_name, p.org_name_uk));
  };
  return [
    h('p', {}, h('strong', { id: `from-${r.id}` }, tx('requests.attending_pair', { a: named(r.from), b: named(r.to) })), ' ',
      h('span', { class: `status ${r.status}` }, t(`status.${r.status}`))),
    r.status === 'cancelled' && r.cancelled_by === 'organiser' ? h('p', { class: 'muted cancelled-by' }, t('desk.cancelled_by_organisers')) : null,
    meetingLine(r, meetings),
    r.message ? h('p', { class: 'quote', translate: 'no' }, r.message) : null,
    r.created_at ? h('p', { class: 'muted' }, dayTime(r.created_at, zoneOf(r.event))) : null,
    threadPart(r, threads)];
}

// The request's messages between its people (../messages.js): its thread
// opened at once when the address asks for it (?thread=, the agenda's link).
function threadPart(r, threads) {
  if (!threads) return null;
  return messagesPart(r, threads.get(r.id), asked('thread') === r.id);
}

// The caller's threads with their counts, by request; a page that cannot
// read them lists the requests without.
function myThreads() {
  return api.myMessages().then((x) => new Map(list(x, 'threads').map((t) => [t.request, t])), () => null);
}

// ---- Choosing a time (docs/web.md): at a published event the addressee
// accepts at a time both people, a table and (if needed) an interpreter are
// free, rather than where the scheduler fits the meeting.

// One free time: a button that accepts the request at it.
function timeButton(r, time, choose) {
  const when = dayTime(time.start, zoneOf(r.event));
  const table = tableName(time);
  return h('li', {}, h('button', {
    type: 'button', class: 'time', dataset: { slot: time.slot }, 'aria-describedby': `from-${r.id}`,
    onclick: (ev) => choose(time, ev),
  }, tx('requests.accept_at', { when, table })));
}

// The free times of request r into box (a details element, its summary
// kept): their count, and a button each; none said so.
function fillTimes(box, r, got, choose) {
  box.querySelector('.times')?.remove();
  const times = list(got, 'times');
  box.append(h('div', { class: 'times' },
    times.length === 0 ? h('p', { class: 'muted' }, t('requests.no_times'))
      : [h('p', { class: 'muted' }, tn('requests.times_count', times.length)),
        h('ul', { class: 'time-list' }, times.map((x) => timeButton(r, x, choose)))]));
}

// "Choose a time" for received pending request r at a published event (null
// elsewhere, and when its times cannot be read: Accept stays). Its times come
// with every other request's (times, by request: one call for the page);
// read alone when they did not. An accept at a time shows where the meeting
// is at once; a time taken meanwhile says what is in the way, and the list is
// read again.
async function chooseTime(r, li, settle, times) {
  let got = times && times.get(r.id);
  if (!got) {
    try { got = await api.requestTimes(r.id); } catch (_) { return null; }
  }
  if (!got || !got.published) return null;
  const box = h('details', { class: 'choose-time' }, h('summary', {}, t('requests.choose_time')));
  const choose = async (time, ev) => {
    box.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      const done = await api.acceptAt(r.id, time.slot);
      settle(done, 'accepted');
      const m = done.meeting || time;
      flash(li, tx('requests.accepted_placed', { when: dayTime(m.start, zoneOf(r.event)), table: tableName(m) }), 'ok', true);
    } catch (e) {
      // what is in the way, by its codes in the page's language
      const why = inTheWay(e);
      flash(li, [t(e.status === 409 && why ? 'requests.time_taken' : 'error.save'), ' ', why || refusalWhy(e)], 'error');
      try { fillTimes(box, r, await api.requestTimes(r.id), choose); } catch (_) {
        box.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      }
      // the button pressed went with the old list: the first of the new one
      if (!ev.target.isConnected) box.querySelector('.time-list button')?.focus();
    }
  };
  fillTimes(box, r, got, choose);
  // read again when a proposal turns out taken (proposalPart)
  box.refresh = async () => { try { fillTimes(box, r, await api.requestTimes(r.id), choose); } catch (_) { /* the list as it was */ } };
  return box;
}

// ---- A proposed time (docs/web.md): the requester said when, at a
// published event; the addressee accepts it with one tap while it is free.
// One no longer free (taken or begun since) is said, and the free times
// offered instead.

// What request r proposes, in words (key: the sentence when it is free).
function proposalLine(r, key) {
  const p = r.proposed;
  const when = dayTime(p.start, zoneOf(r.event));
  if (!p.free) return h('p', { class: 'proposal taken' }, tx('requests.proposed_taken', { when }));
  return h('p', { class: 'proposal' }, tx(key, { when, table: tableName(p) }));
}

// The proposal of received request r with its one button; choose is its
// "Choose a time" (null when there is none), opened when the proposal is
// not free. null when r proposes nothing.
function proposalPart(r, li, settle, choose) {
  if (!r.proposed) return null;
  const line = proposalLine(r, 'requests.proposed');
  const taken = () => { if (choose) { choose.open = true; choose.refresh(); } };
  if (!r.proposed.free) { taken(); return line; }
  const btn = h('button', {
    type: 'button', class: 'primary accept-proposed', 'aria-describedby': `from-${r.id}`,
    dataset: { slot: r.proposed.slot },
  }, t('requests.accept_proposed'));
  const part = h('div', { class: 'proposal' }, line, btn);
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    try {
      const done = await api.acceptAt(r.id, r.proposed.slot);
      settle(done, 'accepted');
      const m = done.meeting || r.proposed;
      flash(li, tx('requests.accepted_placed', { when: dayTime(m.start, zoneOf(r.event)), table: tableName(m) }), 'ok', true);
    } catch (e) {
      const why = inTheWay(e);
      if (e.status !== 409 || !why) { btn.disabled = false; flash(li, [t('error.save'), ' ', refusalWhy(e)], 'error'); return; }
      // taken meanwhile: said, and the times free now offered
      part.replaceWith(proposalLine({ ...r, proposed: { ...r.proposed, free: false } }));
      // what is in the way, by its codes in the page's language
      flash(li, [t('requests.time_taken'), ' ', why], 'error');
      taken();
      li.querySelector('.choose-time summary')?.focus();
    }
  });
  return part;
}

const STATUSES = ['pending', 'accepted', 'declined', 'cancelled'];

// An organiser without a profile sees every request of the forum: a page at a
// time, found by a name, an organisation or a request id, and by status
// (?q=, ?status=, ?offset=).
async function renderAll(main) {
  const offset = askedOffset();
  const status = STATUSES.includes(asked('status')) ? asked('status') : '';
  const r = await api.requests({ q: asked('q'), status, limit: PAGE, offset });
  const rows = list(r, 'requests');
  const count = r && typeof r.count === 'number' ? r.count : rows.length;
  const q = h('input', { type: 'search', name: 'q', value: asked('q'), maxlength: 200 });
  const st = h('select', { name: 'status' }, h('option', { value: '' }, t('requests.any_status')),
    STATUSES.map((x) => h('option', { value: x }, t(`status.${x}`))));
  st.value = status;
  const form = h('form', {
    class: 'card filters', role: 'search', id: 'requests-search',
    onsubmit: (ev) => { ev.preventDefault(); go(addressWith({ q: q.value.trim(), status: st.value, offset: null })); },
  }, field(t('requests.filter'), q), field(t('requests.status'), st), h('button', { type: 'submit' }, t('search.submit')));
  const party = (p) => (p ? nameAndOrg(p.name, localName(p.org_name, p.org_name_uk)) : '');
  add(main, h('h1', { id: 'requests-title' }, t('requests.all_title')), form,
    h('div', { id: 'all-requests' }, h('p', { class: 'count' }, tn('requests.count', count)),
      scroller({ 'aria-labelledby': 'requests-title' }, h('table', { 'aria-labelledby': 'requests-title' },
        h('thead', {}, h('tr', {}, ['requests.id', 'requests.from', 'requests.to', 'requests.status'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, rows.map((x) => h('tr', { dataset: { id: x.id, status: x.status } },
          h('td', { class: 'mono' }, x.id),
          h('td', {}, party(list(x.people)[0]) || data(x.from)),
          h('td', {}, party(list(x.people)[1]) || data(x.to)),
          h('td', {}, h('span', { class: `status ${x.status}` }, t(`status.${x.status}`)))))))),
      pager('requests-pager', offset, rows.length, count)));
}

export async function renderRequests(main) {
  if (!(state.me && state.me.person)) { await renderAll(main); return; }
  const [all, meetings, threads, times] = await Promise.all([
    api.requests().then((x) => list(x, 'requests')),
    // the accepted ones' meetings, by request; a page that cannot read the
    // agenda still lists the requests
    api.agenda().then((a) => new Map(list(a, 'meetings').map((m) => [m.request || m.id, m])), () => null),
    myThreads(),
    // the free times of every request waiting for my answer, by request; a
    // page that cannot read them reads each one's alone
    api.receivedTimes().then((x) => new Map(list(x, 'requests').map((t) => [t.request, t])), () => null)]);
  const me = state.me && state.me.person ? state.me.person.id : '';
  // the requests waiting for an answer first, each group in the server's order
  const waiting = (r) => (r.status === 'pending' ? 0 : 1);
  // a colleague's request she attends: neither sent nor received by her
  const attended = all.filter((r) => r.direction === 'attending');
  const incoming = all.filter((r) => !attended.includes(r) && (r.to === me || r.direction === 'received')).sort((a, b) => waiting(a) - waiting(b));
  const outgoing = all.filter((r) => !incoming.includes(r) && !attended.includes(r));
  const redraw = () => { main.replaceChildren(); return renderRequests(main); };
  const section = async (id, title, rows, isIn) => h('section', { id, 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, title),
    rows.length === 0 ? h('p', { class: 'muted' }, t('requests.none'))
      : h('ul', { class: 'cards' }, await Promise.all(rows.map((r) => row(r, isIn, redraw, meetings, threads, times)))));
  add(main, h('h1', {}, t('requests.title')),
    await section('received', t('requests.received'), incoming, true),
    await section('sent', t('requests.sent_title'), outgoing, false),
    attended.length ? h('section', { id: 'attending', 'aria-labelledby': 'attending-h' },
      h('h2', { id: 'attending-h' }, t('requests.attending_title')),
      h('p', { class: 'muted' }, t('requests.attending_hint')),
      h('ul', { class: 'cards' }, attended.map((r) => attendedRow(r, meetings, threads)))) : null);
}
