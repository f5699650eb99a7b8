// Charts drawn by hand: a bar chart and a matrix (heat map). What the eye
// sees is hidden from screen readers, which read the same figures as a
// table (visually hidden); the page's text stays text, so a phone shows it
// at its own size: a bar chart's labels wrap above their bars there.

import { s, h, scroller } from './dom.js';
import { num, t } from './i18n.js';

// The figures as a table for screen readers: a caption, a header row, rows.
function dataTable(title, head, rows) {
  return h('div', { class: 'sr-only' }, h('table', { class: 'chart-data' },
    h('caption', {}, title),
    h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map(([th, ...tds]) => h('tr', {}, h('th', { scope: 'row' }, th), tds.map((x) => h('td', {}, x)))))));
}

// data: [{label, value}]; each bar a row: its label (whole, wrapping), the
// bar and the figure.
export function barChart({ title, head, data, label = (d) => d.label, value = (d) => d.value }) {
  const max = Math.max(1, ...data.map(value));
  const bars = h('ol', { class: 'bars', 'aria-hidden': 'true' }, data.map((d) => h('li', {},
    h('span', { class: 'bar-label' }, String(label(d))),
    s('svg', { class: 'bar-track', viewBox: '0 0 100 10', preserveAspectRatio: 'none', focusable: 'false' },
      s('rect', { x: 0, y: 0, width: Math.max(0.5, (value(d) / max) * 100).toFixed(2), height: 10, class: 'bar', rx: 0.5 })),
    h('span', { class: 'bar-value' }, num(value(d))))));
  return h('figure', { class: 'chart-box' }, h('figcaption', { 'aria-hidden': 'true' }, title), bars,
    dataTable(title, head || ['', t('chart.meetings')], data.map((d) => [String(label(d)), num(value(d))])));
}

// rows x cols counts; cell(r, c) -> number. Darker = more meetings. Drawn
// at its own size (12 px text), scrolling sideways where it is wider than
// the screen.
export function matrix({ title, corner = '', rows, cols, cell, rowLabel = (x) => x, colLabel = (x) => x, colName = colLabel }) {
  const cw = 34; const ch = 26; const left = 130; const top = 40;
  const width = left + cols.length * cw + 10;
  const height = top + rows.length * ch + 10;
  let max = 1;
  for (const r of rows) for (const c of cols) max = Math.max(max, cell(r, c));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'chart matrix', 'aria-hidden': 'true', focusable: 'false' },
    cols.map((c, j) => s('text', { x: left + j * cw + cw / 2, y: top - 8, 'text-anchor': 'middle', class: 'axis' }, colLabel(c))),
    rows.map((r, i) => s('g', {},
      s('text', { x: left - 6, y: top + i * ch + 17, 'text-anchor': 'end', class: 'axis' }, String(rowLabel(r)).slice(0, 18)),
      cols.map((c, j) => {
        const v = cell(r, c);
        const level = v === 0 ? 0 : 1 + Math.min(4, Math.floor((v / max) * 4.999));
        return s('g', {},
          s('rect', { x: left + j * cw + 1, y: top + i * ch + 1, width: cw - 2, height: ch - 2, class: `cell l${level}` },
            s('title', {}, `${rowLabel(r)} × ${colName(c)}: ${num(v)}`)),
          v ? s('text', { x: left + j * cw + cw / 2, y: top + i * ch + 17, 'text-anchor': 'middle', class: level >= 3 ? 'val inv' : 'val' }, num(v)) : null);
      }))));
  return h('figure', { class: 'chart-box' }, h('figcaption', { 'aria-hidden': 'true' }, title), scroller({ 'aria-label': title }, svg),
    dataTable(title, [corner, ...cols.map(colName)], rows.map((r) => [rowLabel(r), ...cols.map((c) => num(cell(r, c)))])));
}
