// The organiser's dashboard: forum figures and three charts of the scheduled
// meetings: the EU x Ukraine country-pair matrix, by capability, by hour.

import { api } from '../api.js';
import { h, add, list } from '../dom.js';
import { t, num, hourOf, countryName } from '../i18n.js';
import { state, eventPicker } from '../app.js';
import { barChart, matrix } from '../charts.js';
import { cpvLabel } from '../cpv.js';
import { allPages } from '../pager.js';

export async function renderDashboard(main) {
  const picker = await eventPicker();
  // every meeting, a page of the most the server gives at a time
  const ev = state.event ? state.event.id : '';
  const [stats, meetings] = await Promise.all([api.stats().catch(() => ({})),
    allPages((offset, limit) => api.meetings(ev, { offset, limit }), 'meetings')]);
  add(main, h('h1', {}, t('dash.title')), picker,
    h('div', { class: 'figures' },
      ['participants', 'organisations', 'eu_organisations', 'ua_organisations', 'countries', 'requests', 'accepted', 'scheduled']
        .filter((k) => stats[k] !== undefined)
        .map((k) => h('div', { class: 'figure' }, h('span', { class: 'value' }, num(stats[k])), h('span', { class: 'label' }, t(`stats.${k}`))))));
  if (meetings.length === 0) { add(main, h('p', { class: 'muted' }, t('dash.none'))); return; }

  // Country pairs: rows EU (and other) countries, columns Ukraine then the rest.
  const pair = new Map();
  const countries = new Set();
  for (const m of meetings) {
    const ps = list(m.people, 'people');
    if (ps.length < 2) continue;
    let [a, b] = [ps[0].country, ps[1].country];
    if (!a || !b) continue;
    if (b !== 'UA' && a === 'UA') [a, b] = [b, a];
    countries.add(a); countries.add(b);
    const k = `${a}|${b}`;
    pair.set(k, (pair.get(k) || 0) + 1);
  }
  const cols = ['UA', ...[...countries].filter((c) => c !== 'UA').sort()].filter((c) => countries.has(c));
  const rows = [...countries].filter((c) => c !== 'UA').sort((x, y) => {
    const vx = pair.get(`${x}|UA`) || 0; const vy = pair.get(`${y}|UA`) || 0;
    return vy - vx || x.localeCompare(y);
  });
  const cell = (r, c) => (pair.get(`${r}|${c}`) || 0) + (r !== c ? (pair.get(`${c}|${r}`) || 0) : 0);
  add(main, h('section', { class: 'card', id: 'chart-pairs' },
    matrix({ title: t('dash.pairs'), corner: t('dash.country'), rows, cols, cell, rowLabel: countryName, colLabel: (c) => c, colName: countryName })));

  const byCap = new Map();
  for (const m of meetings) {
    const code = m.cpv ? String(m.cpv).slice(0, 3) : '';
    const key = code || '—';
    const cur = byCap.get(key) || { label: m.cpv ? `${code} ${cpvLabel({ label_en: m.cpv_label_en, label_uk: m.cpv_label_uk }) || ''}`.trim() : t('dash.no_cpv'), value: 0 };
    cur.value += 1;
    byCap.set(key, cur);
  }
  add(main, h('section', { class: 'card', id: 'chart-cap' },
    barChart({ title: t('dash.by_cap'), head: [t('dash.cap_col'), t('chart.meetings')], data: [...byCap.values()].sort((a, b) => b.value - a.value).slice(0, 12) })));

  const byHour = new Map();
  for (const m of meetings) {
    const hr = hourOf(m.starts_at);
    if (hr !== null) byHour.set(hr, (byHour.get(hr) || 0) + 1);
  }
  add(main, h('section', { class: 'card', id: 'chart-hour' },
    barChart({ title: t('dash.by_hour'), head: [t('dash.hour_col'), t('chart.meetings')], data: [...byHour.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => ({ label: `${String(k).padStart(2, '0')}:00`, value: v })) })));
}
