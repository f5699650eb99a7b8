// The organiser console: participants and each one's availability, CSV
// import with line-numbered errors, event set-up, the scheduler's run and
// figures, publishing, the printable table plan per slot and the check-in of
// arrivals.

import { api } from '../api.js';
import { h, add, field, list, clear, data, scroller, outcome, dataName } from '../dom.js';
import {
  t, tn, tx, num, time, dayTime, isoDay, compare, countryName, errorText, knownTimeZone, setTimeZone, timeZoneNote, getLang, locale,
  instant, wallDayTime, date,
} from '../i18n.js';
import { state, flash, eventPicker, go, whileBusy, refuse } from '../app.js';
import { PAGE, asked, askedOffset, addressWith, pager, allPages } from '../pager.js';
import { tableName, localName, localText, orgName, orgInfo, nameAndOrg, personInfo, requestsClosed } from '../people.js';
import { limit, invalid, describeBy } from '../forms.js';
import { cutSlots, localIso, minutesOf, overlapping, programme, reslot } from '../programme.js';
import { availabilityForm, conflictList } from '../availability.js';
import { walkinCard } from './walkin.js';
import { tableOutCard } from './tableout.js';
import { moveButton, moveResult } from '../meeting_move.js';
import { badgeScanner } from '../scan.js';
import { nextMeetingLine, absenceCard } from '../day.js';
import { serverNow } from '../clock.js';
import { coded, unscheduledWhy, importWhy } from '../words.js';
import { checkThenSend } from '../mailing.js';

function eventId() { return state.event ? state.event.id : ''; }

// A participant's organisation by its name in the page's language; found by
// either name.
const orgOf = (p) => localName(p.organisation_name, p.organisation_name_uk) || p.organisation || '';

// Whether a participant's organisation has said nothing it offers or needs:
// its suggestions then rest on text alone, worth a reminder from the organiser.
const noCapabilities = (p) => !(p.offers > 0) && !(p.needs > 0);

// A search box of a paged list: its text goes into the address (?q=), from
// the first page; the list is drawn again from there.
function searchForm(id, label, value, extra, cls) {
  const q = h('input', { type: 'search', name: 'q', value, maxlength: 200 });
  return h('form', {
    class: cls || 'card filters no-print', role: 'search', id,
    onsubmit: (ev) => {
      ev.preventDefault();
      go(addressWith({ q: q.value.trim(), offset: null, ...(extra ? extra.values() : {}) }));
    },
  }, field(label, q), extra ? extra.controls : null, h('button', { type: 'submit' }, t('search.submit')));
}

export async function renderPeople(main) {
  const offset = askedOffset();
  const bareAsked = asked('bare') === '1';
  const bare = h('input', { type: 'checkbox', name: 'no_capabilities', id: 'people-bare', checked: bareAsked });
  // those whose unanswered requests hold meetings back, to remind before a run
  const waitingAsked = asked('to_answer') === '1';
  const waiting = h('input', { type: 'checkbox', name: 'to_answer', id: 'people-to-answer', checked: waitingAsked });
  // those who did not come, for the week after's follow-up
  const absentAsked = asked('not_arrived') === '1';
  const absent = h('input', { type: 'checkbox', name: 'not_arrived', id: 'people-not-arrived', checked: absentAsked });
  // those nobody has agreed to meet yet: whom the organisers introduce
  const loneAsked = asked('no_meetings') === '1';
  const lone = h('input', { type: 'checkbox', name: 'no_meetings', id: 'people-no-meetings', checked: loneAsked });
  const form = searchForm('people-search', t('people.filter'), asked('q'), {
    controls: [h('div', { class: 'field check' }, bare, h('label', { for: 'people-bare' }, t('people.only_bare'))),
      h('div', { class: 'field check' }, waiting, h('label', { for: 'people-to-answer' }, t('people.only_to_answer'))),
      h('div', { class: 'field check' }, absent, h('label', { for: 'people-not-arrived' }, t('people.only_not_arrived'))),
      h('div', { class: 'field check' }, lone, h('label', { for: 'people-no-meetings' }, t('people.only_no_meetings')))],
    values: () => ({ bare: bare.checked ? '1' : null, to_answer: waiting.checked ? '1' : null, not_arrived: absent.checked ? '1' : null,
      no_meetings: lone.checked ? '1' : null }),
  });
  for (const box of [bare, waiting, absent, lone]) box.addEventListener('change', () => form.requestSubmit());
  // meetings counted at the event the console looks at (the forum's by default)
  const filters = { event: asked('event') || undefined, q: asked('q'), no_capabilities: bareAsked ? 1 : undefined, to_answer: waitingAsked ? 1 : undefined,
    not_arrived: absentAsked ? 1 : undefined, no_meetings: loneAsked ? 1 : undefined };
  // whether the forum sends mail: the invitations may then go by it
  const [r, mail] = await Promise.all([api.people({ ...filters, limit: PAGE, offset }),
    api.consoleMail().catch(() => null)]);
  const rows = list(r, 'people');
  const count = r && typeof r.count === 'number' ? r.count : rows.length;
  // during the forum the column is the day's arrivals (the desk's morning)
  const arrivedKey = r && r.day ? 'people.checked_today' : 'people.checked';
  const out = h('div', { id: 'people' }, h('p', { class: 'count' }, tn('people.count', count)),
    scroller({ 'aria-labelledby': 'people-title' }, h('table', { 'aria-labelledby': 'people-title' },
      h('thead', {}, h('tr', {}, ['people.name', 'people.org', 'people.country', 'people.capabilities', 'people.to_answer', 'people.meetings', arrivedKey, 'people.availability'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows.map((p, i) => h('tr', {},
        // the help desk's page of the person: their requests and meetings
        h('td', {}, h('a', { href: withEvent(`/console/people/${encodeURIComponent(p.id)}`), class: 'desk-link' }, dataName(p.name, { id: `person-${i}` })),
          p.title ? h('span', { class: 'muted' }, ' · ', data(p.title)) : null),
        h('td', {}, p.organisation ? h('a', { href: `/organisations/${encodeURIComponent(p.organisation)}` }, dataName(orgOf(p))) : ''),
        h('td', {}, countryName(p.country)),
        h('td', { class: noCapabilities(p) ? 'warn' : null }, noCapabilities(p) ? t('people.none_stated') : `${num(p.offers || 0)} / ${num(p.needs || 0)}`),
        h('td', { class: p.to_answer > 0 ? 'warn to-answer' : 'to-answer' }, p.to_answer > 0 ? num(p.to_answer) : '—'),
        h('td', { class: p.meetings > 0 ? 'meetings' : 'warn meetings' }, num(p.meetings || 0)),
        h('td', {}, p.checked_in_at ? t('yes') : t('no')),
        // each link told apart by the name it is for
        h('td', {}, h('a', { href: withEvent(`/console/people/${encodeURIComponent(p.id)}/availability`), 'aria-describedby': `person-${i}` },
          t('people.availability_change')))))))),
    pager('people-pager', offset, rows.length, count),
    count > 0 ? listLinks(filters, Boolean(mail && mail.on)) : null,
    count > 0 && mail && mail.on ? peopleMailCard(filters, count) : null,
    count > 0 ? pdfLinks('badges', rows, filters.event) : null,
    count > 0 ? pdfLinks('agendas', rows, filters.event) : null);
  add(main, h('h1', { id: 'people-title' }, t('people.title')), walkinCard(), inviteCard(Boolean(mail && mail.on)), form,
    waitingAsked && count > 0 ? remindCard(Boolean(mail && mail.on)) : null, out);
}

// With the filter "requests to answer" on: those people reminded by e-mail
// in one go, at the console's event. First how many would be mailed (a dry
// run: some were reminded lately, some have no mail), then sent.
function remindCard(mailOn) {
  const ev = state.event;
  if (!ev) return null;
  const card = h('section', { class: 'card no-print', id: 'remind', 'aria-labelledby': 'remind-h' },
    h('h2', { id: 'remind-h' }, t('remind.title')));
  if (!mailOn) return add(card, h('p', { class: 'muted', id: 'remind-no-mail' }, t('remind.no_mail')));
  const status = outcome('remind-status');
  const check = h('button', { type: 'button', id: 'remind-check' }, t('remind.check'));
  const plan = h('div', { id: 'remind-plan' });
  checkThenSend(check, plan, status, {
    id: 'remind',
    ask: (dry) => api.remindToAnswer(ev.id, dry),
    lines: (r) => [tn('remind.plan', r.mailed), r.reminded_lately ? tn('remind.lately', r.reminded_lately) : null,
      r.not_mailed ? tn('remind.not_mailed', r.not_mailed) : null],
    sendText: (r) => tn('remind.send', r.mailed),
    sentText: (r) => tn('remind.sent', r.mailed),
    nobody: t('remind.nobody'),
  });
  return add(card, h('p', {}, t('remind.lead', { event: localName(ev.name, ev.name_uk) })), check, plan, status.el);
}

// Each day's meetings by e-mail, on its eve or morning, once the agendas
// are published: a day of the event still to come (by the forum's clock,
// in its zone), how many would be mailed and when it went before, then sent.
function dayMailCard(e) {
  const today = isoDay(serverNow(), e.timezone);
  const days = [];
  for (let d = new Date(`${e.starts_on}T12:00:00Z`); d.toISOString().slice(0, 10) <= e.ends_on; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    if (iso >= today) days.push(iso);
  }
  if (!days.length) return null;
  const dayText = (iso) => date(new Date(`${iso}T12:00:00Z`), { dateStyle: 'full' }, 'UTC');
  const sel = h('select', { id: 'day-mail-day', name: 'day' }, days.map((d) => h('option', { value: d }, dayText(d))));
  const check = h('button', { type: 'button', id: 'day-mail-check' }, t('daymail.check'));
  const plan = h('div', { id: 'day-mail-plan' });
  const status = outcome('day-mail-status');
  sel.addEventListener('change', () => { clear(plan); status.ok(); });
  checkThenSend(check, plan, status, {
    id: 'day-mail',
    ask: (dry) => api.dayMail(e.id, sel.value, dry),
    lines: (r) => [tn('daymail.meetings', r.meetings), tn('daymail.plan', r.mailed),
      r.people > r.mailed ? tn('daymail.not_mailed', r.people - r.mailed) : null,
      r.before ? tx('daymail.before', { when: dayTime(r.before.at), by: data(r.before.by), n: num(r.before.mailed) }) : null],
    sendText: (r) => tn('daymail.send', r.mailed),
    sentText: (r) => tn('daymail.sent', r.mailed),
    nobody: t('daymail.none'),
  });
  return h('section', { class: 'card no-print', id: 'day-mail', 'aria-labelledby': 'day-mail-h' },
    h('h2', { id: 'day-mail-h' }, t('daymail.title')), h('p', {}, t('daymail.lead')),
    field(t('daymail.day'), sel), check, plan, status.el, dayMailAuto(e));
}

// When the next day's mail goes by itself, in words, as the server says
// it (the event's day_mail_next: its day, and its time as the clocks of
// the event's zone read it, from their digits).
function dayMailNextWords(ev) {
  const n = ev.day_mail_next;
  if (!ev.day_mail_on) return [t('daymail.auto_off')];
  if (!n) return [t('daymail.auto_done')];
  const words = (iso, opts) => new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', ...opts })
    .format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
  const city = String(ev.timezone || 'UTC').split('/').pop().replace(/_/g, ' ');
  return tx('daymail.auto_next', {
    when: words(n.at, { weekday: 'long', day: 'numeric', month: 'long' }), time: n.at.slice(11, 16),
    zone: data(city), weekday: words(n.day, { weekday: 'long' }), daymonth: words(n.day, { day: 'numeric', month: 'long' }),
  });
}

// Each day's mail by itself (the event's day_mail_on and day_mail_at, at
// the event's clock): none, the evening before or the morning of the day,
// at a time; then when the next goes. A day sent from here is not sent
// again by itself.
function dayMailAuto(e) {
  const on = h('select', { id: 'day-mail-auto', name: 'day_mail_on' },
    [['', 'daymail.auto_none'], ['eve', 'daymail.auto_eve'], ['morning', 'daymail.auto_morning']]
      .map(([v, k]) => h('option', { value: v }, t(k))));
  on.value = e.day_mail_on || '';
  const at = h('input', { type: 'time', id: 'day-mail-auto-at', name: 'day_mail_at', required: true,
    value: e.day_mail_at || (e.day_mail_on === 'morning' ? '07:00' : '18:00') });
  const atField = field(t('daymail.auto_at'), at);
  const save = h('button', { type: 'button', id: 'day-mail-auto-save' }, t('daymail.auto_save'));
  const next = h('p', { id: 'day-mail-auto-next' });
  const status = outcome('day-mail-auto-status');
  const show = (ev) => { next.replaceChildren(...dayMailNextWords(ev)); };
  atField.hidden = !on.value;
  on.addEventListener('change', () => {
    // each moment's usual hour, unless one was chosen
    if (on.value === 'morning' && at.value === '18:00') at.value = '07:00';
    if (on.value === 'eve' && at.value === '07:00') at.value = '18:00';
    atField.hidden = !on.value;
    status.ok();
  });
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      const ev = await api.updateEvent(e.id, on.value ? { day_mail_on: on.value, day_mail_at: at.value } : { day_mail_on: null });
      state.event = { ...state.event, day_mail_on: ev.day_mail_on, day_mail_at: ev.day_mail_at, day_mail_next: ev.day_mail_next };
      show(ev);
      status.ok(t('daymail.auto_saved'));
    } catch (err) {
      status.fail(t('error.save'), ' ', refusalWhy(err));
    } finally { save.disabled = false; }
  });
  // the events' list has no day_mail_next (the next send is the event's own GET's)
  if ('day_mail_next' in e) show(e);
  else api.event(e.id).then(show).catch((err) => status.fail(errorText(err)));
  return h('fieldset', { id: 'day-mail-auto-set' }, h('legend', {}, t('daymail.auto_title')),
    field(t('daymail.auto_when'), on), atField, save, next, h('p', { class: 'muted' }, t('daymail.auto_once')), status.el);
}

