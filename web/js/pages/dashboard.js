// The organiser's dashboard: forum figures and three charts of the scheduled
// meetings: the EU x Ukraine country-pair matrix, by capability, by hour.

import { api } from '../api.js';
import { h, add, list, data, whileSeen, scroller, outcome } from '../dom.js';
import { t, tx, tn, num, countryName, isoDay, dayTime } from '../i18n.js';
import { state, eventPicker } from '../app.js';
import { barChart, matrix } from '../charts.js';
import { cpvLabel, cpvBare } from '../cpv.js';
import { OUTCOMES } from '../outcomes.js';
import { serverNow } from '../clock.js';
import { localName } from '../people.js';
import { checkThenSend } from '../mailing.js';

export async function renderDashboard(main) {
  await drawDashboard(main, await eventPicker());
  keepFresh(main);
}

// The figures and charts into main, under its title and the event picker
// (none when redrawn for keepFresh).
async function drawDashboard(main, picker) {
  // the meetings' figures, counted by the server (a forum's 8,700 meetings
  // are 5 MB as a list; their counts a few kB)
  const ev = state.event ? state.event.id : '';
  // on the day, how many have arrived beside how many registered (the
  // check-in desk's count, as the check-in page says it: during the forum,
  // today's)
  const [stats, counts, outcomes, arrived, absent, report, backups, mail] = await Promise.all([api.stats().catch(() => ({})),
    ev ? api.meetingCounts(ev) : Promise.resolve({}),
    ev ? api.outcomeFigures(ev).catch(() => null) : null,
    api.people({ limit: 0 }).catch(() => undefined),
    // partners reported not at their table, not yet dealt with (the check-in page lists them)
    api.absences({ open: 1, limit: 0 }).then((r) => r.open).catch(() => undefined),
    // once meetings have begun: how many took place (the funders' report's
    // rule); and the meetings by capability area
    ev ? api.report(ev).catch(() => undefined) : undefined,
    api.backups().catch(() => null),
    // whether the forum sends mail: the outcomes card's "Ask them by e-mail"
    ev ? api.consoleMail().catch(() => null) : null]);
  const held = report && report.meetings;
  const figure = (id, value, label) => h('div', { class: 'figure', dataset: { figure: id } },
    h('span', { class: 'value' }, num(value)), h('span', { class: 'label' }, label));
  add(main, h('h1', {}, t('dash.title')), picker,
    h('div', { class: 'figures' },
      ['participants', 'arrived', 'absent', 'organisations', 'eu_organisations', 'ua_organisations', 'countries', 'requests', 'accepted', 'scheduled', 'held']
        .map((k) => (k === 'arrived' ? (arrived ? figure(k, arrived.checked_in, tn(arrived.day ? 'dash.arrived_today' : 'dash.arrived', arrived.checked_in)) : null)
          : k === 'absent' ? (absent !== undefined ? figure(k, absent, tn('day.absent_open', absent)) : null)
            : k === 'held' ? (held && held.begun ? figure(k, held.held, tn('dash.held', held.held, { begun: num(held.begun), eu_ua: num(held.held_eu_ua) })) : null)
              : stats[k] !== undefined ? figure(k, stats[k], t(`stats.${k}`)) : null))),
    ev ? reportLinks(ev) : null, backupsLine(backups));
  if (!counts.meetings) { add(main, h('p', { class: 'muted' }, t('dash.none'))); return; }

  // Country pairs: rows EU (and other) countries, columns Ukraine then the rest.
  const pair = new Map();
  const countries = new Set();
  for (const c of list(counts.pairs)) {
    let [a, b] = [c.a, c.b];
    if (!a || !b) continue;
    if (b !== 'UA' && a === 'UA') [a, b] = [b, a];
    countries.add(a); countries.add(b);
    const k = `${a}|${b}`;
    pair.set(k, (pair.get(k) || 0) + c.n);
  }
  const cols = ['UA', ...[...countries].filter((c) => c !== 'UA').sort()].filter((c) => countries.has(c));
  const rows = [...countries].filter((c) => c !== 'UA').sort((x, y) => {
    const vx = pair.get(`${x}|UA`) || 0; const vy = pair.get(`${y}|UA`) || 0;
    return vy - vx || x.localeCompare(y);
  });
  const cell = (r, c) => (pair.get(`${r}|${c}`) || 0) + (r !== c ? (pair.get(`${c}|${r}`) || 0) : 0);
  add(main, h('section', { class: 'card', id: 'chart-pairs' },
    matrix({ title: t('dash.pairs'), corner: t('dash.country'), rows, cols, cell, rowLabel: countryName, colLabel: (c) => c, colName: countryName })));

  // By capability: the three-digit CPV group one side offers and the other needs.
  const caps = list(counts.capabilities);
  const byCap = caps.map((c) => ({ label: capGroupLabel(c), value: c.n }));
  add(main, h('section', { class: 'card', id: 'chart-cap' },
    barChart({ title: t('dash.by_cap'), head: [t('dash.cap_col'), t('chart.meetings')], data: byCap.sort((a, b) => b.value - a.value).slice(0, 12) }),
    caps.some((c) => c.group && !c.label_en && !c.label_uk) ? cpvHint() : null));

  // By hour of the event's day (its wall clock, as the programme is).
  const byHour = list(counts.hours).filter((c) => c.hour !== null && c.hour !== '').map((c) => [Number(c.hour), c.n]);
  add(main, h('section', { class: 'card', id: 'chart-hour' },
    barChart({ title: t('dash.by_hour'), head: [t('dash.hour_col'), t('chart.meetings')], data: byHour.sort((a, b) => a[0] - b[0]).map(([k, v]) => ({ label: `${String(k).padStart(2, '0')}:00`, value: v })) })));

  if (outcomes) add(main, outcomesSection(outcomes, Boolean(mail && mail.on)));
  if (outcomes && report && list(report.areas).length) add(main, areasSection(report.areas, outcomes.reported > 0));
}

