// The organiser's dashboard: forum figures and three charts of the scheduled
// meetings: the EU x Ukraine country-pair matrix, by capability, by hour.

import { api } from '../api.js';
import { h, add, list } from '../dom.js';
import { t, num, countryName } from '../i18n.js';
import { state, eventPicker } from '../app.js';
import { barChart, matrix } from '../charts.js';
import { cpvLabel } from '../cpv.js';

export async function renderDashboard(main) {
  const picker = await eventPicker();
  // the meetings' figures, counted by the server (a forum's 8,700 meetings
  // are 5 MB as a list; their counts a few kB)
  const ev = state.event ? state.event.id : '';
  const [stats, counts] = await Promise.all([api.stats().catch(() => ({})),
    ev ? api.meetingCounts(ev) : Promise.resolve({})]);
  add(main, h('h1', {}, t('dash.title')), picker,
    h('div', { class: 'figures' },
      ['participants', 'organisations', 'eu_organisations', 'ua_organisations', 'countries', 'requests', 'accepted', 'scheduled']
        .filter((k) => stats[k] !== undefined)
        .map((k) => h('div', { class: 'figure' }, h('span', { class: 'value' }, num(stats[k])), h('span', { class: 'label' }, t(`stats.${k}`))))));
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
  const byCap = list(counts.capabilities).map((c) => ({
    label: c.group ? `${c.group} ${cpvLabel({ label_en: c.label_en, label_uk: c.label_uk }) || ''}`.trim() : t('dash.no_cpv'),
    value: c.n,
  }));
  add(main, h('section', { class: 'card', id: 'chart-cap' },
    barChart({ title: t('dash.by_cap'), head: [t('dash.cap_col'), t('chart.meetings')], data: byCap.sort((a, b) => b.value - a.value).slice(0, 12) })));

  // By hour of the event's day (its wall clock, as the programme is).
  const byHour = list(counts.hours).filter((c) => c.hour !== null && c.hour !== '').map((c) => [Number(c.hour), c.n]);
  add(main, h('section', { class: 'card', id: 'chart-hour' },
    barChart({ title: t('dash.by_hour'), head: [t('dash.hour_col'), t('chart.meetings')], data: byHour.sort((a, b) => a[0] - b[0]).map(([k, v]) => ({ label: `${String(k).padStart(2, '0')}:00`, value: v })) })));
}