// The list the filters picked, whole, as a file with their e-mail addresses:
// to remind them (to answer their requests, to state offers and needs) from
// the organisers' own mail program.
function listLinks(filters, mailOn) {
  const href = (format) => {
    const u = new URLSearchParams({ format });
    for (const [k, v] of Object.entries(filters)) if (v) u.set(k, v);
    return `/api/v1/console/people?${u}`;
  };
  return h('p', { id: 'people-download', class: 'no-print' }, t('people.download'), ': ',
    h('a', { href: href('xlsx'), download: 'dfnc-people-list.xlsx', id: 'people-download-xlsx' }, data('Excel')),
    ' · ', h('a', { href: href('csv'), download: 'dfnc-people-list.csv', id: 'people-download-csv' }, 'CSV'),
    // while the forum sends mail the card below writes to them itself
    mailOn ? null : h('span', { class: 'muted' }, ' — ', t('people.download_hint')));
}

// While the forum sends mail: the organisers write to everyone the list's
// filters picked (every page), in English and, if they like, Ukrainian;
// each person gets her language's. First how many it reaches (a dry run),
// then sent; the same words sent twice within a minute are refused.
const PEOPLE_MAIL_SUBJECT_MAX = 200;
const PEOPLE_MAIL_TEXT_MAX = 4000;
function peopleMailCard(filters, count) {
  const input = (id, max) => limit(h('input', { type: 'text', id, name: id.slice(12) }), max);
  const area = (id, max) => limit(h('textarea', { id, name: id.slice(12), rows: 6 }), max);
  const subject = input('people-mail-subject', PEOPLE_MAIL_SUBJECT_MAX);
  const text = area('people-mail-text', PEOPLE_MAIL_TEXT_MAX);
  const subjectUk = input('people-mail-subject_uk', PEOPLE_MAIL_SUBJECT_MAX);
  const textUk = area('people-mail-text_uk', PEOPLE_MAIL_TEXT_MAX);
  subject.required = true;
  text.required = true;
  const status = outcome('people-mail-status');
  const check = h('button', { type: 'button', id: 'people-mail-check' }, t('peoplemail.check'));
  const plan = h('div', { id: 'people-mail-plan' });
  const form = h('form', { id: 'people-mail-form', novalidate: true, onsubmit: (ev) => ev.preventDefault() },
    field(t('peoplemail.subject'), subject), field(t('peoplemail.text'), text),
    h('fieldset', {}, h('legend', {}, t('peoplemail.in_uk')),
      field(t('peoplemail.subject_uk'), subjectUk), field(t('peoplemail.text_uk'), textUk)),
    check, plan, status.el);
  // words changed after the figures: to be checked again
  form.addEventListener('input', () => { clear(plan); status.ok(); });
  // a form not whole is said before the server is asked
  check.addEventListener('click', (ev) => {
    const bad = invalid(form);
    if (!bad) return;
    ev.stopImmediatePropagation();
    status.fail(t('error.save'), ' ', bad);
  });
  const { event, q, no_capabilities: bare, to_answer: waiting, not_arrived: absent, no_meetings: lone } = filters;
  const chosen = { event: event || null, q: q || null, no_capabilities: Boolean(bare), to_answer: Boolean(waiting),
    not_arrived: Boolean(absent), no_meetings: Boolean(lone) };
  checkThenSend(check, plan, status, {
    id: 'people-mail',
    ask: (dry) => api.mailPeople({ filters: chosen, subject: subject.value.trim(), text: text.value.trim(),
      subject_uk: subjectUk.value.trim() || null, text_uk: textUk.value.trim() || null }, dry),
    lines: (r) => [tn('peoplemail.plan', r.mailed), r.not_mailed ? tn('peoplemail.not_mailed', r.not_mailed) : null],
    sendText: (r) => tn('peoplemail.send', r.mailed),
    sentText: (r) => tn('peoplemail.sent', r.mailed),
    nobody: t('peoplemail.nobody'),
  });
  return h('section', { class: 'card no-print', id: 'people-mail', 'aria-labelledby': 'people-mail-h' },
    h('h2', { id: 'people-mail-h' }, tn('peoplemail.title', count)), h('p', {}, t('peoplemail.lead')), form);
}

// Name badges to print and cut (a PDF, four to an A4 page, each with a QR
// code of the person's id that the check-in page's search takes from a
// scanner), and agendas on paper (each person's meetings from a page of its
// own, in her language): the people on this page, or everyone (everyone's
// agendas leave out who has no meeting: skip_empty).
function pdfHref(path, ids, event, extra) {
  const u = new URLSearchParams();
  if (event) u.set('event', event);
  if (ids) u.set('person', ids.join(','));
  else for (const [k, v] of Object.entries(extra || {})) u.set(k, v);
  const q = u.toString();
  return `/api/v1/console/${path}${q ? `?${q}` : ''}`;
}
export function badgesHref(ids, event) { return pdfHref('badges.pdf', ids, event); }
export function agendasHref(ids, event) { return pdfHref('agendas.pdf', ids, event, { skip_empty: '1' }); }

// The two kinds of PDF the people page prints: href, file, and the keys of
// their words (people.badges*, people.agendas*).
const PDFS = {
  badges: { href: badgesHref, file: 'dfnc-badges.pdf', id: 'people-badges' },
  agendas: { href: agendasHref, file: 'dfnc-agendas.pdf', id: 'people-agendas' },
};

// Each link fetches its PDF, so that the page says while it is drawn
// (everyone's take seconds at a large forum) and, in its own words, that
// another organiser is drawing everyone's (503 busy, Retry-After) or that
// the agendas are not published yet (409 not_published) rather than a new
// tab showing the server's JSON; without JavaScript the links download as
// they are.
function pdfLinks(kind, rows, event) {
  const k = PDFS[kind];
  const said = h('p', { id: `${k.id}-status`, class: 'muted', role: 'status' });
  let drawing = false;
  const link = (ids, id, key) => h('a', {
    href: k.href(ids, event), download: k.file, id,
    onclick: async (ev) => {
      ev.preventDefault();
      if (drawing) return;
      drawing = true;
      const a = ev.currentTarget;
      a.setAttribute('aria-busy', 'true');
      said.className = 'muted';
      said.textContent = t(`people.${kind}_drawing`);
      try {
        saveAs(await api.pdf(a.getAttribute('href')), k.file);
        said.textContent = t(`people.${kind}_saved`, { file: k.file });
      } catch (e) {
        said.className = 'error';
        said.textContent = e && e.code === 'busy' ? tn(`people.${kind}_busy`, e.retryAfter || 30)
          : e && e.code === 'not_published' ? t('people.agendas_unpublished')
            : `${t('error.load')} ${errorText(e)}`;
      } finally {
        drawing = false;
        a.removeAttribute('aria-busy');
      }
    },
  }, t(key));
  return h('div', { class: 'no-print' },
    h('p', { id: k.id }, t(`people.${kind}`), ': ',
      link(rows.map((p) => p.id), `${k.id}-page`, 'people.badges_page'),
      ' · ', link(null, `${k.id}-all`, 'people.badges_all'),
      h('span', { class: 'muted' }, ' — ', t(`people.${kind}_hint`))),
    said);
}

// A Blob saved as a file of that name, as a link's download would.
function saveAs(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// A console path with the event picked (?event=), as the header's links keep it.
export function withEvent(p) {
  const picked = new URLSearchParams(location.search).get('event');
  return picked ? `${p}?event=${encodeURIComponent(picked)}` : p;
}

// Someone else's availability, set by an organiser (a call: "she arrives at
// 11:00 on day two"): the shared form of the agenda's "When are you
// available?", then what the save means for the schedule. The app moves no
// meeting when it is saved: before publication the next scheduler run places
// every meeting anew and keeps them out of the away slots; a published
// meeting keeps its slot, and the run warns about it.
export async function renderPersonAvailability(main, id) {
  const picker = await eventPicker();
  const [p, av] = await Promise.all([api.person(id), api.personAvailability(id, eventId() || undefined)]);
  const org = p.organisation ? orgName(await orgInfo(p.organisation).catch(() => ({}))) : '';
  const back = h('p', { class: 'no-print' }, h('a', { href: withEvent('/console/people'), id: 'person-back' }, t('org_avail.back')));
  const note = (r) => {
    const cs = list(r.conflicts);
    if (cs.length === 0) return h('p', { class: 'muted', id: 'availability-next' }, t('org_avail.no_conflict'));
    if (r.published) return h('p', { class: 'notice', id: 'availability-next' }, tn('org_avail.published', cs.length));
    return h('p', { class: 'notice', id: 'availability-next' }, tn('org_avail.rerun', cs.length), ' ',
      h('a', { href: withEvent('/console/schedule'), id: 'availability-to-schedule' }, t('org_avail.to_schedule')));
  };
  const form = availabilityForm(av, {
    save: (away) => api.setPersonAvailability(id, av.event, away),
    saved: (r, away) => (away.length ? tn('org_avail.saved', away.length) : t('org_avail.saved_all')),
    conflicts: (r) => [conflictList(r, ['org_avail.conflict', 'org_avail.conflict']), note(r)],
    setBy: true,
  });
  add(main, h('h1', { id: 'person-availability-title' }, tx('org_avail.title', { name: dataName(p.name || id) })),
    back, picker,
    org ? h('p', { class: 'lead' }, dataName(org)) : null,
    h('section', { class: 'card', id: 'person-availability', 'aria-labelledby': 'person-availability-h' },
      h('h2', { id: 'person-availability-h' }, t('org_avail.slots')),
      form ? [h('p', { class: 'muted', id: 'availability-hint' }, t('org_avail.hint')), form]
        : h('p', { id: 'availability-none' }, t('org_avail.no_slots'))));
}

// "Invite everyone not yet invited" (dfnc user invite --all): the links come
// back once, in a CSV for the mail merge that the browser downloads; while
// the forum sends mail, dfnc mails them too ("and send them by e-mail",
// checked), and the CSV is then a link to keep, not a download.
function inviteCard(mailOn) {
  // the outcome said politely, a failure as an alert
  const status = outcome('invite-status');
  const taken = h('div', { id: 'invite-taken' });
  const keep = h('p', { id: 'invite-csv' });
  const mail = h('input', { type: 'checkbox', id: 'invite-mail', checked: mailOn });
  const button = h('button', {
    type: 'button', id: 'invite-all',
    onclick: async () => {
      status.ok();
      const kept = keep.querySelector('a');
      if (kept) URL.revokeObjectURL(kept.href);   // an earlier run's links: gone from memory
      keep.replaceChildren();
      const mailed = mailOn && mail.checked;
      let r;
      try {
        r = await whileBusy([button, mail], () => api.inviteEveryone(mailed ? { mail: true } : undefined));
      } catch (e) {
        status.fail(`${t('error.save')} ${errorText(e)}`);
        return;
      }
      const sk = r.skipped || {};
      const said = [t(!r.invited ? 'invite.nobody' : mailed ? 'invite.done_mail' : 'invite.done', {
        n: num(r.invited), pending: num(sk.pending || 0), login: num(sk.has_password || 0),
        none: num((sk.no_email || 0) + (sk.email_taken || 0)),
      })];
      if (mailed && r.invited) said.push(tn('invite.mailed', r.mailed || 0));
      if (mailed && r.not_mailed) said.push(tn('invite.not_mailed', r.not_mailed));
      if (r.contacts) said.push(tn('invite.contacts', r.contacts));
      status.ok(said.join(' '));
      taken.replaceChildren(...emailTaken(sk.email_taken || 0, list(r.email_taken_people)));
      if (!r.invited) return;
      const a = h('a', {
        href: URL.createObjectURL(new Blob([r.csv], { type: 'text/csv' })),
        // the forum's day where its event is (a late evening in Kyiv is not UTC's next day)
        download: `invitations-${isoDay(serverNow())}.csv`,
        id: 'invite-csv-link',
      }, t('invite.csv_link'));
      if (mailed) {
        keep.replaceChildren(a);   // the mail carries the links: the file only if wanted
        return;
      }
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 60000);
    },
  }, t('invite.button'));
  const how = mailOn ? h('div', { class: 'field check' }, mail, h('label', { for: 'invite-mail' }, t('invite.mail')))
    : h('p', { class: 'muted', id: 'invite-mail-off' },
      tx('invite.mail_off', { setup: h('code', {}, 'dfnc mail setup'), serve: h('code', {}, 'serve --smtp') }));
  return h('section', { class: 'card', 'aria-labelledby': 'invite-title' },
    h('h2', { id: 'invite-title' }, t('invite.title')),
    h('p', {}, t('invite.text')), how, button, status.el, keep, taken);
}