// A CPV group of the chart: its digits and label, "CPV 356…" without one.
function capGroupLabel(c) {
  if (!c.group) return t('dash.no_cpv');
  const label = cpvLabel({ label_en: c.label_en, label_uk: c.label_uk });
  return label ? `${c.group} ${label}` : cpvBare(c.group, true);
}

// Groups without labels: the classifier is not loaded. The dashboard is
// the organiser's, who can load it: how.
function cpvHint() {
  const command = (lang) => h('code', { translate: 'no', lang: 'en' }, `dfnc import cpv cpv_${lang}.json`);
  return h('p', { class: 'muted', id: 'dash-cpv-hint' }, ...tx('dash.cpv_missing', { en: command('en'), uk: command('uk') }));
}

// What the meetings led to, as their people said (GET .../outcomes): how
// many meetings under each outcome, and of them between EU and Ukrainian
// organisations; never anyone's note. Below, those who have said nothing
// yet asked by e-mail (mailOn: the forum sends mail).
function outcomesSection(o, mailOn) {
  const head = h('h2', { id: 'outcomes-h' }, t('dash.outcomes'));
  if (!o.reported) {
    return h('section', { class: 'card', id: 'dash-outcomes', 'aria-labelledby': 'outcomes-h' }, head,
      h('p', { class: 'muted' }, t('dash.outcomes_none')), askOutcomes(mailOn));
  }
  const by = new Map(list(o.outcomes).map((x) => [x.outcome, x]));
  const pair = o.eu_ua || {};
  return h('section', { class: 'card', id: 'dash-outcomes', 'aria-labelledby': 'outcomes-h' }, head,
    h('p', {}, t('dash.outcomes_lead', { reported: num(o.reported), meetings: num(o.meetings),
      eu_ua_reported: num(pair.reported || 0), eu_ua_meetings: num(pair.meetings || 0) })),
    h('table', { 'aria-labelledby': 'outcomes-h' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('dash.outcome_col')),
        h('th', { scope: 'col', class: 'num' }, t('chart.meetings')), h('th', { scope: 'col', class: 'num' }, t('dash.outcome_eu_ua')))),
      h('tbody', {}, OUTCOMES.map((code) => {
        const x = by.get(code) || { meetings: 0, eu_ua: 0 };
        return h('tr', { dataset: { outcome: code } }, h('th', { scope: 'row' }, t(`outcome.${code}`)),
          h('td', { class: 'num' }, num(x.meetings)), h('td', { class: 'num' }, num(x.eu_ua)));
      }))), askOutcomes(mailOn));
}

