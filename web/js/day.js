// The forum's day: at the help desk, where an arriving participant goes next
// (GET /console/people?next=1's and the check-in's "next_meeting") and the words
// that a partner is not at the table; on the agenda, saying so.
import { api } from './api.js';
import { h, dataName, whileSeen } from './dom.js';
import { t, tn, dayTime, time, errorText } from './i18n.js';
import { localName, tableName } from './people.js';
import { zoneOfIt } from './app.js';
import { refusalWhy } from './words.js';

// "Ольга Бондар (Укрзброя)" for each other person of the meeting, and how
// many more the reply left out.
function withWhom(m) {
  const named = (m.with || []).map((x) => {
    const org = localName(x.organisation_name, x.organisation_name_uk);
    return [dataName(x.name), org ? [' (', dataName(org), ')'] : null];
  });
  const more = (m.with_n || 0) - named.length;
  const parts = [];
  named.forEach((x, i) => { if (i) parts.push(', '); parts.push(x); });
  if (more > 0) parts.push(' ', t('day.and_more', { n: more }));
  return parts;
}

// Where a meeting of the day is: its table; "Online" with the link to its
// room for one held by video (a hybrid forum); a meeting with neither (its
// table was removed) at no table.
function placeOf(m) {
  if (m.location) return tableName({ location_name: m.location });
  return m.online ? tableName({ online: true, video_url: m.video_url }) : t('day.no_table');
}

// The next meeting as a line the desk reads out: time, table, with whom; a
// person with none says so. id names the line (for aria-describedby).
export function nextMeetingLine(m, id) {
  if (!m) return h('p', { class: 'next-meeting muted', id }, t('day.no_next'));
  const table = placeOf(m);
  return h('p', { class: 'next-meeting', id },
    h('strong', {}, t('day.next')), ' ',
    h('time', { datetime: m.starts_at }, `${dayTime(m.starts_at, zoneOfIt(m))}–${time(m.ends_at, zoneOfIt(m))}`), ' · ',
    h('span', { class: 'next-table' }, table), ' · ', t('day.with'), ' ', ...withWhom(m));
}

// "My partner is not here", on the agenda's meeting under way: one press
// tells the desk (POST /me/meetings/{request}/absent), which looks for them;
// what happened is said beside it, politely, the button then done with.
export function partnerAbsentButton(m) {
  const said = h('p', { class: 'absent-said', role: 'status', id: 'absent-said' });
  const btn = h('button', { type: 'button', class: 'secondary', id: 'partner-absent' }, t('day.partner_absent'));
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    try {
      await api.partnerAbsent(m.request);
      said.textContent = t('day.partner_absent_sent');
      said.className = 'absent-said flash ok';
    } catch (e) {
      btn.disabled = false;
      said.replaceChildren(t('day.partner_absent_failed'), ' ', refusalWhy(e));
      said.className = 'absent-said flash error';
      said.setAttribute('role', 'alert');
    }
  });
  return h('div', { class: 'partner-absent' }, btn, said);
}

// The desk's list of those words (GET /console/absences), newest first: who
// said it, the partner (name, organisation, arrived or not, e-mail), the
// table and time; each open one marked dealt with by a button, which draws
// the list again. While the page is open the list follows new words
// (followAbsences).
export async function absenceCard() {
  const card = h('section', { class: 'card', id: 'absences', 'aria-labelledby': 'absences-h' });
  // what changed since the last read, said politely (a status, kept in place
  // across redraws so a screen reader hears it once)
  const said = h('p', { class: 'muted', id: 'absences-said', role: 'status' });
  const say = (text) => { said.textContent = text; said.hidden = !text; };
  let shown = new Set();
  // after a mark the list is drawn again: the focus goes to its heading,
  // not to the page's start with the button that had it
  const draw = async (focus, got) => {
    const r = got || await api.absences({ open: 1, limit: 50 });
    if (!got) say('');   // a mark's redraw: what was new is seen
    const rows = r.absences || [];
    shown = new Set(rows.map((x) => x.id));
    const head = h('h2', { id: 'absences-h', tabindex: '-1' }, t('day.absences'));
    card.replaceChildren(head, said, rows.length
      ? h('ul', { class: 'cards', id: 'absence-list' }, rows.map((x) => absenceItem(x, () => draw(true))))
      : h('p', { class: 'muted', id: 'absences-none' }, t('day.absences_none')));
    if (focus) head.focus();
  };
  await draw(false);
  followAbsences(card, () => shown, async (got, fresh) => {
    await draw(false, got);
    say(fresh ? tn('day.absences_new', fresh) : '');
  });
  return card;
}

// Every ABSENCES_EVERY_MS while the card is on a page that is seen (dom.js
// whileSeen), the open words are read again; the list is redrawn when they
// changed, unless the keyboard is in it (a mark about to be pressed keeps
// its place).
const ABSENCES_EVERY_MS = 30 * 1000;
function followAbsences(card, shownIds, redraw) {
  whileSeen(card, ABSENCES_EVERY_MS, async () => {
    if (card.contains(document.activeElement)) return;
    const got = await api.absences({ open: 1, limit: 50 });
    const ids = (got.absences || []).map((x) => x.id);
    const before = shownIds();
    if (ids.length !== before.size || ids.some((id) => !before.has(id)))
      await redraw(got, ids.filter((id) => !before.has(id)).length);
  });
}

function absenceItem(x, redraw) {
  const who = `absence-${x.id}`;
  const done = h('button', { type: 'button', class: 'primary', 'aria-describedby': who }, t('day.absence_dealt'));
  done.addEventListener('click', async () => {
    done.disabled = true;
    try { await api.absenceDealt(x.id); await redraw(); } catch (e) {
      done.disabled = false;
      done.after(h('p', { class: 'flash error', role: 'alert' }, `${t('error.save')} ${errorText(e)}`));
    }
  });
  const partners = (x.with || []).map((p) => h('li', { 'data-person': p.id },
    h('strong', {}, dataName(p.name)), ' (', dataName(localName(p.organisation_name, p.organisation_name_uk)), ') · ',
    p.checked_in_at ? t('day.arrived') : h('strong', {}, t('day.not_arrived')),
    p.email ? [' · ', h('a', { href: `mailto:${p.email}`, translate: 'no' }, p.email)] : null));
  return h('li', { class: 'card', 'data-absence': x.id },
    h('p', { id: who }, t('day.absence_by'), ' ', dataName(x.reporter.name), ' · ',
      h('time', { datetime: x.reported_at }, time(x.reported_at, zoneOfIt(x)))),
    x.starts_at ? h('p', {}, `${dayTime(x.starts_at, zoneOfIt(x))}–${time(x.ends_at, zoneOfIt(x))} · `, h('span', { class: 'absence-place' }, placeOf(x))) : null,
    h('ul', { class: 'absent-partners' }, partners), done);
}