// Those the run skipped because another login has their e-mail (the first
// 20 the server names, of n), each a link to their desk page, where the
// organiser sees who they are and mends it.
function emailTaken(n, people) {
  if (!n) return [];
  return [h('p', {}, tn('invite.taken', n)),
    h('ul', {}, people.map((x) => h('li', {},
      h('a', { href: withEvent(`/console/people/${encodeURIComponent(x.person)}`), class: 'desk-link' }, data(x.person)),
      ' ', data(x.email, { class: 'muted' })))),
    n > people.length ? h('p', {}, t('import.more', { n: num(n - people.length) })) : null];
}

const IMPORT_KINDS = ['organisations', 'people', 'capabilities', 'requests', 'interpreters', 'availability', 'events', 'sessions', 'glossary'];

// A line of the glossary in force that partner matching leaves out, as the
// server says it ("the organiser's glossary:2: ..."): in the page's
// language, by its code (importWhy).
function glossaryProblem(x) {
  const msg = String((x && x.message) || '');
  const m = /^the organiser's glossary:(\d+): (.*)$/.exec(msg);
  if (getLang() === 'en' || !m) return h('code', { translate: 'no' }, msg);
  return [t('import.glossary_problem', { n: m[1] }), ' ', importWhy({ ...x, message: m[2] })];
}

// The encodings a CSV file may be read in (the server's --encoding); auto
// lets it guess from the file's words, and its reply says what it read. A
// code page is a name, said alike in every language; the hint says what
// each one is.
const CODE_PAGES = { 'windows-1251': 'Windows-1251', 'windows-1252': 'Windows-1252' };
const encodingOptions = () => [h('option', { value: 'auto' }, t('import.encoding_auto')),
  h('option', { value: 'utf-8' }, 'UTF-8'),
  ...Object.entries(CODE_PAGES).map(([v, name]) => h('option', { value: v, translate: 'no' }, name))];

// What a file not in UTF-8 was read as, and whether the server guessed it:
// a wrong guess shows in the names, and the organiser chooses and imports again.
function readAs(encoding, guessed) {
  const cp = CODE_PAGES[encoding];
  if (!cp) return null;
  return h('p', { class: 'notice', id: 'import-encoding' }, tx(guessed ? 'import.read_as_guessed' : 'import.read_as', { enc: data(cp) }));
}

// A note of the import (a published meeting moved or removed) in the page's
// language, from its code and values; one without a code (a server older
// than the page) as its message.
// a side with no table is online when it was held by video (a hybrid forum),
// else at no table
const side = (v, at) => (!v[`${at}_table`] && v[`${at}_online`]
  ? tx('import.warn_place_online', { starts: data(v[`${at}_starts`]), ends: data(v[`${at}_ends`]) })
  : tx('import.warn_place', { starts: data(v[`${at}_starts`]), ends: data(v[`${at}_ends`]),
    table: v[`${at}_table`] ? data(v[`${at}_table`]) : t('import.warn_no_table') }));
const venueOf = (x) => (x ? data(x) : t('import.warn_no_venue'));
const WARNINGS = {
  meeting_moved: (v) => tx('import.warn.meeting_moved', { what: t(`import.warn_what.${v.what}`), id: data(v.id),
    request: data(v.request), from: side(v, 'from'), to: side(v, 'to'), n: v.sequence,
    zone: v.zone_from ? tx('import.warn_zone', { from: data(v.zone_from), to: data(v.zone_to) }) : '',
    venue: v.venue ? tx('import.warn_venue', { from: venueOf(v.venue_from), to: venueOf(v.venue_to) }) : '' }),
  meeting_venue: (v) => tx('import.warn.meeting_venue', { what: t(`import.warn_what.${v.what}`), id: data(v.id),
    request: data(v.request), from: venueOf(v.venue_from), to: venueOf(v.venue_to), n: v.sequence }),
  meeting_removed: (v) => tx(!v.table && v.online ? 'import.warn.meeting_removed_online' : 'import.warn.meeting_removed', {
    request: data(v.request), from: data(v.from), to: data(v.to),
    status: t(`status.${v.status}`), starts: data(v.starts), table: v.table ? data(v.table) : t('import.warn_no_table') }),
};
function importWarning(x) {
  const say = WARNINGS[x.code];
  return say && x.values ? say(x.values) : importWhy(x);
}

// What a file did to the meetings: a programme file (events, sessions)
// moved them or left them without a slot, as the console's own programme
// edit says it; a requests file removed those of requests no longer
// accepted; each published one by its line, for the organiser to tell its
// people.
function meetingsTouched(r) {
  const moved = r.meetings_moved || 0, unscheduled = r.meetings_unscheduled || 0, removed = r.meetings_removed || 0;
  const mailed = r.video_mailed || 0;
  const warnings = list(r.warnings);
  if (!moved && !unscheduled && !removed && !mailed && !warnings.length) return null;
  return h('div', { class: 'notice', id: 'import-meetings' },
    moved ? h('p', {}, tn('import.moved', moved)) : null,
    mailed ? h('p', { id: 'import-video-mailed' }, tn('import.video_mailed', mailed)) : null,
    unscheduled ? h('p', {}, tn('import.unscheduled', unscheduled)) : null,
    removed ? h('p', {}, tn('import.removed', removed)) : null,
    warnings.length ? [h('p', {}, h('strong', {}, t(removed ? 'import.warnings_removed' : 'import.warnings'))), h('ul', { class: 'errors' }, warnings.map((x) => h('li', {},
      x.line ? h('strong', {}, t('import.line', { n: x.line })) : null, ' ', importWarning(x))))] : null);
}

// The columns of a kind whose file the organiser may write from nothing,
// said beside the text box (dfnc import's).
const code = (x) => h('code', {}, x);
const COLUMN_HINTS = {
  availability: () => tx('import.availability_hint', { columns: code('person,event,away'), away: code('away') }),
  events: () => tx('import.events_hint', { columns: code('id,name,starts_on,ends_on'),
    optional: code('venue,timezone,request_cap,name_uk,venue_uk,video_url') }),
  sessions: () => tx('import.sessions_hint', { columns: code('event,id,day,start,end,kind,name'),
    optional: code('name_uk,slot_minutes,slot_pause,slots,place,place_uk,description,description_uk'), minutes: code('slot_minutes'),
    pause: code('slot_pause'), slots: code('slots') }),
};

export async function renderImport(main) {
  const kind = h('select', { name: 'kind' }, IMPORT_KINDS.map((k) => h('option', { value: k }, t(`import.${k}`))));
  const encoding = h('select', { name: 'encoding' }, encodingOptions());
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain' });
  const text = h('textarea', { name: 'csv', rows: 8, spellcheck: 'false', class: 'mono' });
  const out = h('div', { id: 'import-result', 'aria-live': 'polite' });
  // A file is read as UTF-8 only if it is UTF-8: Blob.text() would turn a
  // Windows-1251 or UTF-16 file's letters into U+FFFD without a word. One
  // that is not goes to the server as its bytes, which reads it in the
  // encoding chosen or guessed, or refuses it saying how to save the file
  // (src/io/csv.c); so does one whose encoding is chosen as a code page.
  // Typing in the box drops the file: the text typed is UTF-8.
  let raw = null, utf8 = false;
  file.addEventListener('change', async () => {
    const f = file.files[0];
    if (!f) return;
    raw = new Uint8Array(await f.arrayBuffer());
    try {
      text.value = new TextDecoder('utf-8', { fatal: true }).decode(raw);
      utf8 = true;
    } catch (_) {
      text.value = '';
      utf8 = false;
    }
  });
  text.addEventListener('input', () => { raw = null; });
  const form = h('form', {
    class: 'card', id: 'import-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      clear(out);
      // an empty CSV is a slip (an empty glossary clears the glossary)
      if (!raw && kind.value !== 'glossary' && !text.value.trim()) {
        out.append(h('p', { class: 'flash error', role: 'alert' }, t('import.empty')));
        return;
      }
      const csv = kind.value !== 'glossary';
      const asked = csv && encoding.value !== 'auto' ? encoding.value : undefined;
      // the file's own bytes unless they are UTF-8 and read so: the text box holds them then
      const bytes = raw && (!utf8 || (asked && asked !== 'utf-8')) ? raw : null;
      try {
        const r = await api.importCsv(kind.value, bytes || text.value, bytes ? asked : undefined);
        out.append(h('p', { class: 'flash ok', role: 'status' }, tn('import.done', (r && (r.rows ?? r.imported ?? r.count)) || 0)));
        if (r) add(out, readAs(r.encoding, r.encoding_guessed));
        if (r) add(out, meetingsTouched(r));
        if (kind.value === 'glossary') showGlossary();
      } catch (e) {
        const b = e.body && e.body.error ? e.body.error : {};
        // another organiser's import is under way: the server took none of this file
        if (b.code === 'busy') {
          out.append(h('p', { class: 'flash error', role: 'alert' }, t('import.busy')));
          return;
        }
        const errs = list(b.errors || (e.body && e.body.errors), 'errors');
        out.append(h('p', { class: 'flash error', role: 'alert' }, t('import.failed')));
        const lines = errs.length ? errs : [{ line: b.line, message: b.message || e.message }];
        out.append(h('ul', { class: 'errors' }, lines.map((x) => h('li', {},
          x.line ? h('strong', {}, t('import.line', { n: x.line })) : null, ' ', importWhy(x)))));
        if (b.refused > lines.length) out.append(h('p', {}, t('import.more', { n: num(b.refused - lines.length) })));
        // its rows were read in a code page: the names above are that reading's
        add(out, readAs(b.encoding, !(bytes && asked)));
      }
    },
  },
  field(t('import.kind'), kind),
  field(t('import.file'), file),
  field(t('import.encoding'), encoding, tx('import.encoding_hint', {
    excel: data('Excel'), cp1251: data(CODE_PAGES['windows-1251']), cp1252: data(CODE_PAGES['windows-1252']) })),
  field(t('import.text'), text, t('import.hint')),
  h('button', { type: 'submit', class: 'primary' }, t('import.submit')));
  // the glossary is not CSV: its hint says what a line holds, the one in
  // force can be fetched to edit and import again, and its status says how
  // many lines it holds and how many partner matching leaves out (after a
  // dfnc upgrade some may no longer fit beside dfnc's own glossary)
  const hint = form.querySelector(`#${text.id}-hint`);
  const status = h('span', { id: 'glossary-status' });
  const current = h('div', { id: 'glossary-current', hidden: true }, h('p', {}, status, ' ',
    h('a', { href: '/api/v1/console/glossary', download: 'glossary.tsv' }, t('import.glossary_current'))));
  async function showGlossary() {
    let st;
    try { st = await api.glossaryStatus(); } catch (e) {
      // said at once, as the list's problems are
      current.querySelectorAll('.flash').forEach((el) => el.remove());
      status.textContent = '';
      current.append(h('p', { class: 'flash error', role: 'alert' }, errorText(e)));
      return;
    }
    // after the answer: two asked at once (a change of kind, then an import) leave one alert
    current.querySelectorAll('.flash').forEach((el) => el.remove());
    status.textContent = tn('import.glossary_pairs', st.pairs);
    if (st.refused > 0) {
      // every line left out, as far as the server names them (the first 20)
      const named = st.problems && st.problems.length ? st.problems : [{ message: st.problem }];
      current.append(h('div', { class: 'flash error', role: 'alert' },
        h('p', {}, tn('import.glossary_left_out', st.refused)),
        h('ul', { class: 'errors' }, named.map((x) => h('li', {}, glossaryProblem(x)))),
        st.refused > named.length ? h('p', {}, t('import.more', { n: num(st.refused - named.length) })) : null));
    }
  }
  // the glossary is UTF-8 text, not a spreadsheet's file: no encoding to choose
  const encodingField = encoding.closest('.field');
  kind.addEventListener('change', () => {
    const glossary = kind.value === 'glossary';
    encodingField.hidden = glossary;
    // availability's and the programme's columns are said (dfnc import's)
    const columns = COLUMN_HINTS[kind.value];
    hint.replaceChildren(...(columns ? [...columns(), ' '] : []),
      t(glossary ? 'import.glossary_hint' : 'import.hint'));
    current.hidden = !glossary;
    if (glossary) showGlossary();
  });
  form.insertBefore(current, form.querySelector('button[type=submit]'));
  add(main, h('h1', {}, t('import.title')), form, out, exportSection());
}