// Few say what a meeting led to unless asked: everyone of the event's
// meetings begun who has said nothing of one asked by e-mail, in one go.
// First the figures (a dry run: some were asked lately, some have no mail),
// then sent.
function askOutcomes(mailOn) {
  const ev = state.event;
  const part = h('div', { class: 'no-print', id: 'ask-outcomes' }, h('h3', { id: 'ask-outcomes-h' }, t('ask.title')));
  if (!mailOn) return add(part, h('p', { class: 'muted', id: 'ask-outcomes-no-mail' }, t('ask.no_mail')));
  const status = outcome('ask-outcomes-status');
  const check = h('button', { type: 'button', id: 'ask-outcomes-check' }, t('ask.check'));
  const plan = h('div', { id: 'ask-outcomes-plan' });
  checkThenSend(check, plan, status, {
    id: 'ask-outcomes',
    ask: (dry) => api.askOutcomes(ev.id, dry),
    lines: (r) => [tn('ask.meetings', r.meetings), tn('daymail.plan', r.mailed),
      r.asked_lately ? tn('ask.lately', r.asked_lately) : null, r.not_mailed ? tn('ask.not_mailed', r.not_mailed) : null],
    sendText: (r) => tn('daymail.send', r.mailed),
    sentText: (r) => tn('daymail.sent', r.mailed),
    nobody: t('ask.nobody'),
  });
  return add(part, h('p', {}, t('ask.lead', { event: localName(ev.name, ev.name_uk) })), check, plan, status.el);
}

// The report's meetings by capability area (`dfnc report`): where one side
// offers and the other needs a CPV code of the area (its division; in
// division 35 its group), how many were held and, once any outcome is said,
// how many led somewhere (a next step, a project, a purchase, an agreement).
function areasSection(areas, anyOutcome) {
  const name = (a) => (a.area === 'other' ? t('dash.area_other')
    : cpvLabel({ label_en: a.name_en, label_uk: a.name_uk }) || cpvBare(a.area, true));
  const cols = [['meetings', (a) => a.meetings], ['eu_ua', (a) => (a.eu_ua || {}).meetings], ['held', (a) => a.held]]
    .concat(anyOutcome ? [['led', (a) => a.led], ['led_eu_ua', (a) => (a.eu_ua || {}).led]] : []);
  const label = { meetings: t('chart.meetings'), eu_ua: t('dash.outcome_eu_ua'), held: t('dash.area_held'),
    led: t('dash.area_led'), led_eu_ua: t('dash.area_led_eu_ua') };
  // the table's scrolled region is named by the heading: the card is no
  // second landmark of that name
  return h('section', { class: 'card', id: 'dash-areas' },
    h('h2', { id: 'areas-h' }, t('dash.areas')),
    h('p', { class: 'muted' }, t('dash.areas_lead')),
    // five figures beside a name: scrolled sideways on a phone, as data tables are
    scroller({ 'aria-labelledby': 'areas-h' }, h('table', { 'aria-labelledby': 'areas-h' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('dash.area_col')),
        ...cols.map(([k]) => h('th', { scope: 'col', class: 'num', dataset: { col: k } }, label[k])))),
      h('tbody', {}, list(areas).map((a) => h('tr', { dataset: { area: a.area } },
        h('th', { scope: 'row' }, name(a)),
        ...cols.map(([, f]) => h('td', { class: 'num' }, num(f(a) || 0)))))))));
}