// The forum's tables to download, as `dfnc export` writes them: an Excel
// workbook, which Excel opens with its Cyrillic intact (a CSV file it would
// read in the Windows code page), or CSV in the import columns.
function exportSection() {
  const kinds = [['organisations', 'import.organisations'], ['people', 'import.people'],
    ['events', 'export.events'], ['sessions', 'export.sessions'], ['meetings', 'export.meetings'],
    ['demands', 'export.demands'], ['supplies', 'export.supplies']];
  return h('section', { class: 'card', id: 'export', 'aria-labelledby': 'export-title' },
    h('h2', { id: 'export-title' }, t('export.title')),
    h('p', { class: 'muted' }, tx('export.hint', { excel: data('Excel') })),
    h('ul', {}, kinds.map(([kind, label]) => h('li', {}, t(label), ': ',
      h('a', { href: `/api/v1/console/export/${kind}?format=xlsx`, download: `dfnc-${kind}.xlsx`, id: `export-${kind}-xlsx` }, data('Excel')),
      ' · ',
      h('a', { href: `/api/v1/console/export/${kind}?format=csv`, download: `dfnc-${kind}.csv`, id: `export-${kind}-csv` }, 'CSV'))),
    followUpItem()));
}

// After the forum: the event's people who met, each with the partners they
// met and what they said it led to, for the organisers' own mail program
// (GET /console/events/{id}/follow-up; dfnc's own mail does not send it).
function followUpItem() {
  if (!state.event) return null;
  const base = `/api/v1/console/events/${encodeURIComponent(eventId())}/follow-up`;
  const file = `dfnc-follow-up-${eventId()}`;
  return h('li', { id: 'export-follow-up' }, t('export.follow_up'), ': ',
    h('a', { href: `${base}?format=xlsx`, download: `${file}.xlsx`, id: 'export-follow-up-xlsx' }, data('Excel')),
    ' · ',
    h('a', { href: `${base}?format=csv`, download: `${file}.csv`, id: 'export-follow-up-csv' }, 'CSV'),
    h('br'), h('span', { class: 'muted' }, t('export.follow_up_hint')));
}

export async function renderEvent(main) {
  const picker = await eventPicker();
  const e = state.event ? { ...state.event, ...(await api.event(eventId()).catch(() => ({}))) } : {};
  // a forum set up from nothing has no event yet: this form creates it
  // (POST /events), with the id its CSV files name it by
  const creating = !state.event;
  const inputs = {
    name: limit(h('input', { name: 'name', value: e.name || '', required: true, lang: 'en' }), 300),
    name_uk: limit(h('input', { name: 'name_uk', value: e.name_uk || '', lang: 'uk' }), 300),
    id: creating ? newIdInput() : null,
    venue: limit(h('input', { name: 'venue', value: e.venue || '', lang: 'en' }), 300),
    venue_uk: limit(h('input', { name: 'venue_uk', value: e.venue_uk || '', lang: 'uk' }), 300),
    starts_on: h('input', { name: 'starts_on', type: 'date', value: e.starts_on || '' }),
    ends_on: h('input', { name: 'ends_on', type: 'date', value: e.ends_on || '' }),
    timezone: h('input', { name: 'timezone', value: e.timezone || 'Europe/Brussels', list: 'timezones', autocomplete: 'off', maxlength: 64 }),
    request_cap: h('input', { name: 'request_cap', type: 'number', min: 1, max: 200, value: e.request_cap || 20 }),
    // when participants' requests stop being taken, at the event's clock
    // (as its sessions' times are); empty: open
    requests_close: h('input', { name: 'requests_close', type: 'datetime-local', value: e.requests_close || '' }),
    // a hybrid forum: the video service whose rooms hold the online meetings
    video_url: limit(h('input', { name: 'video_url', type: 'url', value: e.video_url || '', pattern: 'https://[^\\s?#]+', autocomplete: 'off', translate: 'no' }), 200),
  };
  // meetings held online while the event names no video service: said
  // here, beside where it is named (GET .../schedule's now.online)
  const online = !creating && !e.video_url
    ? await api.lastRun(eventId()).then((x) => (x && x.now && x.now.online) || 0).catch(() => 0) : 0;
  // The zone is picked from the names the browser knows (the IANA database):
  // every date and time of the forum is shown in it, so a typo is refused here.
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const tzCheck = () => inputs.timezone.setCustomValidity(knownTimeZone(inputs.timezone.value.trim()) ? '' : t('event.timezone_unknown'));
  inputs.timezone.addEventListener('input', tzCheck);
  if (creating) followName(inputs.name, inputs.id, inputs.starts_on);
  else delete inputs.id;
  const form = h('form', {
    class: 'card', id: 'event-form', novalidate: true,
    onsubmit: async (ev) => {
      ev.preventDefault();
      tzCheck();
      const bad = invalid(form);
      if (bad) { flash(form, `${t('error.save')} ${bad}`, 'error'); return; }
      const body = {};
      for (const [k, el] of Object.entries(inputs)) body[k] = k === 'request_cap' ? Number(el.value) : el.value.trim();
      try {
        if (creating) {
          await createEvent(main, body);
          return;
        }
        const saved = await api.updateEvent(eventId(), body);
        const { warnings, ...fresh } = saved || {};
        state.event = { ...state.event, ...fresh };
        setTimeZone(state.event.timezone);
        // a video service named or changed after publication: its links mailed
        const mailed = fresh.video_mailed > 0 ? tn('event.video_mailed', fresh.video_mailed) : null;
        flash(form, [t('saved'), mailed].filter(Boolean).join(' '));
        await showMoved(form, list(warnings));
      } catch (err) { flash(form, `${t('error.save')} ${errorText(err)}`, 'error'); }
    },
  },
  timeZoneNote() ? h('p', { class: 'notice', id: 'tz-note', role: 'alert' }, timeZoneNote()) : null,
  creating ? h('p', { class: 'notice', id: 'event-new' }, t('event.new_lead'))
    : h('p', { class: 'muted', id: 'event-id' }, tx('event.id_is', { id: h('code', { translate: 'no' }, e.id) })),
  h('p', { class: 'muted', id: 'event-languages-hint' }, t('bilingual.hint')),
  online ? h('p', { class: 'notice', id: 'event-online-no-video' }, tn('schedule.online_no_video', online)) : null,
  Object.entries(inputs).map(([k, el]) => field(t(BILINGUAL_LABELS[k] || `event.${k}`), el, EVENT_HINTS[k] ? t(EVENT_HINTS[k]) : undefined)),
  h('datalist', { id: 'timezones' }, zones.map((z) => h('option', { value: z }))),
  h('button', { type: 'submit', class: 'primary' }, creating ? t('event.create') : t('save')));
  add(main, h('h1', {}, t('event.title')), picker, form);
  // sessions, tables and interpreters belong to an event: none to add them to yet
  if (creating) return;
  renderProgramme(main, e);
  renderTablesSetup(main, e);
  renderInterpreters(main, e);
}

const EVENT_HINTS = { timezone: 'event.timezone_hint', id: 'event.id_hint', video_url: 'event.video_url_hint', requests_close: 'event.requests_close_hint' };

// A name as the API takes ids: "DFNC2: EU Edition 2027" is
// dfnc2-eu-edition-2027, accents dropped; what is not a Latin letter or a
// digit (Cyrillic) is left out.
export function idFromName(name) {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64).replace(/-+$/, '');
}

// The id a new event's name suggests (idFromName); a name with no Latin
// letter (Cyrillic) gives forum- and its digits ("Форум 2028": forum-2028),
// or the first day's year.
function eventIdFrom(name, startsOn) {
  const slug = idFromName(name);
  if (/[a-z]/.test(slug)) return slug;
  const digits = slug || (startsOn || '').slice(0, 4);
  return digits ? `forum-${digits}` : 'forum';
}

// The API's rule for ids (docs/api.md), said against the field as it is
// typed (invalidKey: the sentence, with an example of the id's kind).
export function newIdInput(invalidKey = 'event.id_invalid') {
  const el = h('input', { name: 'id', required: true, maxlength: 128, autocomplete: 'off', spellcheck: 'false', translate: 'no' });
  el.addEventListener('input', () => {
    const v = el.value.trim();
    el.setCustomValidity(v && (!/^[A-Za-z0-9._-]+$/.test(v) || v === '.' || v === '..') ? t(invalidKey) : '');
  });
  return el;
}

// The new event's id follows its name and first day as they are typed,
// until the organiser types an id of their own.
function followName(nameInput, idInput, startsOn) {
  let own = false;
  idInput.addEventListener('input', () => { own = idInput.value !== ''; });
  const follow = () => { if (!own) idInput.value = eventIdFrom(nameInput.value.trim(), startsOn.value); };
  nameInput.addEventListener('input', follow);
  startsOn.addEventListener('input', follow);
}

// Creates the forum's event, then draws the page again for its programme,
// tables and interpreters; a refusal is said by the form (the caller's catch).
async function createEvent(main, body) {
  const made = await api.createEvent(body);
  state.events = [...(state.events || []), made];
  state.event = made;
  setTimeZone(made.timezone);
  clear(main);
  await renderEvent(main);
  flash(main.querySelector('#event-form'), t('event.created', { id: made.id }), 'ok', true);
}

// A published meeting the edit moved (PUT's warning, by its code and
// values: docs/api.md "Words for a page"), the times local ones of the
// event's zone, the old place first; a code this page does not know as the
// server's English.
const MOVED = {
  meeting_venue: (v) => movedVenue(v),
  meeting_moved: (v) => {
    const place = (at, zone) => [`${wallDayTime(v[`${at}_starts`])}–${wallDayTime(v[`${at}_ends`], true)}`,
      zone ? ` (${zone})` : '', ', ', v[`${at}_table`] ? tableName({ location_name: v[`${at}_table`] })
        : t(v[`${at}_online`] ? 'agenda.online' : 'import.warn_no_table')]; // no table: online when held by video
    return [t('event.moved_from'), ' ', place('from', v.zone_from), ' ', t('event.moved_to'), ' ', place('to', v.zone_to),
      v.venue ? ['; ', movedVenue(v)] : null];
  },
};
function movedVenue(v) {
  return t('event.moved_venue', { from: v.venue_from || t('event.moved_no_venue'), to: v.venue_to || t('event.moved_no_venue') });
}
const movedText = (w) => coded({ ...w, message: w.warning }, MOVED);

// After a save: the published meetings it moved (PUT's "warnings"), each with
// its two parties, for the organiser to tell them; their calendars follow.
async function showMoved(form, warnings) {
  form.parentNode.querySelector('#event-moved')?.remove();
  if (!warnings.length) return;
  const who = new Map();
  try {
    // the meetings a page at a time, until every moved one is named
    const want = new Set(warnings.map((w) => w.request));
    await allPages((offset, limit) => api.meetings(eventId(), { offset, limit }), 'meetings', (page) => {
      for (const m of page) if (want.delete(m.request)) who.set(m.request, list(m.people));
      return want.size === 0;
    });
  } catch (_) { /* the requests' ids stand */ }
  const shown = warnings.slice(0, 200);
  const section = h('section', { class: 'card notice', id: 'event-moved', role: 'alert' },
    h('h2', {}, tn('event.moved_title', warnings.length)),
    // a few at once; a change of zone moves them all: folded then
    h('details', { open: warnings.length <= 10 }, h('summary', {}, t('event.moved_list')),
      h('ul', { class: 'errors' }, shown.map((w) => h('li', { dataset: { request: w.request } },
        h('strong', {}, who.has(w.request) ? who.get(w.request).map((p, i) => [i ? ' – ' : null, party(p)]) : data(w.request)),
        ': ', movedText(w)))),
      warnings.length > shown.length ? h('p', {}, t('import.more', { n: num(warnings.length - shown.length) })) : null));
  form.after(section);
  // below the form, off a phone's screen: brought into view
  section.scrollIntoView({ block: 'nearest' });
}

// The labels of the texts written in both languages, each saying which.
const BILINGUAL_LABELS = {
  name: 'bilingual.name_en', name_uk: 'bilingual.name_uk',
  venue: 'bilingual.venue_en', venue_uk: 'bilingual.venue_uk',
  place: 'bilingual.place_en', place_uk: 'bilingual.place_uk',
  description: 'bilingual.description_en', description_uk: 'bilingual.description_uk',
};

// The event as PUT /events/{id} wants it, with the given sessions.
function eventBody(e, sessions) {
  return { name: e.name, name_uk: e.name_uk || null, venue: e.venue || null, venue_uk: e.venue_uk || null,
    timezone: e.timezone || 'Europe/Brussels',
    starts_on: e.starts_on, ends_on: e.ends_on, request_cap: e.request_cap || 20, sessions };
}

const SESSION_KINDS = ['b2b', 'conference', 'break'];

// The programme: sessions by day with their slots, each one changed in place
// or taken out, and a form that adds a session (a B2B one is cut into slots
// of the chosen length) or changes the one being edited.
function renderProgramme(main, e) {
  const sessions = list(e.sessions, 'sessions').slice().sort((a, b) => instant(a.starts_at) - instant(b.starts_at));
  const slots = list(e.slots, 'slots');
  const count = (id) => slots.filter((s) => s.session === id).length;
  // the form in place of the one shown, its first field focused
  const show = (editing) => {
    const next = sessionForm(main, e, sessions, slots, editing, () => show(null));
    form.replaceWith(next);
    form = next;
    form.scrollIntoView({ block: 'nearest' });
    form.querySelector('input').focus();
  };
  let form = sessionForm(main, e, sessions, slots, null);
  const table = sessions.length ? scroller({ 'aria-labelledby': 'programme-title' }, h('table', { id: 'programme', 'aria-labelledby': 'programme-title' },
    h('thead', {}, h('tr', {}, ['event.session', 'event.kind', 'event.when', 'event.slots', 'event.actions'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, sessions.map((s, i) => h('tr', { 'data-session': s.id },
      // its place under its name (the participants' programme and agendas say it)
      h('td', {}, h('span', { id: `session-${i}` }, localText(s.name, s.name_uk)),
        s.place || s.place_uk ? [h('br'), h('span', { class: 'muted session-place' }, localText(s.place, s.place_uk))] : null),
      h('td', {}, t(`event.kind_${s.kind}`)),
      h('td', {}, `${dayTime(s.starts_at)}–${time(s.ends_at)}`),
      h('td', {}, s.kind === 'b2b' ? num(count(s.id)) : ''),
      h('td', {}, h('button', {
        type: 'button', class: 'link edit-session', 'aria-describedby': `session-${i}`, onclick: () => show(s),
      }, t('event.edit')), ' ', h('button', {
        type: 'button', class: 'link danger remove-session', 'aria-describedby': `session-${i}`,
        onclick: async () => {
          const r = await removeItem(main.querySelector('#programme-card'), 'sessions', s.id, t('event.remove_session_confirm', { name: localName(s.name, s.name_uk) }));
          if (r) await afterRemoval(main, 'programme', tn('event.removed_unscheduled', r.meetings_unscheduled || 0));
        },
      }, t('event.remove')))))))) : h('p', { class: 'muted' }, t('event.no_sessions'));
  add(main, h('section', { class: 'card', id: 'programme-card' }, h('h2', { id: 'programme-title' }, t('event.programme')),
    h('p', { id: 'slot-total' }, tn('event.slot_count', slots.length)),
    table, slotIds(sessions, slots)), form);
}

// Each B2B session's slots by their start and id, as an availability file
// names them (by either): under the table, the width of a phone, each
// session's list opened from its name and count.
function slotIds(sessions, slots) {
  const b2b = sessions.filter((s) => s.kind === 'b2b' && slots.some((x) => x.session === s.id));
  if (!b2b.length) return null;
  return h('div', { id: 'slot-ids' }, h('p', { class: 'muted', id: 'slot-ids-hint' }, t('event.slot_ids_hint')),
    b2b.map((s) => {
      const mine = slots.filter((x) => x.session === s.id).sort((a, b) => instant(a.starts_at) - instant(b.starts_at));
      return h('details', { class: 'slot-ids', 'data-session': s.id },
        h('summary', {}, localText(s.name, s.name_uk), ', ', dayTime(s.starts_at), ': ', tn('event.slot_count', mine.length)),
        h('ul', { class: 'slot-list' }, mine.map((x) => h('li', {},
          h('span', { class: 'slot-start' }, time(x.starts_at)), ' ', h('code', { translate: 'no', class: 'slot-id' }, x.id)))));
    }));
}

// The length of a session's slots and the pause between them, in minutes,
// from its stored slots (20 and 0 when it has none).
function slotShape(mine) {
  const ordered = mine.slice().sort((a, b) => instant(a.starts_at) - instant(b.starts_at));
  const minutes = (a, b) => Math.round((instant(b) - instant(a)) / 60000);
  return {
    minutes: ordered.length ? minutes(ordered[0].starts_at, ordered[0].ends_at) : 20,
    pause: ordered.length > 1 ? Math.max(0, minutes(ordered[0].ends_at, ordered[1].starts_at)) : 0,
  };
}

// A session id for a new session starting at day and start: its day and time,
// with a number after it when that is taken (a session moved since keeps
// the id it was given).
function newSessionId(sessions, day, start) {
  const base = `${eventId()}-${day}-${start.replace(':', '')}`;
  const known = new Set(sessions.map((s) => s.id));
  let id = base;
  for (let n = 2; known.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

// What a change of a session would do to the meetings in its slots, as the
// server's dry run said: each line a sentence, none when nothing moves.
function impactLines(r) {
  const lines = [];
  if (r.meetings_moved > 0) lines.push(tn('event.edit_moves', r.meetings_moved));
  const published = list(r.warnings).length;
  if (published > 0) lines.push(tn('event.edit_moves_published', published));
  if (r.meetings_unscheduled > 0) lines.push(tn('event.edit_unschedules', r.meetings_unscheduled));
  return lines;
}

// A refusal of a session's save in the page's language: the two the
// organiser can act on (src/store/programme.c, src/app/event.c) said in
// full, any other as the API's error.
function sessionRefusal(err) {
  const msg = String((err && err.message) || '');
  const slot = /^slot ".*": (\d+) published meeting\(s\) sit in it/.exec(msg);
  if (slot) return tn('event.edit_slot_published', Number(slot[1]));
  const kind = /^session ".*": (\d+) published meeting\(s\) sit in its slots/.exec(msg);
  if (kind) return tn('event.edit_kind_published', Number(kind[1]));
  return `${t('error.save')} ${errorText(err)}`;
}

// The form that adds a session, or (editing: a stored session) changes it
// under its id: its slots cut again where its times or their length changed,
// each stored slot's meetings kept in the slot that takes its id
// (programme.js reslot). A change that moves meetings or takes their slot is
// first tried as a dry run, and what it would do is said before it is saved;
// cancel (when editing) goes back to adding.
function sessionForm(main, e, sessions, slots, editing, cancel) {
  const tz = e.timezone || 'Europe/Brussels';
  const mine = editing ? slots.filter((x) => x.session === editing.id) : [];
  const shape = slotShape(mine);
  const wall = (iso) => String(iso || '').slice(11, 16);
  const inputs = {
    name: limit(h('input', { name: 'session_name', required: true, lang: 'en', value: editing ? editing.name : '' }), 200),
    name_uk: limit(h('input', { name: 'session_name_uk', lang: 'uk', value: editing ? editing.name_uk || '' : '' }), 200),
    // where it takes place and what it is, for the participants' programme
    place: limit(h('input', { name: 'session_place', lang: 'en', value: editing ? editing.place || '' : '' }), 200),
    place_uk: limit(h('input', { name: 'session_place_uk', lang: 'uk', value: editing ? editing.place_uk || '' : '' }), 200),
    description: limit(h('input', { name: 'session_description', lang: 'en', value: editing ? editing.description || '' : '' }), 500),
    description_uk: limit(h('input', { name: 'session_description_uk', lang: 'uk', value: editing ? editing.description_uk || '' : '' }), 500),
    kind: h('select', { name: 'session_kind' }, SESSION_KINDS.map((k) => h('option', { value: k, selected: editing ? editing.kind === k : null }, t(`event.kind_${k}`)))),
    day: h('input', { name: 'session_day', type: 'date', required: true, value: editing ? editing.day : e.starts_on || '', min: e.starts_on || null, max: e.ends_on || null }),
    start: h('input', { name: 'session_start', type: 'time', required: true, value: editing ? wall(editing.starts_at) : '09:00' }),
    end: h('input', { name: 'session_end', type: 'time', required: true, value: editing ? wall(editing.ends_at) : '12:00' }),
    minutes: h('input', { name: 'slot_minutes', type: 'number', min: 5, max: 240, value: shape.minutes }),
    pause: h('input', { name: 'slot_pause', type: 'number', min: 0, max: 120, value: shape.pause }),
  };
  const impact = h('div', { id: 'session-impact', class: 'notice', role: 'alert', hidden: true, tabindex: '-1' });
  const submit = h('button', { type: 'submit', class: 'primary' }, editing ? t('event.save_session') : t('event.add_session'));
  // the body a dry run was asked about and answered: saved as it is on the
  // next submit, forgotten as soon as a field changes
  let asked = null;
  const forget = () => {
    asked = null;
    impact.hidden = true;
    submit.textContent = editing ? t('event.save_session') : t('event.add_session');
  };
  // said against the field it is about, where there is one; no body then
  const fail = (key, vars, control) => {
    if (control) refuse(form, control, t(key, vars));
    else flash(form, t(key, vars), 'error');
    return null;
  };
  // the PUT body that saves the form, or null after saying what is wrong
  const body = (v) => {
    const minutes = Number(v.minutes), pause = Number(v.pause);
    if (!knownTimeZone(tz)) return fail('event.timezone_first', { tz });
    if (!v.name || !v.day) return fail('event.session_incomplete', {}, v.name ? inputs.day : inputs.name);
    if (e.starts_on && (v.day < e.starts_on || v.day > e.ends_on)) return fail('event.day_outside', {}, inputs.day);
    if (!(minutesOf(v.end) > minutesOf(v.start))) return fail('event.end_before_start', {}, inputs.end);
    const startsAt = localIso(v.day, v.start, tz), endsAt = localIso(v.day, v.end, tz);
    const others = sessions.filter((s) => !editing || s.id !== editing.id);
    if (others.some((s) => instant(s.starts_at) === instant(startsAt))) return fail('event.session_exists', {}, inputs.start);
    const clash = overlapping(others, startsAt, endsAt, v.kind === 'b2b' ? ['b2b'] : [], tz);
    if (clash) return fail('event.overlaps', { name: localName(clash.name, clash.name_uk) }, inputs.start);
    const id = editing ? editing.id : newSessionId(sessions, v.day, v.start);
    const cut = v.kind === 'b2b' ? cutSlots(id, v.day, v.start, v.end, minutes, pause, tz) : [];
    if (v.kind === 'b2b' && !(minutes >= 5 && cut.length)) return fail('event.no_slot_fits', {}, inputs.minutes);
    const fresh = editing ? reslot(id, mine, cut, slots.filter((x) => x.session !== id).map((x) => x.id), tz) : cut;
    const session = { id, day: v.day, name: v.name, name_uk: v.name_uk || null, kind: v.kind, starts_at: startsAt, ends_at: endsAt,
      place: v.place || null, place_uk: v.place_uk || null, description: v.description || null, description_uk: v.description_uk || null };
    const all = [...others, session];
    const allSlots = [...slots.filter((x) => x.session !== id), ...fresh.map((x) => ({ ...x, session: id }))];
    const programmed = programme(all, allSlots, tz).map((x) => (x.id === id && editing ? { ...x, replace_slots: true } : x));
    return eventBody(e, programmed);
  };
  const save = async (b) => {
    const saved = await api.updateEvent(eventId(), b);
    main.dataset.saved = 'programme';
    const said = [t('saved'), saved.meetings_moved > 0 ? tn('event.edited_moved', saved.meetings_moved) : null,
      saved.meetings_unscheduled > 0 ? tn('event.edited_unscheduled', saved.meetings_unscheduled) : null].filter(Boolean).join(' ');
    await rerender(main, said);
    const warnings = list(saved.warnings);
    const again = main.querySelector('#session-form');
    if (warnings.length && again) await showMoved(again, warnings);
  };
  const form = h('form', {
    class: 'card', id: 'session-form', 'aria-labelledby': 'session-form-h',
    dataset: editing ? { editing: editing.id } : {},
    onsubmit: async (ev) => {
      ev.preventDefault();
      const v = Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value.trim()]));
      const b = body(v);
      if (!b) return;
      const key = JSON.stringify(b);
      try {
        await whileBusy([submit], async () => {
          if (editing && asked !== key) {
            const r = await api.updateEvent(eventId(), { ...b, dry_run: true });
            const lines = impactLines(r);
            if (lines.length) {
              asked = key;
              impact.replaceChildren(h('p', {}, h('strong', {}, t('event.edit_impact'))), h('ul', {}, lines.map((x) => h('li', {}, x))),
                h('p', {}, t('event.edit_impact_confirm')));
              impact.hidden = false;
              submit.textContent = t('event.save_anyway');
              impact.focus();
              return;
            }
          }
          await save(b);
        });
      } catch (err) {
        forget();
        flash(form, sessionRefusal(err), 'error');
      }
    },
  },
  h('h3', { id: 'session-form-h' }, editing ? [t('event.edit_session'), ' ', h('q', {}, localText(editing.name, editing.name_uk))] : t('event.add_session')),
  Object.entries(inputs).map(([k, el]) => field(t(BILINGUAL_LABELS[k] || `event.session_${k}`), el, k === 'minutes' ? t(editing ? 'event.minutes_hint_edit' : 'event.minutes_hint') : undefined)),
  impact,
  h('p', { class: 'actions' }, submit, editing ? [' ', h('button', {
    type: 'button', class: 'link', id: 'session-cancel', 'aria-describedby': 'session-form-h', onclick: cancel,
  }, t('event.cancel_edit'))] : null));
  form.addEventListener('input', forget);
  form.addEventListener('change', forget);
  const syncKind = () => {
    for (const k of ['minutes', 'pause']) inputs[k].closest('.field').hidden = inputs.kind.value !== 'b2b';
  };
  inputs.kind.addEventListener('change', syncKind);
  syncKind();
  return form;
}

// Tables: how many there are, and a form that adds or removes tables to reach
// a number (the last ones go first; a table where a published meeting sits
// stays, and the server says so).
function renderTablesSetup(main, e) {
  const locations = list(e.locations, 'locations');
  const tables = locations.filter((l) => l.kind === 'table')
    .sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
  const n = h('input', { name: 'table_count', type: 'number', min: 1, max: 5000, value: Math.max(tables.length, 1) });
  const seats = h('input', { name: 'table_seats', type: 'number', min: 2, max: 40, value: 4 });
  const form = h('form', {
    class: 'card', id: 'tables-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      const want = Number(n.value);
      if (!(want >= 1 && want <= 5000)) return refuse(form, n, t('event.tables_range'));
      if (want === tables.length) return refuse(form, n, tn('event.tables_same', tables.length));
      if (want < tables.length) {
        const extra = tables.slice(want).reverse();
        if (!window.confirm(t('event.remove_tables_confirm', { n: num(extra.length) }))) return undefined;
        let unscheduled = 0;
        for (const x of extra) {
          try {
            unscheduled += (await api.removeFromEvent(eventId(), 'locations', x.id)).meetings_unscheduled || 0;
          } catch (err) {
            await afterRemoval(main, 'tables', `${t('event.remove_failed')} ${errorText(err)}`, 'error');
            return undefined;
          }
        }
        await afterRemoval(main, 'tables', tn('event.removed_unscheduled', unscheduled));
        return undefined;
      }
      const known = new Set(locations.map((l) => l.id));
      const fresh = [];
      for (let k = 1; fresh.length < want - tables.length && k <= 10000; k += 1) {
        const id = `${eventId()}-table-${String(k).padStart(2, '0')}`;
        // named "Table 12" whatever the organiser reads: every page (people.js
        // tableName) and calendar (app/agenda.c) says that in its reader's
        // language, where "Стіл 12" would stay Ukrainian on English pages
        if (!known.has(id)) fresh.push({ id, name: `Table ${k}`, kind: 'table', seats: Number(seats.value) || 4 });
      }
      try {
        await api.updateEvent(eventId(), { ...eventBody(e, []), locations: fresh });
        main.dataset.saved = 'tables';
        await rerender(main);
      } catch (err) { flash(form, `${t('error.save')} ${errorText(err)}`, 'error'); }
      return undefined;
    },
  },
  h('h2', {}, t('event.tables')),
  h('p', { id: 'table-total' }, tn('event.table_count', tables.length)),
  field(t('event.table_target'), n, t('event.tables_hint')), field(t('event.table_seats'), seats),
  h('button', { type: 'submit', class: 'primary' }, t('event.add_tables')));
  add(main, form);
}