// The report for the forum's funders (`dfnc report`): the event's figures,
// by country, side and country pair, counted and naming no one; an Excel
// workbook or CSV in rows section,key,figure,value.
function reportLinks(ev) {
  const href = (format) => `/api/v1/console/events/${encodeURIComponent(ev)}/report?format=${format}`;
  return h('p', { id: 'dash-report' }, t('dash.report'), ': ',
    h('a', { href: href('xlsx'), download: `dfnc-report-${ev}.xlsx`, id: 'dash-report-xlsx' }, data('Excel')),
    ' · ',
    h('a', { href: href('csv'), download: `dfnc-report-${ev}.csv`, id: 'dash-report-csv' }, 'CSV'),
    h('span', { class: 'muted' }, ' — ', t('dash.report_hint')));
}

// The server's own backups (serve --backup-dir, GET /console/backups): the
// last copy and how often, a failure since (an alert: the forum is not
// being saved), or that it takes none, with where to read how.
function backupsLine(b) {
  if (!b) return null;
  if (!b.on) return h('p', { class: 'muted', id: 'dash-backups' }, tx('dash.backups_off', { option: h('code', {}, '--backup-dir') }));
  const how = t('dash.backups_how', { every: num(b.every_minutes), keep: num(b.keep) });
  if (b.failed) {
    return h('p', { class: 'error', id: 'dash-backups', role: 'alert' },
      t('dash.backups_failed', { when: dayTime(b.failed.at) }), ' ', data(b.failed.error), ' ', how);
  }
  return h('p', { class: 'muted', id: 'dash-backups' }, b.last
    ? t('dash.backups_last', { when: dayTime(b.last.at), mib: num(Math.round(b.last.mib * 10) / 10) })
    : t('dash.backups_first'), ' ', how);
}

// ---- during the event's days the dashboard keeps itself fresh (fix-day) ----

// A fetch every minute or so while the tab is seen, none while it is hidden
// (one at once when it is seen again); stops when the page is left.
const REFRESH_MS = 60 * 1000;

// Whether today, in the event's zone, is one of its days.
function duringEvent(ev) {
  const today = isoDay(serverNow(), ev.timezone || 'UTC');
  return !!ev.starts_on && ev.starts_on <= today && today <= (ev.ends_on || ev.starts_on);
}

function keepFresh(main) {
  const mark = main.querySelector('.figures');
  if (!state.event || !mark || !duringEvent(state.event)) return;
  whileSeen(mark, REFRESH_MS, async () => {
    const scratch = h('div');
    await drawDashboard(scratch, null);
    if (mark.isConnected) swapIn(main, scratch);
  });
}

// The redrawn dashboard's figures and charts into the page: each figure's
// value and label changed in place, each section replaced whole unless the
// keyboard's focus is in it. Nothing of it is a live region, so a screen
// reader is not read the page again every minute.
function swapIn(main, fresh) {
  const figures = main.querySelector('.figures');
  const newFigures = fresh.querySelector('.figures');
  if (figures && newFigures) {
    const same = [...figures.children].map((f) => f.dataset.figure).join() === [...newFigures.children].map((f) => f.dataset.figure).join();
    if (!same) figures.replaceWith(newFigures);
    else {
      for (const f of newFigures.children) {
        const old = figures.querySelector(`.figure[data-figure="${f.dataset.figure}"]`);
        for (const part of ['.value', '.label']) {
          const to = f.querySelector(part).textContent;
          if (old.querySelector(part).textContent !== to) old.querySelector(part).textContent = to;
        }
      }
    }
  }
  for (const section of fresh.querySelectorAll('section[id]')) {
    const old = main.querySelector(`section[id="${section.id}"]`);
    if (!old) main.append(section);
    else if (!old.contains(document.activeElement)) old.replaceWith(section);
  }
}