// Interpreters: who covers which language pair, in every B2B session or one.
// The scheduler gives a meeting whose people share no language a slot where
// an interpreter of a pair covering them all is free.
function renderInterpreters(main, e) {
  const people = list(e.interpreters, 'interpreters');
  const sessions = list(e.sessions, 'sessions').filter((s) => s.kind === 'b2b');
  const sessionName = new Map(sessions.map((s) => [s.id, `${localName(s.name, s.name_uk)} (${dayTime(s.starts_at)})`]));
  const name = limit(h('input', { name: 'interpreter_name', required: true }), 200);
  const pair = h('input', { name: 'interpreter_pair', required: true, value: 'uk-en', pattern: '[a-z]{2}-[a-z]{2}', maxlength: 5, class: 'mono' });
  const when = h('select', { name: 'interpreter_session' }, h('option', { value: '' }, t('event.all_sessions')),
    sessions.map((s) => h('option', { value: s.id, translate: 'no' }, sessionName.get(s.id))));
  const form = h('form', {
    class: 'card', id: 'interpreters-form',
    onsubmit: async (ev) => {
      ev.preventDefault();
      const p = pair.value.trim().toLowerCase();
      if (!/^[a-z]{2}-[a-z]{2}$/.test(p) || p.slice(0, 2) === p.slice(3)) return refuse(form, pair, t('event.pair_invalid'));
      const id = `${eventId()}-interpreter-${people.length + 1}-${Date.now().toString(36)}`;
      try {
        const saved = await api.updateEvent(eventId(), { ...eventBody(e, []),
          interpreters: [{ id, name: name.value.trim(), pair: p, session: when.value || null }] });
        main.dataset.saved = 'interpreters';
        await sayInterpreting(main, saved.interpreting || {});
      } catch (err) { flash(form, `${t('error.save')} ${errorText(err)}`, 'error'); }
      return undefined;
    },
  },
  h('h2', {}, t('event.interpreters')),
  h('p', { class: 'muted' }, t('event.interpreters_lead')),
  people.length ? h('ul', { id: 'interpreter-list' }, people.map((x, i) => h('li', { 'data-interpreter': x.id },
    h('strong', { id: `interpreter-${i}` }, dataName(x.name)), ` · ${x.pair} · `, x.session ? data(sessionName.get(x.session) || x.session) : t('event.all_sessions'), ' ',
    h('button', {
      type: 'button', class: 'link danger remove-interpreter', 'aria-describedby': `interpreter-${i}`,
      onclick: async () => {
        const r = await removeItem(main.querySelector('#interpreters-form'), 'interpreters', x.id, t('event.remove_interpreter_confirm', { name: x.name }));
        if (r) await afterRemoval(main, 'interpreters', tn('event.removed_interpreter', r.meetings_without_interpreter || 0));
      },
    }, t('event.remove')))))
    : h('p', { id: 'interpreter-list', class: 'muted' }, t('event.no_interpreters')),
  field(t('event.interpreter_name'), name), field(t('event.interpreter_pair'), pair, t('event.pair_hint')),
  field(t('event.interpreter_session'), when),
  h('button', { type: 'submit', class: 'primary' }, t('event.add_interpreter')));
  add(main, form);
}

// After an interpreter is booked: the published meetings still to come that
// got one at once (app/interpreting_day.h) counted, and those that still have
// none listed by time and pair, for the organiser to find someone.
async function sayInterpreting(main, r) {
  const without = list(r.without);
  await rerender(main, `${t('saved')} ${tn('event.interpreter_given', r.given || 0)}`);
  const where = main.querySelector('#interpreters-form');
  if (!without.length || !where) return;
  where.append(h('div', { class: 'notice', id: 'interpreting-without' },
    h('p', {}, tn('event.interpreter_still_without', without.length)),
    h('ul', {}, without.map((x) => h('li', { 'data-request': x.request },
      `${dayTime(x.starts_at)} · ${x.pair} · `, h('code', { translate: 'no' }, x.request))))));
}

// The event page again, with a word where the change was made ("Saved." or
// msg, of kind ok or error).
async function rerender(main, msg, kind) {
  const saved = main.dataset.saved;
  clear(main);
  await renderEvent(main);
  main.dataset.saved = saved;
  const where = main.querySelector({ tables: '#tables-form', interpreters: '#interpreters-form' }[saved] || '#programme-card');
  // the form that had the focus was drawn again: the focus goes to its word
  if (where) flash(where, msg || t('saved'), kind, true);
}

// Takes a session, table or interpreter out of the event after the organiser
// confirms; the server refuses (409) what would move a published meeting.
// Returns the server's answer, or null when cancelled or refused (said in
// `where`).
async function removeItem(where, kind, id, question) {
  if (!window.confirm(question)) return null;
  try {
    return await api.removeFromEvent(eventId(), kind, id);
  } catch (err) {
    flash(where, `${t('event.remove_failed')} ${errorText(err)}`, 'error');
    return null;
  }
}

// After a removal: the page again, with what happened said where it happened.
async function afterRemoval(main, saved, msg, kind) {
  main.dataset.saved = saved;
  await rerender(main, msg, kind);
}

// A scheduled meeting to check: "keeps its published slot N without a P
// interpreter: none is free then" (app/schedule_event).
function warningOf(text, names) {
  const raw = String(text || '');
  const who = (id) => (names.has(id) ? nameAndOrg(...names.get(id)) : data(id));
  let m = /^keeps its published slot (\d+) without an? ([a-z]{2}-[a-z]{2}) interpreter: none is free then$/.exec(raw);
  if (m) return t('warning.no_interpreter', { slot: m[1], pair: m[2] });
  m = /^keeps its published slot (\d+), but (.+) also meets in request (.+) then$/.exec(raw);
  if (m) return tx('warning.clash', { slot: m[1], person: who(m[2]), request: data(m[3]) });
  m = /^keeps its published slot (\d+), but (.+) is not available then$/.exec(raw);
  if (m) return tx('warning.unavailable', { slot: m[1], person: who(m[2]) });
  return raw;
}

function figure(id, value, label) {
  return h('div', { class: 'figure', id }, h('span', { class: 'value' }, value), h('span', { class: 'label' }, label));
}

// The people a run's warnings name (by id), by name and organisation; a few
// lookups, as the warnings name few people.
async function peopleNamed(warnings) {
  const names = new Map();
  const ids = new Set();
  for (const w of warnings) {
    const m = /^keeps its published slot \d+, but (.+?) (?:also meets in request .+|is not available) then$/.exec(String(w.warning || ''));
    if (m) ids.add(m[1]);
  }
  await Promise.all([...ids].slice(0, 50).map(async (id) => {
    try {
      // by id: a search by the id would also match names, and a short id's
      // person could fall outside its first page
      const p = await api.person(id);
      if (p && p.name) names.set(id, [p.name, p.organisation ? orgName(await orgInfo(p.organisation)) : '']);
    } catch (_) { /* the id stands */ }
  }));
  return names;
}

// The accepted requests the scheduler left out and why, a page at a time,
// found by a name, an organisation or a request id (?q=, ?offset=); nothing
// when none is left out.
async function unscheduledSection() {
  const offset = askedOffset();
  const r = await api.unscheduled(eventId(), { q: asked('q'), limit: PAGE, offset });
  const un = list(r, 'unscheduled');
  const count = r && typeof r.count === 'number' ? r.count : un.length;
  if (count === 0 && !asked('q') && offset === 0) return null;
  const side = (u, i) => party(list(u.people)[i]) || data((i ? u.to : u.from) || '');
  return h('section', { class: 'card', id: 'unscheduled' }, h('h2', {}, t('schedule.unscheduled_title')),
    searchForm('unscheduled-search', t('schedule.unscheduled_filter'), asked('q'), null, 'filters no-print'),
    h('p', { class: 'count' }, tn('schedule.unscheduled_count', count)),
    un.length ? h('ul', { class: 'errors', id: 'unscheduled-list' }, un.map((u) => h('li', {},
      h('strong', { translate: 'no' }, u.id), ' ', h('span', {}, side(u, 0), ' → ', side(u, 1)), ': ', unscheduledWhy(u)))) : null,
    pager('unscheduled-pager', offset, un.length, count));
}

// A run's figures: POST .../schedule's reply, or the run the server kept
// (GET .../schedule's last_run); their ids start with prefix.
function runFigures(r, prefix) {
  return h('div', { class: 'figures' },
    figure(`${prefix}-scheduled`, num(r.scheduled), t('schedule.scheduled')),
    figure(`${prefix}-bound`, num(r.upper_bound ?? r.accepted), t('schedule.upper_bound')),
    figure(`${prefix}-accepted`, num(r.accepted), t('schedule.accepted')),
    figure(`${prefix}-unscheduled`, num(r.unscheduled || 0), t('schedule.unscheduled')),
    r.breaks !== undefined ? figure(`${prefix}-breaks`, num(r.breaks), t('schedule.breaks')) : null,
    r.seconds !== undefined ? figure(`${prefix}-seconds`, num(Math.round(r.seconds * 10) / 10), t('schedule.seconds')) : null);
}

// Who started a kept run, as nodes: an organiser on this page (their email),
// the command line (the command), or a participant's accept at a published
// event placing its meeting (the person, by name); each their own words.
async function ranBy(x) {
  if (x.via === 'web') return tx('schedule.by_web', { who: data(x.ran_by || '') });
  if (x.via === 'accept') {
    const p = await personInfo(x.ran_by);
    return tx('schedule.by_accept', { who: dataName((p && p.name) || x.ran_by || '') });
  }
  return tx('schedule.by_cli', { command: data(x.ran_by || 'dfnc') });
}

// Whether a run now would differ from the kept one, by what changed since
// (GET .../schedule's now and differs): the accepted requests waiting for a
// run (the list's "not scheduled yet"), and the accepted count then and now.
function sinceNote(s) {
  const x = s.last_run, now = s.now || {};
  if (!x) {
    return h('p', { id: 'last-run-since', class: now.accepted ? 'notice' : 'muted' },
      now.accepted ? tn('schedule.since_none', now.accepted) : t('schedule.last_none'));
  }
  if (!s.differs) return h('p', { id: 'last-run-since', class: 'muted' }, t('schedule.since_same'));
  return h('p', { id: 'last-run-since', class: 'notice' },
    now.waiting ? [tn('schedule.since_waiting', now.waiting), ' '] : null,
    now.accepted !== x.accepted ? [t('schedule.since_accepted', { then: num(x.accepted), now: num(now.accepted) }), ' '] : null,
    t('schedule.since_differs'));
}

// When the event stops taking participants' requests (the event page's
// "Meeting requests close"), with the way there: once closed, the list a
// run works on grows only by answers and the desk's bookings.
function requestsCloseLine(e) {
  const at = e && e.requests_close_at;
  const said = !at ? t('schedule.close_none')
    : t(requestsClosed(e) ? 'schedule.closed_at' : 'schedule.close_at', { at: wallDayTime(at) });
  return h('p', { id: 'requests-close-said', class: 'muted' }, said, ' ',
    h('a', { href: withEvent('/console/event') }, t('schedule.close_change')));
}

// Requests of the event nobody has answered yet (GET .../schedule's
// now.pending): a run leaves them out, so before it the organisers remind
// those who must answer, found by the people list's filter.
function pendingNote(s) {
  const now = (s && s.now) || {};
  if (!(now.pending > 0)) return null;
  const people = new URL(withEvent('/console/people'), location.origin);
  people.searchParams.set('to_answer', '1');
  return h('p', { id: 'pending-answers', class: 'notice' }, tn('schedule.pending', now.pending), ' ',
    h('a', { href: people.pathname + people.search }, t('schedule.pending_people', { n: num(now.pending_people || 0) })));
}

// Meetings held online at an event that names no video service (GET
// .../schedule's now.online and now.video_service): their people's agendas
// say "online" with nothing to join, so the organisers are sent to the
// event's page to name one.
function onlineNote(s) {
  const now = (s && s.now) || {};
  if (!(now.online > 0) || now.video_service) return null;
  return h('p', { id: 'online-no-video', class: 'notice' }, tn('schedule.online_no_video', now.online), ' ',
    h('a', { href: withEvent('/console/event') }, t('schedule.online_no_video_link')));
}

// The event's last scheduler run as the server keeps it, shown on opening
// (after a restart, or a run from the command line, too): "Last run: when,
// by whom", its figures (withFigures), and whether a new run would differ.
async function lastRunSection(s, withFigures) {
  const x = s && s.last_run;
  return h('section', { class: 'card', id: 'last-run', 'aria-labelledby': 'last-run-h' },
    h('h2', { id: 'last-run-h' }, t('schedule.last_title')),
    x ? h('p', { id: 'last-run-when' }, tx('schedule.last_run', { when: dayTime(x.ran_at), who: await ranBy(x) })) : null,
    x && withFigures ? runFigures(x, 'last') : null,
    sinceNote(s || {}), pendingNote(s), onlineNote(s));
}

export async function renderSchedule(main) {
  const picker = await eventPicker();
  // nothing to run or publish before the event exists: where to make it
  if (!state.event) {
    add(main, h('h1', {}, t('schedule.title')), h('p', { class: 'notice', id: 'no-event' },
      t('schedule.no_event'), ' ', h('a', { href: '/console/event' }, t('schedule.no_event_link'))));
    return;
  }
  const out = h('div', { id: 'schedule-result', 'aria-live': 'polite' });
  const last = h('div', { id: 'last-run-box' });
  try {
    last.append(await lastRunSection(await api.lastRun(eventId()), true));
  } catch (_) { /* the page works without it: a run says its figures */ }
  const box = h('div', { id: 'unscheduled-box' });
  const first = await unscheduledSection().catch(() => null);
  if (first) box.append(first);
  // the server's bounds (POST .../schedule: 1 to 60 seconds), said here
  // against the field before a run is asked for
  const limit = h('input', { type: 'number', name: 'time_limit', min: 1, max: 60, step: 1, value: 10, required: true });
  const runBtn = h('button', { type: 'submit', class: 'primary', id: 'run-scheduler' }, t('schedule.run'));
  const pubBtn = h('button', { type: 'button', id: 'publish' }, t('schedule.publish'));
  const pubMsg = outcome('publish-status');
  // published once for good (POST .../publish refuses a second time, as
  // meetings placed since are published as they are placed): since when,
  // and the button is off
  const showPublished = (when) => {
    pubMsg.ok(t('schedule.published_since', { when: dayTime(when) }));
    pubBtn.disabled = true;
  };
  if (state.event && state.event.published_at) showPublished(state.event.published_at);
  else pubMsg.ok(t('schedule.not_published'));
  // after a click: the button it was on is off, so the focus goes to what
  // is said rather than to the page's start
  const saidPublished = (when) => {
    showPublished(when);
    const said = document.getElementById('publish-status');
    said.tabIndex = -1;
    said.focus();
  };
  const form = h('form', {
    class: 'card', id: 'schedule-form', novalidate: true,
    onsubmit: async (ev) => {
      ev.preventDefault();
      const bad = invalid(form);
      if (bad) { flash(form, bad, 'error'); return; }
      const said = form.querySelector('.flash');
      if (said) { describeBy(form, said, false); said.remove(); }
      // the button is disabled while the scheduler runs; the focus comes back to it
      await whileBusy([runBtn], async () => {
        add(clear(out), h('p', { class: 'muted' }, t('schedule.running')));
        try {
          const r = await api.schedule(eventId(), Number(limit.value) || 10);
          const warnings = list(r.warnings);
          // what it placed around its schedule as it wrote: requests accepted
          // while it solved, and its own meetings a change meanwhile (someone's
          // availability, booth or languages, or making way) placed again
          const ownCause = (x) => x.cause && x.cause !== 'accepted' && x.cause !== 'placed_meanwhile';
          const lateAll = list((r.during_run || {}).requests);
          const lateIn = lateAll.filter((x) => !ownCause(x)), lateOwn = lateAll.filter(ownCause);
          const tally = (xs) => Object.fromEntries(['kept', 'moved', 'placed', 'unscheduled']
            .map((o) => [o, num(xs.filter((x) => x.outcome === o).length)]));
          let names = new Map();
          try {
            // the list again from its first page, with the run's reasons
            history.replaceState(history.state, '', addressWith({ offset: null }));
            const fresh = await unscheduledSection();
            clear(box);
            if (fresh) box.append(fresh);
            names = await peopleNamed(warnings);
          } catch (_) { /* the figures stand without the list */ }
          // the kept run is this one now: when and by whom, without its
          // figures, which follow
          try {
            const kept = await lastRunSection(await api.lastRun(eventId()), false);
            clear(last).append(kept);
          } catch (_) { /* the figures stand without it */ }
          add(clear(out),
            runFigures(r, 'sched'),
            lateIn.length ? h('p', { id: 'schedule-during-run', role: 'status' },
              tn('schedule.during_run', lateIn.length, tally(lateIn))) : null,
            lateOwn.length ? h('p', { id: 'schedule-during-run-own', role: 'status' },
              tn('schedule.during_run_own', lateOwn.length, tally(lateOwn))) : null,
            warnings.length ? h('section', {}, h('h2', {}, t('schedule.warnings_title')),
              h('ul', { class: 'errors', id: 'schedule-warnings' }, warnings.slice(0, 200).map((w) => h('li', {},
                h('strong', { translate: 'no' }, w.request), ': ', warningOf(w.warning, names))))) : null);
        } catch (e) {
          add(clear(out), h('p', { class: 'flash error', role: 'alert' }, `${t('schedule.failed')} ${errorText(e)}`));
        }
      });
    },
  }, field(t('schedule.time_limit'), limit), runBtn);
  pubBtn.addEventListener('click', async () => {
    // publishing locks every meeting for good: asked first, as removals are
    if (!window.confirm(t('schedule.publish_confirm'))) return;
    try {
      const r = await api.publish(eventId());
      state.event = { ...state.event, published_at: (r && r.published_at) || new Date().toISOString() };
      saidPublished(state.event.published_at);
    } catch (e) {
      // another organiser published meanwhile: since when, as on opening
      const ev = e.status === 409 ? await api.event(eventId()).catch(() => null) : null;
      if (ev && ev.published_at) {
        state.event = { ...state.event, published_at: ev.published_at };
        saidPublished(ev.published_at);
      } else pubMsg.fail(`${t('schedule.publish_failed')} ${errorText(e)}`);
    }
  });
  // once published, while the forum sends mail: each day's meetings mailed
  const mailOn = state.event.published_at ? await api.consoleMail().then((m) => m.on).catch(() => false) : false;
  add(main, h('h1', {}, t('schedule.title')), picker, h('p', { class: 'lead' }, t('schedule.lead')), requestsCloseLine(state.event), last, form, out, box,
    h('section', { class: 'card', id: 'publish-card' }, h('h2', {}, t('schedule.publish_title')), h('p', {}, t('schedule.publish_lead')), pubBtn, pubMsg.el),
    mailOn ? dayMailCard(state.event) : null);
}

function partyOrg(p) {
  return localName(p.org_name || p.organisation_name, p.org_name_uk || p.organisation_name_uk);
}

// A meeting's party as nodes, each part in its language.
function party(p) {
  return p ? nameAndOrg(p.name, partyOrg(p)) : '';
}

// The table plan: the meetings of a slot (or of every slot), a page at a
// time, found by a name or an organisation; the slot, the text and the page
// in the address (?slot=, ?q=, ?offset=).
const SLOT_MAX = 1000;   // docs/api.md: a page holds at most 1,000

// out's plan: a section a slot, in the meetings' (time) order, its tables by
// name; on screen each meeting still to come has a Move button (the desk's,
// meeting_move.js), moved(result) said once it moved.
function drawPlan(out, meetings, moved) {
  clear(out);
  const slots = new Map();
  for (const m of meetings) {
    if (!slots.has(m.slot)) slots.set(m.slot, { id: m.slot, starts_at: m.starts_at, ends_at: m.ends_at, rows: [] });
    slots.get(m.slot).rows.push(m);
  }
  if (slots.size === 0) out.append(h('p', { class: 'muted' }, t('tables.none')));
  let n = 0;
  for (const x of slots.values()) {
    const rows = x.rows.slice().sort((a, b) => compare(a.location_name || a.location, b.location_name || b.location));
    n += 1;
    // each slot's table named by its time, for a screen reader's list of tables
    out.append(h('section', { class: 'plan' },
      h('h2', { id: `plan-${n}` }, `${dayTime(x.starts_at)}–${time(x.ends_at)}`),
      scroller({ 'aria-labelledby': `plan-${n}` }, h('table', { 'aria-labelledby': `plan-${n}` }, h('thead', {}, h('tr', {}, ['tables.table', 'tables.party_a', 'tables.party_b', 'tables.interpreter'].map((k) => h('th', { scope: 'col' }, t(k))),
        h('th', { scope: 'col', class: 'no-print' }, t('event.actions')))),
        h('tbody', {}, rows.map((m) => {
          const ps = list(m.people, 'people');
          const table = tableName(m);
          const move = h('td', { class: 'no-print' });
          // named by its time, told apart by its table and people (a slot's
          // rows share the time, its online meetings the "table"; names in
          // their own language, not the label's)
          const cellId = (k) => `plan-${m.request}-${k}`;
          if (m.request && instant(m.starts_at) > serverNow()) {
            move.append(moveButton(m.request, wallDayTime(m.starts_at), move, moved, ['t', 'a', 'b'].map(cellId).join(' ')));
          }
          return h('tr', { dataset: { request: m.request } }, h('td', { id: cellId('t') }, table),
            h('td', { id: cellId('a') }, party(ps[0])), h('td', { id: cellId('b') }, party(ps[1])),
            h('td', { class: 'interpreter', translate: 'no' }, m.interpreter || ''), move);
        }))))));
  }
}

// The first of the slots (in time order) that starts later today, by the
// forum's clock (clock.js) and the event's calendar; '' when none does.
function nextSlotToday(order) {
  const now = serverNow();
  const next = order.find((x) => instant(x.starts_at) > now);
  const day = (x) => date(x, { dateStyle: 'short' });
  return next && day(next.starts_at) === day(now) ? next.id : '';
}

export async function renderTables(main) {
  const picker = await eventPicker();
  const offset = askedOffset();
  const e = eventId() ? await api.event(eventId()).catch(() => ({})) : {};
  const b2b = new Set(list(e.sessions, 'sessions').filter((x) => x.kind === 'b2b').map((x) => x.id));
  const order = list(e.slots, 'slots').filter((x) => !x.session || b2b.has(x.session))
    .sort((a, b) => instant(a.starts_at) - instant(b.starts_at));
  // ?slot=all is every slot; without ?slot=, on the forum's day, the next
  // slot to start: the stewards' sheet of what comes next at the tables
  const slot = order.some((x) => x.id === asked('slot')) ? asked('slot')
    : asked('slot') ? '' : nextSlotToday(order);
  // one slot is a door sheet, printed whole: all its meetings (a slot holds
  // one per table, far under the API's page maximum); all slots come paged
  const from = slot ? 0 : offset;
  const r = eventId() ? await api.meetings(eventId(), { slot, q: asked('q'), limit: slot ? SLOT_MAX : PAGE, offset: from }) : {};
  const meetings = list(r, 'meetings');
  const count = r && typeof r.count === 'number' ? r.count : meetings.length;
  const sel = h('select', { name: 'slot', id: 'slot-select' }, h('option', { value: 'all' }, t('tables.all')),
    order.map((x) => h('option', { value: x.id }, `${dayTime(x.starts_at)}–${time(x.ends_at)}`)));
  sel.value = slot || 'all';
  sel.addEventListener('change', () => go(addressWith({ slot: sel.value, offset: null })));
  const out = h('div', { id: 'table-plan' });
  const readPlan = async () => list(await api.meetings(eventId(), { slot, q: asked('q'), limit: slot ? SLOT_MAX : PAGE, offset: from }), 'meetings');
  // a meeting moved from the plan: what was done and whom to tell above
  // the plan, drawn again with it in its new place
  const moved = async (done) => {
    document.getElementById('desk-move-result')?.remove();
    const result = moveResult(done, (x) => withEvent(`/console/people/${encodeURIComponent(x.id)}`));
    result.classList.add('no-print');
    out.before(result);
    result.querySelector('h2').focus();
    try { drawPlan(out, await readPlan(), moved); } catch (err) { flash(result, errorText(err), 'error'); }
  };
  drawPlan(out, meetings, moved);
  const pages = pager('tables-pager', from, meetings.length, count);
  // On screen all slots come a page at a time; on paper they are the whole
  // plan: the rest is read (with the same search) and drawn before printing.
  const printBtn = h('button', { type: 'button', id: 'tables-print' }, t('print'));
  const bar = h('div', { class: 'card no-print' }, field(t('tables.slot'), sel), printBtn);
  printBtn.addEventListener('click', async () => {
    if (meetings.length < count) {
      printBtn.disabled = true;
      try {
        const every = await allPages((off, limit) => api.meetings(eventId(), { slot, q: asked('q'), limit, offset: off }), 'meetings');
        drawPlan(out, every, moved);
        pages?.remove();
      } catch (err) {
        flash(bar, `${t('tables.print_failed')} ${errorText(err)}`, 'error');
        return;
      } finally { printBtn.disabled = false; }
    }
    window.print();
  });
  // a table out of use: its meetings moved in one go (tableout.js)
  const tables = list(e.locations, 'locations').filter((l) => l.kind === 'table');
  const coming = order.find((x) => instant(x.starts_at) > serverNow());
  const outCard = eventId() && tables.length
    ? await tableOutCard(eventId(), tables, coming ? coming.starts_at.slice(0, 16) : '',
      async () => drawPlan(out, await readPlan(), moved))
    : null;
  add(main, h('h1', {}, t('tables.title')), picker, bar, outCard,
    searchForm('tables-search', t('tables.filter'), asked('q')),
    h('p', { class: 'count', id: 'table-count' }, tn('tables.count', count)),
    out, pages);
}

// Check-in at the door: the participants a typed name finds (the first 20),
// asked of the server as one types; how many of everyone have arrived. A
// forum of two or three days checks its people in each morning: during it
// the server answers for its day (`day`), and the count, the buttons and
// the undo are today's.
export async function renderCheckin(main) {
  const q = h('input', { type: 'search', name: 'q', id: 'checkin-q', value: asked('q') });
  // the list is no live region (each letter typed would have it read out
  // whole); a status says how many it finds
  const out = h('ul', { class: 'cards', id: 'checkin-list' });
  const foundSay = h('p', { class: 'sr-only', id: 'checkin-found', role: 'status' });
  const counter = h('p', { class: 'count', role: 'status' });
  const figures = { n: 0, total: 0 };
  // the noun agrees with the total: "з 21 учасника", "з 25 учасників"
  const everyone = await api.people({ limit: 0 });
  const countKey = everyone.day ? 'checkin.count_today' : 'checkin.count';
  const count = () => { counter.textContent = tn(countKey, figures.total, { n: num(figures.n), total: num(figures.total) }); };
  figures.n = everyone.checked_in || 0;
  figures.total = everyone.count || 0;
  let asking = 0;
  let timer = null;
  async function draw() {
    const needle = q.value.trim();
    history.replaceState(history.state, '', addressWith({ q: needle }));
    const mine = ++asking;
    if (needle.length < 2) { clear(out); foundSay.textContent = ''; return; }
    let found = [];
    try { found = list(await api.people({ q: needle, limit: 20, next: 1 }), 'people'); } catch (e) {
      if (mine === asking) add(clear(out), h('li', {}, h('p', { class: 'flash error', role: 'alert' }, errorText(e))));
      return;
    }
    if (mine !== asking) return;   // a later letter's answer is on its way
    clear(out);
    if (found.length === 0) out.append(h('li', { class: 'muted', id: 'checkin-none' }, t('checkin.none')));
    foundSay.textContent = found.length ? tn('people.count', found.length) : t('checkin.none');
    for (const p of found) {
      const btn = h('button', { type: 'button', class: 'primary', 'aria-describedby': `arrival-${p.id}` });
      // a check-in given to the wrong one of eight Марченко is taken back
      const undo = h('button', { type: 'button', class: 'link checkin-undo', 'aria-describedby': `arrival-${p.id}` }, t('checkin.undo'));
      const show = () => {
        btn.textContent = p.checked_in_at ? t('checkin.done') : t('checkin.button');
        btn.disabled = !!p.checked_in_at;
        undo.hidden = !p.checked_in_at;
      };
      show();
      // where the desk sends her next (day.js)
      let next = nextMeetingLine(p.next_meeting, `next-${p.id}`);
      // the name leads to their page at the desk: their meetings today
      const li = h('li', { class: 'card' }, h('strong', { id: `arrival-${p.id}` },
        h('a', { href: withEvent(`/console/people/${encodeURIComponent(p.id)}`), class: 'desk-link' }, dataName(p.name))),
      ' ', dataName(orgOf(p), { class: 'muted' }), ' ', btn, ' ', undo, next);
      btn.addEventListener('click', async () => {
        try {
          const r = await api.checkin(p.id);
          p.checked_in_at = (r && r.checked_in_at) || new Date().toISOString();
          figures.n += 1; count(); show();
          const fresh = nextMeetingLine(r && r.next_meeting, `next-${p.id}`);
          next.replaceWith(fresh);
          next = fresh;
          // said once, with where to send her: the focus goes back to the search
          flash(li, `${t('day.checked_in')} ${fresh.textContent}`, 'ok');
          // the next arrival's name is typed next
          q.focus();
          q.select();
        } catch (e) {
          // said aloud in the card; the button stays one to try again with
          flash(li, `${t('error.save')} ${errorText(e)}`, 'error');
        }
      });
      undo.addEventListener('click', async () => {
        try {
          await api.checkinUndo(p.id);
          p.checked_in_at = null;
          figures.n -= 1; count(); show();
          flash(li, t('checkin.undone'), 'ok');
          btn.focus();
        } catch (e) {
          flash(li, `${t('error.save')} ${errorText(e)}`, 'error');
        }
      });
      out.append(li);
    }
  }
  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(draw, 150); });
  // a badge's code read by the camera is searched as typed; the one it
  // names gets the focus, to be checked in with one tap
  const scanner = badgeScanner(async (code) => {
    clearTimeout(timer);
    q.value = code;
    await draw();
    const only = out.querySelectorAll('li.card');
    (only.length === 1 ? only[0].querySelector('button.primary:not(:disabled)') || only[0].querySelector('a.desk-link') : q).focus();
  });
  // during the forum, which of its days the desk counts (a new count each morning)
  const day = everyone.day ? h('p', { id: 'checkin-day', class: 'muted' },
    tx('checkin.day', { day: date(everyone.day, { dateStyle: undefined, weekday: 'long', day: 'numeric', month: 'long' }) })) : null;
  add(main, h('h1', {}, t('checkin.title')), day, counter, h('div', { class: 'card' }, field(t('checkin.search'), q, t('checkin.hint')), foundSay), scanner, out,
    // partners reported not at their table, for the desk to look for (day.js)
    await absenceCard().catch(() => null));
  count();
  if (q.value) await draw();
}
